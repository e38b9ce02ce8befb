package main

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"chamberdesk/data"
	"chamberdesk/report/pkg"
	"chamberdesk/report/xlsx/xlsxtest"

	"chamberdesk/data/datatest"
)

// threePackages writes the demo case and two more cases of the demo
// chamber as packages into dir.
func threePackages(t *testing.T, dir string) []string {
	t.Helper()
	db := filepath.Join(datatest.TempDir(t), "demo.db")
	mustCtl(t, "--db", db, "demo")
	ctx := context.Background()
	s, err := data.Open(ctx, db, data.OpenOptions{Actor: "test"})
	if err != nil {
		t.Fatal(err)
	}
	list, err := s.Cases(ctx)
	if err != nil {
		t.Fatal(err)
	}
	base, err := s.Case(ctx, list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	ids := []int64{base.ID}
	for _, v := range []struct{ title, category, level string }{
		{"青禾镇商会：商会跑腿 企业少跑路", "镇街商会工作", data.LevelBest},
		{"青禾镇商会：建材行业抱团闯市场", "行业商会工作", data.LevelExcellent},
	} {
		c := base
		c.ID, c.Title, c.Category, c.Level = 0, v.title, v.category, v.level
		id, err := s.SaveCase(ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	s.Close()
	var paths []string
	for _, id := range ids {
		paths = append(paths, strings.TrimSpace(mustCtl(t, "--db", db, "case", "package",
			"--id", strconv.FormatInt(id, 10), "--out", dir)))
	}
	return paths
}

// rezip copies the package at src to dst, passing each entry through edit,
// and adds the extra entries; names are written as given.
func rezip(t *testing.T, src, dst string, edit func(name string, b []byte) []byte, extra map[string]string) {
	t.Helper()
	zr, err := zip.OpenReader(src)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	put := func(name string, b []byte) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(b); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		put(f.Name, edit(f.Name, b))
	}
	for name, body := range extra {
		put(name, []byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func keep(_ string, b []byte) []byte { return b }

// tree lists every file and folder under root.
func tree(t *testing.T, root string) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	err := filepath.WalkDir(root, func(p string, _ fs.DirEntry, err error) error {
		out[p] = true
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestAggregate(t *testing.T) {
	root := datatest.TempDir(t)
	in := filepath.Join(root, "收到的材料包")
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	good := threePackages(t, in)
	tampered := filepath.Join(in, "改过的.zip")
	rezip(t, good[0], tampered, func(name string, b []byte) []byte {
		if strings.HasSuffix(name, pkg.EntrySummary) {
			return append(b, 0)
		}
		return b
	}, nil)

	// No data file: the default category order, and nothing read from
	// the real default data file.
	nodb := filepath.Join(datatest.TempDir(t), "none.db")
	out := filepath.Join(root, "推荐汇总.xlsx")
	code, stdout, stderr := ctl(t, "--db", nodb, "aggregate", "--out", out, good[0], good[1], tampered, good[2])
	if code != exitOK || !strings.Contains(stdout, "合格 3 个，问题 1 条") {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	if strings.Count(stderr, "问题 / problem:") != 1 || !strings.Contains(stderr, "改过的.zip") {
		t.Fatalf("stderr %q", stderr)
	}
	wb := xlsxtest.Read(t, out)
	list := wb.Sheet(t, "推荐汇总表")
	var order []string
	for _, r := range list.Data() {
		order = append(order, r[list.Header(t, "申报等次")].Str()+" "+r[list.Header(t, "案例名称")].Str())
	}
	// 行业商会工作 before 镇街商会工作, 最佳 before 优秀 within a category.
	if len(order) != 3 || !strings.Contains(order[0], "建材行业") || !strings.Contains(order[1], "商会跑腿") ||
		!strings.HasPrefix(order[2], data.LevelExcellent) {
		t.Fatalf("rows %v", order)
	}
	probs := wb.Sheet(t, "问题").Data()
	if len(probs) != 1 || probs[0][1].Str() != "改过的.zip" || !strings.Contains(probs[0][2].Str(), pkg.EntrySummary) {
		t.Fatalf("问题 %v", probs)
	}

	t.Run("HostileRefused", func(t *testing.T) {
		evil := "chamberdesk-evil-" + strconv.Itoa(os.Getpid()) + ".txt"
		abs := filepath.Join(os.TempDir(), evil)
		hostile := filepath.Join(in, "hostile.zip")
		rezip(t, good[1], hostile, keep, map[string]string{
			"../../" + evil: "x", filepath.ToSlash(abs): "x", `..\..\` + evil: "x",
		})
		before := tree(t, root)
		out2 := filepath.Join(root, "只有坏包.xlsx")
		code, _, stderr := ctl(t, "--db", nodb, "aggregate", "--out", out2, hostile)
		if code != exitError || !strings.Contains(stderr, "不安全的文件名") || !strings.Contains(stderr, "未生成汇总表") {
			t.Fatalf("exit %d, stderr %q", code, stderr)
		}
		out3 := filepath.Join(root, "有好有坏.xlsx")
		if code, _, stderr := ctl(t, "--db", nodb, "aggregate", hostile, "--out", out3, good[2]); code != exitOK {
			t.Fatalf("exit %d, stderr %q", code, stderr)
		}
		after := tree(t, root)
		for p := range after {
			if !before[p] && p != out3 {
				t.Errorf("aggregate wrote %s", p)
			}
		}
		if len(after) != len(before)+1 {
			t.Errorf("%d entries before, %d after", len(before), len(after))
		}
		if _, err := os.Stat(abs); err == nil {
			t.Errorf("aggregate wrote %s", abs)
		}
		if _, err := os.Stat(filepath.Join(filepath.Dir(root), evil)); err == nil {
			t.Errorf("aggregate wrote next to the test folder")
		}
	})

	for _, tc := range []struct {
		name string
		args []string
	}{
		{"ErrNoOut", []string{"aggregate", good[0]}},
		{"ErrNotXlsx", []string{"aggregate", "--out", filepath.Join(root, "x.csv"), good[0]}},
		{"ErrNoPackages", []string{"aggregate", "--out", filepath.Join(root, "x.xlsx")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if code, _, stderr := ctl(t, append([]string{"--db", nodb}, tc.args...)...); code != exitUsage {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
		})
	}
}
