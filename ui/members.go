package ui

import (
	"cmp"
	"fmt"
	"fyne.io/fyne/v2/lang"
	"image/color"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
)

// membersScreen (会员) lists the roster in a virtualized table with search on
// every keystroke, filters and sortable columns, and opens the add/edit form,
// the 退会 dialog and a member's 档案.
type membersScreen struct {
	sh shell

	search                                    *formEntry
	office, status, industry, political, dues *widget.Select
	count                                     *widget.Label
	bar                                       *fyne.Container // the filters and the count
	table                                     *widget.Table
	addBtn, editBtn, leaveBtn, historyBtn     *widget.Button

	// rows is what the table shows: the members SearchMembers found for the
	// query, filtered and sorted. They are shared with the store's index:
	// read-only here, loaded afresh with Store.Member before an edit.
	rows      []*data.Member
	year      int              // the dues year of the 会费 column: this year
	duesState map[int64]string // this year's 会费 state by member id, loaded per refresh
	sortCol   int              // column sorted by; -1 keeps the search order
	sortDesc  bool
	pinyin    map[string]string // sort key by text, so a sort does not spell names again
	selected  int64             // id of the selected member; 0 for none
	quiet     bool              // set while refresh fills the selects
	colWidth  []float32         // natural column widths; 企业名称 takes what is left
	widths    []float32         // column widths as laid out
	fitted    map[fitKey]string // values shortened with "…" to fit their column

	form    *memberForm    // the open add/edit form, for tests
	leave   *leaveForm     // the open 退会 dialog
	history *memberHistory // the open 档案
}

// Values of the filters and of the 会费 column.
const (
	memberAllIndustries = "全部行业"
	memberDuesPaid      = "已缴清"
	memberDuesOwing     = "欠缴"
	memberDuesNone      = "—"
)

// memberColumn is one column of the roster table.
type memberColumn struct {
	title  string // translated where shown
	sample string // a long usual value, for the column's width
	text   func(s *membersScreen, m *data.Member) string
	key    func(s *membersScreen, m *data.Member) memberSortKey
}

// memberSortKey orders rows by n, then s; empty values go last either way.
type memberSortKey struct {
	empty bool
	n     int64
	s     string
}

const memberColCompany = 1 // the column that takes the spare width

var memberCols = []memberColumn{
	{"姓名", "欧阳志强", func(_ *membersScreen, m *data.Member) string { return m.Name },
		func(s *membersScreen, m *data.Member) memberSortKey { return s.textKey(m.Name) }},
	{"企业名称", "江州市安澜区青禾文化旅游开发有限公司", func(_ *membersScreen, m *data.Member) string { return m.Company },
		func(s *membersScreen, m *data.Member) memberSortKey { return s.textKey(m.Company) }},
	{"商会职务", "常务副会长", func(_ *membersScreen, m *data.Member) string { return valueLabel(m.Office) },
		func(_ *membersScreen, m *data.Member) memberSortKey {
			return memberSortKey{n: int64(data.OfficeRank(m.Office))}
		}},
	{"行业", "农产品加工", func(_ *membersScreen, m *data.Member) string { return m.Industry },
		func(s *membersScreen, m *data.Member) memberSortKey { return s.textKey(m.Industry) }},
	{"政治面貌", "中共预备党员", func(_ *membersScreen, m *data.Member) string { return valueLabel(m.Political) },
		func(_ *membersScreen, m *data.Member) memberSortKey {
			i := slices.Index(data.PoliticalStatuses, m.Political)
			return memberSortKey{empty: i < 0, n: int64(i)}
		}},
	{"手机号码", "138****1234", func(_ *membersScreen, m *data.Member) string { return data.MaskPhone(m.Phone) },
		func(_ *membersScreen, m *data.Member) memberSortKey {
			return memberSortKey{empty: m.Phone == "", s: m.Phone}
		}},
	{"入会日期", "2021年12月25日", func(_ *membersScreen, m *data.Member) string { return data.FormatDateCN(m.JoinDate) },
		func(_ *membersScreen, m *data.Member) memberSortKey {
			return memberSortKey{empty: m.JoinDate.IsZero(), n: m.JoinDate.Unix()}
		}},
	{"状态", "在会", func(_ *membersScreen, m *data.Member) string { return valueLabel(m.Status) },
		func(_ *membersScreen, m *data.Member) memberSortKey {
			if m.Status == data.StatusActive {
				return memberSortKey{n: 0}
			}
			return memberSortKey{n: 1}
		}},
	{"会费", "已缴清", func(s *membersScreen, m *data.Member) string { return s.duesOf(m) },
		func(s *membersScreen, m *data.Member) memberSortKey {
			st := s.duesOf(m)
			return memberSortKey{empty: st == memberDuesNone, n: int64(slices.Index([]string{memberDuesOwing, memberDuesPaid}, st))}
		}},
}

