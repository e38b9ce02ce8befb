package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"chamberdesk/data"
	"chamberdesk/ui/widgets"
)

// openHome opens the demo chamber on the 首页 showing 2026.
func openHome(t *testing.T) (*App, *homeScreen) {
	t.Helper()
	a := newTestApp(t, demoCopy(t))
	h := a.screens["home"].(*homeScreen)
	a.store().Now = func() time.Time { return demoClock }
	h.year = 2026
	a.show("home")
	if a.current() != "home" {
		t.Fatalf("on %q", a.current())
	}
	return a, h
}

func (h *homeScreen) card(t *testing.T, key string) *widgets.FigureCard {
	t.Helper()
	for i, k := range homeCards {
		if k == key {
			return h.cards[i]
		}
	}
	t.Fatalf("no card for %s", key)
	return nil
}

// drawnBar is what a bar chart draws for one label.
type drawnBar struct {
	height       float32
	value, label string // on top of the bar and under it
}

// chartBars reads what c draws: after its title and axis, each bar's
// rectangle, the value on top and the label under it.
func chartBars(t *testing.T, c *widgets.BarChart) []drawnBar {
	t.Helper()
	objs := test.WidgetRenderer(c).Objects()
	var out []drawnBar
	for i := 2; i+2 < len(objs); i += 3 {
		bar, ok1 := objs[i].(*canvas.Rectangle)
		v, ok2 := objs[i+1].(*canvas.Text)
		l, ok3 := objs[i+2].(*canvas.Text)
		if !ok1 || !ok2 || !ok3 {
			t.Fatalf("the chart draws %T %T %T where a bar, its value and its label belong", objs[i], objs[i+1], objs[i+2])
		}
		out = append(out, drawnBar{bar.Size().Height, v.Text, l.Text})
	}
	if len(out) != len(c.Values()) {
		t.Fatalf("%d bars drawn for %d values", len(out), len(c.Values()))
	}
	return out
}

func figureMap(t *testing.T, st *data.Store, year int) map[string]data.Figure {
	t.Helper()
	m := map[string]data.Figure{}
	for _, f := range figures(t, st, year) {
		m[f.Key] = f
	}
	return m
}

func TestHomeCardsShowFigures(t *testing.T) {
	a, h := openHome(t)
	figs, prev := figureMap(t, a.store(), 2026), figureMap(t, a.store(), 2025)
	for _, key := range homeCards {
		c, f := h.card(t, key), figs[key]
		shown := c.Figure()
		if f.Key != key || shown.Name != f.Name || shown.Unit != f.Unit {
			t.Errorf("card %s shows %s (%s)", key, shown.Name, shown.Unit)
		}
		if got, want := shown.Value, formatNumber(f.Value); got != want {
			t.Errorf("card %s shows %s, store %v", key, got, f.Value)
		}
		if want := "2025年 " + figureText(prev[key]); shown.Note != want {
			t.Errorf("card %s last year %q, want %q", key, shown.Note, want)
		}
	}
	if figs["activities_total"].Value < 30 || figs["investment"].Value == 0 {
		t.Fatalf("demo figures look empty: %+v", figs["activities_total"])
	}

	// A card opens its figure on the metrics screen.
	test.Tap(h.card(t, "training_sessions"))
	ms := a.screens["metrics"].(*metricsScreen)
	if a.current() != "metrics" || ms.selected != "training_sessions" || ms.year != 2026 {
		t.Fatalf("tap: on %q, selected %q %d", a.current(), ms.selected, ms.year)
	}
}

