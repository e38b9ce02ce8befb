package ui

import (
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"chamberdesk/data"
)

func TestActivityAddThroughForm(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	s := openActivities(t, a)
	const year = 2026
	before := activityFigures(t, a, year)
	f := openActivityForm(t, a, s)

	f.kind.SetSelected("培训办班")
	test.Type(f.title, "跨境电商实务培训班")
	f.date.SetText("")
	test.Type(f.date, "2026年6月18日")
	test.Type(f.place, "镇电商服务中心")
	test.Type(f.outside, "20")
	test.Type(f.minutes, "邀请专家讲授跨境电商平台入驻和物流。\n现场答疑。")

	var three []data.Member
	for _, m := range allMembers(t, a) {
		if m.Status == data.StatusActive && len([]rune(m.Name)) >= 2 && len(three) < 3 {
			three = append(three, m)
		}
	}
	for _, m := range three {
		pickBySearch(t, f, m)
	}
	if f.pickedLabel.Text != "已选 3 人，加其他参与 20 人次，共 23 人次" {
		t.Fatalf("picked label %q", f.pickedLabel.Text)
	}
	test.Tap(f.addOutcomeBtn)
	f.outcomes[0].metric.SetSelected("服务企业户数（户）")
	test.Type(f.outcomes[0].value, "5")
	if f.outcomes[0].unit.Text != "户" {
		t.Fatalf("unit %q", f.outcomes[0].unit.Text)
	}
	photo := activityPhotoFile(t, t.TempDir(), "培训现场.jpg", 640, 480)
	f.photos.addPhotoFiles([]string{photo})
	a.wait()
	if f.photos.count() != 1 || f.photos.items[0].caption.Text != "培训现场" {
		t.Fatalf("photos in form: %d", f.photos.count())
	}
	f.photos.items[0].caption.SetText(f.photos.items[0].caption.Text + "，学员听讲")

	got := saveActivityForm(t, a, f)
	wantIDs := []int64{three[0].ID, three[1].ID, three[2].ID}
	slices.Sort(wantIDs)
	if got.Type != "培训办班" || got.Title != "跨境电商实务培训班" || !got.Date.Equal(time.Date(2026, 6, 18, 0, 0, 0, 0, time.UTC)) ||
		got.Place != "镇电商服务中心" || got.OutsideCount != 20 || !slices.Equal(got.Attendees, wantIDs) ||
		!strings.HasPrefix(got.Content, "邀请专家") {
		t.Fatalf("stored %+v", got)
	}
	if len(got.Outcomes) != 1 || got.Outcomes[0].MetricKey != "companies_served" || got.Outcomes[0].Value != 5 {
		t.Fatalf("outcomes %+v", got.Outcomes)
	}
	ps, err := a.store().Photos(a.ctx(), got.ID)
	if err != nil || len(ps) != 1 {
		t.Fatalf("photos %v %v", ps, err)
	}
	if ps[0].Caption != "培训现场，学员听讲" || ps[0].OriginalName != "培训现场.jpg" || !ps[0].TakenDate.Equal(got.Date) {
		t.Fatalf("photo %+v", ps[0])
	}
	if _, err := os.Stat(a.store().AttachmentPath(ps[0])); err != nil {
		t.Fatal(err)
	}

	after := activityFigures(t, a, year)
	want := map[string]float64{"activities_total": 1, "person_times": 23, "training_sessions": 1,
		"training_person_times": 23, "companies_served": 5}
	for _, k := range slices.Sorted(maps.Keys(after)) {
		if d := after[k] - before[k]; d != want[k] {
			t.Errorf("%s changed by %v, want %v", k, d, want[k])
		}
	}

	// The dashboard shows the new figures: its cards moved by the same amounts.
	h := a.screens["home"].(*homeScreen)
	h.year = year
	a.show("home")
	for _, key := range []string{"activities_total", "person_times", "training_sessions", "training_person_times"} {
		c := h.card(t, key)
		if c.Figure().Value != formatNumber(before[key]+want[key]) {
			t.Errorf("dashboard %s shows %v; want %v", key, c.Figure().Value, before[key]+want[key])
		}
	}
	a.show("activities")

	// The list shows it selected, with its photo, and the panel its facts.
	if s.selected != got.ID || s.filterYear() != year {
		t.Fatalf("selected %d year %d", s.selected, s.filterYear())
	}
	row := slices.IndexFunc(s.rows, func(x *data.Activity) bool { return x.ID == got.ID })
	if row < 0 || s.activityCellText(s.rows[row], 5) != "1" || s.activityCellText(s.rows[row], 4) != "23" {
		t.Fatalf("row %d", row)
	}
	a.wait()
	if len(s.photos) != 1 {
		t.Fatalf("detail photos %d", len(s.photos))
	}
}

