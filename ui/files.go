package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"

	"chamberdesk/data"
)

// dbFilter shows data files in the file dialogs.
var dbFilter = storage.NewExtensionFileFilter([]string{".db"})

// pickFile asks for a file to read and hands its path to use; cancelling
// does nothing.
func (a *App) pickFile(filter storage.FileFilter, use func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) { pickedPath(a.showError, r, err, use) }, a.win)
	showFileDialog(d, filter)
}

// pickSaveFile asks where to write a file, suggesting name, and hands the
// path (with ext added when missing) to use; cancelling does nothing.
func (a *App) pickSaveFile(name, ext string, filter storage.FileFilter, use func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		pickedPath(a.showError, w, err, func(path string) {
			if ext != "" && !strings.HasSuffix(strings.ToLower(path), ext) {
				path += ext
			}
			a.runSave(name, ext, filter, use, path)
		})
	}, a.win)
	d.SetFileName(name)
	showFileDialog(d, filter)
}

// pickedFile is what a file dialog hands back: the file to read or write.
type pickedFile interface {
	URI() fyne.URI
	Close() error
}

// pickedPath closes the file a file dialog chose and hands its path to
// use; an error goes to showError, and nothing chosen (cancelled) does
// nothing.
func pickedPath(showError func(error), f pickedFile, err error, use func(path string)) {
	if err != nil {
		showError(err)
		return
	}
	if f == nil {
		return
	}
	path := f.URI().Path()
	f.Close()
	use(path)
}

// showFileDialog shows d, listing only what filter lets through (all
// files when nil).
func showFileDialog(d *dialog.FileDialog, filter storage.FileFilter) {
	if filter != nil {
		d.SetFilter(filter)
	}
	d.Show()
}

// openFileDialog lets the person pick another data file. A foreign or newer
// file is refused with a message and left as it was.
func (a *App) openFileDialog() { a.pickFile(dbFilter, a.openOther) }

// openOther switches to the file at path, keeping the current one open if
// path cannot be opened.
func (a *App) openOther(path string) {
	state, err := data.Inspect(a.ctx(), path)
	if err != nil {
		a.showError(err)
		return
	}
	if state != data.FileHasData {
		a.closeStore()
		a.showWelcome(path)
		return
	}
	s, err := data.Open(a.ctx(), path, data.OpenOptions{Actor: actor()})
	if err != nil {
		a.showError(err)
		return
	}
	a.useStore(s)
}

// newFileDialog asks where to put a new data file and shows the welcome
// screen for it.
func (a *App) newFileDialog() {
	a.pickSaveFile(lang.L("新商会.db"), ".db", dbFilter, func(path string) {
		// The save dialog has created an empty file; an empty file is free to fill.
		a.closeStore()
		a.showWelcome(path)
	})
}

// backupDialog writes a copy of the open data file where the person says.
func (a *App) backupDialog() {
	if a.store() == nil {
		a.showInfo(lang.L("备份"), lang.L("尚未打开数据文件。"))
		return
	}
	a.pickSaveFile(fmt.Sprintf(lang.L("%s备份_%s.db"), a.org().ShortName, a.now().Format("20060102")), ".db", nil, a.backupTo)
}

func (a *App) backupTo(path string) {
	s := a.store()
	a.background(lang.L("正在备份…"), func(ctx context.Context) error {
		return s.Backup(ctx, path)
	}, func() { a.showInfo(lang.L("备份完成"), lang.L("已备份到 ")+filepath.Clean(path)) })
}
