package data

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPortableDir(t *testing.T) {
	t.Run("DataFolderBesideExe", func(t *testing.T) {
		dir := t.TempDir()
		exe := filepath.Join(dir, "chamberdesk.exe")
		os.WriteFile(exe, nil, 0o755)
		os.Mkdir(filepath.Join(dir, "data"), 0o755)
		got, ok := portableDir(exe)
		if want, _ := filepath.EvalSymlinks(filepath.Join(dir, "data")); !ok || got != want {
			t.Fatalf("portableDir = %q %v; want %q", got, ok, want)
		}
	})
	t.Run("NoDataFolder", func(t *testing.T) {
		dir := t.TempDir()
		exe := filepath.Join(dir, "chamberdesk")
		os.WriteFile(exe, nil, 0o755)
		if _, ok := portableDir(exe); ok {
			t.Fatal("portable without a data folder")
		}
	})
	t.Run("SourceCheckoutIsNotPortable", func(t *testing.T) {
		dir := t.TempDir()
		exe := filepath.Join(dir, "chamberctl")
		os.WriteFile(exe, nil, 0o755)
		os.Mkdir(filepath.Join(dir, "data"), 0o755)
		os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module x\n"), 0o644)
		if _, ok := portableDir(exe); ok {
			t.Fatal("a source checkout's data package taken for a portable data folder")
		}
	})
	t.Run("UserDataDir", func(t *testing.T) {
		home := t.TempDir()
		t.Setenv("XDG_DATA_HOME", home)
		t.Setenv("AppData", home)
		t.Setenv("HOME", home)
		d, err := userDataDir()
		if err != nil || !strings.HasPrefix(d, home) {
			t.Fatalf("userDataDir = %q %v", d, err)
		}
	})
}
