package ui

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
	"chamberdesk/ui/widgets"
)

// financeScreen (财务) keeps one year's accounts: the balance as four cards,
// whether the year is closed, and the journal of income and spending with
// its running balance, filtered and searched. Entries are added and changed
// in a form; dues payments show here but are changed on the 会费 screen.
type financeScreen struct {
	sh shell

	year    int   // the year shown; 0 until the first refresh picks this year
	years   []int // the years offered, newest first
	yearSel *widgets.YearSelect

	bal      data.LedgerBalance
	entries  []data.LedgerEntry // the year's, by date then as entered
	running  []int64            // the balance after each of entries
	cats     []data.LedgerCategory
	shown    []int // indexes into entries that pass the filters
	selected int64 // id of the selected entry, 0 for none
	loads    int   // loads started, so an older one's result is dropped
	loading  bool

	cards   [4]*widgets.FigureCard // 年初余额, 本年收入, 本年支出, 年末余额
	state   *widgets.WrapLabel     // 已结账 (date) and why nothing can change, or 未结账
	warning *widgets.WrapLabel     // the opening differs from last year's closing

	kindFilter *widgets.RadioChoice
	catFilter  *widgets.Choice
	srcFilter  *widgets.Choice
	search     *formEntry
	table      *widgets.RecordTable
	totals     *widgets.WrapLabel
	status     *widgets.WrapLabel // what the last action did

	addBtn, editBtn, delBtn, catsBtn *widget.Button
	openingBtn, closeBtn             *widget.Button
	importBtn, exportBtn             *widget.Button // financeimport.go
}

// Card order.
const (
	cardOpening = iota
	cardIncome
	cardSpending
	cardClosing
)

func newFinanceScreen(a shell) *financeScreen {
	f := &financeScreen{sh: a}
	f.yearSel = widgets.NewYearSelect(f.onYear)
	for i := range f.cards {
		f.cards[i] = widgets.NewFigureCard(func() { f.onCard(i) })
	}
	f.state = newLabel("")
	f.warning = newLabel("")
	f.warning.Importance = widget.WarningImportance
	f.buildFilters()
	f.table = f.newEntryTable()
	f.totals = newLabel("")
	f.status = newLabel("")
	f.status.Alignment = fyne.TextAlignTrailing

	f.addBtn = widget.NewButtonWithIcon(lang.L("记一笔"), theme.ContentAddIcon(), func() { f.onAdd() })
	f.addBtn.Importance = widget.HighImportance
	f.editBtn = widget.NewButtonWithIcon(lang.L("编辑"), theme.DocumentCreateIcon(), func() { f.onEdit() })
	f.delBtn = widget.NewButtonWithIcon(lang.L("删除"), theme.DeleteIcon(), f.onDelete)
	f.catsBtn = widget.NewButton(lang.L("科目…"), func() { f.onCategories() })
	f.openingBtn = widget.NewButton(lang.L("设置年初余额…"), func() { f.onOpening() })
	f.closeBtn = widget.NewButton(lang.L("结账…"), f.onCloseOrReopen)
	a.bindShortcut("finance", "new", func() { f.onAdd() })
	a.bindShortcut("finance", "search", func() { a.window().Canvas().Focus(f.search) })
	f.updateButtons()
	return f
}

func (f *financeScreen) content() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("财务"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	header := container.NewHBox(title, layout.NewSpacer(), container.NewCenter(widget.NewLabel(lang.L("年度"))),
		f.yearSel, f.openingBtn, f.closeBtn)
	cards := container.NewGridWithColumns(len(f.cards))
	for _, c := range f.cards {
		cards.Add(c)
	}
	// Lines whose text changes sit where their width is fixed by the
	// layout, so a longer message never runs over its neighbours.
	notes := container.NewGridWithColumns(2, f.state, f.warning)
	filters := container.NewBorder(nil, nil, container.NewHBox(f.kindFilter, f.catFilter, f.srcFilter), nil, f.search)
	actions := container.NewBorder(nil, nil, container.NewHBox(f.addBtn, f.editBtn, f.delBtn, f.catsBtn),
		container.NewHBox(f.fileButtons()...))
	top := container.NewVBox(header, cards, notes, widget.NewSeparator(), filters, actions)
	bottom := container.NewBorder(nil, nil, nil, container.New(widgets.FixedWidth(280), f.status), f.totals)
	return container.NewPadded(container.NewBorder(top, bottom, nil, nil, f.table))
}

