package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

func TestNav(t *testing.T) {
	test.NewTempApp(t)
	var got []int
	n := NewNav([]NavItem{{"首页", theme.HomeIcon()}, {"会员", theme.AccountIcon()}, {"设置", theme.SettingsIcon()}},
		func(i int) { got = append(got, i) })
	w := test.NewTempWindow(t, n)
	w.Resize(fyne.NewSize(200, 300))
	if n.Selected() != -1 || n.Len() != 3 || n.Title(2) != "设置" {
		t.Fatalf("selected %d len %d", n.Selected(), n.Len())
	}
	n.Select(0)
	test.Tap(n.entries[2])
	n.Select(2)
	n.Select(7)
	if n.Selected() != 2 || len(got) != 3 || got[0] != 0 || got[1] != 2 || got[2] != 2 {
		t.Fatalf("selected %d, actions %v", n.Selected(), got)
	}
	for i, e := range n.entries {
		if e.selected != (i == 2) || !e.Visible() {
			t.Errorf("entry %d: selected %v", i, e.selected)
		}
		// The selected entry says its name in the theme's primary colour.
		text := test.WidgetRenderer(e).Objects()[2].(*canvas.Text)
		if text.Text != n.Title(i) || (text.Color == theme.Color(theme.ColorNamePrimary)) != (i == 2) {
			t.Errorf("entry %d draws %q in %v", i, text.Text, text.Color)
		}
	}
	if min := n.MinSize(); min.Height > 300 || min.Width > 100 {
		t.Errorf("three entries need %v", min)
	}
	e := n.entries[0]
	e.MouseIn(nil)
	if !e.hovered {
		t.Error("no highlight under the mouse")
	}
	e.MouseOut()
}
