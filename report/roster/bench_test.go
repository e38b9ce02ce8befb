package roster_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/xuri/excelize/v2"

	"chamberdesk/data/datatest"
	"chamberdesk/report/roster"
)

// roster10k is the 10,000-member roster of benchMembers, before its edits.
func roster10k(tb testing.TB) []byte {
	tb.Helper()
	return cachedRoster(tb, false)
}

// BenchmarkBareExcelizeRead10k is the floor of reading: excelize streaming
// the rows into [][]string and nothing else.
func BenchmarkBareExcelizeRead10k(b *testing.B) {
	file := roster10k(b)
	b.ResetTimer()
	for b.Loop() {
		f, err := excelize.OpenReader(bytes.NewReader(file))
		if err != nil {
			b.Fatal(err)
		}
		rows, err := f.Rows("Sheet1")
		if err != nil {
			b.Fatal(err)
		}
		var out [][]string
		for rows.Next() {
			cols, err := rows.Columns()
			if err != nil {
				b.Fatal(err)
			}
			out = append(out, cols)
		}
		rows.Close()
		f.Close()
		if len(out) != benchRows+2 {
			b.Fatalf("%d rows", len(out))
		}
	}
}

// BenchmarkImport10k: ReadRoster is roster.Read alone (compare with the bare
// read); ReadValidate adds validation and matching, writing nothing (the
// import dialog's preview), and has no bare counterpart. New and Reimport
// are whole imports, file to committed store, each compared with
// BenchmarkBareImport10k of the same name.
func BenchmarkImport10k(b *testing.B) {
	file := roster10k(b)
	read := func(b *testing.B) *roster.Roster {
		r, err := roster.Read(bytes.NewReader(file), int64(len(file)), "bench.xlsx", roster.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if len(r.Rows) != benchRows {
			b.Fatalf("read %d rows, want %d", len(r.Rows), benchRows)
		}
		return r
	}
	b.Run("ReadRoster", func(b *testing.B) {
		for b.Loop() {
			read(b)
		}
	})
	b.Run("ReadValidate", func(b *testing.B) {
		s := datatest.MustOpen(b)
		for b.Loop() {
			rep, err := s.ImportMembers(context.Background(), read(b).Rows, true)
			if err != nil {
				b.Fatal(err)
			}
			if rep.Added != benchRows {
				b.Fatalf("dry run would add %d, want %d", rep.Added, benchRows)
			}
		}
	})
	b.Run("New", func(b *testing.B) { benchImport(b, newCase(b), ours, bare) })
	b.Run("Reimport", func(b *testing.B) { benchImport(b, reimportCase(b), ours, bare) })
}

// BenchmarkBareImport10k does the imports of BenchmarkImport10k by hand;
// bareImporter says what it does and leaves out.
func BenchmarkBareImport10k(b *testing.B) {
	b.Run("New", func(b *testing.B) { benchImport(b, newCase(b), bare, ours) })
	b.Run("Reimport", func(b *testing.B) { benchImport(b, reimportCase(b), bare, ours) })
}

// benchImport times imp importing c.file into a fresh copy of c.start, one
// copy per iteration. After each iteration, outside the timer, it checks
// the counts imp reports and that the database holds exactly what other
// leaves after the same import, so the two figures stay comparable.
func benchImport(b *testing.B, c importCase, imp, other importerKind) {
	ctx := context.Background()
	want := runOnce(b, c, other).stored
	for b.Loop() {
		b.StopTimer()
		path := writeCopy(b, datatest.TempDir(b), c.start)
		x := imp.open(b, path)
		b.StartTimer()
		got, err := x.run(ctx, c.file)
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		if got != c.want {
			b.Fatalf("%s %s: %+v, want %+v", imp, c.name, got, c.want)
		}
		st := readStored(b, x.db(), path)
		x.close()
		if d := diffStored(st, want); d != "" {
			b.Fatalf("%s %s stored other data than %s: %s", imp, c.name, other, d)
		}
		b.StartTimer()
	}
}
