package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// navEntry finds what the navigation column draws for the entry title: a
// visible tappable object whose drawn text is title, lying wholly inside
// the window. Entries moved behind an overflow menu are not drawn.
func navEntry(a *App, title string) fyne.Tappable {
	var found fyne.Tappable
	size := a.win.Canvas().Size()
	var visit func(o fyne.CanvasObject, at fyne.Position, tap fyne.Tappable, inNav bool)
	visit = func(o fyne.CanvasObject, at fyne.Position, tap fyne.Tappable, inNav bool) {
		if o == nil || !o.Visible() || found != nil {
			return
		}
		at = at.Add(o.Position())
		inNav = inNav || o == fyne.CanvasObject(a.nav)
		if tp, ok := o.(fyne.Tappable); ok {
			tap = tp
		}
		if tx, ok := o.(*canvas.Text); ok && inNav && tap != nil && strings.TrimSpace(tx.Text) == title {
			end := at.Add(fyne.NewPos(tx.Size().Width, tx.Size().Height))
			if at.X >= 0 && at.Y >= 0 && end.X <= size.Width+0.5 && end.Y <= size.Height+0.5 {
				found = tap
			}
			return
		}
		var children []fyne.CanvasObject
		switch x := o.(type) {
		case *fyne.Container:
			children = x.Objects
		case fyne.Widget:
			children = test.WidgetRenderer(x).Objects()
		}
		for _, c := range children {
			visit(c, at, tap, inNav)
		}
	}
	visit(a.win.Content(), fyne.Position{}, nil, false)
	return found
}

// TestNavAllReachable: in the default 1100×720 window every screen is one
// tap away, in Chinese and in English: its entry is drawn inside the
// window, none hidden behind an overflow menu, and tapping it shows the
// screen.
func TestNavAllReachable(t *testing.T) {
	for _, code := range []string{langChinese, langEnglish} {
		t.Run(code, func(t *testing.T) {
			t.Cleanup(func() { _ = setLanguage(langChinese) })
			fa := newThreadApp(t)
			fa.Preferences().SetString(prefLanguage, code)
			a := openTestApp(t, fa, demoCopy(t))
			a.win.Resize(fyne.NewSize(1100, 720))
			a.show("home")
			items := navItems()
			if len(items) != 10 {
				t.Fatalf("%d screens, want 10", len(items))
			}
			for i := len(items) - 1; i >= 0; i-- { // from the last, so no tap is a no-op
				n := items[i]
				entry := navEntry(a, n.title)
				if entry == nil {
					t.Errorf("%s: no entry %q drawn in the 1100×720 window", code, n.title)
					continue
				}
				test.Tap(entry)
				if a.current() != n.key {
					t.Errorf("%s: tapping %q shows %q", code, n.title, a.current())
				}
			}
		})
	}
}
