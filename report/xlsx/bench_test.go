package xlsx

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"chamberdesk/data"
)

const (
	benchYear       = 2026
	benchMembers    = 10_000
	benchActivities = 50_000
)

var (
	bigOnce sync.Once
	bigSum  *Summary
	bigErr  error
)

// bigSummary builds, once per test binary, a chamber with 10,000 members
// and 50,000 activities in one year, and loads its annual workbook.
func bigSummary(b *testing.B) *Summary {
	b.Helper()
	bigOnce.Do(func() {
		dir, err := os.MkdirTemp("", "chamberdesk-bench-")
		if err != nil {
			bigErr = err
			return
		}
		defer os.RemoveAll(dir)
		ctx := context.Background()
		start := time.Now()
		st, err := data.Create(ctx, filepath.Join(dir, "big.db"), data.OpenOptions{}, fillBig)
		if err != nil {
			bigErr = err
			return
		}
		defer st.Close()
		bigSum, bigErr = LoadSummary(ctx, st, benchYear)
		b.Logf("fixture: %d members, %d activities built and loaded in %v",
			len(bigSum.Members), len(bigSum.Activities), time.Since(start).Round(time.Millisecond))
	})
	if bigErr != nil {
		b.Fatal(bigErr)
	}
	return bigSum
}

func fillBig(ctx context.Context, st *data.Store) error {
	if _, err := st.SaveOrganization(ctx, data.Organization{Name: "江州市安澜区测试镇商会", Type: "镇街商会"}); err != nil {
		return err
	}
	types, err := st.ActivityTypes(ctx)
	if err != nil {
		return err
	}
	return st.InTx(ctx, func(ctx context.Context) error {
		ids := make([]int64, 0, benchMembers)
		for i := range benchMembers {
			id, _, err := st.CreateMember(ctx, data.Member{
				Kind: data.KindUnit, Name: fmt.Sprintf("会员%05d", i), Company: fmt.Sprintf("江州市安澜区测试%05d商贸有限公司", i),
				Phone: fmt.Sprintf("138%08d", i), Office: data.Offices[i%len(data.Offices)], Industry: "商贸物流",
				JoinDate: time.Date(2012+i%14, time.Month(1+i%12), 1+i%28, 0, 0, 0, 0, time.UTC),
				Notes:    "测试会员",
			})
			if err != nil {
				return err
			}
			ids = append(ids, id)
		}
		for i := range benchActivities {
			a := data.Activity{
				Title: fmt.Sprintf("第%d次测试活动", i+1), Type: types[i%len(types)],
				Date:  time.Date(benchYear, time.Month(1+i%12), 1+i%28, 0, 0, 0, 0, time.UTC),
				Place: "商会会议室", Organizer: "测试镇商会", OutsideCount: i % 7,
				Attendees: []int64{ids[i%benchMembers], ids[(i*7+1)%benchMembers], ids[(i*13+2)%benchMembers]},
			}
			if i%5 == 0 {
				a.Outcomes = []data.Outcome{{MetricKey: "projects_signed", Value: 2}, {MetricKey: "investment", Value: 1.2}}
			}
			if _, err := st.CreateActivity(ctx, a); err != nil {
				return err
			}
		}
		return nil
	})
}

// BenchmarkSummaryWorkbook writes the annual workbook of the big chamber:
// tables built from the domain values, styles, widths, page setup.
func BenchmarkSummaryWorkbook(b *testing.B) {
	sum := bigSummary(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := sum.Write(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBareStreamWriter writes the same rows and columns with a bare
// excelize StreamWriter: no title, styles, widths or page setup. The values
// are prepared outside the timed loop.
func BenchmarkBareStreamWriter(b *testing.B) {
	tables := bigSummary(b).tables()
	b.ReportAllocs()
	for b.Loop() {
		f := excelize.NewFile()
		for i, t := range tables {
			if i == 0 {
				_ = f.SetSheetName("Sheet1", t.sheet)
			} else if _, err := f.NewSheet(t.sheet); err != nil {
				b.Fatal(err)
			}
			sw, err := f.NewStreamWriter(t.sheet)
			if err != nil {
				b.Fatal(err)
			}
			row := make([]any, len(t.cols))
			for j, c := range t.cols {
				row[j] = c.header
			}
			if err := sw.SetRow("A1", row); err != nil {
				b.Fatal(err)
			}
			for r, vals := range t.rows {
				cell, _ := excelize.CoordinatesToCellName(1, r+2)
				if err := sw.SetRow(cell, vals); err != nil {
					b.Fatal(err)
				}
			}
			if err := sw.Flush(); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := f.WriteTo(io.Discard); err != nil {
			b.Fatal(err)
		}
		_ = f.Close()
	}
}
