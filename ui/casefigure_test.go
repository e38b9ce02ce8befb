package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"chamberdesk/data"
)

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

	// 插入数字 reads the year's metrics, then the chosen one's value, off
	// the UI thread too.
	f.tabs.Select(f.textTab)
	started = ta.backgroundStarted()
	d := f.lead.insertFigure()
	if ta.backgroundStarted() == started || len(d.metric.Options) != 1 {
		t.Fatalf("the metrics were read on the UI thread: %d offered at once", len(d.metric.Options))
	}
	ta.waitFor(t, "the year's metrics offered", func() bool { return len(d.metric.Options) > 1 })
	started = ta.backgroundStarted()
	d.selectMetric("training_sessions")
	if ta.backgroundStarted() == started || d.pickedOK {
		t.Fatal("the metric's value was read on the UI thread")
	}
	ta.waitFor(t, "the metric's value", func() bool { return d.pickedOK })
	if d.exact.Text == "" || len(d.choices.Options) == 0 {
		t.Fatalf("value %q, %d phrasings", d.exact.Text, len(d.choices.Options))
	}
	d.dlg.Hide()
}

// TestCaseEditorStale: a figure of the demo case goes stale when an
// activity behind it changes, the editor says so, and 更新 puts the new
// figure in the text and the database.
func TestCaseEditorStale(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	st := a.store()
	s := openCases(t, a)
	f := openDemoCase(t, a, s)
	f.tabs.Select(f.figureTab)
	idx := slices.IndexFunc(f.figures.list, func(x data.CaseFigure) bool { return x.MetricKey == "training_person_times" })
	if idx < 0 {
		t.Fatal("the demo case quotes no training person-times")
	}
	for _, x := range f.figures.status {
		if x.State != data.FigureChecked {
			t.Fatalf("demo figure %s is %s before any change", x.Figure.MetricKey, x.State)
		}
	}
	old := f.figures.list[idx]

	// 300 more people came to a course of 2026.
	acts, err := st.Activities(a.ctx(), 2026)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(acts, func(x data.Activity) bool { return x.Type == "培训办班" })
	act, err := st.Activity(a.ctx(), acts[i].ID)
	if err != nil {
		t.Fatal(err)
	}
	act.OutsideCount += 300
	if err := st.UpdateActivity(a.ctx(), act); err != nil {
		t.Fatal(err)
	}
	f.tabs.Select(f.textTab)
	f.tabs.Select(f.figureTab) // checks again
	a.wait()
	got := f.figures.status[idx]
	if got.State != data.FigureStale || got.Current != old.Value+300 {
		t.Fatalf("after the change: %+v", got)
	}
	if f.figures.summary.Text == "" || !strings.Contains(f.figureTab.Text, "数字核对") {
		t.Fatalf("summary %q", f.figures.summary.Text)
	}
	upd := buttonNamed(f.figures.rows, "更新")
	if upd == nil {
		t.Fatal("no 更新 button for the stale figure")
	}
	test.Tap(upd)
	a.wait()
	newPhr := data.MustPhrase(old.Value+300, old.Unit)
	if f.figures.status[idx].State != data.FigureChecked || f.figures.list[idx].Phrasing != newPhr ||
		!strings.Contains(f.results.entry.Text, newPhr) {
		t.Fatalf("after 更新: %+v, text %q", f.figures.list[idx], f.results.entry.Text)
	}
	test.Tap(f.saveBtn)
	var v float64
	var phr string
	if err := st.DB().QueryRow(`SELECT value, phrasing FROM case_figures WHERE metric_key = 'training_person_times'`).Scan(&v, &phr); err != nil {
		t.Fatal(err)
	}
	if v != old.Value+300 || phr != newPhr {
		t.Fatalf("saved figure %v %q", v, phr)
	}
	var results string
	_ = st.DB().QueryRow(`SELECT results FROM cases`).Scan(&results)
	if !strings.Contains(results, newPhr) || strings.Contains(results, old.Phrasing) {
		t.Fatalf("saved results still say %q", old.Phrasing)
	}
}
