package ui

import (
	"context"
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"chamberdesk/data"
)

// openHome opens the demo chamber on the 首页 showing 2026.
func openHome(t *testing.T) (*App, *homeScreen) {
	t.Helper()
	a := newTestApp(t, demoCopy(t))
	h := a.screens["home"].(*homeScreen)
	a.store().Now = func() time.Time { return metricsClock }
	h.year = 2026
	a.show("home")
	if a.current() != "home" {
		t.Fatalf("on %q", a.current())
	}
	return a, h
}

func (h *homeScreen) card(t *testing.T, key string) *figureCard {
	t.Helper()
	for i, k := range homeCards {
		if k == key {
			return h.cards[i]
		}
	}
	t.Fatalf("no card for %s", key)
	return nil
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
		if c.fig.Key != key || c.fig.Name != f.Name || c.fig.Unit != f.Unit {
			t.Errorf("card %s shows %s (%s)", key, c.fig.Name, c.fig.Unit)
		}
		if got, want := c.valueText(), formatNumber(f.Value); got != want {
			t.Errorf("card %s shows %s, store %v", key, got, f.Value)
		}
		if want := "2025年 " + figureText(prev[key]); c.prev != want {
			t.Errorf("card %s last year %q, want %q", key, c.prev, want)
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
		shown[key] = h.card(t, key).valueText()
	}
	june := h.actChart.values[5]
	junePT := h.ptChart.values[5]
	r := test.WidgetRenderer(h.actChart).(*barChartRenderer)
	juneBar := r.barHeight(5)

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
		if got := h.card(t, key).valueText(); got != formatNumber(want) {
			t.Errorf("card %s: %s → %s, want %s", key, shown[key], got, formatNumber(want))
		}
	}
	if h.actChart.values[5] != june+1 || h.ptChart.values[5] != junePT+10 {
		t.Errorf("June bars %v/%v → %v/%v", june, junePT, h.actChart.values[5], h.ptChart.values[5])
	}
	// The bars are redrawn in proportion to the new values.
	tallest := float32(0)
	for i := range 12 {
		tallest = max(tallest, r.barHeight(i))
	}
	if want := tallest * float32(h.actChart.values[5]/r.max()); r.barHeight(5) < want-0.5 || r.barHeight(5) > want+0.5 || r.barHeight(5) < juneBar {
		t.Errorf("June bar %v → %v high, want %v", juneBar, r.barHeight(5), want)
	}
	if r.values[5].Text != formatNumber(june+1) {
		t.Errorf("June bar says %q, want %v", r.values[5].Text, june+1)
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
	r := test.WidgetRenderer(h.actChart).(*barChartRenderer)
	top := r.max()
	for m := range 12 {
		if h.actChart.values[m] != count[m] || h.ptChart.values[m] != pt[m] {
			t.Errorf("%d月: bars %v/%v, store %v/%v", m+1, h.actChart.values[m], h.ptChart.values[m], count[m], pt[m])
		}
		if r.values[m].Text != formatNumber(count[m]) || r.labels[m].Text != fmt.Sprintf("%d月", m+1) {
			t.Errorf("%d月: labels %q %q", m+1, r.values[m].Text, r.labels[m].Text)
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
	if count[busiest] != top || r.barHeight(busiest) <= 0 {
		t.Fatalf("busiest month %d: %v activities, bar %v", busiest+1, count[busiest], r.barHeight(busiest))
	}
	for m := range 12 {
		want := r.barHeight(busiest) * float32(count[m]/top)
		if d := r.barHeight(m) - want; d > 0.5 || d < -0.5 {
			t.Errorf("%d月 bar %v high, want %v", m+1, r.barHeight(m), want)
		}
	}
}
