package main

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"chamberdesk/data/datatest"
)

// financeImportCtl runs `finance import` with args on db, as chamberctl
// would: exit code, stdout and stderr.
func financeImportCtl(t *testing.T, db string, args ...string) (int, string, string) {
	t.Helper()
	return ctl(t, append([]string{"--db", db, "finance", "import"}, args...)...)
}

// ledgerTotals reads the entries' count and sums straight from the file.
func ledgerTotals(t *testing.T, db string) (n int, in, out int64) {
	t.Helper()
	conn, err := sql.Open("sqlite", datatest.FileURI(db, "mode=ro"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	err = conn.QueryRow(`SELECT count(*),
		COALESCE(SUM(CASE WHEN kind = '收入' THEN amount_fen END), 0),
		COALESCE(SUM(CASE WHEN kind = '支出' THEN amount_fen END), 0)
		FROM ledger_entries WHERE source = 'import'`).Scan(&n, &in, &out)
	if err != nil {
		t.Fatal(err)
	}
	return n, in, out
}

func TestFinanceImport(t *testing.T) {
	dir := datatest.TempDir(t)
	db := filepath.Join(dir, "org.db")
	mustCtl(t, "--db", db, "init", "--name", "青禾镇商会", "--type", "镇街商会")
	book := filepath.Join(dir, "流水账.xlsx")
	writeBook(t, book, map[string][][]any{"2025年现金日记账": {
		{"青禾镇商会 2025年现金日记账"},
		{"日期", "凭证号", "摘要", "收入(借方)", "支出(贷方)", "余额", "科目"},
		{nil, nil, "上年结转", nil, nil, 1000},
		{"2025-03-05", "记1", "收会费 王伟", "1,200.00", nil, 2200, "会费"},
		{"2025/3/6", "记2", "打印纸", nil, "￥150", 2050, "办公费"},
		{"2025年3月7日", nil, "茶歇", nil, "85.5元", 1964.5, "招待费"},
		{nil, nil, "本月合计", 1200, 235.5, 1964.5},
	}})

	t.Run("DryRun", func(t *testing.T) {
		before := readDBFiles(t, db)
		code, out, errs := financeImportCtl(t, db, book, "--dry-run")
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, errs)
		}
		unchangedSince(t, db, before, "a dry run")
		for _, w := range []string{"试导入", "新增 3 笔、未变 0 笔、跳过 2 行", "收入合计 1200 元、支出合计 235.50 元",
			"第4行 新增 2025-03-05 收入 会费 1200元", "第3行 跳过：上年结转", "记入「其他支出」"} {
			if !strings.Contains(out, w) {
				t.Errorf("output lacks %q:\n%s", w, out)
			}
		}
	})
	t.Run("OK", func(t *testing.T) {
		code, out, errs := financeImportCtl(t, db, "--sheet", "2025年现金日记账", book)
		if code != exitOK || !strings.Contains(out, "新增 3 笔") {
			t.Fatalf("exit %d:\n%s%s", code, out, errs)
		}
		if n, in, sp := ledgerTotals(t, db); n != 3 || in != 120000 || sp != 23550 {
			t.Fatalf("stored %d entries, income %d, spending %d", n, in, sp)
		}
	})
	t.Run("ReimportChangesNothing", func(t *testing.T) {
		code, out, _ := financeImportCtl(t, db, book)
		if code != exitOK || !strings.Contains(out, "新增 0 笔、未变 3 笔、跳过 2 行") {
			t.Fatalf("exit %d:\n%s", code, out)
		}
		if n, in, sp := ledgerTotals(t, db); n != 3 || in != 120000 || sp != 23550 {
			t.Fatalf("stored %d entries, income %d, spending %d", n, in, sp)
		}
	})
	t.Run("ErrBadRows", func(t *testing.T) {
		bad := filepath.Join(dir, "坏账.xlsx")
		writeBook(t, bad, map[string][][]any{"Sheet1": {
			{"日期", "摘要", "收入", "支出", "余额"},
			{"2025-04-01", "好的", 10, nil, 10},
			{"2025-04-31", "日子不对", 10, nil, 20},
			{"2025-04-03", "余额不对", nil, 5, 16},
			{"2025-04-02", "金额不对", "十元", nil, nil},
		}})
		before := readDBFiles(t, db)
		code, out, errs := financeImportCtl(t, db, bad)
		unchangedSince(t, db, before, "a refused import")
		if code != exitError || out != "" {
			t.Fatalf("exit %d, stdout %q", code, out)
		}
		for _, w := range []string{"行 3 / 列 A（日期）", "行 4 / 列 E（余额）", "行 5 / 列 C（收入）", "应为 15 元",
			"流水账有 3 处问题，未导入任何数据，数据文件未改动", "3 problems, nothing imported"} {
			if !strings.Contains(errs, w) {
				t.Errorf("stderr lacks %q:\n%s", w, errs)
			}
		}
	})
	t.Run("ErrUsage", func(t *testing.T) {
		if code, _, errs := financeImportCtl(t, db); code != exitUsage || !strings.Contains(errs, "FILE.xlsx") {
			t.Fatalf("exit %d: %s", code, errs)
		}
		if code, _, _ := financeImportCtl(t, db, book, "extra"); code != exitUsage {
			t.Fatalf("exit %d for an extra argument", code)
		}
		if code, _, errs := financeImportCtl(t, db, filepath.Join(dir, "none.xlsx")); code != exitError || !strings.Contains(errs, "无法打开") {
			t.Fatalf("exit %d: %s", code, errs)
		}
	})
}
