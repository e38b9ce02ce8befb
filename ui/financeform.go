package ui

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
	"chamberdesk/ui/widgets"
)

// financeForm is the add/edit dialog of one journal entry. Amount and date
// check themselves while typing; the store checks the rest on saving.
type financeForm struct {
	screen *financeScreen
	e      data.LedgerEntry // as loaded; ID 0 for a new entry

	date, amount, note, handler, voucher, project, memberSearch *formEntry

	kind     *widgets.RadioChoice
	category *widgets.Choice
	member   *widgets.Choice // member ids as text; "" for none
	activity *widgets.Choice // activity ids as text; "" for none

	memberNames   map[string]string // label of each member id offered
	activityNames map[string]string

	msg                *widgets.WrapLabel // the first problem, inline
	saveBtn, cancelBtn *widget.Button
	dlg                *dialog.CustomDialog
}

func newFinanceForm(s *financeScreen, e data.LedgerEntry) *financeForm {
	f := &financeForm{screen: s, e: e, memberNames: map[string]string{}, activityNames: map[string]string{}}
	sh := s.sh
	for _, p := range []**formEntry{&f.date, &f.amount, &f.note, &f.handler, &f.voucher, &f.project, &f.memberSearch} {
		*p = newFormEntry(sh)
	}
	f.date.Validator = widgets.All(widgets.Required(lang.L("请填写日期")), checkedBy(data.ParseDate))
	f.date.SetPlaceHolder(lang.L("如 2026-03-05"))
	f.amount.Validator = widgets.All(widgets.Required(lang.L("请填写金额")), checkedBy(data.ParseYuan), positiveYuan)
	f.amount.SetPlaceHolder(lang.L("如 1200 或 1,200.50"))
	f.note.SetPlaceHolder(lang.L("这笔钱的用途或来由"))
	f.project.SetPlaceHolder(lang.L("捐赠收入或公益支出可填，如 助学金"))
	f.memberSearch.SetPlaceHolder(lang.L("输入姓名或企业查找"))
	f.memberSearch.OnChanged = func(string) { f.findMembers() }

	f.category = widgets.NewChoice(nil, valueLabel, nil)
	f.category.PlaceHolder = lang.L("请选择科目")
	f.kind = widgets.NewRadioChoice([]string{data.KindIncome, data.KindSpending}, valueLabel,
		func(string) { f.offerCategories() })
	f.kind.Horizontal, f.kind.Required = true, true
	f.member = widgets.NewChoice(nil, func(v string) string { return f.memberNames[v] }, nil)
	f.activity = widgets.NewChoice(nil, func(v string) string { return f.activityNames[v] }, nil)
	f.msg = newLabel("")
	f.msg.Importance = widget.DangerImportance

	f.fill()
	// the handlers and projects of the year, to pick rather than retype
	var handlers, projects []string
	for _, e := range s.entries {
		if e.Handler != "" && !slices.Contains(handlers, e.Handler) {
			handlers = append(handlers, e.Handler)
		}
		if e.Project != "" && !slices.Contains(projects, e.Project) {
			projects = append(projects, e.Project)
		}
	}
	memberChoices(f.handler, handlers)
	memberChoices(f.project, projects)
	for _, en := range []*formEntry{f.date, f.amount, f.note, f.handler, f.voucher, f.project} {
		en.OnChanged = func(string) { f.check() }
		en.OnSubmitted = func(string) { f.onSave() }
	}
	f.saveBtn = widget.NewButtonWithIcon(lang.L("保存"), theme.DocumentSaveIcon(), f.onSave)
	f.saveBtn.Importance = widget.HighImportance
	f.cancelBtn = widget.NewButtonWithIcon(lang.L("取消"), theme.CancelIcon(), func() { f.dlg.Hide() })
	return f
}

// positiveYuan refuses an amount of zero or less.
func positiveYuan(s string) error {
	if fen, err := data.ParseYuan(s); err == nil && fen <= 0 {
		return errString(lang.L("金额须大于零"))
	}
	return nil
}

// fill puts the entry's values in the fields.
func (f *financeForm) fill() {
	e := f.e
	f.date.SetText(data.FormatDateISO(e.Date))
	f.kind.SetValue(e.Kind)
	f.offerCategories()
	if e.Category != "" {
		f.category.SetValue(e.Category)
	}
	if e.Fen > 0 {
		f.amount.SetText(data.FormatYuanPlain(e.Fen))
	}
	f.note.SetText(e.Note)
	f.handler.SetText(e.Handler)
	f.voucher.SetText(e.Voucher)
	f.project.SetText(e.Project)
	f.offerActivities()
	f.findMembers()
}

