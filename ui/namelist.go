package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// nameList is a 设置 card for a configurable list of names (activity types,
// award categories): the list, an entry and 添加 / 删除选中的.
type nameList struct {
	sh             shell
	title, hint    string
	load           func(ctx context.Context) ([]string, error)
	add, remove    func(ctx context.Context, name string) error
	list           *widget.List
	names          []string
	sel            int
	entry          *widget.Entry
	addBtn, delBtn *widget.Button
}

// newNameList builds the card. The labels come whole from the caller, so
// each reads naturally in every language; sample sizes the list rows.
func newNameList(a shell, title, hint, placeholder, addLabel, delLabel, sample string,
	load func(context.Context) ([]string, error), add, remove func(context.Context, string) error) *nameList {
	l := &nameList{sh: a, title: title, hint: hint, load: load, add: add, remove: remove, sel: -1}
	l.list = widget.NewList(func() int { return len(l.names) },
		func() fyne.CanvasObject { return widget.NewLabel(sample) },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(l.names[i]) })
	l.list.OnSelected = func(i widget.ListItemID) { l.sel = i }
	l.entry = widget.NewEntry()
	l.entry.SetPlaceHolder(placeholder)
	l.addBtn = widget.NewButton(addLabel, l.onAdd)
	l.delBtn = widget.NewButton(delLabel, l.onRemove)
	return l
}

func (l *nameList) content() fyne.CanvasObject {
	return widget.NewCard(l.title, l.hint,
		container.NewBorder(nil, container.NewBorder(nil, nil, nil, container.NewHBox(l.addBtn, l.delBtn), l.entry), nil, nil,
			container.NewGridWrap(fyne.NewSize(360, 240), l.list)))
}

func (l *nameList) refresh() {
	names, err := l.load(l.sh.ctx())
	if err != nil {
		l.sh.showError(err)
		return
	}
	l.names, l.sel = names, -1
	l.list.UnselectAll()
	l.list.Refresh()
}

func (l *nameList) onAdd() {
	if err := l.add(l.sh.ctx(), l.entry.Text); err != nil {
		l.sh.showError(err)
		return
	}
	l.entry.SetText("")
	l.refresh()
}

func (l *nameList) onRemove() {
	if l.sel < 0 || l.sel >= len(l.names) {
		l.sh.showInfo(l.delBtn.Text, lang.L("请先在列表中选中一项。"))
		return
	}
	if err := l.remove(l.sh.ctx(), l.names[l.sel]); err != nil {
		l.sh.showError(err)
		return
	}
	l.refresh()
}
