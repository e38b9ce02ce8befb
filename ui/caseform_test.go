package ui

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
	"chamberdesk/data/demo"
)

// TestCaseEditorCreate writes a new case the way a secretary would: typing
// into the fields, inserting a figure from the records, ticking activities,
// choosing a photo, and Ctrl+S. The database then holds the case, its
// figure, its links and its photo.
func TestCaseEditorCreate(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	ctx := context.Background()
	st := a.store()
	s := openCases(t, a)
	a.runShortcut("new")
	f := s.form
	if f == nil || f.closed {
		t.Fatal("Ctrl+N did not open the case editor")
	}
	a.wait()
	if f.year.Year() != 2026 || f.category.Value() != "镇街商会工作" || f.orgName.Selected != demo.OrgName() {
		t.Fatalf("defaults: year %q category %q org %q", f.year.Selected, f.category.Selected, f.orgName.Selected)
	}
	f.orgName.SetSelected(demo.OrgShortName())
	test.Type(f.short, "商学堂开到家门口")
	f.level.SetValue(data.LevelBest)
	if f.titleCount.Text != strconv.Itoa(len([]rune(demo.OrgShortName()+"：商学堂开到家门口")))+" / 40 字" {
		t.Errorf("title count %q for %q", f.titleCount.Text, f.current().Title)
	}
	test.Type(f.lead.entry, "两年来商会累计办班")

	// 插入数字: the training sessions of 2025 and 2026 together.
	d := f.lead.insertFigure()
	if d == nil || !onTop(a, d.insertBtn) {
		t.Fatal("插入数字 opened no dialog")
	}
	a.wait() // the year's metrics are read in the background
	d.selectMetric("training_sessions")
	d.span.SetSelected(d.spanTwoYears)
	a.wait()
	var sessions int
	if err := st.DB().QueryRow(`SELECT count(*) FROM activities WHERE type = '培训办班'
		AND date BETWEEN '2025-01-01' AND '2026-12-31'`).Scan(&sessions); err != nil {
		t.Fatal(err)
	}
	want := data.MustPhrase(float64(sessions), "期")
	if d.exact.Text != strconv.Itoa(sessions)+"期" || d.choices.Selected != want {
		t.Fatalf("dialog shows %q, proposes %q; records give %d期 (%q)", d.exact.Text, d.choices.Selected, sessions, want)
	}
	test.Tap(d.insertBtn)
	a.wait() // the figure is checked in the background
	test.Type(f.lead.entry, "，培训会员和返乡青年。")
	if f.lead.entry.Text != "两年来商会累计办班"+want+"，培训会员和返乡青年。" {
		t.Fatalf("lead %q", f.lead.entry.Text)
	}
	if len(f.figures.list) != 1 || f.figures.status[0].State != data.FigureChecked {
		t.Fatalf("figures %+v status %+v", f.figures.list, f.figures.status)
	}
	test.Type(f.practices.entry, "一是把课堂办到会员身边。")
	test.Type(f.results.entry, "会员满意。")
	// The contact comes from the profile; this case names another.
	for _, e := range []*formEntry{f.person, f.office, f.phone, f.recommender} {
		e.SetText("")
	}
	test.Type(f.person, "赵秘书")
	test.Type(f.office, "秘书长")
	test.Type(f.phone, "13800001111")
	test.Type(f.recommender, "安澜区工商联")
	test.Type(f.opinion.entry, "同意推荐。")

	// Tick two training courses of 2026 that have photos, and choose a photo.
	var linked []int64
	rows, err := st.DB().Query(`SELECT a.id, a.title FROM activities a WHERE a.type = '培训办班'
		AND a.date >= '2026-01-01' AND EXISTS (SELECT 1 FROM attachments p WHERE p.activity_id = a.id)
		ORDER BY a.date LIMIT 2`)
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for rows.Next() {
		var id int64
		var title string
		if err := rows.Scan(&id, &title); err != nil {
			t.Fatal(err)
		}
		linked, titles = append(linked, id), append(titles, title)
	}
	rows.Close()
	if len(linked) != 2 {
		t.Fatalf("demo has %d training courses with photos in 2026", len(linked))
	}
	f.tabs.Select(f.linkTab)
	f.links.onlyPicked.SetChecked(false)
	for _, title := range titles {
		f.links.list.ScrollToTop()
		var c *widget.Check
		for i := 0; i < len(f.links.shown) && c == nil; i++ {
			f.links.list.ScrollTo(i)
			c = checkNamed(f.tabs, title)
		}
		if c == nil {
			t.Fatalf("no check box for %q", title)
		}
		test.Tap(c)
	}
	if got := f.links.ids(); !slices.Equal(got, sortedIDs(linked)) {
		t.Fatalf("linked %v, want %v", got, linked)
	}
	f.tabs.Select(f.photoTab)
	a.wait()
	if len(f.photos.picks) == 0 {
		t.Fatal("the linked activities offer no photo")
	}
	var firstPhoto int64
	for _, aid := range sortedIDs(linked) {
		ps, _ := st.Photos(ctx, aid)
		if len(ps) > 0 {
			firstPhoto = ps[0].ID
			break
		}
	}
	test.Tap(f.photos.picks[firstPhoto])
	if len(f.photos.items) != 1 || !f.photos.picks[firstPhoto].Disabled() {
		t.Fatalf("photo not chosen: %d items", len(f.photos.items))
	}
	cap := f.photos.items[0].caption
	cap.SetText("")
	test.Type(cap, "学员在直播间实操")
	if !f.dirty() {
		t.Fatal("the editor does not see its changes")
	}

	a.runShortcut("save") // Ctrl+S
	a.wait()
	if f.lastID == 0 || f.dirty() || f.closed {
		t.Fatalf("Ctrl+S: id %d dirty %v closed %v", f.lastID, f.dirty(), f.closed)
	}
	id := strconv.FormatInt(f.lastID, 10)
	path := st.Path()
	if got := sqlite3Query(t, path, "SELECT year || '|' || category || '|' || level || '|' || title || '|' || contact_phone FROM cases WHERE id = "+id); got !=
		"2026|镇街商会工作|最佳案例|"+demo.OrgShortName()+"：商学堂开到家门口|13800001111" {
		t.Errorf("cases row %q", got)
	}
	if got := sqlite3Query(t, path, "SELECT section || '|' || metric_key || '|' || year_from || '|' || year_to || '|' || CAST(value AS INTEGER) || '|' || phrasing || '|' || untraced FROM case_figures WHERE case_id = "+id); got !=
		"lead|training_sessions|2025|2026|"+strconv.Itoa(sessions)+"|"+want+"|0" {
		t.Errorf("case_figures %q", got)
	}
	if got := sqlite3Query(t, path, "SELECT attachment_id || '|' || caption FROM case_photos WHERE case_id = "+id); got !=
		strconv.FormatInt(firstPhoto, 10)+"|学员在直播间实操" {
		t.Errorf("case_photos %q", got)
	}
	if got := sqlite3Query(t, path, "SELECT group_concat(activity_id) FROM (SELECT activity_id FROM case_activities WHERE case_id = "+id+" ORDER BY activity_id)"); got !=
		strconv.FormatInt(sortedIDs(linked)[0], 10)+","+strconv.FormatInt(sortedIDs(linked)[1], 10) {
		t.Errorf("case_activities %q", got)
	}
	if len(s.cases) != 2 {
		t.Errorf("list shows %d cases after the save", len(s.cases))
	}

	// 检查: the new case is complete.
	if problems := f.onCheck(); len(problems) != 0 {
		t.Errorf("check: %s", problems.Message())
	}
	if ask := f.onClose(); !f.closed || ask != nil {
		t.Fatalf("closing a saved editor: closed %v ask %v", f.closed, ask != nil)
	}
}

