package ui

import (
	"fmt"
	"fyne.io/fyne/v2/lang"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
	"chamberdesk/ui/widgets"
)

// duesScreen (会费) keeps one year's dues: the standard per office, the
// collection sheet of every member of that year, one member's payment, and
// payments of many members at once.
type duesScreen struct {
	sh  shell
	now func() time.Time // the clock; tests fix it

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
	lines    []data.DuesLine // every member of the year
	shown    []int           // indexes into lines that pass the filter and search
	checked  map[int64]bool  // by member id; kept across filters
	selected int64           // member id of the selected row, 0 for none
	filter   *widget.RadioGroup
	search   *widget.Entry
	table    *widget.Table
	company  *companyColumn // widens the company column with the window
	totals   *widgets.WrapLabel
	status   *widget.Label // what the last action did
	picked   *widget.Label // how many rows are checked

	payBtn, bulkBtn, allArrearsBtn, clearBtn *widget.Button

	editor *duesForm     // the open 登记缴费 form, for tests
	bulk   *bulkPaidForm // the open 批量登记已缴 dialog, for tests
}

// Filters of the sheet.
const (
	duesFilterAll     = "全部"
	duesFilterArrears = "欠缴"
	duesFilterPaid    = "已缴清"
)

// Columns of the sheet.
const (
	colCheck = iota
	colName
	colCompany
	colOffice
	colDue
	colPaid
	colDate
	colReceipt
	colState
	duesCols
)

// duesHeaders are the column titles, translated where shown: the table is
// built before the language is chosen.
var duesHeaders = [duesCols]string{"选择", "姓名", "企业名称", "商会职务", "应缴(元)", "实缴(元)", "缴费日期", "收据号", "状态"}

// duesWidths are the column widths, chosen so the whole sheet fits the
// window's default 1100 pixels. The company name column widens with the
// window (companyColumn); longer names are cut with an ellipsis.
var duesWidths = [duesCols]float32{48, 84, 196, 96, 92, 92, 124, 116, 118}

func newDuesScreen(a shell) *duesScreen {
	d := &duesScreen{sh: a, now: time.Now, checked: map[int64]bool{}, stdSaved: map[string]int64{}}
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

	d.filter = widget.NewRadioGroup([]string{duesFilterAll, duesFilterArrears, duesFilterPaid}, func(string) { d.applyFilter() })
	d.filter.Horizontal = true
	d.filter.Required = true
	d.filter.Selected = duesFilterAll
	d.search = widget.NewEntry()
	d.search.SetPlaceHolder(lang.L("按姓名、企业名称或拼音查找"))
	d.search.OnChanged = func(string) { d.applyFilter() }

	d.table = widget.NewTable(d.tableSize, newDuesCell, d.updateCell)
	d.table.ShowHeaderRow = true
	d.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	d.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		if id.Col >= 0 && id.Col < duesCols {
			l.Alignment = columnAlign(id.Col)
			l.SetText(lang.L(duesHeaders[id.Col]))
		}
	}
	for c, w := range duesWidths {
		d.table.SetColumnWidth(c, w)
	}
	d.table.OnSelected = d.onSelect
	d.table.OnUnselected = func(widget.TableCellID) { d.selected = 0; d.updateButtons() }

	d.totals = newLabel("")
	d.status = widget.NewLabel("")
	d.picked = widget.NewLabel("")
	d.payBtn = widget.NewButton(lang.L("登记缴费"), d.onPay)
	d.payBtn.Importance = widget.HighImportance
	d.bulkBtn = widget.NewButton(lang.L("批量登记已缴"), d.onBulkPaid)
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
		grid.Add(container.NewVBox(widget.NewLabelWithStyle(o, fyne.TextAlignCenter, fyne.TextStyle{}), d.stdEntries[i]))
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
	d.company = &companyColumn{table: d.table, last: duesWidths[colCompany]}
	sheet := container.New(d.company, d.table)
	return container.NewPadded(container.NewBorder(top, d.totals, nil, nil, sheet))
}

// companyColumn lays out the sheet and gives the company name column
// whatever width the other columns leave, so a wide window shows whole names.
type companyColumn struct {
	table *widget.Table
	last  float32 // the company column's width now
}

