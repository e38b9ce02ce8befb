package data_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"modernc.org/sqlite"
	sqlitelib "modernc.org/sqlite/lib"

	"chamberdesk/data"

	"chamberdesk/data/datatest"
)

// holdEnv names the data file a second program is to open. The lock tests
// need a real second process, since the lock is shared inside one.
const holdEnv = "CHAMBERDESK_HOLD"

// TestMain lets the lock tests run this test binary as that second
// program: with holdEnv set it plays the program instead of running tests,
// so no placeholder test shows up as skipped in every run.
func TestMain(m *testing.M) {
	if path := os.Getenv(holdEnv); path != "" {
		os.Exit(holdOpen(path))
	}
	if path := os.Getenv(holdNoShareEnv); path != "" {
		os.Exit(holdNoShare(path))
	}
	os.Exit(m.Run())
}

// holdOpen is the second program: it opens path, says on its first line how
// that went ("ready", "locked" or why it failed), and keeps the file open
// until its input closes.
func holdOpen(path string) int {
	s, err := data.Open(context.Background(), path, data.OpenOptions{Actor: "helper"})
	switch {
	case data.IsCode(err, data.CodeLocked):
		fmt.Println("locked")
		return 3
	case err != nil:
		fmt.Println("open failed:", strings.ReplaceAll(err.Error(), "\n", " "))
		return 4
	}
	fmt.Println("ready")
	_, _ = bufio.NewReader(os.Stdin).ReadString('\n')
	s.Close()
	return 0
}

// secondProgram runs this test binary as another program in the role env
// names, on path. It returns the program's first line, a kill that ends it
// the way a crash would (also run when the test ends), and a release that
// closes its input and waits for it to end by itself; only the first of the
// two to run does anything.
func secondProgram(t *testing.T, env, path string) (line string, kill func(), release func() error) {
	t.Helper()
	// -test.run=^$: should env ever get lost, the child runs no tests and
	// its first line fails the test rather than recursing.
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), env+"="+path)
	stdin, err := cmd.StdinPipe() // held open: the program waits on it
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var once sync.Once
	var waitErr error
	end := func(hard bool) error {
		once.Do(func() {
			if hard {
				_ = cmd.Process.Kill()
			}
			_ = stdin.Close()
			if err := cmd.Wait(); !hard {
				waitErr = err
			}
		})
		return waitErr
	}
	kill = func() { _ = end(true) }
	release = func() error { return end(false) }
	t.Cleanup(kill)
	line, err = bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("second program ended before its first line: %q, %v", line, err)
	}
	return strings.TrimSuffix(line, "\n"), kill, release
}

// otherProgram opens path in a second program (holdOpen) and returns how
// that went, and a kill.
func otherProgram(t *testing.T, path string) (string, func()) {
	t.Helper()
	line, kill, _ := secondProgram(t, holdEnv, path)
	return line, kill
}

// TestSecondProcessRefused: while one program has the file open, a second
// is refused with a clear message and the file is left as it was; once the
// first is gone (even killed), the file opens again.
func TestSecondProcessRefused(t *testing.T) {
	ctx := context.Background()
	path := goodFile(t, "chamber.db", 50)
	backups, err := data.ListBackups(path)
	if err != nil || len(backups) == 0 {
		t.Fatalf("no backup of the test file to restore from: %d, %v", len(backups), err)
	}
	line, kill := otherProgram(t, path)
	if line != "ready" {
		t.Fatalf("first program: %q, want ready", line)
	}
	before := sideSums(t, path)
	_, err = data.Open(ctx, path, data.OpenOptions{Actor: "second"})
	if !data.IsCode(err, data.CodeLocked) {
		t.Fatalf("second open: %v, want %s", err, data.CodeLocked)
	}
	e, _ := data.AsError(err)
	t.Logf("refused: %s", e.Message())
	if _, err := data.Inspect(ctx, path); !data.IsCode(err, data.CodeLocked) {
		t.Fatalf("Inspect of a file in use: %v, want %s", err, data.CodeLocked)
	}
	// A good backup of the file itself as the source, so that the lock is
	// the only reason left to refuse.
	if _, err := data.Restore(ctx, path, backups[0].Path, nil); !data.IsCode(err, data.CodeLocked) {
		t.Fatalf("restore onto a file in use: %v, want %s", err, data.CodeLocked)
	}
	if after := sideSums(t, path); after[""] != before[""] {
		t.Fatal("the refused open changed the file")
	}
	kill() // SIGKILL: the OS drops the lock with the process
	s, err := data.Open(ctx, path, data.OpenOptions{Actor: "after"})
	if err != nil {
		t.Fatalf("open after the first program died: %v", err)
	}
	s.Close()
}