func sortedIDs(ids []int64) []int64 {
	out := slices.Clone(ids)
	slices.Sort(out)
	return out
}

// TestCaseEditorUnsaved: closing with changes asks; 不保存 writes nothing.
func TestCaseEditorUnsaved(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	s := openCases(t, a)
	f := openDemoCase(t, a, s)
	before := sqlite3Query(t, a.store().Path(), "SELECT lead FROM cases")
	test.Type(f.lead.entry, "补充一句。")
	if !strings.HasSuffix(f.lead.count.Text, "字") {
		t.Fatalf("lead count %q", f.lead.count.Text)
	}
	if ask := f.onClose(); ask == nil || !strings.Contains(topTexts(a), "关闭前要保存吗") || f.closed {
		t.Fatal("closing with changes did not ask")
	}
	test.Tap(buttonNamed(a.win.Canvas().Overlays().Top(), "继续编辑"))
	if f.closed {
		t.Fatal("继续编辑 closed the editor")
	}
	test.Tap(f.closeBtn)
	test.Tap(buttonNamed(a.win.Canvas().Overlays().Top(), "不保存"))
	if !f.closed {
		t.Fatal("不保存 did not close the editor")
	}
	if after := sqlite3Query(t, a.store().Path(), "SELECT lead FROM cases"); after != before {
		t.Fatal("不保存 changed the database")
	}
}

// TestCaseLimitsShown: over the limit the count turns to a warning.
func TestCaseLimitsShown(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	if err := a.store().SetCaseLimits(a.ctx(), data.CaseLimits{Title: 40, Lead: 10, Practices: 3000, Results: 1500, Opinion: 200}); err != nil {
		t.Fatal(err)
	}
	s := openCases(t, a)
	a.runShortcut("new")
	f := s.form
	test.Type(f.lead.entry, "一二三四五六七八九十")
	if f.lead.count.Text != "10 / 10 字" || f.lead.count.Importance == widget.DangerImportance {
		t.Fatalf("at the limit: %q", f.lead.count.Text)
	}
	test.Type(f.lead.entry, "多")
	if f.lead.count.Text != "11 / 10 字，超出1字" || f.lead.count.Importance != widget.DangerImportance {
		t.Fatalf("over the limit: %q", f.lead.count.Text)
	}
}
