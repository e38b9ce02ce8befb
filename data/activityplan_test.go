package data_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"chamberdesk/data"
	"chamberdesk/data/datatest"
	"chamberdesk/data/demo"
)

// yearView is everything a year's counts are made of.
type yearView struct {
	Figures    map[string]float64
	Months     [12]data.MonthFigures
	Assemblies int
	Held       int
	NoPhotos   int
	Recent     []int64
	FromMember int
}

func viewYear(t *testing.T, s *data.Store, year int, member int64) yearView {
	t.Helper()
	ctx := context.Background()
	v := yearView{Figures: map[string]float64{}}
	figs, err := s.Figures(ctx, year)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range figs {
		v.Figures[f.Key] = f.Value
	}
	if v.Months, err = s.MonthlyActivity(ctx, year); err != nil {
		t.Fatal(err)
	}
	if v.Assemblies, err = s.CountActivitiesOfType(ctx, year, "会员大会"); err != nil {
		t.Fatal(err)
	}
	acts, err := s.Activities(ctx, year)
	if err != nil {
		t.Fatal(err)
	}
	v.Held = len(acts)
	np, err := s.ActivitiesWithoutPhotos(ctx, year)
	if err != nil {
		t.Fatal(err)
	}
	v.NoPhotos = len(np)
	recent, err := s.RecentActivities(ctx, 5)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recent {
		v.Recent = append(v.Recent, r.ID)
	}
	mine, err := s.ActivitiesOfMember(ctx, member)
	if err != nil {
		t.Fatal(err)
	}
	v.FromMember = len(mine)
	return v
}

// TestPlannedActivityMovesNothing plans a 会员大会 on the demo chamber with
// invitees, outside guests and an outcome: no figure, month, count, list or
// ledger moves until it is marked held, and then they move by exactly it.
func TestPlannedActivityMovesNothing(t *testing.T) {
	ctx := context.Background()
	s := datatest.MustOpen(t)
	s.Now = func() time.Time { return demo.Clock }
	if err := demo.Fill(ctx, s); err != nil {
		t.Fatal(err)
	}
	ms, err := s.Members(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var invited []int64
	for _, m := range ms {
		if m.Status == data.StatusActive && len(invited) < 10 {
			invited = append(invited, m.ID)
		}
	}
	before := viewYear(t, s, 2026, invited[0])
	a := data.Activity{Title: "第四届会员大会第一次会议", Type: "会员大会", Date: day(2026, 12, 18), StartTime: "下午2点半",
		Place: "镇商贸中心三楼会议室", Agenda: "  审议年度工作报告\n\n审议财务收支情况报告 \n选举产生第四届理事会", Planned: true,
		Attendees: invited, OutsideCount: 5, Outcomes: []data.Outcome{{MetricKey: "projects_signed", Value: 2}}}
	id, err := s.CreateActivity(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Activity(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Planned || got.StartTime != "14:30" || got.State() != data.StatePlanned ||
		!reflect.DeepEqual(got.AgendaItems(), []string{"审议年度工作报告", "审议财务收支情况报告", "选举产生第四届理事会"}) {
		t.Errorf("stored %+v", got)
	}
	if after := viewYear(t, s, 2026, invited[0]); !reflect.DeepEqual(after, before) {
		t.Errorf("a planned activity moved the year:\nbefore %+v\nafter  %+v", before, after)
	}
	all, _ := s.ActivitiesWithPlanned(ctx, 2026)
	if len(all) != before.Held+1 || all[0].ID != id {
		t.Errorf("the screen's list has %d (want %d) and starts with %d", len(all), before.Held+1, all[0].ID)
	}
	up, _ := s.UpcomingActivities(ctx, day(2026, 11, 20), 5)
	if len(up) != 1 || up[0].ID != id {
		t.Errorf("upcoming %+v", up)
	}
	if n, _ := s.PlannedOfType(ctx, 2026, "会员大会"); n != 1 {
		t.Errorf("planned 会员大会 %d", n)
	}

	// Held: every figure moves by this activity.
	got.Planned = false
	if err := s.UpdateActivity(ctx, got); err != nil {
		t.Fatal(err)
	}
	after := viewYear(t, s, 2026, invited[0])
	want := before
	want.Figures = map[string]float64{}
	for k, v := range before.Figures {
		want.Figures[k] = v
	}
	want.Figures["activities_total"]++
	want.Figures["person_times"] += 15
	want.Figures["projects_signed"] += 2
	want.Months[11].Activities++
	want.Months[11].PersonTimes += 15
	want.Assemblies++
	want.Held++
	want.NoPhotos++
	want.Recent = append([]int64{id}, before.Recent[:4]...)
	want.FromMember++
	if !reflect.DeepEqual(after, want) {
		t.Errorf("marked held:\ngot  %+v\nwant %+v", after, want)
	}
	if up, _ := s.UpcomingActivities(ctx, day(2026, 11, 20), 5); len(up) != 0 {
		t.Errorf("still upcoming: %+v", up)
	}
}

func TestActivityStartTime(t *testing.T) {
	for in, want := range map[string]string{"14:30": "14:30", "9：05": "09:05", "下午2点半": "14:30", "上午9点": "09:00",
		"晚上7点30分": "19:30", "": "", "１４：００": "14:00"} {
		a := data.Activity{Title: "t", Type: "其他", Date: day(2026, 1, 1), StartTime: in}
		if err := a.Normalize(); err != nil || a.StartTime != want {
			t.Errorf("%q: %q, %v; want %q", in, a.StartTime, err, want)
		}
	}
	for _, in := range []string{"25:00", "14:75", "下午", "两点"} {
		a := data.Activity{Title: "t", Type: "其他", Date: day(2026, 1, 1), StartTime: in}
		if err := a.Normalize(); err == nil {
			t.Errorf("%q was taken as %q", in, a.StartTime)
		}
	}
}

func TestActivityNotice(t *testing.T) {
	ctx := context.Background()
	s := datatest.MustOpen(t)
	id, err := s.CreateActivity(ctx, data.Activity{Title: "2026年度理事会", Type: "理事会", Date: day(2026, 12, 18), Planned: true})
	if err != nil {
		t.Fatal(err)
	}
	n, err := s.ActivityNotice(ctx, id)
	if err != nil || n.ActivityID != id || n.DocNo != "" {
		t.Fatalf("unsaved notice %+v, %v", n, err)
	}
	a, _ := s.Activity(ctx, id)
	if got := n.NoticeTitle(a); got != "关于召开2026年度理事会的通知" {
		t.Errorf("title %q", got)
	}
	n = data.Notice{ActivityID: id, DocNo: "青禾商发〔2026〕5号", Addressees: "各位理事", Bring: "身份证\n\n 笔记本 ",
		ReplyBy: day(2026, 12, 15), Contact: "宓秋禾", ContactPhone: "13905710001", Issued: day(2026, 12, 8)}
	if err := s.SaveActivityNotice(ctx, n); err != nil {
		t.Fatal(err)
	}
	got, err := s.ActivityNotice(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	n.Bring = "身份证\n笔记本"
	if !reflect.DeepEqual(got, n) {
		t.Errorf("read back %+v, want %+v", got, n)
	}
	ch, _ := s.Changes(ctx, "activity", id)
	if len(ch) != 2 || ch[0].ChangedFields()[0] != "notice_addressees" {
		t.Errorf("log %+v", ch)
	}
	if err := s.SaveActivityNotice(ctx, data.Notice{ActivityID: 999}); !data.IsCode(err, data.CodeNotFound) {
		t.Errorf("notice of a missing activity: %v", err)
	}
}
