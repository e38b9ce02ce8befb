package data

import (
	"fmt"
	"strings"
	"unicode"
)

// CodeNameSpaces: spaces padded into a Chinese name were taken out.
const CodeNameSpaces = "name.spaces"

// stripSpaces drops every space: ASCII, full-width (U+3000) and no-break.
func stripSpaces(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0' {
			return -1
		}
		return r
	}, s)
}

// cleanName takes out the spaces people pad into Chinese names to line up
// two-character names with three-character ones ("张 伟", "李　娜"). A name
// with Latin letters or digits keeps its spaces: they part its words.
func cleanName(name string) (string, bool) {
	if strings.IndexFunc(name, func(r rune) bool { return r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) }) >= 0 {
		return name, false
	}
	clean := stripSpaces(name)
	return clean, clean != name
}

// nameSpacesWarning tells that name was stored as clean.
func nameSpacesWarning(name, clean string) *Error {
	return &Error{Code: CodeNameSpaces, Field: "姓名", Value: name, Warning: true,
		Msg:    fmt.Sprintf("姓名中的空格已去掉，存为「%s」", clean),
		MsgEN:  fmt.Sprintf("the spaces in the name were taken out; stored as %s", clean),
		Reason: "spaces removed from a Chinese name"}
}
