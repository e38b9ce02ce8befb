package ui

import (
	"context"
	"fyne.io/fyne/v2/lang"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
	"chamberdesk/data/demo"
	"chamberdesk/ui/widgets"
)

// welcomeScreen is the first run: no organization in the data file yet.
type welcomeScreen struct {
	sh   shell
	path string
	open func()              // 打开其他数据文件…
	use  func(s *data.Store) // shows the shell on the file just made

	name, short, region, parent *widget.Entry
	credit, contact, phone      *widget.Entry
	orgType                     *widgets.Choice
	createBtn, demoBtn          *widget.Button
	form                        *widget.Form
}

func (a *App) showWelcome(path string) {
	a.nav = nil
	a.screens = nil
	a.win.SetTitle(lang.L("商会工作台 — 欢迎"))
	w := newWelcomeScreen(a, path, a.openFileDialog, a.useStore)
	a.welcome = w
	a.win.SetContent(w.content())
}

func newWelcomeScreen(a shell, path string, open func(), use func(*data.Store)) *welcomeScreen {
	w := &welcomeScreen{sh: a, path: path, open: open, use: use}
	w.name = widget.NewEntry()
	w.name.SetPlaceHolder(lang.L("如：某某市某某区某某镇商会"))
	w.short = widget.NewEntry()
	w.short.SetPlaceHolder(lang.L("如：某某镇商会（可不填）"))
	w.orgType = valueChoice(data.OrgTypes, nil)
	w.orgType.SetValue(data.OrgTypes[0])
	w.region = widget.NewEntry()
	w.region.SetPlaceHolder(lang.L("省、市、区县、镇街"))
	w.parent = widget.NewEntry()
	w.parent.SetPlaceHolder(lang.L("如：某某区工商联"))
	w.credit = widget.NewEntry()
	w.credit.SetPlaceHolder(lang.L("18位，可不填"))
	w.credit.Validator = creditCodeValidator
	w.contact = widget.NewEntry()
	w.phone = widget.NewEntry()
	w.phone.Validator = checkedBy(data.CheckPhone)
	w.createBtn = widget.NewButton(lang.L("创建我的组织"), w.onCreate)
	w.createBtn.Importance = widget.HighImportance
	w.demoBtn = widget.NewButton(lang.L("打开演示商会"), w.onDemo)
	return w
}

func (w *welcomeScreen) content() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("欢迎使用商会工作台"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = "headingText"
	intro := newLabel(lang.L("商会工作台帮助镇街商会和工商联记录会员、会费、活动和年度指标，导出 Excel 表格，打印活动简报，") +
		lang.L("并准备“创新中国”工商联（商会）工作案例的申报材料。所有数据只保存在这台电脑上。"))
	w.form = widget.NewForm(
		widget.NewFormItem(lang.L("单位名称"), w.name),
		widget.NewFormItem(lang.L("简称"), w.short),
		widget.NewFormItem(lang.L("单位类别"), w.orgType),
		widget.NewFormItem(lang.L("所在地区"), w.region),
		widget.NewFormItem(lang.L("上级工商联"), w.parent),
		widget.NewFormItem(lang.L("统一社会信用代码"), w.credit),
		widget.NewFormItem(lang.L("联系人"), w.contact),
		widget.NewFormItem(lang.L("联系电话"), w.phone),
	)
	file := newLabel(lang.L("数据文件：") + w.path)
	demoCard := widget.NewCard(lang.L("先看看"), lang.L("演示商会是虚构的“青禾镇商会”：120 名会员、两年的活动和照片、会费和一份案例草稿。"),
		container.NewHBox(w.demoBtn, widget.NewButton(lang.L("打开其他数据文件…"), w.open)))
	createCard := widget.NewCard(lang.L("创建我的组织"), lang.L("填写本商会（或工商联）的基本信息，以后可在“设置”中修改。"),
		container.NewVBox(w.form, container.NewHBox(w.createBtn)))
	return container.NewVScroll(container.NewPadded(container.NewVBox(title, intro, createCard, demoCard, file)))
}

func (w *welcomeScreen) refresh() {}

func (w *welcomeScreen) organization() data.Organization {
	return data.Organization{Name: w.name.Text, ShortName: w.short.Text, Type: w.orgType.Value(),
		Region: w.region.Text, ParentFederation: w.parent.Text, CreditCode: w.credit.Text,
		ContactPerson: w.contact.Text, ContactPhone: w.phone.Text}
}

func (w *welcomeScreen) onCreate() {
	org := w.organization()
	if _, err := org.Normalize(); err != nil {
		w.sh.showError(err)
		return
	}
	var s *data.Store
	w.sh.background(lang.L("正在创建数据文件…"), func(ctx context.Context) error {
		var err error
		s, err = createOrg(ctx, w.path, func(ctx context.Context, s *data.Store) error {
			_, err := s.SaveOrganization(ctx, org)
			return err
		})
		return err
	}, func() { w.use(s) })
}

func (w *welcomeScreen) onDemo() {
	var s *data.Store
	w.sh.background(lang.L("正在生成演示商会…"), func(ctx context.Context) error {
		var err error
		s, err = createOrg(ctx, w.path, demo.Fill)
		return err
	}, func() { w.use(s) })
}

func createOrg(ctx context.Context, path string, fill func(context.Context, *data.Store) error) (*data.Store, error) {
	return data.Create(ctx, path, data.OpenOptions{Actor: actor()}, fill)
}
