package data

import (
	"strings"
	"unicode/utf8"
)

// MaskPhone hides the middle of a phone number for lists, exports and error
// messages, so a screen or log shared with others does not leak it:
// an 11-digit number becomes "138****1234" (the form people recognise from
// banks and couriers); any other value of 7 or more characters keeps its
// first 3 and last 2; shorter values are starred completely, since keeping
// 5 of 6 characters would hide nothing.
func MaskPhone(s string) string {
	if len(s) == 11 && allDigits(s) {
		return s[:3] + "****" + s[7:]
	}
	return maskKeep(s, 3, 2, 7)
}

// MaskIDNumber hides the birth date and sequence of a resident ID number:
// "110105********002X" (first 6 = area, 8 stars, last 4). Other lengths keep
// the first 2 and last 2; values of 4 characters or fewer are starred
// completely so nothing is given away.
func MaskIDNumber(s string) string {
	if utf8.RuneCountInString(s) == 18 {
		return maskKeep(s, 6, 4, 18)
	}
	return maskKeep(s, 2, 2, 5)
}

// maskKeep keeps head and tail runes and stars the rest, one star per rune,
// or stars everything when s has fewer than min runes. It counts runes so a
// stray Chinese character is never cut in half.
func maskKeep(s string, head, tail, min int) string {
	r := []rune(s)
	if len(r) < min {
		return strings.Repeat("*", len(r))
	}
	return string(r[:head]) + strings.Repeat("*", len(r)-head-tail) + string(r[len(r)-tail:])
}
