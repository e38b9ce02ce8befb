package ui

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
)

// openMetrics opens the demo chamber on the 指标 screen in 2026.
func openMetrics(t *testing.T) (*App, *metricsScreen) {
	t.Helper()
	a, s := openDemoOn[*metricsScreen](t, "metrics", demoClock)
	if s.year != 2026 || s.yearSel.Selected != "2026年" {
		t.Fatalf("year %d %q, want 2026", s.year, s.yearSel.Selected)
	}
	return a, s
}

// metricCell renders one cell of the figures table as the table does.
func metricCell(s *metricsScreen, row, col int) *widget.Label {
	o := s.table.CreateCell()
	s.table.UpdateCell(widget.TableCellID{Row: row, Col: col}, o)
	return o.(*widget.Label)
}

func figures(t *testing.T, st *data.Store, year int) []data.Figure {
	t.Helper()
	fs, err := st.Figures(context.Background(), year)
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

// selectMetric selects the row of key and returns it.
func selectMetric(t *testing.T, s *metricsScreen, key string) int {
	t.Helper()
	row := s.rowOf(key)
	if row < 0 {
		t.Fatalf("metric %s not in the table", key)
	}
	s.table.Select(widget.TableCellID{Row: row, Col: metricColName})
	if s.selected != key {
		t.Fatalf("selected %q, want %s", s.selected, key)
	}
	return row
}

func TestMetricsTableMatchesStore(t *testing.T) {
	a, s := openMetrics(t)
	cur, prev := figures(t, a.store(), 2026), figures(t, a.store(), 2025)
	if n, cols := s.table.Length(); n != len(cur) || cols != metricCols {
		t.Fatalf("table %d×%d, store has %d metrics", n, cols, len(cur))
	}
	for i, f := range cur {
		if got := metricCell(s, i, metricColName).Text; got != f.Name {
			t.Errorf("row %d name %q, want %q", i, got, f.Name)
		}
		want := formatNumber(f.Value) + f.Unit
		if !f.Set {
			want = "—"
		}
		if got := metricCell(s, i, metricColValue).Text; got != want {
			t.Errorf("%s: shows %q, store %v%s", f.Key, got, f.Value, f.Unit)
		}
		// The shown number reads back as the store's value.
		if f.Set {
			shown := strings.TrimSuffix(metricCell(s, i, metricColValue).Text, f.Unit)
			if v, err := data.ParseMetricValue(shown); err != nil || v != f.Value {
				t.Errorf("%s: %q reads %v, store %v", f.Key, shown, v, f.Value)
			}
		}
		if got := metricCell(s, i, metricColPrev).Text; got != figureText(prev[i]) {
			t.Errorf("%s: previous %q, store %v", f.Key, got, prev[i].Value)
		}
		src := metricCell(s, i, metricColSource).Text
		if f.Set && src != f.Source || !f.Set && src != "未填写" {
			t.Errorf("%s: source %q, store %q (set %v)", f.Key, src, f.Source, f.Set)
		}
	}
	// Every built-in metric of the catalog carries a number in the demo's 2026.
	for _, key := range []string{"members_total", "activities_total", "person_times", "training_sessions", "investment"} {
		if v := metricCell(s, s.rowOf(key), metricColValue).Text; v == "—" || v == "0"+cur[s.rowOf(key)].Unit {
			t.Errorf("%s shows %q on the demo", key, v)
		}
	}

	// Another year shows that year's figures.
	s.yearSel.SetSelected("2025年")
	if s.year != 2025 {
		t.Fatalf("year %d after choosing 2025", s.year)
	}
	for i, f := range prev {
		if got := metricCell(s, i, metricColValue).Text; got != figureText(f) {
			t.Errorf("2025 %s: %q, store %v", f.Key, got, f.Value)
		}
	}
	if !slices.Contains(s.yearSel.Options, "2026年") || s.yearSel.Options[0] != "2026年" {
		t.Errorf("years offered %v", s.yearSel.Options)
	}
}

func TestMetricsDiffText(t *testing.T) {
	f := func(v float64, set bool) data.Figure {
		return data.Figure{Metric: data.Metric{Unit: "个"}, Value: v, Set: set}
	}
	for _, tc := range []struct {
		cur, prev data.Figure
		want      string
	}{
		{f(12, true), f(10, true), "+2个（+20%）"},
		{f(8, true), f(10, true), "-2个（-20%）"},
		{f(10, true), f(10, true), "持平"},
		{f(3, true), f(0, true), "+3个"},
		{f(1.3, true), f(1.2, true), "+0.1个（+8.3%）"},
		{f(3, true), f(0, false), "—"},
	} {
		if got := diffText(tc.cur, tc.prev); got != tc.want {
			t.Errorf("%v vs %v: %q, want %q", tc.cur.Value, tc.prev.Value, got, tc.want)
		}
	}
	for v, want := range map[float64]string{87: "87", 12.5: "12.5", 0.1 + 0.2: "0.3", 13200: "13200", -0.00001: "0"} {
		if got := formatNumber(v); got != want {
			t.Errorf("formatNumber(%v) = %q, want %q", v, got, want)
		}
	}
}

func manualValue(t *testing.T, st *data.Store, year int, key string) (data.ManualValue, bool) {
	t.Helper()
	vs, err := st.ManualValues(context.Background(), year)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		if v.MetricKey == key {
			return v, true
		}
	}
	return data.ManualValue{}, false
}

