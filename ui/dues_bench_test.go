package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"chamberdesk/data"
)

// BenchmarkDuesScroll10k measures the sheet of 10,000 members: opening the
// screen (load-ms: DuesSheet, filter, first draw) and one scroll step of a
// screenful (ns/op), as the table recycles its cells.
func BenchmarkDuesScroll10k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "big.db")
	ctx := context.Background()
	s, err := data.Create(ctx, path, data.OpenOptions{Actor: "test"}, func(ctx context.Context, s *data.Store) error {
		if _, err := s.SaveOrganization(ctx, data.Organization{Name: "大商会", Type: "镇街商会"}); err != nil {
			return err
		}
		var st []data.DuesStandard
		for i, o := range data.Offices {
			st = append(st, data.DuesStandard{Year: 2026, Office: o, Fen: int64(len(data.Offices)-i) * 50000})
		}
		if err := s.SetDuesStandards(ctx, st); err != nil {
			return err
		}
		var paid []int64
		surnames, given := []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"), []rune("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平")
		trades := []string{"建材", "物流", "生态农业", "电子科技", "机械制造", "食品", "纺织服装", "建筑工程", "商贸", "乡村旅游开发"}
		for i := range 10000 {
			name := string(surnames[i%len(surnames)]) + string(given[i/7%len(given)])
			if i%3 > 0 {
				name += string(given[i/3%len(given)])
			}
			id, _, err := s.CreateMember(ctx, data.Member{Name: name,
				Company:  fmt.Sprintf("江州市安澜区%s%s有限公司", []string{"青禾", "晴川", "润田"}[i%3], trades[i%len(trades)]),
				Office:   data.Offices[min(i%30, len(data.Offices)-1)],
				JoinDate: time.Date(2010+i%16, 3, 1, 0, 0, 0, 0, time.UTC)})
			if err != nil {
				return err
			}
			if i%4 != 0 {
				paid = append(paid, id)
			}
		}
		return s.MarkDuesPaid(ctx, 2026, paid, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), "B-")
	})
	if err != nil {
		b.Fatal(err)
	}
	s.Close()

	a := openTestApp(b, newThreadApp(b), path)
	d := a.screens["dues"].(*duesScreen)
	a.store().Now = func() time.Time { return demoClock }
	start := time.Now()
	a.show("dues")
	a.wait()
	load := time.Since(start)
	if rows(d) != 10000 {
		b.Fatalf("%d rows", rows(d))
	}
	b.ResetTimer()
	row := 0
	for b.Loop() {
		row = (row + 17) % 10000
		d.table.ScrollTo(row)
	}
	b.ReportMetric(float64(load.Microseconds())/1000, "load-ms")
}
