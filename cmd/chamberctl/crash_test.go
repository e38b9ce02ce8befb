package main

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// The crash harness runs the real chamberctl binary and kills it with
// SIGKILL at spread-out moments of an import and of two exports, then
// checks what the next start finds: a database that passes
// integrity_check and holds the old rows or all the new ones, an export
// that is the old file or the complete new one, and no temporary file left
// once the next run has started.

var (
	ctlOnce sync.Once
	ctlBin  string
	ctlErr  error
)

// ctlBinary builds chamberctl once per test run, into the temporary
// folder of the first test that asks (the crash test).
func ctlBinary(t *testing.T) string {
	t.Helper()
	ctlOnce.Do(func() {
		ctlBin = filepath.Join(t.TempDir(), "chamberctl")
		cmd := exec.Command("go", "build", "-o", ctlBin, ".")
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			ctlErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if ctlErr != nil {
		t.Fatal(ctlErr)
	}
	return ctlBin
}

// ctlExec runs the binary to the end.
func ctlExec(t *testing.T, args ...string) string {
	t.Helper()
	cmd := exec.Command(ctlBinary(t), args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("chamberctl %v: %v\n%s%s", args, err, out.String(), errb.String())
	}
	return out.String()
}

// killAfter starts the binary and SIGKILLs it after d, unless it ended
// first; it reports whether the kill came before the end.
func killAfter(d time.Duration, args ...string) bool {
	cmd := exec.Command(ctlBin, args...)
	if err := cmd.Start(); err != nil {
		return false
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
		return false
	case <-time.After(d):
		_ = cmd.Process.Signal(syscall.SIGKILL)
		err := <-done
		return err != nil
	}
}

// timed runs the binary to the end and says how long it took.
func timed(t *testing.T, args ...string) time.Duration {
	t.Helper()
	start := time.Now()
	ctlExec(t, args...)
	return time.Since(start)
}

// bigRoster writes n new members as a roster workbook.
func bigRoster(t *testing.T, path string, n int) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	if err := sw.SetRow("A1", []any{"序号", "姓名", "企业名称", "联系电话", "商会职务", "入会日期"}); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= n; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		row := []any{i, fmt.Sprintf("导入会员%05d", i), fmt.Sprintf("青禾导入测试第%05d号有限公司", i),
			fmt.Sprintf("139%08d", i), "会员", "2024-03-05"}
		if err := sw.SetRow(cell, row); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// dbState checks the database the way a second program would find it:
// integrity_check through any log left, and the member count.
func dbState(t *testing.T, path string) int {
	t.Helper()
	n, err := dbCount(path)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func dbCount(path string) (int, error) {
	db, err := sql.Open("sqlite", "file://"+path+"?mode=ro")
	if err != nil {
		return 0, err
	}
	defer db.Close()
	var res string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
		return 0, fmt.Errorf("integrity_check: %q %v", res, err)
	}
	var n int
	err = db.QueryRow("SELECT count(*) FROM members").Scan(&n)
	return n, err
}

// leftovers lists temporary files of the atomic writer and SQLite's
// rollback journals under dir.
func leftovers(dir string) []string {
	var out []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		n := d.Name()
		if strings.HasSuffix(n, ".cdtmp") || strings.Contains(n, ".cdtmp-") || strings.HasSuffix(n, "-journal") {
			out = append(out, p)
		}
		return nil
	})
	return out
}

