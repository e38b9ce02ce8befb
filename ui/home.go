package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
	"chamberdesk/ui/widgets"
)

// homeScreen (首页) shows the year at a glance: its key figures as cards,
// what needs attention, the newest activities, and the activities and
// person-times of each month as bars.
type homeScreen struct {
	sh   shell
	year int // the year shown; 0 for this year

	title    *widget.Label
	subtitle *widget.Label
	cards    []*widgets.FigureCard // in homeCards order

	arrearsBtn  *widget.Button // 会费欠缴 N 人
	assemblyBtn *widget.Button // 本年度尚未召开会员大会
	photosBtn   *widget.Button // N 项活动没有照片
	allClear    *widget.Label

	recent   []*recentRow
	noRecent *widget.Label
	upcoming *upcomingPanel // 近期安排: the planned activities

	money *moneyPanel // 本年收入, 本年支出, 年末余额; a tap opens 财务

	monthsTitle *widget.Label
	actChart    *widgets.BarChart // 活动场次 per month
	ptChart     *widgets.BarChart // 参与人次 per month
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
		h.cards = append(h.cards, widgets.NewFigureCard(func() { h.onCard(key) }))
	}
	reminder := func(tap func()) *widget.Button {
		b := widget.NewButtonWithIcon("", theme.WarningIcon(), tap)
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		return b
	}
	h.money = newMoneyPanel(func() { h.onMoney() })
	h.upcoming = newUpcomingPanel(a)
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
	h.actChart = widgets.NewBarChart(lang.L("活动场次（场）"), months, theme.ColorNamePrimary, formatNumber)
	h.ptChart = widgets.NewBarChart(lang.L("参与人次（人次）"), months, theme.ColorNameWarning, formatNumber)
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
	side := container.NewVBox(widgets.NewPanel(reminders), h.upcoming.panel, widgets.NewPanel(recent))
	// The cards stretch to the height of the lists beside them, and the
	// charts take whatever height the window has left.
	top := container.NewGridWithColumns(2, cards, side)
	charts := widgets.NewPanel(container.NewBorder(h.monthsTitle, nil, nil, nil,
		container.NewGridWithColumns(2, h.actChart, h.ptChart)))
	head := container.NewVBox(h.title, h.subtitle, top, h.money)
	return container.NewVScroll(container.NewPadded(container.NewBorder(head, nil, nil, nil, charts)))
}

// sectionTitle is the bold caption of a part of the page.
func sectionTitle(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

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
	if err := h.loadMoney(year); err != nil {
		h.sh.showError(err)
		return
	}
	if err := h.loadReminders(year); err != nil {
		h.sh.showError(err)
		return
	}
	if err := h.upcoming.load(); err != nil {
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
			h.cards[i].Set(widgets.Figure{Name: key, Value: "—"})
			continue
		}
		p, ok := byKey(prev, key)
		line := ""
		if ok {
			line = fmt.Sprintf(lang.L("%d年 %s"), year-1, figureText(p))
		}
		value, unit := cardValue(f)
		h.cards[i].Set(widgets.Figure{Name: valueLabel(f.Name), Value: value, Unit: unit, Note: line})
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
	planned, err := s.PlannedOfType(ctx, year, assemblyType)
	if err != nil {
		return err
	}
	h.assemblyBtn.SetText(lang.L("本年度尚未召开会员大会"))
	if year != h.sh.now().Year() {
		h.assemblyBtn.SetText(yearText(year) + lang.L("尚未召开会员大会"))
	}
	if planned > 0 {
		h.assemblyBtn.SetText(h.assemblyBtn.Text + lang.L("（已列入计划）"))
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

// cardValue is the number and unit as a card shows them: — when not yet
// known; 6.8 and 亿元 in Chinese, 680 and million yuan in English.
func cardValue(f data.Figure) (value, unit string) {
	if !f.Set {
		_, unit = figureParts(0, f.Unit)
		return "—", unit
	}
	return figureParts(f.Value, f.Unit)
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
	r.box = container.NewBorder(nil, nil, container.New(widgets.FixedWidth(130), r.date), r.info, r.title)
	return r
}

func (r *recentRow) set(a data.ActivityRef) {
	r.date.SetText(data.FormatDateCN(a.Date))
	r.title.SetText(a.Title)
	r.info.SetText(fmt.Sprintf(lang.L("%s　%d人次"), valueLabel(a.Type), a.PersonTimes))
}

// loadMoney shows the year's income, spending and closing balance.
func (h *homeScreen) loadMoney(year int) error {
	b, err := h.sh.store().LedgerBalance(h.sh.ctx(), year)
	if err != nil {
		return err
	}
	h.money.set(fmt.Sprintf(lang.L("%s收支"), yearLabel(year)), b)
	return nil
}

// onMoney opens the 财务 screen on the year shown.
func (h *homeScreen) onMoney() {
	year := h.shownYear()
	if fs, ok := h.sh.navigate("finance").(*financeScreen); ok && fs.year != year {
		fs.showYear(year)
	}
}

// moneyPanel is the dashboard's line of the accounts: the year's income,
// spending and closing balance on a panel that opens 财务 when tapped.
type moneyPanel struct {
	widget.BaseWidget
	onTap                           func()
	title                           *widget.Label
	income, spending, closing, more *widget.Label
	box                             fyne.CanvasObject
}

func newMoneyPanel(onTap func()) *moneyPanel {
	p := &moneyPanel{onTap: onTap, title: sectionTitle("")}
	value := func() *widget.Label {
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Importance = widget.HighImportance
		return l
	}
	p.income, p.spending, p.closing = value(), value(), value()
	p.more = widget.NewLabel(lang.L("查看财务 ›"))
	p.box = widgets.NewPanel(container.NewHBox(p.title,
		widget.NewLabel(lang.L("本年收入")), p.income,
		widget.NewLabel(lang.L("本年支出")), p.spending,
		widget.NewLabel(lang.L("年末余额")), p.closing,
		layout.NewSpacer(), p.more))
	p.ExtendBaseWidget(p)
	return p
}

// set shows b under title.
func (p *moneyPanel) set(title string, b data.LedgerBalance) {
	p.title.SetText(title)
	p.income.SetText(moneyText(b.IncomeFen))
	p.spending.SetText(moneyText(b.SpendingFen))
	p.closing.SetText(moneyText(b.ClosingFen))
	p.closing.Importance = widget.HighImportance
	if b.ClosingFen < 0 {
		p.closing.Importance = widget.DangerImportance
	}
	p.closing.Refresh()
}

// Tapped opens 财务.
func (p *moneyPanel) Tapped(*fyne.PointEvent) {
	if p.onTap != nil {
		p.onTap()
	}
}

// Cursor is the pointing hand: the panel is a button.
func (p *moneyPanel) Cursor() desktop.Cursor { return desktop.PointerCursor }

// CreateRenderer is Fyne's way in.
func (p *moneyPanel) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(p.box) }
