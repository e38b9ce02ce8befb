package main

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"chamberdesk/data"

	"chamberdesk/data/datatest"
)

func TestBackupAndRestore(t *testing.T) {
	dir := datatest.TempDir(t)
	db := filepath.Join(dir, "org.db")
	mustCtl(t, "--db", db, "init", "--name", "青禾镇商会")
	mustCtl(t, "--db", db, "members", "add", "--name", "张三")

	out := mustCtl(t, "--db", db, "backup")
	list, _ := data.ListBackups(db)
	if len(list) == 0 || list[0].Reason != data.ReasonManual || !strings.Contains(out, list[0].Path) {
		t.Fatalf("backup printed %q, folder holds %+v", out, list)
	}
	copyFile := filepath.Join(datatest.TempDir(t), "备份.db")
	mustCtl(t, "--db", db, "backup", "--out", copyFile)
	if err := data.VerifyFile(context.Background(), copyFile); err != nil {
		t.Fatal(err)
	}
	// Windows keeps only the read-only attribute: 0666 is "writable".
	want := os.FileMode(0o600)
	if runtime.GOOS == "windows" {
		want = 0o666
	}
	if fi, _ := os.Stat(copyFile); fi.Mode().Perm() != want {
		t.Errorf("backup mode %o", fi.Mode().Perm())
	}
	if got := mustCtl(t, "--db", db, "backups"); !strings.Contains(got, "manual") {
		t.Errorf("backups printed %q", got)
	}

	mustCtl(t, "--db", db, "members", "add", "--name", "李四")
	t.Run("ErrNotABackup", func(t *testing.T) {
		text := filepath.Join(datatest.TempDir(t), "x.db")
		os.WriteFile(text, []byte("not a database"), 0o600)
		before := sum(t, db)
		code, _, errs := ctl(t, "--db", db, "restore", text)
		if code != exitError || !strings.Contains(errs, "未做任何修改") || strings.Count(strings.TrimSpace(errs), "\n") != 0 {
			t.Fatalf("exit %d, stderr %q", code, errs)
		}
		if sum(t, db) != before {
			t.Fatal("a refused restore changed the file")
		}
	})
	out = mustCtl(t, "--db", db, "restore", copyFile)
	if !strings.Contains(out, "恢复前的数据已备份到") {
		t.Errorf("restore printed %q", out)
	}
	names := listMembers(t, db)
	if len(names) != 1 || names[0].Name != "张三" {
		t.Fatalf("after restore: %+v", names)
	}
}
