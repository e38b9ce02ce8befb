package data_test

import (
	"context"
	"testing"

	"chamberdesk/data"
	"chamberdesk/data/datatest"
)

// TestFigures computes every metric on a small fixture and compares with
// values worked out by hand.
func TestFigures(t *testing.T) {
	ctx := context.Background()
	s := datatest.MustOpen(t)
	add := func(m data.Member) int64 {
		id, _, err := s.CreateMember(ctx, m)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	a := add(data.Member{Name: "甲", Company: "甲公司", JoinDate: day(2020, 1, 1)})
	b := add(data.Member{Name: "乙", Political: "中共党员", JoinDate: day(2026, 2, 1)})
	c := add(data.Member{Name: "丙", Political: "中共党员", JoinDate: day(2019, 1, 1)})
	add(data.Member{Name: "丁", JoinDate: day(2027, 1, 1)})
	if err := s.LeaveMember(ctx, c, day(2026, 3, 10), "迁出"); err != nil {
		t.Fatal(err)
	}
	act := func(x data.Activity) {
		if _, err := s.CreateActivity(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	// 丙 left in March but still counts for the February class.
	act(data.Activity{Title: "财税培训", Type: "培训办班", Date: day(2026, 2, 20), Attendees: []int64{a, c}, OutsideCount: 10,
		Outcomes: []data.Outcome{{MetricKey: "investment", Value: 1.5}, {MetricKey: "companies_served", Value: 8}}})
	act(data.Activity{Title: "参观纪念馆", Type: "红色教育", Date: day(2026, 5, 1), Attendees: []int64{a, b}})
	act(data.Activity{Title: "招商考察", Type: "招商引资/考察", Date: day(2026, 9, 1), OutsideCount: 3,
		Outcomes: []data.Outcome{{MetricKey: "investment", Value: 2.25}, {MetricKey: "projects_signed", Value: 2}}})
	act(data.Activity{Title: "去年的培训", Type: "培训办班", Date: day(2025, 12, 31), Attendees: []int64{a}, OutsideCount: 40})
	if err := s.SetManualValue(ctx, data.ManualValue{Year: 2026, MetricKey: "jobs_created", Value: 50, Note: "企业年报"}); err != nil {
		t.Fatal(err)
	}

	want := map[string]float64{
		"members_total": 2, "members_new": 1, "members_party": 1,
		"activities_total": 3, "person_times": 12 + 2 + 3, "training_sessions": 1, "training_person_times": 12,
		"red_edu_person_times": 2, "investment": 3.75, "projects_signed": 2, "companies_served": 8,
		"donations": 0, "jobs_created": 50, "friendly_chambers": 0,
	}
	figs, err := s.Figures(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]data.Figure{}
	for _, f := range figs {
		got[f.Key] = f
	}
	for key, v := range want {
		if got[key].Value != v {
			t.Errorf("%s = %v; want %v", key, got[key].Value, v)
		}
	}
	if got["friendly_chambers"].Set || !got["jobs_created"].Set {
		t.Error("manual metrics: entered one should be set, the other not")
	}
	if figs2025, _ := s.Figures(ctx, 2025); figs2025[0].Key != "members_total" || figs2025[0].Value != 2 {
		t.Errorf("2025 members_total %v; want 甲 and 丙", figs2025[0].Value)
	}

	t.Run("Explain", func(t *testing.T) {
		f, contribs, err := s.Explain(ctx, 2026, "training_person_times")
		if err != nil {
			t.Fatal(err)
		}
		if f.Value != 12 || len(contribs) != 1 || contribs[0].Label != "财税培训（培训办班）" || contribs[0].Amount != 12 {
			t.Fatalf("explain %v %+v", f.Value, contribs)
		}
		_, contribs, _ = s.Explain(ctx, 2026, "members_total")
		if len(contribs) != 2 || contribs[0].ID != a || contribs[1].ID != b {
			t.Fatalf("members behind members_total: %+v", contribs)
		}
		if _, _, err := s.Explain(ctx, 2026, "nope"); !data.IsCode(err, data.CodeNotFound) {
			t.Fatalf("unknown metric: %v", err)
		}
	})
}
