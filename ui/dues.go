package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
	"chamberdesk/ui/widgets"
)

// duesScreen (会费) keeps one year's dues: the standard per office, the
// collection sheet of every member of that year, one member's payment, and
// payments of many members at once.
type duesScreen struct {
	sh shell

	year    int   // the year shown; 0 until the first refresh picks this year
	years   []int // the years offered, newest first
	yearSel *widgets.YearSelect
	quiet   bool // set while the screen itself changes the year selector

	// 会费标准
	stdEntries []*widget.Entry  // one per data.Offices
	stdSaved   map[string]int64 // the year's standards as stored
	stdMsg     *widgets.WrapLabel
	stdSave    *widget.Button
	stdCopy    *widget.Button

	// 会费收缴表
	lines    []data.DuesLine      // every member of the year
	shown    []int                // indexes into lines that pass the filter and search
	checked  map[int64]bool       // by member id; kept across filters
	selected int64                // member id of the selected row, 0 for none
	loads    int                  // sheet loads started, so an older one's result is dropped
	loading  bool                 // a sheet load is under way
	filter   *widgets.RadioChoice // 全部, 欠缴 or 已缴清, shown in the window's language
	search   *widget.Entry
	table    *widgets.RecordTable
	totals   *widgets.WrapLabel
	status   *widget.Label // what the last action did
	picked   *widget.Label // how many rows are checked

	payBtn, bulkBtn, allArrearsBtn, clearBtn *widget.Button
}

// Filters of the sheet.
const (
	duesFilterAll     = "全部"
	duesFilterArrears = "欠缴"
	duesFilterPaid    = "已缴清"
)

func newDuesScreen(a shell) *duesScreen {
	d := &duesScreen{sh: a, checked: map[int64]bool{}, stdSaved: map[string]int64{}}
	d.yearSel = widgets.NewYearSelect(func(int) { d.onYear("") })
	for range data.Offices {
		e := widget.NewEntry()
		e.SetPlaceHolder(lang.L("未设置"))
		e.Validator = func(s string) error { _, err := data.ParseYuan(s); return plain(err) }
		e.OnChanged = func(string) { d.stdMsg.SetText("") }
		e.OnSubmitted = func(string) { d.onSaveStandards() }
		d.stdEntries = append(d.stdEntries, e)
	}
	d.stdMsg = newLabel("")
	d.stdSave = widget.NewButton(lang.L("保存标准"), d.onSaveStandards)
	d.stdCopy = widget.NewButton(lang.L("沿用上年标准"), d.onCopyStandards)

	onFilter := func() {} // nothing to filter until the sheet exists
	d.filter = widgets.NewRadioChoice([]string{duesFilterAll, duesFilterArrears, duesFilterPaid},
		func(v string) string { return lang.L(v) }, func(string) { onFilter() })
	d.filter.Horizontal = true
	d.filter.Required = true
	d.filter.SetValue(duesFilterAll)
	onFilter = d.applyFilter
	d.search = widget.NewEntry()
	d.search.SetPlaceHolder(lang.L("按姓名、企业名称或拼音查找"))
	d.search.OnChanged = func(string) { d.applyFilter() }
	d.table = d.newSheetTable()

	d.totals = newLabel("")
	d.status = widget.NewLabel("")
	d.picked = widget.NewLabel("")
	d.payBtn = widget.NewButton(lang.L("登记缴费"), func() { d.onPay() })
	d.payBtn.Importance = widget.HighImportance
	d.bulkBtn = widget.NewButton(lang.L("批量登记已缴"), func() { d.onBulkPaid() })
	d.allArrearsBtn = widget.NewButton(lang.L("全选欠缴"), d.onCheckArrears)
	d.clearBtn = widget.NewButton(lang.L("取消勾选"), d.onClearChecks)
	d.updateButtons()
	return d
}

