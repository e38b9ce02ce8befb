package data_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"chamberdesk/data"
	"chamberdesk/data/datatest"
)

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestOpen(t *testing.T) {
	ctx := context.Background()
	t.Run("OK", func(t *testing.T) {
		path := filepath.Join(datatest.TempDir(t), "new.db")
		s := datatest.MustOpenPath(t, path)
		v, err := s.SchemaVersionOf(ctx)
		if err != nil || v != data.SchemaVersion() {
			t.Fatalf("version %d, %v; want %d", v, err, data.SchemaVersion())
		}
		if problems, err := s.Check(ctx); err != nil || len(problems) > 0 {
			t.Fatalf("check: %v %v", problems, err)
		}
		empty, err := s.IsEmpty(ctx)
		if err != nil || !empty {
			t.Fatalf("new file should hold no organization: %v %v", empty, err)
		}
		// Windows has no owner-only mode bits: Go reports 0666 for any file
		// without the read-only attribute (TestFilesArePrivate checks where
		// the files live instead).
		want := os.FileMode(0o600)
		if runtime.GOOS == "windows" {
			want = 0o666
		}
		if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != want {
			t.Fatalf("data file mode %v (%v); want %v", fi.Mode(), err, want)
		}
	})

	t.Run("PragmasOnEveryConnection", func(t *testing.T) {
		s := datatest.MustOpen(t)
		var conns []*sql.Conn
		for i := 0; i < 4; i++ { // held at once, so each is a separate connection
			c, err := s.DB().Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			conns = append(conns, c)
		}
		for i, c := range conns {
			var fk, busy int
			var mode string
			if err := c.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk); err != nil {
				t.Fatal(err)
			}
			if err := c.QueryRowContext(ctx, "PRAGMA busy_timeout").Scan(&busy); err != nil {
				t.Fatal(err)
			}
			if err := c.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
				t.Fatal(err)
			}
			if fk != 1 || busy < 1000 || mode != "wal" {
				t.Errorf("connection %d: foreign_keys=%d busy_timeout=%d journal_mode=%s", i, fk, busy, mode)
			}
			c.Close()
		}
	})

	t.Run("ErrMissingWithoutCreate", func(t *testing.T) {
		path := filepath.Join(datatest.TempDir(t), "none.db")
		_, err := data.Open(ctx, path, data.OpenOptions{})
		if !data.IsCode(err, data.CodeNotFound) {
			t.Fatalf("err = %v; want not found", err)
		}
		if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
			t.Fatal("open without Create made a file")
		}
	})

	t.Run("ErrNewerSchema", func(t *testing.T) {
		path := filepath.Join(datatest.TempDir(t), "newer.db")
		s := datatest.MustOpenPath(t, path)
		datatest.MustOrg(t, s)
		if _, err := s.DB().Exec("PRAGMA user_version = 99"); err != nil {
			t.Fatal(err)
		}
		s.Close()
		before := fileSum(t, path)
		fiBefore, _ := os.Stat(path)
		_, err := data.Open(ctx, path, data.OpenOptions{Create: true})
		if !data.IsCode(err, data.CodeNewerSchema) {
			t.Fatalf("err = %v; want newer schema", err)
		}
		if e, _ := data.AsError(err); !strings.Contains(e.Msg, "较新版本") {
			t.Errorf("message should say the file is from a newer version: %q", e.Msg)
		}
		if fileSum(t, path) != before {
			t.Fatal("refused file was changed")
		}
		fiAfter, _ := os.Stat(path)
		if !fiAfter.ModTime().Equal(fiBefore.ModTime()) {
			t.Fatal("refused file's modification time changed")
		}
		if _, err := data.Inspect(ctx, path); !data.IsCode(err, data.CodeNewerSchema) {
			t.Fatalf("Inspect: %v", err)
		}
	})

	t.Run("ErrForeignFile", func(t *testing.T) {
		dir := datatest.TempDir(t)
		text := filepath.Join(dir, "notes.db")
		if err := os.WriteFile(text, []byte("这不是数据库\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		other := filepath.Join(dir, "other.db")
		db, err := sql.Open("sqlite", other)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec("CREATE TABLE t (x); INSERT INTO t VALUES (1)"); err != nil {
			t.Fatal(err)
		}
		db.Close()
		for _, path := range []string{text, other} {
			before := fileSum(t, path)
			_, err := data.Open(ctx, path, data.OpenOptions{Create: true})
			if !data.IsCode(err, data.CodeNotOurs) {
				t.Errorf("%s: err = %v; want foreign file", filepath.Base(path), err)
			}
			if fileSum(t, path) != before {
				t.Errorf("%s: refused file was changed", filepath.Base(path))
			}
		}
	})

	t.Run("BlankSQLiteFileIsInitialized", func(t *testing.T) {
		path := filepath.Join(datatest.TempDir(t), "blank.db")
		db, err := sql.Open("sqlite", path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec("PRAGMA user_version = 0; VACUUM"); err != nil {
			t.Fatal(err)
		}
		db.Close()
		s := datatest.MustOpenPath(t, path)
		if v, _ := s.SchemaVersionOf(ctx); v != data.SchemaVersion() {
			t.Fatalf("version %d", v)
		}
	})
}

// TestMigrateOldToNew builds a file as version 1 of the program left it and
// checks that opening it upgrades the schema and keeps every record.
func TestMigrateOldToNew(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(datatest.TempDir(t), "old.db")
	old, err := data.OpenAt(ctx, path, 1)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := old.SchemaVersionOf(ctx); v != 1 {
		t.Fatalf("old file at version %d; want 1", v)
	}
	if _, err := old.SaveOrganization(ctx, data.Organization{Name: "旧版商会", Type: "镇街商会"}); err != nil {
		t.Fatal(err)
	}
	mid, _, err := old.CreateMember(ctx, data.Member{Name: "李四", Company: "旧版建材厂", Phone: "13912345678"})
	if err != nil {
		t.Fatal(err)
	}
	// Version 1 had no end_date column: write the activity as that program did.
	if _, err := old.DB().Exec(`INSERT INTO activities (id, title, type, date, created_at, updated_at)
		VALUES (7, '2020年会员大会', '会员大会', '2020-12-20', 'x', 'x');
		INSERT INTO attendance (activity_id, member_id) VALUES (7, ?)`, mid); err != nil {
		t.Fatal(err)
	}
	old.Close()

	s := datatest.MustOpenPath(t, path)
	if v, _ := s.SchemaVersionOf(ctx); v != data.SchemaVersion() || v < 2 {
		t.Fatalf("upgraded to %d; want %d", v, data.SchemaVersion())
	}
	a, err := s.Activity(ctx, 7)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "2020年会员大会" || !a.EndDate.IsZero() || len(a.Attendees) != 1 || a.Attendees[0] != mid {
		t.Fatalf("activity after upgrade: %+v", a)
	}
	var applied int
	if err := s.DB().QueryRow("SELECT count(*) FROM schema_migrations").Scan(&applied); err != nil || applied != data.SchemaVersion() {
		t.Fatalf("schema_migrations rows %d (%v)", applied, err)
	}
	o, err := s.Organization(ctx)
	if err != nil || o.Name != "旧版商会" {
		t.Fatalf("organization after upgrade: %+v %v", o, err)
	}
}

func TestInTxRollsBackEverything(t *testing.T) {
	ctx := context.Background()
	s := datatest.MustOpen(t)
	boom := errors.New("boom")
	err := s.InTx(ctx, func(ctx context.Context) error {
		for _, n := range []string{"赵一", "钱二"} {
			if _, _, err := s.CreateMember(ctx, data.Member{Name: n}); err != nil {
				return err
			}
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	ms, err := s.SearchMembers(ctx, "")
	if err != nil || len(ms) != 0 {
		t.Fatalf("members after rollback: %d %v", len(ms), err)
	}
	var logs int
	s.DB().QueryRow("SELECT count(*) FROM change_log").Scan(&logs)
	if logs != 0 {
		t.Fatalf("change log kept %d rows of a rolled-back transaction", logs)
	}
}

// TestIntegrityBySQLite3 reads a written file back with the sqlite3 program.
func TestIntegrityBySQLite3(t *testing.T) {
	datatest.NeedTool(t, "sqlite3", "sqlite3")
	path := filepath.Join(datatest.TempDir(t), "check.db")
	s := datatest.MustOpenPath(t, path)
	datatest.MustOrg(t, s)
	if _, _, err := s.CreateMember(context.Background(), data.Member{Name: "孙䶮", Phone: "13700001111"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	out, err := exec.Command("sqlite3", path, "PRAGMA integrity_check; SELECT name FROM members; PRAGMA user_version;").CombinedOutput()
	if err != nil {
		t.Fatalf("sqlite3: %v %s", err, out)
	}
	want := "ok\n孙䶮\n" + strconv.Itoa(data.SchemaVersion()) + "\n"
	if string(out) != want {
		t.Fatalf("sqlite3 printed %q; want %q", out, want)
	}
}

func TestBackup(t *testing.T) {
	ctx := context.Background()
	s := datatest.MustOpen(t)
	datatest.MustOrg(t, s)
	if _, _, err := s.CreateMember(ctx, data.Member{Name: "备份测试"}); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(datatest.TempDir(t), "sub", "备份.db")
	if err := s.Backup(ctx, dest); err != nil {
		t.Fatal(err)
	}
	b := datatest.MustOpenPath(t, dest)
	ms, err := b.SearchMembers(ctx, "备份")
	if err != nil || len(ms) != 1 {
		t.Fatalf("backup holds %d members (%v)", len(ms), err)
	}
	if problems, _ := b.Check(ctx); len(problems) > 0 {
		t.Fatal(problems)
	}
	if _, err := os.Stat(dest + ".tmp"); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("temporary backup file left behind")
	}
}
