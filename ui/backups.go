package ui

import (
	"context"
	"fmt"
	"net/url"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
	"chamberdesk/ui/widgets"
)

// backupsCard is the 备份 section of 设置: where the backups are, 立即备份,
// 从备份恢复, and the list of backups with their dates and sizes.
type backupsCard struct {
	sh      shell
	folder  *widgets.WrapLabel
	list    *widget.List
	items   []data.BackupInfo
	sel     int
	openBtn *widget.Button
	nowBtn  *widget.Button
	restore *widget.Button // restores the selected backup
	pick    *widget.Button // restores a backup file picked in a dialog
}

func newBackupsCard(a shell) *backupsCard {
	b := &backupsCard{sh: a, folder: newLabel(""), sel: -1}
	b.list = widget.NewList(func() int { return len(b.items) },
		func() fyne.CanvasObject {
			return widget.NewLabel("2026年12月31日 23:59　每日自动备份　999.9 MB")
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(backupLine(b.items[i])) })
	b.list.OnSelected = func(i widget.ListItemID) { b.sel = i }
	b.openBtn = widget.NewButton(lang.L("打开文件夹"), b.onOpenFolder)
	b.nowBtn = widget.NewButton(lang.L("立即备份"), b.onBackupNow)
	b.nowBtn.Importance = widget.HighImportance
	b.restore = widget.NewButton(lang.L("恢复选中的备份"), b.onRestoreSelected)
	b.pick = widget.NewButton(lang.L("从备份恢复…"), b.onRestorePick)
	return b
}

func (b *backupsCard) content() fyne.CanvasObject {
	note := newLabel(lang.L("每天第一次打开时、导入名册和升级数据文件前会自动备份；保留最近7天、4周和12个月各一份。备份包含全部记录；照片保存在照片文件夹中，从不改写，恢复备份后照片仍在。"))
	return widget.NewCard(lang.L("备份"), "", container.NewVBox(
		b.folder, note,
		container.NewHBox(b.nowBtn, b.openBtn, b.pick, b.restore),
		container.NewGridWrap(fyne.NewSize(520, 200), b.list),
	))
}

// backupLine is one backup as the list shows it.
func backupLine(bi data.BackupInfo) string {
	return fmt.Sprintf("%s %s　%s　%s", data.FormatDateCN(bi.Time), bi.Time.Format("15:04"), backupReason(bi.Reason), sizeText(bi.Size))
}

func backupReason(r string) string {
	switch r {
	case data.ReasonDaily:
		return lang.L("每日自动备份")
	case data.ReasonImport:
		return lang.L("导入名册前")
	case data.ReasonMigrate:
		return lang.L("升级数据文件前")
	case data.ReasonRestore:
		return lang.L("恢复备份前")
	case data.ReasonManual:
		return lang.L("手动备份")
	case data.ReasonDamaged:
		return lang.L("损坏文件的原样副本")
	}
	return r
}

func sizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

func (b *backupsCard) refresh() {
	if b.sh.store() == nil {
		return
	}
	b.folder.SetText(fmt.Sprintf(lang.L("备份文件夹：%s"), b.sh.store().BackupDir()))
	list, err := data.ListBackups(b.sh.store().Path())
	if err != nil {
		b.sh.showError(err)
	}
	b.items, b.sel = list, -1
	b.list.UnselectAll()
	b.list.Refresh()
}

func (b *backupsCard) onOpenFolder() {
	dir := b.sh.store().BackupDir()
	u, err := folderURL(dir)
	if err == nil {
		err = fyne.CurrentApp().OpenURL(u)
	}
	if err != nil {
		b.sh.showInfo(lang.L("备份文件夹"), dir)
	}
}