func newMembersScreen(a shell) *membersScreen {
	s := &membersScreen{sh: a, sortCol: -1, pinyin: map[string]string{}, duesState: map[int64]string{},
		fitted: map[fitKey]string{}}
	s.quiet = true // nothing to search until every widget exists
	defer func() { s.quiet = false }()
	s.search = newFormEntry(a)
	s.search.SetPlaceHolder(lang.L("姓名、企业、拼音首字母、电话或信用代码"))
	s.search.OnChanged = func(string) {
		if !s.quiet {
			s.update()
		}
	}
	// Each filter's first option lets everyone through and names the
	// filter, so the values need no labels: 理事, 在会, 建材, 欠缴 say
	// what they are.
	sel := func(all string, options ...string) *widget.Select {
		w := widget.NewSelect(append([]string{all}, options...), func(string) {
			if !s.quiet {
				s.update()
			}
		})
		w.SetSelectedIndex(0)
		fitSelect(w)
		return w
	}
	s.office = sel(lang.L("全部职务"), data.Offices...)
	s.status = sel(lang.L("全部状态"), data.StatusActive, data.StatusLeft)
	s.industry = sel(memberAllIndustries)
	s.political = sel(lang.L("全部政治面貌"), data.PoliticalStatuses...)
	s.dues = sel(fmt.Sprintf(lang.L("%d年会费：全部"), membersToday(a).Year()), memberDuesPaid, memberDuesOwing)
	s.count = widget.NewLabel(lang.L("共 0 人")) // sized for its text before the first refresh
	s.table = s.newTable()
	s.addBtn = widget.NewButtonWithIcon(lang.L("新增会员"), theme.ContentAddIcon(), s.onAdd)
	s.addBtn.Importance = widget.HighImportance
	s.editBtn = widget.NewButtonWithIcon(lang.L("编辑"), theme.DocumentCreateIcon(), s.onEdit)
	s.leaveBtn = widget.NewButtonWithIcon(lang.L("退会"), theme.LogoutIcon(), s.onLeave)
	s.historyBtn = widget.NewButtonWithIcon(lang.L("会员档案"), theme.InfoIcon(), s.onHistory)
	s.updateButtons()
	s.bindShortcut("new", s.onAdd)
	s.bindShortcut("search", func() {
		if !s.busy() {
			a.window().Canvas().Focus(s.search)
		}
	})
	return s
}

// bindShortcut makes a named shortcut act on this screen while it shows.
func (s *membersScreen) bindShortcut(name string, f func()) { s.sh.bindShortcut("members", name, f) }

func (s *membersScreen) newTable() *widget.Table {
	t := widget.NewTable(
		func() (int, int) { return len(s.rows), len(memberCols) },
		func() fyne.CanvasObject { return newMemberCell(s) },
		func(id widget.TableCellID, o fyne.CanvasObject) { s.updateCell(id, o.(*memberCell)) })
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		b.IconPlacement = widget.ButtonIconTrailingText
		return b
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		if id.Col < 0 || id.Col >= len(memberCols) {
			b.SetText("")
			return
		}
		col := id.Col
		b.Text = lang.L(memberCols[col].title)
		b.Icon = nil
		if col == s.sortCol {
			b.Icon = theme.MenuDropUpIcon()
			if s.sortDesc {
				b.Icon = theme.MenuDropDownIcon()
			}
		}
		b.OnTapped = func() { s.onSort(col) }
		b.Refresh()
	}
	t.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(s.rows) {
			s.selected = s.rows[id.Row].ID
		}
		s.updateButtons()
		t.Refresh() // the whole row shows as selected
	}
	t.OnUnselected = func(widget.TableCellID) {
		s.selected = 0
		s.updateButtons()
	}
	return t
}

