package data

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Backup writes a consistent copy of the database to dest with VACUUM INTO
// (never by copying a live file), through a temporary file and a rename so
// dest is either the old file or the complete new one.
func (s *Store) Backup(ctx context.Context, dest string) error {
	if strings.ContainsAny(dest, "'") {
		return invalid("备份文件", dest, "文件名不能包含单引号", "backup path must not contain a quote")
	}
	if err := os.MkdirAll(filepath.Dir(dest), 0o700); err != nil {
		return err
	}
	tmp := dest + ".tmp"
	_ = os.Remove(tmp)
	if _, err := s.db.ExecContext(ctx, fmt.Sprintf("VACUUM INTO '%s'", tmp)); err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("备份失败，未做任何修改 / backup failed: %w", err)
	}
	_ = os.Chmod(tmp, 0o600)
	if err := os.Rename(tmp, dest); err != nil {
		_ = os.Remove(tmp)
		return err
	}
	return nil
}
