// Package xlsx writes the Excel workbooks a chamber hands in: the roster, the annual workbook and the award summary table.
package xlsx

import (
	"fmt"
	"io"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"chamberdesk/data"
)

// kind says how a column's values are written and styled.
type kind int

const (
	kText    kind = iota // a string, never a formula
	kWrap                // long text, wrapped in its cell
	kInt                 // a count
	kMoney               // yuan with two decimals
	kNum                 // any other number
	kDate                // a calendar date (an Excel serial with a date format)
	kPercent             // a share, 0.853 shown as 85.30%

	numKinds // how many kinds there are
)

type column struct {
	header string
	kind   kind
}

// table is one sheet: a title row, a header row and the data rows. Rows are
// collected first because the column widths must be known before a
// StreamWriter writes its first row.
type table struct {
	sheet     string
	title     string
	cols      []column
	rows      [][]any // values: string, int, float64 (money in yuan) or nil
	total     []any   // an optional totals row below the data, outside the filter
	foot      [][]any // optional rows below the totals row: a balance, a note
	landscape bool
	widths    []int // display width of the widest value of each column
}

func newTable(sheet, title string, landscape bool, cols ...column) *table {
	t := &table{sheet: sheet, title: title, cols: cols, landscape: landscape, widths: make([]int, len(cols))}
	for i, c := range cols {
		t.widths[i] = textWidth(c.header)
	}
	return t
}

// add appends a data row; a time.Time becomes its Excel serial (blank when
// zero) and every value is measured for the column width.
func (t *table) add(vals ...any) { t.rows = append(t.rows, t.measure(vals)) }

func (t *table) setTotal(vals ...any) { t.total = t.measure(vals) }

// addFoot appends a row below the totals row, written in the plain style.
func (t *table) addFoot(vals ...any) { t.foot = append(t.foot, t.measure(vals)) }

func (t *table) measure(vals []any) []any {
	for i, v := range vals {
		var w int
		switch x := v.(type) {
		case string:
			w = textWidth(x)
		case time.Time:
			if x.IsZero() {
				vals[i] = nil
				continue
			}
			vals[i] = data.ExcelSerial(x)
			w = 14 // 2026年12月31日
		case int:
			w = digits(int64(x))
		case int64:
			w = digits(x)
		case float64:
			w = len(fmt.Sprintf("%.2f", x))
			if t.cols[i].kind == kPercent {
				w = len(fmt.Sprintf("%.2f%%", x*100))
			}
		}
		if w > t.widths[i] {
			t.widths[i] = w
		}
	}
	return vals
}

func digits(n int64) int {
	w := 1
	if n < 0 {
		w, n = 2, -n
	}
	for ; n >= 10; n /= 10 {
		w++
	}
	return w
}

// textWidth is how many character cells a text takes in a spreadsheet
// column: Chinese characters (and other wide forms) are twice as wide as
// Latin letters and digits. For multi-line text the longest line counts.
func textWidth(s string) int {
	best, w := 0, 0
	for _, r := range s {
		switch {
		case r == '\n':
			best, w = max(best, w), 0
		case r < utf8.RuneSelf:
			w++
		case isWide(r):
			w += 2
		default:
			w++
		}
	}
	return max(best, w)
}

func isWide(r rune) bool {
	return r >= 0x1100 && (r <= 0x115F || // Hangul Jamo
		(r >= 0x2E80 && r <= 0xA4CF) || // CJK radicals … Yi, incl. punctuation and ideographs
		(r >= 0xAC00 && r <= 0xD7A3) || // Hangul syllables
		(r >= 0xF900 && r <= 0xFAFF) || // CJK compatibility ideographs
		(r >= 0xFE30 && r <= 0xFE4F) || // CJK compatibility forms
		(r >= 0xFF00 && r <= 0xFF60) || // full-width forms
		(r >= 0xFFE0 && r <= 0xFFE6) ||
		(r >= 0x20000 && r <= 0x3FFFD)) // CJK extensions
}

// Column width limits in character cells: narrow enough that a header is not
// squeezed, wide enough for a company name, and no wider than a page allows.
const (
	minWidth = 6
	maxWidth = 50
)

