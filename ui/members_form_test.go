package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"chamberdesk/data"
)

// fillAddForm types a complete, valid member into the form, except the phone.
func fillAddForm(t *testing.T, f *memberForm, credit string) {
	t.Helper()
	f.kind.SetSelected(data.KindUnit)
	test.Type(f.name, "测试员")
	test.Type(f.company, "江州市青禾测试科技有限公司")
	test.Type(f.credit, credit)
	test.Type(f.industry, "电子信息")
	f.gender.SetSelected("女")
	test.Type(f.idNumber, validID("36013119850307002"))
	f.political.SetSelected("中共党员")
	f.office.SetSelected("理事")
	f.joinDate.SetText("")
	test.Type(f.joinDate, "2021.3.5")
	test.Type(f.notes, "测试备注")
}

func TestMemberAddForm(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	s := openMembers(t, a)
	before := len(allMembers(t, a))

	tapOpens(t, a, s.addBtn) // the button opens a form
	tapOnTop(t, a, "取消")
	f := s.onAdd()
	if f == nil || f.closed {
		t.Fatal("新增会员 opened no form")
	}
	open := topOverlay(a)
	a.runShortcut("new") // Ctrl+N again while the form is open
	if topOverlay(a) != open || s.onAdd() != nil {
		t.Fatal("Ctrl+N opened a second form over the first")
	}
	credit := validCredit(t, "91360131MA35T8K2X", false)
	fillAddForm(t, f, credit)
	f.idNumber.SetText("360131198503070020")
	if f.idNumber.Validate() == nil {
		t.Fatal("an ID number with a wrong check digit passes")
	}
	f.idNumber.SetText(validID("36013119850307002"))
	test.Type(f.phone, "12345")
	if err := f.phone.Validate(); err == nil || !strings.Contains(err.Error(), "手机") {
		t.Fatalf("phone 12345: inline error %v", err)
	}
	if f.submit() {
		t.Fatal("the form saved with an invalid phone")
	}
	if f.closed {
		t.Fatal("the form closed on a refused save")
	}
	if msg := topTexts(a); !strings.Contains(msg, "电话号码") {
		t.Fatalf("no store message about the phone shown; dialog says %q", msg)
	}
	if n := len(allMembers(t, a)); n != before {
		t.Fatalf("members %d after a refused save, want %d", n, before)
	}
	dismissTop(t, a)

	f.phone.SetText("")
	test.Type(f.phone, "139 1234 5678")
	if err := f.phone.Validate(); err != nil {
		t.Fatalf("fixed phone still invalid: %v", err)
	}
	test.Tap(f.saveBtn)
	if !f.closed {
		t.Fatalf("form still open after saving; dialog says %q", topTexts(a))
	}
	a.wait() // the roster reloads off the UI thread
	if n := len(allMembers(t, a)); n != before+1 {
		t.Fatalf("members %d after saving, want %d", n, before+1)
	}
	found, err := a.store().SearchMembers(a.ctx(), "测试员")
	if err != nil || len(found) != 1 {
		t.Fatalf("new member found %d times (%v)", len(found), err)
	}
	m, err := a.store().Member(a.ctx(), found[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	want := data.Member{ID: m.ID, Kind: data.KindUnit, Name: "测试员", Company: "江州市青禾测试科技有限公司",
		CreditCode: credit, Industry: "电子信息", Gender: "女", Phone: "13912345678",
		IDNumber: validID("36013119850307002"), Political: "中共党员", Office: "理事",
		JoinDate: time.Date(2021, 3, 5, 0, 0, 0, 0, time.UTC), Status: data.StatusActive, Notes: "测试备注",
		CreatedAt: m.CreatedAt, UpdatedAt: m.UpdatedAt}
	if m != want {
		t.Fatalf("stored\n%+v\nwant\n%+v", m, want)
	}
	// the table shows the new member, selected, with the phone masked
	if row := rowOf(s, m.ID); row < 0 || s.selected != m.ID {
		t.Fatalf("new member row %d, selected %d", row, s.selected)
	}
	if got := memberCols[5].text(s, found[0]); got != "139****5678" {
		t.Fatalf("phone column %q", got)
	}
	if a.shortcut["save"] != nil {
		t.Fatal("Ctrl+S still bound after the form closed")
	}
}

func TestMemberCreditWarning(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	s := openMembers(t, a)
	f := shortcutForm(t, a, "new", s.onAdd) // Ctrl+N
	if f == nil || f.closed {
		t.Fatal("Ctrl+N opened no form")
	}
	credit := validCredit(t, "91360131MA35T8K2X", true)
	fillAddForm(t, f, credit)
	test.Type(f.phone, "13912345678")
	if err := f.credit.Validate(); err != nil {
		t.Fatalf("a wrong check character is an error, not a warning: %v", err)
	}
	if !strings.Contains(f.creditItem.HintText, "校验位不符") {
		t.Fatalf("credit hint %q", f.creditItem.HintText)
	}
	// Ctrl+S typed while a field has the keyboard saves the form.
	a.win.Canvas().Focus(f.notes)
	f.notes.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault})
	if !f.closed {
		t.Fatalf("Ctrl+S did not save; dialog says %q", topTexts(a))
	}
	if msg := topTexts(a); !strings.Contains(msg, "已保存，但") || !strings.Contains(msg, "校验位") {
		t.Fatalf("warning dialog says %q", msg)
	}
	m, err := a.store().Member(a.ctx(), f.lastID)
	if err != nil {
		t.Fatal(err)
	}
	if m.CreditCode != credit || m.CreditCodeFlag == "" {
		t.Fatalf("stored credit %q flag %q", m.CreditCode, m.CreditCodeFlag)
	}
}