// refresh reloads the year shown from the store.
func (f *financeScreen) refresh() {
	if f.sh.store() == nil {
		return
	}
	if f.year == 0 {
		f.year = f.sh.now().Year()
	}
	f.load()
}

// onYear shows the year a person picked.
func (f *financeScreen) onYear(year int) {
	if year == 0 || year == f.year {
		return
	}
	f.year = year
	f.selected = 0
	f.say("", widget.MediumImportance)
	f.load()
}

// showYear switches to year and reloads.
func (f *financeScreen) showYear(year int) {
	f.year = year
	f.selected = 0
	f.load()
}

// ledgerLoad is what one load reads off the UI thread.
type ledgerLoad struct {
	years   []int
	bal     data.LedgerBalance
	entries []data.LedgerEntry
	cats    []data.LedgerCategory
}

// load reads the year's balance, entries and the categories off the UI
// thread and shows them; a load started later wins over one under way.
func (f *financeScreen) load() {
	st, ctx, year := f.sh.store(), f.sh.ctx(), f.year
	f.loads++
	n := f.loads
	f.loading = true
	f.totals.SetText(fmt.Sprintf(lang.L("正在读取%d年收支…"), year))
	f.updateButtons()
	f.sh.inBackground(func() {
		var l ledgerLoad
		var err error
		if l.years, err = st.LedgerYears(ctx); err == nil {
			if l.bal, err = st.LedgerBalance(ctx, year); err == nil {
				if l.entries, err = st.LedgerEntries(ctx, year); err == nil {
					l.cats, err = st.LedgerCategories(ctx)
				}
			}
		}
		fyne.Do(func() {
			if n != f.loads || f.sh.store() != st {
				return // a newer load is under way, or another file is open
			}
			f.loading = false
			if err != nil {
				f.sh.showError(err)
				return
			}
			f.show(l)
		})
	})
}

// show puts a finished load on the screen.
func (f *financeScreen) show(l ledgerLoad) {
	this := f.sh.now().Year()
	f.years = f.yearSel.SetYears(append(l.years, this), f.year)
	f.bal, f.entries, f.cats = l.bal, l.entries, l.cats
	f.running = make([]int64, len(l.entries))
	sum := l.bal.OpeningFen
	for i, e := range l.entries {
		sum += e.Signed()
		f.running[i] = sum
	}
	f.showBalance()
	f.fitCategories()
	f.updateFilterChoices()
	f.applyFilter()
}

// showBalance fills the cards and the lines under them.
func (f *financeScreen) showBalance() {
	b := f.bal
	opening := lang.L("结转上年年末余额")
	if b.OpeningSet {
		opening = lang.L("手工设定")
	}
	income, spending := 0, 0
	for _, c := range b.ByCategory {
		if c.Kind == data.KindIncome {
			income += c.Count
		} else {
			spending += c.Count
		}
	}
	f.setCard(cardOpening, lang.L("年初余额"), b.OpeningFen, opening)
	f.setCard(cardIncome, lang.L("本年收入"), b.IncomeFen, fmt.Sprintf(lang.L("%d 笔"), income))
	f.setCard(cardSpending, lang.L("本年支出"), b.SpendingFen, fmt.Sprintf(lang.L("%d 笔"), spending))
	f.setCard(cardClosing, lang.L("年末余额"), b.ClosingFen, lang.L("年初余额＋收入－支出"))
	if b.Closed {
		f.state.Importance = widget.SuccessImportance
		f.state.SetText(fmt.Sprintf(lang.L("%s已结账（%s），不能增改删；如需修改请先反结账。"),
			yearLabel(b.Year), closedDate(b.ClosedAt)))
	} else {
		f.state.Importance = widget.MediumImportance
		f.state.SetText(fmt.Sprintf(lang.L("%s未结账"), yearLabel(b.Year)))
	}
	// The lines stay in place when empty, so nothing moves under them.
	f.warning.SetText("")
	if b.OpeningMismatch() {
		f.warning.SetText(fmt.Sprintf(lang.L("注意：年初余额 %s 与上年年末余额 %s 不一致，相差 %s。"),
			moneyText(b.OpeningFen), moneyText(b.CarriedFen), moneyText(b.OpeningFen-b.CarriedFen)))
	}
	f.closeBtn.SetText(lang.L("结账…"))
	if b.Closed {
		f.closeBtn.SetText(lang.L("反结账…"))
	}
}

