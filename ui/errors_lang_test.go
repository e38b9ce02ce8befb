package ui

import (
	"errors"
	"strings"
	"testing"

	"chamberdesk/data"
)

// TestErrorShownInEnglish: with English chosen, an error dialog shows the
// store's English message and the field's English name; back in Chinese,
// the Chinese one. The log side is untouched.
func TestErrorShownInEnglish(t *testing.T) {
	t.Cleanup(func() { _ = setLanguage(langChinese) })
	fa := newThreadApp(t)
	a := openTestApp(t, fa, demoCopy(t))
	_, err := data.CheckMobile("12345")
	wrapped := &data.Error{Code: data.CodeBackupFailed, Msg: "备份失败，未做任何修改",
		MsgEN: "the backup failed; nothing was changed", Reason: "test", Err: errors.New("disk full")}
	for _, c := range []struct {
		code string
		err  error
		want string
	}{
		{langEnglish, err, `Mobile number "12345": must be an 11-digit mobile number`},
		{langEnglish, data.Errors{err.(*data.Error)}, "Mobile number"},
		{langEnglish, wrapped, "The backup failed; nothing was changed"},
		{langChinese, err, "手机号码「12345」：应为11位手机号码"},
	} {
		if err := setLanguage(c.code); err != nil {
			t.Fatal(err)
		}
		a.showError(c.err)
		fa.settle(t)
		got := topTexts(a)
		if !strings.Contains(got, c.want) {
			t.Errorf("%s: dialog shows %q, want %q", c.code, got, c.want)
		}
		if c.code == langEnglish && hasHan(message(c.err)) {
			t.Errorf("English message %q holds Chinese", message(c.err))
		}
	}
}

// TestValueLabel: an office, a status and an activity type show in English
// in the English window's tables and as stored in the Chinese one.
func TestValueLabel(t *testing.T) {
	t.Cleanup(func() { _ = setLanguage(langChinese) })
	m := &data.Member{Office: "副会长", Status: data.StatusLeft}
	act := &data.Activity{Type: "培训办班"}
	for _, c := range []struct{ code, office, status, kind string }{
		{langEnglish, "Vice President", "Left", "Training course"},
		{langChinese, "副会长", "退会", "培训办班"},
	} {
		if err := setLanguage(c.code); err != nil {
			t.Fatal(err)
		}
		if got := valueLabel("副会长"); got != c.office {
			t.Errorf("%s: %q", c.code, got)
		}
		for _, col := range memberCols {
			switch col.title {
			case "商会职务":
				if got := col.text(nil, m); got != c.office {
					t.Errorf("%s: office column shows %q", c.code, got)
				}
			case "状态":
				if got := col.text(nil, m); got != c.status {
					t.Errorf("%s: status column shows %q", c.code, got)
				}
			}
		}
		if got := (&activitiesScreen{}).activityCellText(act, 1); got != c.kind {
			t.Errorf("%s: type column shows %q", c.code, got)
		}
	}
	if m.Office != "副会长" || act.Type != "培训办班" {
		t.Error("a label changed the stored value")
	}
}

// TestErrorPartsInEnglish: the screens that show an error's field and words
// apart (import problems, the metric form, warnings) show them in English in
// the English window; an error the ui built in the window's words keeps them.
func TestErrorPartsInEnglish(t *testing.T) {
	t.Cleanup(func() { _ = setLanguage(langChinese) })
	_, err := data.CheckMobile("12345")
	e := err.(*data.Error)
	own := &data.Error{Msg: "Photo deleted"}
	for _, c := range []struct{ code, parts, msg string }{
		{langEnglish, "Mobile number: must be an 11-digit mobile number, e.g. 13812345678", "Photo deleted"},
		{langChinese, "手机号码：应为11位手机号码，如 13812345678", "Photo deleted"},
	} {
		if err := setLanguage(c.code); err != nil {
			t.Fatal(err)
		}
		if got := fieldAndMsg(e); got != c.parts {
			t.Errorf("%s: %q", c.code, got)
		}
		if got := errMsg(own); got != c.msg {
			t.Errorf("%s: the ui's own words became %q", c.code, got)
		}
	}
}
