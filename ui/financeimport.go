package ui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
	"chamberdesk/report/journal"
	"chamberdesk/report/xlsx"
)

// The 财务 screen's workbooks: a cash journal (流水账) imported with a
// preview of every row, through the flow the roster import uses
// (importdialog.go), and the year's accounts workbook (收支表) exported.

// fileButtons are 导入流水账… and 导出收支表….
func (f *financeScreen) fileButtons() []fyne.CanvasObject {
	f.importBtn = widget.NewButtonWithIcon(lang.L("导入流水账…"), theme.UploadIcon(), f.onImport)
	f.exportBtn = widget.NewButtonWithIcon(lang.L("导出收支表…"), theme.DownloadIcon(), f.onExport)
	return []fyne.CanvasObject{f.importBtn, f.exportBtn}
}

// onImport asks for a journal workbook and imports it with a preview.
func (f *financeScreen) onImport() {
	if f.sh.store() == nil || f.busy() {
		return
	}
	f.sh.pickFile(xlsxFilter, func(path string) { f.importJournal(path) })
}

// journalImport walks one cash journal through the import: read it
// (asking for the sheet when several look like journals), a dry run shown
// as a preview of every row, then the import itself.
type journalImport struct {
	importFlow
	j      *journal.Journal
	rep    data.JournalReport
	result *data.JournalReport // what the import wrote
}

// importJournal reads the journal at path and shows what importing it
// would do.
func (f *financeScreen) importJournal(path string) *journalImport {
	d := &journalImport{importFlow: importFlow{sh: f.sh, path: path}}
	d.onDone = func() {
		f.afterWrite(fmt.Sprintf(lang.L("已导入流水账：新增 %d 笔"), d.result.Added))
	}
	d.read("")
	return d
}

func (d *journalImport) read(sheet string) {
	a := d.sh
	s := a.store()
	d.sheets, d.j, d.problems, d.rep = nil, nil, nil, data.JournalReport{}
	a.background(lang.L("正在读取流水账…"), func(ctx context.Context) error {
		j, err := readJournalFile(d.path, sheet)
		if err != nil {
			var ce *journal.ChooseSheetError
			if sheet == "" && errors.As(err, &ce) && len(ce.Sheets) > 1 {
				d.sheets = ce.Sheets
				return nil
			}
			return err
		}
		d.j = j
		rep, err := s.ImportJournal(ctx, j.Rows, true)
		d.rep = rep
		return d.keepProblems(err)
	}, func() { d.next(d.read, d.showPreview) })
}

// readJournalFile opens path and hands it to the journal reader.
func readJournalFile(path, sheet string) (*journal.Journal, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf(lang.L("无法打开流水账文件：%w"), err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf(lang.L("无法读取流水账文件：%w"), err)
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf(lang.L("「%s」不是文件"), path)
	}
	return journal.Read(f, st.Size(), filepath.Base(path), journal.Options{Sheet: sheet})
}

// journalCounts sums up a report in a line.
func journalCounts(rep data.JournalReport) string {
	return fmt.Sprintf(lang.L("新增 %d 笔、未变 %d 笔、跳过 %d 行；收入合计 %s，支出合计 %s"),
		rep.Added, rep.Unchanged, rep.Skipped, moneyText(rep.IncomeFen), moneyText(rep.SpendingFen))
}

// actionText names what happens to a row, in the window's language.
func actionText(action string) string {
	switch action {
	case data.ActionAdd:
		return lang.L("新增")
	case data.ActionUnchanged:
		return lang.L("未变")
	case data.ActionSkip:
		return lang.L("跳过")
	}
	return action
}

// noteText is a reader's note ("中文 / English") in the window's language.
func noteText(n string) string {
	zh, en, ok := strings.Cut(n, " / ")
	if !ok {
		return n
	}
	if english() {
		return en
	}
	return zh
}

// Columns of the journal preview.
var journalPreviewHeaders = []string{"行", "操作", "日期", "收支", "科目", "金额", "摘要", "说明"}