func (t *table) colWidth(i int) float64 {
	return float64(min(max(t.widths[i]+2, minWidth), maxWidth))
}

// styles are the cell styles one workbook shares.
type styles struct {
	title, header int
	byKind        [numKinds]int
	totalByKind   [numKinds]int
}

func newStyles(f *excelize.File) (*styles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "808080", Style: 1}, {Type: "right", Color: "808080", Style: 1},
		{Type: "top", Color: "808080", Style: 1}, {Type: "bottom", Color: "808080", Style: 1},
	}
	font := func(bold bool, size float64) *excelize.Font {
		return &excelize.Font{Bold: bold, Size: size, Family: "宋体"}
	}
	dateFmt := `yyyy"年"m"月"d"日"`
	moneyFmt := "0.00"
	var st styles
	var err error
	add := func(dst *int, s excelize.Style) {
		if err == nil {
			*dst, err = f.NewStyle(&s)
		}
	}
	add(&st.title, excelize.Style{Font: font(true, 16), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	add(&st.header, excelize.Style{Font: font(true, 11), Border: border,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	for _, total := range []bool{false, true} {
		dst := &st.byKind
		if total {
			dst = &st.totalByKind
		}
		fn := font(total, 11)
		mid := &excelize.Alignment{Vertical: "center"}
		add(&dst[kText], excelize.Style{Font: fn, Border: border, Alignment: mid})
		add(&dst[kWrap], excelize.Style{Font: fn, Border: border, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
		add(&dst[kInt], excelize.Style{Font: fn, Border: border, Alignment: mid, NumFmt: 1})
		add(&dst[kMoney], excelize.Style{Font: fn, Border: border, Alignment: mid, CustomNumFmt: &moneyFmt})
		add(&dst[kNum], excelize.Style{Font: fn, Border: border, Alignment: mid, NumFmt: 0})
		add(&dst[kDate], excelize.Style{Font: fn, Border: border, Alignment: mid, CustomNumFmt: &dateFmt})
		add(&dst[kPercent], excelize.Style{Font: fn, Border: border, Alignment: mid, NumFmt: 10})
	}
	if err != nil {
		return nil, err
	}
	return &st, nil
}

// book is a workbook being written, one table per sheet.
type book struct {
	f      *excelize.File
	st     *styles
	sheets int
	// cells and row are reused for every row of a sheet: StreamWriter.SetRow
	// encodes the values before it returns, and handing it *Cell pointers
	// spares boxing a Cell into an interface for every cell of a large table.
	cells []excelize.Cell
	row   []any
}

func newBook(title string) (*book, error) {
	f := excelize.NewFile()
	st, err := newStyles(f)
	if err != nil {
		_ = f.Close()
		return nil, err
	}
	_ = f.SetDocProps(&excelize.DocProperties{Title: title, Creator: "商会工作台 ChamberDesk", Language: "zh-CN"})
	return &book{f: f, st: st}, nil
}

func (b *book) close() { _ = b.f.Close() }

// write streams one table into a new sheet of the book.
func (b *book) write(t *table) error {
	f := b.f
	if b.sheets == 0 {
		if err := f.SetSheetName(f.GetSheetName(0), t.sheet); err != nil {
			return err
		}
	} else if _, err := f.NewSheet(t.sheet); err != nil {
		return err
	}
	b.sheets++
	if err := b.pageSetup(t); err != nil {
		return fmt.Errorf("sheet %s page setup: %w", t.sheet, err)
	}
	sw, err := f.NewStreamWriter(t.sheet)
	if err != nil {
		return err
	}
	for i := range t.cols {
		if err := sw.SetColWidth(i+1, i+1, t.colWidth(i)); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(len(t.cols))
	if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: b.st.title, Value: t.title}},
		excelize.RowOpts{Height: 30}); err != nil {
		return err
	}
	if err := sw.MergeCell("A1", last+"1"); err != nil {
		return err
	}
	row := make([]any, len(t.cols))
	for i, c := range t.cols {
		row[i] = excelize.Cell{StyleID: b.st.header, Value: c.header}
	}
	if err := sw.SetRow("A2", row, excelize.RowOpts{Height: 24}); err != nil {
		return err
	}
	r := 3
	for _, vals := range t.rows {
		if err := b.writeRow(sw, t, r, vals, &b.st.byKind); err != nil {
			return err
		}
		r++
	}
	if t.total != nil {
		if err := b.writeRow(sw, t, r, t.total, &b.st.totalByKind); err != nil {
			return err
		}
		r++
	}
	for _, vals := range t.foot {
		if err := b.writeRow(sw, t, r, vals, &b.st.byKind); err != nil {
			return err
		}
		r++
	}
	return sw.Flush()
}

func (b *book) writeRow(sw *excelize.StreamWriter, t *table, r int, vals []any, kinds *[numKinds]int) error {
	if len(b.cells) != len(t.cols) {
		b.cells, b.row = make([]excelize.Cell, len(t.cols)), make([]any, len(t.cols))
		for i := range b.cells {
			b.row[i] = &b.cells[i]
		}
	}
	row := b.row
	lines := 1
	for i, c := range t.cols {
		b.cells[i] = excelize.Cell{StyleID: kinds[c.kind], Value: vals[i]}
		if c.kind == kWrap {
			if s, ok := vals[i].(string); ok {
				lines = max(lines, wrappedLines(s, int(t.colWidth(i))-1))
			}
		}
	}
	cell, _ := excelize.CoordinatesToCellName(1, r)
	if lines > 1 {
		// Neither Excel nor WPS grows a row for wrapped text written by a
		// program until it is edited, so the height is set from the text.
		return sw.SetRow(cell, row, excelize.RowOpts{Height: float64(min(lines, 27)) * 14.5})
	}
	return sw.SetRow(cell, row)
}

// wrappedLines estimates how many lines s takes in a column width cells wide.
func wrappedLines(s string, width int) int {
	width = max(width, 1)
	n, w := 1, 0
	for _, r := range s {
		if r == '\n' {
			n, w = n+1, 0
			continue
		}
		cw := 1
		if isWide(r) {
			cw = 2
		}
		if w+cw > width {
			n, w = n+1, 0
		}
		w += cw
	}
	return n
}

// pageSetup prepares the sheet before it is streamed: the StreamWriter
// copies these worksheet settings around the rows it writes.
func (b *book) pageSetup(t *table) error {
	f := b.f
	last, _ := excelize.ColumnNumberToName(len(t.cols))
	lastRow := 2 + len(t.rows)
	// The filter covers the data only, so a totals row stays put when sorting.
	if err := f.AutoFilter(t.sheet, fmt.Sprintf("A2:%s%d", last, lastRow), nil); err != nil {
		return err
	}
	a4, fit, tall := 9, 1, 0
	orient := "portrait"
	if t.landscape {
		orient = "landscape"
	}
	if err := f.SetPageLayout(t.sheet, &excelize.PageLayoutOptions{
		Size: &a4, Orientation: &orient, FitToWidth: &fit, FitToHeight: &tall,
	}); err != nil {
		return err
	}
	yes := true
	if err := f.SetSheetProps(t.sheet, &excelize.SheetPropsOptions{FitToPage: &yes}); err != nil {
		return err
	}
	side, top, hf := 0.5, 0.75, 0.3
	if err := f.SetPageMargins(t.sheet, &excelize.PageLayoutMarginsOptions{
		Left: &side, Right: &side, Top: &top, Bottom: &top, Header: &hf, Footer: &hf, Horizontally: &yes,
	}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(t.sheet, &excelize.HeaderFooterOptions{
		OddFooter: "&C第 &P 页 共 &N 页",
	}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Titles",
		RefersTo: fmt.Sprintf("'%s'!$2:$2", t.sheet),
		Scope:    t.sheet,
	})
}

// finish writes the workbook to w.
func (b *book) finish(w io.Writer) error {
	// No SetActiveSheet: the first sheet is active already, and the call
	// would parse every streamed sheet back into memory.
	_, err := b.f.WriteTo(w)
	return err
}
