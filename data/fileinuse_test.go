package data_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"chamberdesk/data"
	"chamberdesk/data/datatest"
	"chamberdesk/data/demo"
	"chamberdesk/report/pdf"
	"chamberdesk/report/pkg"
	"chamberdesk/report/xlsx"
)

// holdNoShareEnv names a file a second program is to hold open the way WPS
// and Excel hold an open workbook on Windows: with no sharing at all.
const holdNoShareEnv = "CHAMBERDESK_HOLD_NOSHARE"

// atomicWriter is one of the program's writers that end in the atomic
// writer's rename: write makes its file in dir (the n-th time) and says
// where it went.
type atomicWriter struct {
	name  string
	write func(t *testing.T, dir string, n int) (string, error)
}

// atomicWriters are every writer a secretary can point at a file that is
// still open: exports (xlsx), prints (pdf), case packages (zip, holding
// the docx) and backups.
func atomicWriters(t *testing.T) []atomicWriter {
	t.Helper()
	content := func(kind string, n int) func(io.Writer) error {
		return func(w io.Writer) error { _, err := fmt.Fprintf(w, "%s version %d", kind, n); return err }
	}
	ctx := context.Background()
	store, err := data.Create(ctx, filepath.Join(datatest.TempDir(t), "demo.db"), data.OpenOptions{Actor: "test"}, demo.Fill)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	store.Now = func() time.Time { return demo.Clock }
	cases, err := store.Cases(ctx)
	if err != nil || len(cases) == 0 {
		t.Fatalf("demo cases: %d, %v", len(cases), err)
	}
	caseID := cases[0].ID
	return []atomicWriter{
		{"xlsx", func(t *testing.T, dir string, n int) (string, error) {
			p := filepath.Join(dir, "会员名册.xlsx")
			return p, xlsx.WriteFile(p, content("xlsx", n))
		}},
		{"pdf", func(t *testing.T, dir string, n int) (string, error) {
			p := filepath.Join(dir, "签到表.pdf")
			return p, pdf.WriteFile(p, content("pdf", n))
		}},
		{"zip", func(t *testing.T, dir string, n int) (string, error) {
			return pkg.Write(context.Background(), store, caseID, dir, nil)
		}},
		{"backup", func(t *testing.T, dir string, n int) (string, error) {
			p := filepath.Join(dir, "备份.db")
			return p, store.Backup(context.Background(), p)
		}},
	}
}

// checkFailedWrite asserts what a failed replace must leave: the old file
// byte for byte, no temporary file in its folder, and no journal line
// naming one.
func checkFailedWrite(t *testing.T, path string, old []byte, journalDir string, journalBefore []byte) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(got, old) {
		t.Errorf("old file changed by a failed write: %d bytes (was %d), %v", len(got), len(old), err)
	}
	noTemps(t, filepath.Dir(path))
	if j := readJournal(journalDir); !bytes.Equal(j, journalBefore) {
		t.Errorf("journal still names the failed write's temporary file: %q, was %q", j, journalBefore)
	}
}

func readJournal(dir string) []byte {
	b, _ := os.ReadFile(filepath.Join(dir, data.JournalName))
	return b
}

func noTemps(t *testing.T, dir string) {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		if strings.HasSuffix(e.Name(), ".cdtmp") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

// eachWriterFailingOnce runs every atomic writer three times, in a folder
// of its own: a first write; a second that fail makes fail (it returns how
// to undo that) and whose error check judges; and a retry, which must
// succeed. The failed write must leave the old file, no temporary file and
// the journal as it was.
func eachWriterFailingOnce(t *testing.T, fail func(t *testing.T, path string) (undo func()), check func(t *testing.T, err error)) {
	writers := atomicWriters(t) // opens a store, which names its own journal
	journal := datatest.TempDir(t)
	if _, err := data.Sweep(journal); err != nil {
		t.Fatal(err)
	}
	for _, w := range writers {
		t.Run(w.name, func(t *testing.T) {
			dir := datatest.TempDir(t)
			path, err := w.write(t, dir, 1)
			if err != nil {
				t.Fatal(err)
			}
			old, _ := os.ReadFile(path)
			j0 := readJournal(journal)
			undo := fail(t, path)
			_, err = w.write(t, dir, 2)
			check(t, err)
			undo()
			checkFailedWrite(t, path, old, journal, j0)
			if _, err := w.write(t, dir, 3); err != nil {
				t.Fatalf("retry: %v", err)
			}
			noTemps(t, dir)
		})
	}
}

// TestRenameFailsKeepsOld: when the last step (the rename onto the
// target) fails, as when a network share vanishes, every writer reports it,
// leaves the old file and cleans up; the next try succeeds.
func TestRenameFailsKeepsOld(t *testing.T) {
	eachWriterFailingOnce(t, func(t *testing.T, _ string) func() {
		broken := true
		data.SetRename(t, func(o, n string) error {
			if broken {
				return &os.LinkError{Op: "rename", Old: o, New: n, Err: syscall.EIO}
			}
			return os.Rename(o, n)
		})
		return func() { broken = false }
	}, func(t *testing.T, err error) {
		if err == nil || !errors.Is(err, syscall.EIO) {
			t.Fatalf("write with a failing rename: %v, want the I/O error", err)
		}
		if data.IsCode(err, data.CodeFileInUse) {
			t.Errorf("an I/O error reported as a file in use: %v", err)
		}
	})
}

// TestTempCannotBeCreated: a folder the temporary file cannot be made in
// (a read-only USB stick, a share that went away) fails cleanly with
// nothing written. chmod does not stop root, who runs CI, so the folder
// is made impossible instead: its parent is a file.
func TestTempCannotBeCreated(t *testing.T) {
	dir := datatest.TempDir(t)
	blocker := filepath.Join(dir, "not-a-folder")
	if err := os.WriteFile(blocker, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	err := data.WriteFileAtomic(filepath.Join(blocker, "导出.xlsx"), 0o644, func(w io.Writer) error {
		t.Error("write called without a temporary file")
		return nil
	})
	if err == nil {
		t.Fatal("write into a folder that is a file succeeded")
	}
	if b, _ := os.ReadFile(blocker); string(b) != "old" {
		t.Errorf("blocking file changed: %q", b)
	}
	noTemps(t, dir)
}

// TestWriteFailsKeepsOld: a write that fails half-way (a full disk, a
// pulled stick) leaves the old file and no temporary one.
func TestWriteFailsKeepsOld(t *testing.T) {
	dir := datatest.TempDir(t)
	path := filepath.Join(dir, "导出.pdf")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("disk full")
	err := data.WriteFileAtomic(path, 0o644, func(w io.Writer) error {
		_, _ = w.Write([]byte("half"))
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want %v", err, boom)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("old file changed: %q", b)
	}
	noTemps(t, dir)
}
