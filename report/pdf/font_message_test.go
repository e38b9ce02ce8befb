package pdf

import (
	"strings"
	"testing"
)

// TestNoFontMessage checks that a secretary on Windows is pointed at the
// Windows fonts, and one on Linux at the package, whichever system runs the test.
func TestNoFontMessage(t *testing.T) {
	for goos, want := range map[string][]string{
		"windows": {"PDF", "微软雅黑", `C:\Windows\Fonts`, "CHAMBERDESK_FONT"},
		"linux":   {"PDF", "fonts-wqy-zenhei"},
	} {
		got := noFontMessage(goos)
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: lacks %q: %s", goos, w, got)
			}
		}
	}
	if w := noFontMessage("windows"); strings.Contains(w, "apt") || strings.Contains(w, "wqy") {
		t.Errorf("windows: names a Debian package: %s", w)
	}
}