func TestHomeAfterNewActivity(t *testing.T) {
	a, h := openHome(t)
	ctx := context.Background()
	before := figureMap(t, a.store(), 2026)
	shown := map[string]string{}
	for _, key := range homeCards {
		shown[key] = h.card(t, key).Figure().Value
	}
	june := h.actChart.Values()[5]
	junePT := h.ptChart.Values()[5]
	juneBar := chartBars(t, h.actChart)[5].height

	ms, err := a.store().Members(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, m := range ms {
		if m.Status == data.StatusActive && len(ids) < 3 {
			ids = append(ids, m.ID)
		}
	}
	if _, err := a.store().CreateActivity(ctx, data.Activity{
		Title: "新材料产业对接会", Type: "招商引资/考察", Date: time.Date(2026, 6, 10, 0, 0, 0, 0, time.UTC),
		Attendees: ids, OutsideCount: 7,
		Outcomes: []data.Outcome{{MetricKey: "projects_signed", Value: 2}, {MetricKey: "investment", Value: 1.5}},
	}); err != nil {
		t.Fatal(err)
	}
	h.refresh()

	after := figureMap(t, a.store(), 2026)
	delta := map[string]float64{"activities_total": 1, "person_times": 10, "projects_signed": 2, "investment": 1.5}
	for _, key := range homeCards {
		want := before[key].Value + delta[key]
		if after[key].Value != want {
			t.Errorf("store %s: %v → %v, want %v", key, before[key].Value, after[key].Value, want)
		}
		if got := h.card(t, key).Figure().Value; got != formatNumber(want) {
			t.Errorf("card %s: %s → %s, want %s", key, shown[key], got, formatNumber(want))
		}
	}
	acts, pts := h.actChart.Values(), h.ptChart.Values()
	if acts[5] != june+1 || pts[5] != junePT+10 {
		t.Errorf("June bars %v/%v → %v/%v", june, junePT, acts[5], pts[5])
	}
	// The bars are redrawn in proportion to the new values.
	bars := chartBars(t, h.actChart)
	tallest := float32(0)
	for i := range 12 {
		tallest = max(tallest, bars[i].height)
	}
	if want := tallest * float32(acts[5]/slices.Max(acts)); bars[5].height < want-0.5 || bars[5].height > want+0.5 || bars[5].height < juneBar {
		t.Errorf("June bar %v → %v high, want %v", juneBar, bars[5].height, want)
	}
	if bars[5].value != formatNumber(june+1) {
		t.Errorf("June bar says %q, want %v", bars[5].value, june+1)
	}
}

func TestHomeReminders(t *testing.T) {
	a, h := openHome(t)
	ctx := context.Background()
	arrears, err := a.store().Arrears(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if len(arrears) == 0 {
		t.Fatal("the demo owes nothing in 2026")
	}
	if want := fmt.Sprintf("会费欠缴 %d 人", len(arrears)); h.arrearsBtn.Text != want || h.arrearsBtn.Hidden {
		t.Errorf("arrears reminder %q (hidden %v), want %q", h.arrearsBtn.Text, h.arrearsBtn.Hidden, want)
	}
	// Activities without photos, counted one by one.
	acts, err := a.store().Activities(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	bare := 0
	for _, x := range acts {
		ps, err := a.store().Photos(ctx, x.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(ps) == 0 {
			bare++
		}
	}
	if want := fmt.Sprintf("%d 项活动没有照片", bare); bare > 0 && h.photosBtn.Text != want || h.photosBtn.Hidden != (bare == 0) {
		t.Errorf("photos reminder %q hidden %v, %d activities have none", h.photosBtn.Text, h.photosBtn.Hidden, bare)
	}
	// The demo held its 会员大会 in 2026.
	if !h.assemblyBtn.Hidden {
		t.Errorf("会员大会 reminder shown for 2026: %q", h.assemblyBtn.Text)
	}
	test.Tap(h.arrearsBtn)
	if a.current() != "dues" {
		t.Errorf("arrears reminder opened %q", a.current())
	}

	// 2027 has none yet; holding one clears the reminder.
	h.year = 2027
	a.store().Now = func() time.Time { return time.Date(2027, 2, 1, 9, 0, 0, 0, time.Local) }
	a.show("home")
	if h.assemblyBtn.Hidden || h.assemblyBtn.Text != "本年度尚未召开会员大会" {
		t.Fatalf("会员大会 reminder for 2027: %q hidden %v", h.assemblyBtn.Text, h.assemblyBtn.Hidden)
	}
	if _, err := a.store().CreateActivity(ctx, data.Activity{Title: "第三届会员大会第三次会议", Type: "会员大会",
		Date: time.Date(2027, 1, 20, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	h.refresh()
	if !h.assemblyBtn.Hidden {
		t.Errorf("会员大会 reminder still shown after one was held: %q", h.assemblyBtn.Text)
	}
	// …and the new activity has no photo.
	if h.photosBtn.Hidden || h.photosBtn.Text != "1 项活动没有照片" {
		t.Errorf("photos reminder %q hidden %v", h.photosBtn.Text, h.photosBtn.Hidden)
	}
	if a.current() != "home" || h.recent[0].title.Text != "第三届会员大会第三次会议" {
		t.Errorf("newest activity %q", h.recent[0].title.Text)
	}
}

func TestHomeChartPerMonth(t *testing.T) {
	a, h := openHome(t)
	acts, err := a.store().Activities(context.Background(), 2026)
	if err != nil {
		t.Fatal(err)
	}
	var count, pt [12]float64
	for _, x := range acts {
		count[x.Date.Month()-1]++
		pt[x.Date.Month()-1] += float64(x.PersonTimes())
	}
	bars, actVals, ptVals := chartBars(t, h.actChart), h.actChart.Values(), h.ptChart.Values()
	top := slices.Max(actVals)
	for m := range 12 {
		if actVals[m] != count[m] || ptVals[m] != pt[m] {
			t.Errorf("%d月: bars %v/%v, store %v/%v", m+1, actVals[m], ptVals[m], count[m], pt[m])
		}
		if bars[m].value != formatNumber(count[m]) || bars[m].label != fmt.Sprintf("%d月", m+1) {
			t.Errorf("%d月: labels %q %q", m+1, bars[m].value, bars[m].label)
		}
	}
	// Bars are drawn in proportion: the busiest month's bar is the tallest,
	// a month with half as many activities about half as tall.
	busiest := 0
	for m := range 12 {
		if count[m] > count[busiest] {
			busiest = m
		}
	}
	if count[busiest] != top || bars[busiest].height <= 0 {
		t.Fatalf("busiest month %d: %v activities, bar %v", busiest+1, count[busiest], bars[busiest].height)
	}
	for m := range 12 {
		want := bars[busiest].height * float32(count[m]/top)
		if d := bars[m].height - want; d > 0.5 || d < -0.5 {
			t.Errorf("%d月 bar %v high, want %v", m+1, bars[m].height, want)
		}
	}
}

// TestHomeMoneyShowsBalance: the dashboard's money line shows the year's
// income, spending and closing balance as the store works them out, and a
// tap on it opens 财务 on that year.
func TestHomeMoneyShowsBalance(t *testing.T) {
	a, h := openHome(t)
	ctx := context.Background()
	before, err := a.store().LedgerBalance(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.store().SaveLedgerEntry(ctx, data.LedgerEntry{Date: time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC),
		Kind: data.KindSpending, Category: "公益支出", Fen: 1234567, Note: "助学金"}); err != nil {
		t.Fatal(err)
	}
	h.refresh()
	b, err := a.store().LedgerBalance(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if b.IncomeFen == 0 || b.SpendingFen != before.SpendingFen+1234567 {
		t.Fatalf("2026 balance %+v", b)
	}
	for _, c := range []struct {
		got string
		fen int64
	}{{h.money.income.Text, b.IncomeFen}, {h.money.spending.Text, b.SpendingFen}, {h.money.closing.Text, b.ClosingFen}} {
		if c.got != data.FormatWanYuan(c.fen) {
			t.Errorf("shows %q for %d fen, want %q", c.got, c.fen, data.FormatWanYuan(c.fen))
		}
	}
	if h.money.title.Text != "2026年收支" {
		t.Errorf("title %q", h.money.title.Text)
	}
	test.Tap(h.money)
	a.wait()
	fs, ok := a.screens["finance"].(*financeScreen)
	if a.current() != "finance" || !ok || fs.year != 2026 {
		t.Fatalf("the tap shows %q", a.current())
	}
	if got := fs.cards[cardSpending].Figure(); got.Value+got.Unit != data.FormatWanYuan(b.SpendingFen) {
		t.Fatalf("财务 shows spending %+v", got)
	}
}

// TestHomeMoneyInEnglish: in English the money line has no Chinese and
// gives the amounts in yuan to the fen.
func TestHomeMoneyInEnglish(t *testing.T) {
	a, h, _ := openFigures(t, true)
	b, err := a.store().LedgerBalance(context.Background(), 2026)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range strings.Split(texts(h.money), "\n") {
		if hasHan(s) {
			t.Errorf("%q is Chinese in English", s)
		}
	}
	if want := groupThousands(data.FormatYuanPlain(b.ClosingFen)) + " yuan"; h.money.closing.Text != want {
		t.Fatalf("closing %q, want %q", h.money.closing.Text, want)
	}
}

// TestHomePlannedActivity plans a 会员大会 for 2027: the cards, charts and
// newest activities stay as they were, 近期安排 lists it and opens it, and
// the 会员大会 reminder says it is planned.
func TestHomePlannedActivity(t *testing.T) {
	a, h := openHome(t)
	ctx := context.Background()
	cards := map[string]string{}
	for _, key := range homeCards {
		cards[key] = h.card(t, key).Figure().Value
	}
	acts, pts, newest := h.actChart.Values(), h.ptChart.Values(), h.recent[0].title.Text
	if h.upcoming.panel.Visible() {
		t.Fatal("近期安排 shown with nothing planned")
	}
	ms, err := a.store().Members(ctx)
	if err != nil {
		t.Fatal(err)
	}
	id, err := a.store().CreateActivity(ctx, data.Activity{Title: "2026年度总结暨迎新春联谊会", Type: "会员大会", Planned: true,
		Date: time.Date(2026, 12, 28, 0, 0, 0, 0, time.UTC), StartTime: "09:30",
		Attendees: []int64{ms[0].ID, ms[1].ID}, OutsideCount: 30})
	if err != nil {
		t.Fatal(err)
	}
	h.refresh()
	for _, key := range homeCards {
		if got := h.card(t, key).Figure().Value; got != cards[key] {
			t.Errorf("card %s moved %s → %s for a planned activity", key, cards[key], got)
		}
	}
	if !slices.Equal(h.actChart.Values(), acts) || !slices.Equal(h.ptChart.Values(), pts) || h.recent[0].title.Text != newest {
		t.Error("the charts or the newest activities moved for a planned activity")
	}
	if !h.upcoming.panel.Visible() || h.upcoming.rows[0].Text != "2026年12月28日 09:30　2026年度总结暨迎新春联谊会（会员大会）" || h.upcoming.rows[1].Visible() {
		t.Fatalf("近期安排 %q", h.upcoming.rows[0].Text)
	}

	// 2027: no 会员大会 held, one planned.
	if _, err := a.store().CreateActivity(ctx, data.Activity{Title: "第四届会员大会第一次会议", Type: "会员大会", Planned: true,
		Date: time.Date(2027, 3, 18, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	h.year = 2027
	a.store().Now = func() time.Time { return time.Date(2027, 2, 1, 9, 0, 0, 0, time.Local) }
	h.refresh()
	if h.assemblyBtn.Hidden || h.assemblyBtn.Text != "本年度尚未召开会员大会（已列入计划）" {
		t.Errorf("会员大会 reminder %q hidden %v", h.assemblyBtn.Text, h.assemblyBtn.Hidden)
	}
	if !h.upcoming.panel.Visible() || h.upcoming.rows[0].Text != "2027年3月18日　第四届会员大会第一次会议（会员大会）" {
		t.Errorf("近期安排 from 2027-02-01: %q", h.upcoming.rows[0].Text)
	}
	a.store().Now = func() time.Time { return demoClock }
	h.upcoming.load()
	test.Tap(h.upcoming.rows[0])
	s, ok := a.screens["activities"].(*activitiesScreen)
	if a.current() != "activities" || !ok || s.selectedActivity() == nil || s.selectedActivity().ID != id {
		t.Errorf("近期安排 opened %q", a.current())
	}
}
