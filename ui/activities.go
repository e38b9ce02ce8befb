package ui

import (
	"fmt"
	"image/color"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
)

// activitiesScreen (活动) lists the activities newest first with filters by
// year, type and text, shows the selected one in a detail panel with its
// participants, outcomes and photos, and opens the add/edit form.
type activitiesScreen struct {
	sh shell

	year, kind                 *widget.Select
	search                     *formEntry
	count                      *widget.Label
	table                      *widget.Table
	addBtn, editBtn, deleteBtn *widget.Button
	printBtn, signinBtn        *widget.Button  // 打印简报, 签到表 (print.go)
	detail                     *fyne.Container // the detail panel's content
	detailScroll               *container.Scroll
	bar                        *fyne.Container // the filters, search, count and buttons

	all      []data.Activity  // every activity, newest first, as last loaded
	rows     []*data.Activity // what the table shows: all, filtered
	photoN   map[int64]int    // photos per activity
	names    map[int64]*data.Member
	metrics  map[string]data.Metric
	selected int64 // the selected activity's id; 0 for none
	quiet    bool  // set while refresh fills the filters
	widths   []float32
	flex     []float32 // the widths of 活动名称 and 地点 as laid out
	thumbs   *photoThumbs

	form    *activityForm         // the open add/edit form, for tests
	confirm *dialog.ConfirmDialog // the open 删除 confirmation
	photos  []data.Attachment     // the selected activity's photos
}

// Filter values that let everything through.
const (
	activityAllYears = "全部年份"
	activityAllTypes = "全部类型"
)

// activityColumn is one column of the list.
type activityColumn struct {
	title  string // translated where shown
	sample string // a long usual value, for the column's width
	text   func(s *activitiesScreen, a *data.Activity) string
	align  fyne.TextAlign
}

// The columns that take the spare width.
const (
	activityColTitle = 2
	activityColPlace = 3
)

var activityCols = []activityColumn{
	{"日期", "2026年12月25日", func(_ *activitiesScreen, a *data.Activity) string { return data.FormatDateCN(a.Date) }, fyne.TextAlignLeading},
	{"类型", "招商引资/考察", func(_ *activitiesScreen, a *data.Activity) string { return a.Type }, fyne.TextAlignLeading},
	{"活动名称", "", func(_ *activitiesScreen, a *data.Activity) string { return a.Title }, fyne.TextAlignLeading},
	{"地点", "镇政府三楼会议室", func(_ *activitiesScreen, a *data.Activity) string { return a.Place }, fyne.TextAlignLeading},
	{"人次", "人次", func(_ *activitiesScreen, a *data.Activity) string { return strconv.Itoa(a.PersonTimes()) }, fyne.TextAlignTrailing},
	{"照片", "照片", func(s *activitiesScreen, a *data.Activity) string {
		if n := s.photoN[a.ID]; n > 0 {
			return strconv.Itoa(n)
		}
		return "—"
	}, fyne.TextAlignTrailing},
}

func newActivitiesScreen(a shell) *activitiesScreen {
	s := &activitiesScreen{sh: a, photoN: map[int64]int{}, names: map[int64]*data.Member{},
		metrics: map[string]data.Metric{}, thumbs: newPhotoThumbs()}
	s.quiet = true
	defer func() { s.quiet = false }()
	onFilter := func(string) {
		if !s.quiet {
			s.update()
		}
	}
	s.year = widget.NewSelect([]string{activityAllYears}, onFilter)
	s.kind = widget.NewSelect([]string{activityAllTypes}, onFilter)
	s.year.SetSelectedIndex(0)
	s.kind.SetSelectedIndex(0)
	s.search = newFormEntry(a)
	s.search.SetPlaceHolder(lang.L("搜索活动名称、地点或内容"))
	s.search.OnChanged = onFilter
	s.count = widget.NewLabel(lang.L("共 0 场"))
	s.table = s.newTable()
	s.addBtn = widget.NewButtonWithIcon(lang.L("新增活动"), theme.ContentAddIcon(), s.onAdd)
	s.addBtn.Importance = widget.HighImportance
	s.editBtn = widget.NewButtonWithIcon(lang.L("编辑"), theme.DocumentCreateIcon(), s.onEdit)
	s.deleteBtn = widget.NewButtonWithIcon(lang.L("删除"), theme.DeleteIcon(), s.onDelete)
	s.printBtn, s.signinBtn = newActivityPrintButtons(s)
	s.detail = container.NewVBox()
	s.detailScroll = container.NewVScroll(container.NewPadded(s.detail))
	s.showDetail()
	s.updateButtons()
	return s
}

