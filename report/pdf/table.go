package pdf

// cell is one box of a table row. Text wraps inside it; the row grows to
// the tallest cell.
type cell struct {
	text  string
	w     float64
	align string // "L", "C" or "R"
	fill  bool   // a shaded label or header cell
}

const (
	cellPadX = 1.6 // mm of white space left and right of the text in a cell
	cellPadY = 1.2
)

// row is a laid-out row: its cells wrapped, and its height.
type row struct {
	cells []cell
	lines [][]string
	h     float64
}

// layoutRow wraps each cell's text and finds the row's height, at least
// minH; a row taller than a whole page is cut to fit one, the cut marked
// with an ellipsis, so nothing is ever drawn past the bottom margin.
func (d *doc) layoutRow(cells []cell, minH float64) row {
	r := row{cells: cells, lines: make([][]string, len(cells))}
	lh := d.lineH()
	maxLines := int((d.pageH - d.top - d.bottom - 2*cellPadY - 12) / lh)
	n := 1
	for i, c := range cells {
		ls := d.clip(d.wrap(c.text, c.w-2*cellPadX), maxLines, c.w-2*cellPadX)
		r.lines[i] = ls
		n = max(n, len(ls))
	}
	r.h = max(minH, float64(n)*lh+2*cellPadY)
	return r
}

// drawRow draws r at the current position with its borders and moves down.
func (d *doc) drawRow(r row) {
	x := d.left
	lh := d.lineH()
	d.pdf.SetDrawColor(60, 60, 60)
	d.pdf.SetLineWidth(0.25)
	for i, c := range r.cells {
		if c.fill {
			d.pdf.SetFillColor(236, 236, 236)
			d.pdf.Rect(x, d.y, c.w, r.h, "FD")
		} else {
			d.pdf.Rect(x, d.y, c.w, r.h, "D")
		}
		// Short text sits in the middle of a tall row, the way it does in
		// a printed form.
		ty := d.y + (r.h-float64(len(r.lines[i]))*lh)/2
		for _, l := range r.lines[i] {
			d.text(x+cellPadX, ty, c.w-2*cellPadX, lh, l, c.align)
			ty += lh
		}
		x += c.w
	}
	d.y += r.h
}

// table is a grid whose header row is drawn again on every page it runs on.
type table struct {
	d      *doc
	cols   []cell // title, width and alignment of each column
	size   float64
	minRow float64 // least height of a body row, e.g. room to sign
}

// start draws the header and arranges for it to repeat after page breaks.
func (t *table) start() {
	t.d.onNewPage = t.header
	t.d.setSize(t.size)
	t.d.ensure(2 * t.d.lineH() * 2)
	t.header()
}

func (t *table) header() {
	t.d.setSize(t.size)
	hs := make([]cell, len(t.cols))
	for i, c := range t.cols {
		hs[i] = cell{text: c.text, w: c.w, align: "C", fill: true}
	}
	t.d.drawRow(t.d.layoutRow(hs, 0))
}

// add draws one body row under the header, on a new page if it does not fit.
func (t *table) add(texts ...string) {
	cs := make([]cell, len(t.cols))
	for i, c := range t.cols {
		cs[i] = cell{text: texts[i], w: c.w, align: c.align}
	}
	t.addCells(cs)
}

// addCells draws a row whose cells may span several columns, such as a
// totals row.
func (t *table) addCells(cs []cell) {
	t.d.setSize(t.size)
	r := t.d.layoutRow(cs, t.minRow)
	t.d.ensure(r.h)
	t.d.setSize(t.size)
	t.d.drawRow(r)
}

// end stops repeating the header.
func (t *table) end() {
	t.d.onNewPage = nil
	t.d.setSize(sizeBody)
}

// span is the width of columns i to j inclusive.
func (t *table) span(i, j int) float64 {
	w := 0.0
	for _, c := range t.cols[i : j+1] {
		w += c.w
	}
	return w
}

// form draws label–value rows, the boxed layout of a filled-in form: each
// row holds one or two pairs, a lone pair's value spanning the row.
func (d *doc) form(labelW float64, rows ...[]string) {
	for _, pairs := range rows {
		n := len(pairs) / 2
		valueW := (d.width() - float64(n)*labelW) / float64(n)
		var cs []cell
		for i := 0; i+1 < len(pairs); i += 2 {
			cs = append(cs, cell{text: pairs[i], w: labelW, align: "C", fill: true},
				cell{text: pairs[i+1], w: valueW, align: "L"})
		}
		r := d.layoutRow(cs, 9)
		d.ensure(r.h)
		d.drawRow(r)
	}
}
