package ui

import (
	"fyne.io/fyne/v2/lang"
	"time"

	"chamberdesk/data"
)

// english reports whether the window speaks English: lang.L reads the
// English table (see setLanguage).
func english() bool {
	return lang.X(probeKey, "") == langEnglish
}

// valueLabel is how a value the data holds (an office, a status, a type, a
// unit) is shown: its English label in English, the value itself in
// Chinese. Only the label changes; what is stored and compared stays the
// Chinese value.
func valueLabel(v string) string {
	if english() {
		return data.LabelEN(v)
	}
	return v
}

// errMessage is e's whole message (place, field, value, words) in the
// window's language.
func errMessage(e *data.Error) string {
	if english() {
		return e.MessageEN()
	}
	return e.Message()
}

// errField is e's field name in the window's language.
func errField(e *data.Error) string {
	if english() {
		return data.FieldEN(e.Field)
	}
	return e.Field
}

// errMsg is what is wrong, without the place, in the window's language
// (Msg when an error built in the ui has no English of its own: its words
// are in the window's language already).
func errMsg(e *data.Error) string {
	if english() && e.MsgEN != "" {
		return e.MsgEN
	}
	return e.Msg
}

// fieldAndMsg is e's field and what is wrong with it, without the value.
func fieldAndMsg(e *data.Error) string {
	if english() {
		return errField(e) + ": " + errMsg(e)
	}
	return e.Field + "：" + e.Msg
}

// dateText is a calendar date in the window's language: 2026年3月5日 in
// Chinese, 2026-03-05 in English.
func dateText(t time.Time) string {
	if english() {
		return data.FormatDateISO(t)
	}
	return data.FormatDateCN(t)
}
