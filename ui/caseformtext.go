package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
)

// caseEntry is a form entry that knows whether the person has been in it,
// so a figure chosen in a dialog goes where they were writing (the entry
// keeps its cursor while the dialog has the focus) or, in an entry not yet
// touched, at the end.
type caseEntry struct {
	formEntry
	placed bool // the person has been in the entry: its cursor means something
}

func newCaseEntry(a shell, multi bool) *caseEntry {
	e := &caseEntry{formEntry: formEntry{Shortcut: windowShortcut(a)}}
	if multi {
		e.MultiLine = true
		e.Wrapping = fyne.TextWrapWord
	} else {
		e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	}
	e.ExtendBaseWidget(e)
	return e
}

// insertFigure opens 插入数字 for the text and returns it.
func (t *caseText) insertFigure() *figureDialog {
	d := newFigureDialog(t.f, t.section)
	d.show()
	return d
}

func (e *caseEntry) FocusGained() {
	e.placed = true
	e.formEntry.FocusGained()
}

// insert puts s at the cursor, as a paste would (so 撤销 takes it back and
// the cursor ends after it), or at the end of an entry not yet touched.
func (e *caseEntry) insert(s string) {
	if !e.placed {
		e.SetText(e.Text + s)
		return
	}
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: textClipboard(s)})
}

// textClipboard hands one text to a paste without touching the system
// clipboard, which holds whatever the person copied.
type textClipboard string

func (c textClipboard) Content() string   { return string(c) }
func (c textClipboard) SetContent(string) {}

// caseText is one text of the case with its live character count and, for
// the three sections, the 插入数字 button.
type caseText struct {
	f       *caseForm
	name    string
	section string // "" for the recommender's opinion
	limit   func() int
	entry   *caseEntry
	count   *widget.Label
	insert  *widget.Button
}

func newCaseText(f *caseForm, name, section string, limit func() int, rows int) *caseText {
	t := &caseText{f: f, name: name, section: section, limit: limit, entry: newCaseEntry(f.sh, true),
		count: widget.NewLabel("")}
	t.entry.SetMinRowsVisible(rows)
	t.entry.OnChanged = func(string) { t.showCount() }
	if section != "" {
		t.insert = widget.NewButtonWithIcon(lang.L("插入数字"), theme.ContentAddIcon(), func() { t.insertFigure() })
	}
	t.showCount()
	return t
}

// showCount shows "123 / 300 字", in the warning colour when over.
func (t *caseText) showCount() { showCount(t.count, data.CountChars(t.entry.Text), t.limit()) }

func showCount(l *widget.Label, n, limit int) {
	l.SetText(fmt.Sprintf(lang.L("%d / %d 字"), n, limit))
	imp := widget.LowImportance
	if n > limit {
		imp = widget.DangerImportance
		l.SetText(fmt.Sprintf(lang.L("%d / %d 字，超出%d字"), n, limit, n-limit))
	}
	if l.Importance != imp {
		l.Importance = imp
		l.Refresh()
	}
}

// block is the text's heading line (name, count, button) over its entry.
func (t *caseText) block() fyne.CanvasObject {
	h := widget.NewLabelWithStyle(t.name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	right := container.NewHBox(t.count)
	if t.insert != nil {
		right.Add(t.insert)
	}
	return container.NewVBox(container.NewBorder(nil, nil, h, right), t.entry)
}