func (c *companyColumn) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	rest := pad + 2*theme.ScrollBarSize() // the vertical scroll bar
	for col, w := range duesWidths {
		if col != colCompany {
			rest += w
		}
		rest += pad
	}
	if w := max(duesWidths[colCompany], size.Width-rest); w != c.last {
		c.last = w
		c.table.SetColumnWidth(colCompany, w)
	}
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (c *companyColumn) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[0].MinSize() }

// refresh reloads the years, the standards and the sheet from the store.
func (d *duesScreen) refresh() {
	if d.sh.store() == nil {
		return
	}
	if d.year == 0 {
		d.year = d.now().Year()
	}
	years, err := d.sh.store().DuesYears(d.sh.ctx())
	if err != nil {
		d.sh.showError(err)
		return
	}
	this := d.now().Year()
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
	y, m, day := d.now().Date()
	return time.Date(y, m, day, 0, 0, 0, 0, time.UTC)
}

// ---- 会费标准 ----

func (d *duesScreen) loadStandards() {
	st, err := d.sh.store().DuesStandards(d.sh.ctx(), d.year)
	if err != nil {
		d.sh.showError(err)
		return
	}
	d.stdSaved = map[string]int64{}
	for _, s := range st {
		d.stdSaved[s.Office] = s.Fen
	}
	for i, o := range data.Offices {
		text := ""
		if fen, ok := d.stdSaved[o]; ok {
			text = data.FormatYuanPlain(fen)
		}
		d.stdEntries[i].SetText(text)
		d.stdEntries[i].SetValidationError(nil)
	}
	d.stdMsg.SetText("")
}

// readStandards parses the entries: the standards to save, or the first
// problem as a sentence naming the office.
func (d *duesScreen) readStandards() ([]data.DuesStandard, error) {
	var out []data.DuesStandard
	for i, o := range data.Offices {
		e := d.stdEntries[i]
		if strings.TrimSpace(e.Text) == "" {
			if _, had := d.stdSaved[o]; had {
				return nil, errString(o + lang.L("：标准不能清空；该职务不收会费请填 0"))
			}
			continue
		}
		fen, err := data.ParseYuan(e.Text)
		if err != nil {
			e.SetValidationError(plain(err))
			return nil, errString(o + "：" + plain(err).Error())
		}
		out = append(out, data.DuesStandard{Year: d.year, Office: o, Fen: fen})
	}
	return out, nil
}

func (d *duesScreen) onSaveStandards() {
	st, err := d.readStandards()
	if err != nil {
		d.stdMsg.Importance = widget.DangerImportance
		d.stdMsg.SetText(err.Error())
		return
	}
	if len(st) == 0 {
		d.stdMsg.Importance = widget.DangerImportance
		d.stdMsg.SetText(lang.L("请至少填写一个职务的会费标准"))
		return
	}
	if err := d.sh.store().SetDuesStandards(d.sh.ctx(), st); err != nil {
		d.sh.showError(err)
		return
	}
	d.loadStandards()
	d.stdMsg.Importance = widget.SuccessImportance
	d.stdMsg.SetText(fmt.Sprintf(lang.L("已保存%d年会费标准"), d.year))
	d.loadSheet()
}

// onCopyStandards fills the empty entries from the year before; nothing is
// saved until 保存标准.
func (d *duesScreen) onCopyStandards() {
	st, err := d.sh.store().DuesStandards(d.sh.ctx(), d.year-1)
	if err != nil {
		d.sh.showError(err)
		return
	}
	if len(st) == 0 {
		d.stdMsg.Importance = widget.DangerImportance
		d.stdMsg.SetText(fmt.Sprintf(lang.L("%d年没有会费标准可沿用"), d.year-1))
		return
	}
	for _, s := range st {
		if i := data.OfficeRank(s.Office); i < len(d.stdEntries) && strings.TrimSpace(d.stdEntries[i].Text) == "" {
			d.stdEntries[i].SetText(data.FormatYuanPlain(s.Fen))
		}
	}
	d.stdMsg.Importance = widget.MediumImportance
	d.stdMsg.SetText(fmt.Sprintf(lang.L("已填入%d年标准，核对后请点“保存标准”"), d.year-1))
}

// ---- 会费收缴表 ----

