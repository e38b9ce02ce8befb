package data_test

import (
	"context"
	"testing"

	"chamberdesk/data"
	"chamberdesk/data/datatest"
)

func TestAddMetric(t *testing.T) {
	ctx := context.Background()
	s := datatest.MustOpen(t)
	before, err := s.Metrics(ctx)
	if err != nil {
		t.Fatal(err)
	}

	t.Run("OK", func(t *testing.T) {
		key, err := s.AddMetric(ctx, data.Metric{Name: " 结对帮扶 村数 ", Unit: "个", Kind: data.MetricOutcome, Note: "乡村振兴"})
		if err != nil {
			t.Fatal(err)
		}
		if key != "custom_1" {
			t.Fatalf("key %q, want custom_1", key)
		}
		key2, err := s.AddMetric(ctx, data.Metric{Name: "志愿服务时长", Unit: "小时", Kind: data.MetricManual})
		if err != nil {
			t.Fatal(err)
		}
		if key2 != "custom_2" {
			t.Fatalf("second key %q, want custom_2", key2)
		}
		ms, err := s.Metrics(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(ms) != len(before)+2 {
			t.Fatalf("%d metrics, want %d", len(ms), len(before)+2)
		}
		// Added metrics come after the catalog, in the order they were added.
		a, b := ms[len(ms)-2], ms[len(ms)-1]
		if a.Key != "custom_1" || a.Name != "结对帮扶 村数" || a.Unit != "个" || a.Kind != data.MetricOutcome ||
			a.Builtin || a.Note != "乡村振兴" || a.Rule != "" {
			t.Fatalf("stored %+v", a)
		}
		if b.Key != "custom_2" || b.Kind != data.MetricManual || b.Sort <= a.Sort || a.Sort <= before[len(before)-1].Sort {
			t.Fatalf("order %+v then %+v", a, b)
		}
		// A manual one takes a value like the catalog's manual metrics.
		if err := s.SetManualValue(ctx, data.ManualValue{Year: 2026, MetricKey: key2, Value: 320, Note: "志愿者登记"}); err != nil {
			t.Fatal(err)
		}
	})

	for _, tc := range []struct {
		name string
		m    data.Metric
		code string
	}{
		{"ErrNoName", data.Metric{Name: "  ", Unit: "个", Kind: data.MetricManual}, data.CodeInvalid},
		{"ErrLongName", data.Metric{Name: "一二三四五六七八九十一二三四五六七八九十一", Unit: "个", Kind: data.MetricManual}, data.CodeInvalid},
		{"ErrNoUnit", data.Metric{Name: "新指标", Unit: "", Kind: data.MetricManual}, data.CodeInvalid},
		{"ErrUnitDigits", data.Metric{Name: "新指标", Unit: "10人", Kind: data.MetricManual}, data.CodeInvalid},
		{"ErrLongUnit", data.Metric{Name: "新指标", Unit: "平方公里数", Kind: data.MetricManual}, data.CodeInvalid},
		{"ErrDerived", data.Metric{Name: "新指标", Unit: "个", Kind: data.MetricDerived}, data.CodeInvalid},
		{"ErrDuplicateBuiltin", data.Metric{Name: "签约项目数", Unit: "个", Kind: data.MetricOutcome}, data.CodeConflict},
		{"ErrDuplicateAdded", data.Metric{Name: "志愿服务时长", Unit: "小时", Kind: data.MetricOutcome}, data.CodeConflict},
		{"ErrDuplicateFullWidthSpace", data.Metric{Name: "结对帮扶\u3000村数", Unit: "个", Kind: data.MetricOutcome}, data.CodeConflict},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := len(mustMetrics(t, s))
			if _, err := s.AddMetric(ctx, tc.m); !data.IsCode(err, tc.code) {
				t.Fatalf("err = %v, want %s", err, tc.code)
			}
			if got := len(mustMetrics(t, s)); got != n {
				t.Fatalf("a refused metric was written: %d metrics, had %d", got, n)
			}
		})
	}

	t.Run("KeyNeverReused", func(t *testing.T) {
		// A key taken by hand further up is skipped, not collided with.
		if _, err := s.DB().Exec(`INSERT INTO metrics (key, name, unit, kind) VALUES ('custom_7', '旧指标', '个', 'manual')`); err != nil {
			t.Fatal(err)
		}
		key, err := s.AddMetric(ctx, data.Metric{Name: "法律咨询次数", Unit: "次", Kind: data.MetricOutcome})
		if err != nil || key != "custom_8" {
			t.Fatalf("key %q, %v; want custom_8", key, err)
		}
	})
}