func (s *membersScreen) content() fyne.CanvasObject {
	s.measureColumns()
	top := container.NewBorder(nil, nil, nil,
		container.NewHBox(s.addBtn, s.editBtn, s.leaveBtn, s.historyBtn,
			widget.NewButtonWithIcon(lang.L("导入名册"), theme.UploadIcon(), func() { importRoster(s.sh, s.refresh) })), s.search)
	filters := container.NewHBox(s.office, s.status, s.industry, s.political, s.dues)
	bar := container.NewBorder(nil, nil, nil, s.count, filters)
	s.bar = bar
	table := container.New(membersTableLayout{s}, s.table)
	return container.NewBorder(container.NewVBox(top, bar), nil, nil, nil, table)
}

// measureColumns sizes each column for its header button (with the sort
// arrow) or its usual widest value, whichever is wider.
func (s *membersScreen) measureColumns() {
	s.colWidth = make([]float32, len(memberCols))
	s.widths = make([]float32, len(memberCols))
	for i, c := range memberCols {
		b := widget.NewButtonWithIcon(lang.L(c.title), theme.MenuDropDownIcon(), nil)
		b.IconPlacement = widget.ButtonIconTrailingText
		// the slack keeps an exact fit from being cut short with "…" by rounding
		w := max(b.MinSize().Width, widget.NewLabel(c.sample).MinSize().Width) + theme.Padding()
		if i == memberColCompany {
			w = 220 // its minimum; the layout gives it the spare width
		}
		s.colWidth[i] = w
		s.widths[i] = w
		s.table.SetColumnWidth(i, w)
	}
}

// membersTableLayout fills its one child, the table, and gives the 企业名称
// column whatever width the other columns leave, since company names are the
// long ones.
type membersTableLayout struct{ s *membersScreen }

func (l membersTableLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	s := l.s
	if len(s.colWidth) == len(memberCols) {
		used := theme.ScrollBarSize() + theme.Padding()*float32(len(memberCols))
		for i, w := range s.colWidth {
			if i != memberColCompany {
				used += w
			}
		}
		if w := max(s.colWidth[memberColCompany], size.Width-used); w != s.widths[memberColCompany] {
			s.widths[memberColCompany] = w
			s.fitted = map[fitKey]string{} // shortened for the old width
			s.table.SetColumnWidth(memberColCompany, w)
		}
	}
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l membersTableLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(400, 200)
}

// refresh reloads this year's dues and the industries, then the rows.
func (s *membersScreen) refresh() {
	if s.sh.store() == nil {
		return
	}
	if err := s.loadDues(); err != nil {
		s.sh.showError(err)
	}
	if err := s.loadIndustries(); err != nil {
		s.sh.showError(err)
	}
	s.update()
}

// loadDues works out every member's 会费 state for this year once, so the
// column and the filter only look it up.
func (s *membersScreen) loadDues() error {
	st, ctx := s.sh.store(), s.sh.ctx()
	s.year = membersToday(s.sh).Year()
	owing, err := st.Arrears(ctx, s.year)
	if err != nil {
		return err
	}
	rows, err := st.DuesOfYear(ctx, s.year)
	if err != nil {
		return err
	}
	state := make(map[int64]string, len(rows)+len(owing))
	for _, d := range rows {
		if d.DueFen > 0 && !d.Arrears() {
			state[d.MemberID] = memberDuesPaid
		}
	}
	for _, a := range owing {
		state[a.Member.ID] = memberDuesOwing
	}
	s.duesState = state
	return nil
}

