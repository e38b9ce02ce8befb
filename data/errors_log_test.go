package data_test

import (
	"fmt"
	"strings"
	"testing"

	"chamberdesk/data"
)

// TestForLogHidesValues: a phone or ID number in an error never reaches a
// log line, however deep the error is wrapped.
func TestForLogHidesValues(t *testing.T) {
	_, err := data.CheckPhone("1381234567")
	list := data.Errors{{Field: "电话号码", Value: "13812345678", Msg: "重复"}}
	digits := &data.Error{Field: "备注", Value: "身份证110105198001010011", Msg: "太长"}
	for _, tt := range []struct {
		err    error
		secret string
	}{
		{err, "1381234567"},
		{fmt.Errorf("保存失败：%w", err), "1381234567"},
		{fmt.Errorf("导入：%w", list), "13812345678"},
		{digits, "身份证110105198001010011"},
	} {
		if tt.err == nil {
			t.Fatalf("no error for %s", tt.secret)
		}
		quoted := "「" + tt.secret + "」"
		if !strings.Contains(tt.err.Error(), quoted) {
			t.Fatalf("test input should show the value: %v", tt.err)
		}
		if got := data.ForLog(tt.err); strings.Contains(got, quoted) || !strings.Contains(got, "「") {
			t.Errorf("ForLog(%v) = %q", tt.err, got)
		}
	}
}

// An activity type or a sheet name is no secret: the log keeps it readable.
func TestForLogKeepsNames(t *testing.T) {
	err := &data.Error{Field: "活动类型", Value: "培训办班", Msg: "已有活动属于这个类型，不能删除"}
	if got := data.ForLog(err); !strings.Contains(got, "「培训办班」") {
		t.Fatalf("ForLog hid a type name: %q", got)
	}
}
