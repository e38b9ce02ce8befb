package data_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"chamberdesk/data"
	"chamberdesk/data/datatest"
)

// goodFile builds a closed database with a profile, n members and one
// verified backup, in its own folder.
func goodFile(t *testing.T, name string, n int) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(datatest.TempDir(t), name)
	s, err := data.Open(ctx, path, data.OpenOptions{Create: true, Actor: "test"})
	if err != nil {
		t.Fatal(err)
	}
	datatest.MustOrg(t, s)
	err = s.InTx(ctx, func(ctx context.Context) error {
		for i := range n {
			m := data.Member{Kind: data.KindPersonal, Name: fmt.Sprintf("会员%04d", i),
				Notes: fmt.Sprintf("第%d位会员的备注，写得长一些，让名册占满好几个数据页。", i)}
			if _, _, err := s.CreateMember(ctx, m); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.BackupBefore(ctx, data.ReasonManual); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// sideSums are the checksums of a database and its log, as found.
func sideSums(t *testing.T, path string) map[string][32]byte {
	t.Helper()
	out := map[string][32]byte{}
	for _, side := range []string{"", "-wal"} {
		b, err := os.ReadFile(path + side)
		if err == nil {
			out[side] = sha256.Sum256(b)
		}
	}
	return out
}

// fileSides are every file a database path stands for: the file itself,
// SQLite's log, its shared-memory index and rollback journal, and the
// lock file the program keeps beside a file it has open.
var fileSides = []string{"", "-wal", "-shm", "-journal", ".lock"}

// allSums are the checksums of every side of the database at path that
// exists.
func allSums(t *testing.T, path string) map[string][32]byte {
	t.Helper()
	out := map[string][32]byte{}
	for _, side := range fileSides {
		b, err := os.ReadFile(path + side)
		switch {
		case err == nil:
			out[side] = sha256.Sum256(b)
		case !errors.Is(err, os.ErrNotExist):
			t.Fatal(err)
		}
	}
	return out
}

// tablePage finds a page in the middle of the members table's b-tree.
func tablePage(t *testing.T, path string) (page, pageSize int64) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.QueryRow("PRAGMA page_size").Scan(&pageSize); err != nil {
		t.Fatal(err)
	}
	var pages []int64
	rows, err := db.Query("SELECT pageno FROM dbstat WHERE name = 'members' AND pagetype = 'leaf' ORDER BY pageno")
	if err != nil {
		t.Fatalf("dbstat: %v", err)
	}
	defer rows.Close()
	for rows.Next() {
		var p int64
		if err := rows.Scan(&p); err != nil {
			t.Fatal(err)
		}
		pages = append(pages, p)
	}
	if len(pages) < 3 {
		t.Fatalf("members table spans only %d leaf pages", len(pages))
	}
	return pages[len(pages)/2], pageSize
}

func patch(t *testing.T, path string, off int64, b []byte) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteAt(b, off); err != nil {
		t.Fatal(err)
	}
}

// TestDamagedFilesRefused damages a good file in the ways files get damaged
// on office PCs and USB sticks, and checks each is detected before anything
// is written, with the newest good backup offered.
func TestDamagedFilesRefused(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name   string
		damage func(t *testing.T, path string)
	}{
		{"header magic flipped", func(t *testing.T, path string) { patch(t, path, 0, []byte{'s' ^ 0xFF, 'Q' ^ 0xFF}) }},
		{"header page size flipped", func(t *testing.T, path string) { patch(t, path, 16, []byte{0x00, 0x03}) }},
		{"header payload fractions flipped", func(t *testing.T, path string) { patch(t, path, 21, []byte{0xFF, 0xFF, 0xFF}) }},
		{"header application id flipped", func(t *testing.T, path string) { patch(t, path, 68, []byte{0xBC}) }},
		{"truncated to half", func(t *testing.T, path string) {
			fi, _ := os.Stat(path)
			if err := os.Truncate(path, fi.Size()/2); err != nil {
				t.Fatal(err)
			}
		}},
		{"last page cut short", func(t *testing.T, path string) {
			fi, _ := os.Stat(path)
			if err := os.Truncate(path, fi.Size()-100); err != nil {
				t.Fatal(err)
			}
		}},
		{"garbage page in the members table", func(t *testing.T, path string) {
			page, size := tablePage(t, path)
			junk := make([]byte, size)
			for i := range junk {
				junk[i] = byte(i*7 + 13)
			}
			patch(t, path, (page-1)*size, junk)
		}},
		{"stray log of another database", func(t *testing.T, path string) {
			other := goodFile(t, "other.db", 40)
			s, err := data.Open(ctx, other, data.OpenOptions{Actor: "test"})
			if err != nil {
				t.Fatal(err)
			}
			db := s.DB()
			if _, err := db.Exec("PRAGMA wal_autocheckpoint = 0"); err != nil {
				t.Fatal(err)
			}
			for i := range 60 {
				if _, _, err := s.CreateMember(ctx, data.Member{Kind: data.KindPersonal, Name: fmt.Sprintf("外来%d", i)}); err != nil {
					t.Fatal(err)
				}
			}
			wal, err := os.ReadFile(other + "-wal")
			if err != nil || len(wal) == 0 {
				t.Fatalf("no log to copy: %d bytes, %v", len(wal), err)
			}
			s.Close()
			if err := os.WriteFile(path+"-wal", wal, 0o600); err != nil {
				t.Fatal(err)
			}
		}},
	}
	// Each fixture must be refused as damaged by both Open and Inspect.
	// Counted rather than left to the subtests, so that a fixture dropped
	// from the table, or one that stops being detected, fails here by name.
	const wantFixtures = 8
	if len(cases) != wantFixtures {
		t.Errorf("%d damaged fixtures in the table, want %d", len(cases), wantFixtures)
	}
	var undetected []string
	for _, c := range cases {
		found := false
		t.Run(c.name, func(t *testing.T) {
			path := goodFile(t, "chamber.db", 300)
			// A damaged file usually arrives without the lock file (copied
			// from a USB stick or a mail): then refusing it must not create
			// one, nor any other side file.
			if err := os.Remove(path + ".lock"); err != nil {
				t.Fatal(err)
			}
			c.damage(t, path)
			before := allSums(t, path)
			_, inspectErr := data.Inspect(ctx, path)
			s, err := data.Open(ctx, path, data.OpenOptions{Actor: "test"})
			if err == nil {
				s.Close()
			}
			found = inspectErr != nil && data.IsCode(err, data.CodeDamaged)
			switch {
			case err == nil:
				t.Error("a damaged file opened")
			case !data.IsCode(err, data.CodeDamaged):
				t.Errorf("Open: %v, want code %s", err, data.CodeDamaged)
			default:
				t.Logf("refused: %s", err)
			}
			if inspectErr == nil {
				t.Error("Inspect passed a damaged file")
			}
			if b, ok := data.OfferedBackup(err); !ok || filepath.Dir(b.Path) != data.BackupDir(path) {
				t.Errorf("no backup offered: %v", err)
			} else if err := data.VerifyFile(ctx, b.Path); err != nil {
				t.Errorf("offered backup fails its check: %v", err)
			}
			after := allSums(t, path)
			for _, side := range fileSides {
				b, had := before[side]
				a, has := after[side]
				switch {
				case had && !has:
					t.Errorf("%q was removed", "chamber.db"+side)
				case !had && has:
					t.Errorf("%q was created", "chamber.db"+side)
				case had && a != b:
					t.Errorf("%q changed", "chamber.db"+side)
				}
			}
		})
		if !found {
			undetected = append(undetected, c.name)
		}
	}
	if len(undetected) > 0 {
		t.Errorf("%d of %d damaged fixtures detected; not detected: %q",
			len(cases)-len(undetected), len(cases), undetected)
	}

	t.Run("control: the undamaged file opens", func(t *testing.T) {
		path := goodFile(t, "chamber.db", 300)
		s, err := data.Open(ctx, path, data.OpenOptions{Actor: "test"})
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
	})
}

