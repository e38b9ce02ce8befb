package ui

import (
	"context"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
	"chamberdesk/data/datatest"
	"chamberdesk/data/demo"
	"chamberdesk/ui/widgets"
)

// openCases shows the 案例申报 screen and returns it.
func openCases(t *testing.T, a *App) *casesScreen {
	t.Helper()
	a.show("cases")
	s, ok := a.screens["cases"].(*casesScreen)
	if !ok || a.current() != "cases" {
		t.Fatalf("cases screen not shown (current %q)", a.current())
	}
	return s
}

// openDemoCase opens the demo case in the editor, as a double check of the
// list: select its row, then 编辑.
func openDemoCase(t *testing.T, a *App, s *casesScreen) *caseForm {
	t.Helper()
	if len(s.cases) != 1 {
		t.Fatalf("%d cases listed, want the demo's 1", len(s.cases))
	}
	s.list.Select(0)
	test.Tap(s.editBtn)
	if s.form == nil || s.form.closed {
		t.Fatal("编辑 did not open the editor")
	}
	a.wait()
	return s.form
}

// walk calls visit on o and everything drawn inside it.
func walk(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	visit(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walk(c, visit)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			walk(c, visit)
		}
	}
}

// checkNamed finds the check box whose text contains s, in what root draws.
func checkNamed(root fyne.CanvasObject, s string) *widget.Check {
	var found *widget.Check
	walk(root, func(o fyne.CanvasObject) {
		if c, ok := o.(*widget.Check); ok && found == nil && strings.Contains(c.Text, s) {
			found = c
		}
	})
	return found
}

// buttonNamed finds the visible button with the text s.
func buttonNamed(root fyne.CanvasObject, s string) *widget.Button {
	var found *widget.Button
	walk(root, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && found == nil && b.Text == s && b.Visible() {
			found = b
		}
	})
	return found
}

// sqlite3Query asks the sqlite3 program, which knows nothing of our code.
func sqlite3Query(t *testing.T, path, q string) string {
	t.Helper()
	bin := datatest.NeedTool(t, "sqlite3", "sqlite3")
	out, err := exec.Command(bin, "-readonly", path, q).CombinedOutput()
	if err != nil {
		t.Fatalf("sqlite3: %v\n%s", err, out)
	}
	return strings.TrimSpace(string(out))
}

