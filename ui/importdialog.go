package ui

import (
	"context"
	"errors"
	"fmt"
	"fyne.io/fyne/v2/lang"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
	"chamberdesk/report/roster"
	"chamberdesk/ui/widgets"
)

// xlsxFilter shows Excel workbooks in the file dialogs.
var xlsxFilter = storage.NewExtensionFileFilter([]string{".xlsx"})

// importPreviewRows is how many rows of the file the preview lists.
const importPreviewRows = 200

// importFlow is what the imports of workbooks (the roster, the cash
// journal) share: the file, the sheet choice when the reader finds several,
// the list of problems when the file is refused, and the dialog on display.
// Each import adds its own reading, preview and writing.
type importFlow struct {
	sh     shell
	path   string
	onDone func() // runs on the UI thread after a successful import

	// Filled by the background work, read on the UI thread in its done.
	sheets   []string    // the sheets to choose from, when the reader asks
	problems data.Errors // every problem of the file; nothing was written

	dlg         *dialog.CustomDialog // the dialog on display
	sheetSelect *widget.Select
	counts      *widget.Label
	table       *widgets.RecordTable
	importBtn   *widget.Button // nil when the file has problems
	cancelBtn   *widget.Button
}

// importDialog walks one roster file through the import: read it (asking
// for the sheet when several look like rosters), a dry run shown as a
// preview, then the import itself.
type importDialog struct {
	importFlow
	ros    *roster.Roster
	rep    data.ImportReport
	result *data.ImportReport // what the import wrote
}

// importRoster asks for a roster workbook and imports it with a preview.
// onDone (may be nil) runs after a successful import.
func importRoster(a shell, onDone func()) {
	if a.store() == nil {
		return
	}
	a.pickFile(xlsxFilter, func(path string) { importFile(a, path, onDone) })
}

// importFile reads the roster at path and shows what importing it would do.
func importFile(a shell, path string, onDone func()) *importDialog {
	d := &importDialog{importFlow: importFlow{sh: a, path: path, onDone: onDone}}
	d.read("")
	return d
}

// read reads the file (sheet "" lets the reader choose) and dry-runs the
// import, then shows the preview, the problems or the sheet choice.
func (d *importDialog) read(sheet string) {
	a := d.sh
	s := a.store()
	d.sheets, d.ros, d.problems, d.rep = nil, nil, nil, data.ImportReport{}
	a.background(lang.L("正在读取名册…"), func(ctx context.Context) error {
		ros, err := readRosterFile(d.path, sheet)
		if err != nil {
			if sheet == "" && data.IsCode(err, roster.CodeChooseSheet) {
				if names := choiceSheets(err); len(names) > 1 {
					d.sheets = names
					return nil
				}
			}
			return err
		}
		d.ros = ros
		rep, err := d.importRows(ctx, s, ros.Rows, true)
		d.rep = rep
		return err
	}, func() { d.next(d.read, d.showPreview) })
}

// next shows what a read found: the sheet choice (reading the sheet chosen
// with read), the problems, or the preview.
func (d *importFlow) next(read func(sheet string), preview func()) {
	switch {
	case d.sheets != nil:
		d.showSheetChoice(read)
	case d.problems != nil:
		d.showProblems()
	default:
		preview()
	}
}

// readRosterFile opens path and hands it to the roster reader.
func readRosterFile(path, sheet string) (*roster.Roster, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf(lang.L("无法打开名册文件：%w"), err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf(lang.L("无法读取名册文件：%w"), err)
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf(lang.L("「%s」不是文件"), path)
	}
	return roster.Read(f, st.Size(), filepath.Base(path), roster.Options{Sheet: sheet})
}

// choiceSheets lists the sheets to choose from when the reader found
// several rosters in one workbook.
func choiceSheets(err error) []string {
	var ce *roster.ChooseSheetError
	if errors.As(err, &ce) {
		return ce.Sheets
	}
	return nil
}

func (d *importFlow) show(title string, content fyne.CanvasObject, buttons ...fyne.CanvasObject) {
	if d.dlg != nil {
		d.dlg.Hide()
	}
	dlg := dialog.NewCustomWithoutButtons(title, content, d.sh.window())
	dlg.SetButtons(buttons)
	d.dlg = dlg
	dlg.Resize(fitWindow(d.sh, 900, 560))
	d.sh.present(dlg)
}

func (d *importFlow) hide() {
	if d.dlg != nil {
		d.dlg.Hide()
	}
}

// showSheetChoice asks which of the sheets found to read, and reads it.
func (d *importFlow) showSheetChoice(read func(sheet string)) {
	d.sheetSelect = widget.NewSelect(d.sheets, nil)
	d.sheetSelect.SetSelectedIndex(0)
	ok := widget.NewButtonWithIcon(lang.L("读取"), theme.ConfirmIcon(), func() {
		if sheet := d.sheetSelect.Selected; sheet != "" {
			d.hide()
			read(sheet)
		}
	})
	ok.Importance = widget.HighImportance
	d.cancelBtn = widget.NewButtonWithIcon(lang.L("取消"), theme.CancelIcon(), d.hide)
	d.show(lang.L("选择工作表"), container.NewVBox(
		newLabel(fmt.Sprintf(lang.L("「%s」中有多个工作表可以导入，请选择一个："), filepath.Base(d.path))),
		d.sheetSelect), d.cancelBtn, ok)
}

