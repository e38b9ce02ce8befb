package ui

import (
	"context"
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
)

// packageCase writes the submission package of a saved case into dir and
// returns the package's path, reporting each step. It is set where the
// package writer is wired in; nil means this build cannot write packages.
var packageCase func(ctx context.Context, s *data.Store, caseID int64, dir string,
	progress func(step string, frac float64)) (string, error)

// onPackage saves the case, warns about what the check still finds, asks
// for a folder and writes the package there in the background.
func (f *caseForm) onPackage() {
	if packageCase == nil {
		f.sh.showInfo(lang.L("生成申报材料包"), lang.L("生成材料包功能暂不可用"))
		return
	}
	if (f.c.ID == 0 || f.dirty()) && !f.submit() {
		return
	}
	ps, err := f.sh.store().CheckCase(f.sh.ctx(), f.current())
	if err != nil {
		f.sh.showError(err)
		return
	}
	if len(ps) == 0 {
		f.pickDir(f.writePackage)
		return
	}
	d := dialog.NewConfirm(lang.L("生成申报材料包"),
		caseProblemText(ps)+"\n\n"+lang.L("仍要生成材料包吗？"), func(ok bool) {
			if ok {
				f.pickDir(f.writePackage)
			}
		}, f.sh.window())
	d.SetConfirmText(lang.L("仍要生成"))
	d.SetDismissText(lang.L("返回修改"))
	f.sh.present(d)
}

// pickFolder asks where the package goes.
func (f *caseForm) pickFolder(use func(dir string)) {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil {
			f.sh.showError(err)
			return
		}
		if u != nil {
			use(u.Path())
		}
	}, f.sh.window())
	d.Show()
}

// writePackage runs the package writer off the UI thread behind a progress
// bar that shows each step.
func (f *caseForm) writePackage(dir string) {
	bar := widget.NewProgressBar()
	step := widget.NewLabel(lang.L("正在准备…"))
	d := dialog.NewCustomWithoutButtons(lang.L("正在生成申报材料包"), container.NewVBox(step, bar), f.sh.window())
	d.Resize(fyne.NewSize(460, d.MinSize().Height))
	d.Show()
	st, id, write := f.sh.store(), f.c.ID, packageCase
	a := f.sh
	a.inBackground(func() {
		path, err := write(a.ctx(), st, id, dir, func(s string, frac float64) {
			fyne.Do(func() {
				step.SetText(s)
				bar.SetValue(min(max(frac, 0), 1))
			})
		})
		fyne.Do(func() {
			d.Hide()
			if err != nil {
				a.showError(err)
				return
			}
			f.lastPackage = path
			a.showInfo(lang.L("已生成申报材料包"), fmt.Sprintf(lang.L("材料包已保存到：\n%s"), filepath.Clean(path)))
		})
	})
}