func (s *activitiesScreen) newTable() *widget.Table {
	t := widget.NewTable(
		func() (int, int) { return len(s.rows), len(activityCols) },
		func() fyne.CanvasObject { return newActivityCell(s) },
		func(id widget.TableCellID, o fyne.CanvasObject) { s.updateCell(id, o.(*activityCell)) })
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.TextStyle.Bold = true
		return l
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		if id.Col >= 0 && id.Col < len(activityCols) {
			l.Alignment = activityCols[id.Col].align
			l.SetText(lang.L(activityCols[id.Col].title))
		}
	}
	t.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(s.rows) && s.rows[id.Row].ID != s.selected {
			s.selected = s.rows[id.Row].ID
			s.showDetail()
		}
		s.updateButtons()
		t.Refresh() // the whole row shows as selected
	}
	return t
}

func (s *activitiesScreen) content() fyne.CanvasObject {
	s.measureColumns()
	buttons := container.NewHBox(s.addBtn, s.editBtn, s.deleteBtn)
	filters := container.NewHBox(s.year, s.kind)
	top := container.NewBorder(nil, nil, filters, container.NewHBox(s.count, buttons), s.search)
	s.bar = top
	list := container.New(activityTableLayout{s}, s.table)
	split := container.NewHSplit(list, s.detailScroll)
	split.Offset = 0.6
	return container.NewBorder(top, nil, nil, nil, split)
}

// measureColumns sizes each column for its title or usual widest value.
// 活动名称 and 地点 share what is left (see activityTableLayout).
func (s *activitiesScreen) measureColumns() {
	s.widths = make([]float32, len(activityCols))
	for i, c := range activityCols {
		// the slack keeps an exact fit from being cut short with "…" by rounding
		w := max(widget.NewLabel(lang.L(c.title)).MinSize().Width, widget.NewLabel(c.sample).MinSize().Width) + 2*theme.Padding()
		s.widths[i] = w
		s.table.SetColumnWidth(i, w)
	}
	s.flex = make([]float32, len(activityCols))
}

// activityFlex are the columns that take the spare width, with their
// share and their least width: names and places are the long values.
var activityFlex = map[int]struct{ share, least float32 }{
	activityColTitle: {2, 140},
	activityColPlace: {1, 90},
}

// activityTableLayout fills its one child, the table, and gives the 活动名称
// and 地点 columns whatever width the other columns leave.
type activityTableLayout struct{ s *activitiesScreen }

func (l activityTableLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	s := l.s
	if len(s.widths) == len(activityCols) {
		spare := size.Width - theme.ScrollBarSize() - theme.Padding()*float32(len(activityCols)+1)
		shares := float32(0)
		for i, w := range s.widths {
			if f, ok := activityFlex[i]; ok {
				shares += f.share
			} else {
				spare -= w
			}
		}
		for i, f := range activityFlex {
			if w := max(f.least, spare*f.share/shares); w != s.flex[i] {
				s.flex[i] = w
				s.table.SetColumnWidth(i, w)
			}
		}
	}
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l activityTableLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(360, 200) }

