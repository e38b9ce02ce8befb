package ui

import "fyne.io/fyne/v2"

// membersScreen is being written.
type membersScreen struct{ app *App }

func newMembersScreen(a *App) *membersScreen { return &membersScreen{app: a} }

func (m *membersScreen) content() fyne.CanvasObject { return newLabel("会员") }
func (m *membersScreen) refresh()                   {}
