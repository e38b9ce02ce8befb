package data

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"chamberdesk/data/datatest/tmpdir"
)

func TestPortableDir(t *testing.T) {
	yes := func(string) bool { return true }
	// install makes a program folder: the executable, and optionally a data
	// folder and a go.mod beside it.
	install := func(t *testing.T, dataDir, goMod bool) string {
		dir := tmpdir.New(t)
		exe := filepath.Join(dir, "chamberdesk.exe")
		if err := os.WriteFile(exe, nil, 0o755); err != nil {
			t.Fatal(err)
		}
		if dataDir {
			if err := os.Mkdir(filepath.Join(dir, "data"), 0o755); err != nil {
				t.Fatal(err)
			}
		}
		if goMod {
			if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module x\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return exe
	}
	t.Run("DataFolderBesideExe", func(t *testing.T) {
		exe := install(t, true, false)
		got, ok := portableDir(exe, canWrite)
		if want, _ := filepath.EvalSymlinks(filepath.Join(filepath.Dir(exe), "data")); !ok || got != want {
			t.Fatalf("portableDir = %q %v; want %q", got, ok, want)
		}
	})
	t.Run("NoDataFolder", func(t *testing.T) {
		if _, ok := portableDir(install(t, false, false), yes); ok {
			t.Fatal("portable without a data folder")
		}
	})
	t.Run("DataIsAFile", func(t *testing.T) {
		exe := install(t, false, false)
		if err := os.WriteFile(filepath.Join(filepath.Dir(exe), "data"), nil, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, ok := portableDir(exe, yes); ok {
			t.Fatal("a file named data taken for the portable folder")
		}
	})
	t.Run("NotWritable", func(t *testing.T) {
		exe := install(t, true, false)
		var asked string
		if _, ok := portableDir(exe, func(d string) bool { asked = d; return false }); ok {
			t.Fatal("a read-only data folder chosen for portable mode")
		}
		if filepath.Base(asked) != "data" {
			t.Fatalf("writability asked of %q", asked)
		}
	})
	t.Run("SourceCheckoutIsNotPortable", func(t *testing.T) {
		if _, ok := portableDir(install(t, true, true), yes); ok {
			t.Fatal("a source checkout's data package taken for a portable data folder")
		}
	})
	t.Run("SymlinkedExe", func(t *testing.T) {
		exe := install(t, true, false)
		link := filepath.Join(tmpdir.New(t), "chamberdesk")
		if err := os.Symlink(exe, link); err != nil {
			t.Skip("no symlinks here:", err)
		}
		// Wine 8.0 reports success and makes nothing.
		if _, err := os.Lstat(link); err != nil {
			t.Skip("no symlinks here: os.Symlink reported success but made no link:", err)
		}
		if got, ok := portableDir(link, yes); !ok || filepath.Dir(got) != filepath.Dir(mustEval(t, exe)) {
			t.Fatalf("through a link: %q %v", got, ok)
		}
	})
	t.Run("UserDataDir", func(t *testing.T) {
		home := tmpdir.New(t)
		t.Setenv("XDG_DATA_HOME", home)
		t.Setenv("AppData", home)
		t.Setenv("HOME", home)
		d, err := userDataDir()
		if err != nil || !strings.HasPrefix(d, home) {
			t.Fatalf("userDataDir = %q %v", d, err)
		}
	})
}

func mustEval(t *testing.T, p string) string {
	t.Helper()
	r, err := filepath.EvalSymlinks(p)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestCanWrite(t *testing.T) {
	dir := tmpdir.New(t)
	if !canWrite(dir) {
		t.Fatal("a temporary folder not writable")
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Fatalf("the probe left %d files behind", len(left))
	}
	if canWrite(filepath.Join(dir, "missing")) {
		t.Fatal("a missing folder reported writable")
	}
	t.Run("ReadOnlyFolder", func(t *testing.T) {
		if runtime.GOOS == "windows" {
			// A folder's read-only attribute does not stop Windows creating
			// files in it; only an ACL does, which a test cannot set under Wine.
			t.Skip("Windows: no read-only folder without ACLs")
		}
		if os.Geteuid() == 0 { // root writes through permission bits
			return
		}
		ro := filepath.Join(dir, "ro")
		if err := os.Mkdir(ro, 0o555); err != nil {
			t.Fatal(err)
		}
		if canWrite(ro) {
			t.Fatal("a read-only folder reported writable")
		}
	})
}
