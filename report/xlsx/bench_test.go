package xlsx

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

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
	benchWorkbook(b, 5, "Summary.Write", sum.Write, "bareWorkbook", func(w io.Writer) error { return bareWorkbook(sum, w) })
}

// BenchmarkBareStreamWriter writes the same workbook with excelize alone,
// from the same Summary, inside the timed loop (see bareWorkbook).
func BenchmarkBareStreamWriter(b *testing.B) {
	sum := bigSummary(b)
	benchWorkbook(b, 5, "bareWorkbook", func(w io.Writer) error { return bareWorkbook(sum, w) }, "Summary.Write", sum.Write)
}

// workbooks keeps each writer's output for the other benchmark to compare
// with; benchmarks run one at a time, so it needs no lock.
var workbooks = map[string][]byte{}

// benchWorkbook times write, then checks, outside the timer, that its
// workbook has the same sheets (as many as sheets), cells, styles, widths
// and heights as other's: the ratio of the two means something only if
// they do the same work.
func benchWorkbook(b *testing.B, sheets int, name string, write func(io.Writer) error, otherName string, other func(io.Writer) error) {
	b.ReportAllocs()
	var buf bytes.Buffer
	var first []byte
	for b.Loop() {
		buf.Reset()
		if err := write(&buf); err != nil {
			b.Fatal(err)
		}
		if first == nil {
			b.StopTimer()
			first = bytes.Clone(buf.Bytes())
			b.StartTimer()
		}
	}
	workbooks[name] = first
	want, ok := workbooks[otherName]
	if !ok {
		buf.Reset()
		if err := other(&buf); err != nil {
			b.Fatal(err)
		}
		want = bytes.Clone(buf.Bytes())
		workbooks[otherName] = want
	}
	if err := sameWorkbook(first, want, sheets); err != nil {
		b.Fatalf("%s and %s wrote different workbooks: %v", name, otherName, err)
	}
}

// sameWorkbook compares the parts that hold what a workbook shows: the
// sheets (rows, cells, styles used, widths, heights, page setup), the
// styles and the sheet list. The document properties hold a time stamp.
func sameWorkbook(got, want []byte, wantSheets int) error {
	gz, err := zip.NewReader(bytes.NewReader(got), int64(len(got)))
	if err != nil {
		return err
	}
	wz, err := zip.NewReader(bytes.NewReader(want), int64(len(want)))
	if err != nil {
		return err
	}
	parts := func(z *zip.Reader) (map[string]*zip.File, []string) {
		m := map[string]*zip.File{}
		var names []string
		for _, f := range z.File {
			if strings.HasPrefix(f.Name, "xl/") {
				m[f.Name] = f
				names = append(names, f.Name)
			}
		}
		slices.Sort(names)
		return m, names
	}
	gm, gn := parts(gz)
	wm, wn := parts(wz)
	if !slices.Equal(gn, wn) {
		return fmt.Errorf("parts %v vs %v", gn, wn)
	}
	sheets := 0
	for _, n := range gn {
		g, err := readPart(gm[n])
		if err != nil {
			return err
		}
		w, err := readPart(wm[n])
		if err != nil {
			return err
		}
		rows, cells := bytes.Count(w, []byte("<row ")), bytes.Count(w, []byte("<c "))
		if strings.HasPrefix(n, "xl/worksheets/") {
			sheets++
			if rows < 3 || cells < rows {
				return fmt.Errorf("%s: only %d rows, %d cells", n, rows, cells)
			}
		}
		if bytes.Equal(g, w) {
			continue
		}
		i := 0
		for i < min(len(g), len(w)) && g[i] == w[i] {
			i++
		}
		return fmt.Errorf("%s (%d rows, %d cells vs %d rows, %d cells) differs at byte %d:\n  %s\nvs\n  %s", n,
			bytes.Count(g, []byte("<row ")), bytes.Count(g, []byte("<c ")), rows, cells, i,
			g[max(0, i-80):min(len(g), i+80)], w[max(0, i-80):min(len(w), i+80)])
	}
	if sheets != wantSheets {
		return fmt.Errorf("%d sheets, want %d", sheets, wantSheets)
	}
	return nil
}

func readPart(f *zip.File) ([]byte, error) {
	r, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return io.ReadAll(r)
}
