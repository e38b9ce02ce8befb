package pdf

import (
	"fmt"
	"io"

	"github.com/go-pdf/fpdf"
)

// Type sizes in points. 10.5 pt is 五号, the body size of Chinese office
// documents; headings differ by size only, as the one face has no bold.
const (
	sizeTitle   = 18
	sizeHeading = 13
	sizeBody    = 10.5
	sizeSmall   = 9
	lineSpacing = 1.6 // line height as a multiple of the type size
	ptToMM      = 25.4 / 72
)

// doc is one document being laid out: the pages, the margins, and where
// the next thing goes. Every document draws through it, so page breaks,
// wrapping and the footer work the same in all four.
type doc struct {
	pdf                      *fpdf.Fpdf
	pageW, pageH             float64
	left, right, top, bottom float64
	y                        float64 // top of the next thing on the page
	size                     float64 // current type size in points
	widths                   map[rune]float64
	// onNewPage runs after each page break, e.g. to repeat a table header.
	onNewPage func()
	// footer gives the footer of each page once the page count is known.
	footer func(page, total int) string
}

// margin is the white space around the text, in mm.
const margin = 18

func newDoc(orientation, title string) (*doc, error) {
	p, err := newPDF(orientation, title)
	if err != nil {
		return nil, err
	}
	w, h := p.GetPageSize()
	d := &doc{pdf: p, pageW: w, pageH: h, left: margin, right: margin, top: 16, bottom: 18,
		widths: map[rune]float64{}, size: sizeBody,
		footer: func(page, total int) string { return fmt.Sprintf("第 %d 页 共 %d 页", page, total) }}
	d.newPage()
	return d, nil
}

// width is the text width between the margins.
func (d *doc) width() float64 { return d.pageW - d.left - d.right }

// remaining is the height left on the page above the bottom margin.
func (d *doc) remaining() float64 { return d.pageH - d.bottom - d.y }

func (d *doc) newPage() {
	d.pdf.AddPage()
	d.y = d.top
	d.setSize(d.size)
	if d.onNewPage != nil {
		d.onNewPage()
	}
}

// ensure starts a new page unless h mm still fit on this one.
func (d *doc) ensure(h float64) bool {
	if h <= d.remaining() || d.y <= d.top {
		return false
	}
	d.newPage()
	return true
}

func (d *doc) setSize(pt float64) {
	d.size = pt
	d.pdf.SetFontSize(pt)
}

// lineH is the height of one line of text at the current size, in mm.
func (d *doc) lineH() float64 { return d.size * ptToMM * lineSpacing }

// textW measures s at the current size. Widths are cached per character:
// wrapping measures every character of every cell.
func (d *doc) textW(s string) float64 {
	w := 0.0
	for _, r := range s {
		u, ok := d.widths[r]
		if !ok {
			// Glyph widths are in thousandths of the type size.
			u = float64(d.pdf.GetStringSymbolWidth(string(r))) / 1000 * ptToMM
			d.widths[r] = u
		}
		w += u
	}
	return w * d.size
}

// text draws one line of s in a box of width w and height h at (x, y);
// align is "L", "C" or "R".
func (d *doc) text(x, y, w, h float64, s, align string) {
	d.pdf.SetXY(x, y)
	d.pdf.CellFormat(w, h, printable(s), "", 0, align+"M", false, 0, "")
}

// space moves down by h mm, or to the top of the next page.
func (d *doc) space(h float64) {
	if h >= d.remaining() {
		d.newPage()
		return
	}
	d.y += h
}

// center writes a line centred across the page at the given size.
func (d *doc) center(s string, pt float64) {
	d.setSize(pt)
	for _, line := range d.wrap(s, d.width()) {
		d.ensure(d.lineH())
		d.text(d.left, d.y, d.width(), d.lineH(), line, "C")
		d.y += d.lineH()
	}
	d.setSize(sizeBody)
}

// heading writes a section heading, kept on the page with at least two
// lines of what follows.
func (d *doc) heading(s string) {
	d.setSize(sizeHeading)
	h := d.lineH()
	d.setSize(sizeBody)
	d.ensure(h + 2*d.lineH())
	d.setSize(sizeHeading)
	d.text(d.left, d.y, d.width(), h, s, "L")
	d.y += h
	d.setSize(sizeBody)
}

// paragraphs writes text as paragraphs, one per non-empty line, each
// first line indented by two characters as Chinese prose is; the text
// breaks across pages wherever a line ends.
func (d *doc) paragraphs(s string) {
	for _, para := range splitParagraphs(s) {
		d.lines(d.wrap("\u3000\u3000"+para, d.width()), d.left)
	}
}

// lines writes already-wrapped lines at x, breaking pages as needed.
func (d *doc) lines(ls []string, x float64) {
	for _, l := range ls {
		d.ensure(d.lineH())
		d.text(x, d.y, d.pageW-d.right-x, d.lineH(), l, "L")
		d.y += d.lineH()
	}
}

// rule draws a thin line across the text width at the current position.
func (d *doc) rule() {
	d.pdf.SetDrawColor(120, 120, 120)
	d.pdf.SetLineWidth(0.3)
	d.pdf.Line(d.left, d.y, d.pageW-d.right, d.y)
}

// finish writes the footers, now that the page count is known, and the
// document to w. fpdf can substitute a page-count alias, but the digits
// it substitutes are not added to the embedded font subset; drawing the
// footers last keeps every glyph on the page in the font.
func (d *doc) finish(w io.Writer) error {
	total := d.pdf.PageCount()
	d.onNewPage = nil
	for n := 1; n <= total; n++ {
		d.pdf.SetPage(n)
		// The page's stream may end at another size: state it again.
		d.setSize(sizeSmall)
		d.pdf.SetTextColor(90, 90, 90)
		d.text(d.left, d.pageH-d.bottom+4, d.width(), 6, d.footer(n, total), "C")
	}
	d.pdf.SetTextColor(0, 0, 0)
	return output(d.pdf, w)
}
