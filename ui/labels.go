package ui

import (
	"fyne.io/fyne/v2/lang"

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
