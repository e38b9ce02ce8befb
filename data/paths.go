package data

import (
	"os"
	"path/filepath"
	"runtime"
)

// FileName is the database file's name in the data folder.
const FileName = "chamberdesk.db"

// DataDir is the folder that holds the database, its photos (<name>_files
// beside it) and its backups: a folder named "data" beside the executable
// (portable mode, for a USB stick install), otherwise the user's data folder.
// Both programs use it, so chamberctl beside chamberdesk finds the same file.
func DataDir() (dir string, portable bool, err error) {
	if exe, err := os.Executable(); err == nil {
		if d, ok := portableDir(exe, canWrite); ok {
			return d, true, nil
		}
	}
	d, err := userDataDir()
	return d, false, err
}

// portableDir reports the "data" folder beside exe, if there is one the
// program can write to: a stick that is write-protected, or a program folder
// only an administrator may change, falls back to the user's folder rather
// than failing on the first save. A source checkout also has a data folder
// (this package), so a folder beside a go.mod does not count.
func portableDir(exe string, writable func(dir string) bool) (string, bool) {
	if resolved, err := filepath.EvalSymlinks(exe); err == nil {
		exe = resolved
	}
	base := filepath.Dir(exe)
	d := filepath.Join(base, "data")
	if fi, err := os.Stat(d); err != nil || !fi.IsDir() {
		return "", false
	}
	if _, err := os.Stat(filepath.Join(base, "go.mod")); err == nil {
		return "", false
	}
	if !writable(d) {
		return "", false
	}
	return d, true
}

// canWrite reports whether a file can be created in dir, by creating one:
// permission bits alone do not tell (read-only media, Windows ACLs, root).
func canWrite(dir string) bool {
	f, err := os.CreateTemp(dir, ".chamberdesk-write-test-*")
	if err != nil {
		return false
	}
	name := f.Name()
	f.Close()
	return os.Remove(name) == nil
}

func userDataDir() (string, error) {
	switch runtime.GOOS {
	case "windows":
		if d := os.Getenv("AppData"); d != "" {
			return filepath.Join(d, "ChamberDesk"), nil
		}
	case "darwin":
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		return filepath.Join(home, "Library", "Application Support", "ChamberDesk"), nil
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "chamberdesk"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, ".local", "share", "chamberdesk"), nil
}

// DefaultPath is the database file both programs use without --db.
func DefaultPath() (string, error) {
	d, _, err := DataDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(d, FileName), nil
}

// RemoveFile deletes a database file with its write-ahead log and shared
// memory files; used when a file just created could not be filled.
func RemoveFile(path string) {
	for _, suffix := range []string{"", "-wal", "-shm"} {
		_ = os.Remove(path + suffix)
	}
}