func (s *membersScreen) duesOf(m *data.Member) string {
	if st, ok := s.duesState[m.ID]; ok {
		return st
	}
	return memberDuesNone
}

// loadIndustries offers the industries the roster holds.
func (s *membersScreen) loadIndustries() error {
	all, err := s.sh.store().SearchMembers(s.sh.ctx(), "")
	if err != nil {
		return err
	}
	names := s.industriesOf(all)
	s.quiet = true
	defer func() { s.quiet = false }()
	cur := s.industry.Selected
	s.industry.SetOptions(append([]string{memberAllIndustries}, names...))
	if !slices.Contains(names, cur) {
		cur = memberAllIndustries
	}
	s.industry.SetSelected(cur)
	fitSelect(s.industry)
	return nil
}

// fitSelect makes a select wide enough for its longest option: Fyne sizes a
// select by its placeholder, which never shows here since one option is
// always selected.
func fitSelect(w *widget.Select) {
	longest, width := "", float32(0)
	for _, o := range w.Options {
		if ow := fyne.MeasureText(o, theme.TextSize(), fyne.TextStyle{}).Width; ow > width {
			longest, width = o, ow
		}
	}
	w.PlaceHolder = longest
	w.Refresh()
}

// industriesOf lists the distinct industries of ms in pinyin order.
func (s *membersScreen) industriesOf(ms []*data.Member) []string {
	seen := map[string]bool{}
	var names []string
	for _, m := range ms {
		if m.Industry != "" && !seen[m.Industry] {
			seen[m.Industry] = true
			names = append(names, m.Industry)
		}
	}
	slices.SortFunc(names, func(a, b string) int { return cmp.Compare(s.textKey(a).s, s.textKey(b).s) })
	return names
}

// update reruns the search and the filters and shows the result.
func (s *membersScreen) update() {
	if err := s.load(); err != nil {
		s.sh.showError(err)
		return
	}
	s.show()
}

// load is the data half of a keystroke: search, filter and sort into rows.
// It touches no widget state other than reading the filters.
func (s *membersScreen) load() error {
	if s.sh.store() == nil {
		s.rows = nil
		return nil
	}
	found, err := s.sh.store().SearchMembers(s.sh.ctx(), s.search.Text)
	if err != nil {
		return err
	}
	f := memberFilter{office: filterValue(s.office), status: filterValue(s.status),
		industry: filterValue(s.industry), political: filterValue(s.political), dues: filterValue(s.dues)}
	rows := found[:0] // found is a fresh slice; the members in it are shared
	for _, m := range found {
		if f.keep(m, s.duesOf(m)) {
			rows = append(rows, m)
		}
	}
	s.sortRows(rows)
	s.rows = rows
	return nil
}

// memberFilter holds the selected filter values; "" lets everything through.
type memberFilter struct{ office, status, industry, political, dues string }

// filterValue is a filter's selected value, or "" while its first option,
// the one that lets everyone through, is selected.
func filterValue(w *widget.Select) string {
	if w.SelectedIndex() <= 0 {
		return ""
	}
	return w.Selected
}

func (f memberFilter) keep(m *data.Member, dues string) bool {
	ok := func(want, have string) bool { return want == "" || want == have }
	return ok(f.office, m.Office) && ok(f.status, m.Status) && ok(f.industry, m.Industry) &&
		ok(f.political, m.Political) && ok(f.dues, dues)
}

// sortRows orders rows by the sort column; ties keep the search order.
func (s *membersScreen) sortRows(rows []*data.Member) {
	if s.sortCol < 0 || s.sortCol >= len(memberCols) {
		return
	}
	type keyed struct {
		m *data.Member
		k memberSortKey
		i int // the search order, which breaks ties
	}
	key := memberCols[s.sortCol].key
	ks := make([]keyed, len(rows))
	for i, m := range rows {
		ks[i] = keyed{m, key(s, m), i}
	}
	slices.SortFunc(ks, func(a, b keyed) int {
		if a.k.empty != b.k.empty {
			if a.k.empty {
				return 1
			}
			return -1
		}
		c := cmp.Or(cmp.Compare(a.k.n, b.k.n), strings.Compare(a.k.s, b.k.s))
		if s.sortDesc {
			c = -c
		}
		return cmp.Or(c, cmp.Compare(a.i, b.i))
	})
	for i := range ks {
		rows[i] = ks[i].m
	}
}

