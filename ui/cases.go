package ui

import (
	"context"
	"fmt"
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
)

// casesScreen (案例申报) lists the award cases, newest year first, and opens
// the editor to write one, check it and write its submission package.
type casesScreen struct {
	sh shell

	list                       *widget.List
	count                      *widget.Label
	bar                        *fyne.Container // count and buttons
	addBtn, editBtn, deleteBtn *widget.Button

	cases    []data.Case
	selected int64 // the selected case's id; 0 for none
	thumbs   *photoThumbs

	form *caseForm // the editor last opened: one open at a time (busy)
}

func newCasesScreen(a shell) *casesScreen {
	s := &casesScreen{sh: a, thumbs: newPhotoThumbs()}
	s.count = widget.NewLabel("")
	s.list = widget.NewList(func() int { return len(s.cases) }, newCaseRow,
		func(i widget.ListItemID, o fyne.CanvasObject) { s.updateRow(i, o) })
	s.list.OnSelected = func(i widget.ListItemID) {
		if i >= 0 && i < len(s.cases) {
			s.selected = s.cases[i].ID
		}
		s.updateButtons()
	}
	s.addBtn = widget.NewButtonWithIcon(lang.L("新建案例"), theme.ContentAddIcon(), s.onAdd)
	s.addBtn.Importance = widget.HighImportance
	s.editBtn = widget.NewButtonWithIcon(lang.L("编辑"), theme.DocumentCreateIcon(), s.onEdit)
	s.deleteBtn = widget.NewButtonWithIcon(lang.L("删除"), theme.DeleteIcon(), s.onDelete)
	a.bindShortcut("cases", "new", s.onAdd)
	s.updateButtons()
	return s
}

func (s *casesScreen) content() fyne.CanvasObject {
	h := widget.NewLabelWithStyle(lang.L("案例申报"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	h.SizeName = theme.SizeNameHeadingText
	intro := newLabel(lang.L("撰写“创新中国”工商联（商会）工作最佳和优秀案例：文中的数字来自会员和活动记录，可随时核对；检查无误后生成申报材料包。"))
	s.bar = container.NewHBox(layout.NewSpacer(), s.count, s.addBtn, s.editBtn, s.deleteBtn)
	return container.NewBorder(container.NewVBox(h, intro, s.bar), nil, nil, nil, s.list)
}

// caseRow is one line of the list: year, title, level, status.
func newCaseRow() fyne.CanvasObject {
	year, level, status := widget.NewLabel("2026年"), widget.NewLabel(data.LevelExcellent), widget.NewLabel("已定稿")
	title := widget.NewLabel("")
	title.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, year, container.NewHBox(level, status), title)
}

func (s *casesScreen) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i < 0 || i >= len(s.cases) {
		return
	}
	c := s.cases[i]
	row := o.(*fyne.Container)
	title := row.Objects[0].(*widget.Label)
	year := row.Objects[1].(*widget.Label)
	right := row.Objects[2].(*fyne.Container)
	year.SetText(strconv.Itoa(c.Year) + lang.L("年"))
	t := c.Title
	if t == "" {
		t = lang.L("（未填标题）")
	}
	title.SetText(t)
	right.Objects[0].(*widget.Label).SetText(valueLabel(c.Level))
	right.Objects[1].(*widget.Label).SetText(valueLabel(c.Status))
}

// refresh reloads the list, keeping the selection when the case is still there.
func (s *casesScreen) refresh() {
	if s.sh.store() == nil {
		return
	}
	cs, err := s.sh.store().Cases(s.sh.ctx())
	if err != nil {
		s.sh.showError(err)
		return
	}
	s.cases = cs
	s.count.SetText(fmt.Sprintf(lang.L("共 %d 个案例"), len(cs)))
	if s.bar != nil {
		s.bar.Refresh() // the count's new width
	}
	s.list.UnselectAll()
	s.list.Refresh()
	if i := slices.IndexFunc(cs, func(c data.Case) bool { return c.ID == s.selected }); i >= 0 {
		s.list.Select(i)
	} else {
		s.selected = 0
	}
	s.updateButtons()
}

func (s *casesScreen) updateButtons() {
	if s.selected == 0 {
		s.editBtn.Disable()
		s.deleteBtn.Disable()
		return
	}
	s.editBtn.Enable()
	s.deleteBtn.Enable()
}

// busy: one editor at a time.
func (s *casesScreen) busy() bool { return s.form != nil && !s.form.closed }

func (s *casesScreen) onAdd() {
	if s.sh.store() == nil || s.busy() {
		return
	}
	s.openForm(newCaseDefaults(s.sh))
}

func (s *casesScreen) onEdit() {
	if s.selected == 0 || s.busy() {
		return
	}
	c, err := s.sh.store().Case(s.sh.ctx(), s.selected)
	if err != nil {
		s.sh.showError(err)
		return
	}
	s.openForm(c)
}

func (s *casesScreen) openForm(c data.Case) {
	f, err := newCaseForm(s.sh, c, s.thumbs, func(id int64) {
		s.selected = id
		s.refresh()
	})
	if err != nil {
		s.sh.showError(err)
		return
	}
	s.form = f
	f.show()
}

func (s *casesScreen) onDelete() {
	i := slices.IndexFunc(s.cases, func(c data.Case) bool { return c.ID == s.selected })
	if i < 0 || s.busy() {
		return
	}
	c := s.cases[i]
	msg := fmt.Sprintf(lang.L("确定删除%d年的案例“%s”吗？\n\n案例的正文、数字和选用的照片记录会一并删除，不能恢复；活动和照片本身保留。"), c.Year, c.Title)
	confirmDelete(s.sh, lang.L("删除案例"), msg, func(ctx context.Context) error {
		return s.sh.store().DeleteCase(ctx, c.ID)
	}, func() {
		s.selected = 0
		s.refresh()
	})
}

// caseCategoryOf is the award category an organization of this type most
// likely applies in.
var caseCategoryOf = map[string]string{
	"镇街商会": "镇街商会工作", "综合性商会": "综合性商会工作", "行业商会": "行业商会工作",
	"异地商会": "异地商会工作", "区县级工商联": "区县级工商联工作",
	"地市级工商联": "副省级城市和地市级工商联工作", "省级工商联": "省级工商联工作",
}

// newCaseDefaults is a new case filled in from the organization's profile.
func newCaseDefaults(a shell) data.Case {
	o := a.org()
	return data.Case{
		Year: membersToday(a).Year(), Category: caseCategoryOf[o.Type], Level: data.LevelExcellent,
		ContactPerson: o.ContactPerson, ContactOffice: o.ContactOffice, ContactPhone: o.ContactPhone,
		Recommender: o.ParentFederation,
	}
}
