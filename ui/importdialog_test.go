package ui

import (
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"chamberdesk/data"
)

// writeRosterBook writes a workbook with one sheet per entry of sheets,
// each a list of rows, the first being the header.
func writeRosterBook(t *testing.T, names []string, sheets ...[][]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, rows := range sheets {
		name := names[i]
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(name, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	path := filepath.Join(t.TempDir(), "名册.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// aDemoMember is an active demo member with a phone.
func aDemoMember(t *testing.T, a *App) data.Member {
	t.Helper()
	ms, err := a.store().Members(a.ctx())
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.Phone != "" && m.Status == data.StatusActive {
			return m
		}
	}
	t.Fatal("no demo member with a phone")
	return data.Member{}
}

func memberCount(t *testing.T, a *App) int {
	t.Helper()
	ms, err := a.store().Members(a.ctx())
	if err != nil {
		t.Fatal(err)
	}
	return len(ms)
}

func found(t *testing.T, a *App, name string) bool {
	t.Helper()
	ms, err := a.store().SearchMembers(a.ctx(), name)
	if err != nil {
		t.Fatal(err)
	}
	return slices.ContainsFunc(ms, func(m *data.Member) bool { return m.Name == name })
}

func TestImportPreviewThenImport(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	a.show("members")
	ms := a.screens["members"].(*membersScreen)
	old := aDemoMember(t, a)
	before := memberCount(t, a)
	path := writeRosterBook(t, []string{"会员"}, [][]any{
		{"姓名", "企业名称", "联系电话", "备注"},
		{old.Name, old.Company, old.Phone, "导入测试更新"},
		{"测试甲一", "甲一测试有限公司", "13912340001", ""},
		{"测试乙二", "乙二测试有限公司", "13912340002", ""},
	})
	refreshed := false
	d := importFile(a, path, func() { refreshed = true; ms.refresh() })
	a.wait()
	if d.problems != nil || d.importBtn == nil {
		t.Fatalf("want a preview, got problems %v", d.problems)
	}
	if d.rep.Added != 2 || d.rep.Updated+d.rep.Unchanged != 1 {
		t.Fatalf("counts %+v", d.rep)
	}
	if got := d.counts.Text; got != importCounts(d.rep) || d.rep.Updated != 1 {
		t.Fatalf("counts label %q, report %+v", got, d.rep)
	}
	if n := d.table.Length(); n != 3 {
		t.Fatalf("preview table %d rows", n)
	}
	if !onTop(a, d.table) {
		t.Fatal("the preview is not the dialog on display")
	}
	if memberCount(t, a) != before || found(t, a, "测试甲一") {
		t.Fatal("the preview wrote to the database")
	}
	test.Tap(d.importBtn)
	a.wait()
	if d.result == nil || !refreshed {
		t.Fatal("the import did not finish")
	}
	if memberCount(t, a) != before+2 || !found(t, a, "测试甲一") || !found(t, a, "测试乙二") {
		t.Fatalf("members after import: %d (was %d)", memberCount(t, a), before)
	}
	got, err := a.store().Member(a.ctx(), old.ID)
	if err != nil || got.Notes != "导入测试更新" {
		t.Fatalf("updated member %+v %v", got, err)
	}
	shown := map[string]bool{}
	for _, m := range ms.rows {
		shown[m.Name] = true
	}
	if !shown["测试甲一"] || !shown["测试乙二"] {
		t.Fatal("the members table does not show the imported members")
	}
}

func TestImportProblemsWriteNothing(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	before := memberCount(t, a)
	path := writeRosterBook(t, []string{"会员"}, [][]any{
		{"姓名", "企业名称", "联系电话"},
		{"测试丙三", "丙三测试有限公司", "13912340003"},
		{"测试丁四", "丁四测试有限公司", "12345"},
	})
	d := importFile(a, path, func() { t.Error("onDone after a refused import") })
	a.wait()
	if len(d.problems) == 0 || d.importBtn != nil {
		t.Fatalf("want the problems table, got %+v", d.rep)
	}
	if n := d.table.Length(); n != len(d.problems) {
		t.Fatalf("problems table %d rows for %d problems", n, len(d.problems))
	}
	if d.problems[0].Row != 3 {
		t.Fatalf("problem row %d", d.problems[0].Row)
	}
	if memberCount(t, a) != before || found(t, a, "测试丙三") {
		t.Fatal("a roster with problems wrote members")
	}
}

func TestImportChoosesSheet(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	path := writeRosterBook(t, []string{"2025年", "2026年"},
		[][]any{{"姓名", "联系电话"}, {"测试戊五", "13912340005"}},
		[][]any{{"姓名", "联系电话"}, {"测试己六", "13912340006"}, {"测试庚七", "13912340007"}})
	d := importFile(a, path, nil)
	a.wait()
	if !slices.Equal(d.sheets, []string{"2025年", "2026年"}) || d.sheetSelect == nil {
		t.Fatalf("sheets %v", d.sheets)
	}
	d.sheetSelect.SetSelected("2026年")
	d.read(d.sheetSelect.Selected)
	a.wait()
	if d.ros == nil || d.ros.Sheet != "2026年" || d.rep.Added != 2 {
		t.Fatalf("after choosing: %+v", d.rep)
	}
}