// loadSheet reads the year's sheet and shows it. 10,000 members load in
// about 60 ms (BenchmarkDuesSheet), under the budget for work done on the
// UI thread, so no progress dialog flashes on every visit.
func (d *duesScreen) loadSheet() {
	lines, err := d.sh.store().DuesSheet(d.sh.ctx(), d.year)
	if err != nil {
		d.sh.showError(err)
		return
	}
	d.lines = lines
	present := make(map[int64]bool, len(lines))
	for _, l := range lines {
		present[l.MemberID] = true
	}
	for id := range d.checked {
		if !present[id] {
			delete(d.checked, id)
		}
	}
	d.applyFilter()
}

// applyFilter recomputes the rows shown from the filter and the search,
// keeping the selected member selected while still shown.
func (d *duesScreen) applyFilter() {
	var match map[int64]bool
	if q := strings.TrimSpace(d.search.Text); q != "" && d.sh.store() != nil {
		found, err := d.sh.store().SearchMembers(d.sh.ctx(), q)
		if err != nil {
			d.sh.showError(err)
			return
		}
		match = make(map[int64]bool, len(found))
		for _, m := range found {
			match[m.ID] = true
		}
	}
	d.shown = d.shown[:0]
	for i := range d.lines {
		l := &d.lines[i]
		switch d.filter.Selected {
		case duesFilterArrears:
			if !l.InArrears() {
				continue
			}
		case duesFilterPaid:
			if duesState(l) != stateSettled {
				continue
			}
		}
		if match != nil && !match[l.MemberID] {
			continue
		}
		d.shown = append(d.shown, i)
	}
	sel := d.selected
	d.table.UnselectAll()
	d.table.Refresh()
	if row := d.rowOf(sel); row >= 0 {
		d.table.Select(widget.TableCellID{Row: row, Col: colName})
	}
	d.updateTotals()
	d.updateButtons()
}

// rowOf is the row showing member id, or -1.
func (d *duesScreen) rowOf(id int64) int {
	if id == 0 {
		return -1
	}
	for r, i := range d.shown {
		if d.lines[i].MemberID == id {
			return r
		}
	}
	return -1
}

func (d *duesScreen) tableSize() (int, int) { return len(d.shown), duesCols }

func newDuesCell() fyne.CanvasObject {
	return container.NewStack(widget.NewCheck("", nil), widget.NewLabel(""))
}

// setCellText shows text in a cell of column col, with an ellipsis only
// when it does not fit: Fyne shapes a truncated label anew on every refresh,
// which made scrolling 10,000 rows stutter when every cell was truncated.
func (d *duesScreen) setCellText(label *widget.Label, col int, text string) {
	w := duesWidths[col]
	if col == colCompany && d.company != nil {
		w = d.company.last
	}
	label.Truncation = fyne.TextTruncateOff
	if fyne.MeasureText(text, theme.TextSize(), label.TextStyle).Width > w-2*theme.InnerPadding() {
		label.Truncation = fyne.TextTruncateEllipsis
	}
	label.SetText(text)
}

func (d *duesScreen) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := o.(*fyne.Container)
	check, label := c.Objects[0].(*widget.Check), c.Objects[1].(*widget.Label)
	if id.Row < 0 || id.Row >= len(d.shown) {
		check.Hide()
		label.Hide()
		return
	}
	l := &d.lines[d.shown[id.Row]]
	if id.Col == colCheck {
		label.Hide()
		check.Show()
		mid := l.MemberID
		check.OnChanged = nil // the template is reused: no callback for the old row
		check.SetChecked(d.checked[mid])
		check.OnChanged = func(on bool) { d.setChecked(mid, on) }
		return
	}
	check.Hide()
	label.Show()
	label.Alignment = columnAlign(id.Col)
	label.Importance = widget.MediumImportance
	text := ""
	switch id.Col {
	case colName:
		text = l.Name
	case colCompany:
		text = l.Company
	case colOffice:
		text = l.Office
	case colDue:
		text = data.FormatYuanPlain(l.DueFen)
	case colPaid:
		text = data.FormatYuanPlain(l.PaidFen)
	case colDate:
		text = data.FormatDateCN(l.PaidDate)
	case colReceipt:
		text = l.ReceiptNo
	case colState:
		st := duesState(l)
		label.Importance = stateImportance[st]
		text = lang.L(st)
		if l.Status != data.StatusActive {
			text += lang.L("（已退会）")
		}
	}
	d.setCellText(label, id.Col, text)
}

