package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// writeBook saves rows (from A1, nil rows blank) as sheets of an xlsx.
func writeBook(t *testing.T, path string, sheets map[string][][]any) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	first := true
	for name, rows := range sheets {
		if first {
			f.SetSheetName("Sheet1", name)
			first = false
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for i, r := range rows {
			if len(r) > 0 {
				cell, _ := excelize.CoordinatesToCellName(1, i+1)
				if err := f.SetSheetRow(name, cell, &r); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

func listMembers(t *testing.T, db string) []memberRow {
	t.Helper()
	var rows []memberRow
	if err := json.Unmarshal([]byte(mustCtl(t, "--db", db, "members", "list", "--json")), &rows); err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestMembersImport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "org.db")
	mustCtl(t, "--db", db, "init", "--name", "青禾镇商会", "--type", "镇街商会")
	mustCtl(t, "--db", db, "members", "add", "--name", "张三", "--phone", "13812345678")

	messy := filepath.Join(dir, "名册.xlsx")
	writeBook(t, messy, map[string][][]any{"2023": {
		{"青禾镇商会会员名册"},
		{"序号", "负责人", "单位名称", "手机", "职务", "入会时间", "籍贯"},
		{1, "张三", "青禾示例建材有限公司", 13812345678, "副会长", 44260, "浙江"},
		nil,
		{2, " 李四\n", "绿野示例农业有限公司", "１３９１２３４５６７８", "理事", "2021年3月5日", ""},
		{"合计", "2人"},
	}})

	t.Run("DryRun", func(t *testing.T) {
		before := sum(t, db)
		out := mustCtl(t, "--db", db, "members", "import", messy, "--dry-run")
		if !strings.Contains(out, "新增 1、更新 1、未变 0、跳过 1") || !strings.Contains(out, "籍贯") {
			t.Fatalf("dry run printed %q", out)
		}
		if sum(t, db) != before || len(listMembers(t, db)) != 1 {
			t.Fatal("dry run wrote")
		}
	})
	t.Run("OK", func(t *testing.T) {
		out := mustCtl(t, "--db", db, "members", "import", messy)
		if !strings.Contains(out, "新增 1、更新 1") {
			t.Fatalf("import printed %q", out)
		}
		ms := listMembers(t, db)
		if len(ms) != 2 || ms[0].Name != "张三" || ms[0].Office != "副会长" || ms[0].JoinDate != "2021-03-05" ||
			ms[1].Name != "李四" || ms[1].Phone != "139****5678" {
			t.Fatalf("members %+v", ms)
		}
	})
	t.Run("ReimportChangesNothing", func(t *testing.T) {
		out := mustCtl(t, "--db", db, "members", "import", messy)
		if !strings.Contains(out, "新增 0、更新 0、未变 2、跳过 1") || len(listMembers(t, db)) != 2 {
			t.Fatalf("re-import printed %q", out)
		}
	})
	t.Run("ErrBadRows", func(t *testing.T) {
		bad := filepath.Join(dir, "bad.xlsx")
		writeBook(t, bad, map[string][][]any{"Sheet1": {
			{"姓名", "联系电话", "入会日期", "统一社会信用代码"},
			{"王五", 1381234, "2021-02-30", "ABC"},
			{"赵六", 13700000000, "2021-03-05", ""},
		}})
		before := sum(t, db)
		code, _, errs := ctl(t, "--db", db, "members", "import", bad)
		if code != exitError {
			t.Fatalf("exit %d", code)
		}
		for _, want := range []string{"行 2 / 列 B", "行 2 / 列 C", "行 2 / 列 D", "值 \"2021-02-30\"", "原因", "3 处问题", "database unchanged"} {
			if !strings.Contains(errs, want) {
				t.Errorf("stderr lacks %q:\n%s", want, errs)
			}
		}
		if sum(t, db) != before {
			t.Fatal("refused import changed the database file")
		}
	})
	t.Run("ErrTwoSheets", func(t *testing.T) {
		two := filepath.Join(dir, "two.xlsx")
		writeBook(t, two, map[string][][]any{
			"一": {{"姓名", "电话"}, {"孙七", 13600000000}},
			"二": {{"姓名", "电话"}, {"周八", 13500000000}},
		})
		code, _, errs := ctl(t, "--db", db, "members", "import", two)
		if code != exitError || !strings.Contains(errs, "--sheet") {
			t.Fatalf("exit %d, %q", code, errs)
		}
		mustCtl(t, "--db", db, "members", "import", two, "--sheet", "二")
		if len(listMembers(t, db)) != 3 {
			t.Fatal("--sheet 二 should add 周八")
		}
	})
	t.Run("ErrNotXLSX", func(t *testing.T) {
		csv := filepath.Join(dir, "名册.xlsx.csv")
		os.WriteFile(csv, []byte("姓名,电话\n"), 0o644)
		before := sum(t, db)
		code, _, errs := ctl(t, "--db", db, "members", "import", csv)
		if code != exitError || !strings.Contains(errs, ".xlsx") || strings.Count(strings.TrimSpace(errs), "\n") != 0 {
			t.Fatalf("exit %d, %q", code, errs)
		}
		if sum(t, db) != before {
			t.Fatal("changed")
		}
	})
	t.Run("ErrUsage", func(t *testing.T) {
		if code, _, _ := ctl(t, "--db", db, "members", "import"); code != exitUsage {
			t.Fatalf("exit %d", code)
		}
	})
}

func TestMembersTemplate(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "org.db")
	mustCtl(t, "--db", db, "init", "--name", "青禾镇商会", "--type", "镇街商会")
	out := filepath.Join(dir, "模板.xlsx")
	mustCtl(t, "--db", db, "members", "template", "--out", out)
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), ".roster-template-") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	head, _ := f.GetRows("会员名册")
	if len(head) != 3 || head[1][0] != "序号" || head[2][0] != "示例" {
		t.Fatalf("template rows %q", head)
	}
	if p, _ := f.GetPanes("会员名册"); !p.Freeze || p.YSplit != 2 {
		t.Errorf("header not frozen: %+v", p)
	}
	if w, _ := f.GetColWidth("会员名册", "C"); w < 20 {
		t.Errorf("company column width %v", w)
	}
	before := sum(t, db)
	res := mustCtl(t, "--db", db, "members", "import", out)
	if !strings.Contains(res, "新增 0、更新 0、未变 0、跳过 1") || len(listMembers(t, db)) != 0 {
		t.Fatalf("template import printed %q", res)
	}
	_ = before
}