func (d *duesScreen) content() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("会费"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = "headingText"
	header := container.NewHBox(title, layout.NewSpacer(), container.NewCenter(widget.NewLabel(lang.L("年度"))), d.yearSel)

	grid := container.NewGridWithColumns(len(data.Offices))
	for i, o := range data.Offices {
		office := newLabel(valueLabel(o)) // long English titles wrap rather than overlap
		office.Alignment = fyne.TextAlignCenter
		grid.Add(container.NewBorder(nil, d.stdEntries[i], nil, nil, office))
	}
	stdTitle := widget.NewLabelWithStyle(lang.L("会费标准（元/年）"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	standards := container.NewVBox(
		container.NewHBox(stdTitle, widget.NewLabel(lang.L("尚未登记会费的会员按职务标准计算应缴；已登记的不变。"))),
		grid,
		container.NewBorder(nil, nil, nil, container.NewHBox(d.stdCopy, d.stdSave), d.stdMsg))

	sheetTitle := widget.NewLabelWithStyle(lang.L("会费收缴表"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	tools := container.NewBorder(nil, nil, container.NewHBox(sheetTitle, d.filter), nil, d.search)
	actions := container.NewHBox(d.payBtn, d.bulkBtn, d.allArrearsBtn, d.clearBtn, d.picked, layout.NewSpacer(), d.status)
	top := container.NewVBox(header, standards, widget.NewSeparator(), tools, actions)
	return container.NewPadded(container.NewBorder(top, d.totals, nil, nil, d.table))
}

// refresh reloads the years, the standards and the sheet from the store.
func (d *duesScreen) refresh() {
	if d.sh.store() == nil {
		return
	}
	if d.year == 0 {
		d.year = d.sh.now().Year()
	}
	years, err := d.sh.store().DuesYears(d.sh.ctx())
	if err != nil {
		d.sh.showError(err)
		return
	}
	this := d.sh.now().Year()
	d.quiet = true
	// next year too, so its standard can be set before it starts
	d.years = d.yearSel.SetYears(append(years, this, this+1), d.year)
	d.quiet = false
	d.loadStandards()
	d.loadSheet()
}

func (d *duesScreen) onYear(string) {
	if d.quiet {
		return
	}
	i := d.yearSel.SelectedIndex()
	if i < 0 || i >= len(d.years) || d.years[i] == d.year {
		return
	}
	d.year = d.years[i]
	d.checked = map[int64]bool{}
	d.say("", widget.MediumImportance)
	d.loadStandards()
	d.loadSheet()
}

// today is the current civil date as data.ParseDate returns dates.
func (d *duesScreen) today() time.Time {
	y, m, day := d.sh.now().Date()
	return time.Date(y, m, day, 0, 0, 0, 0, time.UTC)
}

func (d *duesScreen) updateButtons() {
	if d.selected != 0 {
		d.payBtn.Enable()
	} else {
		d.payBtn.Disable()
	}
	if len(d.checked) > 0 {
		d.bulkBtn.Enable()
		d.clearBtn.Enable()
		d.picked.SetText(fmt.Sprintf(lang.L("已勾选 %d 人"), len(d.checked)))
	} else {
		d.bulkBtn.Disable()
		d.clearBtn.Disable()
		d.picked.SetText("")
	}
}

// line is the loaded line of member id.
func (d *duesScreen) line(id int64) (data.DuesLine, bool) {
	for _, l := range d.lines {
		if l.MemberID == id {
			return l, true
		}
	}
	return data.DuesLine{}, false
}

// onPay opens the 登记缴费 form for the selected member and returns it;
// nil when none opened.
func (d *duesScreen) onPay() *duesForm {
	l, ok := d.line(d.selected)
	if !ok {
		d.say(lang.L("请先在表中选中一名会员"), widget.WarningImportance)
		return nil
	}
	f := newDuesForm(d, l)
	f.show()
	return f
}

// onBulkPaid asks for the date and receipt prefix for the checked members
// who still owe, and returns the dialog; those already paid are left as
// they are. It returns nil when nobody checked owes.
func (d *duesScreen) onBulkPaid() *bulkPaidForm {
	var owing []data.DuesLine
	skipped := 0
	for _, l := range d.lines { // sheet order, so receipts follow the table
		if !d.checked[l.MemberID] {
			continue
		}
		if l.Owing() {
			owing = append(owing, l)
		} else {
			skipped++
		}
	}
	if len(owing) == 0 {
		d.say(lang.L("勾选的会员都已缴清，无需登记"), widget.WarningImportance)
		return nil
	}
	b := newBulkPaidForm(d, owing, skipped)
	b.show()
	return b
}

// afterWrite reloads the sheet and says what was done.
func (d *duesScreen) afterWrite(msg string) {
	d.loadSheet()
	d.say(msg, widget.SuccessImportance)
}

// say shows a short note beside the buttons.
func (d *duesScreen) say(msg string, imp widget.Importance) {
	d.status.Importance = imp
	d.status.SetText(msg)
}

// receiptsInUse maps the year's receipt numbers to who holds them.
func (d *duesScreen) receiptsInUse() map[string]string {
	used := map[string]string{}
	for _, l := range d.lines {
		if l.ReceiptNo != "" {
			used[l.ReceiptNo] = l.Name
		}
	}
	return used
}