// offerCategories offers the categories of the kind chosen. 会费 is left
// out of a new entry: dues come in through the 会费 screen.
func (f *financeForm) offerCategories() {
	kind := f.kind.Value()
	var names []string
	for _, c := range f.screen.cats {
		if c.Kind == kind && (c.Name != data.DuesCategory || f.e.Category == data.DuesCategory) {
			names = append(names, c.Name)
		}
	}
	if kind == f.e.Kind && f.e.Category != "" && !slices.Contains(names, f.e.Category) {
		names = append(names, f.e.Category)
	}
	f.category.SetValues(names)
	if f.category.SelectedIndex() < 0 && len(names) > 0 {
		f.category.SetSelectedIndex(0)
	}
}

// offerActivities offers the activities of the year shown.
func (f *financeForm) offerActivities() {
	s := f.screen
	acts, err := s.sh.store().Activities(s.sh.ctx(), s.year)
	if err != nil {
		s.sh.showError(err)
	}
	values := []string{""}
	f.activityNames[""] = lang.L("（不关联）")
	for _, a := range acts {
		id := strconv.FormatInt(a.ID, 10)
		f.activityNames[id] = data.FormatDateISO(a.Date) + " " + a.Title
		values = append(values, id)
	}
	if f.e.ActivityID != 0 {
		id := strconv.FormatInt(f.e.ActivityID, 10)
		if !slices.Contains(values, id) {
			if a, err := s.sh.store().Activity(s.sh.ctx(), f.e.ActivityID); err == nil {
				f.activityNames[id] = data.FormatDateISO(a.Date) + " " + a.Title
				values = append(values, id)
			}
		}
	}
	f.activity.SetValues(values)
	f.activity.SetValue(strconv.FormatInt(f.e.ActivityID, 10))
	if f.e.ActivityID == 0 {
		f.activity.SetValue("")
	}
}

// memberLimit is how many members a search offers.
const memberLimit = 30

// findMembers offers the members the search finds, keeping the one chosen.
func (f *financeForm) findMembers() {
	s := f.screen
	cur := f.member.Value()
	if cur == "" && f.e.MemberID != 0 && f.member.SelectedIndex() < 0 {
		cur = strconv.FormatInt(f.e.MemberID, 10)
		if m, err := s.sh.store().Member(s.sh.ctx(), f.e.MemberID); err == nil {
			f.memberNames[cur] = memberLabel(m.Name, m.Company)
		}
	}
	values := []string{""}
	f.memberNames[""] = lang.L("（不关联）")
	if cur != "" {
		values = append(values, cur)
	}
	if q := strings.TrimSpace(f.memberSearch.Text); q != "" {
		found, err := s.sh.store().SearchMembers(s.sh.ctx(), q)
		if err != nil {
			s.sh.showError(err)
		}
		for i, m := range found {
			if i == memberLimit {
				break
			}
			id := strconv.FormatInt(m.ID, 10)
			f.memberNames[id] = memberLabel(m.Name, m.Company)
			values = append(values, id)
		}
	}
	f.member.SetValues(values)
	switch {
	case cur != "":
		f.member.SetValue(cur)
	case len(values) > 1:
		f.member.SetSelectedIndex(1) // the best match
	default:
		f.member.SetValue("")
	}
}

func memberLabel(name, company string) string {
	if company == "" {
		return name
	}
	return name + " · " + company
}

func (f *financeForm) show() {
	s := f.screen
	left := widget.NewForm(
		widget.NewFormItem(lang.L("日期"), f.date),
		widget.NewFormItem(lang.L("收支"), f.kind),
		widget.NewFormItem(lang.L("科目"), f.category),
		widget.NewFormItem(lang.L("金额（元）"), f.amount),
		widget.NewFormItem(lang.L("摘要"), f.note),
	)
	right := widget.NewForm(
		widget.NewFormItem(lang.L("经手人"), f.handler),
		widget.NewFormItem(lang.L("凭证号"), f.voucher),
		widget.NewFormItem(lang.L("关联会员"), container.NewGridWithColumns(2, f.memberSearch, f.member)),
		widget.NewFormItem(lang.L("关联活动"), f.activity),
		widget.NewFormItem(lang.L("捐赠项目"), f.project),
	)
	title := lang.L("记一笔")
	if f.e.ID != 0 {
		title = lang.L("修改收支记录")
	}
	content := container.NewVBox(container.NewGridWithColumns(2, left, right), f.msg)
	f.dlg = formDialog(s.sh, title, content, []fyne.CanvasObject{f.cancelBtn, f.saveBtn}, f.onSave, nil)
	f.dlg.Resize(fyne.NewSize(min(900, s.sh.window().Canvas().Size().Width-40), f.dlg.MinSize().Height))
	s.sh.present(f.dlg)
	s.sh.window().Canvas().Focus(f.amount)
}

