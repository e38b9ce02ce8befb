package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
)

// settingsScreen shows where the data lives and the organization profile.
type settingsScreen struct {
	app  *App
	info *widget.Label
	form *widget.Form

	name, short, region, parent, party, contact, office, phone, address *widget.Entry
	saveBtn                                                             *widget.Button
}

func newSettingsScreen(a *App) *settingsScreen {
	s := &settingsScreen{app: a, info: newLabel("")}
	entries := []**widget.Entry{&s.name, &s.short, &s.region, &s.parent, &s.party, &s.contact, &s.office, &s.phone, &s.address}
	for _, e := range entries {
		*e = widget.NewEntry()
	}
	s.phone.Validator = func(v string) error { _, err := data.CheckPhone(v); return plain(err) }
	s.form = widget.NewForm(
		widget.NewFormItem("单位名称", s.name), widget.NewFormItem("简称", s.short),
		widget.NewFormItem("所在地区", s.region), widget.NewFormItem("上级工商联", s.parent),
		widget.NewFormItem("党组织", s.party), widget.NewFormItem("联系人", s.contact),
		widget.NewFormItem("联系人职务", s.office), widget.NewFormItem("联系电话", s.phone),
		widget.NewFormItem("地址", s.address),
	)
	s.saveBtn = widget.NewButton("保存单位信息", s.onSave)
	s.saveBtn.Importance = widget.HighImportance
	return s
}

func (s *settingsScreen) content() fyne.CanvasObject {
	return container.NewVScroll(container.NewPadded(container.NewVBox(
		widget.NewCard("数据文件", "", s.info),
		widget.NewCard("单位信息", "", container.NewVBox(s.form, container.NewHBox(s.saveBtn))),
	)))
}

func (s *settingsScreen) refresh() {
	if s.app.store == nil {
		return
	}
	dir, portable, _ := data.DataDir()
	mode := "用户数据文件夹"
	if portable {
		mode = "便携模式（程序旁的 data 文件夹）"
	}
	font := "未找到中文字体"
	if s.app.font != nil {
		font = s.app.font.Name + "（" + s.app.font.Path + "）"
	}
	s.info.SetText(fmt.Sprintf("当前数据文件：%s\n照片文件夹：%s\n默认数据文件夹：%s（%s）\n字体：%s",
		s.app.store.Path(), s.app.store.FilesDir(), dir, mode, font))
	o := s.app.org
	for e, v := range map[*widget.Entry]string{s.name: o.Name, s.short: o.ShortName, s.region: o.Region,
		s.parent: o.ParentFederation, s.party: o.PartyOrg, s.contact: o.ContactPerson,
		s.office: o.ContactOffice, s.phone: o.ContactPhone, s.address: o.Address} {
		e.SetText(v)
	}
}

func (s *settingsScreen) onSave() {
	o := s.app.org
	o.Name, o.ShortName, o.Region, o.ParentFederation = s.name.Text, s.short.Text, s.region.Text, s.parent.Text
	o.PartyOrg, o.ContactPerson, o.ContactOffice = s.party.Text, s.contact.Text, s.office.Text
	o.ContactPhone, o.Address = s.phone.Text, s.address.Text
	if _, err := s.app.store.SaveOrganization(s.app.ctx, o); err != nil {
		s.app.showError(err)
		return
	}
	org, err := s.app.store.Organization(s.app.ctx)
	if err != nil {
		s.app.showError(err)
		return
	}
	s.app.org = org
	s.app.win.SetTitle("商会工作台 — " + org.Name)
	s.app.showInfo("已保存", "单位信息已保存。")
}