// TestOwnLogAfterCrashOpens is the other side of the stray-log check: the
// log a killed program leaves beside its own file is folded in, not refused.
func TestOwnLogAfterCrashOpens(t *testing.T) {
	ctx := context.Background()
	path := goodFile(t, "chamber.db", 300)
	s, err := data.Open(ctx, path, data.OpenOptions{Actor: "test"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.DB().Exec("PRAGMA wal_autocheckpoint = 0"); err != nil {
		t.Fatal(err)
	}
	for i := range 20 {
		if _, _, err := s.CreateMember(ctx, data.Member{Kind: data.KindPersonal, Name: fmt.Sprintf("新会员%d", i)}); err != nil {
			t.Fatal(err)
		}
	}
	// What a kill leaves: the file as last checkpointed, and the log.
	crashed := filepath.Join(datatest.TempDir(t), "chamber.db")
	for _, side := range []string{"", "-wal"} {
		b, err := os.ReadFile(path + side)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(crashed+side, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	s2, err := data.Open(ctx, crashed, data.OpenOptions{Actor: "test"})
	if err != nil {
		t.Fatalf("own log refused: %v", err)
	}
	defer s2.Close()
	var n int
	if err := s2.DB().QueryRow("SELECT count(*) FROM members").Scan(&n); err != nil || n != 320 {
		t.Fatalf("members %d, %v; want 320", n, err)
	}
}
