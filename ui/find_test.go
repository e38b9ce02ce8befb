package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/ui/widgets"
)

// walk calls visit on o and everything drawn inside it.
func walk(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
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
		if b, ok := o.(*widget.Button); ok && found == nil && b.Text == s && b.Visible() {
			found = b
		}
	})
	return found
}

// dialogSays reports whether the newest dialog shows text.
func dialogSays(a *App, text string) bool {
	d := a.Dialog()
	if d == nil {
		return false
	}
	found := false
	walk(a.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		switch l := o.(type) {
		case *widget.Label:
			found = found || strings.Contains(l.Text, text)
		case *widgets.WrapLabel:
			found = found || strings.Contains(l.Text, text)
		}
	})
	return found
}