func TestMetricsManualValue(t *testing.T) {
	a, s := openMetrics(t)
	ctx := context.Background()
	row := selectMetric(t, s, "friendly_chambers")
	if s.manualForm.Hidden {
		t.Fatal("the form for a manual metric is hidden")
	}
	before, _ := a.store().ManualValues(ctx, 2026)

	for _, bad := range []string{"-3", "abc"} {
		t.Run("Err"+bad, func(t *testing.T) {
			s.valueEntry.SetText("")
			test.Type(s.valueEntry, bad)
			s.noteEntry.SetText("")
			test.Type(s.noteEntry, "友好商会协议")
			test.Tap(s.saveBtn)
			if s.valueEntry.Validate() == nil {
				t.Errorf("%q passes the entry's validation", bad)
			}
			if !strings.HasPrefix(s.manualMsg.Text, "数值：") || s.manualMsg.Importance != widget.DangerImportance {
				t.Errorf("message %q", s.manualMsg.Text)
			}
			after, _ := a.store().ManualValues(ctx, 2026)
			if !slices.Equal(before, after) {
				t.Errorf("an invalid value was written: %v → %v", before, after)
			}
		})
	}

	t.Run("ErrNoNote", func(t *testing.T) {
		s.valueEntry.SetText("")
		test.Type(s.valueEntry, "9")
		s.noteEntry.SetText("")
		test.Tap(s.saveBtn)
		if !strings.Contains(s.manualMsg.Text, "依据") {
			t.Errorf("message %q", s.manualMsg.Text)
		}
		after, _ := a.store().ManualValues(ctx, 2026)
		if !slices.Equal(before, after) {
			t.Errorf("a value without note was written")
		}
	})

	t.Run("OK", func(t *testing.T) {
		s.valueEntry.SetText("")
		test.Type(s.valueEntry, "１２")
		s.noteEntry.SetText("")
		test.Type(s.noteEntry, "与12家外地商会签订友好协议")
		test.Tap(s.saveBtn)
		v, ok := manualValue(t, a.store(), 2026, "friendly_chambers")
		if !ok || v.Value != 12 || v.Note != "与12家外地商会签订友好协议" {
			t.Fatalf("stored %+v %v", v, ok)
		}
		if got := metricCell(s, row, metricColValue).Text; got != "12个" {
			t.Errorf("table shows %q after saving", got)
		}
		if got := metricCell(s, row, metricColSource).Text; got != "手工填写：与12家外地商会签订友好协议" {
			t.Errorf("source %q", got)
		}
		if s.manualMsg.Importance != widget.SuccessImportance || s.selected != "friendly_chambers" {
			t.Errorf("message %q, selected %q", s.manualMsg.Text, s.selected)
		}
		// Other years are left alone.
		if v25, ok := manualValue(t, a.store(), 2025, "friendly_chambers"); ok && v25.Value == 12 {
			t.Error("2025 changed")
		}
	})

	t.Run("NotEntered", func(t *testing.T) {
		// A year nobody filled shows 未填写, not 0.
		s.focus(2024, "")
		s.refresh()
		if s.year != 2024 {
			t.Fatalf("year %d", s.year)
		}
		r := s.rowOf("jobs_created")
		if v, src := metricCell(s, r, metricColValue).Text, metricCell(s, r, metricColSource).Text; v != "—" || src != "未填写" {
			t.Errorf("unset manual: %q %q", v, src)
		}
	})
}

