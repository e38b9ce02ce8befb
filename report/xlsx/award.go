package xlsx

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"chamberdesk/data"
)

// AwardRow is one line of the 申报汇总表.
type AwardRow struct {
	Unit, UnitType, Title, Level, Region, Recommender string
	Contact, ContactOffice, ContactPhone              string
	Lead, Results                                     string
}

// AwardRows builds the summary rows of a year's cases.
func AwardRows(ctx context.Context, s *data.Store, year int) ([]AwardRow, data.Organization, error) {
	org, err := s.Organization(ctx)
	if err != nil {
		return nil, org, err
	}
	list, err := s.Cases(ctx)
	if err != nil {
		return nil, org, err
	}
	metrics, err := s.Metrics(ctx)
	if err != nil {
		return nil, org, err
	}
	names := make(map[string]string, len(metrics))
	for _, m := range metrics {
		names[m.Key] = m.Name
	}
	var rows []AwardRow
	for _, c := range list {
		if c.Year != year {
			continue
		}
		// Cases lists without figures; the case itself has them.
		full, err := s.Case(ctx, c.ID)
		if err != nil {
			return nil, org, err
		}
		rec := full.Recommender
		if rec == "" {
			rec = org.ParentFederation
		}
		rows = append(rows, AwardRow{
			Unit: org.Name, UnitType: org.Type, Title: full.Title, Level: full.Level,
			Region: org.Region, Recommender: rec,
			Contact: full.ContactPerson, ContactOffice: full.ContactOffice,
			// A contact phone is a work contact the award office calls: as entered.
			ContactPhone: full.ContactPhone,
			Lead:         strings.TrimSpace(full.Lead), Results: mainResults(full, names),
		})
	}
	return rows, org, nil
}

// mainResults states a case's results the way the table asks: its figures
// in their official phrasing, or, for a case without figures, the first
// paragraph of its results text. A phrasing is the figure alone ("12期"),
// so the metric's name goes before it ("办班期数12期"); a figure typed by
// hand has no metric and stands as written.
func mainResults(c data.Case, names map[string]string) string {
	var parts []string
	for _, f := range c.Figures {
		p := strings.TrimSpace(f.Phrasing)
		if p == "" {
			p = strconv.FormatFloat(f.Value, 'f', -1, 64) + f.Unit
		}
		if name := lead(names[f.MetricKey], f.Unit); name != "" && !strings.HasPrefix(p, name) {
			p = name + p
		}
		parts = append(parts, p)
	}
	if len(parts) > 0 {
		return strings.Join(parts, "；")
	}
	for _, para := range strings.Split(c.Results, "\n") {
		if p := strings.TrimSpace(para); p != "" {
			return p
		}
	}
	return ""
}

// lead turns a metric's name into the words before its figure, the way a
// case states it: the unit is said once, after the number, so "红色教育参与
// 人次" + "110余人次" reads "红色教育参与110余人次" and "办班期数" + "12期"
// reads "办班12期".
func lead(name, unit string) string {
	for _, tail := range []string{unit + "数", unit, "数"} {
		if tail != "" && tail != name && strings.HasSuffix(name, tail) {
			return strings.TrimSuffix(name, tail)
		}
	}
	return name
}

// WriteAwardSummary writes the award submission summary table of a year.
func WriteAwardSummary(ctx context.Context, s *data.Store, year int, w io.Writer) (int, error) {
	rows, org, err := AwardRows(ctx, s, year)
	if err != nil {
		return 0, err
	}
	title := fmt.Sprintf("%s%d年“创新中国”案例申报汇总表", org.Name, year)
	t := newTable("申报汇总表", title, true,
		column{"序号", kInt}, column{"申报单位", kWrap}, column{"单位类别", kText}, column{"案例名称", kWrap},
		column{"申报等次", kText}, column{"所在地区", kText}, column{"推荐单位", kWrap}, column{"联系人", kText},
		column{"职务", kText}, column{"联系电话", kText}, column{"案例简介", kWrap}, column{"主要成效", kWrap})
	for i, r := range rows {
		t.add(i+1, r.Unit, r.UnitType, r.Title, r.Level, r.Region, r.Recommender,
			r.Contact, r.ContactOffice, r.ContactPhone, r.Lead, r.Results)
	}
	// Long texts would make every column 50 wide; narrower columns with
	// wrapping keep the table on a landscape page.
	for i, c := range t.cols {
		if c.kind == kWrap {
			t.widths[i] = min(t.widths[i], 28)
		}
	}
	t.widths[10], t.widths[11] = max(t.widths[10], 40), max(t.widths[11], 40)
	b, err := newBook(title)
	if err != nil {
		return 0, err
	}
	defer b.close()
	if err := b.write(t); err != nil {
		return 0, err
	}
	return len(rows), b.finish(w)
}