func columnAlign(col int) fyne.TextAlign {
	if col == colDue || col == colPaid {
		return fyne.TextAlignTrailing
	}
	return fyne.TextAlignLeading
}

// Payment states of a line, translated where shown.
const (
	stateSettled    = "已缴清"
	statePartial    = "部分缴纳"
	stateUnpaid     = "未缴"
	stateExempt     = "免缴"   // a due of 0 that was set on purpose
	stateNoStandard = "未定标准" // no dues row and no standard for the office
)

var stateImportance = map[string]widget.Importance{
	stateSettled: widget.SuccessImportance, statePartial: widget.WarningImportance,
	stateUnpaid: widget.DangerImportance, stateExempt: widget.MediumImportance, stateNoStandard: widget.LowImportance,
}

func duesState(l *data.DuesLine) string {
	switch {
	case l.Owing() && l.PaidFen == 0:
		return stateUnpaid
	case l.Owing():
		return statePartial
	case l.DueFen > 0:
		return stateSettled
	case l.HasDues || l.HasStandard:
		return stateExempt
	}
	return stateNoStandard
}

// updateTotals sums the rows shown. 欠缴 counts only the arrears list, as
// the home screen does, so a member who left owing shows what they owed but
// is not chased.
func (d *duesScreen) updateTotals() {
	var due, paid, owed int64
	var settled, partial, unpaid int
	for _, i := range d.shown {
		l := &d.lines[i]
		due += l.DueFen
		paid += l.PaidFen
		if l.InArrears() {
			owed += l.DueFen - l.PaidFen
		}
		switch duesState(l) {
		case stateSettled:
			settled++
		case statePartial:
			partial++
		case stateUnpaid:
			unpaid++
		}
	}
	scope := lang.L("本年")
	if len(d.shown) != len(d.lines) {
		scope = lang.L("当前列表")
	}
	d.totals.SetText(fmt.Sprintf(lang.L("%s %d 人：已缴清 %d 人，部分缴纳 %d 人，未缴 %d 人。应缴合计 %s，实缴合计 %s，欠缴合计 %s。"),
		scope, len(d.shown), settled, partial, unpaid,
		data.FormatWanYuan(due), data.FormatWanYuan(paid), data.FormatWanYuan(owed)))
}

func (d *duesScreen) onSelect(id widget.TableCellID) {
	if id.Row < 0 || id.Row >= len(d.shown) {
		d.selected = 0
	} else {
		d.selected = d.lines[d.shown[id.Row]].MemberID
	}
	d.updateButtons()
}

func (d *duesScreen) setChecked(id int64, on bool) {
	if on {
		d.checked[id] = true
	} else {
		delete(d.checked, id)
	}
	d.updateButtons()
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

// onCheckArrears checks every row shown that is on the arrears list.
func (d *duesScreen) onCheckArrears() {
	n := 0
	for _, i := range d.shown {
		if d.lines[i].InArrears() {
			d.checked[d.lines[i].MemberID] = true
			n++
		}
	}
	if n == 0 {
		d.say(lang.L("当前列表中没有欠缴的会员"), widget.WarningImportance)
	}
	d.table.Refresh()
	d.updateButtons()
}

func (d *duesScreen) onClearChecks() {
	d.checked = map[int64]bool{}
	d.table.Refresh()
	d.updateButtons()
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

// onPay opens the 登记缴费 form for the selected member.
func (d *duesScreen) onPay() {
	l, ok := d.line(d.selected)
	if !ok {
		d.say(lang.L("请先在表中选中一名会员"), widget.WarningImportance)
		return
	}
	d.editor = newDuesForm(d, l)
	d.editor.show()
}

// onBulkPaid asks for the date and receipt prefix for the checked members
// who still owe; those already paid are left as they are.
func (d *duesScreen) onBulkPaid() {
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
		return
	}
	d.bulk = newBulkPaidForm(d, owing, skipped)
	d.bulk.show()
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
