package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Cell is one cell of a RecordTable: a label, or a check box in a Check
// column, over a background that marks the selected row as a whole. A tap
// selects the row; a double tap opens it.
type Cell struct {
	widget.BaseWidget
	t        *RecordTable
	row, col int
	bg       *canvas.Rectangle
	label    *widget.Label
	check    *widget.Check
}

func newTableCell(t *RecordTable) *Cell {
	c := &Cell{t: t, bg: canvas.NewRectangle(color.Transparent), label: widget.NewLabel(""),
		check: widget.NewCheck("", nil)}
	c.check.Hide()
	c.ExtendBaseWidget(c)
	return c
}

func (c *Cell) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(c.bg, c.label, c.check))
}

// Text is the text the cell shows, shortened to fit.
func (c *Cell) Text() string { return c.label.Text }

// Importance is the colour of the cell's text.
func (c *Cell) Importance() widget.Importance { return c.label.Importance }

// Check is the cell's check box, shown in a Check column.
func (c *Cell) Check() *widget.Check { return c.check }

// At is the row and column the cell shows now.
func (c *Cell) At() (row, col int) { return c.row, c.col }

func (c *Cell) Tapped(*fyne.PointEvent) { c.t.TapRow(c.row) }

func (c *Cell) DoubleTapped(*fyne.PointEvent) { c.t.doubleTap(c.row) }

func (c *Cell) update(row, col int) {
	c.row, c.col = row, col
	t := c.t
	if row < 0 || row >= t.rows() || col < 0 || col >= len(t.cols) {
		c.label.SetText("")
		c.check.Hide()
		return
	}
	if t.cols[col].Check {
		c.label.Hide()
		c.check.OnChanged = nil // the cell is reused: no callback for the old row
		if t.Checked != nil {
			c.check.SetChecked(t.Checked(row))
		}
		c.check.OnChanged = func(on bool) {
			if t.OnChecked != nil {
				t.OnChecked(row, on)
			}
		}
		c.check.Show()
	} else {
		c.check.Hide()
		c.label.Show()
		text := t.fit(t.Text(row, col), col)
		imp := widget.MediumImportance
		if t.Importance != nil {
			imp = t.Importance(row, col)
		}
		align := t.cols[col].Align
		if c.label.Text != text || c.label.Importance != imp || c.label.Alignment != align {
			c.label.Text, c.label.Importance, c.label.Alignment = text, imp, align
			c.label.Refresh()
		}
	}
	var bg color.Color = color.Transparent
	if row == t.selected && !t.readOnly {
		bg = theme.Color(theme.ColorNameSelection)
	}
	if c.bg.FillColor != bg {
		c.bg.FillColor = bg
		c.bg.Refresh()
	}
}

// Header is a column's title in bold, with an arrow when the table is
// sorted by it; a tap sorts a sortable column.
type Header struct {
	widget.BaseWidget
	t     *RecordTable
	col   int
	label *widget.Label
	arrow *widget.Icon
	box   *fyne.Container
}

func newTableHeader(t *RecordTable) *Header {
	h := &Header{t: t, col: -1, label: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		arrow: widget.NewIcon(theme.MenuDropUpIcon())}
	h.arrow.Hide()
	h.box = container.New(&headerLayout{h: h}, h.label, h.arrow)
	h.ExtendBaseWidget(h)
	return h
}

func (h *Header) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(h.box) }

// Title is the title the header shows.
func (h *Header) Title() string { return h.label.Text }

func (h *Header) Tapped(*fyne.PointEvent) { h.t.TapHeader(h.col) }

func (h *Header) update(col int) {
	h.col = col
	if col < 0 || col >= len(h.t.cols) {
		h.label.SetText("")
		h.arrow.Hide()
		return
	}
	c := h.t.cols[col]
	h.label.Alignment = c.Align
	h.label.SetText(c.Title)
	if col == h.t.sortCol {
		icon := theme.MenuDropUpIcon()
		if h.t.sortDesc {
			icon = theme.MenuDropDownIcon()
		}
		h.arrow.SetResource(icon)
		h.arrow.Show()
	} else {
		h.arrow.Hide()
	}
	h.box.Refresh()
}

// headerLayout puts the arrow right after the title, or before a title
// aligned to the right, so the arrow stays next to the words it sorts.
type headerLayout struct{ h *Header }

func (l *headerLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	label, arrow := objs[0], objs[1]
	side := arrowSize()
	lw := min(label.MinSize().Width, size.Width)
	if arrow.Visible() {
		lw = min(lw, size.Width-side)
	}
	y := (size.Height - side) / 2
	if l.h.label.Alignment == fyne.TextAlignTrailing {
		label.Move(fyne.NewPos(size.Width-lw, 0))
		arrow.Move(fyne.NewPos(size.Width-lw-side+theme.InnerPadding()/2, y))
	} else {
		label.Move(fyne.NewPos(0, 0))
		arrow.Move(fyne.NewPos(lw-theme.InnerPadding()/2, y))
	}
	label.Resize(fyne.NewSize(lw, size.Height))
	arrow.Resize(fyne.NewSize(side, side))
}

func (l *headerLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	s := objs[0].MinSize()
	if c := l.h.col; c >= 0 && c < len(l.h.t.cols) && l.h.t.cols[c].Sortable {
		s.Width += arrowSize() // room for the arrow, so sorting does not cut the title
	}
	return s
}

func arrowSize() float32 { return theme.IconInlineSize() }

var _ fyne.Tappable = (*Header)(nil)
var _ fyne.DoubleTappable = (*Cell)(nil)
