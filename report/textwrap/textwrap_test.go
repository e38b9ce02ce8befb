package textwrap

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// em measures as a monospaced font does: a wide (Chinese) character is one
// em, anything else half of one.
func em(s string) float64 {
	w := 0.0
	for _, r := range s {
		if isWide(r) {
			w++
		} else {
			w += 0.5
		}
	}
	return w
}

// checkWrap asserts what every wrapping must keep: no text lost or moved
// (spaces at breaks aside), no line wider than the width, and no line
// starting with closing punctuation that could have been avoided. (On a
// line under four characters wide, or after a space, the punctuation rule
// gives way: there is no room to move characters around.)
func checkWrap(t *testing.T, s string, width float64, lines []string) {
	t.Helper()
	noSpace := func(s string) string { return strings.Join(strings.Fields(s), "") }
	if got, want := noSpace(strings.Join(lines, "")), noSpace(s); got != want {
		t.Fatalf("Wrap(%q, %.1f) lost text:\n got %q\nwant %q", s, width, got, want)
	}
	for i, l := range lines {
		// One character narrower than the width is the only exception.
		if w := em(l); w > width+1e-9 && utf8.RuneCountInString(l) > 1 {
			t.Errorf("line %d %q is %.2f wide, more than %.2f", i, l, w, width)
		}
		if r, _ := utf8.DecodeRuneInString(l); i > 0 && strings.ContainsRune(NoStart, r) &&
			len(Units(lines[i-1])) > 1 && !strings.ContainsAny(s, "\n ") && width >= 4 {
			t.Errorf("line %d starts with %q", i, r)
		}
	}
}

func TestWrap(t *testing.T) {
	for _, tc := range []struct {
		name  string
		text  string
		width float64
		want  []string
	}{
		{"fits", "商会工作台", 10, []string{"商会工作台"}},
		{"chinese breaks anywhere", "一二三四五六七", 3, []string{"一二三", "四五六", "七"}},
		{"closing punctuation takes a character along", "一二三，四五", 3, []string{"一二", "三，四", "五"}},
		{"a run of closing punctuation", "一二（三）。四", 4, []string{"一二", "（三）。", "四"}},
		{"opening punctuation goes down", "一二（三四", 3, []string{"一二", "（三四"}},
		{"latin word whole", "共计 Excel 表", em("共计 Exc"), []string{"共计", "Excel 表"}},
		{"number whole", "签约1200万元", em("签约12"), []string{"签约", "1200万", "元"}},
		{"word wider than the line is cut", "abcdefgh", 2, []string{"abcd", "efgh"}},
		{"spaces hang at a break", "ab cd", 1, []string{"ab", "cd"}},
		{"line breaks kept", "一\n\n二", 10, []string{"一", "", "二"}},
		{"empty", "", 10, []string{""}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Wrap(tc.text, tc.width, em)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("Wrap(%q) = %q, want %q", tc.text, got, tc.want)
			}
			checkWrap(t, tc.text, tc.width, got)
		})
	}
}

func TestClip(t *testing.T) {
	ls := Wrap("一二三四五六七八九", 3, em)
	if got := Clip(ls, 2, 3, em); strings.Join(got, "|") != "一二三|四五…" {
		t.Errorf("Clip = %q", got)
	}
	if got := Clip(ls, 3, 3, em); strings.Join(got, "|") != "一二三|四五六|七八九" {
		t.Errorf("Clip that drops nothing = %q", got)
	}
}

func TestParagraphs(t *testing.T) {
	got := Paragraphs("　　第一段。\r\n\r\n  第二段。\n\n\n第三段。 ")
	if strings.Join(got, "|") != "第一段。|第二段。|第三段。" {
		t.Errorf("paragraphs %q", got)
	}
}

func FuzzWrap(f *testing.F) {
	for _, s := range []string{"商会“调解开放日”（第三期）。", "Excel 2021年3月5日，签约1200万元；", "a  b\tc\n\n（", "………", ""} {
		f.Add(s, uint8(30))
	}
	f.Fuzz(func(t *testing.T, s string, w uint8) {
		if !utf8.ValidString(s) {
			return
		}
		width := 0.5 + float64(w%60)/2 // ems: from narrower than a character to a whole line
		checkWrap(t, s, width, Wrap(s, width, em))
	})
}
