package data_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"chamberdesk/data"
)

// TestHelperHoldOpen is not a test: the lock test runs it in a second
// process to hold a data file open until its input closes.
func TestHelperHoldOpen(t *testing.T) {
	path := os.Getenv("CHAMBERDESK_HOLD")
	if path == "" {
		t.Skip("helper process only")
	}
	s, err := data.Open(context.Background(), path, data.OpenOptions{Actor: "helper"})
	if err != nil {
		fmt.Println("open failed:", err)
		os.Exit(3)
	}
	fmt.Println("ready")
	_, _ = bufio.NewReader(os.Stdin).ReadString('\n')
	s.Close()
	os.Exit(0)
}

// TestSecondProcessRefused: while one program has the file open, a second
// is refused with a clear message and the file is left as it was; once the
// first is gone (even killed), the file opens again.
func TestSecondProcessRefused(t *testing.T) {
	ctx := context.Background()
	path := goodFile(t, "chamber.db", 50)
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperHoldOpen$")
	cmd.Env = append(os.Environ(), "CHAMBERDESK_HOLD="+path)
	stdin, err := cmd.StdinPipe()
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
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
	if line, _ := bufio.NewReader(out).ReadString('\n'); line != "ready\n" {
		t.Fatalf("helper: %q", line)
	}
	before := sideSums(t, path)
	_, err = data.Open(ctx, path, data.OpenOptions{Actor: "second"})
	if !data.IsCode(err, data.CodeLocked) {
		t.Fatalf("second open: %v, want %s", err, data.CodeLocked)
	}
	e, _ := data.AsError(err)
	t.Logf("refused: %s", e.Message())
	if _, err := data.Inspect(ctx, path); !data.IsCode(err, data.CodeLocked) {
		t.Fatalf("Inspect of a file in use: %v", err)
	}
	if _, err := data.Restore(ctx, path, path, nil); err == nil {
		t.Fatal("restore onto a file in use went ahead")
	}
	if after := sideSums(t, path); after[""] != before[""] {
		t.Fatal("the refused open changed the file")
	}
	// SIGKILL: the OS drops the lock with the process.
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	_ = stdin.Close()
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
	a.Close()
	if _, _, err := b.CreateMember(ctx, data.Member{Kind: data.KindPersonal, Name: "王五"}); err != nil {
		t.Fatal(err)
	}
	b.Close()
}

// TestConcurrentWritersNoBusy: many goroutines writing through one store at
// once, with a backup running, all succeed: none sees SQLITE_BUSY.
func TestConcurrentWritersNoBusy(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "busy.db")
	s, err := data.Open(ctx, path, data.OpenOptions{Create: true, Actor: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	const workers, each = 24, 25
	var wg sync.WaitGroup
	errs := make(chan error, workers*each+1)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				m := data.Member{Kind: data.KindPersonal, Name: fmt.Sprintf("并发%02d-%02d", w, i)}
				id, _, err := s.CreateMember(ctx, m)
				if err != nil {
					errs <- err
					continue
				}
				m.ID, m.Notes = id, "改过一次"
				if _, err := s.UpdateMember(ctx, m); err != nil {
					errs <- err
				}
				if i%5 == 0 {
					if _, err := s.Members(ctx); err != nil {
						errs <- err
					}
				}
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		if _, err := s.BackupBefore(ctx, data.ReasonManual); err != nil {
			errs <- err
		}
	}()
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("write failed: %v", err)
	}
	var n int
	if err := s.DB().QueryRow("SELECT count(*) FROM members WHERE notes = '改过一次'").Scan(&n); err != nil || n != workers*each {
		t.Fatalf("%d members written, %v; want %d", n, err, workers*each)
	}
}
