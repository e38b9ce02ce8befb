package journal

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"chamberdesk/data"
)

// Rows that are not entries, by the words their 摘要 (or first cell)
// begins with. An opening row carries a balance into the journal; the
// others are totals and page or period ends.
var (
	openingMarks = []string{"上年结转", "上年结余", "上期结转", "上期结余", "上月结转", "上月结余", "期初余额",
		"期初结存", "年初余额", "承前页", "承上页", "接上页", "上页转来"}
	totalMarks = []string{"本月合计", "本月累计", "本月小计", "本年累计", "本年合计", "本期合计", "本期累计",
		"本季合计", "本季累计", "过次页", "转次页", "转下页", "结转下年", "结转下月", "转下年",
		"期末余额", "期末结存", "月末余额", "年末余额", "本月余额", "合计", "小计", "总计", "累计"}
	// signRE finds the signature line under a journal: 会计：… 出纳：…
	signRE = regexp.MustCompile(`(会计|出纳|制表|审核|记账|主管|负责人|复核|审批)(人)? ?[:：]`)
	// shortDateRE is a date without its year: 3月5日, 3-5, 03/05.
	shortDateRE = regexp.MustCompile(`^(\d{1,2}) ?[月/-] ?(\d{1,2}) ?[日号]?$`)
)

// fieldCol is one data field and its 0-based column.
type fieldCol struct {
	key   string
	i     int
	money bool
}

// rowReader turns the sheet's rows below the header into JournalRows.
type rowReader struct {
	name     string
	where    map[string]string // shared by every row
	fields   []fieldCol
	note     int // the 摘要 column, or -1
	vkind    int // the 字 column of a voucher in 字 and 号, or -1
	split    bool
	y, m, d  int    // the 年 (or -1), 月 and 日 columns of a split date
	year     string // for dates without a year; "" when none is known
	yearFrom string // where year came from, for the note
	used     int    // rows whose date took year
	// carried from the rows above: journals write the month (and year) of
	// a split date only when it changes.
	lastYear, lastMonth string
}

func newRowReader(name string, h header, optYear int) (*rowReader, error) {
	rr := &rowReader{name: name, where: map[string]string{}, note: -1, vkind: -1, y: -1,
		year: h.year, yearFrom: "「" + h.yearFrom + "」"}
	if y := yearText(optYear); y != "" {
		rr.year, rr.yearFrom = y, "选项 / the option"
	}
	for k, i := range h.cols {
		switch k {
		case colVoucherKind:
			rr.vkind = i
			continue
		case colSeq, colYear, colMonth, colDay:
			continue
		case data.JColNote:
			rr.note = i
		}
		rr.where[k] = colName(i)
		money := k == data.JColIncome || k == data.JColSpending || k == data.JColAmount || k == data.JColBalance
		rr.fields = append(rr.fields, fieldCol{key: k, i: i, money: money})
	}
	if !h.splitDate() {
		return rr, nil
	}
	rr.split, rr.m, rr.d = true, h.cols[colMonth], h.cols[colDay]
	from := h.letters[colMonth]
	if i, ok := h.cols[colYear]; ok {
		rr.y, from = i, h.letters[colYear]
	} else if rr.year == "" {
		return nil, fail(name, CodeNoYear,
			"日期分在 月、日 两列，但标题、表头和工作表名中都没有年份；请在标题中写明（如「2025年现金日记账」）或加一列 年",
			"the date is split into month and day columns, but no title, header or sheet name gives the year; write it in the title (e.g. 2025年现金日记账) or add a year column",
			"split month/day date and no year anywhere")
	}
	rr.where[data.JColDate] = from + ":" + h.letters[colDay]
	return rr, nil
}

// yearNote says where the year of dates written without one came from.
func (rr *rowReader) yearNote() string {
	if rr.used == 0 {
		return ""
	}
	return fmt.Sprintf("%d 行日期没写年份，按 %s 年读（取自%s）/ %d dates without a year are read as in %s (taken from %s)",
		rr.used, rr.year, rr.yearFrom, rr.used, rr.year, rr.yearFrom)
}

