package data

import (
	"context"
	"os"
	"path/filepath"
)

// Backup writes a consistent copy of the database to dest with VACUUM INTO
// (never by copying a live file) through the atomic writer, and checks the
// copy with integrity_check before it takes dest's name: dest is either
// the old file or a complete, verified new one. The copy is private (0600).
func (s *Store) Backup(ctx context.Context, dest string) error {
	if err := os.MkdirAll(filepath.Dir(dest), 0o700); err != nil {
		return failed(CodeBackupFolder, "无法创建备份文件夹", "cannot create the backups folder",
			"cannot create the backup folder "+filepath.Dir(dest), err)
	}
	a, err := createAtomic(dest, 0o600)
	if err != nil {
		return failed(CodeBackupFailed, msgBackupFailed, msgBackupFailedEN, "backup to "+dest+" failed", err)
	}
	// VACUUM INTO accepts an empty existing file: the locked temporary one.
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", a.Name()); err != nil {
		a.abort()
		return failed(CodeBackupFailed, msgBackupFailed, msgBackupFailedEN, "VACUUM INTO "+dest+" failed", err)
	}
	if err := VerifyFile(ctx, a.Name()); err != nil {
		a.abort()
		return failed(CodeBackupCheck, "备份校验失败，未保存", "the backup failed its check and was not saved",
			"backup "+dest+" failed its integrity check", err)
	}
	return a.commit()
}
