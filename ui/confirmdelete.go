package ui

import (
	"context"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// confirmDelete asks title / msg with a red 删除 and a 取消 button; 删除
// runs del on the open file's context and then done, or shows del's error.
func confirmDelete(sh shell, title, msg string, del func(ctx context.Context) error, done func()) {
	d := dialog.NewConfirm(title, msg, func(ok bool) {
		if !ok {
			return
		}
		if err := del(sh.ctx()); err != nil {
			sh.showError(err)
			return
		}
		done()
	}, sh.window())
	d.SetConfirmText(lang.L("删除"))
	d.SetDismissText(lang.L("取消"))
	d.SetConfirmImportance(widget.DangerImportance)
	sh.present(d)
}
