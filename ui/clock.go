package ui

import "time"

// now is the open store's clock, which tests fix; with no file open, the
// computer's.
func (a *App) now() time.Time {
	if a.store != nil && a.store.Now != nil {
		return a.store.Now()
	}
	return time.Now()
}