// TestOneProcessSharesTheFile: two stores of one process on one file are
// one writer, and the lock stays until the last closes.
func TestOneProcessSharesTheFile(t *testing.T) {
	ctx := context.Background()
	path := goodFile(t, "chamber.db", 5)
	a, err := data.Open(ctx, path, data.OpenOptions{Actor: "a"})
	if err != nil {
		t.Fatal(err)
	}
	b, err := data.Open(ctx, path, data.OpenOptions{Actor: "b"})
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	if line, _ := otherProgram(t, path); line != "locked" {
		t.Fatalf("with one of two stores still open, another program got %q; want it refused as locked", line)
	}
	if _, _, err := b.CreateMember(ctx, data.Member{Kind: data.KindPersonal, Name: "王五"}); err != nil {
		t.Fatal(err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if line, _ := otherProgram(t, path); line != "ready" {
		t.Fatalf("after the last store closed, another program got %q; want it to open the file", line)
	}
}

// TestConcurrentWritersNoBusy: many goroutines writing through one store at
// once, with a backup running, all succeed: none sees SQLITE_BUSY. SQLite's
// busy timeout would hide most contention by itself, so the store runs with
// none, where only the write queue keeps writers apart; a busy timeout only
// ever retries, so this covers the store as opened too. The control runs the
// same load with neither and must see SQLITE_BUSY: the load does contend.
func TestConcurrentWritersNoBusy(t *testing.T) {
	ctx := context.Background()
	const want = contendWorkers * contendEach
	allWritten := func(t *testing.T, s *data.Store, busy int, others []error) {
		t.Helper()
		if busy > 0 {
			t.Errorf("%d calls failed with SQLITE_BUSY", busy)
		}
		for i, err := range others {
			if i == 5 {
				t.Errorf("… and %d more failures", len(others)-i)
				break
			}
			t.Errorf("call failed: %v", err)
		}
		var n int
		if err := s.DB().QueryRow("SELECT count(*) FROM members WHERE notes = '改过一次'").Scan(&n); err != nil || n != want {
			t.Fatalf("%d members written, %v; want %d", n, err, want)
		}
	}
	noWait := func(t *testing.T, queue bool) *data.Store {
		t.Helper()
		s, err := data.OpenNoBusyWait(ctx, filepath.Join(datatest.TempDir(t), "busy.db"), queue)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		var ms int
		if err := s.DB().QueryRow("PRAGMA busy_timeout").Scan(&ms); err != nil || ms != 0 {
			t.Fatalf("busy_timeout = %d, %v; the test needs 0", ms, err)
		}
		return s
	}

	t.Run("QueueWithoutBusyTimeout", func(t *testing.T) {
		s := noWait(t, true)
		busy, others := contend(s)
		allWritten(t, s, busy, others)
	})
	t.Run("ControlNeither", func(t *testing.T) {
		s := noWait(t, false)
		busy, others := contend(s)
		t.Logf("without queue or busy timeout: %d of %d calls failed with SQLITE_BUSY, %d otherwise",
			busy, contendCalls, len(others))
		if busy == 0 {
			t.Fatalf("no call failed with SQLITE_BUSY without the write queue and busy timeout (%d other failures): "+
				"the load does not contend, so passing with the queue proves nothing", len(others))
		}
	})
}

const (
	contendWorkers, contendEach = 24, 25
	// contendCalls counts every store call of contend: a create and an
	// update per write, a listing every fifth, and one backup.
	contendCalls = contendWorkers*contendEach*2 + contendWorkers*((contendEach+4)/5) + 1
)

// contend sends contendWorkers goroutines, released at once, to create,
// update and now and then list members through s while a backup runs. It
// returns how many calls failed with SQLITE_BUSY, and the other failures.
func contend(s *data.Store) (busy int, others []error) {
	ctx := context.Background()
	var mu sync.Mutex
	fail := func(err error) {
		mu.Lock()
		defer mu.Unlock()
		if isBusy(err) {
			busy++
		} else {
			others = append(others, err)
		}
	}
	start := make(chan struct{})
	var wg sync.WaitGroup
	for w := range contendWorkers {
		wg.Go(func() {
			<-start
			for i := range contendEach {
				m := data.Member{Kind: data.KindPersonal, Name: fmt.Sprintf("并发%02d-%02d", w, i)}
				id, _, err := s.CreateMember(ctx, m)
				if err != nil {
					fail(err)
					continue
				}
				m.ID, m.Notes = id, "改过一次"
				if _, err := s.UpdateMember(ctx, m); err != nil {
					fail(err)
				}
				if i%5 == 0 {
					if _, err := s.Members(ctx); err != nil {
						fail(err)
					}
				}
			}
		})
	}
	wg.Go(func() {
		<-start
		if _, err := s.BackupBefore(ctx, data.ReasonManual); err != nil {
			fail(err)
		}
	})
	close(start)
	wg.Wait()
	return busy, others
}

// isBusy reports SQLITE_BUSY in any of its extended forms.
func isBusy(err error) bool {
	var e *sqlite.Error
	return errors.As(err, &e) && e.Code()&0xff == sqlitelib.SQLITE_BUSY
}
