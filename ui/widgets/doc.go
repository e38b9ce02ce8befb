// Package widgets holds the building blocks of ChamberDesk's window that
// need nothing but Fyne: the year selector, the figure card and the panel
// behind parts of a page, the bar chart, the form entry that lets the
// window's shortcuts through, the generic field validators and a label
// that wraps Chinese and mixed Chinese/Latin text by characters.
//
// The package never imports chamberdesk/data nor package ui: whatever a
// widget needs of the records or of the window comes in as plain values
// and callbacks. imports_test.go checks this.
package widgets