// refresh reloads the activities, photo counts, roster names and metrics,
// and binds Ctrl+N to this screen.
func (s *activitiesScreen) refresh() {
	a := s.sh
	if a.store() == nil {
		return
	}
	a.bindShortcut("activities", "new", s.onAdd)
	if err := s.load(); err != nil {
		a.showError(err)
		return
	}
	s.fillFilters()
	s.update()
}

// load reads everything the screen shows. Activities come with attendance
// and outcomes in three queries, however many there are.
func (s *activitiesScreen) load() error {
	st, ctx := s.sh.store(), s.sh.ctx()
	all, err := st.Activities(ctx, 0)
	if err != nil {
		return err
	}
	counts, err := st.PhotoCounts(ctx)
	if err != nil {
		return err
	}
	members, err := st.SearchMembers(ctx, "")
	if err != nil {
		return err
	}
	metrics, err := st.Metrics(ctx)
	if err != nil {
		return err
	}
	s.all, s.photoN = all, counts
	s.names = make(map[int64]*data.Member, len(members))
	for _, m := range members {
		s.names[m.ID] = m
	}
	s.metrics = make(map[string]data.Metric, len(metrics))
	for _, m := range metrics {
		s.metrics[m.Key] = m
	}
	return nil
}

// fillFilters offers the years that have activities, and this year, and
// the configured types; the selections stay where they were when they can.
// The first time the list opens on this year.
func (s *activitiesScreen) fillFilters() {
	s.quiet = true
	defer func() { s.quiet = false }()
	this := activityToday(s.sh).Year()
	years := []int{this}
	for _, a := range s.all {
		if y := a.Date.Year(); !slices.Contains(years, y) {
			years = append(years, y)
		}
	}
	slices.SortFunc(years, func(a, b int) int { return b - a })
	opts := []string{activityAllYears}
	for _, y := range years {
		opts = append(opts, activityYearText(y))
	}
	cur := s.year.Selected
	if len(s.year.Options) <= 1 { // first refresh
		cur = activityYearText(this)
	}
	s.year.SetOptions(opts)
	if !slices.Contains(opts, cur) {
		cur = activityAllYears
	}
	s.year.SetSelected(cur)

	types, err := s.sh.store().ActivityTypes(s.sh.ctx())
	if err != nil {
		s.sh.showError(err)
	}
	for _, a := range s.all { // a type no longer configured still filters
		if !slices.Contains(types, a.Type) {
			types = append(types, a.Type)
		}
	}
	cur = s.kind.Selected
	s.kind.SetOptions(append([]string{activityAllTypes}, types...))
	if !slices.Contains(types, cur) {
		cur = activityAllTypes
	}
	s.kind.SetSelected(cur)
}

func activityYearText(y int) string { return fmt.Sprintf(lang.L("%d年"), y) }

// activityToday is the store's calendar date, the way dates are kept.
func activityToday(a shell) time.Time {
	now := time.Now()
	if a.store() != nil && a.store().Now != nil {
		now = a.store().Now()
	}
	return time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
}

// filterYear is the selected year, 0 for all.
func (s *activitiesScreen) filterYear() int {
	var y int
	if _, err := fmt.Sscanf(s.year.Selected, "%d", &y); err != nil { // "2026年", or "2026" in English
		return 0
	}
	return y
}

// update filters the loaded activities and shows the result.
func (s *activitiesScreen) update() {
	year, kind := s.filterYear(), ""
	if s.kind.SelectedIndex() > 0 {
		kind = s.kind.Selected
	}
	q := strings.ToLower(strings.TrimSpace(data.NormalizeText(s.search.Text)))
	rows := make([]*data.Activity, 0, len(s.all))
	people := 0
	for i := range s.all {
		a := &s.all[i]
		if (year == 0 || a.Date.Year() == year) && (kind == "" || a.Type == kind) && activityMatches(a, q) {
			rows = append(rows, a)
			people += a.PersonTimes()
		}
	}
	s.rows = rows
	if text := fmt.Sprintf(lang.L("共 %d 场 · %d 人次"), len(rows), people); text != s.count.Text {
		s.count.SetText(text)
		if s.bar != nil {
			s.bar.Refresh() // lay out again: the count's width changed with its digits
		}
	}
	row := slices.IndexFunc(rows, func(a *data.Activity) bool { return a.ID == s.selected })
	if row < 0 {
		s.table.UnselectAll()
		s.table.ScrollToOffset(fyne.NewPos(0, 0))
		s.selected = 0
	} else {
		s.reveal(row)
	}
	s.table.Refresh()
	s.showDetail()
	s.updateButtons()
}

