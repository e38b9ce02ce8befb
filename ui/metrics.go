package ui

import "fyne.io/fyne/v2"

// metricsScreen is being written.
type metricsScreen struct{ app *App }

func newMetricsScreen(a *App) *metricsScreen { return &metricsScreen{app: a} }

func (s *metricsScreen) content() fyne.CanvasObject { return newLabel("指标") }
func (s *metricsScreen) refresh()                   {}
