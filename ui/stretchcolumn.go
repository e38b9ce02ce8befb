package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/ui/widgets"
)

// stretchColumn lays out a plain widget.Table and gives one column whatever
// width the others leave, by the record table's rule (widgets.StretchWidth),
// for the tables not built on widgets.RecordTable.
type stretchColumn struct {
	table  *widget.Table
	col    int
	widths []float32 // every column's width; widths[col] is the least it gets
	min    float32   // the least width of the whole table
	last   float32
}

func (c *stretchColumn) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if w := widgets.StretchWidth(c.widths, c.col, size.Width); w != c.last {
		c.last = w
		c.table.SetColumnWidth(c.col, w)
	}
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (c *stretchColumn) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(c.min, 4*theme.TextSize())
}
