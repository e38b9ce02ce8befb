package pdf

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"

	"chamberdesk/data"
)

// dateRange writes an activity's date as documents do: "2026年3月5日", or
// for several days "2026年3月5日至7日", "2026年3月30日至4月1日".
func dateRange(a data.Activity) string {
	from := data.FormatDateCN(a.Date)
	if a.EndDate.IsZero() || !a.EndDate.After(a.Date) {
		return from
	}
	e := a.EndDate
	switch {
	case e.Year() != a.Date.Year():
		return from + "至" + data.FormatDateCN(e)
	case e.Month() != a.Date.Month():
		return fmt.Sprintf("%s至%d月%d日", from, int(e.Month()), e.Day())
	}
	return fmt.Sprintf("%s至%d日", from, e.Day())
}

// number writes a figure without float noise: 1.2, 3, 0.35.
func number(v float64) string {
	return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
}

// outcome writes one figure as "签约项目数 3个".
func outcome(o data.Outcome, metrics map[string]data.Metric) string {
	m, ok := metrics[o.MetricKey]
	if !ok {
		m = data.Metric{Name: o.MetricKey}
	}
	return m.Name + " " + number(o.Value) + m.Unit
}

// outcomes writes an activity's figures on one line, "；" between them.
func outcomes(os []data.Outcome, metrics map[string]data.Metric) string {
	parts := make([]string, len(os))
	for i, o := range os {
		parts[i] = outcome(o, metrics)
	}
	return strings.Join(parts, "；")
}

// personTimes writes the 参与人次 sum in full: "12名会员 + 30人次 = 42人次".
func personTimes(a data.Activity) string {
	if len(a.Attendees) == 0 {
		return fmt.Sprintf("%d人次", a.OutsideCount)
	}
	if a.OutsideCount == 0 {
		return fmt.Sprintf("%d名会员 = %d人次", len(a.Attendees), a.PersonTimes())
	}
	return fmt.Sprintf("%d名会员 + %d人次 = %d人次", len(a.Attendees), a.OutsideCount, a.PersonTimes())
}

func metricsByKey(ctx context.Context, s *data.Store) (map[string]data.Metric, error) {
	ms, err := s.Metrics(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[string]data.Metric, len(ms))
	for _, m := range ms {
		out[m.Key] = m
	}
	return out, nil
}

// attendees picks the activity's members out of the roster, in roster
// order (by office, then name).
func attendees(roster []data.Member, ids []int64) []data.Member {
	want := make(map[int64]bool, len(ids))
	for _, id := range ids {
		want[id] = true
	}
	var out []data.Member
	for _, m := range roster {
		if want[m.ID] {
			out = append(out, m)
		}
	}
	return out
}

// photosOf lists an activity's stored photos with their files.
func photosOf(ctx context.Context, s *data.Store, activityID int64) ([]Photo, error) {
	as, err := s.Photos(ctx, activityID)
	if err != nil {
		return nil, err
	}
	out := make([]Photo, len(as))
	for i, a := range as {
		out[i] = Photo{Path: s.AttachmentPath(a), Caption: a.Caption}
	}
	return out, nil
}

// pageHeader writes the organization's name and the kind of document above
// a rule at the top of the first page.
func (d *doc) pageHeader(org, kind string) {
	d.setSize(sizeSmall)
	d.pdf.SetTextColor(90, 90, 90)
	d.text(d.left, d.y, d.width(), d.lineH(), org, "L")
	d.text(d.left, d.y, d.width(), d.lineH(), kind, "R")
	d.pdf.SetTextColor(0, 0, 0)
	d.y += d.lineH() + 0.5
	d.rule()
	d.y += 3
	d.setSize(sizeBody)
}
