package pdf

import (
	"chamberdesk/report/textwrap"
)

// The Chinese line-breaking rules live in report/textwrap, shared with the
// activity long image; here they measure with the current type size.

// splitParagraphs splits text into paragraphs at line breaks, dropping
// empty lines and the spaces people put at a paragraph's start.
func splitParagraphs(s string) []string { return textwrap.Paragraphs(s) }

// wrap breaks s into lines no wider than width at the current type size.
// Line breaks in s are kept; an empty s gives one empty line.
func (d *doc) wrap(s string, width float64) []string {
	return textwrap.Wrap(printable(s), width, d.textW)
}

// clip keeps at most n lines, ending the last kept one with an ellipsis
// (still within width) when lines were dropped.
func (d *doc) clip(ls []string, n int, width float64) []string {
	return textwrap.Clip(ls, n, width, d.textW)
}
