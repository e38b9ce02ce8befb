package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"chamberdesk/data/datatest"
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

// importCounts reads the line "新增 a、更新 b、未变 c、跳过 d" that members
// import prints.
func importCounts(t *testing.T, out string) (added, updated, unchanged, skipped int) {
	t.Helper()
	for _, line := range strings.Split(out, "\n") {
		if _, err := fmt.Sscanf(line, "新增 %d、更新 %d、未变 %d、跳过 %d", &added, &updated, &unchanged, &skipped); err == nil {
			return added, updated, unchanged, skipped
		}
	}
	t.Fatalf("no 新增/更新/未变/跳过 line in the import's output:\n%s", out)
	return
}

// dbFiles is the database file and its -wal as they are on disk: a write
// left in the WAL would not show in the database file alone.
type dbFiles struct{ db, wal []byte }

func readDBFiles(t *testing.T, path string) dbFiles {
	t.Helper()
	db, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	wal, err := os.ReadFile(path + "-wal")
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return dbFiles{db, wal}
}

// unchangedSince fails the test unless the database file and its -wal hold
// exactly the bytes they held before what did.
func unchangedSince(t *testing.T, path string, before dbFiles, what string) {
	t.Helper()
	after := readDBFiles(t, path)
	for _, f := range []struct {
		name   string
		before []byte
		after  []byte
	}{{path, before.db, after.db}, {path + "-wal", before.wal, after.wal}} {
		if bytes.Equal(f.before, f.after) {
			continue
		}
		at := 0
		for at < len(f.before) && at < len(f.after) && f.before[at] == f.after[at] {
			at++
		}
		t.Fatalf("%s changed %s: %d bytes before, %d after, first difference at byte %d",
			what, f.name, len(f.before), len(f.after), at)
	}
}

