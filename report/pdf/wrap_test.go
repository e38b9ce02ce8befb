package pdf

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func testDoc(tb testing.TB) *doc {
	tb.Helper()
	d, err := newDoc("P", "test")
	if err != nil {
		tb.Fatal(err)
	}
	d.setSize(sizeBody)
	return d
}

// checkWrap asserts that wrapping with the font's widths loses no text
// (spaces at breaks aside) and makes no line wider than the width. The
// breaking rules themselves are tested in report/textwrap.
func checkWrap(t *testing.T, d *doc, s string, width float64, lines []string) {
	t.Helper()
	noSpace := func(s string) string { return strings.Join(strings.Fields(s), "") }
	if got, want := noSpace(strings.Join(lines, "")), noSpace(printable(s)); got != want {
		t.Fatalf("wrap(%q, %.0f) lost text:\n got %q\nwant %q", s, width, got, want)
	}
	for i, l := range lines {
		// One character narrower than the width is the only exception.
		if w := d.textW(l); w > width+1e-9 && utf8.RuneCountInString(l) > 1 {
			t.Errorf("line %d %q is %.2f mm wide, more than %.2f", i, l, w, width)
		}
	}
}

// TestWrap wraps with the font's own widths at the body size: the PDFs
// still break Chinese text by its rules, and what fpdf cannot show becomes
// a visible mark before wrapping.
func TestWrap(t *testing.T) {
	d := testDoc(t)
	em := d.textW("中")
	for _, tc := range []struct {
		name  string
		text  string
		width float64
		want  []string
	}{
		{"fits", "商会工作台", 10 * em, []string{"商会工作台"}},
		{"chinese breaks anywhere", "一二三四五六七", 3 * em, []string{"一二三", "四五六", "七"}},
		{"closing punctuation takes a character along", "一二三，四五", 3 * em, []string{"一二", "三，四", "五"}},
		{"opening punctuation goes down", "一二（三四", 3 * em, []string{"一二", "（三四"}},
		{"latin word whole", "共计 Excel 表", d.textW("共计 Exc"), []string{"共计", "Excel 表"}},
		{"number whole", "签约1200万元", d.textW("签约12"), []string{"签约", "1200", "万元"}},
		{"line breaks kept", "一\n\n二", 10 * em, []string{"一", "", "二"}},
		{"empty", "", 10 * em, []string{""}},
		{"outside the BMP", "𠮷野家", 10 * em, []string{"□野家"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := d.wrap(tc.text, tc.width)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("wrap(%q) = %q, want %q", tc.text, got, tc.want)
			}
			checkWrap(t, d, tc.text, tc.width, got)
		})
	}
	if got := d.clip(d.wrap("一二三四五六七八九", 3*em), 2, 3*em); strings.Join(got, "|") != "一二三|四五…" {
		t.Errorf("clip = %q", got)
	}
}
