package data

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

// Every file the program writes for people or for itself (exports, photos,
// backups, a restored database) goes through one atomic writer: a temporary
// file beside the target, synced, then renamed over it. The target is
// always either the old file or the whole new one.
//
// A process killed half-way leaves its temporary file behind. So that the
// next start can find it even when it sits beside an export on the desktop,
// each temporary path is first written to a small journal in the data
// folder. A writer holds an OS lock on its temporary file while it exists;
// Sweep removes only leftovers nobody holds, so a second program running at
// the same time never loses the file it is writing.

// tempSuffix ends every temporary file's name: ".<target>.<random>.cdtmp".
const tempSuffix = ".cdtmp"

// JournalName is the journal's file name in the data folder.
const JournalName = ".chamberdesk-temps"

var (
	journalMu  sync.Mutex
	journalDir string // "" until Sweep names the data folder
)

// isTempName reports whether name is one of our temporary files.
func isTempName(name string) bool {
	return strings.HasPrefix(name, ".") && strings.HasSuffix(name, tempSuffix)
}

// atomicFile is a temporary file on its way to becoming target.
type atomicFile struct {
	*os.File
	target string
}

// createAtomic starts writing target: it journals and creates a locked
// temporary file beside it with mode perm.
func createAtomic(target string, perm os.FileMode) (*atomicFile, error) {
	if fi, err := os.Stat(target); err == nil && fi.IsDir() {
		return nil, IsFolderError(target)
	}
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	var rnd [6]byte
	if _, err := rand.Read(rnd[:]); err != nil {
		return nil, err
	}
	tmp := filepath.Join(dir, "."+base+"."+hex.EncodeToString(rnd[:])+tempSuffix)
	if abs, err := filepath.Abs(tmp); err == nil {
		tmp = abs
	}
	// Journal first: a kill between the two steps leaves a journal line for a
	// file that does not exist, which Sweep simply drops. The journal is a
	// help for cleaning up, never a reason to refuse a write (its folder may
	// be gone: a USB stick pulled out, a test's temporary folder).
	_ = journalAdd(tmp)
	f, err := os.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		_ = journalRemove(tmp)
		return nil, &Error{Code: CodeFileCreate, Field: "文件夹", Value: dir,
			Msg: "无法在此创建文件", MsgEN: "cannot create a file here", Reason: "cannot create a file in " + dir, Err: err}
	}
	if err := tryLock(f); err != nil {
		(&atomicFile{File: f, target: target}).abort()
		return nil, err
	}
	// OpenFile's mode passes through the umask; the target gets exactly perm.
	if runtime.GOOS != "windows" {
		if err := f.Chmod(perm); err != nil {
			(&atomicFile{File: f, target: target}).abort()
			return nil, err
		}
	}
	testMarker("write-begin", filepath.Base(target))
	return &atomicFile{File: f, target: target}, nil
}

// commit makes the temporary file the target.
func (a *atomicFile) commit() error {
	if err := a.Sync(); err != nil {
		a.abort()
		return &Error{Code: CodeFileWrite, Field: "文件", Value: filepath.Base(a.target),
			Msg: "无法写入，原文件未改动", MsgEN: "cannot write it; the old file is unchanged", Reason: "cannot write " + a.target, Err: err}
	}
	var err error
	if runtime.GOOS == "windows" {
		// Windows cannot rename a file that is open; unlock and close first.
		_ = unlock(a.File)
		if err = a.Close(); err == nil {
			if err = renameFile(a.Name(), a.target); err == nil {
				testMarker("rename-done", filepath.Base(a.target))
			}
		}
	} else {
		// Rename while still locked, so Sweep can never take the file away.
		if err = renameFile(a.Name(), a.target); err == nil {
			testMarker("rename-done", filepath.Base(a.target))
			err = a.Close()
		}
	}
	if err != nil {
		a.abort()
		if isInUse(err) {
			return fileInUse(a.target, err)
		}
		return &Error{Code: CodeFileSave, Field: "文件", Value: filepath.Base(a.target),
			Msg: "无法保存，原文件未改动", MsgEN: "cannot save it; the old file is unchanged", Reason: "cannot save " + a.target, Err: err}
	}
	syncDir(filepath.Dir(a.target))
	return nil
}

// renameFile is os.Rename; tests replace it to make the last step fail.
var renameFile = os.Rename

// abort throws the temporary file away and forgets it in the journal; the
// target stays as it was.
func (a *atomicFile) abort() {
	_ = a.Close()
	if err := os.Remove(a.Name()); err == nil || errors.Is(err, os.ErrNotExist) {
		_ = journalRemove(a.Name())
	}
}

