package ui

import (
	"testing"

	"chamberdesk/assets/fonts"
)

// TestFontAdviceTranslated: the missing-font dialog shows fonts.Advice of
// the running system through lang.L, a key TestTranslationsCoverUI cannot
// see, so each system's wording is checked here.
func TestFontAdviceTranslated(t *testing.T) {
	en := readEnglish(t)
	for _, goos := range []string{"windows", "linux", "darwin"} {
		if _, ok := en[fonts.Advice(goos)]; !ok {
			t.Errorf("en.json lacks fonts.Advice(%q)", goos)
		}
	}
}
