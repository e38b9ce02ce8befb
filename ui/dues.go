package ui

import "fyne.io/fyne/v2"

// duesScreen is being written.
type duesScreen struct{ app *App }

func newDuesScreen(a *App) *duesScreen { return &duesScreen{app: a} }

func (d *duesScreen) content() fyne.CanvasObject { return newLabel("会费") }
func (d *duesScreen) refresh()                   {}
