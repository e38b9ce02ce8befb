package ui

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
)

// inEnglish switches the words to English for a test of text alone;
// Chinese comes back when the test ends.
func inEnglish(t *testing.T) {
	t.Helper()
	t.Cleanup(func() { _ = setLanguage(langChinese) })
	if err := setLanguage(langEnglish); err != nil || !english() {
		t.Fatalf("no English: %v", err)
	}
}

// openFigures opens the demo chamber, in English when en, on the 首页 of
// 2026 and returns it with the 指标 screen.
func openFigures(t *testing.T, en bool) (*App, *homeScreen, *metricsScreen) {
	t.Helper()
	var a *App
	if en {
		a = englishApp(t, demoCopy(t))
	} else {
		a = newTestApp(t, demoCopy(t))
	}
	a.store().Now = func() time.Time { return demoClock }
	h := a.screens["home"].(*homeScreen)
	h.year = 2026
	a.show("home")
	return a, h, a.screens["metrics"].(*metricsScreen)
}

// showMetrics opens the 指标 screen on 2026.
func showMetrics(t *testing.T, a *App, s *metricsScreen) {
	t.Helper()
	a.show("metrics")
	if s.year != 2026 {
		t.Fatalf("metrics on %d", s.year)
	}
}

// yuanOf reads an English amount back in yuan: "680 million yuan".
func yuanOf(t *testing.T, num, unit string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(strings.ReplaceAll(num, ",", ""), 64)
	if err != nil {
		t.Fatalf("%q: %v", num, err)
	}
	switch unit {
	case "billion yuan":
		return v * 1e9
	case "million yuan":
		return v * 1e6
	case "yuan":
		return v
	}
	t.Fatalf("%q is no amount of yuan", unit)
	return 0
}

func TestFigureTextInEnglish(t *testing.T) {
	inEnglish(t)
	for _, c := range []struct {
		v    float64
		unit string
		want string
	}{
		{6.8, "亿元", "680 million yuan"},
		{12.5, "亿元", "1.25 billion yuan"},
		{1.5321, "亿元", "153.21 million yuan"},
		{22.5, "万元", "225,000 yuan"},
		{150, "万元", "1.5 million yuan"},
		{0.5, "元", "0.5 yuan"},
		{1348, "人次", "1,348 person-times"},
		{114, "家", "114 companies"},
		{7, "个", "7"},
		{320, "小时", "320 小时"}, // a unit of the chamber's own stays as typed
		{0, "期", "0 sessions"},
		{1, "家", "1 company"},
		{1, "人次", "1 person-time"},
	} {
		if got := formatFigure(c.v, c.unit); got != c.want {
			t.Errorf("%v%s reads %q, want %q", c.v, c.unit, got, c.want)
		}
	}
	cur := data.Figure{Metric: data.Metric{Unit: "家"}, Value: 114, Set: true}
	prev := data.Figure{Metric: data.Metric{Unit: "家"}, Value: 111, Set: true}
	if got := diffText(cur, prev); got != "+3 companies (+2.7%)" {
		t.Errorf("change %q", got)
	}
	cur.Unit, prev.Unit, cur.Value, prev.Value = "亿元", "亿元", 6.8, 5.1
	if got := diffText(cur, prev); got != "+170 million yuan (+33.3%)" {
		t.Errorf("change %q", got)
	}
}

func TestFigureTextInChinese(t *testing.T) {
	for _, c := range []struct {
		v    float64
		unit string
		want string
	}{
		{6.8, "亿元", "6.8亿元"}, {22.5, "万元", "22.5万元"}, {1348, "人次", "1348人次"}, {7, "个", "7个"},
	} {
		if got := formatFigure(c.v, c.unit); got != c.want {
			t.Errorf("%v%s reads %q, want %q", c.v, c.unit, got, c.want)
		}
	}
	cur := data.Figure{Metric: data.Metric{Unit: "家"}, Value: 114, Set: true}
	prev := data.Figure{Metric: data.Metric{Unit: "家"}, Value: 111, Set: true}
	if got := diffText(cur, prev); got != "+3家（+2.7%）" {
		t.Errorf("change %q", got)
	}
}

