package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"chamberdesk/data"
)

// openActivities shows the activities screen and returns it.
func openActivities(t *testing.T, a *App) *activitiesScreen {
	t.Helper()
	return openScreen[*activitiesScreen](t, a, "activities")
}

// openActivityForm opens the add form with Ctrl+N, as a person would.
func openActivityForm(t *testing.T, a *App, s *activitiesScreen) *activityForm {
	t.Helper()
	f := shortcutForm(t, a, "new", s.onAdd)
	if f == nil || f.closed {
		t.Fatal("Ctrl+N did not open the activity form")
	}
	return f
}

// figures is a year's figures by metric key, from the database.
func activityFigures(t *testing.T, a *App, year int) map[string]float64 {
	t.Helper()
	fs, err := a.store().Figures(a.ctx(), year)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]float64{}
	for _, f := range fs {
		out[f.Key] = f.Value
	}
	return out
}

func storedActivities(t *testing.T, a *App) int {
	t.Helper()
	all, err := a.store().Activities(a.ctx(), 0)
	if err != nil {
		t.Fatal(err)
	}
	return len(all)
}

func TestActivityFilters(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	s := openActivities(t, a)
	ids := func() []int64 {
		out := make([]int64, len(s.rows))
		for i, r := range s.rows {
			out[i] = r.ID
		}
		return out
	}
	if s.year.Selected != activityYearText(membersToday(a).Year()) {
		t.Fatalf("opens on %q", s.year.Selected)
	}
	for _, y := range []int{2025, 2026} {
		s.year.SetSelected(activityYearText(y))
		want, err := a.store().Activities(a.ctx(), y)
		if err != nil || len(want) == 0 {
			t.Fatalf("%d: %d activities, %v", y, len(want), err)
		}
		var wantIDs []int64
		for _, w := range want {
			wantIDs = append(wantIDs, w.ID)
		}
		if !slices.Equal(ids(), wantIDs) {
			t.Fatalf("%d lists %v, want %v", y, ids(), wantIDs)
		}
		if !strings.HasPrefix(s.count.Text, "共 "+strconv.Itoa(len(want))+" 场") {
			t.Fatalf("count %q", s.count.Text)
		}
		s.kind.SetSelected("培训办班")
		var training []int64
		for _, w := range want {
			if w.Type == "培训办班" {
				training = append(training, w.ID)
			}
		}
		if len(training) == 0 || !slices.Equal(ids(), training) {
			t.Fatalf("%d 培训办班 lists %v, want %v", y, ids(), training)
		}
		s.kind.SetSelectedIndex(0)
	}
	s.year.SetSelected(activityAllYears)
	all, _ := a.store().Activities(a.ctx(), 0)
	if len(s.rows) != len(all) {
		t.Fatalf("全部年份 lists %d, want %d", len(s.rows), len(all))
	}
	for i := 1; i < len(s.rows); i++ {
		if s.rows[i].Date.After(s.rows[i-1].Date) {
			t.Fatal("not newest first")
		}
	}
	place := all[3].Place
	test.Type(s.search, place)
	if len(s.rows) == 0 || len(s.rows) == len(all) {
		t.Fatalf("searching %q lists %d", place, len(s.rows))
	}
	for _, r := range s.rows {
		if !strings.Contains(r.Title+r.Place+r.Content+r.Organizer+r.Partners, place) {
			t.Fatalf("%q does not mention %q", r.Title, place)
		}
	}
	s.search.SetText("没有这样的活动xyz")
	if len(s.rows) != 0 || s.count.Text != "共 0 场 · 0 人次" || !s.editBtn.Disabled() {
		t.Fatalf("nonsense search lists %d (%q)", len(s.rows), s.count.Text)
	}
}

