package ui

import (
	"bytes"
	"image"
	"image/jpeg"
	"image/png"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
	"chamberdesk/ui/widgets"
)

// activityDemo is a copy of the demo database with its photo files, so
// thumbnails can be shown (demoCopy copies the database only).
func activityDemo(t *testing.T) string {
	t.Helper()
	path := demoCopy(t)
	src := strings.TrimSuffix(demoFile, filepath.Ext(demoFile)) + "_files"
	dst := strings.TrimSuffix(path, filepath.Ext(path)) + "_files"
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o700)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o600)
	})
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// openActivities shows the activities screen and returns it.
func openActivities(t *testing.T, a *App) *activitiesScreen {
	t.Helper()
	a.show("activities")
	s, ok := a.screens["activities"].(*activitiesScreen)
	if !ok || a.current() != "activities" {
		t.Fatalf("activities screen not shown (current %q)", a.current())
	}
	return s
}

// openActivityForm opens the add form with Ctrl+N, as a person would.
func openActivityForm(t *testing.T, a *App, s *activitiesScreen) *activityForm {
	t.Helper()
	s.form = nil
	a.runShortcut("new")
	if s.form == nil || s.form.closed {
		t.Fatal("Ctrl+N did not open the activity form")
	}
	return s.form
}

// activityPhotoFile writes a w×h JPEG or PNG picture to dir.
func activityPhotoFile(t *testing.T, dir, name string, w, h int) string {
	t.Helper()
	img := image.NewYCbCr(image.Rect(0, 0, w, h), image.YCbCrSubsampleRatio420)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Y[y*img.YStride+x] = uint8((x*7 + y*3) % 251)
		}
	}
	for i := range img.Cb {
		img.Cb[i], img.Cr[i] = uint8(90+i%60), uint8(150-i%50)
	}
	var b bytes.Buffer
	var err error
	if strings.HasSuffix(name, ".png") {
		rgba := image.NewRGBA(img.Bounds())
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				rgba.Set(x, y, img.At(x, y))
			}
		}
		err = png.Encode(&b, rgba)
	} else {
		err = jpeg.Encode(&b, img, &jpeg.Options{Quality: 92})
	}
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

var (
	bigPhotoOnce sync.Once
	bigPhotoPath string
)

// bigPhoto is a 6000×5000 JPEG (30 megapixels), drawn once per run.
func bigPhoto(t *testing.T) string {
	t.Helper()
	bigPhotoOnce.Do(func() {
		dir, err := mkdirTemp()
		if err != nil {
			t.Fatal(err)
		}
		bigPhotoPath = activityPhotoFile(t, dir, "大合影.jpg", 6000, 5000)
	})
	return bigPhotoPath
}

// figures is a year's figures by metric key, from the database.
func activityFigures(t *testing.T, a *App, year int) map[string]float64 {
	t.Helper()
	fs, err := a.store().Figures(a.ctx(), year)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]float64{}
	for _, f := range fs {
		out[f.Key] = f.Value
	}
	return out
}

// activityTexts is every text drawn on the top overlay (the open dialog):
// labels, rich text and a form's hint and error lines.
func activityTexts(a *App) string {
	top := a.win.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch w := o.(type) {
		case *canvas.Text:
			b.WriteString(w.Text + "\n")
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.RichText:
			b.WriteString(w.String() + "\n")
		}
		switch c := o.(type) {
		case fyne.Widget:
			for _, child := range test.WidgetRenderer(c).Objects() {
				walk(child)
			}
		case *fyne.Container:
			for _, child := range c.Objects {
				walk(child)
			}
		}
	}
	walk(top)
	return b.String()
}

// pickBySearch types a member's name into the picker's search and taps the
// member's row.
func pickBySearch(t *testing.T, f *activityForm, m data.Member) {
	t.Helper()
	f.search.SetText("")
	test.Type(f.search, m.Name)
	i := slices.IndexFunc(f.matches, func(x *data.Member) bool { return x.ID == m.ID })
	if i < 0 {
		t.Fatalf("searching %q did not find member %d", m.Name, m.ID)
	}
	f.memberList.Select(i)
	if !f.picked[m.ID] {
		t.Fatalf("tapping %s did not pick them", m.Name)
	}
}

func storedActivities(t *testing.T, a *App) int {
	t.Helper()
	all, err := a.store().Activities(a.ctx(), 0)
	if err != nil {
		t.Fatal(err)
	}
	return len(all)
}

