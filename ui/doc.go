// Package ui is ChamberDesk's window: the main shell with its navigation and
// menu, the first-run welcome, and one screen per file (members, dues, …).
// It talks to data and report and holds no SQL and no file formats.
package ui