func TestActivityEditAndDelete(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	s := openActivities(t, a)
	s.year.SetSelected("2025年")
	row := slices.IndexFunc(s.rows, func(x *data.Activity) bool { return len(x.Attendees) > 3 })
	s.selectRow(row)
	a.wait()
	id := s.selected
	orig, _ := a.store().Activity(a.ctx(), id)
	year := orig.Date.Year()
	before := activityFigures(t, a, year)
	if !strings.Contains(texts(s.detail), orig.Title) {
		t.Fatal("the detail panel does not show the selected activity")
	}

	f := tapForm(t, a, s.editBtn, s.onEdit)
	a.wait()
	if len(f.picked) != len(orig.Attendees) {
		t.Fatalf("form picked %d, stored %d", len(f.picked), len(orig.Attendees))
	}
	test.Tap(f.clearBtn)
	ms := allMembers(t, a)
	pickBySearch(t, f, ms[0])
	pickBySearch(t, f, ms[1])
	f.memberList.Select(slices.IndexFunc(f.matches, func(m *data.Member) bool { return m.ID == ms[1].ID })) // untick again
	if len(f.picked) != 1 {
		t.Fatalf("picked %d after ticking twice", len(f.picked))
	}
	pickBySearch(t, f, ms[1])
	if !f.submit() {
		t.Fatal(topTexts(a))
	}
	a.wait()
	got, _ := a.store().Activity(a.ctx(), id)
	want := []int64{ms[0].ID, ms[1].ID}
	slices.Sort(want)
	if !slices.Equal(got.Attendees, want) {
		t.Fatalf("attendees %v, want %v", got.Attendees, want)
	}
	after := activityFigures(t, a, year)
	if d := after["person_times"] - before["person_times"]; d != float64(2-len(orig.Attendees)) {
		t.Fatalf("person_times changed by %v", d)
	}
	if after["activities_total"] != before["activities_total"] {
		t.Fatal("editing changed the number of activities")
	}
	mine, _ := a.store().ActivitiesOfMember(a.ctx(), ms[0].ID)
	if !slices.ContainsFunc(mine, func(x data.Activity) bool { return x.ID == id }) {
		t.Fatal("attendance not recorded for the member")
	}

	// 删除 asks first; 取消 keeps it.
	test.Tap(s.deleteBtn)
	if !strings.Contains(topTexts(a), "确定删除") || buttonNamed(a.win.Canvas().Overlays().Top(), "取消") == nil {
		t.Fatalf("no confirmation: %q", topTexts(a))
	}
	test.Tap(buttonNamed(a.win.Canvas().Overlays().Top(), "取消"))
	if _, err := a.store().Activity(a.ctx(), id); err != nil {
		t.Fatal("cancelled delete removed the activity")
	}
	test.Tap(s.deleteBtn)
	test.Tap(buttonNamed(a.win.Canvas().Overlays().Top(), "删除"))
	if _, err := a.store().Activity(a.ctx(), id); !data.IsCode(err, data.CodeNotFound) {
		t.Fatalf("deleted activity still there: %v", err)
	}
	if ps, _ := a.store().Photos(a.ctx(), id); len(ps) != 0 {
		t.Fatal("photo records left behind")
	}
	if slices.ContainsFunc(s.rows, func(x *data.Activity) bool { return x.ID == id }) || s.selected != 0 {
		t.Fatal("deleted activity still listed")
	}
	if d := before["activities_total"] - activityFigures(t, a, year)["activities_total"]; d != 1 {
		t.Fatalf("activities_total changed by %v", -d)
	}
}

func TestActivityShortcuts(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	s := openActivities(t, a)
	a.show("members")
	a.show("activities")
	f := openActivityForm(t, a, s)
	open := topOverlay(a)
	a.runShortcut("new") // Ctrl+N again while the form is open: no second form
	if topOverlay(a) != open || s.onAdd() != nil {
		t.Fatal("Ctrl+N stacked a second form")
	}
	a.shortcut["save"]() // nothing filled in: refused, stays open
	if f.closed {
		t.Fatal("an empty form saved")
	}
	f.dlg.Hide()
	if !f.closed {
		t.Fatal("form did not close")
	}
	a.show("members")
	a.runShortcut("new")
	top := a.win.Canvas().Overlays().Top()
	if top == nil || strings.Contains(texts(top), "新增活动") {
		t.Fatal("Ctrl+N on the members screen opened an activity")
	}
	if !strings.Contains(texts(top), "新增会员") {
		t.Fatal("Ctrl+N on the members screen did not open the member form")
	}
}