func TestActivityAddThroughForm(t *testing.T) {
	a := newTestApp(t, activityDemo(t))
	s := openActivities(t, a)
	const year = 2026
	before := activityFigures(t, a, year)
	f := openActivityForm(t, a, s)

	f.kind.SetSelected("培训办班")
	test.Type(f.title, "跨境电商实务培训班")
	f.date.SetText("")
	test.Type(f.date, "2026年6月18日")
	test.Type(f.place, "镇电商服务中心")
	test.Type(f.outside, "20")
	test.Type(f.minutes, "邀请专家讲授跨境电商平台入驻和物流。\n现场答疑。")

	var three []data.Member
	for _, m := range allActivityMembers(t, a) {
		if m.Status == data.StatusActive && len([]rune(m.Name)) >= 2 && len(three) < 3 {
			three = append(three, m)
		}
	}
	for _, m := range three {
		pickBySearch(t, f, m)
	}
	if f.pickedLabel.Text != "已选 3 人，加其他参与 20 人次，共 23 人次" {
		t.Fatalf("picked label %q", f.pickedLabel.Text)
	}
	test.Tap(f.addOutcomeBtn)
	f.outcomes[0].metric.SetSelected("服务企业户数（户）")
	test.Type(f.outcomes[0].value, "5")
	if f.outcomes[0].unit.Text != "户" {
		t.Fatalf("unit %q", f.outcomes[0].unit.Text)
	}
	photo := activityPhotoFile(t, t.TempDir(), "培训现场.jpg", 640, 480)
	f.photos.addPhotoFiles([]string{photo})
	a.wait()
	if f.photos.count() != 1 || f.photos.items[0].caption.Text != "培训现场" {
		t.Fatalf("photos in form: %d", f.photos.count())
	}
	f.photos.items[0].caption.SetText(f.photos.items[0].caption.Text + "，学员听讲")

	a.shortcut["save"]() // Ctrl+S
	a.wait()
	if !f.closed || f.lastID == 0 {
		t.Fatalf("form still open after save: %s", activityTexts(a))
	}

	got, err := a.store().Activity(a.ctx(), f.lastID)
	if err != nil {
		t.Fatal(err)
	}
	wantIDs := []int64{three[0].ID, three[1].ID, three[2].ID}
	slices.Sort(wantIDs)
	if got.Type != "培训办班" || got.Title != "跨境电商实务培训班" || !got.Date.Equal(time.Date(2026, 6, 18, 0, 0, 0, 0, time.UTC)) ||
		got.Place != "镇电商服务中心" || got.OutsideCount != 20 || !slices.Equal(got.Attendees, wantIDs) ||
		!strings.HasPrefix(got.Content, "邀请专家") {
		t.Fatalf("stored %+v", got)
	}
	if len(got.Outcomes) != 1 || got.Outcomes[0].MetricKey != "companies_served" || got.Outcomes[0].Value != 5 {
		t.Fatalf("outcomes %+v", got.Outcomes)
	}
	ps, err := a.store().Photos(a.ctx(), got.ID)
	if err != nil || len(ps) != 1 {
		t.Fatalf("photos %v %v", ps, err)
	}
	if ps[0].Caption != "培训现场，学员听讲" || ps[0].OriginalName != "培训现场.jpg" || !ps[0].TakenDate.Equal(got.Date) {
		t.Fatalf("photo %+v", ps[0])
	}
	if _, err := os.Stat(a.store().AttachmentPath(ps[0])); err != nil {
		t.Fatal(err)
	}

	after := activityFigures(t, a, year)
	want := map[string]float64{"activities_total": 1, "person_times": 23, "training_sessions": 1,
		"training_person_times": 23, "companies_served": 5}
	for _, k := range slices.Sorted(maps.Keys(after)) {
		if d := after[k] - before[k]; d != want[k] {
			t.Errorf("%s changed by %v, want %v", k, d, want[k])
		}
	}

	// The dashboard shows the new figures: its cards moved by the same amounts.
	h := a.screens["home"].(*homeScreen)
	h.year = year
	a.show("home")
	for _, key := range []string{"activities_total", "person_times", "training_sessions", "training_person_times"} {
		c := h.card(t, key)
		if c.Figure().Value != formatNumber(before[key]+want[key]) {
			t.Errorf("dashboard %s shows %v; want %v", key, c.Figure().Value, before[key]+want[key])
		}
	}
	a.show("activities")

	// The list shows it selected, with its photo, and the panel its facts.
	if s.selected != got.ID || s.filterYear() != year {
		t.Fatalf("selected %d year %d", s.selected, s.filterYear())
	}
	row := slices.IndexFunc(s.rows, func(x *data.Activity) bool { return x.ID == got.ID })
	if row < 0 || activityCols[5].text(s, s.rows[row]) != "1" || activityCols[4].text(s, s.rows[row]) != "23" {
		t.Fatalf("row %d", row)
	}
	a.wait()
	if len(s.photos) != 1 {
		t.Fatalf("detail photos %d", len(s.photos))
	}
}

