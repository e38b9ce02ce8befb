package ui

import "testing"

// TestScreensBuiltWhenShown checks that opening a file builds the content
// of the screen on display only, and that another screen gets its content
// when it first shows, by the navigation or by show.
func TestScreensBuiltWhenShown(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	built := func() (keys []string) {
		for i, n := range navItems() {
			if a.views[i] != nil {
				keys = append(keys, n.key)
			}
		}
		return keys
	}
	if got := built(); len(got) != 1 || got[0] != a.current() {
		t.Fatalf("built at start %v, showing %q", got, a.current())
	}
	a.show("members")
	a.nav.Select(2) // 会费, as a click on its entry
	if a.current() != "dues" {
		t.Fatalf("showing %q", a.current())
	}
	for _, key := range []string{"members", "dues"} {
		found := false
		for _, k := range built() {
			found = found || k == key
		}
		if !found {
			t.Fatalf("%s not built after showing it: %v", key, built())
		}
	}
	if len(a.body.Objects) != 1 || a.body.Objects[0] != a.views[2] {
		t.Fatal("the window does not show the selected screen's content")
	}
}
