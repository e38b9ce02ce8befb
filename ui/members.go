package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
	"chamberdesk/ui/widgets"
)

// membersScreen (会员) lists the roster in a record table with search on
// every keystroke, filters and sortable columns, and opens the add/edit form,
// the 退会 dialog and a member's 档案.
//
// The rows are the members SearchMembers found for the query, filtered and
// sorted. They are shared with the store's index: read-only here, loaded
// afresh with Store.Member before an edit.
type membersScreen struct {
	recordList[*data.Member]

	office, status, political             *widgets.Choice // values the data holds, shown in the window's language
	dues                                  *widgets.Choice // "", paid or owing; shown translated
	industry                              *widget.Select
	addBtn, editBtn, leaveBtn, historyBtn *widget.Button

	year      int               // the dues year of the 会费 column: this year
	duesState map[int64]string  // this year's 会费 state by member id, loaded per refresh
	pinyin    map[string]string // sort key by text, so a sort does not spell names again
	loads     int               // refreshes started, so an overtaken one is dropped
}

func newMembersScreen(a shell) *membersScreen {
	s := &membersScreen{pinyin: map[string]string{}, duesState: map[int64]string{}}
	s.init(a, memberTableColumns(), func(m *data.Member) int64 { return m.ID }, s.memberCellText,
		s.update, s.updateButtons, func() { s.onEdit() })
	defer func() { s.quiet = false }()
	s.table.Importance = s.memberImportance
	s.table.OnSort = func(int, bool) { s.update() }
	s.table.SetMinSize(fyne.NewSize(400, 200))
	s.search.SetPlaceHolder(lang.L("姓名、企业、拼音首字母、电话或信用代码"))
	// Each filter's first option lets everyone through and names the
	// filter, so the values need no labels: 理事, 在会, 建材, 欠缴 say
	// what they are.
	sel := func(all string, options ...string) *widget.Select {
		w := s.filterSelect(append([]string{all}, options...)...)
		fitSelect(w)
		return w
	}
	choice := func(all string, values ...string) *widgets.Choice {
		c := filterChoice(all, values, s.onFilter)
		fitSelect(&c.Select)
		return c
	}
	s.office = choice(lang.L("全部职务"), data.Offices...)
	s.status = choice(lang.L("全部状态"), data.StatusActive, data.StatusLeft)
	s.industry = sel(lang.L(memberAllIndustries))
	s.political = choice(lang.L("全部政治面貌"), data.PoliticalStatuses...)
	allDues := fmt.Sprintf(lang.L("%d年会费：全部"), membersToday(a).Year())
	s.dues = widgets.NewChoice([]string{"", memberDuesPaid, memberDuesOwing}, func(v string) string {
		if v == "" {
			return allDues
		}
		return lang.L(v)
	}, s.onFilter)
	s.dues.SetSelectedIndex(0)
	fitSelect(&s.dues.Select)
	s.count.SetText(lang.L("共 0 人")) // sized for its text before the first refresh
	s.addBtn = widget.NewButtonWithIcon(lang.L("新增会员"), theme.ContentAddIcon(), func() { s.onAdd() })
	s.addBtn.Importance = widget.HighImportance
	s.editBtn = widget.NewButtonWithIcon(lang.L("编辑"), theme.DocumentCreateIcon(), func() { s.onEdit() })
	s.leaveBtn = widget.NewButtonWithIcon(lang.L("退会"), theme.LogoutIcon(), func() { s.onLeave() })
	s.historyBtn = widget.NewButtonWithIcon(lang.L("会员档案"), theme.InfoIcon(), func() { s.onHistory() })
	s.updateButtons()
	s.bindShortcut("new", func() { s.onAdd() })
	s.bindShortcut("search", func() {
		if !s.busy() {
			a.window().Canvas().Focus(s.search)
		}
	})
	return s
}

// bindShortcut makes a named shortcut act on this screen while it shows.
func (s *membersScreen) bindShortcut(name string, f func()) { s.sh.bindShortcut("members", name, f) }

