// Package textwrap breaks Chinese and mixed Chinese-Latin text into lines
// for every writer that lays text out itself: the PDFs (report/pdf) and the
// activity long image (report/shareimg). It knows nothing of fonts or
// pages: the caller hands it a function that measures a piece of text in
// whatever unit it lays out in (millimetres, pixels).
//
// Line breaking is written here because fpdf's SplitText drops the Chinese
// character at each break it makes, golang.org/x/image draws text without
// breaking it at all, and neither knows the rules Chinese typesetting
// follows: a line may break between any two Chinese characters, a Latin
// word or a number stays whole, closing punctuation never starts a line and
// opening punctuation never ends one.
package textwrap

import (
	"strings"
	"unicode"
)

// NoStart may not begin a line; NoEnd may not end one.
const (
	NoStart = "，。、；：？！）】》」』〉〕”’…—·%‰℃,.;:?!)]}"
	NoEnd   = "（【《「『〈〔“‘([{"
)

// Measure gives the width of a piece of text as it will be drawn.
type Measure func(string) float64

// Paragraphs splits text into paragraphs at line breaks, dropping empty
// lines and the spaces people put at a paragraph's start.
func Paragraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if p = strings.TrimSpace(strings.TrimLeft(p, " \t\u3000")); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Units cuts a line into the pieces a break may fall between: each wide
// (Chinese) character alone, each run of spaces, and each Latin word or
// number whole.
func Units(s string) []string {
	var out []string
	rs := []rune(s)
	for i := 0; i < len(rs); {
		j := i + 1
		switch {
		case rs[i] == ' ':
			for j < len(rs) && rs[j] == ' ' {
				j++
			}
		case !isWide(rs[i]):
			for j < len(rs) && rs[j] != ' ' && !isWide(rs[j]) {
				j++
			}
		}
		out = append(out, string(rs[i:j]))
		i = j
	}
	return out
}

// isWide reports whether r is set as a full-width character, which a line
// may break before or after.
func isWide(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x2E80 && r <= 0xA4CF) || (r >= 0xFF00 && r <= 0xFF60) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFE30 && r <= 0xFE4F) || r == '…' || r == '—' ||
		r == '“' || r == '”' || r == '‘' || r == '’' || r == '·'
}

// Wrap breaks s into lines no wider than width as measure measures them.
// Line breaks in s are kept; an empty s gives one empty line. A single
// character wider than width gets a line of its own.
func Wrap(s string, width float64, measure Measure) []string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		out = append(out, wrapLine(line, width, measure)...)
	}
	return out
}

func wrapLine(s string, width float64, textW Measure) []string {
	us := Units(s)
	if len(us) == 0 {
		return []string{""}
	}
	var lines []string
	var cur []string
	curW := 0.0
	flush := func(n int) {
		lines = append(lines, strings.TrimRight(strings.Join(cur[:n], ""), " "))
		cur = append([]string(nil), cur[n:]...)
		for len(cur) > 0 && isSpaces(cur[0]) {
			cur = cur[1:]
		}
		curW = textW(strings.Join(cur, ""))
	}
	for _, u := range us {
		uw := textW(u)
		if len(cur) == 0 && isSpaces(u) && len(lines) > 0 {
			continue // spaces never start a wrapped line
		}
		if curW+uw <= width || isSpaces(u) {
			cur, curW = append(cur, u), curW+uw
			continue
		}
		if len(cur) > 0 {
			keep := len(cur)
			// Closing punctuation takes the character before it along, and
			// so does a run of it, such as "）。"; after a space, the line
			// breaks at the space as Latin text does.
			if strings.Contains(NoStart, firstRune(u)) && !isSpaces(cur[keep-1]) {
				for keep > 1 && strings.Contains(NoStart, firstRune(cur[keep-1])) {
					keep--
				}
				if keep > 1 {
					keep--
				}
			}
			// Opening punctuation goes down with what it opens.
			for keep > 1 && strings.Contains(NoEnd, lastRune(cur[keep-1])) {
				keep--
			}
			flush(keep)
			if len(cur) > 0 && curW+uw > width {
				flush(len(cur))
			}
		}
		// A word wider than the whole line is cut where it must be.
		for textW(u) > width {
			rs := []rune(u)
			n := 1
			for n < len(rs) && textW(string(rs[:n+1])) <= width {
				n++
			}
			lines = append(lines, string(rs[:n]))
			u = string(rs[n:])
		}
		cur, curW = append(cur, u), curW+textW(u)
	}
	if len(cur) > 0 || len(lines) == 0 {
		lines = append(lines, strings.TrimRight(strings.Join(cur, ""), " "))
	}
	return lines
}

// Clip keeps at most n lines, ending the last kept one with an ellipsis
// (still within width) when lines were dropped.
func Clip(ls []string, n int, width float64, measure Measure) []string {
	if len(ls) <= n || n < 1 {
		return ls
	}
	rs := []rune(strings.TrimRight(ls[n-1], " "))
	for len(rs) > 0 && measure(string(rs)+"…") > width {
		rs = rs[:len(rs)-1]
	}
	return append(ls[:n-1:n-1], string(rs)+"…")
}

func firstRune(s string) string {
	for _, r := range s {
		return string(r)
	}
	return ""
}

func lastRune(s string) string {
	rs := []rune(s)
	if len(rs) == 0 {
		return ""
	}
	return string(rs[len(rs)-1])
}

// isSpaces reports whether unit u is a run of ASCII spaces: those may hang
// past the end of a line and are dropped there. Other spaces, such as the
// full-width one that indents a paragraph, print like characters.
func isSpaces(u string) bool { return u != "" && u[0] == ' ' }
