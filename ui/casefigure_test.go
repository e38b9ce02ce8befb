package ui

import "testing"

// TestCaseFiguresCheckInBackground: the 数字核对 page reads the figures'
// state from the store off the UI thread; the page changes only when the
// UI thread runs the result (fyne.Do).
func TestCaseFiguresCheckInBackground(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	ta := threadOf(t, a)
	f := openDemoCase(t, a, openCases(t, a))
	if len(f.figures.list) == 0 || len(f.figures.status) != len(f.figures.list) {
		t.Fatalf("the demo case's %d figures were not checked on opening: %d states", len(f.figures.list), len(f.figures.status))
	}
	f.figures.summary.SetText("")
	started := ta.backgroundStarted()
	f.tabs.Select(f.figureTab) // checks again
	if ta.backgroundStarted() == started {
		t.Fatal("the figures were checked on the UI thread")
	}
	if f.figures.summary.Text != "" {
		t.Fatal("the page changed before the UI thread ran: it was changed off the UI thread")
	}
	ta.waitFor(t, "the figures' state on the page", func() bool { return f.figures.summary.Text != "" })
	if len(f.figures.status) != len(f.figures.list) {
		t.Fatalf("%d states for %d figures", len(f.figures.status), len(f.figures.list))
	}
}
