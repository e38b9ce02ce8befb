package widgets

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

var testCols = []Column{
	{Title: "姓名", Sample: "欧阳志强", Sortable: true},
	{Title: "企业名称", Width: 120, Stretch: true, Sortable: true},
	{Title: "应缴(元)", Width: 90, Align: fyne.TextAlignTrailing},
}

func testTable(t *testing.T, n int) (*RecordTable, [][]string) {
	t.Helper()
	test.NewTempApp(t)
	rows := make([][]string, n)
	for i := range rows {
		rows[i] = []string{fmt.Sprintf("会员%d", i), strings.Repeat("江州市青禾文化旅游开发有限公司", 1+i%3), fmt.Sprint(i * 100)}
	}
	tb := NewRecordTable(testCols, func() int { return len(rows) }, func(r, c int) string { return rows[r][c] })
	return tb, rows
}

// The stretch column takes what the others, the gaps between columns and
// the scroll bar leave, so the columns fill the table exactly without a
// horizontal scroll bar; it never goes below its least width.
func TestRecordTableStretch(t *testing.T) {
	tb, _ := testTable(t, 30)
	w := test.NewTempWindow(t, tb)
	w.Resize(fyne.NewSize(800, 400))
	tb.Resize(fyne.NewSize(800, 400))
	sum := theme.ScrollBarSize() + theme.Padding()*float32(len(testCols)-1)
	for i := range testCols {
		sum += tb.ColumnWidth(i)
	}
	if d := sum - 800; d > 0.01 || d < -0.01 {
		t.Fatalf("columns, gaps and scroll bar take %v of 800", sum)
	}
	if tb.ColumnWidth(2) != 90 {
		t.Fatalf("fixed column %v wide, want 90", tb.ColumnWidth(2))
	}
	tb.Resize(fyne.NewSize(200, 400))
	if tb.ColumnWidth(1) != 120 {
		t.Fatalf("narrow table: stretch column %v, want its least 120", tb.ColumnWidth(1))
	}
	if got := tb.StretchWidth(1000); got != 1000-sum+tb.StretchWidth(800) {
		t.Fatalf("StretchWidth(1000) = %v", got)
	}
}

// Columns are measured for their header with its arrow and for their sample.
func TestRecordTableMeasure(t *testing.T) {
	tb, _ := testTable(t, 1)
	sample := widget.NewLabel("欧阳志强").MinSize().Width
	if tb.ColumnWidth(0) < sample {
		t.Fatalf("姓名 %v wide, its sample needs %v", tb.ColumnWidth(0), sample)
	}
	h := newTableHeader(tb)
	h.update(0)
	if tb.ColumnWidth(0) < h.MinSize().Width {
		t.Fatalf("姓名 %v wide, its header needs %v", tb.ColumnWidth(0), h.MinSize().Width)
	}
}

// Long text is cut with "…" to fit its column; short text is whole.
func TestRecordTableFits(t *testing.T) {
	tb, rows := testTable(t, 3)
	w := test.NewTempWindow(t, tb)
	w.Resize(fyne.NewSize(500, 300))
	if got := tb.Cell(0, 0).Text(); got != rows[0][0] {
		t.Fatalf("short name shown as %q", got)
	}
	got := tb.Cell(2, 1).Text()
	if !strings.HasSuffix(got, "…") || !strings.HasPrefix(rows[2][1], strings.TrimSuffix(got, "…")) {
		t.Fatalf("long company shown as %q", got)
	}
	if measureText(got) > tb.ColumnWidth(1)-2*theme.InnerPadding() {
		t.Fatalf("%q does not fit %v", got, tb.ColumnWidth(1))
	}
	// a wider window shows more of it
	w.Resize(fyne.NewSize(1400, 300))
	tb.Resize(fyne.NewSize(1400, 300))
	if longer := tb.Cell(2, 1).Text(); len([]rune(longer)) <= len([]rune(got)) {
		t.Fatalf("wider table shows %q, before %q", longer, got)
	}
	if Shorten("", 10) != "" || Shorten("商会", 1000) != "商会" {
		t.Fatal("Shorten changed text that fits")
	}
}

// A tap on a sortable header sorts by it, a second reverses it, and the
// arrow shows which way; other headers do nothing.
func TestRecordTableSort(t *testing.T) {
	tb, _ := testTable(t, 3)
	var calls []string
	tb.OnSort = func(col int, desc bool) { calls = append(calls, fmt.Sprint(col, desc)) }
	h := newTableHeader(tb)
	h.update(1)
	test.Tap(h)
	h.update(1)
	if !h.arrow.Visible() || h.arrow.Resource != theme.MenuDropUpIcon() {
		t.Fatal("no up arrow after the first tap")
	}
	test.Tap(h)
	h.update(1)
	if h.arrow.Resource != theme.MenuDropDownIcon() {
		t.Fatal("no down arrow after the second tap")
	}
	h.update(0)
	if h.arrow.Visible() {
		t.Fatal("a column not sorted by shows an arrow")
	}
	h.update(2)
	test.Tap(h)
	if fmt.Sprint(calls) != "[1 false 1 true]" {
		t.Fatalf("OnSort calls %v", calls)
	}
	if col, desc := tb.Sort(); col != 1 || !desc {
		t.Fatalf("Sort() = %d %v", col, desc)
	}
	tb.SetSort(-1, false)
	h.update(1)
	if h.arrow.Visible() {
		t.Fatal("SetSort(-1) left an arrow")
	}
}

