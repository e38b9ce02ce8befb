package ui

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
	"chamberdesk/ui/widgets"
)

// activitiesScreen (活动) lists the activities newest first with filters by
// year, type and text, shows the selected one in a detail panel with its
// participants, outcomes and photos, and opens the add/edit form.
//
// The rows are every activity as last loaded, newest first, filtered.
type activitiesScreen struct {
	recordList[*data.Activity]

	year                       *widget.Select
	kind                       *widgets.Choice // types as stored, shown in the window's language
	addBtn, editBtn, deleteBtn *widget.Button
	printBtn, signinBtn        *widget.Button  // 打印简报, 签到表 (print.go)
	detail                     *fyne.Container // the detail panel's content
	detailScroll               *container.Scroll

	all     []data.Activity // every activity, newest first, as last loaded
	photoN  map[int64]int   // photos per activity
	names   map[int64]*data.Member
	metrics map[string]data.Metric
	thumbs  *photoThumbs

	photos []data.Attachment // the selected activity's photos
}

// Filter values that let everything through.
const (
	activityAllYears = "全部年份"
	activityAllTypes = "全部类型"
)

// activityColumns are the list's columns: 活动名称 takes the spare width,
// names being the long values.
func activityColumns() []widgets.Column {
	return []widgets.Column{
		{Title: lang.L("日期"), Sample: "2026年12月25日"},
		{Title: lang.L("类型"), Sample: "招商引资/考察"},
		{Title: lang.L("活动名称"), Width: 140, Stretch: true},
		{Title: lang.L("地点"), Sample: "镇政府三楼会议室"},
		{Title: lang.L("人次"), Align: fyne.TextAlignTrailing},
		{Title: lang.L("照片"), Align: fyne.TextAlignTrailing},
	}
}

// activityCellText is what column col shows of a.
func (s *activitiesScreen) activityCellText(a *data.Activity, col int) string {
	switch col {
	case 0:
		return data.FormatDateCN(a.Date)
	case 1:
		return valueLabel(a.Type)
	case 2:
		return a.Title
	case 3:
		return a.Place
	case 4:
		return strconv.Itoa(a.PersonTimes())
	}
	if n := s.photoN[a.ID]; n > 0 {
		return strconv.Itoa(n)
	}
	return "—"
}

func newActivitiesScreen(a shell) *activitiesScreen {
	s := &activitiesScreen{photoN: map[int64]int{}, names: map[int64]*data.Member{},
		metrics: map[string]data.Metric{}, thumbs: newPhotoThumbs()}
	s.init(a, activityColumns(), func(a *data.Activity) int64 { return a.ID }, s.activityCellText,
		s.update, s.selectionChanged, func() { s.onEdit() })
	defer func() { s.quiet = false }()
	s.table.SetMinSize(fyne.NewSize(360, 200))
	s.year = s.filterSelect(lang.L(activityAllYears))
	s.kind = filterChoice(lang.L(activityAllTypes), nil, s.onFilter)
	s.search.SetPlaceHolder(lang.L("搜索活动名称、地点或内容"))
	s.count.SetText(lang.L("共 0 场"))
	s.addBtn = widget.NewButtonWithIcon(lang.L("新增活动"), theme.ContentAddIcon(), func() { s.onAdd() })
	s.addBtn.Importance = widget.HighImportance
	s.editBtn = widget.NewButtonWithIcon(lang.L("编辑"), theme.DocumentCreateIcon(), func() { s.onEdit() })
	s.deleteBtn = widget.NewButtonWithIcon(lang.L("删除"), theme.DeleteIcon(), s.onDelete)
	s.printBtn, s.signinBtn = newActivityPrintButtons(s)
	s.detail = container.NewVBox()
	s.detailScroll = container.NewVScroll(container.NewPadded(s.detail))
	s.showDetail()
	s.updateButtons()
	return s
}

// selectionChanged shows the newly selected activity.
func (s *activitiesScreen) selectionChanged() {
	s.showDetail()
	s.updateButtons()
}

func (s *activitiesScreen) content() fyne.CanvasObject {
	buttons := container.NewHBox(s.addBtn, s.editBtn, s.deleteBtn)
	filters := container.NewHBox(s.year, s.kind)
	top := container.NewBorder(nil, nil, filters, container.NewHBox(s.count, buttons), s.search)
	s.bar = top
	split := container.NewHSplit(s.table, s.detailScroll)
	split.Offset = 0.6
	return container.NewBorder(top, nil, nil, nil, split)
}

// refresh reloads the activities, photo counts, roster names and metrics,
// and binds Ctrl+N to this screen.
func (s *activitiesScreen) refresh() {
	a := s.sh
	if a.store() == nil {
		return
	}
	a.bindShortcut("activities", "new", func() { s.onAdd() })
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
	all, err := st.ActivitiesWithPlanned(ctx, 0)
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
	this := membersToday(s.sh).Year()
	years := []int{this}
	for _, a := range s.all {
		if y := a.Date.Year(); !slices.Contains(years, y) {
			years = append(years, y)
		}
	}
	slices.SortFunc(years, func(a, b int) int { return b - a })
	opts := []string{lang.L(activityAllYears)} // first: all years, in the window's language
	for _, y := range years {
		opts = append(opts, activityYearText(y))
	}
	cur := s.year.Selected
	if len(s.year.Options) <= 1 { // first refresh
		cur = activityYearText(this)
	}
	s.year.SetOptions(opts)
	if !slices.Contains(opts, cur) {
		cur = opts[0]
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
	kind := s.kind.Value()
	s.kind.SetValues(append([]string{""}, types...))
	if !slices.Contains(types, kind) {
		kind = "" // all
	}
	s.kind.SetValue(kind)
}

func activityYearText(y int) string { return fmt.Sprintf(lang.L("%d年"), y) }

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
	year, kind := s.filterYear(), s.kind.Value() // kind "" for all
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
	s.setCount(fmt.Sprintf(lang.L("共 %d 场 · %d 人次"), len(rows), people))
	s.show(rows)
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
func (s *activitiesScreen) selectedActivity() *data.Activity { return s.selectedRecord() }

// onAdd opens the form for a new activity and returns it; nil when none opened.
func (s *activitiesScreen) onAdd() *activityForm {
	if !s.canOpen() {
		return nil
	}
	act := data.Activity{Date: membersToday(s.sh), Organizer: s.sh.org().ShortName}
	if act.Organizer == "" {
		act.Organizer = s.sh.org().Name
	}
	if k := s.kind.Value(); k != "" {
		act.Type = k // adding while looking at 培训办班 most likely adds one
	}
	return s.openForm(act)
}

// onEdit opens the selected activity in the form and returns it; nil when
// none opened.
func (s *activitiesScreen) onEdit() *activityForm {
	return editSelected(&s.recordList, s.sh.store().Activity, s.openForm)
}

func (s *activitiesScreen) openForm(act data.Activity) *activityForm {
	f, err := newActivityForm(s.sh, act, s.thumbs, s.saved)
	if err != nil {
		s.sh.showError(err)
		return nil
	}
	f.show()
	return f
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
		if k := s.kind.Value(); k != "" && k != a.Type {
			s.kind.SetValue("") // all
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
	confirmDelete(s.sh, lang.L("删除活动"), msg, func(ctx context.Context) error {
		return s.sh.store().DeleteActivity(ctx, id)
	}, func() {
		s.selected = 0
		s.refresh()
	})
}
