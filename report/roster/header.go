package roster

import (
	"chamberdesk/data"
	"chamberdesk/report/workbook"
)

// colSeq is the 序号 column: recognized so it is not called unknown, and
// used to spot the template's sample row.
const colSeq = "seq"

// headerNames maps a header, tidied by workbook.HeaderKey, to a field key. When two
// columns of one sheet mean the same field (姓名 and 联系人), the one listed
// earlier for that field wins; the order within each line is that priority.
var headerNames = [][]string{
	{data.ColName, "姓名", "会员姓名", "法定代表人", "负责人", "会员代表", "联系人"},
	{data.ColCompany, "企业名称", "单位名称", "公司名称", "会员单位"},
	{data.ColCreditCode, "统一社会信用代码", "社会信用代码", "信用代码"},
	{data.ColPhone, "联系电话", "手机号码", "手机号", "手机", "电话"},
	{data.ColOffice, "商会职务", "会内职务", "职务"},
	{data.ColJoinDate, "入会日期", "入会时间"},
	{data.ColIndustry, "所属行业", "行业"},
	{data.ColGender, "性别"},
	{data.ColIDNumber, "身份证号码", "身份证号"},
	{data.ColPolitical, "政治面貌"},
	{data.ColKind, "会员类型", "会员类别"},
	{data.ColNotes, "备注"},
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

// header is a detected header row.
type header struct {
	row     int               // 1-based
	cols    map[string]int    // field key -> 0-based column
	letters map[string]string // field key -> column letter
	unknown []string          // "F「籍贯」"
	score   int
}

// matchHeader scores one row as a header: the number of distinct fields it
// names.
func matchHeader(row int, cells []string) header {
	h := header{row: row, cols: map[string]int{}, letters: map[string]string{}}
	best := map[string]int{}
	for i, c := range cells {
		k := workbook.HeaderKey(c)
		if k == "" {
			continue
		}
		hm, ok := headerIndex[k]
		if !ok {
			h.unknown = append(h.unknown, colName(i)+"「"+clip(data.NormalizeText(c))+"」")
			continue
		}
		if r, dup := best[hm.key]; dup && r <= hm.rank {
			h.unknown = append(h.unknown, colName(i)+"「"+clip(data.NormalizeText(c))+"」(重复 / duplicate)")
			continue
		}
		best[hm.key] = hm.rank
		h.cols[hm.key] = i
	}
	for k, i := range h.cols {
		h.letters[k] = colName(i)
		if k != colSeq {
			h.score++
		}
	}
	return h
}

// usable reports whether h looks like a roster header: a name column and at
// least one other field.
func (h header) Usable() bool {
	_, name := h.cols[data.ColName]
	return name && h.score >= 2
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