// TestAddedOutcomeMetricInFigures: an outcome metric a person adds can be
// recorded on activities, and its figure sums them like the built-in ones.
func TestAddedOutcomeMetricInFigures(t *testing.T) {
	ctx := context.Background()
	s := datatest.MustOpen(t)
	key, err := s.AddMetric(ctx, data.Metric{Name: "帮扶困难群众", Unit: "户", Kind: data.MetricOutcome})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range []data.Activity{
		{Title: "走访慰问", Type: "公益慈善", Date: day(2026, 1, 20), Outcomes: []data.Outcome{{MetricKey: key, Value: 12}}},
		{Title: "结对帮扶", Type: "乡村振兴", Date: day(2026, 6, 8), Outcomes: []data.Outcome{{MetricKey: key, Value: 5.5},
			{MetricKey: "donations", Value: 3}}},
		{Title: "上年慰问", Type: "公益慈善", Date: day(2025, 12, 30), Outcomes: []data.Outcome{{MetricKey: key, Value: 100}}},
		{Title: "理事会", Type: "理事会", Date: day(2026, 7, 1)},
	} {
		if _, err := s.CreateActivity(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	figs, err := s.Figures(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	var got *data.Figure
	for i := range figs {
		if figs[i].Key == key {
			got = &figs[i]
		}
	}
	if got == nil || got.Value != 17.5 || got.Unit != "户" || got.Name != "帮扶困难群众" || !got.Set {
		t.Fatalf("figure %+v, want 17.5户", got)
	}
	_, contribs, err := s.Explain(ctx, 2026, key)
	if err != nil {
		t.Fatal(err)
	}
	if len(contribs) != 2 || contribs[0].Label != "走访慰问（公益慈善）" || contribs[1].Amount != 5.5 {
		t.Fatalf("contributions %+v", contribs)
	}
	// The activity keeps the outcome when read back.
	acts, err := s.Activities(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, a := range acts {
		for _, o := range a.Outcomes {
			found = found || (o.MetricKey == key && a.Title == "走访慰问" && o.Value == 12)
		}
	}
	if !found {
		t.Fatal("activity outcome with the added metric not read back")
	}
}

func TestParseMetricValue(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want float64
		ok   bool
	}{
		{"12", 12, true}, {" 3.5 ", 3.5, true}, {"１２０", 120, true}, {"1,200", 1200, true}, {"0", 0, true},
		{"13,200.5", 13200.5, true},
		{"-3", 0, false}, {"abc", 0, false}, {"", 0, false}, {"1,5", 0, false}, {"1e3", 0, false},
		{"NaN", 0, false}, {"Inf", 0, false}, {"12个", 0, false},
	} {
		t.Run(tc.in, func(t *testing.T) {
			v, err := data.ParseMetricValue(tc.in)
			if tc.ok && (err != nil || v != tc.want) {
				t.Fatalf("got %v, %v; want %v", v, err, tc.want)
			}
			if !tc.ok && !data.IsCode(err, data.CodeInvalid) {
				t.Fatalf("got %v, %v; want refused", v, err)
			}
		})
	}
}

func TestFigureYears(t *testing.T) {
	ctx := context.Background()
	s := datatest.MustOpen(t)
	if ys, err := s.FigureYears(ctx); err != nil || len(ys) != 0 {
		t.Fatalf("empty store: %v %v", ys, err)
	}
	if _, err := s.CreateActivity(ctx, data.Activity{Title: "座谈", Type: "政企座谈", Date: day(2024, 5, 1)}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetManualValue(ctx, data.ManualValue{Year: 2022, MetricKey: "jobs_created", Value: 1}); err != nil {
		t.Fatal(err)
	}
	if ys, err := s.FigureYears(ctx); err != nil || len(ys) != 2 || ys[0] != 2022 || ys[1] != 2024 {
		t.Fatalf("years %v %v", ys, err)
	}
}

func mustMetrics(t *testing.T, s *data.Store) []data.Metric {
	t.Helper()
	ms, err := s.Metrics(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return ms
}
