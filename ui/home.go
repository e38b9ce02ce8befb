package ui

import (
	"fmt"
	"fyne.io/fyne/v2/lang"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
)

// homeScreen (首页) shows the year at a glance: its key figures as cards,
// what needs attention, the newest activities, and the activities and
// person-times of each month as bars.
type homeScreen struct {
	sh   shell
	year int // the year shown; 0 for this year

	title    *widget.Label
	subtitle *widget.Label
	cards    []*figureCard // in homeCards order

	arrearsBtn  *widget.Button // 会费欠缴 N 人
	assemblyBtn *widget.Button // 本年度尚未召开会员大会
	photosBtn   *widget.Button // N 项活动没有照片
	allClear    *widget.Label

	recent   []*recentRow
	noRecent *widget.Label

	monthsTitle *widget.Label
	actChart    *barChart // 活动场次 per month
	ptChart     *barChart // 参与人次 per month
}

// homeCards are the metrics shown as cards, in order.
var homeCards = []string{
	"members_total", "members_new", "activities_total",
	"person_times", "training_sessions", "training_person_times",
	"projects_signed", "investment", "donations",
}

// homeRecent is how many of the newest activities are listed.
const homeRecent = 6

// assemblyType is the activity type of the yearly 会员大会.
const assemblyType = "会员大会"

func newHomeScreen(a shell) *homeScreen {
	h := &homeScreen{sh: a,
		title:    widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		subtitle: widget.NewLabel(""), noRecent: widget.NewLabel(lang.L("还没有活动记录。")),
		allClear:    widget.NewLabel(lang.L("目前没有需要处理的事项。")),
		monthsTitle: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
	}
	h.title.SizeName = theme.SizeNameHeadingText
	h.title.Truncation = fyne.TextTruncateEllipsis
	for _, key := range homeCards {
		h.cards = append(h.cards, newFigureCard(func() { h.onCard(key) }))
	}
	reminder := func(tap func()) *widget.Button {
		b := widget.NewButtonWithIcon("", theme.WarningIcon(), tap)
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		return b
	}
	h.arrearsBtn = reminder(func() { a.navigate("dues") })
	h.assemblyBtn = reminder(func() { a.navigate("activities") })
	h.photosBtn = reminder(func() { a.navigate("activities") })
	for range homeRecent {
		h.recent = append(h.recent, newRecentRow())
	}
	months := make([]string, 12)
	for i := range months {
		months[i] = fmt.Sprintf(lang.L("%d月"), i+1)
	}
	h.actChart = newBarChart(lang.L("活动场次（场）"), months, theme.ColorNamePrimary)
	h.ptChart = newBarChart(lang.L("参与人次（人次）"), months, theme.ColorNameWarning)
	return h
}

func (h *homeScreen) content() fyne.CanvasObject {
	cards := container.NewGridWithColumns(3)
	for _, c := range h.cards {
		cards.Add(c)
	}
	reminders := container.NewVBox(sectionTitle(lang.L("提醒")), h.arrearsBtn, h.assemblyBtn, h.photosBtn, h.allClear)
	recent := container.NewVBox(container.NewBorder(nil, nil, sectionTitle(lang.L("最近的活动")),
		widget.NewButton(lang.L("全部活动"), func() { h.sh.navigate("activities") })))
	for _, r := range h.recent {
		recent.Add(r.box)
	}
	recent.Add(h.noRecent)
	side := container.NewVBox(panelBox(reminders), panelBox(recent))
	// The cards stretch to the height of the lists beside them, and the
	// charts take whatever height the window has left.
	top := container.NewGridWithColumns(2, cards, side)
	charts := panelBox(container.NewBorder(h.monthsTitle, nil, nil, nil,
		container.NewGridWithColumns(2, h.actChart, h.ptChart)))
	head := container.NewVBox(h.title, h.subtitle, top)
	return container.NewVScroll(container.NewPadded(container.NewBorder(head, nil, nil, nil, charts)))
}

// sectionTitle is the bold caption of a part of the page.
func sectionTitle(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// panelBox sets a part of the page on a light rounded background.
func panelBox(o fyne.CanvasObject) fyne.CanvasObject {
	p := &panel{content: container.NewPadded(o)}
	p.ExtendBaseWidget(p)
	return p
}

// panel is a background that follows the theme, light or dark.
type panel struct {
	widget.BaseWidget
	content fyne.CanvasObject
}

func (p *panel) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(nil)
	r := &panelRenderer{bg: bg, objs: []fyne.CanvasObject{bg, p.content}}
	r.Refresh()
	return r
}

type panelRenderer struct {
	bg   *canvas.Rectangle
	objs []fyne.CanvasObject
}

