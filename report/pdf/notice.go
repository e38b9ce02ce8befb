package pdf

import (
	"io"

	"chamberdesk/data"
	"chamberdesk/report/notice"
)

// WriteNotice prints a meeting notice (会议通知) on A4: the 文号 and title,
// the addressees, what, when and where, the numbered parts, the chamber's
// name and date with room above them for its seal, then the 回执 to cut off.
func WriteNotice(w io.Writer, n *notice.Notice) error {
	d, err := newDoc("P", n.Title())
	if err != nil {
		return err
	}
	pageOf := d.footer
	d.footer = func(page, total int) string {
		if total == 1 {
			return "" // a one-page notice carries no page number
		}
		return pageOf(page, total)
	}
	d.y += 6
	if n.Fields.DocNo != "" {
		d.center(n.Fields.DocNo, sizeBody)
		d.y += 2
	}
	d.center(n.Title(), sizeTitle)
	d.y += 4
	d.setSize(sizeBody + 1)
	d.lines(d.wrap(n.Addressee()+"：", d.width()), d.left)
	d.paragraphs(n.Intro())
	for i, it := range n.Items() {
		if len(it.Lines) == 1 && it.Head != "其他事项" {
			d.paragraphs(notice.Numbered(i, it.Head) + "：" + it.Lines[0])
			continue
		}
		d.paragraphs(notice.Numbered(i, it.Head))
		// The part's own lines stand under its heading's text.
		indent := d.textW("\u3000\u3000一、")
		for _, l := range it.Lines {
			d.lines(d.wrap(l, d.width()-indent), d.left+indent)
		}
	}
	// The seal goes over the name and the date, so they stand apart.
	d.ensure(5 * d.lineH())
	d.y += 2 * d.lineH()
	for _, s := range []string{n.Org.Name, data.FormatDateCN(n.Date)} {
		d.text(d.left, d.y, d.width()-2*d.size*ptToMM, d.lineH(), s, "R")
		d.y += d.lineH()
	}
	d.setSize(sizeBody)

	// The reply slip, under a dashed cut line, kept whole on one page.
	d.ensure(d.lineH()*4 + float64(notice.SlipRows+1)*11 + 16)
	d.y += 8
	d.pdf.SetDashPattern([]float64{1.5, 1.5}, 0)
	d.rule()
	d.pdf.SetDashPattern([]float64{}, 0)
	d.setSize(sizeSmall)
	label := "沿此线剪下"
	lw := d.textW(label) + 4
	d.pdf.SetFillColor(255, 255, 255)
	d.pdf.Rect(d.left+(d.width()-lw)/2, d.y-d.lineH()/2, lw, d.lineH(), "F")
	d.text(d.left, d.y-d.lineH()/2, d.width(), d.lineH(), label, "C")
	d.y += d.lineH() + 2
	d.center("回　执", sizeHeading+1)
	d.y += 1
	widths := []float64{0.3, 0.15, 0.17, 0.22, 0.16}
	t := &table{d: d, size: sizeBody, minRow: 11}
	for i, c := range notice.SlipColumns {
		t.cols = append(t.cols, cell{text: c, w: widths[i] * d.width(), align: "C"})
	}
	t.start()
	empty := make([]string, len(t.cols))
	for range notice.SlipRows {
		t.add(empty...)
	}
	t.end()
	if r := n.Reply(); r != "" {
		d.y += 2
		d.lines(d.wrap(r, d.width()), d.left)
	}
	return d.finish(w)
}
