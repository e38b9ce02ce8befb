// Package tmpdir gives tests a temporary folder that is removed when the
// test ends, also under Wine. It imports nothing of ours, so the internal
// tests of package data can use it as well as datatest (which re-exports it).
package tmpdir

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// New returns a new empty folder for tb, removed when tb ends.
//
// Off Windows it is tb.TempDir(). On Windows the folder is made the same
// way, but its cleanup tolerates one environment: Go 1.26's os.RemoveAll asks
// for POSIX-semantics deletion, which Wine 8.0 answers with a status Go does
// not take for "unsupported", so t.TempDir's cleanup fails with "unlinkat …:
// Invalid function" after a test that passed. When os.RemoveAll fails, the
// cleanup removes the entries one by one, deepest first, logs that it had
// to, and fails the test if anything is still left.
func New(tb testing.TB) string {
	tb.Helper()
	if runtime.GOOS != "windows" {
		return tb.TempDir()
	}
	dir, err := os.MkdirTemp("", pattern(tb.Name()))
	if err != nil {
		tb.Fatalf("tmpdir: %v", err)
	}
	tb.Cleanup(func() {
		err := os.RemoveAll(dir)
		if err == nil {
			return
		}
		// Wine answers POSIX-semantics deletion with an error.
		if err2 := removeEach(dir); err2 != nil {
			tb.Errorf("tmpdir: cannot remove the test's temporary folder: os.RemoveAll: %v; file by file: %v", err, err2)
			return
		}
		tb.Logf("tmpdir: removed file by file, as os.RemoveAll failed: %v", err)
	})
	return dir
}

// removeEach removes dir and everything in it with os.Remove, children
// before their folder.
func removeEach(dir string) error {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, _ fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		paths = append(paths, p)
		return nil
	})
	if err != nil {
		return err
	}
	var errs []error
	// WalkDir visits a folder before its entries: backwards is deepest first.
	for i := len(paths) - 1; i >= 0; i-- {
		if err := os.Remove(paths[i]); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	if _, err := os.Lstat(dir); err == nil {
		errs = append(errs, errors.New(dir+" is still there"))
	}
	return errors.Join(errs...)
}

// pattern makes a MkdirTemp pattern of a test name, as testing does.
func pattern(name string) string {
	name = strings.Map(func(r rune) rune {
		if r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return r
		}
		return '_'
	}, name)
	if len(name) > 64 {
		name = name[:64]
	}
	return name + "*"
}
