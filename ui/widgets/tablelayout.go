package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// measure works out each column's width: its Width, or its header (with
// room for the sort arrow) or Sample, whichever is widest.
func (t *RecordTable) measure() {
	t.least = make([]float32, len(t.cols))
	t.widths = make([]float32, len(t.cols))
	t.fitted = map[fitKey]string{}
	h := newTableHeader(t)
	for i, c := range t.cols {
		h.col = i
		h.label.SetText(c.Title)
		w := c.Width
		if c.Title != "" || c.Sample != "" {
			// the slack keeps an exact fit from being cut short with "…" by rounding
			w = max(w, h.MinSize().Width+theme.Padding(), widget.NewLabel(c.Sample).MinSize().Width+theme.Padding())
		}
		t.least[i], t.widths[i] = w, w
		t.table.SetColumnWidth(i, w)
	}
}

// StretchWidth is the width the stretch column gets in a table of width:
// what the other columns, the gaps between columns and the vertical scroll
// bar leave, and never less than its own least width.
func (t *RecordTable) StretchWidth(width float32) float32 {
	if t.stretch < 0 {
		return 0
	}
	return StretchWidth(t.least, t.stretch, width)
}

// StretchWidth is the width column stretch gets in a widget.Table of width
// whose columns are least wide: what the other columns, the gaps Fyne puts
// between columns (a padding each) and the vertical scroll bar leave, so
// the columns fill the table without a horizontal scroll bar. It is never
// less than least[stretch].
func StretchWidth(least []float32, stretch int, width float32) float32 {
	rest := theme.ScrollBarSize() + theme.Padding()*float32(len(least)-1)
	for i, w := range least {
		if i != stretch {
			rest += w
		}
	}
	return max(least[stretch], width-rest)
}

// tableRenderer lays out the table to fill the widget and gives the
// stretch column what the others leave.
type tableRenderer struct{ t *RecordTable }

func (r *tableRenderer) Layout(size fyne.Size) {
	t := r.t
	if s := t.stretch; s >= 0 {
		if w := t.StretchWidth(size.Width); w != t.widths[s] {
			t.widths[s] = w
			t.fitted = map[fitKey]string{} // shortened for the old width
			t.table.SetColumnWidth(s, w)
		}
	}
	t.table.Move(fyne.NewPos(0, 0))
	t.table.Resize(size)
}

func (r *tableRenderer) MinSize() fyne.Size {
	if r.t.minSize.IsZero() {
		return fyne.NewSize(200, 4*theme.TextSize())
	}
	return r.t.minSize
}

func (r *tableRenderer) Refresh()                     { r.t.table.Refresh() }
func (r *tableRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.t.table} }
func (r *tableRenderer) Destroy()                     {}

type fitKey struct {
	text  string
	width float32
}

// fit shortens text with "…" to fit column col. It does what a label's
// ellipsis truncation does, but Fyne shapes the text afresh on every
// refresh of a truncating label, which costs more than a frame when a
// keystroke redraws a screenful of cells; shortened texts are cached.
func (t *RecordTable) fit(text string, col int) string {
	width := t.widths[col]
	if width <= 0 || text == "" {
		return text
	}
	avail := width - 2*theme.InnerPadding()
	if measureText(text) <= avail {
		return text
	}
	key := fitKey{text, width}
	if v, ok := t.fitted[key]; ok {
		return v
	}
	out := Shorten(text, avail)
	t.fitted[key] = out
	return out
}

// Shorten cuts text to the longest start that fits width with "…" after it.
func Shorten(text string, width float32) string {
	if measureText(text) <= width {
		return text
	}
	rs := []rune(text)
	lo, hi := 0, len(rs) // the longest prefix that fits with "…" is rs[:lo]
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if measureText(string(rs[:mid])+"…") <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return string(rs[:lo]) + "…"
}

func measureText(s string) float32 {
	return fyne.MeasureText(s, theme.TextSize(), fyne.TextStyle{}).Width
}
