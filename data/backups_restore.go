package data

import (
	"context"
	"database/sql"
	"io"
	"os"
	"path/filepath"
	"time"
)

// Restore replaces the database at dbPath with the backup src. src is
// checked first (SQLite, ours, not newer, integrity_check) and refused
// untouched if anything is wrong; then the current file is backed up
// (ReasonRestore, or a raw ReasonDamaged copy when it is too damaged to
// vacuum), a verified copy of src is put beside dbPath and renamed over it.
// A kill at any point leaves either the old database or the restored one.
// No Store may be open on dbPath, in this process or another. now dates the
// backup (nil: time.Now). It returns the backup of the replaced file, if
// there was one.
func Restore(ctx context.Context, dbPath, src string, now func() time.Time) (BackupInfo, error) {
	if now == nil {
		now = time.Now
	}
	if heldHere(dbPath) {
		return BackupInfo{}, &Error{Code: CodeRestoreOpen, Field: "数据文件", Value: filepath.Base(dbPath),
			Msg: "恢复前须先关闭数据文件", MsgEN: "close the data file before restoring",
			Reason: "the data file is open in this program"}
	}
	if same, _ := sameFile(dbPath, src); same {
		return BackupInfo{}, invalid("备份文件", filepath.Base(src), "不能用数据文件自己恢复自己", "the data file cannot be restored from itself", "restore source is the database itself")
	}
	if err := VerifyFile(ctx, src); err != nil {
		return BackupInfo{}, refuseSource(src, err)
	}
	if err := os.MkdirAll(filepath.Dir(dbPath), 0o700); err != nil {
		return BackupInfo{}, err
	}
	lock, err := acquireWriter(dbPath)
	if err != nil {
		return BackupInfo{}, err
	}
	defer lock.release()
	_, _ = Sweep(filepath.Dir(dbPath))

	// Copy src first: the rotation after the next backup may delete src
	// itself when it is an old backup.
	a, err := createAtomic(dbPath, 0o600)
	if err != nil {
		return BackupInfo{}, err
	}
	if err := copyInto(a.File, src); err != nil {
		a.abort()
		return BackupInfo{}, failed(CodeRestoreRead, msgRestoreRead, msgRestoreReadEN, "cannot copy the backup "+src, err)
	}
	if err := a.Sync(); err != nil {
		a.abort()
		return BackupInfo{}, err
	}
	if err := VerifyFile(ctx, a.Name()); err != nil {
		a.abort()
		return BackupInfo{}, refuseSource(src, err)
	}

	var saved BackupInfo
	if _, err := os.Stat(dbPath); err == nil {
		if saved, err = backupForRestore(ctx, dbPath, now()); err != nil {
			a.abort()
			return BackupInfo{}, failed(CodeRestoreBackup, "无法先备份当前数据文件，未做任何修改",
				"cannot back up the current data file first; nothing was changed", "cannot back up the current file first", err)
		}
		// The old log must not be replayed onto the restored file: fold it
		// into the old file first, then remove it (its content is in the
		// backup either way). A kill in between leaves the old file whole.
		checkpoint(ctx, dbPath)
		_ = os.Remove(dbPath + "-wal")
		_ = os.Remove(dbPath + "-shm")
	}
	if err := a.commit(); err != nil {
		return saved, err
	}
	_ = RotateBackups(dbPath, now())
	return saved, nil
}

// refuseSource words a VerifyFile failure as a refused restore.
func refuseSource(src string, err error) error {
	e, ok := err.(*Error)
	if !ok {
		return failed(CodeRestoreRead, msgRestoreRead, msgRestoreReadEN, "cannot read the backup "+src, err)
	}
	r := *e
	r.Field, r.Value = "备份文件", filepath.Base(src)
	switch r.Code {
	case CodeDamaged:
		r.Msg = "备份文件已损坏，不能用来恢复；数据文件未做任何修改"
		r.MsgEN = "the backup is damaged and cannot be restored; the data file is unchanged"
	case CodeNotOurs:
		r.Msg = "不是商会工作台的备份文件，不能用来恢复；数据文件未做任何修改"
		r.MsgEN = "not a ChamberDesk backup, so it cannot be restored; the data file is unchanged"
	case CodeNewerSchema:
		r.Msg = "备份文件来自较新版本的商会工作台，请先升级程序；数据文件未做任何修改"
		r.MsgEN = "the backup comes from a newer version of ChamberDesk; please update the program first. The data file is unchanged"
	}
	return &r
}

// backupForRestore keeps the file about to be replaced: a vacuumed backup
// when SQLite can read it, else a raw copy of the file and its log.
func backupForRestore(ctx context.Context, dbPath string, now time.Time) (BackupInfo, error) {
	if err := os.MkdirAll(BackupDir(dbPath), 0o700); err != nil {
		return BackupInfo{}, err
	}
	dest := backupTarget(dbPath, now, ReasonRestore)
	if probe(ctx, dbPath) == nil {
		db, err := sql.Open("sqlite", roURI(dbPath, false))
		if err == nil {
			s := &Store{db: db, path: dbPath, Now: func() time.Time { return now }}
			err = s.Backup(ctx, dest)
			db.Close()
			if err == nil {
				return backupInfo(dest, now, ReasonRestore)
			}
		}
	}
	dest = backupTarget(dbPath, now, ReasonDamaged)
	for _, side := range []string{"", "-wal"} {
		if _, err := os.Stat(dbPath + side); err != nil {
			continue
		}
		if err := WriteFileAtomic(dest+side, 0o600, func(w io.Writer) error {
			f, err := os.Open(dbPath + side)
			if err != nil {
				return err
			}
			defer f.Close()
			_, err = io.Copy(w, f)
			return err
		}); err != nil {
			return BackupInfo{}, err
		}
	}
	return backupInfo(dest, now, ReasonDamaged)
}

func backupInfo(path string, t time.Time, reason string) (BackupInfo, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return BackupInfo{}, err
	}
	return BackupInfo{Path: path, Time: t.In(time.Local), Reason: reason, Size: fi.Size()}, nil
}

// checkpoint folds a healthy database's write-ahead log into the file.
func checkpoint(ctx context.Context, dbPath string) {
	if probe(ctx, dbPath) != nil {
		return
	}
	db, err := sql.Open("sqlite", dbPath+"?_pragma=busy_timeout(5000)")
	if err != nil {
		return
	}
	_, _ = db.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
	db.Close()
}

func copyInto(w io.Writer, src string) error {
	f, err := os.Open(src)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(w, f)
	return err
}

func sameFile(a, b string) (bool, error) {
	fa, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	fb, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(fa, fb), nil
}
