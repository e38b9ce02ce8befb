package data_test

import (
	"context"
	"path/filepath"
	"testing"

	"chamberdesk/data"
	"chamberdesk/data/datatest"
)

// TestImportBacksUpFirst: an import that changes members leaves the file as
// it was in the backups folder; a dry run or an import that changes nothing
// takes no backup.
func TestImportBacksUpFirst(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(datatest.TempDir(t), "b.db")
	s := datatest.MustOpenPath(t, path)
	imports := func() int {
		list, err := data.ListBackups(path)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, b := range list {
			if b.Reason == data.ReasonImport {
				n++
			}
		}
		return n
	}
	rows := []data.ImportRow{{File: "名册.xlsx", Row: 2, Cols: map[string]string{data.ColName: "A", data.ColCompany: "B"},
		Name: "甲", Company: "甲公司"}}
	if _, err := s.ImportMembers(ctx, rows, true); err != nil || imports() != 0 {
		t.Fatalf("dry run: err %v, %d import backups", err, imports())
	}
	if rep, err := s.ImportMembers(ctx, rows, false); err != nil || rep.Added != 1 || imports() != 1 {
		t.Fatalf("import: %+v err %v, %d import backups", rep, err, imports())
	}
	if rep, err := s.ImportMembers(ctx, rows, false); err != nil || rep.Unchanged != 1 || imports() != 1 {
		t.Fatalf("unchanged re-import: %+v err %v, %d import backups", rep, err, imports())
	}
}
