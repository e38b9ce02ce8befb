package ui

import (
	"context"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/ui/widgets"
)

// recordList is the list machinery the members and activities screens
// share: the records shown in a record table, the selected one kept by id
// across searches and reloads, the count beside the filters, the search
// box and filters that rerun the search, and the check that no dialog is
// open before a shortcut opens one.
type recordList[T any] struct {
	sh       shell
	table    *widgets.RecordTable
	rows     []T             // what the table shows, in its order
	id       func(T) int64   // a record's id
	selected int64           // the selected record's id; 0 for none
	quiet    bool            // set while the screen fills its filters itself
	search   *formEntry      // reruns the search on every keystroke
	count    *widget.Label   // how many are listed
	bar      *fyne.Container // the row holding count, laid out again as it changes
	update   func()          // reruns the search and the filters
	changed  func()          // the selection changed
	cellText func(T, int) string
}

// init builds the table of cols, the search box and the count. update
// reruns the search; changed runs after the selection changes; open runs
// on a double tap.
func (l *recordList[T]) init(sh shell, cols []widgets.Column, id func(T) int64, text func(T, int) string,
	update, changed, open func()) {
	l.sh, l.id, l.cellText, l.update, l.changed = sh, id, text, update, changed
	l.quiet = true // nothing to search until every widget exists
	l.table = widgets.NewRecordTable(cols, func() int { return len(l.rows) },
		func(row, col int) string { return l.cellText(l.rows[row], col) })
	l.table.OnSelected = func(row int) {
		if id := l.id(l.rows[row]); id != l.selected {
			l.selected = id
			l.changed()
		}
	}
	l.table.OnUnselect = func() {
		l.selected = 0
		l.changed()
	}
	l.table.OnDoubleTapped = func(int) { open() }
	l.search = newFormEntry(sh)
	l.search.OnChanged = l.onFilter
	l.count = widget.NewLabel("")
}

// onFilter reruns the search unless the screen is filling its filters.
func (l *recordList[T]) onFilter(string) {
	if !l.quiet {
		l.update()
	}
}

// filterSelect is a select whose changes rerun the search.
func (l *recordList[T]) filterSelect(options ...string) *widget.Select {
	w := widget.NewSelect(options, l.onFilter)
	w.SetSelectedIndex(0)
	return w
}

// quietly runs f without rerunning the search for each filter it sets.
func (l *recordList[T]) quietly(f func()) {
	was := l.quiet
	l.quiet = true
	defer func() { l.quiet = was }()
	f()
}

// setCount shows text as the count, laying the bar out again when its
// width may have changed with its digits.
func (l *recordList[T]) setCount(text string) {
	if text == l.count.Text {
		return
	}
	l.count.SetText(text)
	if l.bar != nil {
		l.bar.Refresh()
	}
}

// show lists rows, keeping the selected record selected (and in view)
// while it is still listed; a new list starts at its top.
func (l *recordList[T]) show(rows []T) {
	l.rows = rows
	row := l.rowOf(l.selected)
	l.table.ScrollToTop()
	if row < 0 {
		l.table.UnselectAll()
		l.selected = 0
	} else {
		l.table.Reveal(row)
	}
	l.table.Refresh()
	l.changed()
}

// rowOf is the row listing the record with id, or -1.
func (l *recordList[T]) rowOf(id int64) int {
	if id == 0 {
		return -1
	}
	return slices.IndexFunc(l.rows, func(r T) bool { return l.id(r) == id })
}

// current is the selected record, when it is listed.
func (l *recordList[T]) current() (T, bool) {
	if row := l.rowOf(l.selected); row >= 0 {
		return l.rows[row], true
	}
	var zero T
	return zero, false
}

// selectedRecord is the selected row's record, or the zero T.
func (l *recordList[T]) selectedRecord() T {
	r, _ := l.current()
	return r
}

// canOpen reports whether a form may open now: a file is open and no
// dialog is over the window.
func (l *recordList[T]) canOpen() bool { return l.sh.store() != nil && !l.busy() }

// selectRow selects row as a tap on one of its cells does.
func (l *recordList[T]) selectRow(row int) {
	if row < 0 || row >= len(l.rows) {
		return
	}
	l.table.TapRow(row)
}

// busy reports whether a dialog is open over the window, so a shortcut
// does not stack a second one on it.
func (l *recordList[T]) busy() bool {
	return l.sh.window().Canvas().Overlays().Top() != nil
}

// editSelected loads the selected record afresh with load (the rows are
// shared, read-only) and opens it with open, which returns the form it
// shows; nil when nothing is selected, a dialog is open or the load fails.
func editSelected[T, R, F any](l *recordList[T], load func(context.Context, int64) (R, error), open func(R) *F) *F {
	if l.selected == 0 || l.busy() {
		return nil
	}
	r, err := load(l.sh.ctx(), l.selected)
	if err != nil {
		l.sh.showError(err)
		return nil
	}
	return open(r)
}
