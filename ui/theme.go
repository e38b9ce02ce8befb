package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"chamberdesk/assets/fonts"
)

// chineseTheme is Fyne's default theme with one Simplified-Chinese font for
// every text style, so 直, 角, 骨, 画 keep their Chinese shapes.
type chineseTheme struct {
	font fyne.Resource
}

// newTheme returns the theme and the font in use; without a font it falls
// back to Fyne's default and reports the error so the window can say so.
func newTheme() (fyne.Theme, *fonts.Font, error) {
	f, err := fonts.Chinese()
	if err != nil {
		return theme.DefaultTheme(), nil, err
	}
	return &chineseTheme{font: fyne.NewStaticResource("chinese.ttf", f.TTF)}, f, nil
}

func (t *chineseTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return theme.DefaultTheme().Color(n, v)
}

func (t *chineseTheme) Font(fyne.TextStyle) fyne.Resource { return t.font }

func (t *chineseTheme) Icon(n fyne.ThemeIconName) fyne.Resource {
	return theme.DefaultTheme().Icon(n)
}

func (t *chineseTheme) Size(n fyne.ThemeSizeName) float32 {
	return theme.DefaultTheme().Size(n)
}
