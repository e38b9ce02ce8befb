package xlsx_test

import (
	"context"
	"io"
	"strings"
	"testing"

	"chamberdesk/data"
	"chamberdesk/data/demo"
	"chamberdesk/report/xlsx"
	"chamberdesk/report/xlsx/xlsxtest"
)

func demoCase(t *testing.T, st *data.Store) data.Case {
	t.Helper()
	list, err := st.Cases(context.Background())
	if err != nil || len(list) == 0 {
		t.Fatalf("demo cases %v %v", list, err)
	}
	c, err := st.Case(context.Background(), list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestCaseAwardSummary: the one-case table holds the row the year's table
// holds for that case.
func TestCaseAwardSummary(t *testing.T) {
	ctx := context.Background()
	st := mustDemo(t)
	c := demoCase(t, st)
	row, org, err := xlsx.CaseAwardRow(ctx, st, c)
	if err != nil {
		t.Fatal(err)
	}
	year, _, err := xlsx.AwardRows(ctx, st, c.Year)
	if err != nil || len(year) != 1 || year[0] != row {
		t.Fatalf("one case %+v, the year %+v (%v)", row, year, err)
	}
	path := writeTo(t, "汇总.xlsx", func(w io.Writer) error { return xlsx.WriteCaseAwardSummary(ctx, st, c, w) })
	sh := xlsxtest.Read(t, path).Sheet(t, "申报汇总表")
	sh.CheckLayout(t, org.Name+"2026年“创新中国”案例申报汇总表")
	rows := sh.Data()
	if len(rows) != 1 || rows[0][sh.Header(t, "案例名称")].Str() != c.Title ||
		rows[0][sh.Header(t, "主要成效")].Str() != row.Results || rows[0][sh.Header(t, "推荐单位")].Str() == "" {
		t.Fatalf("rows %v", rows)
	}
}

// TestEvidence checks each figure against the records: the demo's are
// current, a changed value is stale, a typed one untraced; the workbook
// lists the figures and the records that add up to them.
func TestEvidence(t *testing.T) {
	ctx := context.Background()
	st := mustDemo(t)
	c := demoCase(t, st)
	c.Figures[0].Value++
	c.Figures = append(c.Figures, data.CaseFigure{Section: data.SectionResults, YearTo: c.Year, Value: 3, Unit: "个",
		Phrasing: "3个"})
	ev, err := xlsx.LoadEvidence(ctx, st, c)
	if err != nil {
		t.Fatal(err)
	}
	if len(ev.Activities) != len(c.ActivityIDs) || len(ev.Figures) != len(c.Figures) {
		t.Fatalf("%d activities %d figures", len(ev.Activities), len(ev.Figures))
	}
	for i, f := range ev.Figures {
		var sum float64
		for _, r := range f.Records {
			sum += r.Amount
		}
		switch i {
		case 0:
			if f.State != data.FigureStale || !f.Stale() || f.Current != f.Value-1 || !strings.Contains(f.Status(), "记录现为") {
				t.Errorf("changed figure %+v %q", f, f.Status())
			}
		case len(ev.Figures) - 1:
			if f.State != data.FigureUntraced || f.Stale() || len(f.Records) != 0 || f.Source != "手工填写" {
				t.Errorf("typed figure %+v", f)
			}
		default:
			if f.State != data.FigureChecked || f.Name == "" || f.Source == "" || sum-f.Value > 1e-6 || f.Value-sum > 1e-6 {
				t.Errorf("figure %d: %+v, records add up to %v", i, f.CaseFigure, sum)
			}
		}
		if f.Years() != "2025—2026年" && i < len(ev.Figures)-1 {
			t.Errorf("years %q", f.Years())
		}
	}
	path := writeTo(t, "台账.xlsx", ev.Write)
	wb := xlsxtest.Read(t, path)
	ledger := wb.Sheet(t, "活动台账")
	ledger.CheckLayout(t, demo.OrgName()+"案例关联活动台账")
	if len(ledger.Data()) != len(c.ActivityIDs) {
		t.Errorf("%d ledger rows", len(ledger.Data()))
	}
	figs := wb.Sheet(t, "案例数据")
	figs.CheckLayout(t, demo.OrgName()+"案例引用数据及来源")
	rows := figs.Data()
	if len(rows) != len(c.Figures) || rows[len(rows)-1][figs.Header(t, "指标")].Str() != "（手工填写）" ||
		!strings.HasPrefix(rows[0][figs.Header(t, "核对结果")].Str(), "已过期") {
		t.Fatalf("figure rows %v", rows)
	}
	recs := wb.Sheet(t, "数据明细")
	recs.CheckLayout(t, demo.OrgName()+"案例数据背后的记录")
	n := 0
	for _, f := range ev.Figures {
		n += len(f.Records)
	}
	if len(recs.Data()) != n || n == 0 {
		t.Fatalf("%d record rows, want %d", len(recs.Data()), n)
	}
}

func TestRecommendList(t *testing.T) {
	rows := []xlsx.RecommendRow{{Unit: "青禾镇商会", UnitType: "镇街商会", Title: "青禾镇商会：三线服务", Level: data.LevelBest,
		Region: "江州市", Recommender: "安澜区工商联", Contact: "方雅琴", ContactPhone: "13800000000",
		Results: "办班期数12期", File: "a.zip"}}
	path := writeTo(t, "推荐.xlsx", func(w io.Writer) error {
		return xlsx.WriteRecommendList(w, "推荐汇总表", rows, nil)
	})
	wb := xlsxtest.Read(t, path)
	list := wb.Sheet(t, "推荐汇总表")
	list.CheckLayout(t, "推荐汇总表")
	if d := list.Data(); len(d) != 1 || d[0][list.Header(t, "联系电话")].Str() != "13800000000" ||
		d[0][list.Header(t, "文件名")].Str() != "a.zip" {
		t.Fatalf("rows %v", d)
	}
	probs := wb.Sheet(t, "问题")
	probs.CheckLayout(t, "材料包检查发现的问题")
	if len(probs.Data()) != 0 {
		t.Fatal("problems where there are none")
	}
}