func allActivityMembers(t *testing.T, a *App) []data.Member {
	t.Helper()
	ms, err := a.store().Members(a.ctx())
	if err != nil {
		t.Fatal(err)
	}
	return ms
}

func TestActivityFormInvalid(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	s := openActivities(t, a)
	n := storedActivities(t, a)
	f := openActivityForm(t, a, s)
	f.kind.SetSelected("理事会")
	test.Type(f.title, "三季度理事会")

	f.date.SetText("")
	test.Type(f.date, "2026-13-45")
	if f.submit() {
		t.Fatal("saved with an impossible date")
	}
	if f.date.Validate() == nil || f.closed {
		t.Fatal("no inline error on the date")
	}
	msg := plain(func() error { _, err := data.ParseDate("2026-13-45"); return err }()).Error()
	if !strings.Contains(activityTexts(a), msg) {
		t.Fatalf("the form does not show %q", msg)
	}

	f.date.SetText("2026-09-20")
	f.endDate.SetText("2026-09-19")
	if f.submit() || f.endDate.Validate() == nil {
		t.Fatal("saved with the end before the start")
	}
	f.endDate.SetText("")

	test.Type(f.outside, "-3")
	if f.submit() {
		t.Fatal("saved with negative outside person-times")
	}
	if err := f.outside.Validate(); err == nil || err.Error() != "不能为负数" {
		t.Fatalf("outside validation %v", err)
	}
	f.outside.SetText("2.5")
	if f.submit() || f.outside.Validate() == nil {
		t.Fatal("saved with a fraction of a person")
	}
	f.outside.SetText("")

	test.Tap(f.addOutcomeBtn)
	f.outcomes[0].metric.SetSelected("投资额（亿元）")
	test.Type(f.outcomes[0].value, "-1")
	if f.submit() || f.outcomes[0].value.Validate() == nil {
		t.Fatal("saved a negative outcome")
	}
	f.outcomes[0].value.SetText("1.5")
	test.Tap(f.addOutcomeBtn)
	f.outcomes[1].metric.SetSelected("投资额（亿元）")
	f.outcomes[1].value.SetText("2")
	if f.submit() {
		t.Fatal("saved the same outcome twice")
	}
	if got := storedActivities(t, a); got != n {
		t.Fatalf("%d activities after refused saves, want %d", got, n)
	}

	test.Tap(f.outcomes[1].removeBtn)
	if !f.submit() {
		t.Fatalf("a valid form did not save: %s", activityTexts(a))
	}
	got, err := a.store().Activity(a.ctx(), f.lastID)
	if err != nil || len(got.Outcomes) != 1 || got.Outcomes[0].Value != 1.5 || got.OutsideCount != 0 {
		t.Fatalf("saved %+v %v", got, err)
	}
}