// showPreview shows what the import would do to every row; nothing is
// written yet.
func (d *journalImport) showPreview() {
	rep, j := d.rep, d.j
	top := container.NewVBox(newLabel(fmt.Sprintf(lang.L("文件「%s」，工作表「%s」，表头在第%d行。"),
		filepath.Base(d.path), j.Sheet, j.HeaderRow)))
	d.counts = widget.NewLabelWithStyle(journalCounts(rep), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top.Add(d.counts)
	for _, n := range j.Notes {
		top.Add(newLabel(lang.L("注意：") + noteText(n)))
	}
	for _, w := range rep.Warnings {
		top.Add(newLabel(lang.L("提示：") + errMessage(w)))
	}
	top.Add(newLabel(lang.L("以下为预览，尚未写入。确认无误后点「导入」。")))
	lines := rep.Lines
	if len(lines) > importPreviewRows {
		lines = lines[:importPreviewRows]
	}
	titles := make([]string, len(journalPreviewHeaders))
	for i, h := range journalPreviewHeaders {
		titles[i] = lang.L(h)
	}
	d.table = newTextTable(titles, []float32{44, 56, 96, 52, 96, 84, 160, 150}, 7, len(lines),
		func(row, col int) string {
			l := lines[row]
			e := l.Entry
			if col > 1 && col < 7 && l.Action == data.ActionSkip {
				return ""
			}
			switch col {
			case 0:
				return fmt.Sprint(l.Row)
			case 1:
				return actionText(l.Action)
			case 2:
				return data.FormatDateISO(e.Date)
			case 3:
				return valueLabel(e.Kind)
			case 4:
				return valueLabel(e.Category)
			case 5:
				return data.FormatYuanPlain(e.Fen)
			case 6:
				return e.Note
			}
			return noteText(l.Note)
		})
	d.importBtn = widget.NewButtonWithIcon(lang.L("导入"), theme.ConfirmIcon(), d.doImport)
	d.importBtn.Importance = widget.HighImportance
	if rep.Added == 0 {
		d.importBtn.Disable() // nothing would change
	}
	d.cancelBtn = widget.NewButtonWithIcon(lang.L("取消"), theme.CancelIcon(), d.hide)
	d.show(lang.L("导入流水账预览"), container.NewBorder(top, nil, nil, nil, d.table), d.cancelBtn, d.importBtn)
}

// doImport writes the previewed rows.
func (d *journalImport) doImport() {
	a := d.sh
	s := a.store()
	rows := d.j.Rows
	d.hide()
	d.problems = nil
	a.background(lang.L("正在导入…"), func(ctx context.Context) error {
		rep, err := s.ImportJournal(ctx, rows, false)
		d.result = &rep
		return d.keepProblems(err)
	}, func() {
		if d.problems != nil {
			d.showProblems()
			return
		}
		a.showInfo(lang.L("导入完成"), lang.L("已导入流水账：")+journalCounts(*d.result)+lang.L("。"))
		if d.onDone != nil {
			d.onDone()
		}
	})
}

// onExport asks where to write the year's accounts workbook.
func (f *financeScreen) onExport() {
	if f.sh.store() == nil || f.busy() {
		return
	}
	year := f.year
	name := fmt.Sprintf(lang.L("%s_%d年收支表.xlsx"), orgShortName(f.sh), year)
	f.sh.pickSaveFile(name, ".xlsx", xlsxFilter, func(path string) { f.exportFinance(path, year) })
}

// exportFinance writes the accounts workbook of year to path, through a
// temporary file renamed into place.
func (f *financeScreen) exportFinance(path string, year int) {
	a := f.sh
	st := a.store()
	a.background(lang.L("正在导出收支表…"), func(ctx context.Context) error {
		err := xlsx.WriteFile(path, func(w io.Writer) error { return xlsx.WriteFinance(ctx, st, year, w) })
		if err != nil {
			return fmt.Errorf(lang.L("收支表导出失败：%w"), err)
		}
		return nil
	}, func() {
		a.showInfo(lang.L("导出完成"), fmt.Sprintf(lang.L("已导出到 %s\n%d年的收支明细、收支汇总和会费收支。"), filepath.Clean(path), year))
	})
}
