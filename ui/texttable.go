package ui

import "chamberdesk/ui/widgets"

// newTextTable is a read-only record table for dialogs: a title and a least
// width per column; column stretch takes the width the others leave.
func newTextTable(titles []string, widths []float32, stretch, rows int, text func(row, col int) string) *widgets.RecordTable {
	cols := make([]widgets.Column, len(titles))
	for i, title := range titles {
		cols[i] = widgets.Column{Title: title, Width: widths[i], Stretch: i == stretch}
	}
	return widgets.NewTextTable(cols, func() int { return rows }, text)
}