func TestActivityQuickPicks(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	s := openActivities(t, a)
	f := openActivityForm(t, a, s)
	ms := allActivityMembers(t, a)
	limit := data.OfficeRank("理事")
	var leaders, active []int64
	for _, m := range ms {
		if m.Status != data.StatusActive {
			continue
		}
		active = append(active, m.ID)
		if data.OfficeRank(m.Office) <= limit {
			leaders = append(leaders, m.ID)
		}
	}
	slices.Sort(leaders)
	slices.Sort(active)
	picked := func() []int64 { ids := slices.Collect(maps.Keys(f.picked)); slices.Sort(ids); return ids }
	test.Tap(f.leadersBtn)
	if !slices.Equal(picked(), leaders) || len(leaders) == 0 || len(leaders) == len(active) {
		t.Fatalf("全体理事及以上 picked %d, want the %d active members at 理事 or above: %v / %v", len(f.picked), len(leaders), picked(), leaders)
	}
	test.Tap(f.clearBtn)
	if len(f.picked) != 0 || f.pickedLabel.Text != "已选 0 人" {
		t.Fatalf("清空 left %d (%q)", len(f.picked), f.pickedLabel.Text)
	}
	test.Tap(f.allBtn)
	if !slices.Equal(picked(), active) {
		t.Fatalf("全体会员 picked %d, want %d", len(f.picked), len(active))
	}
	f.onlyPicked.SetChecked(true)
	if len(f.matches) != len(active) {
		t.Fatalf("只看已选 lists %d", len(f.matches))
	}

	// For an activity back in time, members who joined later are not picked.
	test.Tap(f.clearBtn)
	f.onlyPicked.SetChecked(false)
	f.date.SetText("2025-01-10")
	d, _ := data.ParseDate("2025-01-10")
	test.Tap(f.leadersBtn)
	for _, m := range ms {
		want := m.Status == data.StatusActive && data.OfficeRank(m.Office) <= limit && (m.JoinDate.IsZero() || !m.JoinDate.After(d))
		if f.picked[m.ID] != want {
			t.Fatalf("member %d (%s, joined %s) picked %v", m.ID, m.Office, data.FormatDateISO(m.JoinDate), f.picked[m.ID])
		}
	}
}

