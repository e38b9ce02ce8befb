package ui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
	"chamberdesk/ui/widgets"
)

// The journal of the 财务 screen: the year's entries with their running
// balance, filtered by kind, category and source and searched.

// Columns of the journal.
const (
	finDate = iota
	finVoucher
	finNote
	finCategory
	finIncome
	finSpending
	finBalance
	finHandler
	finSource
	finCols
)

// financeHeaders are the column titles, translated where shown.
var financeHeaders = [finCols]string{"日期", "凭证号", "摘要", "科目", "收入", "支出", "余额", "经手人", "来源"}

// financeWidths are the least column widths, so the journal fits the
// window's default 1100 pixels; 摘要 takes what the others leave.
var financeWidths = [finCols]float32{92, 92, 100, 80, 80, 80, 92, 64, 72}

// kindAll is the kind filter's value that lets both kinds through.
const kindAll = "全部"

// entrySource is how the journal names where an entry came from.
func entrySource(src string) string {
	switch src {
	case data.SourceDues:
		return lang.L("会费收缴")
	case data.SourceImport:
		return lang.L("流水账导入")
	case data.SourceManual:
		return lang.L("手工录入")
	}
	return src
}

func (f *financeScreen) newEntryTable() *widgets.RecordTable {
	cols := make([]widgets.Column, finCols)
	for c := range cols {
		cols[c] = widgets.Column{Title: lang.L(financeHeaders[c]), Width: financeWidths[c], Stretch: c == finNote}
		switch c {
		case finIncome, finSpending, finBalance:
			cols[c].Align = fyne.TextAlignTrailing
		case finDate:
			cols[c].Sample = dateText(time.Date(2026, 12, 25, 0, 0, 0, 0, time.UTC))
		case finVoucher:
			cols[c].Sample = "QH2026-088"
		case finSource:
			cols[c].Sample = lang.L("会费收缴")
		}
	}
	t := widgets.NewRecordTable(cols, func() int { return len(f.shown) },
		func(row, col int) string { return f.cellText(f.shown[row], col) })
	t.Importance = func(row, col int) widget.Importance {
		i := f.shown[row]
		switch {
		case col == finIncome:
			return widget.SuccessImportance
		case col == finSpending:
			return widget.DangerImportance
		case col == finBalance && f.running[i] < 0:
			return widget.DangerImportance
		}
		return widget.MediumImportance
	}
	t.OnSelected = func(row int) {
		f.selected = f.entries[f.shown[row]].ID
		f.updateButtons()
	}
	t.OnUnselect = func() { f.selected = 0; f.updateButtons() }
	t.OnDoubleTapped = func(int) { f.onEdit() }
	return t
}

// cellText is what column col shows of entry i.
func (f *financeScreen) cellText(i, col int) string {
	e := &f.entries[i]
	switch col {
	case finDate:
		return dateText(e.Date)
	case finVoucher:
		return e.Voucher
	case finNote:
		return e.Note
	case finCategory:
		return valueLabel(e.Category)
	case finIncome:
		if e.Kind == data.KindIncome {
			return data.FormatYuanPlain(e.Fen)
		}
	case finSpending:
		if e.Kind == data.KindSpending {
			return data.FormatYuanPlain(e.Fen)
		}
	case finBalance:
		return data.FormatYuanPlain(f.running[i])
	case finHandler:
		return e.Handler
	case finSource:
		return entrySource(e.Source)
	}
	return ""
}

// buildFilters makes the kind, category and source filters and the search.
func (f *financeScreen) buildFilters() {
	onFilter := func(string) {} // nothing to filter until the table exists
	f.kindFilter = widgets.NewRadioChoice([]string{kindAll, data.KindIncome, data.KindSpending},
		func(v string) string {
			if v == kindAll {
				return lang.L(kindAll)
			}
			return valueLabel(v)
		}, func(v string) { onFilter(v) })
	f.kindFilter.Horizontal, f.kindFilter.Required = true, true
	f.kindFilter.SetValue(kindAll)
	f.catFilter = filterChoice(lang.L("全部科目"), nil, func(v string) { onFilter(v) })
	f.srcFilter = widgets.NewChoice([]string{"", data.SourceManual, data.SourceImport, data.SourceDues},
		func(v string) string {
			if v == "" {
				return lang.L("全部来源")
			}
			return entrySource(v)
		}, func(v string) { onFilter(v) })
	f.srcFilter.SetSelectedIndex(0)
	f.search = newFormEntry(f.sh)
	f.search.SetPlaceHolder(lang.L("按摘要、凭证号或经手人查找"))
	f.search.OnChanged = func(s string) { onFilter(s) }
	onFilter = func(string) { f.applyFilter() }
}