// showPreview shows what the import would do; nothing is written yet.
func (d *importDialog) showPreview() {
	rep, ros := d.rep, d.ros
	top := container.NewVBox(
		newLabel(fmt.Sprintf(lang.L("文件「%s」，工作表「%s」，表头在第%d行。"), filepath.Base(d.path), ros.Sheet, ros.HeaderRow)))
	d.counts = widget.NewLabelWithStyle(importCounts(rep), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top.Add(d.counts)
	for _, n := range ros.Notes {
		top.Add(newLabel(lang.L("注意：") + n))
	}
	for _, w := range rep.Warnings {
		top.Add(newLabel(lang.L("提示：") + errMessage(w)))
	}
	top.Add(newLabel(lang.L("以下为预览，尚未写入。确认无误后点「导入」。")))
	lines := rep.Lines
	if len(lines) > importPreviewRows {
		lines = lines[:importPreviewRows]
	}
	d.table = newTextTable([]string{lang.L("行"), lang.L("操作"), lang.L("姓名"), lang.L("说明")}, []float32{60, 70, 160, 320}, 3, len(lines),
		func(row, col int) string {
			l := lines[row]
			switch col {
			case 0:
				return fmt.Sprint(l.Row)
			case 1:
				return l.Action
			case 2:
				return l.Name
			}
			return l.Note
		})
	d.importBtn = widget.NewButtonWithIcon(lang.L("导入"), theme.ConfirmIcon(), d.doImport)
	d.importBtn.Importance = widget.HighImportance
	if rep.Added+rep.Updated == 0 {
		d.importBtn.Disable() // nothing would change
	}
	d.cancelBtn = widget.NewButtonWithIcon(lang.L("取消"), theme.CancelIcon(), d.hide)
	d.show(lang.L("导入名册预览"), container.NewBorder(top, nil, nil, nil, d.table), d.cancelBtn, d.importBtn)
}

func importCounts(rep data.ImportReport) string {
	return fmt.Sprintf(lang.L("新增 %d 人、更新 %d 人、未变 %d 人、跳过 %d 行"), rep.Added, rep.Updated, rep.Unchanged, rep.Skipped)
}

// showProblems lists every problem of the file; nothing was imported.
func (d *importFlow) showProblems() {
	es := d.problems
	d.importBtn = nil
	d.table = newTextTable([]string{lang.L("行"), lang.L("列"), lang.L("值"), lang.L("原因")}, []float32{60, 60, 160, 380}, 3, len(es),
		func(row, col int) string {
			e := es[row]
			switch col {
			case 0:
				if e.Row == 0 {
					return "-"
				}
				return fmt.Sprint(e.Row)
			case 1:
				if e.Col == "" {
					return "-"
				}
				return e.Col
			case 2:
				return e.Value
			}
			if e.Field != "" {
				return fieldAndMsg(e)
			}
			return errMsg(e)
		})
	top := newLabel(fmt.Sprintf(lang.L("「%s」有 %d 处问题，未导入任何数据，数据文件未改动。请在 Excel 中改正后重新导入。"),
		filepath.Base(d.path), len(es)))
	d.cancelBtn = widget.NewButtonWithIcon(lang.L("关闭"), theme.CancelIcon(), d.hide)
	d.show(lang.L("文件有问题"), container.NewBorder(top, nil, nil, nil, d.table), d.cancelBtn)
}

// importRows imports rows (only tries, with dryRun). Problems with the
// rows are kept in d.problems, not returned: the dialog lists them.
func (d *importDialog) importRows(ctx context.Context, s *data.Store, rows []data.ImportRow, dryRun bool) (data.ImportReport, error) {
	rep, err := s.ImportMembers(ctx, rows, dryRun)
	return rep, d.keepProblems(err)
}

// keepProblems keeps the problems of the file in d.problems for the dialog
// to list, and returns any other error.
func (d *importFlow) keepProblems(err error) error {
	var es data.Errors
	if errors.As(err, &es) {
		d.problems = es
		return nil
	}
	return err
}

// doImport writes the previewed rows.
func (d *importDialog) doImport() {
	a := d.sh
	s := a.store()
	rows := d.ros.Rows
	d.hide()
	d.problems = nil
	a.background(lang.L("正在导入…"), func(ctx context.Context) error {
		rep, err := d.importRows(ctx, s, rows, false)
		d.result = &rep
		return err
	}, func() {
		if d.problems != nil {
			d.showProblems()
			return
		}
		a.showInfo(lang.L("导入完成"), lang.L("已导入名册：")+importCounts(*d.result)+lang.L("。"))
		if d.onDone != nil {
			d.onDone()
		}
	})
}
