package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"

	"chamberdesk/assets/fonts"

	"chamberdesk/data"
)

// shell is what a screen, form or card may ask of the window around it:
// the open file and its clock, the window, messages, background work and
// the save shortcut. Screens never see the App itself, so each can be
// built and tested against this much and no more.
type shell interface {
	store() *data.Store     // the open file; nil on the welcome screen
	ctx() context.Context   // ends when the window closes
	org() data.Organization // the open file's organization
	now() time.Time         // the store's clock
	window() fyne.Window    // parent of every dialog
	showError(err error)    // any goroutine: the message for err, the detail to the log
	showInfo(title, msg string)
	present(d dialog.Dialog) // shows d as the window's newest dialog

	// background runs work off the UI thread behind a progress dialog;
	// done runs on the UI thread after a success.
	background(title string, work func(ctx context.Context) error, done func())
	// saveWhileOpen makes Ctrl+S run submit while the form d is open.
	saveWhileOpen(d dialog.Dialog, submit, closed func())
	// editWhileOpen is saveWhileOpen for a form that knows itself whether
	// it holds unsaved changes: quitting asks only when changed says so.
	editWhileOpen(d dialog.Dialog, submit, closed func(), changed func() bool)
	// bindShortcut makes a named shortcut run f while the screen key shows.
	bindShortcut(key, name string, f func())
	runShortcut(name string)
	// inBackground runs work on a goroutine of its own; closing the window
	// waits for it.
	inBackground(work func())
	pickFile(filter storage.FileFilter, use func(path string))
	pickSaveFile(name, ext string, filter storage.FileFilter, use func(path string))
	print(job printJob)
	// savedFile tells that a file was written to path, with a note, and
	// offers to open the folder it is in.
	savedFile(title, path, note string)

	navigate(key string) screen // shows the screen named key
	refreshScreen(key string)   // reloads the screen named key if it is built
	orgChanged(org data.Organization)
	restoreBackup(bi data.BackupInfo) // asks, then replaces the open file with bi
	switchLanguage(code string)
	font() *fonts.Font // the Chinese font in use, nil when none was found
}

func (a *App) store() *data.Store         { return a.db }
func (a *App) ctx() context.Context       { return a.runCtx }
func (a *App) org() data.Organization     { return a.organization }
func (a *App) window() fyne.Window        { return a.win }
func (a *App) navigate(key string) screen { a.show(key); return a.screens[key] }
func (a *App) font() *fonts.Font          { return a.uiFont }

func (a *App) refreshScreen(key string) {
	if sc := a.screens[key]; sc != nil {
		sc.refresh()
	}
}

// orgChanged takes the organization as just saved into the title.
func (a *App) orgChanged(org data.Organization) {
	a.organization = org
	a.win.SetTitle(lang.L("商会工作台") + " — " + org.Name)
}

func (a *App) restoreBackup(bi data.BackupInfo) { a.confirmRestore(bi) }

func (a *App) inBackground(work func()) {
	a.busy.Add(1)
	spawn(func() {
		defer a.busy.Done()
		work()
	})
}

// now is the open file's clock, or the computer's on the welcome screen.
func (a *App) now() time.Time {
	if a.db != nil && a.db.Now != nil {
		return a.db.Now()
	}
	return time.Now()
}

// present shows d as the window's newest dialog.
func (a *App) present(d dialog.Dialog) { d.Show() }
