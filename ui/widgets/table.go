package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Column describes one column of a RecordTable.
type Column struct {
	Title    string         // the header, as shown (already translated)
	Sample   string         // a long usual value; the column is made wide enough for it
	Width    float32        // the least width; the title and Sample may ask for more
	Align    fyne.TextAlign // of the header and the cells
	Sortable bool           // a tap on the header sorts by this column (OnSort)
	Stretch  bool           // takes the width the other columns leave; one column at most
	Check    bool           // shows a check box (Checked, OnChecked) instead of text
}

// RecordTable is a list of records in columns with a header row: a row is
// selected as a whole, a tap selects it, a double tap opens it
// (OnDoubleTapped), a tap on a sortable header sorts by that column and a
// second tap reverses it, with an arrow showing which way. One column may
// stretch to take the width the others leave. Text too long for its column
// is cut short with "…"; measured sizes are cached, since shaping text anew
// for every cell of a screenful costs more than a frame.
//
// NewTextTable makes the read-only kind for dialogs: nothing is selected.
type RecordTable struct {
	widget.BaseWidget

	Length         func() int                           // the number of rows
	Text           func(row, col int) string            // a cell's text
	Importance     func(row, col int) widget.Importance // a cell's colour; nil for the usual
	Checked        func(row int) bool                   // the check box of a Check column
	OnChecked      func(row int, on bool)               // a check box was changed
	OnSort         func(col int, desc bool)             // a sortable header was tapped
	OnSelected     func(row int)                        // a row was selected
	OnUnselect     func()                               // the selection was cleared
	OnDoubleTapped func(row int)                        // a row was double tapped

	readOnly bool
	cols     []Column
	least    []float32 // each column's measured width; the stretch column's least
	widths   []float32 // each column's width as laid out
	stretch  int       // the stretch column, -1 for none
	minSize  fyne.Size
	sortCol  int // -1 for none
	sortDesc bool
	selected int // -1 for none
	fitted   map[fitKey]string
	table    *widget.Table
}

// NewRecordTable makes a table of cols whose rows come from length and text.
func NewRecordTable(cols []Column, length func() int, text func(row, col int) string) *RecordTable {
	t := &RecordTable{Length: length, Text: text, sortCol: -1, selected: -1, fitted: map[fitKey]string{}}
	t.table = widget.NewTable(
		func() (int, int) { return t.rows(), len(t.cols) },
		func() fyne.CanvasObject { return newTableCell(t) },
		func(id widget.TableCellID, o fyne.CanvasObject) { o.(*Cell).update(id.Row, id.Col) })
	t.table.ShowHeaderRow = true
	t.table.CreateHeader = func() fyne.CanvasObject { return newTableHeader(t) }
	t.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) { o.(*Header).update(id.Col) }
	t.table.OnSelected = func(id widget.TableCellID) { t.selectedRow(id.Row) }
	t.table.OnUnselected = func(widget.TableCellID) {}
	t.SetColumns(cols)
	t.ExtendBaseWidget(t)
	return t
}

// NewTextTable is a read-only RecordTable for dialogs: taps select nothing.
func NewTextTable(cols []Column, length func() int, text func(row, col int) string) *RecordTable {
	t := NewRecordTable(cols, length, text)
	t.readOnly = true
	return t
}

// SetColumns replaces the columns, for a list whose headers change with
// what it shows, and measures them again.
func (t *RecordTable) SetColumns(cols []Column) {
	t.cols = cols
	t.stretch = -1
	for i, c := range cols {
		if c.Stretch && t.stretch < 0 {
			t.stretch = i
		}
	}
	t.measure()
	if size := t.Size(); t.stretch >= 0 && size.Width > 0 {
		// laid out already: the stretch column takes its share again now,
		// not at the next resize
		w := t.StretchWidth(size.Width)
		t.widths[t.stretch] = w
		t.table.SetColumnWidth(t.stretch, w)
	}
	t.table.Refresh()
}

// Columns are the table's columns as given.
func (t *RecordTable) Columns() []Column { return t.cols }

// SetMinSize sets the least size the table asks its container for.
func (t *RecordTable) SetMinSize(s fyne.Size) { t.minSize = s }

// ColumnWidth is col's width as laid out.
func (t *RecordTable) ColumnWidth(col int) float32 { return t.widths[col] }

func (t *RecordTable) rows() int {
	if t.Length == nil {
		return 0
	}
	return t.Length()
}

// Sort is the column sorted by (-1 for none) and whether it is reversed.
func (t *RecordTable) Sort() (col int, desc bool) { return t.sortCol, t.sortDesc }