// read checks the fields and returns the entry to save, or the first
// problem as a sentence naming its field.
func (f *financeForm) read() (data.LedgerEntry, error) {
	e := f.e
	field := func(name string, err error) error {
		return errString(fmt.Sprintf(lang.L("%s：%s"), name, err.Error()))
	}
	if err := f.date.Validator(f.date.Text); err != nil {
		return e, field(lang.L("日期"), err)
	}
	e.Date, _ = data.ParseDate(f.date.Text)
	if err := f.amount.Validator(f.amount.Text); err != nil {
		return e, field(lang.L("金额"), err)
	}
	e.Fen, _ = data.ParseYuan(f.amount.Text)
	e.Kind, e.Category = f.kind.Value(), f.category.Value()
	if e.Category == "" {
		return e, field(lang.L("科目"), errString(lang.L("请选择科目")))
	}
	e.Note, e.Handler, e.Voucher, e.Project = f.note.Text, f.handler.Text, f.voucher.Text, f.project.Text
	e.MemberID, _ = strconv.ParseInt(f.member.Value(), 10, 64)
	e.ActivityID, _ = strconv.ParseInt(f.activity.Value(), 10, 64)
	return e, nil
}

// check shows the first problem while typing.
func (f *financeForm) check() {
	if _, err := f.read(); err != nil {
		f.msg.SetText(err.Error())
	} else {
		f.msg.SetText("")
	}
}

func (f *financeForm) onSave() {
	e, err := f.read()
	if err != nil {
		f.msg.SetText(err.Error())
		return
	}
	s := f.screen
	id, err := s.sh.store().SaveLedgerEntry(s.sh.ctx(), e)
	if err != nil {
		f.msg.SetText(message(err))
		s.sh.showError(err)
		return
	}
	f.dlg.Hide()
	s.selected = id
	if e.Date.Year() != s.year {
		s.year = e.Date.Year()
	}
	msg := fmt.Sprintf(lang.L("已记一笔%s %s"), valueLabel(e.Kind), moneyText(e.Fen))
	if f.e.ID != 0 {
		msg = lang.L("已保存修改")
	}
	s.afterWrite(msg)
}

// showDuesNote says a dues payment's entry is changed on the 会费 screen
// and offers to go there.
func (f *financeScreen) showDuesNote(e data.LedgerEntry) {
	var d *dialog.CustomDialog
	goBtn := widget.NewButtonWithIcon(lang.L("前往会费"), theme.NavigateNextIcon(), func() {
		d.Hide()
		f.sh.navigate("dues")
	})
	goBtn.Importance = widget.HighImportance
	closeBtn := widget.NewButton(lang.L("关闭"), func() { d.Hide() })
	msg := newLabel(fmt.Sprintf(lang.L("这笔是会费收入（%s，%s）。\n会费收入随缴费登记自动记账，请在「会费」页修改或撤销这次缴费。"),
		data.FormatDateISO(e.Date), moneyText(e.Fen)))
	d = dialog.NewCustomWithoutButtons(lang.L("会费收入"), msg, f.sh.window())
	d.SetButtons([]fyne.CanvasObject{closeBtn, goBtn})
	d.Resize(fyne.NewSize(460, 0))
	f.sh.present(d)
}

// onDelete asks, then removes the selected entry.
func (f *financeScreen) onDelete() {
	e, ok := f.current()
	if !ok || !f.editable() || f.busy() {
		return
	}
	if e.Source == data.SourceDues {
		f.showDuesNote(e)
		return
	}
	st := f.sh.store()
	msg := fmt.Sprintf(lang.L("删除 %s 的%s「%s」%s？删除会记入修改记录。"),
		data.FormatDateISO(e.Date), valueLabel(e.Kind), e.Note, moneyText(e.Fen))
	confirmDelete(f.sh, lang.L("删除收支记录"), msg, func(ctx context.Context) error {
		return st.DeleteLedgerEntry(ctx, e.ID)
	}, func() {
		f.selected = 0
		f.afterWrite(lang.L("已删除一笔收支记录"))
	})
}
