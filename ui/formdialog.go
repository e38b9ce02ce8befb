package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// formDialog is the dialog of a record form: title over content, buttons
// along the bottom, Ctrl+S running submit while it is open and closed run
// once it closes. The caller sizes and presents it.
func formDialog(sh shell, title string, content fyne.CanvasObject, buttons []fyne.CanvasObject, submit, closed func()) *dialog.CustomDialog {
	d := dialog.NewCustomWithoutButtons(title, content, sh.window())
	d.SetButtons(buttons)
	sh.saveWhileOpen(d, submit, closed)
	return d
}

// fitWindow is width × height, or less where the window, less a margin,
// is smaller.
func fitWindow(sh shell, width, height float32) fyne.Size {
	ws := sh.window().Canvas().Size()
	return fyne.NewSize(min(width, ws.Width-40), min(height, ws.Height-40))
}
