package data

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
)

// Backup writes a consistent copy of the database to dest with VACUUM INTO
// (never by copying a live file) through the atomic writer, and checks the
// copy with integrity_check before it takes dest's name: dest is either
// the old file or a complete, verified new one. The copy is private (0600).
func (s *Store) Backup(ctx context.Context, dest string) error {
	if err := os.MkdirAll(filepath.Dir(dest), 0o700); err != nil {
		return fmt.Errorf("无法创建备份文件夹 / cannot create the backup folder: %w", err)
	}
	a, err := createAtomic(dest, 0o600)
	if err != nil {
		return fmt.Errorf("备份失败，未做任何修改 / backup failed: %w", err)
	}
	// VACUUM INTO accepts an empty existing file: the locked temporary one.
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", a.Name()); err != nil {
		a.abort()
		return fmt.Errorf("备份失败，未做任何修改 / backup failed: %w", err)
	}
	if err := VerifyFile(ctx, a.Name()); err != nil {
		a.abort()
		return fmt.Errorf("备份校验失败，未保存 / backup failed its check: %w", err)
	}
	return a.commit()
}
