package data_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"chamberdesk/data"
	"chamberdesk/data/datatest"
)

func memberNames(t *testing.T, path string) []string {
	t.Helper()
	db, err := sql.Open("sqlite", datatest.FileURI(path, "mode=ro&immutable=1"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query("SELECT name FROM members ORDER BY name")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		out = append(out, n)
	}
	return out
}

// TestBackupRotationOverAYear runs the rotation once a day for 400 days
// with a fake clock, each day adding that day's backup file (a stand-in
// with the backup's name: rotation goes by names and dates), and checks
// every day that the folder holds at most what the rotation keeps, and at
// the end exactly the newest of each of the last 7 days, 4 weeks and 12
// months. TestBackupsRotateAsTaken checks the real backups rotate the same.
func TestBackupRotationOverAYear(t *testing.T) {
	path := filepath.Join(datatest.TempDir(t), "chamber.db")
	dir := data.BackupDir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	start := time.Date(2025, 1, 1, 9, 0, 0, 0, time.Local)
	const days = 400
	limit := data.KeepDaily + data.KeepWeekly + data.KeepMonthly
	var now time.Time
	for d := range days {
		now = start.AddDate(0, 0, d)
		name := "chamber_" + now.Format("20060102-150405") + "_auto.db"
		if err := os.WriteFile(filepath.Join(dir, name), []byte("stand-in"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := data.RotateBackups(path, now); err != nil {
			t.Fatal(err)
		}
		list, err := data.ListBackups(path)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) > limit {
			t.Fatalf("day %d: %d backups kept, limit %d", d, len(list), limit)
		}
	}
	list, _ := data.ListBackups(path)
	got := map[string]bool{}
	for _, b := range list {
		got[b.Time.Format("2006-01-02")] = true
	}
	// Expected, worked out from the calendar rather than the code: every
	// day has one backup, so the newest of a period is its last day so far.
	want := map[string]bool{}
	for i := range data.KeepDaily {
		want[now.AddDate(0, 0, -i).Format("2006-01-02")] = true
	}
	weeks := 0
	for d := now; weeks < data.KeepWeekly; d = d.AddDate(0, 0, -1) {
		if d.Equal(now) || d.Weekday() == time.Sunday { // ISO weeks end on Sunday
			want[d.Format("2006-01-02")] = true
			weeks++
		}
	}
	months := 0
	for d := now; months < data.KeepMonthly; d = d.AddDate(0, 0, -1) {
		if d.Equal(now) || d.AddDate(0, 0, 1).Day() == 1 {
			want[d.Format("2006-01-02")] = true
			months++
		}
	}
	if len(got) != len(want) {
		t.Errorf("kept %d backups, want %d", len(got), len(want))
	}
	for d := range want {
		if !got[d] {
			t.Errorf("backup of %s was dropped", d)
		}
	}
	for d := range got {
		if !want[d] {
			t.Errorf("backup of %s was kept", d)
		}
	}
	t.Logf("after %d days: %d backups kept, oldest %s", days, len(list), list[len(list)-1].Time.Format("2006-01-02"))
}

// TestBackupsRotateAsTaken takes real backups on 40 days (several a day
// around imports) and checks they are verified files, rotated as taken:
// the newest three always stay, whatever their day.
func TestBackupsRotateAsTaken(t *testing.T) {
	ctx := context.Background()
	s := datatest.MustOpen(t)
	datatest.MustOrg(t, s)
	start := time.Date(2026, 1, 1, 9, 0, 0, 0, time.Local)
	var now time.Time
	s.Now = func() time.Time { return now }
	for d := range 40 {
		now = start.AddDate(0, 0, d)
		if _, err := s.BackupBefore(ctx, data.ReasonDaily); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 3 { // three imports on the last day
		now = now.Add(time.Duration(i+1) * time.Minute)
		if _, err := s.BackupBefore(ctx, data.ReasonImport); err != nil {
			t.Fatal(err)
		}
	}
	list, _ := data.ListBackups(s.Path())
	for i := range 3 {
		if list[i].Reason != data.ReasonImport {
			t.Errorf("newest backup %d is %+v, want an import backup", i, list[i])
		}
	}
	if len(list) > data.KeepDaily+data.KeepWeekly+data.KeepMonthly+data.KeepNewest {
		t.Errorf("%d backups kept", len(list))
	}
	for _, b := range list {
		if err := data.VerifyFile(ctx, b.Path); err != nil {
			t.Fatalf("%s: %v", b.Path, err)
		}
	}
}

// TestDailyBackupAtMostDaily: opening a file takes a backup on the first
// start of a day only.
func TestDailyBackupAtMostDaily(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(datatest.TempDir(t), "daily.db")
	s, err := data.Open(ctx, path, data.OpenOptions{Create: true, Actor: "test"})
	if err != nil {
		t.Fatal(err)
	}
	datatest.MustOrg(t, s)
	s.Close()
	day := time.Date(2026, 3, 5, 8, 0, 0, 0, time.Local)
	counts := []int{}
	for _, at := range []time.Time{day, day.Add(time.Hour), day.Add(5 * time.Hour), day.AddDate(0, 0, 1)} {
		s, err := data.Open(ctx, path, data.OpenOptions{Actor: "test", Now: func() time.Time { return at }})
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		list, _ := data.ListBackups(path)
		counts = append(counts, len(list))
	}
	if want := []int{1, 1, 1, 2}; !equalInts(counts, want) {
		t.Fatalf("backups after each start %v, want %v", counts, want)
	}
	list, _ := data.ListBackups(path)
	if list[0].Reason != data.ReasonDaily || !strings.Contains(filepath.Base(list[0].Path), "20260306-080000") {
		t.Fatalf("newest backup %+v", list[0])
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestBackupBeforeMigration: a file from an older version is backed up, as
// it was, before it is upgraded.
func TestBackupBeforeMigration(t *testing.T) {
	if data.SchemaVersion() < 2 {
		t.Skip("one schema version only")
	}
	ctx := context.Background()
	path := filepath.Join(datatest.TempDir(t), "old.db")
	old, err := data.OpenAt(ctx, path, 1)
	if err != nil {
		t.Fatal(err)
	}
	old.Close()
	s, err := data.Open(ctx, path, data.OpenOptions{Actor: "test", NoDailyBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	list, _ := data.ListBackups(path)
	if len(list) != 1 || list[0].Reason != data.ReasonMigrate {
		t.Fatalf("backups %+v", list)
	}
	db, _ := sql.Open("sqlite", datatest.FileURI(list[0].Path, "mode=ro&immutable=1"))
	defer db.Close()
	var v int
	if err := db.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != 1 {
		t.Fatalf("backup holds schema %d, %v; want 1", v, err)
	}
}

// TestRestore restores a backup over a file with a log left by a crash,
// and refuses every file that is not a good backup, changing nothing.
func TestRestore(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(datatest.TempDir(t), "chamber.db")
	s, err := data.Open(ctx, path, data.OpenOptions{Create: true, Actor: "test"})
	if err != nil {
		t.Fatal(err)
	}
	datatest.MustOrg(t, s)
	if _, _, err := s.CreateMember(ctx, data.Member{Kind: data.KindPersonal, Name: "张三"}); err != nil {
		t.Fatal(err)
	}
	good, err := s.BackupBefore(ctx, data.ReasonManual)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.CreateMember(ctx, data.Member{Kind: data.KindPersonal, Name: "李四"}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	t.Run("refused", func(t *testing.T) {
		dir := datatest.TempDir(t)
		text := filepath.Join(dir, "notes.db")
		os.WriteFile(text, []byte("这不是数据库"), 0o600)
		foreign := filepath.Join(dir, "foreign.db")
		fdb, _ := sql.Open("sqlite", foreign)
		fdb.Exec("CREATE TABLE t (x)")
		fdb.Exec("PRAGMA application_id = 1234")
		fdb.Close()
		newer := filepath.Join(dir, "newer.db")
		copyFile(t, good.Path, newer)
		ndb, _ := sql.Open("sqlite", newer)
		ndb.Exec("PRAGMA user_version = 999")
		ndb.Close()
		broken := filepath.Join(dir, "broken.db")
		copyFile(t, good.Path, broken)
		fi, _ := os.Stat(broken)
		junk := make([]byte, 4096)
		for i := range junk {
			junk[i] = byte(i * 31)
		}
		patch(t, broken, fi.Size()-4096, junk)
		for _, c := range []struct{ file, code string }{
			{text, data.CodeNotOurs}, {foreign, data.CodeNotOurs}, {newer, data.CodeNewerSchema},
			{broken, data.CodeDamaged}, {filepath.Join(dir, "missing.db"), ""},
		} {
			before := sideSums(t, path)
			backups, _ := data.ListBackups(path)
			_, err := data.Restore(ctx, path, c.file, nil)
			if err == nil {
				t.Fatalf("%s restored", filepath.Base(c.file))
			}
			if c.code != "" && !data.IsCode(err, c.code) {
				t.Errorf("%s: %v, want %s", filepath.Base(c.file), err, c.code)
			}
			after := sideSums(t, path)
			if after[""] != before[""] || len(after) != len(before) {
				t.Errorf("%s: the data file changed", filepath.Base(c.file))
			}
			if b, _ := data.ListBackups(path); len(b) != len(backups) {
				t.Errorf("%s: a backup was taken for a refused restore", filepath.Base(c.file))
			}
			t.Logf("%s: %v", filepath.Base(c.file), err)
		}
	})

	t.Run("OK over a crashed file", func(t *testing.T) {
		// A log of our own, as a kill leaves it: the restored file must not
		// replay it.
		s, err := data.Open(ctx, path, data.OpenOptions{Actor: "test"})
		if err != nil {
			t.Fatal(err)
		}
		s.DB().Exec("PRAGMA wal_autocheckpoint = 0")
		if _, _, err := s.CreateMember(ctx, data.Member{Kind: data.KindPersonal, Name: "王五"}); err != nil {
			t.Fatal(err)
		}
		crashed := filepath.Join(datatest.TempDir(t), "chamber.db")
		copyFile(t, path, crashed)
		copyFile(t, path+"-wal", crashed+"-wal")
		s.Close()
		saved, err := data.Restore(ctx, crashed, good.Path, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(crashed + "-wal"); err == nil {
			t.Error("the old log is still beside the restored file")
		}
		if got := memberNames(t, crashed); strings.Join(got, ",") != "张三" {
			t.Errorf("restored members %v, want 张三", got)
		}
		if saved.Reason != data.ReasonRestore {
			t.Errorf("the replaced file was kept as %+v", saved)
		}
		if got := memberNames(t, saved.Path); strings.Join(got, ",") != "张三,李四,王五" {
			t.Errorf("the replaced file's backup holds %v", got)
		}
		s2, err := data.Open(ctx, crashed, data.OpenOptions{Actor: "test"})
		if err != nil {
			t.Fatal(err)
		}
		if problems, err := s2.Check(ctx); err != nil || len(problems) > 0 {
			t.Errorf("restored file: %v %v", problems, err)
		}
		s2.Close()
		assertNoTemps(t, filepath.Dir(crashed))
	})

	t.Run("refused while open here", func(t *testing.T) {
		s, err := data.Open(ctx, path, data.OpenOptions{Actor: "test"})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if _, err := data.Restore(ctx, path, good.Path, nil); err == nil {
			t.Fatal("restored under an open store")
		}
	})
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// assertNoTemps fails if a temporary file of the atomic writer is in dir.
func assertNoTemps(t *testing.T, dir string) {
	t.Helper()
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(d.Name(), ".cdtmp") {
			t.Errorf("temporary file left: %s", p)
		}
		return nil
	})
}

// TestFilesArePrivate: the database, its log, the lock and every backup
// are readable by the owner only, in folders only the owner can enter.
func TestFilesArePrivate(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix modes")
	}
	ctx := context.Background()
	dir := filepath.Join(datatest.TempDir(t), "new", "chamberdesk")
	path := filepath.Join(dir, "chamber.db")
	s, err := data.Open(ctx, path, data.OpenOptions{Create: true, Actor: "test"})
	if err != nil {
		t.Fatal(err)
	}
	datatest.MustOrg(t, s)
	b, err := s.BackupBefore(ctx, data.ReasonManual)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(datatest.TempDir(t), "copy.db")
	if err := s.Backup(ctx, out); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]os.FileMode{
		dir: 0o700, data.BackupDir(path): 0o700,
		path: 0o600, path + "-wal": 0o600, path + "-shm": 0o600, path + ".lock": 0o600,
		b.Path: 0o600, out: 0o600,
	} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		if got := fi.Mode().Perm(); got != want {
			t.Errorf("%s: mode %o, want %o", filepath.Base(p), got, want)
		}
	}
	s.Close()
}
