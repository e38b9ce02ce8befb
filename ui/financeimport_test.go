package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"chamberdesk/data"
)

// journalBook writes a cash journal of 2026 with a merged title, an opening
// row, three entries, a subtotal row and, when bad is set, a bad amount.
func journalBook(t *testing.T, bad bool) string {
	t.Helper()
	rows := [][]any{
		{"青禾镇商会 2026年现金日记账"},
		{"日期", "凭证号", "摘要", "收入(借方)", "支出(贷方)", "余额", "科目"},
		{nil, nil, "上年结转", nil, nil, 1000},
		{"2026-03-05", "现-01", "收到捐款 王伟", "1,200.00", nil, 2200, "捐赠收入"},
		{"2026/3/6", "现-02", "打印纸", nil, "￥150", 2050, "办公费"},
		{"2026年3月7日", "现-03", "茶歇", nil, "85.5元", 1964.5, "会议费"},
		{nil, nil, "本月合计", 1200, 235.5, 1964.5},
	}
	if bad {
		rows[5][4] = "八十五"
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "2026年现金日记账"); err != nil {
		t.Fatal(err)
	}
	if err := f.MergeCell("2026年现金日记账", "A1", "G1"); err != nil {
		t.Fatal(err)
	}
	for r, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		if err := f.SetSheetRow("2026年现金日记账", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "流水账.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func importedEntries(t *testing.T, a *App) []data.LedgerEntry {
	t.Helper()
	var out []data.LedgerEntry
	for _, e := range ledgerEntries(t, a.store(), 2026) {
		if e.Source == data.SourceImport {
			out = append(out, e)
		}
	}
	return out
}

func TestFinanceImportJournal(t *testing.T) {
	a, f := openFinance(t)
	path := journalBook(t, false)
	d := f.importJournal(path)
	a.wait()
	if d.problems != nil || d.importBtn == nil || d.importBtn.Disabled() {
		t.Fatalf("want a preview, got problems %v", d.problems)
	}
	if d.rep.Added != 3 || d.rep.Skipped < 2 || d.counts.Text != journalCounts(d.rep) {
		t.Fatalf("preview %+v, counts %q", d.rep, d.counts.Text)
	}
	if n := d.table.Length(); n != len(d.rep.Lines) || !onTop(a, d.table) {
		t.Fatalf("preview lists %d rows of %d", n, len(d.rep.Lines))
	}
	if len(importedEntries(t, a)) != 0 {
		t.Fatal("the preview wrote entries")
	}
	checkShot(t, a.win, dialogRegion(t, a), "finance_import.png", "导入流水账预览")
	test.Tap(d.importBtn)
	a.wait()
	got := importedEntries(t, a)
	if len(got) != 3 || d.result == nil || d.result.Added != 3 {
		t.Fatalf("imported %d entries", len(got))
	}
	want := map[string]int64{"收到捐款 王伟": 120000, "打印纸": 15000, "茶歇": 8550}
	for _, e := range got {
		if want[e.Note] != e.Fen {
			t.Errorf("%s stored %d fen", e.Note, e.Fen)
		}
		if f.rowOf(e.ID) < 0 {
			t.Errorf("%s not listed after the import", e.Note)
		}
	}
	dismissTop(t, a) // 导入完成

	// a re-import adds nothing
	again := f.importJournal(path)
	a.wait()
	if again.rep.Added != 0 || again.rep.Unchanged != 3 || !again.importBtn.Disabled() {
		t.Fatalf("re-import %+v", again.rep)
	}
	again.hide()
	if len(importedEntries(t, a)) != 3 {
		t.Fatal("the re-import changed the journal")
	}
}

func TestFinanceImportJournalProblems(t *testing.T) {
	a, f := openFinance(t)
	path := journalBook(t, true)
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	entries := ledgerEntries(t, a.store(), 2026)
	d := f.importJournal(path)
	a.wait()
	if len(d.problems) == 0 || d.importBtn != nil {
		t.Fatalf("want the problems, got %+v", d.rep)
	}
	if d.table.Length() != len(d.problems) || d.problems[0].Row != 6 || d.problems[0].Col == "" {
		t.Fatalf("problems %v", d.problems)
	}
	if !dialogSays(a, "未导入任何数据") {
		t.Fatalf("the dialog says %q", topTexts(a))
	}
	checkShot(t, a.win, dialogRegion(t, a), "finance_import_problems.png", "文件有问题")
	if after := ledgerEntries(t, a.store(), 2026); !slices.Equal(after, entries) {
		t.Fatal("a refused journal changed the entries")
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Fatal("the journal file changed")
	}
}

func TestFinanceExport(t *testing.T) {
	a, f := openFinance(t)
	path := filepath.Join(t.TempDir(), "收支表.xlsx")
	f.exportFinance(path, 2026)
	a.wait()
	sheets, _ := openBook(t, path)
	for _, want := range []string{"收支明细", "收支汇总", "会费收支"} {
		if !slices.Contains(sheets, want) {
			t.Fatalf("sheets %v lack %s", sheets, want)
		}
	}
	// the workbook's 收支明细 ends on the screen's own count and closing balance
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := x.GetRows("收支明细")
	x.Close()
	if err != nil || len(rows) < len(f.entries)+3 {
		t.Fatalf("收支明细 has %d rows for %d entries: %v", len(rows), len(f.entries), err)
	}
	closing := f.bal.ClosingFen
	want := []string{fmt.Sprintf("共 %d 笔", len(f.entries)), fmt.Sprintf("%d.%02d", closing/100, closing%100)}
	last := strings.Join(rows[len(rows)-1], "|")
	for _, w := range want {
		if !strings.Contains(last, w) {
			t.Fatalf("the workbook's total row %q lacks %q", last, w)
		}
	}
	if !dialogSays(a, "导出完成") {
		t.Fatalf("the dialog says %q", topTexts(a))
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "*"))
	if len(left) != 1 {
		t.Fatalf("files left beside the workbook: %v", left)
	}
}
