package ui

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
)

// caseLinks is the 关联活动 page: the activities the case rests on, ticked
// from the year's list. Their photos are the ones the case can show.
type caseLinks struct {
	f          *caseForm
	picked     map[int64]bool
	all        []data.Activity // every activity, newest first
	shown      []data.Activity // what the list shows
	year       int
	scope      *widget.Select
	onlyPicked *widget.Check
	list       *widget.List
	label      *widget.Label
}

// Scopes of the list, by how many years back from the case's year it goes.
var caseLinkScopes = []int{1, 2, 0} // 0: every year

func caseLinkScopeName(n int) string {
	switch n {
	case 1:
		return lang.L("本年度")
	case 2:
		return lang.L("近两年")
	}
	return lang.L("全部年份")
}

func newCaseLinks(f *caseForm, ids []int64) (*caseLinks, error) {
	l := &caseLinks{f: f, picked: map[int64]bool{}, year: f.caseYear(), label: widget.NewLabel("")}
	for _, id := range ids {
		l.picked[id] = true
	}
	names := make([]string, len(caseLinkScopes))
	for i, n := range caseLinkScopes {
		names[i] = caseLinkScopeName(n)
	}
	l.scope = widget.NewSelect(names, func(string) { l.filter() })
	l.onlyPicked = widget.NewCheck(lang.L("只看已选"), func(bool) { l.filter() })
	l.list = widget.NewList(func() int { return len(l.shown) },
		func() fyne.CanvasObject { return widget.NewCheck("", nil) },
		func(i widget.ListItemID, o fyne.CanvasObject) { l.updateRow(i, o.(*widget.Check)) })
	return l, nil
}

func (l *caseLinks) content() fyne.CanvasObject {
	top := container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel(lang.L("显示")), l.scope, l.onlyPicked), nil, l.label)
	return container.NewBorder(top, nil, nil, nil, l.list)
}

// load reads the activities and shows the case's year, or every year when
// the case already links activities of other years.
func (l *caseLinks) load() {
	all, err := l.f.sh.store().Activities(l.f.sh.ctx(), 0)
	if err != nil {
		l.f.sh.showError(err)
		return
	}
	l.all = all
	scope := 0
	for _, a := range all {
		if l.picked[a.ID] && a.Date.Year() < l.year-1 {
			scope = 2
		} else if l.picked[a.ID] && a.Date.Year() == l.year-1 && scope == 0 {
			scope = 1
		}
	}
	l.scope.SetSelectedIndex(scope) // filters
}

func (l *caseLinks) setYear(y int) {
	l.year = y
	l.filter()
}

func (l *caseLinks) filter() {
	years := 0
	if i := l.scope.SelectedIndex(); i >= 0 {
		years = caseLinkScopes[i]
	}
	l.shown = l.shown[:0]
	for _, a := range l.all {
		y := a.Date.Year()
		inScope := years == 0 || (y <= l.year && y > l.year-years)
		if (inScope || l.picked[a.ID]) && (!l.onlyPicked.Checked || l.picked[a.ID]) {
			l.shown = append(l.shown, a)
		}
	}
	l.list.Refresh()
	l.showCount()
}

func (l *caseLinks) updateRow(i widget.ListItemID, c *widget.Check) {
	if i < 0 || i >= len(l.shown) {
		return
	}
	a := l.shown[i]
	c.OnChanged = nil
	c.Text = fmt.Sprintf("%s　%s　%s", data.FormatDateCN(a.Date), valueLabel(a.Type), a.Title)
	c.SetChecked(l.picked[a.ID])
	c.Refresh()
	id := a.ID
	c.OnChanged = func(on bool) { l.set(id, on) }
}

// set links or unlinks an activity.
func (l *caseLinks) set(id int64, on bool) {
	if l.picked[id] == on {
		return
	}
	if on {
		l.picked[id] = true
	} else {
		delete(l.picked, id)
	}
	l.showCount()
	l.f.photos.refreshChoices()
	l.f.showCounts()
	l.f.photos.loadThumbs()
}

func (l *caseLinks) showCount() {
	l.label.SetText(fmt.Sprintf(lang.L("已选 %d 项活动，显示 %d 项"), len(l.picked), len(l.shown)))
}

// ids are the linked activities in id order, as the store keeps them.
func (l *caseLinks) ids() []int64 {
	var out []int64
	for id := range l.picked {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}