func TestActivityPhotos(t *testing.T) {
	a := newTestApp(t, activityDemo(t))
	s := openActivities(t, a)
	s.year.SetSelected(activityAllYears)
	row := slices.IndexFunc(s.rows, func(x *data.Activity) bool { return s.photoN[x.ID] > 0 })
	if row < 0 {
		t.Fatal("no demo activity with photos")
	}
	s.selectRow(row)
	a.wait() // the detail panel's thumbnails
	id := s.selected
	stored, _ := a.store().Photos(a.ctx(), id)
	test.Tap(s.editBtn)
	f := s.form
	a.wait()
	if f.photos.count() != len(stored) {
		t.Fatalf("form shows %d photos, want %d", f.photos.count(), len(stored))
	}
	for _, it := range f.photos.items {
		if it.frame.img.Image == nil {
			t.Fatalf("photo %s has no thumbnail: %s", it.att.OriginalName, it.frame.status.Text)
		}
	}

	dir := t.TempDir()
	heic := filepath.Join(dir, "IMG_0001.HEIC")
	if err := os.WriteFile(heic, append([]byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"), make([]byte, 500)...), 0o600); err != nil {
		t.Fatal(err)
	}
	good := activityPhotoFile(t, dir, "会场.jpg", 800, 600)
	b, _ := os.ReadFile(good)
	corrupt := filepath.Join(dir, "损坏.jpg")
	if err := os.WriteFile(corrupt, b[:len(b)/2], 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ file, says string }{
		{heic, "HEIC"},
		{corrupt, "已损坏"},
		{filepath.Join(dir, "不存在.jpg"), "无法读取"},
	} {
		last := a.Dialog()
		f.photos.addPhotoFiles([]string{tc.file})
		a.wait()
		if a.Dialog() == last || !strings.Contains(activityTexts(a), tc.says) {
			t.Fatalf("%s: no error dialog saying %q: %s", filepath.Base(tc.file), tc.says, activityTexts(a))
		}
		a.Dialog().Hide()
		if f.photos.count() != len(stored) {
			t.Fatalf("%s was added", tc.file)
		}
	}

	// A 30-megapixel photo is checked in the background and added: if
	// addPhotoFiles hands no work to the app, the decoding happened on the
	// UI thread.
	big := bigPhoto(t)
	last := a.Dialog()
	ta := threadOf(t, a)
	started := ta.backgroundStarted()
	f.photos.addPhotoFiles([]string{big})
	if ta.backgroundStarted() == started {
		t.Fatal("the large photo was checked on the UI thread")
	}
	a.wait()
	if a.Dialog() != last && strings.Contains(activityTexts(a), "照片") {
		t.Fatalf("large photo refused: %s", activityTexts(a))
	}
	if f.photos.count() != len(stored)+1 {
		t.Fatalf("large photo not in the form")
	}
	// the same file again is refused: it is in the activity already
	f.photos.addPhotoFiles([]string{big})
	a.wait()
	if f.photos.count() != len(stored)+1 || !strings.Contains(activityTexts(a), "已经在本活动中") {
		t.Fatalf("duplicate photo: %d, %s", f.photos.count(), activityTexts(a))
	}
	a.Dialog().Hide()

	// Remove the first stored photo, caption the second, save.
	test.Tap(f.photos.items[0].removeBtn)
	f.photos.items[0].caption.SetText("签到处")
	f.submit()
	a.wait()
	if !f.closed {
		t.Fatalf("form not closed: %s", activityTexts(a))
	}
	ps, _ := a.store().Photos(a.ctx(), id)
	if len(ps) != len(stored) {
		t.Fatalf("%d photos stored, want %d (one removed, one added)", len(ps), len(stored))
	}
	if slices.ContainsFunc(ps, func(p data.Attachment) bool { return p.ID == stored[0].ID }) {
		t.Fatal("removed photo still stored")
	}
	last2 := ps[len(ps)-1]
	if last2.Width != 6000 || last2.Height != 5000 || last2.OriginalName != "大合影.jpg" || last2.Caption != "大合影" {
		t.Fatalf("large photo stored as %+v", last2)
	}
	if len(stored) > 1 {
		i := slices.IndexFunc(ps, func(p data.Attachment) bool { return p.ID == stored[1].ID })
		if i < 0 || ps[i].Caption != "签到处" {
			t.Fatalf("caption not saved: %+v", ps)
		}
	}
	th, err := data.Thumbnail(a.store().AttachmentPath(last2), photoThumbSide)
	if err != nil {
		t.Fatal(err)
	}
	if b := th.Bounds(); b.Dx() != photoThumbSide || b.Dy() != 267 {
		t.Fatalf("thumbnail %v", b)
	}
	if s.photoN[id] != len(ps) {
		t.Fatalf("list says %d photos", s.photoN[id])
	}
}

func TestActivityPhotosCancel(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	s := openActivities(t, a)
	n := storedActivities(t, a)
	hadSave := a.shortcut["save"] != nil
	f := openActivityForm(t, a, s)
	f.photos.addPhotoFiles([]string{activityPhotoFile(t, t.TempDir(), "x.png", 300, 200)})
	a.wait()
	if f.photos.count() != 1 || f.photos.items[0].frame.img.Image == nil {
		t.Fatal("png not added to the form")
	}
	test.Tap(f.photos.addBtn)
	if f.photos.open == nil {
		t.Fatal("添加照片 opened no file dialog")
	}
	f.photos.open.Hide()
	test.Tap(f.cancelBtn)
	if !f.closed || storedActivities(t, a) != n {
		t.Fatal("cancel wrote something")
	}
	if (a.shortcut["save"] != nil) != hadSave {
		t.Fatal("Ctrl+S not given back when the form closed")
	}
}

func TestActivityFilters(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	s := openActivities(t, a)
	ids := func() []int64 {
		out := make([]int64, len(s.rows))
		for i, r := range s.rows {
			out[i] = r.ID
		}
		return out
	}
	if s.year.Selected != activityYearText(activityToday(a).Year()) {
		t.Fatalf("opens on %q", s.year.Selected)
	}
	for _, y := range []int{2025, 2026} {
		s.year.SetSelected(activityYearText(y))
		want, err := a.store().Activities(a.ctx(), y)
		if err != nil || len(want) == 0 {
			t.Fatalf("%d: %d activities, %v", y, len(want), err)
		}
		var wantIDs []int64
		for _, w := range want {
			wantIDs = append(wantIDs, w.ID)
		}
		if !slices.Equal(ids(), wantIDs) {
			t.Fatalf("%d lists %v, want %v", y, ids(), wantIDs)
		}
		if !strings.HasPrefix(s.count.Text, "共 "+strconv.Itoa(len(want))+" 场") {
			t.Fatalf("count %q", s.count.Text)
		}
		s.kind.SetSelected("培训办班")
		var training []int64
		for _, w := range want {
			if w.Type == "培训办班" {
				training = append(training, w.ID)
			}
		}
		if len(training) == 0 || !slices.Equal(ids(), training) {
			t.Fatalf("%d 培训办班 lists %v, want %v", y, ids(), training)
		}
		s.kind.SetSelectedIndex(0)
	}
	s.year.SetSelected(activityAllYears)
	all, _ := a.store().Activities(a.ctx(), 0)
	if len(s.rows) != len(all) {
		t.Fatalf("全部年份 lists %d, want %d", len(s.rows), len(all))
	}
	for i := 1; i < len(s.rows); i++ {
		if s.rows[i].Date.After(s.rows[i-1].Date) {
			t.Fatal("not newest first")
		}
	}
	place := all[3].Place
	test.Type(s.search, place)
	if len(s.rows) == 0 || len(s.rows) == len(all) {
		t.Fatalf("searching %q lists %d", place, len(s.rows))
	}
	for _, r := range s.rows {
		if !strings.Contains(r.Title+r.Place+r.Content+r.Organizer+r.Partners, place) {
			t.Fatalf("%q does not mention %q", r.Title, place)
		}
	}
	s.search.SetText("没有这样的活动xyz")
	if len(s.rows) != 0 || s.count.Text != "共 0 场 · 0 人次" || !s.editBtn.Disabled() {
		t.Fatalf("nonsense search lists %d (%q)", len(s.rows), s.count.Text)
	}
}

func TestActivityEditAndDelete(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	s := openActivities(t, a)
	s.year.SetSelected("2025年")
	row := slices.IndexFunc(s.rows, func(x *data.Activity) bool { return len(x.Attendees) > 3 })
	s.selectRow(row)
	a.wait()
	id := s.selected
	orig, _ := a.store().Activity(a.ctx(), id)
	year := orig.Date.Year()
	before := activityFigures(t, a, year)
	if !strings.Contains(activityDetailText(s), orig.Title) {
		t.Fatal("the detail panel does not show the selected activity")
	}

	test.Tap(s.editBtn)
	a.wait()
	f := s.form
	if len(f.picked) != len(orig.Attendees) {
		t.Fatalf("form picked %d, stored %d", len(f.picked), len(orig.Attendees))
	}
	test.Tap(f.clearBtn)
	ms := allActivityMembers(t, a)
	pickBySearch(t, f, ms[0])
	pickBySearch(t, f, ms[1])
	f.memberList.Select(slices.IndexFunc(f.matches, func(m *data.Member) bool { return m.ID == ms[1].ID })) // untick again
	if len(f.picked) != 1 {
		t.Fatalf("picked %d after ticking twice", len(f.picked))
	}
	pickBySearch(t, f, ms[1])
	if !f.submit() {
		t.Fatal(activityTexts(a))
	}
	a.wait()
	got, _ := a.store().Activity(a.ctx(), id)
	want := []int64{ms[0].ID, ms[1].ID}
	slices.Sort(want)
	if !slices.Equal(got.Attendees, want) {
		t.Fatalf("attendees %v, want %v", got.Attendees, want)
	}
	after := activityFigures(t, a, year)
	if d := after["person_times"] - before["person_times"]; d != float64(2-len(orig.Attendees)) {
		t.Fatalf("person_times changed by %v", d)
	}
	if after["activities_total"] != before["activities_total"] {
		t.Fatal("editing changed the number of activities")
	}
	mine, _ := a.store().ActivitiesOfMember(a.ctx(), ms[0].ID)
	if !slices.ContainsFunc(mine, func(x data.Activity) bool { return x.ID == id }) {
		t.Fatal("attendance not recorded for the member")
	}

	// 删除 asks first; 取消 keeps it.
	test.Tap(s.deleteBtn)
	if s.confirm == nil {
		t.Fatal("no confirmation")
	}
	s.confirm.Dismiss()
	if _, err := a.store().Activity(a.ctx(), id); err != nil {
		t.Fatal("cancelled delete removed the activity")
	}
	test.Tap(s.deleteBtn)
	s.confirm.Confirm()
	if _, err := a.store().Activity(a.ctx(), id); !data.IsCode(err, data.CodeNotFound) {
		t.Fatalf("deleted activity still there: %v", err)
	}
	if ps, _ := a.store().Photos(a.ctx(), id); len(ps) != 0 {
		t.Fatal("photo records left behind")
	}
	if slices.ContainsFunc(s.rows, func(x *data.Activity) bool { return x.ID == id }) || s.selected != 0 {
		t.Fatal("deleted activity still listed")
	}
	if d := before["activities_total"] - activityFigures(t, a, year)["activities_total"]; d != 1 {
		t.Fatalf("activities_total changed by %v", -d)
	}
}

// activityDetailText is the text of the detail panel.
func activityDetailText(s *activitiesScreen) string {
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widgets.WrapLabel:
			b.WriteString(w.Text + "\n")
		case *widget.Form:
			for _, it := range w.Items {
				b.WriteString(it.Text + "\n")
				walk(it.Widget)
			}
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		}
	}
	walk(s.detail)
	return b.String()
}

