package ui

import "testing"

// TestScreensBuiltWhenShown checks that opening a file builds the content
// of the screen on display only, and that another screen gets its content
// (not the stand-in) when it first shows, by tab or by show.
func TestScreensBuiltWhenShown(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	built := func() (keys []string) {
		for i, n := range navItems() {
			if a.tabs.Items[i].Content != unbuilt {
				keys = append(keys, n.key)
			}
		}
		return keys
	}
	if got := built(); len(got) != 1 || got[0] != a.current() {
		t.Fatalf("built at start %v, showing %q", got, a.current())
	}
	a.show("members")
	a.tabs.SelectIndex(2) // 会费, as a click on its tab
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
	if a.tabs.Selected().Content == unbuilt {
		t.Fatal("the selected tab shows the stand-in")
	}
}
