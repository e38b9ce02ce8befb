package ui

import (
	"image"
	_ "image/jpeg"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"chamberdesk/data"
	"chamberdesk/data/datatest"
)

// TestPlannedActivityThroughForm plans a meeting in the form: it is listed
// as 计划 and counted apart, no figure moves; 标记为已举行 opens it on its
// people, and saving it held moves the figures by its person-times.
func TestPlannedActivityThroughForm(t *testing.T) {
	a, s := openDemoOn[*activitiesScreen](t, "activities", demoClock)
	before := activityFigures(t, a, 2026)
	count := s.count.Text
	f := openActivityForm(t, a, s)
	f.state.SetValue(data.StatePlanned)
	f.kind.SetValue("理事会")
	test.Type(f.title, "2026年度理事会")
	f.date.SetText("2026-12-18")
	test.Type(f.startTime, "下午2点半")
	test.Type(f.place, "镇商贸中心三楼会议室")
	test.Type(f.agenda, "审议年度工作报告\n审议财务收支报告")
	pickBySearch(t, f, allMembers(t, a)[0])
	got := saveActivityForm(t, a, f)
	if !got.Planned || got.StartTime != "14:30" || !reflect.DeepEqual(got.AgendaItems(), []string{"审议年度工作报告", "审议财务收支报告"}) {
		t.Fatalf("stored %+v", got)
	}
	if after := activityFigures(t, a, 2026); !reflect.DeepEqual(after, before) {
		t.Errorf("a planned activity moved the figures:\n%v\n%v", before, after)
	}
	if s.count.Text != count+"（另有 1 项计划）" {
		t.Errorf("count %q, was %q", s.count.Text, count)
	}
	if sel := s.selectedActivity(); sel == nil || sel.ID != got.ID || !strings.HasSuffix(s.table.Cell(0, 0).Text(), "（计划）") {
		t.Fatalf("the new plan is not selected and marked: %v", s.table.Cell(0, 0).Text())
	}
	if !strings.Contains(texts(s.detail), "计划（尚未举行，不计入任何统计）") {
		t.Errorf("the detail does not say it is planned: %v", texts(s.detail))
	}

	held := s.onHeld()
	if held == nil || held.state.Value() != data.StateHeld || held.tabs.Selected() != held.peopleTab {
		t.Fatal("标记为已举行 did not open the form as held on its people")
	}
	held.outside.SetText("3")
	done := saveActivityForm(t, a, held)
	if done.Planned {
		t.Fatal("still planned")
	}
	after := activityFigures(t, a, 2026)
	if after["activities_total"] != before["activities_total"]+1 || after["person_times"] != before["person_times"]+4 {
		t.Errorf("held: activities %v → %v, person-times %v → %v", before["activities_total"], after["activities_total"],
			before["person_times"], after["person_times"])
	}
}

// TestNoticeDialog fills in a notice, saves it, copies the WeChat text and
// writes the PDF, offering the folder afterwards.
func TestNoticeDialog(t *testing.T) {
	a, s := openDemoOn[*activitiesScreen](t, "activities", demoClock)
	id, err := a.store().CreateActivity(a.ctx(), data.Activity{Title: "第四届会员大会第一次会议", Type: "会员大会",
		Planned: true, Date: time.Date(2026, 12, 18, 0, 0, 0, 0, time.UTC), StartTime: "14:30", Place: "镇商贸中心",
		Agenda: "审议工作报告\n选举理事会"})
	if err != nil {
		t.Fatal(err)
	}
	s.refresh()
	a.wait()
	s.selectRow(s.rowOf(id))
	f := s.onNotice()
	if f == nil {
		t.Fatal("no notice form")
	}
	test.Type(f.docNo, "青禾商发〔2026〕12号")
	test.Type(f.bring, "本人身份证")
	test.Type(f.replyBy, "2026年12月15日")
	f.phone.SetText("0571-86001234")
	if !strings.Contains(f.preview.Text, "请于2026年12月15日（星期二）前") || !strings.Contains(f.preview.Text, "1. 审议工作报告") {
		t.Errorf("preview %q", f.preview.Text)
	}
	f.copyText()
	if clip := fyne.CurrentApp().Clipboard().Content(); !strings.HasPrefix(clip, "【会议通知】关于召开第四届会员大会第一次会议的通知") {
		t.Errorf("clipboard %q", clip)
	}
	dismissTop(t, a)
	n, err := a.store().ActivityNotice(a.ctx(), id)
	if err != nil || n.DocNo != "青禾商发〔2026〕12号" || n.Bring != "本人身份证" || n.ContactPhone != "0571-86001234" ||
		!n.ReplyBy.Equal(time.Date(2026, 12, 15, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("stored notice %+v, %v", n, err)
	}

	// A wrong date is shown under its field and nothing is saved.
	f.replyBy.SetText("12月45日")
	if f.save() || f.replyBy.Validate() == nil {
		t.Error("a wrong reply date was saved")
	}
	dismissTop(t, a)
	f.replyBy.SetText("2026-12-15")

	out := filepath.Join(datatest.TempDir(t), "通知.pdf")
	var opened string
	a.openPDF = func(p string) error { opened = p; return nil }
	f.pickSave = func(name, ext string, use func(string)) {
		if name != "关于召开第四届会员大会第一次会议的通知.pdf" || ext != ".pdf" {
			t.Errorf("suggested %q %q", name, ext)
		}
		use(out)
	}
	f.export(".pdf")
	a.wait()
	text := pdfText(t, out)
	for _, w := range []string{"青禾商发", "第四届会员大会第一次会议", "审议工作报告", "选举理事会", "回"} {
		if !strings.Contains(text, w) {
			t.Errorf("the PDF lacks %q", w)
		}
	}
	tapOnTop(t, a, "打开所在文件夹")
	if opened != filepath.Dir(out) {
		t.Errorf("打开所在文件夹 opened %q", opened)
	}
}

// TestShareLongPicture saves a held activity's long picture as JPEG through
// the save dialog and offers its folder.
func TestShareLongPicture(t *testing.T) {
	a, s := openDemoOn[*activitiesScreen](t, "activities", demoClock)
	var act *data.Activity
	for _, r := range s.rows {
		if s.photoN[r.ID] >= 2 {
			act = r
			break
		}
	}
	if act == nil {
		t.Fatal("no demo activity with photos")
	}
	s.selectRow(s.rowOf(act.ID))
	if !onScreen(s.detail, s.shareBtn) {
		t.Fatal("a held activity offers no 活动长图")
	}
	out := filepath.Join(datatest.TempDir(t), "长图")
	s.pickShare = func(name string, use func(string)) {
		if name != act.Title+"_活动长图.jpg" {
			t.Errorf("suggested %q", name)
		}
		use(out) // no extension: saved as .jpg
	}
	s.onShare()
	a.wait()
	f, err := os.Open(out + ".jpg")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cfg, format, err := image.DecodeConfig(f)
	if err != nil || format != "jpeg" || cfg.Width != 1080 || cfg.Height < 2000 {
		t.Fatalf("picture %s %dx%d, %v", format, cfg.Width, cfg.Height, err)
	}
	if !dialogSays(a, "可直接发到微信群") {
		t.Errorf("on top: %q", topTexts(a))
	}
}

// onScreen reports whether o is drawn inside c.
func onScreen(c fyne.CanvasObject, o fyne.CanvasObject) bool {
	found := false
	walk(c, func(x fyne.CanvasObject) { found = found || x == o })
	return found
}
