package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
	"chamberdesk/ui/widgets"
)

// 会费收缴表: every member of the year shown, filtered and searched, with
// check boxes for marking many paid at once.

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

// duesWidths are the least column widths, chosen so the whole sheet fits
// the window's default 1100 pixels. The company name column takes what the
// others leave; longer names are cut with an ellipsis.
var duesWidths = [duesCols]float32{48, 84, 196, 96, 92, 92, 124, 116, 118}

// newSheetTable is the sheet's table: a check box, then the line's text.
func (d *duesScreen) newSheetTable() *widgets.RecordTable {
	cols := make([]widgets.Column, duesCols)
	for c := range cols {
		cols[c] = widgets.Column{Title: lang.L(duesHeaders[c]), Width: duesWidths[c], Stretch: c == colCompany,
			Check: c == colCheck}
		if c == colDue || c == colPaid {
			cols[c].Align = fyne.TextAlignTrailing
		}
		if c == colDate {
			cols[c].Sample = "2026年12月25日" // the widest date, shown whole
		}
	}
	t := widgets.NewRecordTable(cols, func() int { return len(d.shown) },
		func(row, col int) string { return duesCellText(&d.lines[d.shown[row]], col) })
	t.Importance = func(row, col int) widget.Importance {
		if col == colState {
			return stateImportance[duesState(&d.lines[d.shown[row]])]
		}
		return widget.MediumImportance
	}
	t.Checked = func(row int) bool { return d.checked[d.lines[d.shown[row]].MemberID] }
	t.OnChecked = func(row int, on bool) { d.setChecked(d.lines[d.shown[row]].MemberID, on) }
	t.OnSelected = func(row int) {
		d.selected = d.lines[d.shown[row]].MemberID
		d.updateButtons()
	}
	t.OnUnselect = func() { d.selected = 0; d.updateButtons() }
	t.OnDoubleTapped = func(int) { d.onPay() }
	return t
}

// duesCellText is what column col shows of l.
func duesCellText(l *data.DuesLine, col int) string {
	switch col {
	case colName:
		return l.Name
	case colCompany:
		return l.Company
	case colOffice:
		return valueLabel(l.Office)
	case colDue:
		return data.FormatYuanPlain(l.DueFen)
	case colPaid:
		return data.FormatYuanPlain(l.PaidFen)
	case colDate:
		return data.FormatDateCN(l.PaidDate)
	case colReceipt:
		return l.ReceiptNo
	case colState:
		text := lang.L(duesState(l))
		if l.Status != data.StatusActive {
			text += lang.L("（已退会）")
		}
		return text
	}
	return ""
}

// loadSheet reads the year's sheet off the UI thread (10,000 members take
// 70–110 ms) and shows it; the totals say it is loading meanwhile. A load
// started later wins over one still under way.
func (d *duesScreen) loadSheet() {
	st, ctx, year := d.sh.store(), d.sh.ctx(), d.year
	d.loads++
	n := d.loads
	d.loading = true
	d.totals.SetText(fmt.Sprintf(lang.L("正在读取%d年会费收缴表…"), year))
	d.sh.inBackground(func() {
		lines, err := st.DuesSheet(ctx, year)
		fyne.Do(func() {
			if n != d.loads || d.sh.store() != st {
				return // a newer load is under way, or another file is open
			}
			d.loading = false
			if err != nil {
				d.sh.showError(err)
				return
			}
			d.showSheet(lines)
		})
	})
}

// showSheet shows lines, the year's sheet as just read; checks of members
// no longer on it are dropped.
func (d *duesScreen) showSheet(lines []data.DuesLine) {
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
		switch d.filter.Value() {
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
		d.table.Select(row)
	}
	if !d.loading {
		d.updateTotals()
	}
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

func (d *duesScreen) setChecked(id int64, on bool) {
	if on {
		d.checked[id] = true
	} else {
		delete(d.checked, id)
	}
	d.updateButtons()
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
