package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"chamberdesk/data"
)

// englishApp opens path in a window switched to English, as 设置's
// language choice does; Chinese comes back when the test ends.
func englishApp(t *testing.T, path string) *App {
	t.Helper()
	t.Cleanup(func() { _ = setLanguage(langChinese) })
	a := newTestApp(t, path)
	a.fyne.Preferences().SetString(prefLanguage, langEnglish)
	a.switchLanguage(langEnglish)
	if !english() {
		t.Fatal("the window did not switch to English")
	}
	return a
}

// TestMemberSelectsInEnglish: in English the member form's selects and
// radios show English labels; picking Vice President saves 副会长, and the
// other picks save their Chinese values too.
func TestMemberSelectsInEnglish(t *testing.T) {
	a := englishApp(t, demoCopy(t))
	s := openMembers(t, a)
	f := s.onAdd()
	if f == nil || f.closed {
		t.Fatal("Add member opened no form")
	}
	vice := data.LabelEN("副会长")
	if vice == "副会长" || !slices.Contains(f.office.Options, vice) {
		t.Fatalf("office options %v lack %q", f.office.Options, vice)
	}
	for name, opts := range map[string][]string{"office": f.office.Options, "political": f.political.Options,
		"kind": f.kind.Options, "gender": f.gender.Options} {
		for _, o := range opts {
			if hasHan(o) {
				t.Errorf("%s option %q is Chinese in English", name, o)
			}
		}
	}
	if f.office.Selected != data.LabelEN("会员") || f.office.Value() != "会员" {
		t.Fatalf("a new member's office shows %q, value %q", f.office.Selected, f.office.Value())
	}
	if f.kind.Selected != data.LabelEN(data.KindUnit) {
		t.Fatalf("a new member's kind shows %q", f.kind.Selected)
	}

	test.Type(f.name, "测试员")
	test.Type(f.company, "江州市青禾测试科技有限公司")
	f.gender.SetSelected(data.LabelEN("女"))
	f.political.SetSelected(data.LabelEN("中共党员"))
	f.office.SetSelected(vice) // as picked from the list
	if f.office.Value() != "副会长" {
		t.Fatalf("picking %q gives %q", vice, f.office.Value())
	}
	if !f.submit() {
		t.Fatalf("the form did not save; dialog says %q", topTexts(a))
	}
	m, err := a.store().Member(a.ctx(), f.lastID)
	if err != nil {
		t.Fatal(err)
	}
	if m.Office != "副会长" || m.Political != "中共党员" || m.Gender != "女" || m.Kind != data.KindUnit {
		t.Fatalf("saved office %q, political %q, gender %q, kind %q", m.Office, m.Political, m.Gender, m.Kind)
	}

	// Editing shows the stored values in English again.
	e := s.openForm(m)
	if e == nil {
		t.Fatal("no edit form")
	}
	if e.office.Selected != vice || e.political.Selected != data.LabelEN("中共党员") || e.gender.Selected != data.LabelEN("女") {
		t.Fatalf("edit form shows office %q, political %q, gender %q", e.office.Selected, e.political.Selected, e.gender.Selected)
	}
	e.dlg.Hide()
}

// TestMemberFiltersInEnglish: the roster's office, status and political
// filters show English, name their first option in English, and filter by
// the stored value.
func TestMemberFiltersInEnglish(t *testing.T) {
	a := englishApp(t, demoCopy(t))
	s := openMembers(t, a)
	for name, opts := range map[string][]string{"office": s.office.Options, "status": s.status.Options,
		"political": s.political.Options, "industry": s.industry.Options[:1], "dues": s.dues.Options} {
		if len(opts) == 0 || hasHan(opts[0]) {
			t.Errorf("%s filter: first option %v", name, opts)
		}
		for _, o := range opts {
			if hasHan(o) {
				t.Errorf("%s filter option %q is Chinese in English", name, o)
			}
		}
	}
	s.office.SetSelected(data.LabelEN("理事"))
	if s.office.Value() != "理事" || len(s.rows) == 0 {
		t.Fatalf("Director filter: value %q, %d rows", s.office.Value(), len(s.rows))
	}
	for _, m := range s.rows {
		if m.Office != "理事" {
			t.Fatalf("Director filter lists %s (%s)", m.Name, m.Office)
		}
	}
	s.office.SetSelectedIndex(0)
	s.status.SetSelected(data.LabelEN(data.StatusActive))
	for _, m := range s.rows {
		if m.Status != data.StatusActive {
			t.Fatalf("Active filter lists %s (%s)", m.Name, m.Status)
		}
	}
	s.status.SetSelectedIndex(0)
	// 会费: the filter and the column speak English and filter by the state.
	s.dues.SetSelected("Owing")
	if s.dues.Value() != memberDuesOwing || len(s.rows) == 0 {
		t.Fatalf("Owing filter: value %q, %d rows", s.dues.Value(), len(s.rows))
	}
	for i := range s.rows {
		if got := s.table.Cell(i, memberColDues).Text(); got != "Owing" {
			t.Fatalf("Owing filter row %d shows %q in the dues column", i, got)
		}
	}
	s.dues.SetSelectedIndex(0)
	if s.office.Value() != "" || s.status.Value() != "" || len(s.rows) != len(allMembers(t, a)) {
		t.Fatalf("all: office %q, status %q, %d rows", s.office.Value(), s.status.Value(), len(s.rows))
	}
}