// TestActivitiesScreenshot renders the activities screen, the edit form's
// pages and a new activity's photos, checks each is drawn and shows its
// title, and writes them as PNGs to SHOT_DIR when set.
func TestActivitiesScreenshot(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	s := openActivities(t, a)
	screen := func(name string) {
		t.Helper()
		a.wait()
		act := s.selectedActivity()
		if act == nil {
			t.Fatalf("%s: no activity selected", name)
		}
		checkShot(t, a.win, screenRegion(a), name, act.Title)
	}
	dlg := func(name, title string) {
		t.Helper()
		a.wait()
		checkShot(t, a.win, dialogRegion(t, a), name, title)
	}
	a.win.Canvas().Capture() // drawn once before anything is selected, as a person sees it
	row := slices.IndexFunc(s.rows, func(x *data.Activity) bool { return s.photoN[x.ID] >= 3 && len(x.Outcomes) > 0 })
	if row < 0 {
		row = slices.IndexFunc(s.rows, func(x *data.Activity) bool { return s.photoN[x.ID] > 0 })
	}
	s.table.Reveal(row)
	screen("activities.png")
	a.win.Resize(fyne.NewSize(1100, 720))
	s.kind.SetSelected("培训办班")
	s.selectRow(0)
	screen("activities_small.png")
	a.win.Resize(fyne.NewSize(1280, 800))
	s.kind.SetSelectedIndex(0)
	s.table.Reveal(row)
	a.wait()
	f := tapForm(t, a, s.editBtn, s.onEdit)
	a.wait()
	f.date.SetText("2026-02-30")
	f.outside.SetText("-1")
	dlg("activities_form.png", "编辑活动")
	f.tabs.SelectIndex(1)
	test.Type(f.search, "li")
	dlg("activities_form_people.png", "编辑活动")
	f.tabs.SelectIndex(2)
	dlg("activities_form_photos.png", "编辑活动")
	f.dlg.Hide()
	f = openActivityForm(t, a, s)
	f.tabs.SelectIndex(2)
	heic := filepath.Join(t.TempDir(), "IMG_0001.HEIC")
	if err := os.WriteFile(heic, []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"), 0o600); err != nil {
		t.Fatal(err)
	}
	f.photos.addPhotoFiles([]string{activityPhotoFile(t, t.TempDir(), "IMG_2041.jpg", 1500, 2000), heic})
	// The HEIC file is refused in a message over the form, the JPG added.
	dlg("activities_form_new_photo.png", "HEIC")
	if f.photos.count() != 1 {
		t.Errorf("the new activity's form holds %d photos, want the JPG", f.photos.count())
	}
	dismissTop(t, a)
	f.dlg.Hide()

	// A planned meeting: the list, its detail and its notice.
	id, err := a.store().CreateActivity(a.ctx(), data.Activity{Title: "第四届会员大会第一次会议", Type: "会员大会",
		Planned: true, Date: time.Date(2026, 12, 18, 0, 0, 0, 0, time.UTC), StartTime: "14:30",
		Place: "镇商贸中心三楼会议室", Agenda: "审议2026年度工作报告\n审议2026年度财务收支情况报告\n选举产生第四届理事会、监事会"})
	if err != nil {
		t.Fatal(err)
	}
	s.saved(id)
	screen("activities_planned.png")
	n := s.onNotice()
	if n == nil {
		t.Fatal("no notice form")
	}
	n.docNo.SetText("青禾商发〔2026〕12号")
	n.bring.SetText("本人身份证\n会员证")
	n.replyBy.SetText("2026-12-15")
	dlg("activities_notice.png", "会议通知")
}
