package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
	"chamberdesk/ui/widgets"
)

// settingsScreen shows where the data lives and the organization profile.
type settingsScreen struct {
	sh   shell
	info *widgets.WrapLabel
	form *widget.Form

	name, short, region, parent, party, contact, office, phone, address *widget.Entry
	saveBtn                                                             *widget.Button

	// 活动类型 and 申报类别: the configurable lists activities and cases are
	// filed under; the case text limits.
	types, categories *nameList
	limits            *caseLimitsCard

	backups *backupsCard // 备份 (backups.go)
	// root is laid out again after the texts change: a label that grows by
	// lines does not make the cards around it grow.
	root *container.Scroll
}

func newSettingsScreen(a shell) *settingsScreen {
	s := &settingsScreen{sh: a, info: newLabel(""), backups: newBackupsCard(a)}
	entries := []**widget.Entry{&s.name, &s.short, &s.region, &s.parent, &s.party, &s.contact, &s.office, &s.phone, &s.address}
	for _, e := range entries {
		*e = widget.NewEntry()
	}
	s.phone.Validator = checkedBy(data.CheckPhone)
	s.form = widget.NewForm(
		widget.NewFormItem(lang.L("单位名称"), s.name), widget.NewFormItem(lang.L("简称"), s.short),
		widget.NewFormItem(lang.L("所在地区"), s.region), widget.NewFormItem(lang.L("上级工商联"), s.parent),
		widget.NewFormItem(lang.L("党组织"), s.party), widget.NewFormItem(lang.L("联系人"), s.contact),
		widget.NewFormItem(lang.L("联系人职务"), s.office), widget.NewFormItem(lang.L("联系电话"), s.phone),
		widget.NewFormItem(lang.L("地址"), s.address),
	)
	s.saveBtn = widget.NewButton(lang.L("保存单位信息"), s.onSave)
	s.saveBtn.Importance = widget.HighImportance
	s.types = newNameList(a, lang.L("活动类型"), lang.L("登记活动时可选的类型；已有活动使用的类型不能删除。"),
		lang.L("新的活动类型，如：企业走访"), lang.L("添加类型"), lang.L("删除选中的类型"), "政治学习/理想信念教育",
		storeList(a, (*data.Store).ActivityTypes), storeEdit(a, (*data.Store).AddActivityType), storeEdit(a, (*data.Store).RemoveActivityType))
	s.categories = newNameList(a, lang.L("申报类别"), lang.L("案例申报时可选的类别；已有案例使用的类别不能删除。"),
		lang.L("新的申报类别，如：园区商会工作"), lang.L("添加类别"), lang.L("删除选中的类别"), "政治学习/理想信念教育",
		storeList(a, (*data.Store).AwardCategories), storeEdit(a, (*data.Store).AddAwardCategory), storeEdit(a, (*data.Store).RemoveAwardCategory))
	s.limits = newCaseLimitsCard(a)
	return s
}

func (s *settingsScreen) content() fyne.CanvasObject {
	s.root = container.NewVScroll(container.NewPadded(container.NewVBox(
		widget.NewCard(lang.L("数据文件"), "", s.info),
		s.backups.content(),
		languageCard(s.sh),
		widget.NewCard(lang.L("单位信息"), "", container.NewVBox(s.form, container.NewHBox(s.saveBtn))),
		s.types.content(),
		s.categories.content(),
		s.limits.content(),
	)))
	return s.root
}

func (s *settingsScreen) refresh() {
	if s.sh.store() == nil {
		return
	}
	dir, portable, _ := data.DataDir()
	mode := lang.L("用户数据文件夹")
	if portable {
		mode = lang.L("便携模式（程序旁的 data 文件夹）")
	}
	font := lang.L("未找到中文字体")
	if s.sh.font() != nil {
		font = s.sh.font().Name + "（" + s.sh.font().Path + "）"
	}
	s.info.SetText(fmt.Sprintf(lang.L("当前数据文件：%s\n照片文件夹：%s\n默认数据文件夹：%s（%s）\n字体：%s"),
		s.sh.store().Path(), s.sh.store().FilesDir(), dir, mode, font))
	s.types.refresh()
	s.categories.refresh()
	s.limits.refresh()
	s.backups.refresh()
	if s.root != nil {
		s.root.Content.Refresh()
		s.root.Refresh()
	}
	o := s.sh.org()
	for e, v := range map[*widget.Entry]string{s.name: o.Name, s.short: o.ShortName, s.region: o.Region,
		s.parent: o.ParentFederation, s.party: o.PartyOrg, s.contact: o.ContactPerson,
		s.office: o.ContactOffice, s.phone: o.ContactPhone, s.address: o.Address} {
		e.SetText(v)
	}
}

func (s *settingsScreen) onSave() {
	o := s.sh.org()
	o.Name, o.ShortName, o.Region, o.ParentFederation = s.name.Text, s.short.Text, s.region.Text, s.parent.Text
	o.PartyOrg, o.ContactPerson, o.ContactOffice = s.party.Text, s.contact.Text, s.office.Text
	o.ContactPhone, o.Address = s.phone.Text, s.address.Text
	if _, err := s.sh.store().SaveOrganization(s.sh.ctx(), o); err != nil {
		s.sh.showError(err)
		return
	}
	org, err := s.sh.store().Organization(s.sh.ctx())
	if err != nil {
		s.sh.showError(err)
		return
	}
	s.sh.orgChanged(org)
	s.sh.showInfo(lang.L("已保存"), lang.L("单位信息已保存。"))
}

// storeList and storeEdit hand the settings lists a method of the open
// store; the store changes when another data file is opened, so it is
// looked up each call.
func storeList(sh shell, m func(*data.Store, context.Context) ([]string, error)) func(context.Context) ([]string, error) {
	return func(ctx context.Context) ([]string, error) { return m(sh.store(), ctx) }
}

func storeEdit(sh shell, m func(*data.Store, context.Context, string) error) func(context.Context, string) error {
	return func(ctx context.Context, name string) error { return m(sh.store(), ctx, name) }
}
