package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// FormEntry is an Entry that lets the window's own shortcuts through. A
// focused widget.Entry receives every Ctrl shortcut and drops the ones it
// does not know, so without this Ctrl+S typed in a form field would do
// nothing.
type FormEntry struct {
	widget.Entry
	// Shortcut (may be nil) runs the window's action for sc and reports
	// whether sc is one of the window's; the entry handles the others
	// (copy, paste…). A type embedding FormEntry sets it.
	Shortcut func(sc *desktop.CustomShortcut) bool
}

// NewFormEntry is a one-line entry; shortcut (may be nil) is offered every
// Ctrl shortcut first and reports whether it took it.
func NewFormEntry(shortcut func(sc *desktop.CustomShortcut) bool) *FormEntry {
	e := &FormEntry{Shortcut: shortcut}
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.ExtendBaseWidget(e)
	return e
}

// NewFormMultiLineEntry is a multi-line entry that wraps at words.
func NewFormMultiLineEntry(shortcut func(sc *desktop.CustomShortcut) bool) *FormEntry {
	e := &FormEntry{Shortcut: shortcut}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut offers Ctrl shortcuts to the window first and hands every
// other shortcut, and those the window does not take, to the entry.
func (e *FormEntry) TypedShortcut(sc fyne.Shortcut) {
	if cs, ok := sc.(*desktop.CustomShortcut); ok && cs.Modifier == fyne.KeyModifierShortcutDefault &&
		e.Shortcut != nil && e.Shortcut(cs) {
		return
	}
	e.Entry.TypedShortcut(sc)
}