// A tap selects the whole row; a double tap selects it and opens it.
func TestRecordTableSelect(t *testing.T) {
	tb, _ := testTable(t, 5)
	w := test.NewTempWindow(t, tb)
	w.Resize(fyne.NewSize(600, 400))
	var selected, opened []int
	unselected := 0
	tb.OnSelected = func(r int) { selected = append(selected, r) }
	tb.OnDoubleTapped = func(r int) { opened = append(opened, r) }
	tb.OnUnselect = func() { unselected++ }
	c := tb.Cell(2, 1)
	test.Tap(c)
	if tb.Selected() != 2 || fmt.Sprint(selected) != "[2]" {
		t.Fatalf("tap selected %d (%v)", tb.Selected(), selected)
	}
	if tb.Cell(2, 0).bg.FillColor != theme.Color(theme.ColorNameSelection) || tb.Cell(1, 0).bg.FillColor == theme.Color(theme.ColorNameSelection) {
		t.Fatal("the selected row is not marked as a whole")
	}
	test.DoubleTap(tb.Cell(3, 2))
	if tb.Selected() != 3 || fmt.Sprint(opened) != "[3]" {
		t.Fatalf("double tap: selected %d, opened %v", tb.Selected(), opened)
	}
	tb.UnselectAll()
	if tb.Selected() != -1 || unselected != 1 {
		t.Fatalf("after UnselectAll: %d, %d calls", tb.Selected(), unselected)
	}
	tb.Reveal(4)
	if tb.Selected() != 4 {
		t.Fatalf("Reveal selected %d", tb.Selected())
	}
}

// The read-only kind selects and opens nothing.
func TestTextTableReadOnly(t *testing.T) {
	test.NewTempApp(t)
	rows := [][]string{{"1", "新增"}, {"2", "更新"}}
	tb := NewTextTable([]Column{{Title: "行", Width: 60}, {Title: "操作", Stretch: true}},
		func() int { return len(rows) }, func(r, c int) string { return rows[r][c] })
	opened := false
	tb.OnDoubleTapped = func(int) { opened = true }
	test.NewTempWindow(t, tb).Resize(fyne.NewSize(400, 300))
	test.DoubleTap(tb.Cell(1, 1))
	tb.Select(0)
	if tb.Selected() != -1 || opened {
		t.Fatalf("read-only table selected %d, opened %v", tb.Selected(), opened)
	}
	if tb.Cell(1, 1).Text() != "更新" {
		t.Fatal("text not shown")
	}
}

// A Check column shows check boxes that report their row.
func TestRecordTableCheck(t *testing.T) {
	test.NewTempApp(t)
	checked := map[int]bool{1: true}
	tb := NewRecordTable([]Column{{Title: "选择", Width: 48, Check: true}, {Title: "姓名", Stretch: true}},
		func() int { return 3 }, func(r, c int) string { return fmt.Sprint("会员", r) })
	tb.Checked = func(r int) bool { return checked[r] }
	tb.OnChecked = func(r int, on bool) { checked[r] = on }
	if !tb.Cell(1, 0).Check().Checked || tb.Cell(0, 0).Check().Checked {
		t.Fatal("check boxes do not show Checked")
	}
	c := tb.Cell(2, 0)
	test.Tap(c.Check())
	if !checked[2] {
		t.Fatal("tapping the check box did not call OnChecked")
	}
	c.update(0, 0) // the cell is reused for another row
	if c.Check().Checked || !checked[2] {
		t.Fatal("reusing the cell changed the old row")
	}
}

// Columns set again on a table already laid out (a wider sample) keep the
// stretch column filling the rest at once, not at the next resize.
func TestRecordTableSetColumnsKeepsStretch(t *testing.T) {
	tb, _ := testTable(t, 5)
	w := test.NewTempWindow(t, tb)
	w.Resize(fyne.NewSize(800, 400))
	tb.Resize(fyne.NewSize(800, 400))
	cols := append([]Column(nil), tb.Columns()...)
	cols[2].Sample = "一个很长很长的金额列样本文字"
	tb.SetColumns(cols)
	sum := theme.ScrollBarSize() + theme.Padding()*float32(len(cols)-1)
	for i := range cols {
		sum += tb.ColumnWidth(i)
	}
	if d := sum - 800; d > 0.5 || d < -0.5 {
		t.Fatalf("after SetColumns the columns take %.1f of 800", sum)
	}
	if tb.ColumnWidth(1) <= tb.least[1] {
		t.Fatalf("stretch column %.1f, least %.1f", tb.ColumnWidth(1), tb.least[1])
	}
}
