package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// TestFormEntryLetsShortcutsThrough: Ctrl+S reaches the window; Ctrl+A,
// which the window does not take, still selects the entry's text.
func TestFormEntryLetsShortcutsThrough(t *testing.T) {
	test.NewTempApp(t)
	var got []fyne.KeyName
	take := func(sc *desktop.CustomShortcut) bool {
		if sc.KeyName == fyne.KeyS {
			got = append(got, sc.KeyName)
			return true
		}
		return false
	}
	for _, e := range []*FormEntry{NewFormEntry(take), NewFormMultiLineEntry(take)} {
		got = nil
		e.SetText("会费")
		e.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault})
		if len(got) != 1 {
			t.Fatalf("Ctrl+S reached the window %d times", len(got))
		}
		e.TypedShortcut(&fyne.ShortcutSelectAll{})
		if e.SelectedText() != "会费" {
			t.Fatalf("select all: %q", e.SelectedText())
		}
	}
	if e := NewFormEntry(nil); e.MultiLine {
		t.Fatal("a one-line entry is multi-line")
	}
	NewFormEntry(nil).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault})
}