// fitCategories widens the 科目 column to the longest category name as
// shown, so English names such as Donations received are read whole.
func (f *financeScreen) fitCategories() {
	widest, size := "", 0
	for _, c := range f.cats {
		name := valueLabel(c.Name)
		n := 0
		for _, r := range name {
			n++
			if r > 0x2e80 { // a Chinese character is about two letters wide
				n++
			}
		}
		if n > size {
			widest, size = name, n
		}
	}
	cols := f.table.Columns()
	if cols[finCategory].Sample == widest {
		return
	}
	cols = slices.Clone(cols)
	cols[finCategory].Sample = widest
	f.table.SetColumns(cols)
}

// updateFilterChoices offers the categories configured and any an entry of
// the year carries, keeping the one chosen.
func (f *financeScreen) updateFilterChoices() {
	var names []string
	for _, c := range f.cats {
		names = append(names, c.Name)
	}
	for _, e := range f.entries {
		names = append(names, e.Category)
	}
	seen := map[string]bool{}
	names = slices.DeleteFunc(names, func(n string) bool {
		if seen[n] {
			return true
		}
		seen[n] = true
		return false
	})
	f.catFilter.SetValues(append([]string{""}, names...))
	if f.catFilter.SelectedIndex() < 0 {
		f.catFilter.SetSelectedIndex(0)
	}
}

// matches reports whether entry e passes the filters and the search q.
func (f *financeScreen) matches(e *data.LedgerEntry, q string) bool {
	if k := f.kindFilter.Value(); k != kindAll && k != "" && e.Kind != k {
		return false
	}
	if c := f.catFilter.Value(); c != "" && e.Category != c {
		return false
	}
	if s := f.srcFilter.Value(); s != "" && e.Source != s {
		return false
	}
	if q == "" {
		return true
	}
	for _, s := range []string{e.Note, e.Voucher, e.Handler} {
		if strings.Contains(strings.ToLower(s), q) {
			return true
		}
	}
	return false
}

// applyFilter recomputes the rows shown, keeping the selected entry
// selected while it is still shown.
func (f *financeScreen) applyFilter() {
	if f.table == nil {
		return
	}
	q := strings.ToLower(strings.TrimSpace(f.search.Text))
	f.shown = f.shown[:0]
	for i := range f.entries {
		if f.matches(&f.entries[i], q) {
			f.shown = append(f.shown, i)
		}
	}
	sel := f.selected
	f.table.UnselectAll()
	f.table.Refresh()
	f.selected = 0
	for r, i := range f.shown {
		if f.entries[i].ID == sel && sel != 0 {
			f.table.Select(r)
			break
		}
	}
	f.updateTotals()
	f.updateButtons()
}

// updateTotals sums the rows shown.
func (f *financeScreen) updateTotals() {
	var in, out int64
	for _, i := range f.shown {
		if e := f.entries[i]; e.Kind == data.KindIncome {
			in += e.Fen
		} else {
			out += e.Fen
		}
	}
	text := fmt.Sprintf(lang.L("本年 %d 笔：收入 %s，支出 %s。"), len(f.shown), moneyText(in), moneyText(out))
	if len(f.shown) != len(f.entries) {
		text = fmt.Sprintf(lang.L("当前列表 %d 笔：收入 %s，支出 %s。"), len(f.shown), moneyText(in), moneyText(out))
	}
	if len(f.entries) == 0 {
		text = fmt.Sprintf(lang.L("%s还没有收支记录。点「记一笔」登记收入或支出；会费收缴会自动记入。"), yearLabel(f.year))
	}
	f.totals.SetText(text)
}

// rowOf is the row showing entry id, or -1.
func (f *financeScreen) rowOf(id int64) int {
	for r, i := range f.shown {
		if f.entries[i].ID == id {
			return r
		}
	}
	return -1
}