func TestMembersImport(t *testing.T) {
	dir := datatest.TempDir(t)
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
		before := readDBFiles(t, db)
		out := mustCtl(t, "--db", db, "members", "import", messy, "--dry-run")
		unchangedSince(t, db, before, "a dry run")
		if !strings.Contains(out, "新增 1、更新 1、未变 0、跳过 1") || !strings.Contains(out, "籍贯") {
			t.Fatalf("dry run printed %q", out)
		}
		if n := len(listMembers(t, db)); n != 1 {
			t.Fatalf("%d members after a dry run, want 1", n)
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
		before := readDBFiles(t, db)
		out := mustCtl(t, "--db", db, "members", "import", messy)
		unchangedSince(t, db, before, "re-importing the same roster")
		if a, u, n, s := importCounts(t, out); a != 0 || u != 0 || n != 2 || s != 1 {
			t.Fatalf("re-import: added %d, updated %d, unchanged %d, skipped %d; want 0, 0, 2, 1:\n%s", a, u, n, s, out)
		}
		if n := len(listMembers(t, db)); n != 2 {
			t.Fatalf("%d members after the re-import, want 2", n)
		}
	})
	t.Run("ErrBadRows", func(t *testing.T) {
		bad := filepath.Join(dir, "bad.xlsx")
		writeBook(t, bad, map[string][][]any{"Sheet1": {
			{"姓名", "联系电话", "入会日期", "统一社会信用代码"},
			{"王五", 1381234, "2021-02-30", "ABC"},
			{"赵六", 13700000000, "2021-03-05", ""},
		}})
		before := readDBFiles(t, db)
		code, _, errs := ctl(t, "--db", db, "members", "import", bad)
		if code != exitError {
			t.Fatalf("exit %d", code)
		}
		for _, want := range []string{"行 2 / 列 B", "行 2 / 列 C", "行 2 / 列 D", "值 \"2021-02-30\"", "原因", "3 处问题", "database unchanged"} {
			if !strings.Contains(errs, want) {
				t.Errorf("stderr lacks %q:\n%s", want, errs)
			}
		}
		unchangedSince(t, db, before, "a refused import")
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
		if err := os.WriteFile(csv, []byte("姓名,电话\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		before := readDBFiles(t, db)
		code, _, errs := ctl(t, "--db", db, "members", "import", csv)
		if code != exitError || !strings.Contains(errs, ".xlsx") || strings.Count(strings.TrimSpace(errs), "\n") != 0 {
			t.Fatalf("exit %d, %q", code, errs)
		}
		unchangedSince(t, db, before, "refusing a file that is not .xlsx")
	})
	t.Run("ErrUsage", func(t *testing.T) {
		if code, _, _ := ctl(t, "--db", db, "members", "import"); code != exitUsage {
			t.Fatalf("exit %d", code)
		}
	})
}

func TestMembersTemplate(t *testing.T) {
	dir := datatest.TempDir(t)
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
	// The template's only data row is its example, which an import must
	// skip without writing anything.
	before := readDBFiles(t, db)
	res := mustCtl(t, "--db", db, "members", "import", out)
	unchangedSince(t, db, before, "importing the empty template")
	if a, u, n, s := importCounts(t, res); a != 0 || u != 0 || n != 0 || s != 1 {
		t.Fatalf("template import: added %d, updated %d, unchanged %d, skipped %d; want 0, 0, 0, 1:\n%s", a, u, n, s, res)
	}
	if n := len(listMembers(t, db)); n != 0 {
		t.Fatalf("%d members after importing the template, want none", n)
	}
}

// TestExportImportRoundTrip exports the demo roster in full and imports it
// back: every row matches its member and nothing changes.
func TestExportImportRoundTrip(t *testing.T) {
	// Masked is the default export: its phones and ID numbers stand for the
	// stored ones and must neither fail the import nor overwrite them.
	for _, full := range []bool{true, false} {
		t.Run(map[bool]string{true: "full", false: "masked"}[full], func(t *testing.T) {
			db := filepath.Join(datatest.TempDir(t), "demo.db")
			mustCtl(t, "--db", db, "demo")
			out := filepath.Join(datatest.TempDir(t), "名册.xlsx")
			args := []string{"--db", db, "members", "export", "--out", out}
			if full {
				args = append(args, "--full")
			}
			mustCtl(t, args...)
			members := len(listMembers(t, db))
			if members == 0 {
				t.Fatal("the demo has no members: the round trip would prove nothing")
			}
			before := readDBFiles(t, db)
			report := mustCtl(t, "--db", db, "members", "import", out)
			// the import writes nothing when every row is unchanged
			unchangedSince(t, db, before, "re-importing our own export")
			if a, u, n, s := importCounts(t, report); a != 0 || u != 0 || n != members || s != 0 {
				t.Fatalf("re-importing our own export: added %d, updated %d, unchanged %d, skipped %d; want 0, 0, %d, 0:\n%s",
					a, u, n, s, members, report)
			}
		})
	}
}

// A masked number cannot become a new member's number: the import refuses
// the row and says where.
func TestImportMaskedNewMember(t *testing.T) {
	db := filepath.Join(datatest.TempDir(t), "demo.db")
	mustCtl(t, "--db", db, "demo")
	in := filepath.Join(datatest.TempDir(t), "新会员.xlsx")
	writeBook(t, in, map[string][][]any{"Sheet1": {{"姓名", "企业名称", "联系电话"}, {"新来的", "新来有限公司", "139****0000"}}})
	before := readDBFiles(t, db)
	code, _, stderr := ctl(t, "--db", db, "members", "import", in)
	if code != exitError || !strings.Contains(stderr, "打码") || !strings.Contains(stderr, "行 2 / 列 C") {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	unchangedSince(t, db, before, "a refused import of a masked number")
}

// TestImportPaddedName imports "张 伟" from a roster: it is stored as 张伟,
// the import says so, and the searches people type find him.
func TestImportPaddedName(t *testing.T) {
	dir := datatest.TempDir(t)
	db := filepath.Join(dir, "org.db")
	mustCtl(t, "--db", db, "init", "--name", "青禾镇商会")
	book := filepath.Join(dir, "名册.xlsx")
	writeBook(t, book, map[string][][]any{"会员": {
		{"姓名", "企业名称", "联系电话"},
		{"张 伟", "青禾 科技有限公司", "13905710001"},
	}})
	out := mustCtl(t, "--db", db, "members", "import", book)
	if !strings.Contains(out, "姓名中的空格已去掉，存为「张伟」") {
		t.Errorf("the import does not say the name was cleaned:\n%s", out)
	}
	for _, q := range []string{"张伟", "zw", "青禾科技"} {
		var got []memberRow
		if err := json.Unmarshal([]byte(mustCtl(t, "--db", db, "members", "list", "--search", q, "--json")), &got); err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].Name != "张伟" {
			t.Errorf("--search %s: %+v", q, got)
		}
	}
}