// TestSourceWordsMatchStore: the English source is worded again in ui from
// each metric's rule; in Chinese those words must read exactly as the
// store's, or the English would tell another story.
func TestSourceWordsMatchStore(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	for _, year := range []int{2025, 2026} {
		for _, f := range figures(t, a.store(), year) {
			if !f.Set {
				continue
			}
			if got := sourceWords(f); got != f.Source {
				t.Errorf("%d %s: worded %q, the store says %q", year, f.Key, got, f.Source)
			}
		}
	}
	f, err := a.store().FigureValue(context.Background(), "person_times", 2025, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprintf(lang.L("%d—%d年合计"), 2025, 2026); got != f.Source {
		t.Errorf("two years worded %q, the store says %q", got, f.Source)
	}
}

func TestFiguresInEnglish(t *testing.T) {
	a, h, s := openFigures(t, true)
	st := a.store()
	figs, prev := figureMap(t, st, 2026), figureMap(t, st, 2025)

	// 首页: every card's name, unit and last year's line are English.
	for _, key := range homeCards {
		shown := h.card(t, key).Figure()
		for _, text := range []string{shown.Name, shown.Value, shown.Unit, shown.Note} {
			if hasHan(text) {
				t.Errorf("card %s shows %q", key, text)
			}
		}
	}
	members := h.card(t, "members_total").Figure()
	if members.Name != "Members" || members.Unit != "companies" || members.Value != formatNumber(figs["members_total"].Value) {
		t.Errorf("members card %+v", members)
	}
	if want := "2025: " + formatNumber(prev["members_total"].Value) + " companies"; members.Note != want {
		t.Errorf("members card last year %q, want %q", members.Note, want)
	}
	inv := h.card(t, "investment").Figure()
	if inv.Name != "Investment" || math.Abs(yuanOf(t, inv.Value, inv.Unit)-figs["investment"].Value*1e8) > 0.5 {
		t.Errorf("investment card %+v, store %v亿元", inv, figs["investment"].Value)
	}

	// 指标: the names, values, last year and changes are English; so is the
	// source, save what the secretary wrote as a hand-entered value's basis.
	showMetrics(t, a, s)
	for i, f := range s.figs {
		for _, col := range []int{metricColName, metricColValue, metricColPrev, metricColDiff} {
			if text := metricCell(s, i, col).Text; hasHan(text) {
				t.Errorf("%s column %d shows %q", f.Key, col, text)
			}
		}
		src := metricCell(s, i, metricColSource).Text
		if f.Kind == data.MetricManual && f.Set {
			_, note, _ := strings.Cut(f.Source, "：")
			if want := "Entered by hand: " + note; src != want {
				t.Errorf("%s source %q, want %q", f.Key, src, want)
			}
		} else if hasHan(src) {
			t.Errorf("%s source %q", f.Key, src)
		}
	}
	row := s.rowOf("members_total")
	want := map[int]string{
		metricColName:   "Members",
		metricColValue:  formatNumber(figs["members_total"].Value) + " companies",
		metricColSource: "Members in the chamber at the end of 2026",
	}
	for col, w := range want {
		if got := metricCell(s, row, col).Text; got != w {
			t.Errorf("members column %d %q, want %q", col, got, w)
		}
	}
	if got := metricCell(s, s.rowOf("training_sessions"), metricColSource).Text; got != `Activity records in 2026 of type "Training course"` {
		t.Errorf("training source %q", got)
	}

	// The side panel and 查看来源 name the figure in English.
	selectMetric(t, s, "investment")
	if s.detailName.Text != "Investment (Total of activity outcomes)" {
		t.Errorf("panel heading %q", s.detailName.Text)
	}
	if hasHan(s.detailValue.Text) || hasHan(s.detailSource.Text) || hasHan(s.records.summary.Text) {
		t.Errorf("panel %q / %q / %q", s.detailValue.Text, s.detailSource.Text, s.records.summary.Text)
	}
	d := s.onExplain()
	if d == nil {
		t.Fatal("no 查看来源 dialog")
	}
	if hasHan(d.summary.Text) || !strings.Contains(d.summary.Text, "yuan") {
		t.Errorf("dialog summary %q", d.summary.Text)
	}
	d.dlg.Hide()

	// 新增指标 offers its kinds in English and still keeps the stored kind.
	f := s.onAdd()
	for _, o := range f.kind.Options {
		if hasHan(o) {
			t.Errorf("metric kind offered as %q", o)
		}
	}
	f.kind.SetSelected(optionAt(f.kind.Options, 1))
	if f.kind.Value() != kindManualText {
		t.Errorf("second kind gives %q", f.kind.Value())
	}
	f.dlg.Hide()

	// 活动: the year filter's first choice is English and lets every year through.
	a.show("activities")
	as := a.screens["activities"].(*activitiesScreen)
	if as.year.Options[0] != "All years" {
		t.Fatalf("year filter offers %v", as.year.Options)
	}
	as.year.SetSelectedIndex(0)
	if as.filterYear() != 0 || as.year.Selected != "All years" {
		t.Errorf("all years picked: %q → %d", as.year.Selected, as.filterYear())
	}
}

// optionAt is options[i], or "" when there is none.
func optionAt(options []string, i int) string {
	if i < len(options) {
		return options[i]
	}
	return ""
}

func TestFiguresInChinese(t *testing.T) {
	a, h, s := openFigures(t, false)
	st := a.store()
	figs, prev := figureMap(t, st, 2026), figureMap(t, st, 2025)

	members := h.card(t, "members_total").Figure()
	if members.Name != "会员数" || members.Unit != "家" || members.Value != formatNumber(figs["members_total"].Value) ||
		members.Note != "2025年 "+formatNumber(prev["members_total"].Value)+"家" {
		t.Errorf("members card %+v", members)
	}
	inv := h.card(t, "investment").Figure()
	if inv.Name != "投资额" || inv.Unit != "亿元" || inv.Value != formatNumber(figs["investment"].Value) {
		t.Errorf("investment card %+v", inv)
	}

	showMetrics(t, a, s)
	for i, f := range s.figs {
		cells := map[int]string{metricColName: f.Name, metricColValue: figureText(f)}
		if f.Set {
			cells[metricColSource] = f.Source
			cells[metricColValue] = formatNumber(f.Value) + f.Unit
		}
		for col, w := range cells {
			if got := metricCell(s, i, col).Text; got != w {
				t.Errorf("%s column %d %q, want %q", f.Key, col, got, w)
			}
		}
	}
	row := s.rowOf("members_total")
	m, p := figs["members_total"], prev["members_total"]
	d := m.Value - p.Value
	wantDiff := "持平"
	if d != 0 {
		sign := "+"
		if d < 0 {
			sign = "-"
		}
		pct := math.Round(math.Abs(d)/p.Value*1000) / 10
		wantDiff = sign + formatNumber(math.Abs(d)) + "家（" + sign + strconv.FormatFloat(pct, 'f', -1, 64) + "%）"
	}
	if got := metricCell(s, row, metricColDiff).Text; got != wantDiff {
		t.Errorf("members change %q, want %q", got, wantDiff)
	}
	s.table.Select(widget.TableCellID{Row: row, Col: metricColName})
	if s.detailName.Text != "会员数（由记录统计）" || !strings.HasPrefix(s.detailValue.Text, "2026年："+formatNumber(m.Value)+"家\n2025年：") {
		t.Errorf("panel %q %q", s.detailName.Text, s.detailValue.Text)
	}
	if s.detailSource.Text != "来源：2026年末在会会员" {
		t.Errorf("panel source %q", s.detailSource.Text)
	}

	a.show("activities")
	as := a.screens["activities"].(*activitiesScreen)
	if as.year.Options[0] != "全部年份" {
		t.Errorf("year filter offers %v", as.year.Options)
	}
}

// TestFiguresScreenshotsInEnglish renders the 指标 screen with a figure
// selected, its 查看来源 dialog and 新增指标 in English, and writes them to
// SHOT_DIR when set (en_*.png).
func TestFiguresScreenshotsInEnglish(t *testing.T) {
	a, _, s := openFigures(t, true)
	screen := func(name, title string) { t.Helper(); checkShot(t, a.win, screenRegion(a), name, title) }
	dlg := func(name, title string) { t.Helper(); checkShot(t, a.win, dialogRegion(t, a), name, title) }
	a.win.Resize(fyne.NewSize(1280, 800))
	showMetrics(t, a, s)
	selectMetric(t, s, "investment")
	screen("en_metrics.png", "Investment (Total of activity outcomes)")
	d := s.onExplain()
	dlg("en_explain.png", "Investment: ")
	d.dlg.Hide()
	selectMetric(t, s, "jobs_created")
	screen("en_metrics_manual.png", "Jobs created (Entered by hand)")
	f := s.onAdd()
	dlg("en_addmetric.png", "Activity outcome")
	f.dlg.Hide()
}

// TestCaseFiguresInEnglish: 插入数字 names the metrics and their units in
// English and words the source in English; the phrasings it offers stay
// Chinese, being the case text's. The 数字核对 page names the metric in
// English too.
func TestCaseFiguresInEnglish(t *testing.T) {
	a := englishApp(t, demoCopy(t))
	ta := threadOf(t, a)
	f := openDemoCase(t, a, openCases(t, a))
	d := f.lead.insertFigure()
	ta.waitFor(t, "the year's metrics offered", func() bool { return len(d.metric.Options) > 1 })
	for _, o := range d.metric.Options[:len(d.metric.Options)-1] {
		if hasHan(o) {
			t.Errorf("metric offered as %q", o)
		}
	}
	if !slices.Contains(d.metric.Options, "Training sessions (sessions)") {
		t.Errorf("metrics offered %q", d.metric.Options)
	}
	d.selectMetric("training_sessions")
	ta.waitFor(t, "the metric's value", func() bool { return d.pickedOK })
	if want := "Source: " + `Activity records in ` + strconv.Itoa(d.year) + ` of type "Training course"`; d.source.Text != want {
		t.Errorf("source %q, want %q", d.source.Text, want)
	}
	d.span.SetSelected(d.spanTwoYears)
	ta.waitFor(t, "the two years' value", func() bool { return d.pickedOK })
	if want := "Source: " + strconv.Itoa(d.year-1) + "–" + strconv.Itoa(d.year) + " total"; d.source.Text != want {
		t.Errorf("two years' source %q, want %q", d.source.Text, want)
	}
	if len(d.choices.Options) == 0 || !hasHan(d.choices.Options[0]) {
		t.Errorf("phrasings %q", d.choices.Options)
	}
	d.dlg.Hide()

	f.tabs.Select(f.figureTab)
	ta.waitFor(t, "the figures' state", func() bool { return len(f.figures.status) == len(f.figures.list) && len(f.figures.list) > 0 })
	for _, st := range f.figures.status {
		if st.Figure.Untraced() {
			continue
		}
		row := f.figures.row(0, st)
		said := strings.ReplaceAll(texts(row), "\n", " ")
		if strings.Contains(said, st.Metric) || !strings.Contains(said, data.LabelEN(st.Metric)) {
			t.Errorf("figure row %q for %s", said, st.Metric)
		}
		break
	}
}
