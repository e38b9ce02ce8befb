package pdf

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"

	"chamberdesk/data"
)

// LedgerDoc is what the year's activity ledger (活动台账) shows.
type LedgerDoc struct {
	Org        data.Organization
	Year       int
	Activities []data.Activity // in the order they happened
	Photos     map[int64]int   // photo count per activity id
	Metrics    map[string]data.Metric
}

// LoadLedger reads a year's activities for the ledger.
func LoadLedger(ctx context.Context, s *data.Store, year int) (LedgerDoc, error) {
	d := LedgerDoc{Year: year}
	if year < 1900 || year > 2100 {
		return d, &data.Error{Code: data.CodeInvalid, Field: "年度", Value: strconv.Itoa(year),
			Msg: "年度不正确", MsgEN: "the year is not valid", Reason: "year out of range"}
	}
	var err error
	if d.Org, err = s.Organization(ctx); err != nil {
		return d, err
	}
	if d.Activities, err = s.Activities(ctx, year); err != nil {
		return d, err
	}
	// The store lists newest first; a ledger reads in the order things happened.
	slices.SortStableFunc(d.Activities, func(a, b data.Activity) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.ID, b.ID))
	})
	if d.Photos, err = s.PhotoCounts(ctx); err != nil {
		return d, err
	}
	d.Metrics, err = metricsByKey(ctx, s)
	return d, err
}

// WriteLedger writes the ledger as a table on A4 landscape pages, the
// header row on every page and the year's totals at the end.
func WriteLedger(w io.Writer, ld LedgerDoc) error {
	title := fmt.Sprintf("%s%d年度活动台账", ld.Org.Name, ld.Year)
	d, err := newDoc("L", title)
	if err != nil {
		return err
	}
	d.left, d.right = 12, 12
	d.center(title, sizeHeading+2)
	d.y += 2
	t := &table{d: d, size: sizeSmall, cols: []cell{
		{text: "序号", w: 12, align: "C"}, {text: "日期", w: 30, align: "C"}, {text: "类型", w: 24, align: "C"},
		{text: "活动名称", w: 66, align: "L"}, {text: "地点", w: 46, align: "L"}, {text: "参与人次", w: 17, align: "R"},
		{text: "成果", w: 64, align: "L"}, {text: "图片数", w: 14, align: "R"},
	}}
	t.start()
	people, photos := 0, 0
	var totals []data.Outcome
	for i, a := range ld.Activities {
		n := ld.Photos[a.ID]
		people += a.PersonTimes()
		photos += n
		totals = addOutcomes(totals, a.Outcomes)
		t.add(strconv.Itoa(i+1), dateRange(a), a.Type, a.Title, a.Place, strconv.Itoa(a.PersonTimes()),
			outcomes(a.Outcomes, ld.Metrics), strconv.Itoa(n))
	}
	t.addCells([]cell{
		{text: fmt.Sprintf("合计：共 %d 场活动", len(ld.Activities)), w: t.span(0, 4), align: "L", fill: true},
		{text: strconv.Itoa(people), w: t.span(5, 5), align: "R", fill: true},
		{text: outcomes(totals, ld.Metrics), w: t.span(6, 6), align: "L", fill: true},
		{text: strconv.Itoa(photos), w: t.span(7, 7), align: "R", fill: true},
	})
	t.end()
	d.footer = func(page, total int) string {
		return fmt.Sprintf("%s　　第 %d 页 共 %d 页", title, page, total)
	}
	return d.finish(w)
}

// addOutcomes adds the figures of os to the running totals, one total per
// metric, in the order metrics first appear.
func addOutcomes(totals, os []data.Outcome) []data.Outcome {
	for _, o := range os {
		i := slices.IndexFunc(totals, func(t data.Outcome) bool { return t.MetricKey == o.MetricKey })
		if i < 0 {
			totals = append(totals, data.Outcome{MetricKey: o.MetricKey})
			i = len(totals) - 1
		}
		totals[i].Value += o.Value
	}
	return totals
}