func copyTo(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// spread gives n kill moments across a run that takes total.
func spread(total time.Duration, n int) []time.Duration {
	out := make([]time.Duration, n)
	for i := range out {
		out[i] = time.Duration(int64(total) * int64(i+1) / int64(n+1))
	}
	return out
}

func TestCrashDuringImportAndExport(t *testing.T) {
	if testing.Short() {
		t.Skip("the crash harness runs chamberctl many times")
	}
	work := t.TempDir()
	pristine := filepath.Join(work, "pristine.db")
	ctlExec(t, "--db", pristine, "demo")
	before := dbState(t, pristine)
	roster := filepath.Join(work, "名册.xlsx")
	const rows = 10000
	bigRoster(t, roster, rows)

	kills, survived := 0, 0
	t.Run("import", func(t *testing.T) {
		// How long a whole import takes here, on a copy, sets the kill moments.
		dir := t.TempDir()
		db := filepath.Join(dir, "chamber.db")
		copyTo(t, pristine, db)
		total := timed(t, "--db", db, "members", "import", roster)
		if n := dbState(t, db); n != before+rows {
			t.Fatalf("a whole import left %d members, want %d", n, before+rows)
		}
		t.Logf("a whole import of %d rows takes %v", rows, total.Round(time.Millisecond))
		// Two at a time (the machine has two cores); the kill moments run to
		// a little past the whole run, so some land on the commit itself.
		var mu sync.Mutex
		counts := map[string]int{}
		moments := make(chan time.Duration)
		var wg sync.WaitGroup
		for range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for d := range moments {
					state, killed, err := importKill(t, pristine, roster, d, before, rows)
					mu.Lock()
					kills++
					if err != nil {
						t.Errorf("kill at %v: %v", d, err)
					} else {
						counts[state]++
						survived++
					}
					if killed {
						counts["killed before the end"]++
					}
					mu.Unlock()
				}
			}()
		}
		for _, d := range spread(total*11/10, 20) {
			moments <- d
		}
		close(moments)
		wg.Wait()
		t.Logf("import kills: %v", counts)
	})

	exportKills := func(t *testing.T, name string, args ...string) {
		dir := t.TempDir()
		db := filepath.Join(dir, "chamber.db")
		copyTo(t, pristine, db)
		out := filepath.Join(t.TempDir(), name)
		full := append([]string{"--db", db}, append(args, "--out", out)...)
		total := timed(t, full...)
		t.Logf("a whole %s takes %v", name, total.Round(time.Millisecond))
		for _, d := range spread(total, 10) {
			// The "old" file: a recognisable earlier version.
			old := []byte("上一次导出的文件 / the previous export")
			os.WriteFile(out, old, 0o644)
			killed := killAfter(d, full...)
			kills++
			got, err := os.ReadFile(out)
			if err != nil {
				t.Fatalf("kill at %v: the export is gone: %v", d, err)
			}
			if !bytes.Equal(got, old) {
				assertWholeXLSX(t, got)
			}
			if n := dbState(t, db); n != before {
				t.Fatalf("an export changed the members: %d", n)
			}
			ctlExec(t, "--db", db, "check")
			for _, d := range []string{dir, filepath.Dir(out)} {
				if left := leftovers(d); len(left) > 0 {
					t.Fatalf("left after the next start: %v", left)
				}
			}
			survived++
			_ = killed
		}
	}
	t.Run("members export", func(t *testing.T) { exportKills(t, "名册.xlsx", "members", "export") })
	t.Run("summary", func(t *testing.T) { exportKills(t, "年度汇总.xlsx", "summary", "--year", "2025") })
	t.Logf("kills survived: %d of %d", survived, kills)
}

// importKill kills an import of roster into a fresh copy of pristine after
// d and checks what is left: the old rows or all new ones, and no leftover
// once the next run has started.
func importKill(t *testing.T, pristine, roster string, d time.Duration, before, rows int) (state string, killed bool, err error) {
	dir, err := os.MkdirTemp(t.TempDir(), "kill-")
	if err != nil {
		return "", false, err
	}
	db := filepath.Join(dir, "chamber.db")
	b, err := os.ReadFile(pristine)
	if err != nil {
		return "", false, err
	}
	if err := os.WriteFile(db, b, 0o600); err != nil {
		return "", false, err
	}
	killed = killAfter(d, "--db", db, "members", "import", roster)
	n, err := dbCount(db)
	switch {
	case err != nil:
		return "", killed, err
	case n == before:
		state = "old rows"
	case n == before+rows:
		state = "all new rows"
	default:
		return "", killed, fmt.Errorf("%d members, want %d or %d", n, before, before+rows)
	}
	if out, err := exec.Command(ctlBin, "--db", db, "check").CombinedOutput(); err != nil {
		return "", killed, fmt.Errorf("the next start: %v\n%s", err, out)
	}
	if left := leftovers(dir); len(left) > 0 {
		return "", killed, fmt.Errorf("left after the next start: %v", left)
	}
	return state, killed, nil
}

// assertWholeXLSX fails unless b is a complete workbook: a zip whose every
// entry reads back with a good checksum, with a workbook and a sheet.
func assertWholeXLSX(t *testing.T, b []byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("neither the old file nor a whole workbook: %v", err)
	}
	seen := map[string]bool{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		h := sha256.New()
		if _, err := bytes.NewBuffer(nil).ReadFrom(teeReader{rc, h}); err != nil {
			t.Fatalf("entry %s: %v", f.Name, err)
		}
		rc.Close()
		seen[f.Name] = true
	}
	if !seen["xl/workbook.xml"] || !seen["xl/worksheets/sheet1.xml"] {
		t.Fatalf("workbook parts missing: %v", seen)
	}
}

type teeReader struct {
	r interface{ Read([]byte) (int, error) }
	w interface{ Write([]byte) (int, error) }
}

func (t teeReader) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	if n > 0 {
		t.w.Write(p[:n])
	}
	return n, err
}