func TestActivityShortcuts(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	s := openActivities(t, a)
	a.show("members")
	a.show("activities")
	f := openActivityForm(t, a, s)
	a.runShortcut("new") // Ctrl+N again while the form is open: no second form
	if s.form != f {
		t.Fatal("Ctrl+N stacked a second form")
	}
	a.shortcut["save"]() // nothing filled in: refused, stays open
	if f.closed {
		t.Fatal("an empty form saved")
	}
	f.dlg.Hide()
	if !f.closed {
		t.Fatal("form did not close")
	}
	a.show("members")
	s.form = nil
	a.runShortcut("new")
	if s.form != nil {
		t.Fatal("Ctrl+N on the members screen opened an activity")
	}
}

func TestPhotoThumbCache(t *testing.T) {
	c := newPhotoThumbs()
	img := image.NewRGBA(image.Rect(0, 0, 320, 240))
	n := photoCacheBytes/(320*240*4) + 10
	for i := range n {
		c.put(string(rune('a'+i%26))+strconv.Itoa(i)+strings.Repeat("x", i), img)
		if i == 0 {
			continue
		}
		c.get(string(rune('a')) + strconv.Itoa(0)) // keep the first one in use
	}
	if c.bytes > photoCacheBytes || len(c.cache) >= n {
		t.Fatalf("cache holds %d bytes in %d thumbnails", c.bytes, len(c.cache))
	}
	if c.get("a0") == nil {
		t.Fatal("the thumbnail in use was evicted")
	}
}