func (s *membersScreen) content() fyne.CanvasObject {
	top := container.NewBorder(nil, nil, nil,
		container.NewHBox(s.addBtn, s.editBtn, s.leaveBtn, s.historyBtn,
			widget.NewButtonWithIcon(lang.L("导入名册"), theme.UploadIcon(), func() { importRoster(s.sh, s.refresh) })), s.search)
	filters := container.NewHBox(s.office, s.status, s.industry, s.political, s.dues)
	s.bar = container.NewBorder(nil, nil, nil, s.count, filters)
	return container.NewBorder(container.NewVBox(top, s.bar), nil, nil, nil, s.table)
}

// refresh reloads this year's dues and the roster off the UI thread (the
// first read of a large roster builds the store's search index: a quarter
// of a second at 10,000 members), then offers the industries and shows the
// rows. A refresh overtaken by a newer one, or by another file, is dropped.
func (s *membersScreen) refresh() {
	st, ctx := s.sh.store(), s.sh.ctx()
	if st == nil {
		return
	}
	year := membersToday(s.sh).Year()
	s.loads++
	n := s.loads
	if len(s.rows) == 0 {
		s.setCount(lang.L("正在读取会员名册…"))
	}
	s.sh.inBackground(func() {
		state, err := memberDuesStates(ctx, st, year)
		var all []*data.Member
		if err == nil {
			all, err = st.SearchMembers(ctx, "")
		}
		fyne.Do(func() {
			if n != s.loads || s.sh.store() != st {
				return
			}
			if err != nil {
				s.sh.showError(err)
				return
			}
			s.year, s.duesState = year, state
			s.offerIndustries(s.industriesOf(all))
			s.update()
		})
	})
}

// update reruns the search and the filters and shows the result.
func (s *membersScreen) update() {
	rows, err := s.load()
	if err != nil {
		s.sh.showError(err)
		return
	}
	s.setCount(fmt.Sprintf(lang.L("共 %d 人"), len(rows)))
	s.show(rows)
}

func (s *membersScreen) updateButtons() {
	m, ok := s.current()
	for _, b := range []*widget.Button{s.editBtn, s.historyBtn, s.leaveBtn} {
		if !ok || (b == s.leaveBtn && m.Status != data.StatusActive) {
			b.Disable()
		} else {
			b.Enable()
		}
	}
}

// onAdd opens the form for a new member and returns it; nil when none opened.
func (s *membersScreen) onAdd() *memberForm {
	if !s.canOpen() {
		return nil
	}
	m := data.Member{Kind: data.KindUnit, Office: "会员", JoinDate: membersToday(s.sh)}
	return s.openForm(m)
}

// onEdit opens the selected member in the form and returns it; nil when
// none opened.
func (s *membersScreen) onEdit() *memberForm {
	return editSelected(&s.recordList, s.sh.store().Member, s.openForm)
}

func (s *membersScreen) openForm(m data.Member) *memberForm {
	all, err := s.sh.store().SearchMembers(s.sh.ctx(), "")
	if err != nil {
		s.sh.showError(err)
		return nil
	}
	f := newMemberForm(s.sh, m, s.industriesOf(all), func(id int64) {
		s.selected = id
		s.refresh()
	})
	f.show()
	return f
}

// onLeave opens 退会 for the selected member and returns it; nil when
// none opened.
func (s *membersScreen) onLeave() *leaveForm {
	if s.selected == 0 {
		return nil
	}
	m, err := s.sh.store().Member(s.sh.ctx(), s.selected)
	if err != nil {
		s.sh.showError(err)
		return nil
	}
	l := newLeaveForm(s.sh, m, s.refresh)
	l.show()
	return l
}

// onHistory opens the selected member's 档案 and returns it; nil when none
// opened.
func (s *membersScreen) onHistory() *memberHistory {
	if s.selected == 0 {
		return nil
	}
	h, err := newMemberHistory(s.sh, s.selected)
	if err != nil {
		s.sh.showError(err)
		return nil
	}
	h.show()
	return h
}

// membersToday is the store's calendar date as midnight UTC, the way dates are kept.
func membersToday(a shell) time.Time {
	return data.Today(a.now())
}
