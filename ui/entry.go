package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// shortcutKeys are the window's named shortcuts: Ctrl+N new, Ctrl+F
// search, Ctrl+S save.
var shortcutKeys = map[fyne.KeyName]string{fyne.KeyN: "new", fyne.KeyF: "search", fyne.KeyS: "save"}

// formEntry is an Entry that lets the window's named shortcuts through. A
// focused widget.Entry receives every Ctrl shortcut and drops the ones it
// does not know, so without this Ctrl+S typed in a form field would do
// nothing.
type formEntry struct {
	widget.Entry
	sh shell
}

func newFormEntry(a shell) *formEntry {
	e := &formEntry{sh: a}
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.ExtendBaseWidget(e)
	return e
}

func newFormMultiLineEntry(a shell) *formEntry {
	e := &formEntry{sh: a}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut runs the window's 新增/查找/保存 actions and hands every
// other shortcut (copy, paste, undo…) to the entry.
func (e *formEntry) TypedShortcut(sc fyne.Shortcut) {
	if cs, ok := sc.(*desktop.CustomShortcut); ok && cs.Modifier == fyne.KeyModifierShortcutDefault {
		if name, ok := shortcutKeys[cs.KeyName]; ok {
			e.sh.runShortcut(name)
			return
		}
	}
	e.Entry.TypedShortcut(sc)
}