// textKey sorts Chinese text by pinyin, the order people look names up in.
func (s *membersScreen) textKey(text string) memberSortKey {
	if text == "" {
		return memberSortKey{empty: true}
	}
	k, ok := s.pinyin[text]
	if !ok {
		full, _ := data.PinyinOf(text)
		if len(full) > 0 {
			k = full[0]
		}
		k += "\x00" + text
		s.pinyin[text] = k
	}
	return memberSortKey{s: k}
}

// show puts rows on screen, keeping the selected member selected (and in
// view) while they are still listed.
func (s *membersScreen) show() {
	if text := fmt.Sprintf(lang.L("共 %d 人"), len(s.rows)); text != s.count.Text {
		s.count.SetText(text)
		if s.bar != nil {
			s.bar.Refresh() // lay out again: the count's width changed with its digits
		}
	}
	row := -1
	if s.selected != 0 {
		row = slices.IndexFunc(s.rows, func(m *data.Member) bool { return m.ID == s.selected })
	}
	// A new list starts at its top; the offset of a longer one could leave
	// a short result scrolled out of sight. (Table.ScrollToTop in Fyne 2.7.1
	// does not move the scroller's content, ScrollToOffset does.)
	s.table.ScrollToOffset(fyne.NewPos(0, 0))
	if row < 0 {
		s.table.UnselectAll()
		s.selected = 0
	} else {
		id := widget.TableCellID{Row: row, Col: 0}
		s.table.Select(id)
		s.table.ScrollTo(id)
	}
	s.table.Refresh()
	s.updateButtons()
}

func (s *membersScreen) updateButtons() {
	m := s.selectedMember()
	for _, b := range []*widget.Button{s.editBtn, s.historyBtn, s.leaveBtn} {
		if m == nil || (b == s.leaveBtn && m.Status != data.StatusActive) {
			b.Disable()
		} else {
			b.Enable()
		}
	}
}

// selectedMember is the selected row's member (shared, read-only), or nil.
func (s *membersScreen) selectedMember() *data.Member {
	if s.selected == 0 {
		return nil
	}
	for _, m := range s.rows {
		if m.ID == s.selected {
			return m
		}
	}
	return nil
}

func (s *membersScreen) updateCell(id widget.TableCellID, c *memberCell) {
	c.id = id
	if id.Row < 0 || id.Row >= len(s.rows) || id.Col < 0 || id.Col >= len(memberCols) {
		c.label.SetText("")
		return
	}
	m := s.rows[id.Row]
	text := s.fit(memberCols[id.Col].text(s, m), s.widths[id.Col])
	imp := widget.MediumImportance
	switch {
	case m.Status != data.StatusActive:
		imp = widget.LowImportance
	case id.Col == len(memberCols)-1 && text == memberDuesOwing:
		imp = widget.DangerImportance
	}
	if c.label.Text != text || c.label.Importance != imp {
		c.label.Text, c.label.Importance = text, imp
		c.label.Refresh()
	}
	var bg color.Color = color.Transparent
	if m.ID == s.selected {
		bg = theme.Color(theme.ColorNameSelection)
	}
	if c.bg.FillColor != bg {
		c.bg.FillColor = bg
		c.bg.Refresh()
	}
}

type fitKey struct {
	text  string
	width float32
}

