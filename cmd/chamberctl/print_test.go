package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"chamberdesk/data"
	"chamberdesk/data/datatest"
	"chamberdesk/data/demo"
)

// pdfTool runs a poppler tool; a missing tool skips the test outside CI.
func pdfTool(t *testing.T, tool string, args ...string) string {
	t.Helper()
	p := datatest.NeedTool(t, tool, "poppler-utils")
	out, err := exec.Command(p, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", tool, args, err, out)
	}
	return string(out)
}

func flat(s string) string { return strings.Join(strings.Fields(s), "") }

func TestPrint(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(datatest.TempDir(t), "demo.db")
	st, err := data.Create(ctx, db, data.OpenOptions{}, demo.Fill)
	if err != nil {
		t.Fatal(err)
	}
	acts, err := st.Activities(ctx, demo.LastYear)
	st.Close()
	if err != nil || len(acts) == 0 {
		t.Fatalf("demo activities: %v", err)
	}
	a := acts[0]
	dir := datatest.TempDir(t)

	t.Run("Activity", func(t *testing.T) {
		out := filepath.Join(dir, "简报.pdf")
		got := mustCtl(t, "--db", db, "print", "activity", "--id", fmt.Sprint(a.ID), "--out", out)
		if !strings.Contains(got, out) || !strings.Contains(got, a.Title) {
			t.Errorf("output %q should name the file and the activity", got)
		}
		if info := pdfTool(t, "pdfinfo", out); !strings.Contains(info, "Pages:           1\n") {
			t.Errorf("want one page:\n%s", info)
		}
		text := flat(pdfTool(t, "pdftotext", out, "-"))
		for _, want := range []string{demo.OrgName(), a.Title, data.FormatDateCN(a.Date), a.Place, "第1页共1页"} {
			if !strings.Contains(text, flat(want)) {
				t.Errorf("summary lacks %q", want)
			}
		}
	})
	t.Run("Ledger", func(t *testing.T) {
		out := filepath.Join(dir, "台账.pdf")
		mustCtl(t, "--db", db, "print", "ledger", "--year", fmt.Sprint(demo.LastYear), "--out", out)
		text := flat(pdfTool(t, "pdftotext", out, "-"))
		for _, want := range []string{fmt.Sprintf("%s%d年度活动台账", demo.OrgName(), demo.LastYear),
			fmt.Sprintf("合计：共%d场活动", len(acts)), "第1页共"} {
			if !strings.Contains(text, want) {
				t.Errorf("ledger lacks %q", want)
			}
		}
	})
	t.Run("Signin", func(t *testing.T) {
		out := filepath.Join(dir, "签到表.pdf")
		mustCtl(t, "--db", db, "print", "signin", "--activity", fmt.Sprint(a.ID), "--out", out)
		text := flat(pdfTool(t, "pdftotext", out, "-"))
		for _, want := range []string{a.Title, "签到表", "签名"} {
			if !strings.Contains(text, want) {
				t.Errorf("sign-in sheet lacks %q", want)
			}
		}
	})
	t.Run("Errors", func(t *testing.T) {
		// A file already there stays as it was when printing fails.
		old := filepath.Join(dir, "old.pdf")
		if err := os.WriteFile(old, []byte("previous"), 0o644); err != nil {
			t.Fatal(err)
		}
		folder := filepath.Join(dir, "文件夹.pdf")
		if err := os.Mkdir(folder, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			args []string
			code int
			msg  string
		}{
			{[]string{"print"}, exitUsage, "activity"},
			{[]string{"print", "poster", "--out", old}, exitUsage, "poster"},
			{[]string{"print", "activity", "--id", "1"}, exitUsage, "--out"},
			{[]string{"print", "activity", "--id", "1", "--out", "x.docx"}, exitUsage, ".pdf"},
			{[]string{"print", "activity", "--out", old}, exitUsage, "--id"},
			{[]string{"print", "ledger", "--out", old}, exitUsage, "--year"},
			{[]string{"print", "activity", "--id", "99999", "--out", old}, exitError, "找不到该活动"},
			{[]string{"print", "signin", "--activity", "99999", "--out", old}, exitError, "找不到该活动"},
			{[]string{"print", "ledger", "--year", "2026", "--out", folder}, exitError, "是文件夹"},
			{[]string{"print", "ledger", "--year", "2026", "--out", filepath.Join(dir, "无此文件夹", "a.pdf")}, exitError, "错误"},
		} {
			code, _, errs := ctl(t, append([]string{"--db", db}, tc.args...)...)
			if code != tc.code || !strings.Contains(errs, tc.msg) || strings.Count(strings.TrimSpace(errs), "\n") > 1 {
				t.Errorf("%v: exit %d, stderr %q; want exit %d mentioning %q", tc.args, code, errs, tc.code, tc.msg)
			}
		}
		if b, err := os.ReadFile(old); err != nil || string(b) != "previous" {
			t.Errorf("the existing file changed: %q %v", b, err)
		}
		left, _ := filepath.Glob(filepath.Join(dir, ".*tmp"))
		if len(left) > 0 {
			t.Errorf("temporary files left: %v", left)
		}
	})
}
