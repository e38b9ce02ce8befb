package journal

import (
	"regexp"

	"chamberdesk/data"
	"chamberdesk/report/workbook"
)

// Columns recognized besides the fields of data.JournalRow: a date split
// into 年 / 月 / 日 columns, and 序号, recognized so it is not called
// unknown.
const (
	colYear  = "year"
	colMonth = "month"
	colDay   = "day"
	colSeq   = "seq"
	// colVoucherKind is the 字 of a voucher split into 字 and 号 (记, 收,
	// 付): written before the number.
	colVoucherKind = "voucher_kind"
)

// headerNames maps a header, tidied by workbook.HeaderKey, to a field key. When two
// columns of one sheet mean the same field (摘要 and 备注), the one listed
// earlier for that field wins; the order within each line is that priority.
var headerNames = [][]string{
	{data.JColDate, "日期", "记账日期", "发生日期", "业务日期", "凭证日期", "收支日期"},
	{data.JColVoucher, "凭证号", "凭证编号", "凭证字号", "凭证号码", "单据号", "单据编号", "收据号", "票据号", "凭证", "号", "凭证号数"},
	{data.JColNote, "摘要", "内容", "事由", "说明", "摘要说明", "收支内容", "备注"},
	{data.JColIncome, "收入", "收入金额", "借方", "借方金额", "收入额", "收款金额"},
	{data.JColSpending, "支出", "支出金额", "贷方", "贷方金额", "支出额", "付款金额"},
	{data.JColAmount, "金额", "发生额", "发生金额", "收支金额"},
	{data.JColDirection, "收支", "收/支", "收支类型", "收支方向", "类型", "方向", "借/贷", "借贷", "借贷方向"},
	{data.JColBalance, "余额", "结余", "结存", "余额金额", "结余金额", "账面余额"},
	{data.JColCategory, "科目", "收支科目", "类别", "分类", "收支类别", "会计科目", "收支项目", "项目"},
	{data.JColHandler, "经手人", "经办人", "经手", "报销人"},
	{colYear, "年", "年份"},
	{colMonth, "月", "月份"},
	{colDay, "日"},
	{colVoucherKind, "字", "凭证字"},
	{colSeq, "序号"},
}

type headerMatch struct {
	key  string
	rank int
}

var headerIndex = func() map[string]headerMatch {
	m := map[string]headerMatch{}
	for _, line := range headerNames {
		for i, n := range line[1:] {
			m[n] = headerMatch{line[0], i}
		}
	}
	return m
}()

// header is a detected header: one row, or two when the second names the
// 月 and 日 under a merged 日期 or year cell.
type header struct {
	first, row int               // 1-based; row is the last header row
	cols       map[string]int    // field key -> 0-based column
	letters    map[string]string // field key -> column letter
	unknown    []string          // "F「籍贯」"
	score      int
	// year is the year a title row, a header cell or the sheet's name
	// gives ("2025年现金日记账"), for dates written without one; yearFrom
	// is that text.
	year, yearFrom string
}

// matchHeader scores one row as a header: the number of distinct fields it
// names, a 月 + 日 pair counting as the date.
func matchHeader(row int, cells []string) header {
	h := header{first: row, row: row, cols: map[string]int{}, letters: map[string]string{}}
	best := map[string]int{}
	for i, c := range cells {
		k := workbook.HeaderKey(c)
		if k == "" {
			continue
		}
		hm, ok := headerIndex[k]
		if !ok && yearCellRE.MatchString(k) {
			continue // "2025年" over the 月 and 日 columns: the title's year
		}
		if !ok {
			h.unknown = append(h.unknown, colName(i)+"「"+clip(data.NormalizeText(c))+"」")
			continue
		}
		if r, dup := best[hm.key]; dup && r <= hm.rank {
			h.unknown = append(h.unknown, colName(i)+"「"+clip(data.NormalizeText(c))+"」(与前面的列重复，未导入 / a second column of the same field, not imported)")
			continue
		}
		best[hm.key] = hm.rank
		h.cols[hm.key] = i
	}
	h.finish()
	return h
}

func (h *header) finish() {
	h.letters, h.score = map[string]string{}, 0
	for k, i := range h.cols {
		h.letters[k] = colName(i)
		switch k {
		case colSeq, colYear, colMonth, colVoucherKind:
		case colDay:
			if _, ok := h.cols[data.JColDate]; !ok {
				if _, ok := h.cols[colMonth]; ok {
					h.score++
				}
			}
		default:
			h.score++
		}
	}
}

// withNext adds to h the header words of the row below, when that row holds
// nothing but header words: 月 日 under a merged 日期 (or under the year),
// 字 号 under a merged 凭证. The lower row's words are the more precise
// and win; 月 and 日 replace a 日期 above them.
func (h header) withNext(cells []string) (header, bool) {
	if len(h.cols) < 2 {
		return h, false // a title above the header, not the header's top half
	}
	next := matchHeader(h.row+1, cells)
	if len(next.unknown) > 0 || len(next.cols) < 2 {
		return h, false
	}
	merged := header{first: h.first, row: h.row + 1, cols: map[string]int{}, unknown: h.unknown}
	for k, i := range h.cols {
		merged.cols[k] = i
	}
	changed := false
	for k, i := range next.cols {
		if j, had := merged.cols[k]; !had || j != i {
			merged.cols[k], changed = i, true
		}
	}
	_, m := next.cols[colMonth]
	_, d := next.cols[colDay]
	if m && d {
		delete(merged.cols, data.JColDate)
	}
	merged.finish()
	return merged, changed && merged.Usable() && merged.score >= h.score
}

// usable reports whether h looks like a journal header: a date (or 月 and
// 日), an amount (收入, 支出 or 金额) and at least one more field.
func (h header) Usable() bool {
	_, date := h.cols[data.JColDate]
	if !date {
		_, m := h.cols[colMonth]
		_, d := h.cols[colDay]
		date = m && d
	}
	money := false
	for _, k := range []string{data.JColIncome, data.JColSpending, data.JColAmount} {
		if _, ok := h.cols[k]; ok {
			money = true
		}
	}
	return date && money && h.score >= 3
}

// splitDate reports whether the date comes from 月 and 日 columns.
func (h header) splitDate() bool {
	_, date := h.cols[data.JColDate]
	return !date && h.cols != nil && h.letters[colMonth] != "" && h.letters[colDay] != ""
}

// yearCellRE is a header cell holding only a year.
var yearCellRE = regexp.MustCompile(`^(?:19|20)\d{2}年度?$`)

// yearRE finds the year a title names: "2025年现金日记账", "2025 年度".
var yearRE = regexp.MustCompile(`((?:19|20)\d{2}) ?年`)

// titleYear is the first year named in s, or "".
func titleYear(s string) string {
	if m := yearRE.FindStringSubmatch(data.NormalizeText(s)); m != nil {
		return m[1]
	}
	return ""
}

// colName is the Excel column letter of the 0-based column i.
func colName(i int) string {
	var b []byte
	for i++; i > 0; i = (i - 1) / 26 {
		b = append([]byte{byte('A' + (i-1)%26)}, b...)
	}
	return string(b)
}

func clip(s string) string {
	r := []rune(s)
	if len(r) > 20 {
		return string(r[:20]) + "…"
	}
	return s
}