func TestActivityFormInvalid(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	s := openActivities(t, a)
	n := storedActivities(t, a)
	f := openActivityForm(t, a, s)
	f.kind.SetSelected("理事会")
	test.Type(f.title, "三季度理事会")

	f.date.SetText("")
	test.Type(f.date, "2026-13-45")
	if f.submit() {
		t.Fatal("saved with an impossible date")
	}
	if f.date.Validate() == nil || f.closed {
		t.Fatal("no inline error on the date")
	}
	msg := plain(func() error { _, err := data.ParseDate("2026-13-45"); return err }()).Error()
	if !strings.Contains(topTexts(a), msg) {
		t.Fatalf("the form does not show %q", msg)
	}

	f.date.SetText("2026-09-20")
	f.endDate.SetText("2026-09-19")
	if f.submit() || f.endDate.Validate() == nil {
		t.Fatal("saved with the end before the start")
	}
	f.endDate.SetText("")

	test.Type(f.outside, "-3")
	if f.submit() {
		t.Fatal("saved with negative outside person-times")
	}
	if err := f.outside.Validate(); err == nil || err.Error() != "不能为负数" {
		t.Fatalf("outside validation %v", err)
	}
	f.outside.SetText("2.5")
	if f.submit() || f.outside.Validate() == nil {
		t.Fatal("saved with a fraction of a person")
	}
	f.outside.SetText("")

	test.Tap(f.addOutcomeBtn)
	f.outcomes[0].metric.SetSelected("投资额（亿元）")
	test.Type(f.outcomes[0].value, "-1")
	if f.submit() || f.outcomes[0].value.Validate() == nil {
		t.Fatal("saved a negative outcome")
	}
	f.outcomes[0].value.SetText("1.5")
	test.Tap(f.addOutcomeBtn)
	f.outcomes[1].metric.SetSelected("投资额（亿元）")
	f.outcomes[1].value.SetText("2")
	if f.submit() {
		t.Fatal("saved the same outcome twice")
	}
	if got := storedActivities(t, a); got != n {
		t.Fatalf("%d activities after refused saves, want %d", got, n)
	}

	test.Tap(f.outcomes[1].removeBtn)
	if !f.submit() {
		t.Fatalf("a valid form did not save: %s", topTexts(a))
	}
	got, err := a.store().Activity(a.ctx(), f.lastID)
	if err != nil || len(got.Outcomes) != 1 || got.Outcomes[0].Value != 1.5 || got.OutsideCount != 0 {
		t.Fatalf("saved %+v %v", got, err)
	}
}

func TestActivityQuickPicks(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	s := openActivities(t, a)
	f := openActivityForm(t, a, s)
	ms := allMembers(t, a)
	limit := data.OfficeRank("理事")
	var leaders, active []int64
	for _, m := range ms {
		if m.Status != data.StatusActive {
			continue
		}
		active = append(active, m.ID)
		if data.OfficeRank(m.Office) <= limit {
			leaders = append(leaders, m.ID)
		}
	}
	slices.Sort(leaders)
	slices.Sort(active)
	picked := func() []int64 { ids := slices.Collect(maps.Keys(f.picked)); slices.Sort(ids); return ids }
	test.Tap(f.leadersBtn)
	if !slices.Equal(picked(), leaders) || len(leaders) == 0 || len(leaders) == len(active) {
		t.Fatalf("全体理事及以上 picked %d, want the %d active members at 理事 or above: %v / %v", len(f.picked), len(leaders), picked(), leaders)
	}
	test.Tap(f.clearBtn)
	if len(f.picked) != 0 || f.pickedLabel.Text != "已选 0 人" {
		t.Fatalf("清空 left %d (%q)", len(f.picked), f.pickedLabel.Text)
	}
	test.Tap(f.allBtn)
	if !slices.Equal(picked(), active) {
		t.Fatalf("全体会员 picked %d, want %d", len(f.picked), len(active))
	}
	f.onlyPicked.SetChecked(true)
	if len(f.matches) != len(active) {
		t.Fatalf("只看已选 lists %d", len(f.matches))
	}

	// For an activity back in time, members who joined later are not picked.
	test.Tap(f.clearBtn)
	f.onlyPicked.SetChecked(false)
	f.date.SetText("2025-01-10")
	d, _ := data.ParseDate("2025-01-10")
	test.Tap(f.leadersBtn)
	for _, m := range ms {
		want := m.Status == data.StatusActive && data.OfficeRank(m.Office) <= limit && (m.JoinDate.IsZero() || !m.JoinDate.After(d))
		if f.picked[m.ID] != want {
			t.Fatalf("member %d (%s, joined %s) picked %v", m.ID, m.Office, data.FormatDateISO(m.JoinDate), f.picked[m.ID])
		}
	}
}

// pickBySearch types a member's name into the picker's search and taps the
// member's row.
func pickBySearch(t *testing.T, f *activityForm, m data.Member) {
	t.Helper()
	f.search.SetText("")
	test.Type(f.search, m.Name)
	i := slices.IndexFunc(f.matches, func(x *data.Member) bool { return x.ID == m.ID })
	if i < 0 {
		t.Fatalf("searching %q did not find member %d", m.Name, m.ID)
	}
	f.memberList.Select(i)
	if !f.picked[m.ID] {
		t.Fatalf("tapping %s did not pick them", m.Name)
	}
}

// saveActivityForm saves the open activity form with Ctrl+S, checks that it
// closed, and returns the activity as stored.
func saveActivityForm(t *testing.T, a *App, f *activityForm) data.Activity {
	t.Helper()
	a.shortcut["save"]() // Ctrl+S
	a.wait()
	if !f.closed || f.lastID == 0 {
		t.Fatalf("form still open after save: %s", topTexts(a))
	}
	got, err := a.store().Activity(a.ctx(), f.lastID)
	if err != nil {
		t.Fatal(err)
	}
	return got
}
