package ui

import (
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
)

// saveAgain is how to redo a save the person chose a file for, should the
// file turn out to be open in WPS or Excel (data.CodeFileInUse).
type saveAgain struct {
	retry  func() // the same write to the same file
	saveAs func() // the save dialog again, for another name
}

// runSave calls use(path) for a file picked in the save dialog, noting how
// to do it again: background work use starts picks that up, and offers it
// if the write finds the file held open.
func (a *App) runSave(name, ext string, filter storage.FileFilter, use func(path string), path string) {
	a.saving = &saveAgain{
		retry:  func() { a.runSave(name, ext, filter, use, path) },
		saveAs: func() { a.pickSaveFile(name, ext, filter, use) },
	}
	defer func() { a.saving = nil }()
	use(path)
}

// takeSaving returns the save being started, if any, and forgets it, so
// that only the background work use(path) starts offers a retry.
func (a *App) takeSaving() *saveAgain {
	s := a.saving
	a.saving = nil
	return s
}

// showInUse says the file is open in another program and offers to try
// again once it is closed, or to save under another name. It runs on the
// UI thread.
func (a *App) showInUse(err error, again *saveAgain) {
	log.Printf("error: %s", data.ForLog(err))
	var d *dialog.CustomDialog
	retry := widget.NewButton(lang.L("重试"), func() { d.Hide(); again.retry() })
	retry.Importance = widget.HighImportance
	saveAs := widget.NewButton(lang.L("另存为…"), func() { d.Hide(); again.saveAs() })
	cancel := widget.NewButton(lang.L("取消"), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(lang.L("文件正在使用"), widget.NewLabel(message(err)), a.win)
	d.SetButtons([]fyne.CanvasObject{cancel, saveAs, retry})
	a.present(d)
}

// isInUse reports whether err is a file held open by another program.
func isInUse(err error) bool {
	return data.IsCode(err, data.CodeFileInUse)
}