// TestCaseEditorCreate writes a new case the way a secretary would: typing
// into the fields, inserting a figure from the records, ticking activities,
// choosing a photo, and Ctrl+S. The database then holds the case, its
// figure, its links and its photo.
func TestCaseEditorCreate(t *testing.T) {
	a := newTestApp(t, activityDemo(t))
	ctx := context.Background()
	st := a.store()
	s := openCases(t, a)
	a.runShortcut("new")
	f := s.form
	if f == nil || f.closed {
		t.Fatal("Ctrl+N did not open the case editor")
	}
	a.wait()
	if f.year.Year() != 2026 || f.category.Selected != "镇街商会工作" || f.orgName.Selected != demo.OrgName() {
		t.Fatalf("defaults: year %q category %q org %q", f.year.Selected, f.category.Selected, f.orgName.Selected)
	}
	f.orgName.SetSelected(demo.OrgShortName())
	test.Type(f.short, "商学堂开到家门口")
	f.level.SetSelected(data.LevelBest)
	if f.titleCount.Text != strconv.Itoa(len([]rune(demo.OrgShortName()+"：商学堂开到家门口")))+" / 40 字" {
		t.Errorf("title count %q for %q", f.titleCount.Text, f.current().Title)
	}
	test.Type(f.lead.entry, "两年来商会累计办班")

	// 插入数字: the training sessions of 2025 and 2026 together.
	d := f.lead.insertFigure()
	if d == nil || a.Dialog() != d.dlg {
		t.Fatal("插入数字 opened no dialog")
	}
	d.selectMetric("training_sessions")
	d.span.SetSelected(d.spanTwoYears)
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
	if ask := f.onClose(); ask == nil || a.Dialog() != ask || f.closed {
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

// TestCasePackageButton: without a package writer the button says so; with
// one it runs in the background with its progress shown.
func TestCasePackageButton(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	s := openCases(t, a)
	f := openDemoCase(t, a, s)
	saved := packageCase
	t.Cleanup(func() { packageCase = saved })

	packageCase = nil
	test.Tap(f.packageBtn)
	if !dialogSays(a, "生成材料包功能暂不可用") {
		t.Fatal("no notice that packages cannot be written")
	}

	dir := t.TempDir()
	var steps []string
	packageCase = func(ctx context.Context, st *data.Store, id int64, into string, progress func(string, float64)) (string, error) {
		c, err := st.Case(ctx, id)
		if err != nil {
			return "", err
		}
		for i, step := range []string{"申报书", "汇总表", "图片"} {
			progress(step, float64(i+1)/3)
			steps = append(steps, step)
		}
		p := filepath.Join(into, c.Title+".zip")
		return p, os.WriteFile(p, []byte("zip"), 0o600)
	}
	f.pickDir = func(use func(string)) { use(dir) }
	test.Tap(f.packageBtn)
	// The demo case is a draft with problems: the editor asks first.
	cd, ok := a.Dialog().(*dialog.ConfirmDialog)
	problems, err := a.store().CheckCase(a.ctx(), f.current())
	if err != nil {
		t.Fatal(err)
	}
	if !ok || len(problems) == 0 || !dialogSays(a, problems[0].Message()) {
		t.Fatalf("no question about the draft's problems (%T, %d problems)", a.Dialog(), len(problems))
	}
	cd.Confirm()
	a.wait()
	if len(steps) != 3 || f.lastPackage == "" {
		t.Fatalf("package steps %v, path %q", steps, f.lastPackage)
	}
	if _, err := os.Stat(f.lastPackage); err != nil {
		t.Fatal(err)
	}
}

// dialogSays reports whether the newest dialog shows text.
func dialogSays(a *App, text string) bool {
	d := a.Dialog()
	if d == nil {
		return false
	}
	found := false
	walk(a.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		switch l := o.(type) {
		case *widget.Label:
			found = found || strings.Contains(l.Text, text)
		case *widgets.WrapLabel:
			found = found || strings.Contains(l.Text, text)
		}
	})
	return found
}

// TestCaseDelete asks first and removes the case only.
func TestCaseDelete(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	s := openCases(t, a)
	s.list.Select(0)
	n := func(table string) int {
		var k int
		_ = a.store().DB().QueryRow("SELECT count(*) FROM " + table).Scan(&k)
		return k
	}
	acts := n("activities")
	test.Tap(s.deleteBtn)
	if s.confirm == nil {
		t.Fatal("no confirmation")
	}
	s.confirm.Dismiss()
	if n("cases") != 1 {
		t.Fatal("取消 deleted the case")
	}
	test.Tap(s.deleteBtn)
	s.confirm.Confirm()
	if n("cases") != 0 || n("case_figures") != 0 || n("activities") != acts || len(s.cases) != 0 {
		t.Fatalf("after 删除: %d cases, %d figures, %d activities", n("cases"), n("case_figures"), n("activities"))
	}
}

// caseEditorShots renders the editor on the demo case: its text page and
// its figure check, by file name.
func caseEditorShots(t *testing.T, a *App) map[string]image.Image {
	t.Helper()
	s := openCases(t, a)
	f := openDemoCase(t, a, s)
	shots := map[string]image.Image{}
	for name, tab := range map[string]*container.TabItem{
		"20_case_editor_text.png": f.textTab, "21_case_editor_figures.png": f.figureTab,
	} {
		f.tabs.Select(tab)
		img := a.win.Canvas().Capture()
		if blank(img) {
			t.Errorf("case editor %s rendered blank", name)
		}
		shots[name] = img
	}
	test.Tap(f.closeBtn)
	return shots
}
