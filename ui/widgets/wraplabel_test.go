package widgets

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// cells measures text on a grid: a Chinese character or full-width mark
// two cells, anything else one; a cell is 1 wide.
func cells(s string) float32 {
	w := float32(0)
	for _, r := range s {
		if isWide(r) {
			w += 2
		} else {
			w++
		}
	}
	return w
}

func TestBreakLines(t *testing.T) {
	for _, tc := range []struct {
		name  string
		text  string
		width float32
		want  []string
	}{
		// Fyne's word wrap would end the first line after "Excel".
		{"mixed", "导出 Excel 表格，打印活动简报", 20, []string{"导出 Excel 表格，打", "印活动简报"}},
		{"latin words whole", "export the Excel workbook", 12, []string{"export the", "Excel", "workbook"}},
		{"closing mark stays", "一二三四，五六", 8, []string{"一二三", "四，五六"}},
		{"opening mark stays", "一二三“四五”", 8, []string{"一二三", "“四五”"}},
		{"newlines kept", "甲乙\n\n丙", 20, []string{"甲乙", "", "丙"}},
		{"long word broken", "/home/user/data.db", 8, []string{"/home/us", "er/data.", "db"}},
		{"after a hyphen", "Deputy Secretary-General", 12, []string{"Deputy", "Secretary-", "General"}},
		{"hyphenated fits", "Secretary-General", 20, []string{"Secretary-General"}},
		{"leading minus kept", "-12 yuan", 20, []string{"-12 yuan"}},
		{"unlaid", "一二三 四", 0, []string{"一二三 四"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := BreakLines(tc.text, tc.width, cells)
			if !slices.Equal(got, tc.want) {
				t.Fatalf("%q at %v: %q, want %q", tc.text, tc.width, got, tc.want)
			}
			for _, l := range got {
				if cells(l) > tc.width && tc.width > 0 && utf8.RuneCountInString(l) > 1 {
					t.Errorf("line %q wider than %v", l, tc.width)
				}
			}
		})
	}
}

// TestWrapLabelFillsLines: in a label as wide as about thirty characters,
// a long mixed paragraph's lines are filled, with none ending right after
// a Latin word while Chinese follows.
func TestWrapLabelFillsLines(t *testing.T) {
	test.NewTempApp(t)
	text := "商会工作台帮助镇街商会和工商联记录会员、会费、活动和年度指标，导出 Excel 表格，打印活动简报，并准备申报材料。"
	l := NewWrapLabel(text)
	w := test.NewTempWindow(t, l)
	ts := fyne.CurrentApp().Settings().Theme().Size("text")
	width := fyne.MeasureText(strings.Repeat("国", 30), ts, fyne.TextStyle{}).Width
	w.Resize(fyne.NewSize(width+40, 400))
	lines := l.Lines()
	if len(lines) < 2 {
		t.Fatalf("one line at width %v: %q", width, lines)
	}
	room := l.Size().Width - 2*l.Theme().Size("innerPadding")
	for i, line := range lines[:len(lines)-1] {
		if fyne.MeasureText(line, ts, fyne.TextStyle{}).Width < room-2*fyne.MeasureText("国", ts, fyne.TextStyle{}).Width {
			t.Errorf("line %d %q leaves more than two characters' room of %v", i, line, room)
		}
	}
	if strings.Join(lines, "") != strings.ReplaceAll(text, " ", "") && !strings.Contains(strings.Join(lines, " "), "Excel") {
		t.Errorf("lines %q lose text", lines)
	}
	// The drawn label shows the same lines, in the label's style.
	l.Importance = widget.LowImportance
	l.SetText("短句。")
	if got := l.Lines(); !slices.Equal(got, []string{"短句。"}) || l.label.Importance != widget.LowImportance {
		t.Errorf("after SetText: %q importance %v", got, l.label.Importance)
	}
	if min := l.MinSize(); min.Height <= 0 || min.Width > width {
		t.Errorf("min size %v", min)
	}
}