func TestMemberEdit(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	s := openMembers(t, a)
	target := s.rows[10]
	id, oldOffice := target.ID, target.Office
	// a double tap on one of the member's cells opens them for editing
	cell := drawnCell(a, 10, 0)
	if cell == nil {
		t.Fatal("row 10 not drawn")
	}
	test.DoubleTap(cell)
	if topOverlay(a) == nil || s.selected != id {
		t.Fatal("the double tap opened no dialog")
	}
	tapOnTop(t, a, "取消")
	f := s.onEdit() // the form the double tap opens
	if f == nil || f.m.ID != id || f.name.Text != target.Name {
		t.Fatalf("double tap opened %+v", f)
	}
	newOffice := "副秘书长"
	if oldOffice == newOffice {
		newOffice = "理事"
	}
	f.office.SetSelected(newOffice)
	f.notes.SetText("改过职务")
	test.Tap(f.saveBtn)
	m, err := a.store().Member(a.ctx(), id)
	if err != nil {
		t.Fatal(err)
	}
	if m.Office != newOffice || m.Notes != "改过职务" {
		t.Fatalf("stored office %q notes %q", m.Office, m.Notes)
	}
	terms, err := a.store().OfficeHistory(a.ctx(), id)
	if err != nil || len(terms) < 2 || terms[len(terms)-1].Office != newOffice {
		t.Fatalf("office history %v (%v)", terms, err)
	}
	// the 档案 shows the change with the old and new office
	selectMember(t, s, id)
	h := s.onHistory()
	h.tabs.SelectIndex(4)
	if log := topTexts(a); !strings.Contains(log, "修改") || !strings.Contains(log, "商会职务："+oldOffice+" → "+newOffice) {
		t.Fatalf("change log:\n%s", log)
	}
	h.dlg.Hide()
}

