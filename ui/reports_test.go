package ui

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func reportsOf(t *testing.T, a *App) *reportsScreen {
	t.Helper()
	return openScreen[*reportsScreen](t, a, "reports")
}

// openBook opens an exported workbook and returns its sheet names and
// every cell's text.
func openBook(t *testing.T, path string) ([]string, string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	var all strings.Builder
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			all.WriteString(strings.Join(r, "\t") + "\n")
		}
	}
	return f.GetSheetList(), all.String()
}

func TestReportsScreenYears(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	s := reportsOf(t, a)
	this := membersToday(a).Year()
	if len(s.year.Years()) == 0 || !slices.Contains(s.year.Years(), this) || s.year.Year() != this {
		t.Fatalf("years %v selected %d", s.year.Years(), s.year.Year())
	}
	acts, err := a.store().Activities(a.ctx(), 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, act := range acts {
		if !slices.Contains(s.year.Years(), act.Date.Year()) {
			t.Fatalf("year %d of an activity not offered: %v", act.Date.Year(), s.year.Years())
		}
	}
	if s.full.Checked {
		t.Fatal("full phones and ID numbers must be off by default")
	}
}

func TestReportsExportRoster(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	s := reportsOf(t, a)
	m := aDemoMember(t, a)
	path := filepath.Join(t.TempDir(), "名册.xlsx")
	s.exportRoster(path, false)
	a.wait()
	sheets, text := openBook(t, path)
	if !slices.Contains(sheets, "会员名册") {
		t.Fatalf("sheets %v", sheets)
	}
	if !strings.Contains(text, m.Name) {
		t.Fatalf("member %s not in the roster", m.Name)
	}
	if strings.Contains(text, m.Phone) {
		t.Fatal("the default roster shows a whole phone number")
	}
	full := filepath.Join(t.TempDir(), "完整.xlsx")
	s.exportRoster(full, true)
	a.wait()
	if _, text := openBook(t, full); !strings.Contains(text, m.Phone) {
		t.Fatal("the full roster lacks the whole phone number")
	}
}

func TestReportsExportSummary(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	s := reportsOf(t, a)
	path := filepath.Join(t.TempDir(), "工作簿.xlsx")
	s.exportSummary(path, s.year.Year())
	a.wait()
	sheets, text := openBook(t, path)
	for _, want := range []string{"会员名册", "活动台账", "年度指标", "会费收缴"} {
		if !slices.Contains(sheets, want) {
			t.Fatalf("sheet %s missing from %v", want, sheets)
		}
	}
	if !strings.Contains(text, aDemoMember(t, a).Name) {
		t.Fatal("no member in the annual workbook")
	}
}

func TestReportsExportAwardAndTemplate(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	s := reportsOf(t, a)
	dir := t.TempDir()
	award := filepath.Join(dir, "申报.xlsx")
	s.exportAward(award, s.year.Year())
	a.wait()
	if sheets, _ := openBook(t, award); len(sheets) == 0 {
		t.Fatal("award summary has no sheet")
	}
	tpl := filepath.Join(dir, "模板.xlsx")
	s.writeTemplate(tpl)
	a.wait()
	if _, text := openBook(t, tpl); !strings.Contains(text, "姓名") {
		t.Fatal("template has no 姓名 header")
	}
	// The template imports as nothing: its sample row is skipped.
	d := importFile(a, tpl, nil)
	a.wait()
	if d.problems != nil || d.rep.Added != 0 || d.rep.Skipped != 1 {
		t.Fatalf("template import %+v %v", d.rep, d.problems)
	}
	// A failed export is shown as an error and leaves no file.
	bad := filepath.Join(dir, "没有的目录", "x.xlsx")
	s.exportRoster(bad, false)
	a.wait()
	if _, err := excelize.OpenFile(bad); err == nil {
		t.Fatal("a failed export left a file")
	}
}
