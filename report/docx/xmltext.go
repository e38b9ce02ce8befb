package docx

import (
	"encoding/xml"
	"strings"
	"unicode/utf8"
)

// clean drops what XML 1.0 cannot hold: control characters other than tab,
// newline and carriage return, surrogates, U+FFFE/U+FFFF and bytes that
// are not UTF-8. Text pasted from web pages and old Word files carries such
// characters now and then, and a single one makes Word refuse the file.
func clean(s string) string {
	ok := true
	for i, r := range s {
		if !xmlChar(r) || (r == utf8.RuneError && isBadByte(s, i)) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		if xmlChar(r) && !(r == utf8.RuneError && isBadByte(s, i)) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isBadByte tells a real U+FFFD in s from the RuneError ranging yields for
// a byte that is not UTF-8.
func isBadByte(s string, i int) bool {
	_, size := utf8.DecodeRuneInString(s[i:])
	return size == 1
}

func xmlChar(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r >= 0x20 && r <= 0xD7FF:
		return true
	case r >= 0xE000 && r <= 0xFFFD:
		return true
	case r >= 0x10000 && r <= 0x10FFFF:
		return true
	}
	return false
}

// esc is s cleaned and escaped for element text or an attribute value.
func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(clean(s)))
	return b.String()
}
