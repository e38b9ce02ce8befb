package xlsx

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"chamberdesk/data"
)

// This file holds the workbooks of a case submission package (its summary
// row and the evidence ledger) and the federation's combined list of the
// packages it received.

// CaseAwardRow is the 申报汇总表 row of one case, built by the rules
// AwardRows applies to a year's cases.
func CaseAwardRow(ctx context.Context, s *data.Store, c data.Case) (AwardRow, data.Organization, error) {
	org, err := s.Organization(ctx)
	if err != nil {
		return AwardRow{}, org, err
	}
	metrics, err := s.Metrics(ctx)
	if err != nil {
		return AwardRow{}, org, err
	}
	names := make(map[string]string, len(metrics))
	for _, m := range metrics {
		names[m.Key] = m.Name
	}
	rec := c.Recommender
	if rec == "" {
		rec = org.ParentFederation
	}
	return AwardRow{
		Unit: org.Name, UnitType: org.Type, Title: c.Title, Level: c.Level, Region: org.Region,
		Recommender: rec, Contact: c.ContactPerson, ContactOffice: c.ContactOffice, ContactPhone: c.ContactPhone,
		Lead: strings.TrimSpace(c.Lead), Results: mainResults(c, names),
	}, org, nil
}

// WriteCaseAwardSummary writes the 申报汇总表 of one case, laid out as
// WriteAwardSummary lays out a year's.
func WriteCaseAwardSummary(ctx context.Context, s *data.Store, c data.Case, w io.Writer) error {
	r, org, err := CaseAwardRow(ctx, s, c)
	if err != nil {
		return err
	}
	title := fmt.Sprintf("%s%d年“创新中国”案例申报汇总表", org.Name, c.Year)
	t := newTable("申报汇总表", title, true,
		column{"序号", kInt}, column{"申报单位", kWrap}, column{"单位类别", kText}, column{"案例名称", kWrap},
		column{"申报等次", kText}, column{"所在地区", kText}, column{"推荐单位", kWrap}, column{"联系人", kText},
		column{"职务", kText}, column{"联系电话", kText}, column{"案例简介", kWrap}, column{"主要成效", kWrap})
	t.add(1, r.Unit, r.UnitType, r.Title, r.Level, r.Region, r.Recommender,
		r.Contact, r.ContactOffice, r.ContactPhone, r.Lead, r.Results)
	for i, c := range t.cols {
		if c.kind == kWrap {
			t.widths[i] = min(t.widths[i], 28)
		}
	}
	t.widths[10], t.widths[11] = max(t.widths[10], 40), max(t.widths[11], 40)
	return writeTables(title, w, t)
}

func writeTables(title string, w io.Writer, ts ...*table) error {
	b, err := newBook(title)
	if err != nil {
		return err
	}
	defer b.close()
	for _, t := range ts {
		if err := b.write(t); err != nil {
			return err
		}
	}
	return b.finish(w)
}

// Evidence is what backs a case: the activities linked to it and, for
// each figure it quotes, the records that give that figure now.
type Evidence struct {
	Org        data.Organization
	Case       data.Case
	Activities []data.Activity // in date order
	Photos     map[int64]int
	Metrics    map[string]data.Metric
	Figures    []EvidenceFigure
}

// EvidenceFigure is one figure of a case checked against the records.
type EvidenceFigure struct {
	data.CaseFigure
	Name    string  // the metric's name; "" for a figure typed by hand
	State   string  // data.FigureChecked, FigureStale, FigureUntraced or FigureMissing
	Current float64 // what the records give now
	Source  string  // how the records give the figure
	Records []EvidenceRecord
}

// Stale reports whether the records no longer give the quoted value (or
// its metric is gone).
func (f EvidenceFigure) Stale() bool {
	return f.State == data.FigureStale || f.State == data.FigureMissing
}

// EvidenceRecord is one record behind a figure, in one year of its span.
type EvidenceRecord struct {
	Year int
	data.Contribution
}

// Years is the figure's span, e.g. "2025—2026年".
func (f EvidenceFigure) Years() string {
	from, to := f.YearFrom, f.YearTo
	if from == 0 || from == to {
		return fmt.Sprintf("%d年", to)
	}
	return fmt.Sprintf("%d—%d年", from, to)
}

// Status says in words whether the figure is traced and still true.
func (f EvidenceFigure) Status() string {
	s := data.FigureStateNames[f.State]
	if f.State == data.FigureStale {
		s += "，记录现为" + number(f.Current) + f.Unit
	}
	return s
}

// maxFigureYears bounds the span whose records are listed, so a mistyped
// year cannot make the ledger walk centuries.
const maxFigureYears = 30

// LoadEvidence reads what backs a case.
func LoadEvidence(ctx context.Context, s *data.Store, c data.Case) (*Evidence, error) {
	e := &Evidence{Case: c}
	var err error
	if e.Org, err = s.Organization(ctx); err != nil {
		return nil, err
	}
	for _, id := range c.ActivityIDs {
		a, err := s.Activity(ctx, id)
		if err != nil {
			return nil, err
		}
		e.Activities = append(e.Activities, a)
	}
	if e.Photos, e.Metrics, err = ledgerBasics(ctx, s, e.Activities); err != nil {
		return nil, err
	}
	states, err := s.CaseFigureStatus(ctx, c)
	if err != nil {
		return nil, err
	}
	for _, st := range states {
		ef := EvidenceFigure{CaseFigure: st.Figure, Name: st.Metric, State: st.State, Current: st.Current}
		if ef.YearTo == 0 {
			ef.YearTo = c.Year // a figure without years is the case year's, as the check takes it
		}
		switch st.State {
		case data.FigureUntraced:
			ef.Source = "手工填写"
		case data.FigureMissing:
			ef.Name, ef.Source = "", "指标“"+st.Figure.MetricKey+"”已删除"
		default:
			if err := e.records(ctx, s, &ef); err != nil {
				return nil, err
			}
		}
		e.Figures = append(e.Figures, ef)
	}
	return e, nil
}

