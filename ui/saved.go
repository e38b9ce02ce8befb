package ui

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// savedFile tells that a file was written, where, and offers 打开所在文件夹:
// a secretary who saved a notice or a picture goes on to send it from there.
func (a *App) savedFile(title, path, note string) {
	where := widget.NewLabel(filepath.Clean(path))
	where.Wrapping = fyne.TextWrapBreak
	where.Importance = widget.LowImportance
	body := container.NewVBox(newLabel(lang.L("已保存到：")), where)
	if note != "" {
		body.Add(newLabel(note))
	}
	d := dialog.NewCustomConfirm(title, lang.L("打开所在文件夹"), lang.L("关闭"), body, func(open bool) {
		if open {
			if err := a.showPath(filepath.Dir(path)); err != nil {
				a.showError(err)
			}
		}
	}, a.win)
	d.SetConfirmImportance(widget.MediumImportance)
	a.present(d)
}