// row turns sheet row n into a JournalRow; blank rows give false.
func (rr *rowReader) row(n int, vals []string) (data.JournalRow, bool) {
	first := ""
	for _, v := range vals {
		if strings.TrimSpace(v) != "" {
			first = v
			break
		}
	}
	if first == "" {
		return data.JournalRow{}, false
	}
	get := func(i int) string {
		if i >= 0 && i < len(vals) {
			return vals[i]
		}
		return ""
	}
	r := data.JournalRow{File: rr.name, Row: n, Cols: make(map[string]string, len(rr.fields)+1), Where: rr.where}
	for _, f := range rr.fields {
		v := get(f.i)
		if strings.TrimSpace(v) == "" {
			continue
		}
		if f.money {
			v = tidyNumber(strings.TrimSpace(v))
		}
		r.Cols[f.key] = v
	}
	if k := strings.TrimSpace(get(rr.vkind)); k != "" {
		r.Cols[data.JColVoucher] = k + strings.TrimSpace(r.Cols[data.JColVoucher])
	}
	if rr.split {
		if d := rr.splitDate(get(rr.y), get(rr.m), get(rr.d)); d != "" {
			r.Cols[data.JColDate] = d
		}
	} else if d := r.Cols[data.JColDate]; d != "" && rr.year != "" {
		if m := shortDateRE.FindStringSubmatch(data.NormalizeText(d)); m != nil {
			r.Cols[data.JColDate] = rr.year + "年" + m[1] + "月" + m[2] + "日"
			rr.used++
		}
	}
	r.Skip, r.Opening = classify(get(rr.note), first)
	if r.Skip == "" && !hasMoney(r.Cols) {
		for _, v := range vals {
			if signRE.MatchString(data.NormalizeText(v)) {
				r.Skip = "签名行，不导入 / signature line, not imported"
				break
			}
		}
	}
	return r, true
}

// classify says whether a row is an opening or total row, by the start of
// its 摘要 or of its first cell.
func classify(texts ...string) (string, bool) {
	for _, t := range texts {
		t = strings.ReplaceAll(data.NormalizeText(t), " ", "")
		if t == "" {
			continue
		}
		for _, m := range openingMarks {
			if strings.HasPrefix(t, m) {
				return m + "：期初余额，只用来核对余额，不导入 / opening balance, used to check the balances, not imported", true
			}
		}
		for _, m := range totalMarks {
			if strings.HasPrefix(t, m) {
				return m + "：合计行，不导入 / total row, not imported", false
			}
		}
	}
	return "", false
}

// hasMoney reports whether a money cell of the row holds a digit: a
// signature line may run across the amount columns ("出纳：张三"), an entry
// has a number there.
func hasMoney(cols map[string]string) bool {
	for _, k := range []string{data.JColIncome, data.JColSpending, data.JColAmount, data.JColBalance} {
		if strings.ContainsAny(data.NormalizeText(cols[k]), "0123456789") {
			return true
		}
	}
	return false
}

// splitDate writes the date of 年 / 月 / 日 cells as "2025年3月5日", with
// the year and month of the rows above when the cells are blank. A blank
// day gives "" (no date).
func (rr *rowReader) splitDate(y, m, d string) string {
	y, m, d = datePart(y), datePart(m), datePart(d)
	switch {
	case y != "":
		rr.lastYear = y
	case rr.lastYear != "":
		y = rr.lastYear
	default:
		y = rr.year
		if d != "" && rr.y < 0 {
			rr.used++
		}
	}
	if m != "" {
		rr.lastMonth = m
	} else {
		m = rr.lastMonth
	}
	if d == "" {
		return ""
	}
	return y + "年" + m + "月" + d + "日"
}

// datePart tidies a 年, 月 or 日 cell: "3", "03", "3月", "2025年".
func datePart(s string) string {
	s = strings.ReplaceAll(data.NormalizeText(s), " ", "")
	s = strings.TrimRight(s, "年月日号")
	if t, ok := strings.CutSuffix(s, ".0"); ok {
		s = t
	}
	return s
}

// tidyNumber removes the binary noise of a number cell an Excel formula
// computed ("1200.4999999999998", "6.9767999999999997E3"), rounding it to
// the 15 significant digits Excel itself shows. Text and numbers with at
// most 15 digits are returned as they are, untouched by floating point.
func tidyNumber(s string) string {
	if !isNumber(s) {
		return s
	}
	digits := 0
	for i := 0; i < len(s); i++ {
		if s[i] == 'e' || s[i] == 'E' {
			digits = 99
			break
		}
		if s[i] >= '0' && s[i] <= '9' && (digits > 0 || s[i] != '0') {
			digits++
		}
	}
	if digits <= 15 {
		return s
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return s
	}
	t := strconv.FormatFloat(v, 'g', 15, 64)
	if strings.ContainsAny(t, "eE") {
		t = strconv.FormatFloat(v, 'f', -1, 64)
	}
	return t
}

// isNumber reports whether s reads as a plain decimal number (digits, one
// point, a sign, an exponent).
func isNumber(s string) bool {
	digits, point, exp := false, false, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits = true
		case c == '.' && !point && !exp:
			point = true
		case (c == 'e' || c == 'E') && digits && !exp:
			exp, digits = true, false
		case (c == '+' || c == '-') && (i == 0 || s[i-1] == 'e' || s[i-1] == 'E'):
		default:
			return false
		}
	}
	return digits
}
