package ui

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
)

// The activity form's 参与会员 page: who took part.

// activityLeaderOffice is the lowest office "全体理事及以上" picks.
const activityLeaderOffice = "理事"

// buildPeople makes the participant picker: a search over the roster, a
// list of matches that a tap checks or unchecks, and quick picks.
func (f *activityForm) buildPeople() {
	f.search = newFormEntry(f.sh)
	f.search.SetPlaceHolder(lang.L("搜索姓名、企业或拼音首字母，点一下勾选"))
	f.search.OnChanged = func(string) { f.updateMatches() }
	f.onlyPicked = widget.NewCheck(lang.L("只看已选"), func(bool) { f.updateMatches() })
	f.pickedLabel = widget.NewLabel("")
	f.pickedLabel.TextStyle.Bold = true
	f.memberList = widget.NewList(
		func() int { return len(f.matches) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, widget.NewIcon(theme.CheckButtonIcon()), nil, l)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < 0 || id >= len(f.matches) {
				return
			}
			m := f.matches[id]
			c := o.(*fyne.Container)
			l, icon := c.Objects[0].(*widget.Label), c.Objects[1].(*widget.Icon)
			text := m.Name
			if m.Company != "" {
				text += "　" + m.Company
			}
			text += " · " + m.Office
			if m.Status != data.StatusActive {
				text += lang.L("（已退会）")
			}
			l.Importance = widget.MediumImportance
			if m.Status != data.StatusActive {
				l.Importance = widget.LowImportance
			}
			l.SetText(text)
			if f.picked[m.ID] {
				icon.SetResource(theme.CheckButtonCheckedIcon())
			} else {
				icon.SetResource(theme.CheckButtonIcon())
			}
		})
	f.memberList.OnSelected = func(id widget.ListItemID) {
		if id >= 0 && id < len(f.matches) {
			f.toggle(f.matches[id].ID)
		}
		f.memberList.UnselectAll()
	}
	f.leadersBtn = widget.NewButton(lang.L("全体理事及以上"), f.pickLeaders)
	f.allBtn = widget.NewButton(lang.L("全体会员"), f.pickAll)
	f.clearBtn = widget.NewButton(lang.L("清空"), func() {
		f.picked = map[int64]bool{}
		f.updateMatches()
	})
}

func (f *activityForm) toggle(id int64) {
	if f.picked[id] {
		delete(f.picked, id)
	} else {
		f.picked[id] = true
	}
	if f.onlyPicked.Checked {
		f.updateMatches()
		return
	}
	f.memberList.Refresh()
	f.showPicked()
}

// pickable reports whether a quick pick takes m: a member now (在会) who had
// joined by the activity's date when one is given.
func (f *activityForm) pickable(m *data.Member) bool {
	if m.Status != data.StatusActive {
		return false
	}
	if d, err := data.ParseDate(f.date.Text); err == nil && !d.IsZero() && !m.JoinDate.IsZero() && m.JoinDate.After(d) {
		return false
	}
	return true
}

// pickLeaders adds every active member holding 理事 or a higher office.
func (f *activityForm) pickLeaders() {
	limit := data.OfficeRank(activityLeaderOffice)
	for _, m := range f.members {
		if f.pickable(m) && data.OfficeRank(m.Office) <= limit {
			f.picked[m.ID] = true
		}
	}
	f.updateMatches()
}

// pickAll adds every active member.
func (f *activityForm) pickAll() {
	for _, m := range f.members {
		if f.pickable(m) {
			f.picked[m.ID] = true
		}
	}
	f.updateMatches()
}

// updateMatches runs the search and shows its result.
func (f *activityForm) updateMatches() {
	found, err := f.sh.store().SearchMembers(f.sh.ctx(), f.search.Text)
	if err != nil {
		f.sh.showError(err)
		return
	}
	if f.onlyPicked.Checked {
		found = slices.DeleteFunc(found, func(m *data.Member) bool { return !f.picked[m.ID] })
	}
	f.matches = found
	f.memberList.Refresh()
	f.memberList.ScrollToTop()
	f.showPicked()
}

// attendees lists the picked members in roster order.
func (f *activityForm) attendees() []int64 {
	var ids []int64
	for _, m := range f.members {
		if f.picked[m.ID] {
			ids = append(ids, m.ID)
		}
	}
	// members the index does not hold (none expected) are kept too
	for id := range f.picked {
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids
}

func (f *activityForm) showPicked() {
	n := len(f.picked)
	text := fmt.Sprintf(lang.L("已选 %d 人"), n)
	if out, err := activityCount(f.outside.Text); err == nil && out > 0 {
		text += fmt.Sprintf(lang.L("，加其他参与 %d 人次，共 %d 人次"), out, n+out)
	}
	f.pickedLabel.SetText(text)
	if f.peopleTab != nil {
		f.peopleTab.Text = fmt.Sprintf(lang.L("参与会员（%d）"), n)
		f.tabs.Refresh()
	}
}