func TestMetricsAddCustom(t *testing.T) {
	a, s := openMetrics(t)
	ctx := context.Background()
	n := len(s.figs)

	f := s.onAdd()
	if f == nil || !onTop(a, f.ok) {
		t.Fatal("新增指标 dialog not shown")
	}
	// No name: refused in the dialog, nothing written.
	f.unit.SetText("个")
	test.Tap(f.ok)
	if !strings.Contains(f.msg.Text, "指标名称") {
		t.Fatalf("message %q", f.msg.Text)
	}
	// A name the catalog has: refused.
	test.Type(f.name, "签约项目数")
	test.Tap(f.ok)
	if !strings.Contains(f.msg.Text, "已有同名指标") {
		t.Fatalf("duplicate: message %q", f.msg.Text)
	}
	if ms, _ := a.store().Metrics(ctx); len(ms) != n {
		t.Fatalf("a refused metric was written: %d metrics", len(ms))
	}

	f.name.SetText("")
	test.Type(f.name, "结对帮扶村数")
	f.unit.SetText("个")
	f.kind.SetSelected(kindOutcomeText)
	test.Tap(f.ok)
	ms, err := a.store().Metrics(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != n+1 {
		t.Fatalf("%d metrics after adding, had %d (%s)", len(ms), n, f.msg.Text)
	}
	added := ms[len(ms)-1]
	if added.Name != "结对帮扶村数" || added.Unit != "个" || added.Kind != data.MetricOutcome || !strings.HasPrefix(added.Key, "custom_") {
		t.Fatalf("stored %+v", added)
	}
	if len(s.figs) != n+1 || metricCell(s, n, metricColName).Text != "结对帮扶村数" || s.selected != added.Key {
		t.Fatalf("table has %d rows, selected %q", len(s.figs), s.selected)
	}
	if got := metricCell(s, n, metricColValue).Text; got != "0个" {
		t.Errorf("new outcome metric shows %q", got)
	}

	// A manual one with a unit typed by hand, filled in at once.
	f = s.onAdd()
	test.Type(f.name, "志愿服务时长")
	f.unit.SetText("小时")
	f.kind.SetSelected(kindManualText)
	test.Tap(f.ok)
	key := s.selected
	if !strings.HasPrefix(key, "custom_") || s.manualForm.Hidden {
		t.Fatalf("selected %q, form hidden %v", key, s.manualForm.Hidden)
	}
	test.Type(s.valueEntry, "320")
	test.Type(s.noteEntry, "志愿者服务登记")
	test.Tap(s.saveBtn)
	if v, ok := manualValue(t, a.store(), 2026, key); !ok || v.Value != 320 {
		t.Fatalf("manual value of the added metric %+v %v (%s)", v, ok, s.manualMsg.Text)
	}
	if got := metricCell(s, s.rowOf(key), metricColValue).Text; got != "320小时" {
		t.Errorf("table shows %q", got)
	}
}

func TestMetricsExplainTraining(t *testing.T) {
	a, s := openMetrics(t)
	selectMetric(t, s, "training_sessions")
	d := s.onExplain()
	if d == nil || !onTop(a, d.copy) {
		t.Fatal("查看来源 dialog not shown")
	}
	acts, err := a.store().Activities(context.Background(), 2026)
	if err != nil {
		t.Fatal(err)
	}
	var want []data.Activity
	for _, x := range acts {
		if x.Type == "培训办班" {
			want = append(want, x)
		}
	}
	if len(want) < 3 {
		t.Fatalf("the demo has %d trainings in 2026", len(want))
	}
	if len(d.rows) != len(want) {
		t.Fatalf("dialog lists %d records, the store has %d 培训办班 activities", len(d.rows), len(want))
	}
	// The dialog lists oldest first; the store lists newest first.
	for i, c := range d.rows {
		w := want[len(want)-1-i]
		if c.ID != w.ID || c.Kind != "activity" {
			t.Errorf("row %d is %s %d, want activity %d", i, c.Kind, c.ID, w.ID)
		}
		if got := d.table.Text(i, explainColLabel); got != w.Title+"（培训办班）" {
			t.Errorf("row %d shows %q, want %s", i, got, w.Title)
		}
		if got := d.table.Text(i, explainColDate); got != data.FormatDateCN(w.Date) {
			t.Errorf("row %d date %q, want %s", i, got, data.FormatDateCN(w.Date))
		}
	}
	if want := "合计：" + strconv.Itoa(len(want)) + " 项活动，共 " + strconv.Itoa(len(want)) + "期"; !strings.HasPrefix(d.summary.Text, want) {
		t.Errorf("summary %q, want %q…", d.summary.Text, want)
	}
	// The side panel lists the same records.
	if len(s.records.rows) != len(want) {
		t.Errorf("panel lists %d records", len(s.records.rows))
	}
	test.Tap(d.copy)
	if clip := a.fyne.Clipboard().Content(); !strings.Contains(clip, want[0].Title) || strings.Count(clip, "\n") != len(want)+2 {
		t.Errorf("clipboard %q", clip)
	}
}

func TestMetricsExplainMembersAndManual(t *testing.T) {
	a, s := openMetrics(t)
	selectMetric(t, s, "members_total")
	d := s.onExplain()
	fig, rows, err := a.store().Explain(context.Background(), 2026, "members_total")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.rows) != len(rows) || float64(len(rows)) != fig.Value || d.header(explainColLabel) != "会员（企业）" {
		t.Fatalf("members: %d rows, figure %v", len(d.rows), fig.Value)
	}
	d.dlg.Hide()

	selectMetric(t, s, "jobs_created")
	d = s.onExplain()
	v, ok := manualValue(t, a.store(), 2026, "jobs_created")
	if !ok {
		t.Fatal("demo has no 2026 jobs_created")
	}
	if len(d.rows) != 1 || d.rows[0].Label != v.Note || !strings.HasPrefix(d.summary.Text, "手工填写") {
		t.Fatalf("manual explain %+v %q", d.rows, d.summary.Text)
	}
}

// TestMetricsScreenshots renders the 首页 and 指标 screens and their
// dialogs, checks each is drawn and shows its title, and writes them as
// PNGs to SHOT_DIR when set.
func TestMetricsScreenshots(t *testing.T) {
	a, s := openMetrics(t)
	screen := func(name, title string) { t.Helper(); checkShot(t, a.win, screenRegion(a), name, title) }
	dlg := func(name, title string) { t.Helper(); checkShot(t, a.win, dialogRegion(t, a), name, title) }
	a.win.Resize(fyne.NewSize(1280, 800))
	a.show("home")
	screen("home.png", a.org().Name)
	a.show("metrics")
	selectMetric(t, s, "training_sessions")
	screen("metrics.png", "年度指标")
	selectMetric(t, s, "investment")
	d := s.onExplain()
	dlg("explain.png", "的来源")
	d.dlg.Hide()
	selectMetric(t, s, "jobs_created")
	screen("metrics_manual.png", "年度指标")
	f := s.onAdd()
	dlg("addmetric.png", "新增指标")
	f.dlg.Hide()
	a.win.Resize(fyne.NewSize(900, 640))
	a.show("home")
	screen("home_small.png", "最近的活动")
}