func TestMemberLeave(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	s := openMembers(t, a)
	var target *data.Member
	for _, m := range s.rows {
		if m.Status == data.StatusActive && m.Office == "会员" && m.JoinDate.Before(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)) {
			target = m
			break
		}
	}
	if target == nil {
		t.Fatal("no active 会员 in the demo")
	}
	id := target.ID
	before := len(allMembers(t, a))
	selectMember(t, s, id)
	if s.leaveBtn.Disabled() {
		t.Fatal("退会 disabled for an active member")
	}
	test.Tap(s.leaveBtn) // the button opens 退会 on top
	if !strings.Contains(topTexts(a), "会员退会") {
		t.Fatalf("退会 button opened no dialog: %q", topTexts(a))
	}
	tapOnTop(t, a, "取消")
	l := s.onLeave()
	if l == nil || l.m.ID != id {
		t.Fatal("退会 opened no dialog for the member")
	}
	if l.date.Text != data.FormatDateISO(membersToday(a)) {
		t.Fatalf("default leave date %q", l.date.Text)
	}
	l.date.SetText("")
	test.Type(l.date, "2026年11月2日")
	test.Type(l.reason, "迁出本镇")
	test.Tap(l.okBtn)
	if !l.closed {
		t.Fatalf("退会 dialog still open: %q", topTexts(a))
	}
	a.wait() // the roster reloads off the UI thread
	m, err := a.store().Member(a.ctx(), id)
	if err != nil {
		t.Fatal(err)
	}
	if m.Status != data.StatusLeft || data.FormatDateISO(m.LeaveDate) != "2026-11-02" || m.LeaveReason != "迁出本镇" {
		t.Fatalf("stored status %q date %v reason %q", m.Status, m.LeaveDate, m.LeaveReason)
	}
	if n := len(allMembers(t, a)); n != before {
		t.Fatalf("members %d after 退会, want %d: nobody is deleted", n, before)
	}
	if !s.leaveBtn.Disabled() {
		t.Fatal("退会 still enabled for a member who left")
	}
	s.status.SetSelected(data.StatusActive)
	if rowOf(s, id) >= 0 {
		t.Fatal("在会 filter still lists the member who left")
	}
	for _, m := range s.rows {
		if m.Status != data.StatusActive {
			t.Fatalf("在会 filter lists %s (%s)", m.Name, m.Status)
		}
	}
	s.status.SetSelected(data.StatusLeft)
	if rowOf(s, id) < 0 {
		t.Fatal("退会 filter does not list the member who left")
	}
}

func TestMemberHistory(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	s := openMembers(t, a)
	var target *data.Member
	var acts []data.Activity
	for _, m := range s.rows {
		as, err := a.store().ActivitiesOfMember(a.ctx(), m.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(as) >= 3 && m.Phone != "" {
			target, acts = m, as
			break
		}
	}
	if target == nil {
		t.Fatal("no demo member attended activities")
	}
	selectMember(t, s, target.ID)
	test.Tap(s.historyBtn) // the button opens the 档案 on top
	if !strings.Contains(topTexts(a), "会员档案") {
		t.Fatalf("档案 button opened no dialog: %q", topTexts(a))
	}
	tapOnTop(t, a, "关闭")
	h := s.onHistory()
	if h == nil || h.m.ID != target.ID || len(h.activities) != len(acts) {
		t.Fatalf("档案 for %d shows %d activities, want %d", target.ID, len(h.activities), len(acts))
	}
	details := topTexts(a)
	if !strings.Contains(details, data.MaskPhone(target.Phone)) || strings.Contains(details, target.Phone) {
		t.Fatalf("details do not mask the phone:\n%s", details)
	}
	h.tabs.SelectIndex(3)
	shown := topTexts(a)
	if !strings.Contains(shown, acts[0].Title) || !strings.Contains(shown, data.FormatDateCN(acts[0].Date)) {
		t.Fatalf("activities tab does not list %q:\n%s", acts[0].Title, shown)
	}
	if !strings.Contains(h.tabs.Items[3].Text, fmt.Sprint(len(acts))) {
		t.Fatalf("activities tab title %q", h.tabs.Items[3].Text)
	}
	h.tabs.SelectIndex(4)
	if !strings.Contains(topTexts(a), "建档") {
		t.Fatalf("change log does not show the insert:\n%s", topTexts(a))
	}
}
