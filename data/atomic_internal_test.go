package data

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"chamberdesk/data/datatest/tmpdir"
)

// TestSweepKeepsFilesInUse: Sweep removes a journalled temporary file that
// nobody holds (a killed run's) and keeps one a writer still holds.
func TestSweepKeepsFilesInUse(t *testing.T) {
	dir := tmpdir.New(t)
	if _, err := Sweep(dir); err != nil { // makes dir the journal
		t.Fatal(err)
	}
	export := filepath.Join(tmpdir.New(t), "名册.xlsx")
	live, err := createAtomic(export, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	dead, err := createAtomic(filepath.Join(dir, "年度汇总.xlsx"), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	_ = unlock(dead.File) // what a kill does to the lock
	dead.Close()
	n, err := Sweep(dir)
	if err != nil || n != 1 {
		t.Fatalf("swept %d, %v; want 1", n, err)
	}
	if _, err := os.Stat(dead.Name()); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("a dead temporary file was left")
	}
	if _, err := os.Stat(live.Name()); err != nil {
		t.Fatal("the file a writer holds was swept away")
	}
	if _, err := live.WriteString("workbook"); err != nil {
		t.Fatal(err)
	}
	if err := live.commit(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(export); string(b) != "workbook" {
		t.Fatalf("export holds %q", b)
	}
}

// TestWriteFileAtomic: a failed write leaves the old file and no temporary
// file; a journal folder that has gone does not stop writing.
func TestWriteFileAtomic(t *testing.T) {
	dir := tmpdir.New(t)
	target := filepath.Join(dir, "a.xlsx")
	os.WriteFile(target, []byte("old"), 0o644)
	err := WriteFileAtomic(target, 0o644, func(w io.Writer) error {
		w.Write([]byte("half"))
		return errors.New("disk full")
	})
	if err == nil {
		t.Fatal("the error was lost")
	}
	if b, _ := os.ReadFile(target); string(b) != "old" {
		t.Fatalf("target holds %q", b)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "*"+tempSuffix)); len(m) > 0 {
		t.Fatalf("left %v", m)
	}
	gone := filepath.Join(tmpdir.New(t), "gone")
	os.Mkdir(gone, 0o700)
	Sweep(gone)
	os.RemoveAll(gone)
	if err := WriteFileAtomic(target, 0o600, func(w io.Writer) error { _, err := w.Write([]byte("new")); return err }); err != nil {
		t.Fatalf("with the journal folder gone: %v", err)
	}
	fi, _ := os.Stat(target)
	// Windows has no mode bits but the read-only attribute: Go reports 0666
	// for a file a program may write.
	want := os.FileMode(0o600)
	if runtime.GOOS == "windows" {
		want = 0o666
	}
	if b, _ := os.ReadFile(target); string(b) != "new" || fi.Mode().Perm() != want {
		t.Fatalf("target %q mode %o", b, fi.Mode().Perm())
	}
}