// activityMatches reports whether q (lower case) is in the title, place or
// content.
func activityMatches(a *data.Activity, q string) bool {
	if q == "" {
		return true
	}
	for _, t := range []string{a.Title, a.Place, a.Content, a.Organizer, a.Partners} {
		if strings.Contains(strings.ToLower(t), q) {
			return true
		}
	}
	return false
}

func (s *activitiesScreen) updateButtons() {
	if s.selectedActivity() == nil {
		s.editBtn.Disable()
		s.deleteBtn.Disable()
	} else {
		s.editBtn.Enable()
		s.deleteBtn.Enable()
	}
}

// selectedActivity is the selected row's activity, or nil.
func (s *activitiesScreen) selectedActivity() *data.Activity {
	for _, a := range s.rows {
		if a.ID == s.selected {
			return a
		}
	}
	return nil
}

// reveal scrolls row into view and selects it. (Table.Select scrolls by
// itself, but in Fyne 2.7.1 a jump of more than a screen leaves the cells
// drawn at the old position; ScrollToOffset moves them, and Select then has
// at most a row to go.)
func (s *activitiesScreen) reveal(row int) {
	if row < 0 || row >= len(s.rows) {
		return
	}
	cell := newActivityCell(s).MinSize().Height
	header := widget.NewLabelWithStyle(lang.L("日期"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}).MinSize().Height
	view := s.table.Size().Height - header - theme.Padding()
	y := float32(row)*(cell+theme.Padding()) - (view-cell)/2
	s.table.ScrollToOffset(fyne.NewPos(0, max(0, y)))
	s.table.Select(widget.TableCellID{Row: row, Col: 0})
}

// selectRow selects a row as a tap on one of its cells does.
func (s *activitiesScreen) selectRow(row int) {
	if row < 0 || row >= len(s.rows) {
		return
	}
	s.table.Select(widget.TableCellID{Row: row, Col: 0})
	if c := fyne.CurrentApp().Driver().CanvasForObject(s.table); c != nil {
		c.Focus(s.table)
	}
}

func (s *activitiesScreen) updateCell(id widget.TableCellID, c *activityCell) {
	c.id = id
	if id.Row < 0 || id.Row >= len(s.rows) || id.Col < 0 || id.Col >= len(activityCols) {
		c.label.SetText("")
		return
	}
	a := s.rows[id.Row]
	col := activityCols[id.Col]
	text := col.text(s, a)
	if c.label.Text != text || c.label.Alignment != col.align {
		c.label.Text, c.label.Alignment = text, col.align
		c.label.Refresh()
	}
	var bg color.Color = color.Transparent
	if a.ID == s.selected {
		bg = theme.Color(theme.ColorNameSelection)
	}
	if c.bg.FillColor != bg {
		c.bg.FillColor = bg
		c.bg.Refresh()
	}
}

