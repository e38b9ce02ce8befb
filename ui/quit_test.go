package ui

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"chamberdesk/data"
)

// closeRequest is what the window manager's close button does: the test
// window keeps the intercept unexported, so it is read the same way.
func closeRequest(t *testing.T, w fyne.Window) {
	t.Helper()
	v := reflect.ValueOf(w).Elem().FieldByName("onCloseIntercepted")
	if !v.IsValid() {
		t.Fatal("the test window has no close intercept field")
	}
	f := reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem().Interface().(func())
	if f == nil {
		t.Fatal("no close intercept set")
	}
	f()
}

func quitMenuItem(t *testing.T, a *App) *fyne.MenuItem {
	t.Helper()
	for _, it := range a.win.MainMenu().Items[0].Items {
		if it.IsQuit {
			return it
		}
	}
	t.Fatal("文件 menu has no 退出")
	return nil
}

// memberFormTyped opens 新增会员 and types a member into it.
func memberFormTyped(t *testing.T, a *App) *memberForm {
	t.Helper()
	s := openMembers(t, a)
	f := s.onAdd()
	if f == nil || f.closed {
		t.Fatal("新增会员 opened no form")
	}
	fillAddForm(t, f, "")
	test.Type(f.phone, "13987650001")
	return f
}

func hasMember(t *testing.T, path, name string) bool {
	t.Helper()
	s, err := data.Open(context.Background(), path, data.OpenOptions{Actor: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ms, err := s.Members(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.Name == name {
			return true
		}
	}
	return false
}

// TestQuitAsksToSave: with a typed member form open, closing the window,
// 文件 > 退出 and Ctrl+Q each ask 保存 / 不保存 / 取消 instead of quitting;
// 取消 keeps everything open; 保存 writes the member, then quits.
func TestQuitAsksToSave(t *testing.T) {
	path := demoCopy(t)
	a := newTestApp(t, path)

	s := openMembers(t, a)
	test.Tap(s.addBtn)
	if a.form == nil || a.form.content == nil {
		t.Fatal("the member form's fields were not found: quitting could not tell it was changed")
	}
	quitted := false
	a.requestQuit(func() { quitted = true })
	if !quitted || quitAsked(a) {
		t.Fatal("an untouched form held up quitting")
	}
	tapOnTop(t, a, "取消") // the untouched form

	f := memberFormTyped(t, a)
	ctrlQ := &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}
	for name, trigger := range map[string]func(){
		"close button": func() { closeRequest(t, a.win) },
		"文件 > 退出":      func() { quitMenuItem(t, a).Action() },
		"Ctrl+Q":       func() { f.name.TypedShortcut(ctrlQ) },
	} {
		trigger()
		if !quitAsked(a) {
			t.Fatalf("%s: no 保存 / 不保存 / 取消 question", name)
		}
		tapQuit(t, a, "取消")
		if quitAsked(a) {
			t.Fatalf("%s: 取消 left the question open", name)
		}
		if a.store() == nil || f.closed {
			t.Fatalf("%s: 取消 closed the form or the file", name)
		}
	}

	closeRequest(t, a.win)
	tapQuit(t, a, "保存")
	if !f.closed || a.store() != nil {
		t.Fatalf("保存: form closed %v, store still open %v", f.closed, a.store() != nil)
	}
	if !hasMember(t, path, "测试员") {
		t.Fatal("保存 did not write the member")
	}
}

// TestQuitWithoutSaving: 不保存 quits and writes nothing; a form that
// cannot save (a bad phone) stays open and nothing quits.
func TestQuitWithoutSaving(t *testing.T) {
	path := demoCopy(t)
	a := newTestApp(t, path)
	f := memberFormTyped(t, a)
	f.phone.SetText("12345")
	quitted := false
	a.requestQuit(func() { quitted = true })
	tapQuit(t, a, "保存")
	if quitted || f.closed {
		t.Fatal("a form that failed to save was closed and the program quit")
	}
	f.phone.SetText("13987650001")
	closeRequest(t, a.win)
	tapQuit(t, a, "不保存")
	if a.store() != nil {
		t.Fatal("不保存 did not quit")
	}
	if hasMember(t, path, "测试员") {
		t.Fatal("不保存 wrote the member")
	}
}

// TestQuitUntouchedCaseEditor: the case editor asks before quitting only
// when the case has changed, as its own 关闭 does. Right after it opens,
// Ctrl+Q quits at once.
func TestQuitUntouchedCaseEditor(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	f := openDemoCase(t, a, openCases(t, a))
	lead := f.lead.entry.Text
	test.Type(f.lead.entry, "补充一句。")
	quitted := false
	a.requestQuit(func() { quitted = true })
	if quitted || !quitAsked(a) {
		t.Fatal("a changed case did not ask before quitting")
	}
	tapQuit(t, a, "取消")
	f.lead.entry.SetText(lead) // as it was: nothing to save

	f.short.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault})
	if quitAsked(a) {
		t.Fatal("Ctrl+Q asked to save an unchanged case")
	}
	if a.store() != nil {
		t.Fatal("Ctrl+Q did not quit")
	}
}

// quitAsked reports whether the 保存 / 不保存 / 取消 question before
// quitting is the dialog on top.
func quitAsked(a *App) bool {
	return strings.Contains(topTexts(a), "退出前要保存吗")
}

// tapQuit taps the button named name on the question before quitting.
func tapQuit(t *testing.T, a *App, name string) {
	t.Helper()
	if !quitAsked(a) {
		t.Fatalf("no 保存 / 不保存 / 取消 question on top: %q", topTexts(a))
	}
	b := buttonNamed(a.win.Canvas().Overlays().Top(), name)
	if b == nil {
		t.Fatalf("the question has no %s button: %q", name, topTexts(a))
	}
	test.Tap(b)
}
