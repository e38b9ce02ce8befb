package ui

import (
	"context"
	"errors"
	"fyne.io/fyne/v2/lang"
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
)

// message is what a person is shown for err: the store's message, in
// English when the window is English, Chinese otherwise. The full error
// goes to the log (personal values in it are already masked by data).
func message(err error) string {
	var es data.Errors
	if errors.As(err, &es) && len(es) > 0 {
		if english() {
			return es.MessageEN()
		}
		return es.Message()
	}
	if e, ok := data.AsError(err); ok {
		if english() {
			return e.MessageEN()
		}
		return e.Message()
	}
	return lang.L("操作失败，未做任何修改。\n") + err.Error()
}

// showError shows err in a dialog. It may be called from any goroutine.
func (a *App) showError(err error) {
	if err == nil {
		return
	}
	log.Printf("error: %s", data.ForLog(err))
	fyne.Do(func() {
		d := dialog.NewError(errors.New(message(err)), a.win)
		a.present(d)
	})
}

// showInfo shows a short message. It may be called from any goroutine.
func (a *App) showInfo(title, msg string) {
	fyne.Do(func() {
		d := dialog.NewInformation(title, msg, a.win)
		a.present(d)
	})
}

// background runs work off the UI thread behind a progress dialog; done
// (which may be nil) runs on the UI thread after a success, and a failure
// is shown as an error dialog.
func (a *App) background(title string, work func(ctx context.Context) error, done func()) {
	bar := widget.NewProgressBarInfinite()
	d := dialog.NewCustomWithoutButtons(title, bar, a.win)
	d.Show()
	again := a.takeSaving()
	a.inBackground(func() {
		err := work(a.ctx())
		fyne.Do(func() {
			d.Hide()
			if err != nil && again != nil && isInUse(err) {
				a.showInUse(err, again)
				return
			}
			if err != nil {
				a.showError(err)
				return
			}
			if done != nil {
				done()
			}
		})
	})
}

// backgroundRunner is a fyne.App that runs background work itself. The
// program's apps are not, and each piece of work gets a goroutine of its
// own; the tests' apps are, so that each test chooses how its work runs
// (ui/uithread_test.go), as fyne.Do asks the same app how to reach the UI.
type backgroundRunner interface {
	runBackground(work func())
}

// spawn starts background work on its own goroutine, or hands it to the
// running app when that is a backgroundRunner.
func spawn(work func()) {
	if r, ok := fyne.CurrentApp().(backgroundRunner); ok {
		r.runBackground(work)
		return
	}
	go work()
}
