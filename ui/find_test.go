package ui

import (
	"testing"

	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/ui/widgets"
)

// walk calls visit on o and everything drawn inside it, as the renderers
// draw it now; hidden objects and what they hold are skipped.
func walk(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	visit(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walk(c, visit)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			walk(c, visit)
		}
	}
}

// drawn is o and everything drawn inside it (walk), in order.
func drawn(o fyne.CanvasObject) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	walk(o, func(c fyne.CanvasObject) { out = append(out, c) })
	return out
}

// texts is every text under o, a line each: what labels, wrapping labels,
// rich texts, buttons, check boxes, entries and form items say, and the
// canvas texts their renderers draw (so a text may stand more than once).
func texts(o fyne.CanvasObject) string {
	var b strings.Builder
	line := func(s string) {
		if strings.TrimSpace(s) != "" {
			b.WriteString(s + "\n")
		}
	}
	walk(o, func(c fyne.CanvasObject) {
		switch w := c.(type) {
		case *canvas.Text:
			line(w.Text)
		case *widget.Label:
			line(w.Text)
		case *widgets.WrapLabel:
			line(w.Text)
		case *widget.RichText:
			line(w.String())
		case *widget.Button:
			line(w.Text)
		case *widget.Check:
			line(w.Text)
		case *widget.Entry:
			line(w.Text)
		case *widget.Form:
			for _, it := range w.Items {
				line(it.Text)
			}
		}
	})
	return b.String()
}

// topTexts is every text on the top overlay (the open dialog), or ""
// without one.
func topTexts(a *App) string {
	return texts(a.win.Canvas().Overlays().Top())
}

// checkNamed finds the check box whose text contains s, in what root draws.
func checkNamed(root fyne.CanvasObject, s string) *widget.Check {
	var found *widget.Check
	walk(root, func(o fyne.CanvasObject) {
		if c, ok := o.(*widget.Check); ok && found == nil && strings.Contains(c.Text, s) {
			found = c
		}
	})
	return found
}

// buttonNamed finds the visible button with the text s.
func buttonNamed(root fyne.CanvasObject, s string) *widget.Button {
	var found *widget.Button
	walk(root, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && found == nil && b.Text == s {
			found = b
		}
	})
	return found
}

// dialogSays reports whether the dialog on top shows text.
func dialogSays(a *App, text string) bool {
	return strings.Contains(topTexts(a), text)
}

// topOverlay is what the window shows on top: the newest dialog still
// open, or nil.
func topOverlay(a *App) fyne.CanvasObject { return a.win.Canvas().Overlays().Top() }

// onTop reports whether o is drawn in the dialog on top.
func onTop(a *App, o fyne.CanvasObject) bool {
	found := false
	walk(topOverlay(a), func(c fyne.CanvasObject) { found = found || c == o })
	return found
}

// tapOnTop taps the button named name (or its translation in the
// language in use) in the dialog on top, failing when there is none.
func tapOnTop(t testing.TB, a *App, name string) {
	t.Helper()
	b := buttonNamed(topOverlay(a), lang.L(name))
	if b == nil {
		t.Fatalf("no %s button on top; it says %q", name, topTexts(a))
	}
	test.Tap(b)
}

// dismissTop closes a message on top (an error or information dialog)
// with its one button.
func dismissTop(t testing.TB, a *App) {
	t.Helper()
	var buttons []*widget.Button
	walk(topOverlay(a), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok {
			buttons = append(buttons, b)
		}
	})
	if len(buttons) != 1 {
		t.Fatalf("the dialog on top has %d buttons, want a message's one; it says %q", len(buttons), topTexts(a))
	}
	top := topOverlay(a)
	test.Tap(buttons[0])
	if topOverlay(a) == top {
		t.Fatalf("%s left the message open", buttons[0].Text)
	}
}
