package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Panel sets a part of a page on a light rounded background that follows
// the theme, light or dark.
type Panel struct {
	widget.BaseWidget
	content fyne.CanvasObject
}

// NewPanel puts content, padded, on the panel's background.
func NewPanel(content fyne.CanvasObject) *Panel {
	p := &Panel{content: container.NewPadded(content)}
	p.ExtendBaseWidget(p)
	return p
}

// CreateRenderer is Fyne's way in.
func (p *Panel) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(nil)
	r := &panelRenderer{bg: bg, objs: []fyne.CanvasObject{bg, p.content}}
	r.Refresh()
	return r
}

type panelRenderer struct {
	bg   *canvas.Rectangle
	objs []fyne.CanvasObject
}

func (r *panelRenderer) Layout(size fyne.Size) {
	for _, o := range r.objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (r *panelRenderer) MinSize() fyne.Size { return r.objs[1].MinSize() }

func (r *panelRenderer) Refresh() {
	r.bg.FillColor = theme.Color(theme.ColorNameInputBackground)
	r.bg.CornerRadius = theme.InputRadiusSize()
	r.bg.Refresh()
}

func (r *panelRenderer) Objects() []fyne.CanvasObject { return r.objs }

func (r *panelRenderer) Destroy() {}