// TestActivitiesScreenshot renders the activities screen, the edit form's
// pages and a new activity's photos, checks each is drawn and shows its
// title, and writes them as PNGs to SHOT_DIR when set.
func TestActivitiesScreenshot(t *testing.T) {
	a := newTestApp(t, activityDemo(t))
	s := openActivities(t, a)
	screen := func(name string) {
		t.Helper()
		a.wait()
		act := s.selectedActivity()
		if act == nil {
			t.Fatalf("%s: no activity selected", name)
		}
		checkShot(t, a.win, screenRegion(a), name, act.Title)
	}
	dlg := func(name, title string) {
		t.Helper()
		a.wait()
		checkShot(t, a.win, dialogRegion(t, a), name, title)
	}
	a.win.Canvas().Capture() // drawn once before anything is selected, as a person sees it
	row := slices.IndexFunc(s.rows, func(x *data.Activity) bool { return s.photoN[x.ID] >= 3 && len(x.Outcomes) > 0 })
	if row < 0 {
		row = slices.IndexFunc(s.rows, func(x *data.Activity) bool { return s.photoN[x.ID] > 0 })
	}
	s.reveal(row)
	screen("activities.png")
	a.win.Resize(fyne.NewSize(1100, 720))
	s.kind.SetSelected("培训办班")
	s.selectRow(0)
	screen("activities_small.png")
	a.win.Resize(fyne.NewSize(1280, 800))
	s.kind.SetSelectedIndex(0)
	s.reveal(row)
	a.wait()
	test.Tap(s.editBtn)
	a.wait()
	f := s.form
	f.date.SetText("2026-02-30")
	f.outside.SetText("-1")
	dlg("activities_form.png", "编辑活动")
	f.tabs.SelectIndex(1)
	test.Type(f.search, "li")
	dlg("activities_form_people.png", "编辑活动")
	f.tabs.SelectIndex(2)
	dlg("activities_form_photos.png", "编辑活动")
	f.dlg.Hide()
	f = openActivityForm(t, a, s)
	f.tabs.SelectIndex(2)
	heic := filepath.Join(t.TempDir(), "IMG_0001.HEIC")
	if err := os.WriteFile(heic, []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"), 0o600); err != nil {
		t.Fatal(err)
	}
	f.photos.addPhotoFiles([]string{activityPhotoFile(t, t.TempDir(), "IMG_2041.jpg", 1500, 2000), heic})
	// The HEIC file is refused in a message over the form, the JPG added.
	dlg("activities_form_new_photo.png", "HEIC")
	if f.photos.count() != 1 {
		t.Errorf("the new activity's form holds %d photos, want the JPG", f.photos.count())
	}
}