// records lists the records behind a traced figure, year by year over the
// years data.FigureValue adds up: only the last one for a stock at year
// end (会员数), every year of the span otherwise.
func (e *Evidence) records(ctx context.Context, s *data.Store, ef *EvidenceFigure) error {
	from, to := ef.YearFrom, ef.YearTo
	if from > to {
		from, to = to, from
	}
	if from == 0 || to-from >= maxFigureYears || strings.HasSuffix(e.Metrics[ef.MetricKey].Rule, "_at_year_end") {
		from = to
	}
	var sources []string
	for y := from; y <= to; y++ {
		fig, contribs, err := s.Explain(ctx, y, ef.MetricKey)
		if err != nil {
			return err
		}
		src := fig.Source
		if from != to && !strings.Contains(src, strconv.Itoa(y)) {
			src = fmt.Sprintf("%d年%s", y, src)
		}
		sources = append(sources, src)
		for _, c := range contribs {
			ef.Records = append(ef.Records, EvidenceRecord{Year: y, Contribution: c})
		}
	}
	ef.Source = strings.Join(sources, "；")
	return nil
}

func number(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// Write writes the evidence ledger: 活动台账 (the linked activities), 案例数据
// (each figure with its exact value, phrasing and source) and 数据明细 (the
// records behind each figure).
func (e *Evidence) Write(w io.Writer) error {
	sum := &Summary{Org: e.Org, Year: e.Case.Year, Activities: e.Activities, Photos: e.Photos, Metrics: e.Metrics}
	ledger := sum.ledger()
	ledger.title = e.Org.Name + "案例关联活动台账"
	title := e.Org.Name + "“创新中国”案例佐证材料"
	return writeTables(title, w, ledger, e.figureTable(), e.recordTable())
}

func (e *Evidence) figureTable() *table {
	t := newTable("案例数据", e.Org.Name+"案例引用数据及来源", true,
		column{"序号", kInt}, column{"指标", kText}, column{"年度", kText}, column{"精确值", kNum},
		column{"单位", kText}, column{"文中表述", kText}, column{"所在部分", kText}, column{"来源", kWrap},
		column{"核对结果", kWrap}, column{"记录条数", kInt})
	for i, f := range e.Figures {
		name := f.Name
		if name == "" {
			name = "（手工填写）"
		}
		t.add(i+1, name, f.Years(), f.Value, f.Unit, f.Phrasing, data.SectionNames[f.Section], f.Source,
			f.Status(), len(f.Records))
	}
	return t
}

var recordKinds = map[string]string{"member": "会员", "activity": "活动", "manual": "手工填写"}

func (e *Evidence) recordTable() *table {
	t := newTable("数据明细", e.Org.Name+"案例数据背后的记录", true,
		column{"序号", kInt}, column{"指标", kText}, column{"年度", kInt}, column{"类别", kText},
		column{"日期", kText}, column{"记录", kWrap}, column{"计入数值", kNum})
	n := 0
	for _, f := range e.Figures {
		for _, r := range f.Records {
			n++
			t.add(n, f.Name, r.Year, recordKinds[r.Kind], r.Date, r.Label, r.Amount)
		}
	}
	for i := range t.widths {
		t.widths[i] = min(t.widths[i], 40)
	}
	return t
}

// RecommendRow is one case on a federation's combined recommendation list.
type RecommendRow struct {
	Unit, UnitType, Title, Level, Region, Recommender string
	Contact, ContactPhone, Results, File              string
}

// ProblemRow is one problem found in a package a federation received.
type ProblemRow struct{ File, Problem, Reason string }

// WriteRecommendList writes the combined list of good cases, in the order
// given, and a 问题 sheet with the problems found (headers only when there
// are none, so the reader sees that nothing was wrong).
func WriteRecommendList(w io.Writer, title string, rows []RecommendRow, problems []ProblemRow) error {
	t := newTable("推荐汇总表", title, true,
		column{"序号", kInt}, column{"申报单位", kWrap}, column{"单位类别", kText}, column{"案例名称", kWrap},
		column{"申报等次", kText}, column{"所在地区", kText}, column{"推荐单位", kWrap}, column{"联系人", kText},
		column{"联系电话", kText}, column{"主要成效", kWrap}, column{"文件名", kWrap})
	for i, r := range rows {
		t.add(i+1, r.Unit, r.UnitType, r.Title, r.Level, r.Region, r.Recommender, r.Contact, r.ContactPhone,
			r.Results, r.File)
	}
	for i, c := range t.cols {
		if c.kind == kWrap {
			t.widths[i] = min(t.widths[i], 28)
		}
	}
	t.widths[9] = max(t.widths[9], 40)
	p := newTable("问题", "材料包检查发现的问题", false,
		column{"序号", kInt}, column{"文件", kWrap}, column{"问题", kWrap}, column{"原因", kWrap})
	for i, pr := range problems {
		p.add(i+1, pr.File, pr.Problem, pr.Reason)
	}
	p.widths[1], p.widths[2], p.widths[3] = min(p.widths[1], 36), min(p.widths[2], 30), min(p.widths[3], 50)
	return writeTables(title, w, t, p)
}