// TestActivityTypeSelectInEnglish: in English the activity form's type
// select shows Training course and saves 培训办班; the screen's type filter
// shows the English label and filters by the stored type.
func TestActivityTypeSelectInEnglish(t *testing.T) {
	a := englishApp(t, demoCopy(t))
	s := openActivities(t, a)
	training := data.LabelEN("培训办班")
	if training == "培训办班" {
		t.Fatal("培训办班 has no English label")
	}
	if !slices.Contains(s.kind.Options, training) || hasHan(s.kind.Options[0]) {
		t.Fatalf("type filter options %v", s.kind.Options)
	}
	f := openActivityForm(t, a, s)
	if !slices.Contains(f.kind.Options, training) || slices.Contains(f.kind.Options, "培训办班") {
		t.Fatalf("type options %v", f.kind.Options)
	}
	f.kind.SetSelected(training)
	test.Type(f.title, "跨境电商实务培训班")
	got := saveActivityForm(t, a, f)
	if got.Type != "培训办班" {
		t.Fatalf("saved type %q", got.Type)
	}

	s.kind.SetSelected(training)
	if s.kind.Value() != "培训办班" || len(s.rows) == 0 {
		t.Fatalf("type filter: value %q, %d rows", s.kind.Value(), len(s.rows))
	}
	for _, r := range s.rows {
		if r.Type != "培训办班" {
			t.Fatalf("Training course filter lists %q (%s)", r.Title, r.Type)
		}
	}
	// Adding while the filter shows Training course starts on that type.
	f = openActivityForm(t, a, s)
	if f.kind.Value() != "培训办班" || f.kind.Selected != training {
		t.Fatalf("new activity under the filter: type %q shown as %q", f.kind.Value(), f.kind.Selected)
	}
	f.dlg.Hide()
}

// TestSelectsInChinese: in Chinese the same selects offer the values
// themselves.
func TestSelectsInChinese(t *testing.T) {
	if err := setLanguage(langChinese); err != nil {
		t.Fatal(err)
	}
	a := newTestApp(t, demoCopy(t))
	m := openMembers(t, a)
	f := m.onAdd()
	if f == nil {
		t.Fatal("新增会员 opened no form")
	}
	if !slices.Equal(f.office.Options, data.Offices) || !slices.Equal(f.political.Options, data.PoliticalStatuses) ||
		!slices.Equal(f.kind.Options, []string{data.KindUnit, data.KindPersonal}) {
		t.Fatalf("form options: %v %v %v", f.office.Options, f.political.Options, f.kind.Options)
	}
	f.dlg.Hide()
	if m.office.Options[0] != "全部职务" || !slices.Equal(m.office.Options[1:], data.Offices) {
		t.Fatalf("office filter options %v", m.office.Options)
	}
	s := openActivities(t, a)
	af := openActivityForm(t, a, s)
	if !slices.Contains(af.kind.Options, "培训办班") || !slices.Contains(s.kind.Options, "培训办班") ||
		s.kind.Options[0] != "全部类型" {
		t.Fatalf("type options: form %v, filter %v", af.kind.Options, s.kind.Options)
	}
}

// TestWelcomeOrgTypeInEnglish: the welcome screen's 单位类别 shows the
// English label in English and the organization keeps the Chinese type.
func TestWelcomeOrgTypeInEnglish(t *testing.T) {
	a := englishApp(t, demoCopy(t))
	w := newWelcomeScreen(a, "new.db", func() {}, func(*data.Store) {})
	for _, o := range w.orgType.Options {
		if hasHan(o) {
			t.Errorf("organization type option %q is Chinese in English", o)
		}
	}
	w.orgType.SetSelected(data.LabelEN(data.OrgTypes[1]))
	if got := w.organization().Type; got != data.OrgTypes[1] {
		t.Fatalf("organization type %q, want %q", got, data.OrgTypes[1])
	}
}

// TestCaseChoicesInEnglish: the case editor's 申报类别 and 申报等次 show
// English labels in English, and the case keeps the Chinese values.
func TestCaseChoicesInEnglish(t *testing.T) {
	a := englishApp(t, demoCopy(t))
	s := openCases(t, a)
	a.runShortcut("new")
	f := s.form
	if f == nil {
		t.Fatal("Ctrl+N did not open the case editor")
	}
	a.wait()
	if f.category.Selected != data.LabelEN("镇街商会工作") || hasHan(f.category.Selected) {
		t.Fatalf("category shows %q", f.category.Selected)
	}
	for _, o := range f.level.Options {
		if hasHan(o) {
			t.Errorf("level option %q is Chinese in English", o)
		}
	}
	f.level.SetSelected(data.LabelEN(data.LevelBest))
	if c := f.current(); c.Level != data.LevelBest || c.Category != "镇街商会工作" {
		t.Fatalf("case level %q category %q", c.Level, c.Category)
	}
	f.dlg.Hide()
}

// TestDuesFilterInEnglish: the dues sheet's 全部 / 欠缴 / 已缴清 choice
// reads All / Owing / Paid in full in English and filters by the state.
func TestDuesFilterInEnglish(t *testing.T) {
	a := englishApp(t, demoCopy(t))
	a.store().Now = func() time.Time { return demoClock }
	d := openScreen[*duesScreen](t, a, "dues")
	if got := strings.Join(d.filter.Options, "|"); got != "All|Owing|Paid in full" {
		t.Fatalf("dues filter options %q", got)
	}
	d.filter.SetSelected("Owing")
	if d.filter.Value() != duesFilterArrears {
		t.Fatalf("Owing gives %q", d.filter.Value())
	}
}