func (b *backupsCard) onBackupNow() {
	s := b.sh.store()
	var info data.BackupInfo
	b.sh.background(lang.L("正在备份…"), func(ctx context.Context) error {
		var err error
		info, err = s.BackupBefore(ctx, data.ReasonManual)
		return err
	}, func() {
		b.refresh()
		b.sh.showInfo(lang.L("备份完成"), fmt.Sprintf(lang.L("已备份并校验：%s"), filepath.Base(info.Path)))
	})
}

func (b *backupsCard) onRestoreSelected() {
	if b.sel < 0 || b.sel >= len(b.items) {
		b.sh.showInfo(lang.L("从备份恢复"), lang.L("请先在列表中选中一个备份。"))
		return
	}
	b.sh.restoreBackup(b.items[b.sel])
}

func (b *backupsCard) onRestorePick() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		pickedPath(b.sh.showError, r, err, func(path string) { b.sh.restoreBackup(data.BackupInfo{Path: path}) })
	}, b.sh.window())
	if l, err := storage.ListerForURI(storage.NewFileURI(b.sh.store().BackupDir())); err == nil {
		d.SetLocation(l)
	}
	showFileDialog(d, dbFilter)
}

// confirmRestore asks before the open file is replaced by backup bi.
func (a *App) confirmRestore(bi data.BackupInfo) {
	when := ""
	if !bi.Time.IsZero() {
		when = fmt.Sprintf(lang.L("（%s %s）"), data.FormatDateCN(bi.Time), bi.Time.Format("15:04"))
	}
	msg := fmt.Sprintf(lang.L("用备份 %s%s 替换当前数据文件吗？\n当前数据会先另存一份备份，恢复后可以再换回来。"), filepath.Base(bi.Path), when)
	d := dialog.NewConfirm(lang.L("从备份恢复"), msg, func(ok bool) {
		if ok {
			a.restoreFrom(a.opts.DBPath, bi.Path)
		}
	}, a.win)
	d.SetConfirmText(lang.L("恢复"))
	d.SetDismissText(lang.L("取消"))
	a.present(d)
}

// restoreFrom closes the data file at path, restores src over it, and opens
// it again; when the restore is refused the file is reopened as it was.
func (a *App) restoreFrom(path, src string) {
	a.closeStore()
	bar := widget.NewProgressBarInfinite()
	d := dialog.NewCustomWithoutButtons(lang.L("正在恢复…"), bar, a.win)
	d.Show()
	a.inBackground(func() {
		saved, err := data.Restore(a.ctx(), path, src, nil)
		fyne.Do(func() {
			d.Hide()
			a.openPath(path)
			if err != nil {
				a.showError(err)
				return
			}
			msg := lang.L("已从备份恢复。")
			if saved.Path != "" {
				msg += "\n" + fmt.Sprintf(lang.L("恢复前的数据已另存为 %s。"), filepath.Base(saved.Path))
			}
			a.showInfo(lang.L("恢复完成"), msg)
		})
	})
}

// showOpenError shows why path did not open; a damaged file's newest good
// backup comes with a 恢复此备份 button.
func (a *App) showOpenError(path string, err error) {
	bi, ok := data.OfferedBackup(err)
	if !ok {
		a.showError(err)
		return
	}
	fyne.Do(func() {
		var d *dialog.CustomDialog
		restore := widget.NewButton(lang.L("恢复此备份"), func() { d.Hide(); a.confirmRestoreAt(path, bi) })
		restore.Importance = widget.HighImportance
		d = dialog.NewCustomWithoutButtons(lang.L("无法打开数据文件"), newLabel(message(err)), a.win)
		d.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.L("关闭"), func() { d.Hide() }), restore})
		a.present(d)
	})
}

// confirmRestoreAt is confirmRestore for a file not open yet.
func (a *App) confirmRestoreAt(path string, bi data.BackupInfo) {
	a.opts.DBPath = path
	a.confirmRestore(bi)
}

// folderURL is dir as a file URL for the system file manager.
func folderURL(dir string) (*url.URL, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	return &url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}, nil
}