func (f *financeScreen) setCard(i int, name string, fen int64, note string) {
	value, unit := moneyParts(fen)
	f.cards[i].Set(widgets.Figure{Name: name, Value: value, Unit: unit, Note: note})
}

// onCard filters the list by what the card sums.
func (f *financeScreen) onCard(i int) {
	switch i {
	case cardIncome:
		f.kindFilter.SetValue(data.KindIncome)
	case cardSpending:
		f.kindFilter.SetValue(data.KindSpending)
	default:
		f.kindFilter.SetValue(kindAll)
	}
}

// closedDate is the day a year was closed, from the stored time stamp.
func closedDate(at string) string {
	t, err := time.Parse(time.RFC3339, at)
	if err != nil {
		return at
	}
	return dateText(t.Local())
}

// moneyText is an amount as the screen's sentences write it: 12.5万元 in
// Chinese, 125,000 yuan to the fen in English.
func moneyText(fen int64) string {
	v, u := moneyParts(fen)
	if english() {
		return v + " " + u
	}
	return v + u
}

// moneyParts is an amount's number and unit, as a card shows them.
func moneyParts(fen int64) (value, unit string) {
	if english() {
		return groupThousands(data.FormatYuanPlain(fen)), "yuan"
	}
	s := data.FormatWanYuan(fen)
	i := strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) })
	if i < 0 {
		return s, ""
	}
	return s[:i], s[i:]
}

// editable reports whether the year shown takes changes.
func (f *financeScreen) editable() bool { return !f.loading && !f.bal.Closed && f.sh.store() != nil }

func (f *financeScreen) updateButtons() {
	open := f.editable()
	e, ok := f.current()
	enable(f.addBtn, open)
	enable(f.editBtn, ok && (open || e.Source == data.SourceDues))
	enable(f.delBtn, ok && open && e.Source != data.SourceDues)
	enable(f.openingBtn, open)
	enable(f.closeBtn, !f.loading && f.sh.store() != nil)
}

func enable(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// current is the selected entry while it is listed.
func (f *financeScreen) current() (data.LedgerEntry, bool) {
	for _, i := range f.shown {
		if f.entries[i].ID == f.selected && f.selected != 0 {
			return f.entries[i], true
		}
	}
	return data.LedgerEntry{}, false
}

// say shows a short note beside the buttons.
func (f *financeScreen) say(msg string, imp widget.Importance) {
	f.status.Importance = imp
	f.status.SetText(msg)
}

// afterWrite reloads the year and says what was done.
func (f *financeScreen) afterWrite(msg string) {
	f.load()
	f.say(msg, widget.SuccessImportance)
	f.sh.refreshScreen("home")
}

// onAdd opens the form for a new entry; nil when none opened.
func (f *financeScreen) onAdd() *financeForm {
	if !f.editable() || f.busy() {
		return nil
	}
	date := f.today()
	if date.Year() != f.year {
		date = time.Date(f.year, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	form := newFinanceForm(f, data.LedgerEntry{Date: date, Kind: data.KindIncome})
	form.show()
	return form
}

// onEdit opens the selected entry: a form, or for a dues payment a note
// pointing to the 会费 screen. nil when no form opened.
func (f *financeScreen) onEdit() *financeForm {
	e, ok := f.current()
	if !ok || f.busy() {
		return nil
	}
	if e.Source == data.SourceDues {
		f.showDuesNote(e)
		return nil
	}
	if !f.editable() {
		return nil
	}
	fresh, err := f.sh.store().LedgerEntry(f.sh.ctx(), e.ID)
	if err != nil {
		f.sh.showError(err)
		return nil
	}
	form := newFinanceForm(f, fresh)
	form.show()
	return form
}

// busy reports whether a dialog is open over the window.
func (f *financeScreen) busy() bool { return f.sh.window().Canvas().Overlays().Top() != nil }

// today is the current civil date as data.ParseDate returns dates.
func (f *financeScreen) today() time.Time {
	y, m, d := f.sh.now().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