// showDetail fills the detail panel with the selected activity.
func (s *activitiesScreen) showDetail() {
	a := s.selectedActivity()
	if a == nil {
		s.photos = nil
		hint := newLabel(lang.L("在左侧选择一项活动，这里显示它的内容、参加人员、成效和照片。"))
		hint.Importance = widget.LowImportance
		s.detail.Objects = []fyne.CanvasObject{hint}
		s.detail.Refresh()
		return
	}
	photos, err := s.sh.store().Photos(s.sh.ctx(), a.ID)
	if err != nil {
		s.sh.showError(err)
	}
	s.photos = photos
	title := newLabel(a.Title)
	title.TextStyle.Bold = true
	title.SizeName = theme.SizeNameSubHeadingText
	when := data.FormatDateCN(a.Date)
	if !a.EndDate.IsZero() {
		when += lang.L(" 至 ") + data.FormatDateCN(a.EndDate)
	}
	facts := widget.NewForm(widget.NewFormItem(lang.L("类型"), widget.NewLabel(a.Type)),
		widget.NewFormItem(lang.L("日期"), widget.NewLabel(when)))
	for _, f := range []struct{ name, value string }{{lang.L("地点"), a.Place}, {lang.L("主办单位"), a.Organizer}, {lang.L("协办/合作"), a.Partners}} {
		if f.value != "" {
			facts.Append(f.name, newLabel(f.value))
		}
	}
	facts.Append(lang.L("参与人次"), widget.NewLabel(fmt.Sprintf(lang.L("%d 人次（会员 %d 人，其他 %d 人次）"),
		a.PersonTimes(), len(a.Attendees), a.OutsideCount)))
	if len(a.Outcomes) > 0 {
		facts.Append(lang.L("成效"), newLabel(s.outcomeText(a.Outcomes)))
	}
	objs := []fyne.CanvasObject{title, container.NewHBox(s.printBtn, s.signinBtn), facts}
	section := func(name string) *widget.Label {
		return widget.NewLabelWithStyle(name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	if len(a.Attendees) > 0 {
		objs = append(objs, section(fmt.Sprintf(lang.L("参加会员（%d人）"), len(a.Attendees))), newLabel(s.attendeeText(a.Attendees)))
	}
	if a.Content != "" {
		objs = append(objs, section(lang.L("内容/纪要")), newLabel(a.Content))
	}
	grid, load := photoGrid(s.sh, s.thumbs, photos)
	objs = append(objs, section(fmt.Sprintf(lang.L("照片（%d张）"), len(photos))), grid)
	s.detail.Objects = objs
	s.detail.Refresh()
	s.detailScroll.ScrollToTop()
	load()
}

// outcomeText writes outcomes as people read them: "签约项目数 3 个；投资额 12 亿元".
func (s *activitiesScreen) outcomeText(os []data.Outcome) string {
	parts := make([]string, len(os))
	for i, o := range os {
		m, ok := s.metrics[o.MetricKey]
		if !ok {
			m = data.Metric{Name: o.MetricKey}
		}
		parts[i] = fmt.Sprintf("%s %s %s", m.Name, strconv.FormatFloat(o.Value, 'f', -1, 64), m.Unit)
	}
	return strings.Join(parts, "；")
}

// attendeeText lists the attending members in roster order, offices first.
func (s *activitiesScreen) attendeeText(ids []int64) string {
	ms := make([]data.Member, 0, len(ids))
	unknown := 0
	for _, id := range ids {
		if m := s.names[id]; m != nil {
			ms = append(ms, *m)
		} else {
			unknown++
		}
	}
	data.SortMembers(ms)
	names := make([]string, 0, len(ms)+1)
	for _, m := range ms {
		n := m.Name
		if data.OfficeRank(m.Office) < data.OfficeRank("会员") {
			n += "（" + m.Office + "）"
		}
		names = append(names, n)
	}
	if unknown > 0 {
		names = append(names, fmt.Sprintf(lang.L("另 %d 人不在名册中"), unknown))
	}
	return strings.Join(names, "、")
}

// busy reports whether this screen's form or confirmation is open, so a
// shortcut does not stack a second one on it.
func (s *activitiesScreen) busy() bool {
	return (s.form != nil && !s.form.closed) || s.confirm != nil
}

func (s *activitiesScreen) onAdd() {
	if s.sh.store() == nil || s.busy() {
		return
	}
	act := data.Activity{Date: activityToday(s.sh), Organizer: s.sh.org().ShortName}
	if act.Organizer == "" {
		act.Organizer = s.sh.org().Name
	}
	if k := s.kind.SelectedIndex(); k > 0 {
		act.Type = s.kind.Selected // adding while looking at 培训办班 most likely adds one
	}
	s.openForm(act)
}

func (s *activitiesScreen) onEdit() {
	if s.selected == 0 || s.busy() {
		return
	}
	act, err := s.sh.store().Activity(s.sh.ctx(), s.selected)
	if err != nil {
		s.sh.showError(err)
		return
	}
	s.openForm(act)
}

func (s *activitiesScreen) openForm(act data.Activity) {
	f, err := newActivityForm(s.sh, act, s.thumbs, s.saved)
	if err != nil {
		s.sh.showError(err)
		return
	}
	s.form = f
	f.show()
}

// saved shows the activity just written, changing the filters if they
// would hide it.
func (s *activitiesScreen) saved(id int64) {
	s.selected = id
	if err := s.load(); err != nil {
		s.sh.showError(err)
		return
	}
	s.fillFilters()
	i := slices.IndexFunc(s.all, func(a data.Activity) bool { return a.ID == id })
	if i >= 0 {
		a := &s.all[i]
		s.quiet = true
		if y := s.filterYear(); y != 0 && y != a.Date.Year() {
			s.year.SetSelected(activityYearText(a.Date.Year()))
		}
		if s.kind.SelectedIndex() > 0 && s.kind.Selected != a.Type {
			s.kind.SetSelectedIndex(0)
		}
		if !activityMatches(a, strings.ToLower(strings.TrimSpace(data.NormalizeText(s.search.Text)))) {
			s.search.SetText("")
		}
		s.quiet = false
	}
	s.update()
}

func (s *activitiesScreen) onDelete() {
	a := s.selectedActivity()
	if a == nil || s.busy() {
		return
	}
	id := a.ID
	msg := fmt.Sprintf(lang.L("确定删除“%s”（%s）吗？\n\n参加记录、成效和 %d 张照片的记录会一并删除，不能恢复。\n年度指标会随之减少。"),
		a.Title, data.FormatDateCN(a.Date), s.photoN[a.ID])
	s.confirm = dialog.NewConfirm(lang.L("删除活动"), msg, func(ok bool) {
		s.confirm = nil
		if !ok {
			return
		}
		if err := s.sh.store().DeleteActivity(s.sh.ctx(), id); err != nil {
			s.sh.showError(err)
			return
		}
		s.selected = 0
		s.refresh()
	}, s.sh.window())
	s.confirm.SetConfirmText(lang.L("删除"))
	s.confirm.SetDismissText(lang.L("取消"))
	s.confirm.SetConfirmImportance(widget.DangerImportance)
	s.sh.present(s.confirm)
}

// activityCell is one cell of the list: a label over a background that
// marks the selected activity's whole row. A tap selects the row; a double
// tap opens the activity for editing.
type activityCell struct {
	widget.BaseWidget
	s     *activitiesScreen
	id    widget.TableCellID
	bg    *canvas.Rectangle
	label *widget.Label
}

func newActivityCell(s *activitiesScreen) *activityCell {
	c := &activityCell{s: s, bg: canvas.NewRectangle(color.Transparent), label: widget.NewLabel("")}
	c.label.Truncation = fyne.TextTruncateEllipsis
	c.ExtendBaseWidget(c)
	return c
}

func (c *activityCell) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(c.bg, c.label))
}

func (c *activityCell) Tapped(*fyne.PointEvent) { c.s.selectRow(c.id.Row) }

func (c *activityCell) DoubleTapped(*fyne.PointEvent) {
	c.s.selectRow(c.id.Row)
	c.s.onEdit()
}
