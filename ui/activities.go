package ui

import "fyne.io/fyne/v2"

// activitiesScreen is being written.
type activitiesScreen struct{ app *App }

func newActivitiesScreen(a *App) *activitiesScreen { return &activitiesScreen{app: a} }

func (s *activitiesScreen) content() fyne.CanvasObject { return newLabel("活动") }
func (s *activitiesScreen) refresh()                   {}