// fit shortens text with "…" to fit a column of width. It does what a
// label's ellipsis truncation does, but Fyne shapes the text afresh on every
// refresh of a truncating label, which costs more than a frame when a
// keystroke redraws a screenful of cells; measured sizes are cached.
func (s *membersScreen) fit(text string, width float32) string {
	if width <= 0 || text == "" {
		return text
	}
	avail := width - 2*theme.InnerPadding()
	measure := func(t string) float32 { return fyne.MeasureText(t, theme.TextSize(), fyne.TextStyle{}).Width }
	if measure(text) <= avail {
		return text
	}
	key := fitKey{text, width}
	if v, ok := s.fitted[key]; ok {
		return v
	}
	rs := []rune(text)
	lo, hi := 0, len(rs) // the longest prefix that fits with "…" is rs[:lo]
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if measure(string(rs[:mid])+"…") <= avail {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	out := string(rs[:lo]) + "…"
	s.fitted[key] = out
	return out
}

func (s *membersScreen) onSort(col int) {
	if s.sortCol == col {
		s.sortDesc = !s.sortDesc
	} else {
		s.sortCol, s.sortDesc = col, false
	}
	s.update()
}

// selectRow selects the row of a tapped cell and gives the table the
// keyboard, as a tap on the table itself would.
func (s *membersScreen) selectRow(id widget.TableCellID) {
	s.table.Select(id)
	if c := fyne.CurrentApp().Driver().CanvasForObject(s.table); c != nil {
		c.Focus(s.table)
	}
}

// busy reports whether one of this screen's dialogs is open, so a shortcut
// does not stack a second one on it.
func (s *membersScreen) busy() bool {
	return (s.form != nil && !s.form.closed) || (s.leave != nil && !s.leave.closed) ||
		(s.history != nil && !s.history.closed)
}

func (s *membersScreen) onAdd() {
	if s.sh.store() == nil || s.busy() {
		return
	}
	m := data.Member{Kind: data.KindUnit, Office: "会员", JoinDate: membersToday(s.sh)}
	s.openForm(m)
}

func (s *membersScreen) onEdit() {
	if s.selected == 0 || s.busy() {
		return
	}
	m, err := s.sh.store().Member(s.sh.ctx(), s.selected)
	if err != nil {
		s.sh.showError(err)
		return
	}
	s.openForm(m)
}

func (s *membersScreen) openForm(m data.Member) {
	all, err := s.sh.store().SearchMembers(s.sh.ctx(), "")
	if err != nil {
		s.sh.showError(err)
		return
	}
	s.form = newMemberForm(s.sh, m, s.industriesOf(all), func(id int64) {
		s.selected = id
		s.refresh()
	})
	s.form.show()
}

func (s *membersScreen) onLeave() {
	if s.selected == 0 {
		return
	}
	m, err := s.sh.store().Member(s.sh.ctx(), s.selected)
	if err != nil {
		s.sh.showError(err)
		return
	}
	s.leave = newLeaveForm(s.sh, m, s.refresh)
	s.leave.show()
}

func (s *membersScreen) onHistory() {
	if s.selected == 0 {
		return
	}
	h, err := newMemberHistory(s.sh, s.selected)
	if err != nil {
		s.sh.showError(err)
		return
	}
	s.history = h
	h.show()
}

// membersToday is the store's calendar date as midnight UTC, the way dates are kept.
func membersToday(a shell) time.Time {
	now := a.now()
	return time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
}

// memberCell is one cell of the roster: a label over a background that marks
// the selected member's whole row. A tap selects the row; a double tap opens
// the member for editing.
type memberCell struct {
	widget.BaseWidget
	s     *membersScreen
	id    widget.TableCellID
	bg    *canvas.Rectangle
	label *widget.Label
}

func newMemberCell(s *membersScreen) *memberCell {
	c := &memberCell{s: s, bg: canvas.NewRectangle(color.Transparent), label: widget.NewLabel("")}
	c.ExtendBaseWidget(c)
	return c
}

func (c *memberCell) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(c.bg, c.label))
}

func (c *memberCell) Tapped(*fyne.PointEvent) { c.s.selectRow(c.id) }

func (c *memberCell) DoubleTapped(*fyne.PointEvent) {
	c.s.selectRow(c.id)
	c.s.onEdit()
}
