package roster_test

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/xuri/excelize/v2"

	"chamberdesk/data/datatest"
	"chamberdesk/report/roster"
)

// roster10k is a 10,000-row roster with a title row, dates as serials and
// phones as numbers, written once with the StreamWriter.
func roster10k(tb testing.TB) []byte {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		tb.Fatal(err)
	}
	must := func(err error) {
		if err != nil {
			tb.Fatal(err)
		}
	}
	must(sw.SetRow("A1", []any{"某镇商会会员名册"}))
	must(sw.SetRow("A2", []any{"序号", "姓名", "企业名称", "联系电话", "商会职务", "入会日期", "所属行业", "备注"}))
	for i := 0; i < 10000; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i+3)
		must(sw.SetRow(cell, []any{i + 1, fmt.Sprintf("会员%05d", i), fmt.Sprintf("示例企业%05d有限公司", i),
			13800000000 + i, "会员", 40000 + i%5000, "制造业", ""}))
	}
	must(sw.Flush())
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkBareExcelizeRead10k is the floor: excelize streaming the rows
// into [][]string and nothing else.
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
		if len(out) != 10002 {
			b.Fatalf("%d rows", len(out))
		}
	}
}

// BenchmarkImport10k: ReadRoster is roster.Read alone (compare with the bare
// read); ReadValidate adds validation and matching (a dry run); Write is a
// full import into a fresh store.
func BenchmarkImport10k(b *testing.B) {
	file := roster10k(b)
	read := func(b *testing.B) *roster.Roster {
		r, err := roster.Read(bytes.NewReader(file), int64(len(file)), "bench.xlsx", roster.Options{})
		if err != nil || len(r.Rows) != 10000 {
			b.Fatal(err)
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
			if err != nil || rep.Added != 10000 {
				b.Fatal(err)
			}
		}
	})
	b.Run("Write", func(b *testing.B) {
		r := read(b)
		for b.Loop() {
			b.StopTimer()
			s := datatest.MustOpen(b)
			b.StartTimer()
			rep, err := s.ImportMembers(context.Background(), r.Rows, false)
			if err != nil || rep.Added != 10000 {
				b.Fatal(err)
			}
		}
	})
}
