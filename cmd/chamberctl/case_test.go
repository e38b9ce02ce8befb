package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"chamberdesk/report/pkg"

	"chamberdesk/data/datatest"
)

func TestCaseCommands(t *testing.T) {
	db := filepath.Join(datatest.TempDir(t), "demo.db")
	mustCtl(t, "--db", db, "demo")

	var rows []caseRow
	if err := json.Unmarshal([]byte(mustCtl(t, "--db", db, "case", "list", "--json")), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || rows[0].Year != 2026 || rows[0].Figures == 0 || rows[0].Activities == 0 {
		t.Fatalf("case list %+v", rows)
	}
	if out := mustCtl(t, "--db", db, "case", "list"); !strings.Contains(out, rows[0].Title) || !strings.Contains(out, "共 1 个案例") {
		t.Fatalf("case list:\n%s", out)
	}

	dir := datatest.TempDir(t)
	id := strconv.FormatInt(rows[0].ID, 10)
	code, out, errs := ctl(t, "--db", db, "case", "package", "--id", id, "--out", dir)
	if code != exitOK {
		t.Fatalf("case package: exit %d\n%s", code, errs)
	}
	path := strings.TrimSpace(out)
	if filepath.Dir(path) != dir || !strings.HasSuffix(path, ".zip") || strings.Count(out, "\n") != 1 {
		t.Fatalf("case package printed %q", out)
	}
	// The demo case is a draft without photos: a note says so.
	if !strings.Contains(errs, "注意 / note:") || !strings.Contains(errs, "照片") {
		t.Errorf("notes %q", errs)
	}
	if pk, ps := pkg.Verify(path); len(ps) > 0 || pk.Manifest.Case.Title != rows[0].Title {
		t.Fatalf("the package does not verify: %v", ps)
	}

	for _, tc := range []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"ErrNoID", []string{"case", "package", "--out", dir}, exitUsage, "--id"},
		{"ErrNoOut", []string{"case", "package", "--id", id}, exitUsage, "--out"},
		{"ErrUnknownCase", []string{"case", "package", "--id", "9999", "--out", dir}, exitError, "找不到该案例"},
		{"ErrNoFolder", []string{"case", "package", "--id", id, "--out", filepath.Join(dir, "没有")}, exitError, "文件夹不存在"},
		{"ErrSubcommand", []string{"case", "print"}, exitUsage, "未知子命令"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errs := ctl(t, append([]string{"--db", db}, tc.args...)...)
			if code != tc.code || !strings.Contains(errs, tc.msg) {
				t.Fatalf("exit %d, stderr %q", code, errs)
			}
			if tc.code == exitError && strings.Count(strings.TrimSpace(errs), "\n") != 0 {
				t.Errorf("error should be one line: %q", errs)
			}
		})
	}
	if es, _ := os.ReadDir(dir); len(es) != 1 {
		t.Fatalf("failed commands left files: %v", es)
	}
}