// SetSort shows col (-1 for none) as sorted, reversed when desc; it does
// not call OnSort.
func (t *RecordTable) SetSort(col int, desc bool) {
	t.sortCol, t.sortDesc = col, desc
	t.table.RefreshItem(widget.TableCellID{Row: -1, Col: col})
	t.table.Refresh()
}

// TapHeader does what a tap on col's header does: sorts by it, or
// reverses the order when it is sorted by already.
func (t *RecordTable) TapHeader(col int) {
	if col < 0 || col >= len(t.cols) || !t.cols[col].Sortable {
		return
	}
	if t.sortCol == col {
		t.sortDesc = !t.sortDesc
	} else {
		t.sortCol, t.sortDesc = col, false
	}
	t.table.Refresh()
	if t.OnSort != nil {
		t.OnSort(t.sortCol, t.sortDesc)
	}
}

// Selected is the selected row, or -1.
func (t *RecordTable) Selected() int { return t.selected }

// Select selects row as a tap on it does, calling OnSelected.
func (t *RecordTable) Select(row int) {
	if t.readOnly || row < 0 || row >= t.rows() {
		return
	}
	t.table.Select(widget.TableCellID{Row: row, Col: t.firstTextColumn()})
}

// firstTextColumn is where a selection is marked: a check box column would
// take the keyboard's space bar for itself.
func (t *RecordTable) firstTextColumn() int {
	for i, c := range t.cols {
		if !c.Check {
			return i
		}
	}
	return 0
}

func (t *RecordTable) selectedRow(row int) {
	if row < 0 || row >= t.rows() {
		return
	}
	t.selected = row
	if t.OnSelected != nil {
		t.OnSelected(row)
	}
	t.table.Refresh() // the whole row shows as selected
}

// UnselectAll clears the selection, calling OnUnselect when a row was selected.
func (t *RecordTable) UnselectAll() {
	had := t.selected >= 0
	t.selected = -1
	t.table.UnselectAll()
	if had && t.OnUnselect != nil {
		t.OnUnselect()
	}
	t.table.Refresh()
}

// TapRow does what a tap on one of row's cells does: selects the row and
// gives the table the keyboard, as a tap on the table itself would.
func (t *RecordTable) TapRow(row int) {
	if t.readOnly {
		return
	}
	t.Select(row)
	if c := fyne.CurrentApp().Driver().CanvasForObject(t.table); c != nil {
		c.Focus(t.table)
	}
}

func (t *RecordTable) doubleTap(row int) {
	if t.readOnly {
		return
	}
	t.TapRow(row)
	if t.OnDoubleTapped != nil && row >= 0 && row < t.rows() {
		t.OnDoubleTapped(row)
	}
}

// ScrollToTop shows the first rows. (Table.ScrollToTop in Fyne 2.7.1 does
// not move the scroller's content, ScrollToOffset does.)
func (t *RecordTable) ScrollToTop() { t.table.ScrollToOffset(fyne.NewPos(0, 0)) }

// ScrollTo brings row into view.
func (t *RecordTable) ScrollTo(row int) {
	t.table.ScrollTo(widget.TableCellID{Row: row, Col: t.firstTextColumn()})
}

// Reveal scrolls row to the middle of the view and selects it. (Table.Select
// scrolls by itself, but in Fyne 2.7.1 a jump of more than a screen leaves
// the cells drawn at the old position; ScrollToOffset moves them, and Select
// then has at most a row to go.)
func (t *RecordTable) Reveal(row int) {
	if row < 0 || row >= t.rows() {
		return
	}
	cell := newTableCell(t).MinSize().Height
	header := newTableHeader(t).MinSize().Height
	pad := t.Theme().Size(theme.SizeNamePadding)
	view := t.table.Size().Height - header - pad
	y := float32(row)*(cell+pad) - (view-cell)/2
	t.table.ScrollToOffset(fyne.NewPos(0, max(0, y)))
	t.Select(row)
}

// Refresh redraws every cell and header.
func (t *RecordTable) Refresh() {
	t.table.Refresh()
	t.BaseWidget.Refresh()
}

// Cell is a cell for row and col drawn the way the table draws it, for
// reading what a row shows.
func (t *RecordTable) Cell(row, col int) *Cell {
	c := newTableCell(t)
	c.update(row, col)
	return c
}

func (t *RecordTable) CreateRenderer() fyne.WidgetRenderer {
	return &tableRenderer{t: t}
}
