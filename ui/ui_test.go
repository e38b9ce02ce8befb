package ui

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"chamberdesk/data"
	"chamberdesk/data/demo"
)

// fixture is a file built once per run, in a folder of its own, that
// tests read or copy.
type fixture struct {
	once sync.Once
	path string
	err  error
}

// get builds the file named name with build the first time it is asked
// for, and returns its path.
func (f *fixture) get(tb testing.TB, name string, build func(path string) error) string {
	tb.Helper()
	f.once.Do(func() {
		dir, err := mkdirTemp()
		if err != nil {
			f.err = err
			return
		}
		f.path = filepath.Join(dir, name)
		f.err = build(f.path)
	})
	if f.err != nil {
		tb.Fatal(f.err)
	}
	return f.path
}

// createDB makes a data file at path, filled by fill.
func createDB(actor string, fill func(context.Context, *data.Store) error) func(path string) error {
	return func(path string) error {
		s, err := data.Create(context.Background(), path, data.OpenOptions{Actor: actor}, fill)
		if err != nil {
			return err
		}
		return s.Close()
	}
}

var demoDB fixture

// demoClock is "now" for the tests that read the demo chamber by year (dues,
// metrics, the dashboard): a few days after its last activity.
var demoClock = time.Date(2026, 11, 20, 10, 0, 0, 0, time.Local)

// demoCopy gives each test its own copy of one demo database, built once.
func demoCopy(t *testing.T) string {
	t.Helper()
	demoFile := demoDB.get(t, "demo.db", createDB("test", demo.Fill))
	path := filepath.Join(t.TempDir(), "demo.db")
	s, err := data.Open(context.Background(), demoFile, data.OpenOptions{NoDailyBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Backup(context.Background(), path); err != nil {
		t.Fatal(err)
	}
	// The photos too, so screens and prints show them as a secretary would.
	if err := os.CopyFS(filepath.Join(filepath.Dir(path), "demo_files"), os.DirFS(s.FilesDir())); err != nil {
		t.Fatal(err)
	}
	return path
}

// newTestApp opens the window on path with Fyne's test driver, background
// work running on goroutines of its own (threadApp).
func newTestApp(t *testing.T, path string) *App {
	t.Helper()
	return openTestApp(t, newThreadApp(t), path)
}

// openTestApp opens the window of fa on path; when the test ends its
// background work is waited for before the file is closed under it.
func openTestApp(t testing.TB, fa *threadApp, path string) *App {
	t.Helper()
	a := New(fa, Options{DBPath: path})
	a.win.Resize(fyne.NewSize(1280, 800))
	a.win.Show()
	t.Cleanup(func() {
		fa.settle(t)
		a.Close()
	})
	return a
}

func TestShellOnDemo(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	if a.store() == nil || a.nav == nil {
		t.Fatal("the demo file did not open in the shell")
	}
	if got := a.win.Title(); got != "商会工作台 — "+demo.OrgName() {
		t.Fatalf("title %q", got)
	}
	if a.nav.Len() != len(navItems()) || a.nav.Len() != 10 || a.nav.Title(1) != "会员" {
		t.Fatalf("navigation %d items", a.nav.Len())
	}
	a.show("settings")
	if a.current() != "settings" || a.fyne.Preferences().String(prefLastScreen) != "settings" {
		t.Fatalf("current %q pref %q", a.current(), a.fyne.Preferences().String(prefLastScreen))
	}
}

func mkdirTemp() (string, error) { return os.MkdirTemp("", "chamberdesk-ui-") }

// openScreen shows the screen named key and returns it.
func openScreen[S screen](t testing.TB, a *App, key string) S {
	t.Helper()
	a.show(key)
	a.wait() // screens that load in the background show their rows
	s, ok := a.screens[key].(S)
	if !ok || a.current() != key {
		t.Fatalf("%s screen not shown (current %q)", key, a.current())
	}
	return s
}

// openDemoOn opens a copy of the demo chamber with the store's clock at
// now and shows the screen named key.
func openDemoOn[S screen](t *testing.T, key string, now time.Time) (*App, S) {
	t.Helper()
	a := newTestApp(t, demoCopy(t))
	a.store().Now = func() time.Time { return now }
	return a, openScreen[S](t, a, key)
}
