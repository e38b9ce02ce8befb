package data

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
)

// errLocked is what tryLock returns when another process holds the lock.
var errLocked = errors.New("file is locked by another process")

// CodeLocked marks a data file that another running program is using.
const CodeLocked = "file.locked"

// writerLock is the one-writer rule for a data file: a lock file beside it
// holds an OS lock (flock on Unix, LockFileEx on Windows) for as long as a
// Store is open. The OS drops the lock when the process dies, however it
// dies, so a crash never leaves a file locked. Stores opened on the same
// file inside one process share the lock: the process is one writer.
type writerLock struct {
	path string
	f    *os.File
	refs int
}

var (
	writerLocksMu sync.Mutex
	writerLocks   = map[string]*writerLock{}
)

// lockPath is the lock file of the database at path.
func lockPath(path string) string { return path + ".lock" }

// acquireWriter takes the writer lock of the database at path, or refuses
// with a message that says another program has it open.
func acquireWriter(path string) (*writerLock, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	writerLocksMu.Lock()
	defer writerLocksMu.Unlock()
	if l := writerLocks[abs]; l != nil {
		l.refs++
		return l, nil
	}
	f, err := os.OpenFile(lockPath(abs), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, failed(CodeLockFailed, "无法创建锁文件，未做任何修改", "cannot create the lock file; nothing was changed",
			"cannot create the lock file "+lockPath(abs), err)
	}
	if err := tryLock(f); err != nil {
		f.Close()
		if errors.Is(err, errLocked) {
			return nil, lockedError(path)
		}
		return nil, failed(CodeLockFailed, "无法锁定数据文件，未做任何修改", "cannot lock the data file; nothing was changed",
			"cannot lock "+lockPath(abs), err)
	}
	l := &writerLock{path: abs, f: f, refs: 1}
	writerLocks[abs] = l
	return l, nil
}

// release gives the lock back; the last Store of the process unlocks it.
// The lock file itself stays: removing it would let a third process lock a
// new file while a second still holds the old one.
func (l *writerLock) release() {
	if l == nil {
		return
	}
	writerLocksMu.Lock()
	defer writerLocksMu.Unlock()
	l.refs--
	if l.refs > 0 {
		return
	}
	delete(writerLocks, l.path)
	_ = unlock(l.f)
	_ = l.f.Close()
}

// heldHere reports whether a Store of this process has path open.
func heldHere(path string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	writerLocksMu.Lock()
	defer writerLocksMu.Unlock()
	return writerLocks[abs] != nil
}

func lockedError(path string) *Error {
	return &Error{Code: CodeLocked, Field: "数据文件", Value: filepath.Base(path),
		Msg: "正在被另一个商会工作台窗口或 chamberctl 命令使用，请先关闭它再试；文件未做任何修改", MsgEN: "is in use by another ChamberDesk window or chamberctl command; close it and try again. The file is unchanged",
		Reason: "another program has this data file open; nothing changed"}
}

// busyElsewhere reports, without creating anything, whether another
// process holds the writer lock of path. Open asks before its read-only
// checks, so a file another program is writing is reported as in use
// rather than examined mid-write.
func busyElsewhere(path string) bool {
	if heldHere(path) {
		return false
	}
	f, err := os.OpenFile(lockPath(path), os.O_RDWR, 0)
	if err != nil {
		return false
	}
	defer f.Close()
	if err := tryLock(f); err != nil {
		return errors.Is(err, errLocked)
	}
	_ = unlock(f)
	return false
}