// TestExportImportRoundTrip exports the demo roster in full and imports it
// back: every row matches its member and nothing changes.
func TestExportImportRoundTrip(t *testing.T) {
	// Masked is the default export: its phones and ID numbers stand for the
	// stored ones and must neither fail the import nor overwrite them.
	for _, full := range []bool{true, false} {
		t.Run(map[bool]string{true: "full", false: "masked"}[full], func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "demo.db")
			mustCtl(t, "--db", db, "demo")
			out := filepath.Join(t.TempDir(), "名册.xlsx")
			args := []string{"--db", db, "members", "export", "--out", out}
			if full {
				args = append(args, "--full")
			}
			mustCtl(t, args...)
			before := sum(t, db)
			report := mustCtl(t, "--db", db, "members", "import", out)
			if !strings.Contains(report, "新增 0") || !strings.Contains(report, "更新 0") {
				t.Fatalf("re-importing our own export changed something:\n%s", report)
			}
			if sum(t, db) != before {
				// the import writes nothing when every row is unchanged
				t.Fatal("database file changed by a round trip")
			}
		})
	}
}

// A masked number cannot become a new member's number: the import refuses
// the row and says where.
func TestImportMaskedNewMember(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	mustCtl(t, "--db", db, "demo")
	in := filepath.Join(t.TempDir(), "新会员.xlsx")
	writeBook(t, in, map[string][][]any{"Sheet1": {{"姓名", "企业名称", "联系电话"}, {"新来的", "新来有限公司", "139****0000"}}})
	before := sum(t, db)
	code, _, stderr := ctl(t, "--db", db, "members", "import", in)
	if code != exitError || !strings.Contains(stderr, "打码") || !strings.Contains(stderr, "行 2 / 列 C") {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	if sum(t, db) != before {
		t.Fatal("a refused import changed the database")
	}
}