func (r *panelRenderer) Layout(size fyne.Size) {
	for _, o := range r.objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (r *panelRenderer) MinSize() fyne.Size { return r.objs[1].MinSize() }

func (r *panelRenderer) Refresh() {
	r.bg.FillColor = theme.Color(theme.ColorNameInputBackground)
	r.bg.CornerRadius = theme.InputRadiusSize()
	r.bg.Refresh()
}

func (r *panelRenderer) Objects() []fyne.CanvasObject { return r.objs }

func (r *panelRenderer) Destroy() {}

// shownYear is the year on display.
func (h *homeScreen) shownYear() int {
	if h.year != 0 {
		return h.year
	}
	return h.sh.now().Year()
}

func (h *homeScreen) refresh() {
	s, ctx := h.sh.store(), h.sh.ctx()
	if s == nil {
		return
	}
	year := h.shownYear()
	h.title.SetText(h.sh.org().Name)
	sub := yearText(year) + lang.L("工作概况")
	if today := h.sh.now(); today.Year() == year {
		sub += lang.L("，统计至") + data.FormatDateCN(today)
	}
	h.subtitle.SetText(sub + lang.L("。点击数字查看它来自哪些记录。"))
	if err := h.loadCards(year); err != nil {
		h.sh.showError(err)
		return
	}
	if err := h.loadReminders(year); err != nil {
		h.sh.showError(err)
		return
	}
	recent, err := s.RecentActivities(ctx, homeRecent)
	if err != nil {
		h.sh.showError(err)
		return
	}
	for i, r := range h.recent {
		if i < len(recent) {
			r.set(recent[i])
			r.box.Show()
		} else {
			r.box.Hide()
		}
	}
	h.noRecent.Hidden = len(recent) > 0
	h.noRecent.Refresh()
	months, err := s.MonthlyActivity(ctx, year)
	if err != nil {
		h.sh.showError(err)
		return
	}
	acts, pts := make([]float64, 12), make([]float64, 12)
	for i, m := range months {
		acts[i], pts[i] = float64(m.Activities), float64(m.PersonTimes)
	}
	h.monthsTitle.SetText(yearText(year) + lang.L("每月活动"))
	h.actChart.SetValues(acts)
	h.ptChart.SetValues(pts)
}

func (h *homeScreen) loadCards(year int) error {
	s, ctx := h.sh.store(), h.sh.ctx()
	figs, err := s.Figures(ctx, year)
	if err != nil {
		return err
	}
	prev, err := s.Figures(ctx, year-1)
	if err != nil {
		return err
	}
	byKey := func(fs []data.Figure, key string) (data.Figure, bool) {
		for _, f := range fs {
			if f.Key == key {
				return f, true
			}
		}
		return data.Figure{}, false
	}
	for i, key := range homeCards {
		f, ok := byKey(figs, key)
		if !ok {
			h.cards[i].set(data.Figure{Metric: data.Metric{Key: key, Name: key}}, "")
			continue
		}
		p, ok := byKey(prev, key)
		line := ""
		if ok {
			line = yearText(year-1) + " " + figureText(p)
		}
		h.cards[i].set(f, line)
	}
	return nil
}

func (h *homeScreen) loadReminders(year int) error {
	s, ctx := h.sh.store(), h.sh.ctx()
	arrears, err := s.Arrears(ctx, year)
	if err != nil {
		return err
	}
	assemblies, err := s.CountActivitiesOfType(ctx, year, assemblyType)
	if err != nil {
		return err
	}
	noPhotos, err := s.ActivitiesWithoutPhotos(ctx, year)
	if err != nil {
		return err
	}
	h.arrearsBtn.SetText(fmt.Sprintf(lang.L("会费欠缴 %d 人"), len(arrears)))
	h.arrearsBtn.Hidden = len(arrears) == 0
	h.assemblyBtn.SetText(lang.L("本年度尚未召开会员大会"))
	if year != h.sh.now().Year() {
		h.assemblyBtn.SetText(yearText(year) + lang.L("尚未召开会员大会"))
	}
	h.assemblyBtn.Hidden = assemblies > 0
	h.photosBtn.SetText(fmt.Sprintf(lang.L("%d 项活动没有照片"), len(noPhotos)))
	h.photosBtn.Hidden = len(noPhotos) == 0
	h.allClear.Hidden = !h.arrearsBtn.Hidden || !h.assemblyBtn.Hidden || !h.photosBtn.Hidden
	for _, o := range []fyne.CanvasObject{h.arrearsBtn, h.assemblyBtn, h.photosBtn, h.allClear} {
		o.Refresh()
	}
	return nil
}

// onCard opens the metrics screen on the card's figure.
func (h *homeScreen) onCard(key string) {
	if ms, ok := h.sh.navigate("metrics").(*metricsScreen); ok {
		ms.focus(h.shownYear(), key)
	}
}

// recentRow is one line of 最近的活动.
type recentRow struct {
	date, title, info *widget.Label
	box               *fyne.Container
}

func newRecentRow() *recentRow {
	r := &recentRow{date: widget.NewLabel(""), title: widget.NewLabel(""), info: widget.NewLabel("")}
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.box = container.NewBorder(nil, nil, container.New(fixedWidth(130), r.date), r.info, r.title)
	return r
}

func (r *recentRow) set(a data.ActivityRef) {
	r.date.SetText(data.FormatDateCN(a.Date))
	r.title.SetText(a.Title)
	r.info.SetText(fmt.Sprintf(lang.L("%s　%d人次"), valueLabel(a.Type), a.PersonTimes))
}

// figureCard shows one figure big, with its name and last year's value;
// tapping it opens the figure on the metrics screen.
type figureCard struct {
	widget.BaseWidget
	fig     data.Figure
	prev    string // e.g. "2025年 110家"
	onTap   func()
	hovered bool
}

func newFigureCard(onTap func()) *figureCard {
	c := &figureCard{onTap: onTap}
	c.ExtendBaseWidget(c)
	return c
}

// set shows f, with prev as the small line under it.
func (c *figureCard) set(f data.Figure, prev string) {
	c.fig, c.prev = f, prev
	c.Refresh()
}

// valueText is the number as the card shows it.
func (c *figureCard) valueText() string {
	if !c.fig.Set {
		return "—"
	}
	return formatNumber(c.fig.Value)
}

func (c *figureCard) Tapped(*fyne.PointEvent) {
	if c.onTap != nil {
		c.onTap()
	}
}

func (c *figureCard) Cursor() desktop.Cursor { return desktop.PointerCursor }

func (c *figureCard) MouseIn(*desktop.MouseEvent) { c.hovered = true; c.Refresh() }

func (c *figureCard) MouseMoved(*desktop.MouseEvent) {}

func (c *figureCard) MouseOut() { c.hovered = false; c.Refresh() }

func (c *figureCard) CreateRenderer() fyne.WidgetRenderer {
	r := &figureCardRenderer{card: c, bg: canvas.NewRectangle(nil), stripe: canvas.NewRectangle(nil),
		name: canvas.NewText("", nil), value: canvas.NewText("", nil), unit: canvas.NewText("", nil),
		prev: canvas.NewText("", nil)}
	r.value.TextStyle.Bold = true
	r.Refresh()
	return r
}

type figureCardRenderer struct {
	card                    *figureCard
	bg, stripe              *canvas.Rectangle
	name, value, unit, prev *canvas.Text
	size                    fyne.Size
}

func (r *figureCardRenderer) sizes() (name, value, unit, prev float32) {
	ts := theme.TextSize()
	return ts, ts * 2, ts, ts * 0.9
}

func (r *figureCardRenderer) MinSize() fyne.Size {
	p := theme.InnerPadding()
	nh, vh, ph := r.name.MinSize().Height, r.value.MinSize().Height, r.prev.MinSize().Height
	w := max(r.name.MinSize().Width, r.value.MinSize().Width+r.unit.MinSize().Width+2, r.prev.MinSize().Width)
	return fyne.NewSize(w+2*p+4, nh+vh+ph+2*p)
}

func (r *figureCardRenderer) Layout(size fyne.Size) {
	r.size = size
	p := theme.InnerPadding()
	r.bg.Resize(size)
	r.stripe.Move(fyne.NewPos(0, 0))
	r.stripe.Resize(fyne.NewSize(4, size.Height))
	x := p + 4
	ns, vs, us, ps := r.name.MinSize(), r.value.MinSize(), r.unit.MinSize(), r.prev.MinSize()
	// The value sits in the middle of the room between name and last year.
	free := size.Height - 2*p - ns.Height - ps.Height - vs.Height
	r.name.Move(fyne.NewPos(x, p))
	r.name.Resize(ns)
	vy := p + ns.Height + free/2
	r.value.Move(fyne.NewPos(x, vy))
	r.value.Resize(vs)
	// Bottoms aligned, less the difference in descent, so number and unit
	// share a baseline.
	r.unit.Move(fyne.NewPos(x+vs.Width+2, vy+vs.Height-us.Height-(vs.Height-us.Height)*0.2))
	r.unit.Resize(us)
	r.prev.Move(fyne.NewPos(x, size.Height-p-ps.Height))
	r.prev.Resize(ps)
}

func (r *figureCardRenderer) Refresh() {
	c := r.card
	nameSize, valueSize, unitSize, prevSize := r.sizes()
	r.bg.FillColor = theme.Color(theme.ColorNameInputBackground)
	if c.hovered {
		r.bg.FillColor = theme.Color(theme.ColorNameHover)
	}
	r.bg.CornerRadius = theme.InputRadiusSize()
	r.stripe.FillColor = theme.Color(theme.ColorNamePrimary)
	r.name.Text, r.name.TextSize, r.name.Color = c.fig.Name, nameSize, theme.Color(theme.ColorNameForeground)
	r.value.Text, r.value.TextSize, r.value.Color = c.valueText(), valueSize, theme.Color(theme.ColorNamePrimary)
	r.unit.Text, r.unit.TextSize, r.unit.Color = c.fig.Unit, unitSize, theme.Color(theme.ColorNameForeground)
	r.prev.Text, r.prev.TextSize, r.prev.Color = c.prev, prevSize, theme.Color(theme.ColorNamePlaceHolder)
	if !r.size.IsZero() {
		r.Layout(r.size)
	}
	for _, o := range r.Objects() {
		o.Refresh()
	}
}

func (r *figureCardRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.stripe, r.name, r.value, r.unit, r.prev}
}

func (r *figureCardRenderer) Destroy() {}
