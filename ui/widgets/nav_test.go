package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
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
	test.Tap(n.buttons[2])
	n.Select(2)
	n.Select(7)
	if n.Selected() != 2 || len(got) != 3 || got[0] != 0 || got[1] != 2 || got[2] != 2 {
		t.Fatalf("selected %d, actions %v", n.Selected(), got)
	}
	for i, b := range n.buttons {
		want := widget.LowImportance
		if i == 2 {
			want = widget.HighImportance
		}
		if b.Importance != want || b.Position().X < 0 || !b.Visible() {
			t.Errorf("entry %d: importance %v at %v", i, b.Importance, b.Position())
		}
	}
	if min := n.MinSize(); min.Height > 300 {
		t.Errorf("three entries need %v", min)
	}
}
