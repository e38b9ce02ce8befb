package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// BarChart draws one series as vertical bars with its value on top of each
// bar and a label under it: the months of a year on the 首页. Fyne has no
// chart widget and the few numbers here do not justify a plotting library.
type BarChart struct {
	widget.BaseWidget

	title  string
	labels []string
	values []float64
	color  fyne.ThemeColorName
	format func(float64) string // writes a value on top of its bar
}

// NewBarChart makes a chart with one bar per label, all zero, in the
// theme's colour col; format writes a value on top of its bar.
func NewBarChart(title string, labels []string, col fyne.ThemeColorName, format func(float64) string) *BarChart {
	c := &BarChart{title: title, labels: labels, values: make([]float64, len(labels)), color: col, format: format}
	c.ExtendBaseWidget(c)
	return c
}

// SetValues replaces the bars' values; missing ones are zero.
func (c *BarChart) SetValues(vs []float64) {
	c.values = make([]float64, len(c.labels))
	copy(c.values, vs)
	c.Refresh()
}

// SetTitle changes the caption above the bars.
func (c *BarChart) SetTitle(t string) {
	c.title = t
	c.Refresh()
}

// Values are the bars' values, in the order of the labels.
func (c *BarChart) Values() []float64 { return append([]float64(nil), c.values...) }

// CreateRenderer is Fyne's way in.
func (c *BarChart) CreateRenderer() fyne.WidgetRenderer {
	r := &barChartRenderer{chart: c, title: canvas.NewText("", nil), axis: canvas.NewRectangle(nil)}
	r.title.TextStyle.Bold = true
	for range c.labels {
		bar := canvas.NewRectangle(nil)
		bar.CornerRadius = 2
		r.bars = append(r.bars, bar)
		r.values = append(r.values, canvas.NewText("", nil))
		r.labels = append(r.labels, canvas.NewText("", nil))
	}
	r.Refresh()
	return r
}

type barChartRenderer struct {
	chart  *BarChart
	title  *canvas.Text
	axis   *canvas.Rectangle
	bars   []*canvas.Rectangle
	values []*canvas.Text // on top of each bar
	labels []*canvas.Text // under each bar
	size   fyne.Size
}

// Chart proportions, in units of the theme's text size where they relate
// to text.
const (
	chartMinPlot  = 80 // the bars' area never gets shorter than this
	chartMaxBar   = 44 // a bar never gets wider than this
	chartBarShare = 0.6
)

func (r *barChartRenderer) textSize() float32 { return theme.TextSize() * 0.9 }

func (r *barChartRenderer) MinSize() fyne.Size {
	ts := r.textSize()
	line := fyne.MeasureText("0", ts, fyne.TextStyle{}).Height
	titleH := fyne.MeasureText(r.chart.title, theme.TextSize(), r.title.TextStyle).Height
	// Bars may be narrow; the labels thin out (see Layout) rather than
	// widen the chart.
	w := float32(len(r.chart.labels)) * fyne.MeasureText("00", ts, fyne.TextStyle{}).Width
	return fyne.NewSize(max(w, fyne.MeasureText(r.chart.title, theme.TextSize(), r.title.TextStyle).Width),
		titleH+2*line+chartMinPlot+3*theme.Padding())
}

func (r *barChartRenderer) Layout(size fyne.Size) {
	r.size = size
	pad := theme.Padding()
	ts := r.textSize()
	titleSize := r.title.MinSize()
	r.title.Move(fyne.NewPos(0, 0))
	r.title.Resize(titleSize)

	n := len(r.bars)
	if n == 0 {
		return
	}
	line := fyne.MeasureText("0", ts, fyne.TextStyle{}).Height
	top := titleSize.Height + pad + line // highest bar top: room for its value
	base := size.Height - line - pad     // the axis
	plot := max(base-top, 1)
	slot := size.Width / float32(n)
	barW := min(slot*chartBarShare, chartMaxBar)

	top0 := r.max()
	// When slots get narrower than their text, month labels thin out to
	// every other one and zeros on empty months go, rather than overlap.
	crowded, labelStep := false, 1
	for i := range n {
		crowded = crowded || r.values[i].MinSize().Width > slot
		if r.labels[i].MinSize().Width > slot {
			labelStep = 2
		}
	}
	for i := range n {
		x := slot * float32(i)
		h := float32(0)
		if top0 > 0 {
			h = float32(r.chart.values[i]/top0) * plot
		}
		bar := r.bars[i]
		bar.Move(fyne.NewPos(x+(slot-barW)/2, base-h))
		bar.Resize(fyne.NewSize(barW, h))

		v := r.values[i]
		vs := v.MinSize()
		v.Move(fyne.NewPos(x+(slot-vs.Width)/2, base-h-vs.Height))
		v.Resize(vs)
		v.Hidden = crowded && r.chart.values[i] == 0

		l := r.labels[i]
		ls := l.MinSize()
		l.Move(fyne.NewPos(x+(slot-ls.Width)/2, base+pad/2))
		l.Resize(ls)
		l.Hidden = i%labelStep != 0
	}
	r.axis.Move(fyne.NewPos(0, base))
	r.axis.Resize(fyne.NewSize(size.Width, 1))
}

// max is the largest value, the height of the tallest bar.
func (r *barChartRenderer) max() float64 {
	top := 0.0
	for _, v := range r.chart.values {
		top = max(top, v)
	}
	return top
}

func (r *barChartRenderer) Refresh() {
	c := r.chart
	fg := theme.Color(theme.ColorNameForeground)
	muted := theme.Color(theme.ColorNamePlaceHolder)
	fill := theme.Color(c.color)
	ts := r.textSize()
	r.title.Text, r.title.Color, r.title.TextSize = c.title, fg, theme.TextSize()
	r.axis.FillColor = theme.Color(theme.ColorNameSeparator)
	for i := range r.bars {
		r.bars[i].FillColor = fill
		v := r.values[i]
		v.Text, v.TextSize, v.Color = c.format(c.values[i]), ts, fg
		if c.values[i] == 0 {
			v.Color = muted
		}
		l := r.labels[i]
		l.Text, l.TextSize, l.Color = c.labels[i], ts, muted
	}
	if !r.size.IsZero() {
		r.Layout(r.size)
	}
	for _, o := range r.Objects() {
		o.Refresh()
	}
}

// Objects are the title, the axis, then each bar, its value and its label.
func (r *barChartRenderer) Objects() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{r.title, r.axis}
	for i := range r.bars {
		objs = append(objs, r.bars[i], r.values[i], r.labels[i])
	}
	return objs
}

func (r *barChartRenderer) Destroy() {}
