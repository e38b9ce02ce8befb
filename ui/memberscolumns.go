package ui

import (
	"cmp"
	"slices"
	"strings"

	"fyne.io/fyne/v2/lang"

	"chamberdesk/data"
	"chamberdesk/ui/widgets"
	"fyne.io/fyne/v2/widget"
)

// memberColumn is one column of the roster table.
type memberColumn struct {
	title  string // translated where shown
	sample string // a long usual value, for the column's width
	text   func(s *membersScreen, m *data.Member) string
	key    func(s *membersScreen, m *data.Member) memberSortKey
}

// memberSortKey orders rows by n, then s; empty values go last either way.
type memberSortKey struct {
	empty bool
	n     int64
	s     string
}

// Columns with a part of their own: 企业名称 takes the spare width, 会费
// shows arrears in red.
const (
	memberColCompany = 1
	memberColDues    = 8
)

var memberCols = []memberColumn{
	{"姓名", "欧阳志强", func(_ *membersScreen, m *data.Member) string { return m.Name },
		func(s *membersScreen, m *data.Member) memberSortKey { return s.textKey(m.Name) }},
	{"企业名称", "", func(_ *membersScreen, m *data.Member) string { return m.Company },
		func(s *membersScreen, m *data.Member) memberSortKey { return s.textKey(m.Company) }},
	{"商会职务", "常务副会长", func(_ *membersScreen, m *data.Member) string { return valueLabel(m.Office) },
		func(_ *membersScreen, m *data.Member) memberSortKey {
			return memberSortKey{n: int64(data.OfficeRank(m.Office))}
		}},
	{"行业", "农产品加工", func(_ *membersScreen, m *data.Member) string { return m.Industry },
		func(s *membersScreen, m *data.Member) memberSortKey { return s.textKey(m.Industry) }},
	{"政治面貌", "中共预备党员", func(_ *membersScreen, m *data.Member) string { return valueLabel(m.Political) },
		func(_ *membersScreen, m *data.Member) memberSortKey {
			i := slices.Index(data.PoliticalStatuses, m.Political)
			return memberSortKey{empty: i < 0, n: int64(i)}
		}},
	{"手机号码", "138****1234", func(_ *membersScreen, m *data.Member) string { return data.MaskPhone(m.Phone) },
		func(_ *membersScreen, m *data.Member) memberSortKey {
			return memberSortKey{empty: m.Phone == "", s: m.Phone}
		}},
	{"入会日期", "2021年12月25日", func(_ *membersScreen, m *data.Member) string { return data.FormatDateCN(m.JoinDate) },
		func(_ *membersScreen, m *data.Member) memberSortKey {
			return memberSortKey{empty: m.JoinDate.IsZero(), n: m.JoinDate.Unix()}
		}},
	{"状态", "在会", func(_ *membersScreen, m *data.Member) string { return valueLabel(m.Status) },
		func(_ *membersScreen, m *data.Member) memberSortKey {
			if m.Status == data.StatusActive {
				return memberSortKey{n: 0}
			}
			return memberSortKey{n: 1}
		}},
	{"会费", "已缴清", func(s *membersScreen, m *data.Member) string { return lang.L(s.duesOf(m)) },
		func(s *membersScreen, m *data.Member) memberSortKey {
			st := s.duesOf(m)
			return memberSortKey{empty: st == memberDuesNone, n: int64(slices.Index([]string{memberDuesOwing, memberDuesPaid}, st))}
		}},
}

// memberTableColumns are the roster's columns for the record table, every
// one sortable; 企业名称 is at least 220 wide and takes the spare width.
func memberTableColumns() []widgets.Column {
	cols := make([]widgets.Column, len(memberCols))
	for i, c := range memberCols {
		cols[i] = widgets.Column{Title: lang.L(c.title), Sample: c.sample, Sortable: true}
	}
	cols[memberColCompany].Width, cols[memberColCompany].Stretch = 220, true
	return cols
}

// memberCellText is what column col shows of m.
func (s *membersScreen) memberCellText(m *data.Member, col int) string {
	return memberCols[col].text(s, m)
}

// memberImportance greys members who left and marks arrears in red.
func (s *membersScreen) memberImportance(row, col int) widget.Importance {
	m := s.rows[row]
	switch {
	case m.Status != data.StatusActive:
		return widget.LowImportance
	case col == memberColDues && s.duesOf(m) == memberDuesOwing:
		return widget.DangerImportance
	}
	return widget.MediumImportance
}

// sortRows orders rows by the sort column; ties keep the search order.
func (s *membersScreen) sortRows(rows []*data.Member) {
	col, desc := s.table.Sort()
	if col < 0 || col >= len(memberCols) {
		return
	}
	type keyed struct {
		m *data.Member
		k memberSortKey
		i int // the search order, which breaks ties
	}
	key := memberCols[col].key
	ks := make([]keyed, len(rows))
	for i, m := range rows {
		ks[i] = keyed{m, key(s, m), i}
	}
	slices.SortFunc(ks, func(a, b keyed) int {
		if a.k.empty != b.k.empty {
			if a.k.empty {
				return 1
			}
			return -1
		}
		c := cmp.Or(cmp.Compare(a.k.n, b.k.n), strings.Compare(a.k.s, b.k.s))
		if desc {
			c = -c
		}
		return cmp.Or(c, cmp.Compare(a.i, b.i))
	})
	for i := range ks {
		rows[i] = ks[i].m
	}
}

// textKey sorts Chinese text by pinyin, the order people look names up in.
func (s *membersScreen) textKey(text string) memberSortKey {
	if text == "" {
		return memberSortKey{empty: true}
	}
	k, ok := s.pinyin[text]
	if !ok {
		full, _ := data.PinyinOf(text)
		if len(full) > 0 {
			k = full[0]
		}
		k += "\x00" + text
		s.pinyin[text] = k
	}
	return memberSortKey{s: k}
}

// onSort sorts by col as a tap on its header does: a second tap reverses.
func (s *membersScreen) onSort(col int) { s.table.TapHeader(col) }
