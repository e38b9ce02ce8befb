package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
)

// showDetail fills the detail panel with the selected activity.
func (s *activitiesScreen) showDetail() {
	a := s.selectedActivity()
	if a == nil {
		s.photos = nil
		hint := newLabel(lang.L("在左侧选择一项活动，这里显示它的内容、参加人员、成效和照片。"))
		hint.Importance = widget.LowImportance
		s.detail.Objects = []fyne.CanvasObject{hint}
		s.detail.Refresh()
		return
	}
	photos, err := s.sh.store().Photos(s.sh.ctx(), a.ID)
	if err != nil {
		s.sh.showError(err)
	}
	s.photos = photos
	title := newLabel(a.Title)
	title.TextStyle.Bold = true
	title.SizeName = theme.SizeNameSubHeadingText
	when := data.FormatDateCN(a.Date)
	if !a.EndDate.IsZero() {
		when += lang.L(" 至 ") + data.FormatDateCN(a.EndDate)
	}
	if a.StartTime != "" {
		when += " " + a.StartTime
	}
	facts := widget.NewForm(widget.NewFormItem(lang.L("类型"), widget.NewLabel(valueLabel(a.Type))),
		widget.NewFormItem(lang.L("日期"), widget.NewLabel(when)))
	if a.Planned {
		state := newLabel(lang.L("计划（尚未举行，不计入任何统计）"))
		state.Importance = widget.WarningImportance
		facts.Append(lang.L("状态"), state)
	}
	for _, f := range []struct{ name, value string }{{lang.L("地点"), a.Place}, {lang.L("主办单位"), a.Organizer}, {lang.L("协办/合作"), a.Partners}} {
		if f.value != "" {
			facts.Append(f.name, newLabel(f.value))
		}
	}
	facts.Append(lang.L("参与人次"), widget.NewLabel(fmt.Sprintf(lang.L("%d 人次（会员 %d 人，其他 %d 人次）"),
		a.PersonTimes(), len(a.Attendees), a.OutsideCount)))
	if len(a.Outcomes) > 0 {
		facts.Append(lang.L("成效"), newLabel(s.outcomeText(a.Outcomes)))
	}
	actions := container.NewGridWithColumns(2, s.printBtn, s.signinBtn, s.noticeBtn)
	if a.Planned {
		actions.Add(s.heldBtn)
	} else {
		actions.Add(s.shareBtn)
	}
	objs := []fyne.CanvasObject{title, actions, facts}
	section := func(name string) *widget.Label {
		return widget.NewLabelWithStyle(name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	if len(a.Attendees) > 0 {
		objs = append(objs, section(fmt.Sprintf(lang.L("参加会员（%d人）"), len(a.Attendees))), newLabel(s.attendeeText(a.Attendees)))
	}
	if items := a.AgendaItems(); len(items) > 0 {
		for i := range items {
			items[i] = fmt.Sprintf("%d. %s", i+1, items[i])
		}
		objs = append(objs, section(lang.L("议程")), newLabel(strings.Join(items, "\n")))
	}
	if a.Content != "" {
		objs = append(objs, section(lang.L("内容/纪要")), newLabel(a.Content))
	}
	grid, load := photoGrid(s.sh, s.thumbs, photos)
	objs = append(objs, section(fmt.Sprintf(lang.L("照片（%d张）"), len(photos))), grid)
	s.detail.Objects = objs
	s.detail.Refresh()
	s.detailScroll.ScrollToTop()
	load()
}

// outcomeText writes outcomes as people read them: "签约项目数 3 个；投资额 12 亿元".
func (s *activitiesScreen) outcomeText(os []data.Outcome) string {
	parts := make([]string, len(os))
	for i, o := range os {
		m, ok := s.metrics[o.MetricKey]
		if !ok {
			m = data.Metric{Name: o.MetricKey}
		}
		parts[i] = fmt.Sprintf("%s %s %s", m.Name, strconv.FormatFloat(o.Value, 'f', -1, 64), m.Unit)
	}
	return strings.Join(parts, "；")
}

// attendeeText lists the attending members in roster order, offices first.
func (s *activitiesScreen) attendeeText(ids []int64) string {
	ms := make([]data.Member, 0, len(ids))
	unknown := 0
	for _, id := range ids {
		if m := s.names[id]; m != nil {
			ms = append(ms, *m)
		} else {
			unknown++
		}
	}
	data.SortMembers(ms)
	names := make([]string, 0, len(ms)+1)
	for _, m := range ms {
		n := m.Name
		if data.OfficeRank(m.Office) < data.OfficeRank("会员") {
			n += "（" + m.Office + "）"
		}
		names = append(names, n)
	}
	if unknown > 0 {
		names = append(names, fmt.Sprintf(lang.L("另 %d 人不在名册中"), unknown))
	}
	return strings.Join(names, "、")
}
