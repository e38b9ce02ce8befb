package main

import (
	"flag"
	"fmt"
	"path/filepath"

	"chamberdesk/data"
)

// cmdBackup writes a verified copy of the database: into its backups
// folder (rotated with the automatic ones), or to --out.
func (c *cli) cmdBackup(args []string) error {
	var out string
	fs, err := flags("backup", args, func(fs *flag.FlagSet) {
		fs.StringVar(&out, "out", "", "备份到此文件 / write the backup here")
	})
	if err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	s, err := c.open()
	if err != nil {
		return err
	}
	defer s.Close()
	if out != "" {
		if err := s.Backup(c.ctx, out); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "已备份 / backup written: %s\n", out)
		return nil
	}
	b, err := s.BackupBefore(c.ctx, data.ReasonManual)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "已备份 / backup written: %s（%s）\n", b.Path, sizeText(b.Size))
	return nil
}

// cmdRestore replaces the database with a backup; see data.Restore.
func (c *cli) cmdRestore(args []string) error {
	fs, err := flags("restore", args, func(*flag.FlagSet) {})
	if err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{"restore: 需要一个备份文件 FILE / needs one backup file"}
	}
	src := fs.Arg(0)
	saved, err := data.Restore(c.ctx, c.dbPath, src, nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "已从 %s 恢复 / restored from %s\n", filepath.Base(src), src)
	if saved.Path != "" {
		fmt.Fprintf(c.stdout, "恢复前的数据已备份到 / the replaced data was backed up to: %s\n", saved.Path)
	}
	return nil
}

// cmdBackups lists the backups folder, newest first.
func (c *cli) cmdBackups(args []string) error {
	fs, err := flags("backups", args, func(*flag.FlagSet) {})
	if err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	list, err := data.ListBackups(c.dbPath)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "备份文件夹 / backups folder: %s\n", data.BackupDir(c.dbPath))
	for _, b := range list {
		fmt.Fprintf(c.stdout, "%s  %s  %-8s %s\n", b.Time.Format("2006-01-02 15:04:05"), sizeText(b.Size), b.Reason, b.Path)
	}
	return nil
}

func sizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
