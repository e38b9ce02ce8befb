package data_test

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"testing"

	"chamberdesk/data"
	"chamberdesk/data/datatest"
)

func TestDashboardQueries(t *testing.T) {
	ctx := context.Background()
	s := datatest.MustOpen(t)
	m1, _, err := s.CreateMember(ctx, data.Member{Name: "甲", JoinDate: day(2020, 1, 1)})
	if err != nil {
		t.Fatal(err)
	}
	m2, _, err := s.CreateMember(ctx, data.Member{Name: "乙", JoinDate: day(2020, 1, 1)})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for _, a := range []data.Activity{
		{Title: "一月培训", Type: "培训办班", Date: day(2026, 1, 9), Attendees: []int64{m1, m2}, OutsideCount: 30},
		{Title: "一月座谈", Type: "政企座谈", Date: day(2026, 1, 31), OutsideCount: 5},
		{Title: "会员大会", Type: "会员大会", Date: day(2026, 3, 2), Attendees: []int64{m1}},
		// A three-day trip counts in the month it starts.
		{Title: "跨月考察", Type: "招商引资/考察", Date: day(2026, 11, 30), EndDate: day(2026, 12, 2), OutsideCount: 4},
		{Title: "上年大会", Type: "会员大会", Date: day(2025, 12, 31), OutsideCount: 100},
	} {
		id, err := s.CreateActivity(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		ids[a.Title] = id
	}
	img := image.NewRGBA(image.Rect(0, 0, 8, 8))
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddPhoto(ctx, ids["一月培训"], "a.png", buf.Bytes(), "", day(2026, 1, 9)); err != nil {
		t.Fatal(err)
	}

	t.Run("ActivitiesWithoutPhotos", func(t *testing.T) {
		refs, err := s.ActivitiesWithoutPhotos(ctx, 2026)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range refs {
			got = append(got, r.Title)
		}
		want := []string{"跨月考察", "会员大会", "一月座谈"}
		if len(got) != len(want) {
			t.Fatalf("got %v, want %v", got, want)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("got %v, want %v", got, want)
			}
		}
		if refs[1].ID != ids["会员大会"] || !refs[1].Date.Equal(day(2026, 3, 2)) || refs[1].Type != "会员大会" {
			t.Fatalf("ref %+v", refs[1])
		}
	})

	t.Run("RecentActivities", func(t *testing.T) {
		refs, err := s.RecentActivities(ctx, 3)
		if err != nil {
			t.Fatal(err)
		}
		if len(refs) != 3 || refs[0].Title != "跨月考察" || refs[1].Title != "会员大会" || refs[2].Title != "一月座谈" {
			t.Fatalf("recent %+v", refs)
		}
		if refs[0].PersonTimes != 4 || refs[1].PersonTimes != 1 {
			t.Fatalf("person-times %d %d, want 4 1", refs[0].PersonTimes, refs[1].PersonTimes)
		}
		all, err := s.RecentActivities(ctx, 100)
		if err != nil || len(all) != 5 || all[4].Title != "上年大会" || all[3].PersonTimes != 32 {
			t.Fatalf("all %+v %v", all, err)
		}
	})

	t.Run("CountActivitiesOfType", func(t *testing.T) {
		for _, tc := range []struct {
			year int
			typ  string
			want int
		}{{2026, "会员大会", 1}, {2025, "会员大会", 1}, {2024, "会员大会", 0}, {2026, "理事会", 0}} {
			if n, err := s.CountActivitiesOfType(ctx, tc.year, tc.typ); err != nil || n != tc.want {
				t.Errorf("%d %s: %d %v, want %d", tc.year, tc.typ, n, err, tc.want)
			}
		}
	})

	t.Run("MonthlyActivity", func(t *testing.T) {
		months, err := s.MonthlyActivity(ctx, 2026)
		if err != nil {
			t.Fatal(err)
		}
		want := [12]data.MonthFigures{0: {2, 32 + 5}, 2: {1, 1}, 10: {1, 4}}
		if months != want {
			t.Fatalf("got %v, want %v", months, want)
		}
		// The months add up to the yearly figures.
		figs, err := s.Figures(ctx, 2026)
		if err != nil {
			t.Fatal(err)
		}
		acts, pt := 0, 0
		for _, m := range months {
			acts += m.Activities
			pt += m.PersonTimes
		}
		for _, f := range figs {
			if (f.Key == "activities_total" && f.Value != float64(acts)) || (f.Key == "person_times" && f.Value != float64(pt)) {
				t.Errorf("%s = %v, months add up to %d / %d", f.Key, f.Value, acts, pt)
			}
		}
	})
}
