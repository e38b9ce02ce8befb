package ui

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/report/pkg"
)

func aggregateOf(t *testing.T, a *App) *aggregateScreen {
	t.Helper()
	return openScreen[*aggregateScreen](t, a, "aggregate")
}

// copyZip copies the zip at src to dst, editing entries and adding extra
// ones named as given.
func copyZip(t *testing.T, src, dst string, edit func(name string, b []byte) []byte, extra ...string) {
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
		if err == nil {
			_, err = w.Write(b)
		}
		if err != nil {
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
	for _, name := range extra {
		put(name, []byte("x"))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestAggregateScreen(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	s := aggregateOf(t, a)
	if !s.exportBtn.Disabled() || !s.clearBtn.Disabled() {
		t.Fatal("export and clear should wait for packages")
	}
	cases, err := a.store().Cases(a.ctx())
	if err != nil || len(cases) == 0 {
		t.Fatalf("demo cases %v %v", cases, err)
	}
	dir := t.TempDir()
	good, err := pkg.Write(a.ctx(), a.store(), cases[0].ID, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	s.pickPackage = func(use func(string)) { use(good) }
	test.Tap(s.addBtn)
	a.wait()
	if len(s.rows) != 1 || !s.rows[0].good || s.rows[0].what != cases[0].Title || s.exportBtn.Disabled() {
		t.Fatalf("rows %+v", s.rows)
	}

	// A tampered copy and a hostile zip join it from a folder.
	copyZip(t, good, filepath.Join(dir, "改过的.zip"), func(name string, b []byte) []byte {
		if strings.HasSuffix(name, pkg.EntryDocx) {
			return append(b, 0)
		}
		return b
	})
	copyZip(t, good, filepath.Join(dir, "hostile.zip"), func(_ string, b []byte) []byte { return b }, "../../evil.txt")
	before, _ := os.ReadDir(dir)
	s.pickFolder = func(use func(string)) { use(dir) }
	test.Tap(s.folderBtn)
	a.wait()
	if len(s.paths) != 3 || len(s.result.Good) != 1 || s.result.Checked != 3 {
		t.Fatalf("paths %v good %d checked %d", s.paths, len(s.result.Good), s.result.Checked)
	}
	var files []string
	for _, r := range s.rows[1:] {
		if r.good {
			t.Fatalf("a bad package listed as good: %+v", r)
		}
		files = append(files, r.file)
	}
	if !slices.Contains(files, "改过的.zip") || !slices.Contains(files, "hostile.zip") {
		t.Fatalf("problems name %v", files)
	}
	l := widget.NewLabel("")
	s.updateCell(widget.TableCellID{Row: len(s.rows) - 1, Col: aggColStatus}, l)
	if l.Text != "有问题" {
		t.Fatalf("status cell %q", l.Text)
	}
	if !strings.Contains(s.summary.Text, "合格案例 1 个") {
		t.Fatalf("summary %q", s.summary.Text)
	}
	// Checking unpacks nothing: the folder holds what it held.
	if after, _ := os.ReadDir(dir); len(after) != len(before) {
		t.Fatalf("the folder changed: %v", after)
	}

	out := filepath.Join(t.TempDir(), "推荐汇总.xlsx")
	s.pickSave = func(name string, use func(string)) {
		if !strings.HasSuffix(name, ".xlsx") {
			t.Errorf("suggested name %q", name)
		}
		use(out)
	}
	test.Tap(s.exportBtn)
	a.wait()
	sheets, text := openBook(t, out)
	if !slices.Equal(sheets, []string{"推荐汇总表", "问题"}) || !strings.Contains(text, cases[0].Title) ||
		!strings.Contains(text, "hostile.zip") || !strings.Contains(text, "改过的.zip") {
		t.Fatalf("sheets %v\n%s", sheets, text)
	}

	test.Tap(s.clearBtn)
	if len(s.rows) != 0 || len(s.paths) != 0 || !s.exportBtn.Disabled() {
		t.Fatal("clear left rows behind")
	}
}