// WriteFileAtomic writes path with write, through a temporary file beside
// it and a rename: path is either left as it was or holds the whole new
// file, whatever happens (an error, a full disk, a kill). perm is the new
// file's mode: 0o600 for the program's own files, 0o644 for documents the
// person will share.
func WriteFileAtomic(path string, perm os.FileMode, write func(io.Writer) error) (err error) {
	a, err := createAtomic(path, perm)
	if err != nil {
		return err
	}
	defer func() {
		if p := recover(); p != nil {
			a.abort()
			panic(p)
		}
	}()
	if err := write(a); err != nil {
		a.abort()
		return err
	}
	return a.commit()
}

// syncDir makes a rename in dir durable; Windows has no such call.
func syncDir(dir string) {
	if runtime.GOOS == "windows" {
		return
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

// journalAdd records a temporary path in the journal, if there is one.
func journalAdd(tmp string) error {
	return withCurrentJournal(func(f *os.File) error {
		if _, err := f.Seek(0, io.SeekEnd); err != nil {
			return err
		}
		_, err := f.WriteString(tmp + "\n")
		return err
	})
}

// journalRemove drops tmp from the journal, if there is one: the file is
// gone, so the next start need not look for it.
func journalRemove(tmp string) error {
	return withCurrentJournal(func(f *os.File) error {
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return err
		}
		b, err := io.ReadAll(f)
		if err != nil {
			return err
		}
		var keep bytes.Buffer
		for _, line := range strings.Split(string(b), "\n") {
			if line = strings.TrimSpace(line); line != "" && line != tmp {
				keep.WriteString(line + "\n")
			}
		}
		if keep.Len() == len(b) {
			return nil
		}
		if err := f.Truncate(0); err != nil {
			return err
		}
		_, err = f.WriteAt(keep.Bytes(), 0)
		return err
	})
}

// withCurrentJournal runs fn on the journal of the data folder in use, if
// there is one (see withJournal).
func withCurrentJournal(fn func(f *os.File) error) error {
	journalMu.Lock()
	dir := journalDir
	journalMu.Unlock()
	if dir == "" {
		return nil
	}
	return withJournal(dir, fn)
}

// withJournal runs fn on dir's journal under its lock, which every program
// writing to the same data folder takes.
func withJournal(dir string, fn func(f *os.File) error) error {
	f, err := os.OpenFile(filepath.Join(dir, JournalName), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return failed(CodeFileJournal, "无法记录临时文件", "cannot write the list of temporary files",
			"cannot write the temp-file journal in "+dir, err)
	}
	defer f.Close()
	if err := lockWait(f); err != nil {
		return err
	}
	defer unlock(f)
	return fn(f)
}

// Sweep makes dir the data folder whose journal records this process's
// temporary files, and removes what earlier runs left: every journalled
// temporary file (and SQLite side files of one) that no running program
// holds. Both programs call it on start; Open calls it for the database's
// folder. It returns how many files it removed.
func Sweep(dir string) (int, error) {
	if dir == "" {
		dir = "."
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return 0, err
	}
	if fi, err := os.Stat(abs); err != nil || !fi.IsDir() {
		return 0, nil // no data folder yet: nothing was ever written there
	}
	journalMu.Lock()
	journalDir = abs
	journalMu.Unlock()
	removed := 0
	err = withJournal(abs, func(f *os.File) error {
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return err
		}
		b, err := io.ReadAll(f)
		if err != nil {
			return err
		}
		var keep bytes.Buffer
		seen := map[string]bool{}
		sc := bufio.NewScanner(bytes.NewReader(b))
		for sc.Scan() {
			p := strings.TrimSpace(sc.Text())
			if p == "" || seen[p] || !isTempName(filepath.Base(p)) {
				continue // a torn line, a repeat, or not ours to touch
			}
			seen[p] = true
			n, busy := removeTemp(p)
			removed += n
			if busy {
				keep.WriteString(p + "\n")
			}
		}
		if err := f.Truncate(0); err != nil {
			return err
		}
		if _, err := f.WriteAt(keep.Bytes(), 0); err != nil {
			return err
		}
		return f.Sync()
	})
	return removed, err
}

// removeTemp removes the leftover temporary file p and its SQLite side
// files unless a running program holds it (busy).
func removeTemp(p string) (removed int, busy bool) {
	f, err := os.OpenFile(p, os.O_RDWR, 0)
	if errors.Is(err, os.ErrNotExist) {
		return 0, false
	}
	if err == nil {
		if lerr := tryLock(f); errors.Is(lerr, errLocked) {
			f.Close()
			return 0, true
		}
		f.Close()
	}
	for _, side := range []string{"", "-journal", "-wal", "-shm"} {
		if os.Remove(p+side) == nil {
			removed++
		}
	}
	return removed, false
}
