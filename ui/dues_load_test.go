package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestDuesSheetLoadsInBackground: opening 会费 reads the year's sheet on a
// goroutine of its own, not on the UI thread. Until the UI thread runs the
// result the table is empty and the totals say the sheet is loading; the
// rows reach the table only through fyne.Do. A load started later wins
// over one still under way.
func TestDuesSheetLoadsInBackground(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	ta := threadOf(t, a)
	d := a.screens["dues"].(*duesScreen)
	a.store().Now = func() time.Time { return demoClock }
	started := ta.backgroundStarted()
	a.show("dues")
	if ta.backgroundStarted() == started {
		t.Fatal("the sheet was not read in the background")
	}
	if rows(d) != 0 || !strings.Contains(d.totals.Text, "正在读取2026年会费收缴表") {
		t.Fatalf("before the UI thread ran: %d rows, totals %q", rows(d), d.totals.Text)
	}
	a.wait()
	want, err := a.store().DuesSheet(context.Background(), 2026)
	if err != nil {
		t.Fatal(err)
	}
	if rows(d) != len(want) || rows(d) < 100 || !strings.HasPrefix(d.totals.Text, "本年") {
		t.Fatalf("after loading: %d rows of %d, totals %q", rows(d), len(want), d.totals.Text)
	}

	// 2025 asked for, then 2026 again before either arrives: 2026 shows.
	old, err := a.store().DuesSheet(context.Background(), 2025)
	if err != nil || fmt.Sprint(old) == fmt.Sprint(want) {
		t.Fatalf("the demo's 2025 sheet should differ from 2026's (%v)", err)
	}
	d.year = 2025
	d.loadSheet()
	d.year = 2026
	d.loadSheet()
	a.wait()
	if fmt.Sprint(d.lines) != fmt.Sprint(want) {
		t.Fatalf("the older load won: %d lines, want 2026's %d", len(d.lines), len(want))
	}
}
