package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"chamberdesk/ui/widgets"
)

// shortcutKeys are the window's named shortcuts: Ctrl+N new, Ctrl+F
// search, Ctrl+S save (and Ctrl+Q quit, quit.go).
var shortcutKeys = map[fyne.KeyName]string{fyne.KeyN: "new", fyne.KeyF: "search", fyne.KeyS: "save"}

// formEntry is the entry of the window's forms: Ctrl+S typed in a field
// saves the form, Ctrl+N and Ctrl+F reach the screen (widgets.FormEntry).
type formEntry = widgets.FormEntry

func newFormEntry(a shell) *formEntry { return widgets.NewFormEntry(windowShortcut(a)) }

func newFormMultiLineEntry(a shell) *formEntry {
	return widgets.NewFormMultiLineEntry(windowShortcut(a))
}

// windowShortcut runs the window's action for a named shortcut typed in a
// form field and reports whether the shortcut is one of the window's.
func windowShortcut(a shell) func(sc *desktop.CustomShortcut) bool {
	return func(sc *desktop.CustomShortcut) bool {
		name, ok := shortcutKeys[sc.KeyName]
		if ok {
			a.runShortcut(name)
		}
		return ok
	}
}
