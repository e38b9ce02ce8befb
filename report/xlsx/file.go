package xlsx

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// WriteFile writes a workbook to path through a temporary file in the same
// folder and a rename, so path is either left as it was or holds the whole
// new file: an export that fails half-way never leaves half a workbook, and
// never spoils the previous one.
func WriteFile(path string, write func(io.Writer) error) (err error) {
	if fi, statErr := os.Stat(path); statErr == nil && fi.IsDir() {
		return fmt.Errorf("%s 是文件夹，不能写成表格 / %s is a folder, not a file", path, path)
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return fmt.Errorf("无法在 %s 创建文件 / cannot create a file in %s: %w", dir, dir, err)
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return err
	}
	// CreateTemp makes the file private; an exported table is an ordinary
	// document the person will share.
	if err = tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("无法写入 %s / cannot write %s: %w", path, path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("无法写入 %s / cannot write %s: %w", path, path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("无法写入 %s / cannot write %s: %w", path, path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("无法保存 %s / cannot save %s: %w", path, path, err)
	}
	return nil
}
