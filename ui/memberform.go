package ui

import (
	"fmt"
	"fyne.io/fyne/v2/lang"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
	"chamberdesk/ui/widgets"
)

// memberChoices gives an entry a drop-down button that fills in one of
// choices; the person may still type anything else.
func memberChoices(e *formEntry, choices []string) {
	if len(choices) == 0 {
		return
	}
	var b *widget.Button
	b = widget.NewButtonWithIcon("", theme.MenuDropDownIcon(), func() {
		items := make([]*fyne.MenuItem, len(choices))
		for i, c := range choices {
			items[i] = fyne.NewMenuItem(c, func() { e.SetText(c) })
		}
		d := fyne.CurrentApp().Driver()
		pos := d.AbsolutePositionForObject(e).Add(fyne.NewPos(0, e.Size().Height))
		widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), d.CanvasForObject(b), pos)
	})
	b.Importance = widget.LowImportance
	e.ActionItem = b
}

// memberForm is the add/edit dialog of one member. Each field checks itself
// while typing with the same rules the store applies on save.
type memberForm struct {
	sh    shell
	m     data.Member // as loaded; ID 0 for a new member
	saved func(id int64)

	kind, gender                     *widgets.RadioChoice // shown in the window's language, values as stored
	name, company, credit, industry  *formEntry
	phone, idNumber, joinDate, notes *formEntry
	political, office                *widgets.Choice
	creditItem                       *widget.FormItem
	left, right                      *widget.Form
	saveBtn, cancelBtn               *widget.Button
	dlg                              *dialog.CustomDialog
	closed                           bool
	lastID                           int64       // the member the last save wrote
	warnings                         data.Errors // of the last save
}

func memberCreditHint() string { return lang.L("18位，可不填") }

func newMemberForm(a shell, m data.Member, industries []string, saved func(id int64)) *memberForm {
	f := &memberForm{sh: a, m: m, saved: saved}
	f.kind = widgets.NewRadioChoice([]string{data.KindUnit, data.KindPersonal}, valueLabel, func(string) {
		f.company.Validate()
	})
	f.kind.Horizontal, f.kind.Required = true, true
	f.gender = widgets.NewRadioChoice([]string{"男", "女"}, valueLabel, nil)
	f.gender.Horizontal = true
	for _, e := range []**formEntry{&f.name, &f.company, &f.credit, &f.industry, &f.phone, &f.idNumber, &f.joinDate} {
		*e = newFormEntry(a)
	}
	f.notes = newFormMultiLineEntry(a)
	f.notes.SetMinRowsVisible(2)

	f.name.Validator = widgets.Required(lang.L("不能为空"))
	f.company.Validator = func(s string) error {
		if f.kind.Value() == data.KindUnit && strings.TrimSpace(s) == "" {
			return errString(lang.L("单位会员须填写企业名称"))
		}
		return nil
	}
	f.credit.Validator = creditCodeValidator // a warning is shown as the hint
	f.credit.OnChanged = func(string) { f.showCreditWarning() }
	f.phone.Validator = checkedBy(data.CheckPhone)
	f.idNumber.Validator = func(s string) error { _, err := data.CheckIDNumberAt(s, f.sh.now()); return plain(err) }
	f.joinDate.Validator = checkedBy(data.ParseDate)
	f.joinDate.SetPlaceHolder(lang.L("如 2021-03-05"))
	f.phone.SetPlaceHolder(lang.L("如 13812345678"))
	f.credit.SetPlaceHolder(lang.L("如 91330100MA2XXXXXXX"))
	memberChoices(f.industry, industries)
	f.political = valueChoice(data.PoliticalStatuses, nil)
	f.political.PlaceHolder = lang.L("（未填）")
	f.office = valueChoice(data.Offices, nil)

	f.fill(m)
	f.creditItem = widget.NewFormItem(lang.L("统一社会信用代码"), f.credit)
	f.creditItem.HintText = memberCreditHint()
	f.left = widget.NewForm(
		widget.NewFormItem(lang.L("会员类型"), f.kind),
		widget.NewFormItem(lang.L("姓名"), f.name),
		widget.NewFormItem(lang.L("性别"), f.gender),
		&widget.FormItem{Text: lang.L("手机号码"), Widget: f.phone, HintText: lang.L("手机或带区号的固定电话")},
		&widget.FormItem{Text: lang.L("身份证号码"), Widget: f.idNumber, HintText: lang.L("18位，可不填")},
		widget.NewFormItem(lang.L("政治面貌"), f.political),
	)
	f.right = widget.NewForm(
		widget.NewFormItem(lang.L("企业名称"), f.company),
		f.creditItem,
		widget.NewFormItem(lang.L("行业"), f.industry),
		widget.NewFormItem(lang.L("商会职务"), f.office),
		&widget.FormItem{Text: lang.L("入会日期"), Widget: f.joinDate, HintText: lang.L("也可写 2021.3.5 或 2021年3月5日")},
	)
	f.showCreditWarning()
	f.saveBtn = widget.NewButtonWithIcon(lang.L("保存"), theme.DocumentSaveIcon(), func() { f.submit() })
	f.saveBtn.Importance = widget.HighImportance
	f.cancelBtn = widget.NewButtonWithIcon(lang.L("取消"), theme.CancelIcon(), func() { f.dlg.Hide() })
	return f
}

// fill puts m's values in the fields.
func (f *memberForm) fill(m data.Member) {
	kind := m.Kind
	if kind == "" {
		kind = data.KindUnit
	}
	f.kind.SetValue(kind)
	f.gender.SetValue(m.Gender)
	f.name.SetText(m.Name)
	f.company.SetText(m.Company)
	f.credit.SetText(m.CreditCode)
	f.industry.SetText(m.Industry)
	f.phone.SetText(m.Phone)
	f.idNumber.SetText(m.IDNumber)
	if m.Political != "" {
		f.political.SetValue(m.Political)
	}
	office := m.Office
	if office == "" {
		office = "会员"
	}
	f.office.SetValue(office)
	f.joinDate.SetText(data.FormatDateISO(m.JoinDate))
	f.notes.SetText(m.Notes)
}

// showCreditWarning puts a wrong check character under the credit code as
// a hint: the code can still be saved, and is flagged for checking.
func (f *memberForm) showCreditWarning() {
	if f.creditItem == nil {
		return
	}
	hint := memberCreditHint()
	_, err := data.CheckCreditCode(f.credit.Text)
	if e, ok := data.AsError(err); ok && e.Warning {
		hint = lang.L("校验位不符，请核对；仍可保存，并标记待核对")
		code := strings.ToUpper(strings.Join(strings.Fields(f.credit.Text), ""))
		if c, ok := data.CreditCodeCheckChar(code[:17]); ok {
			hint = fmt.Sprintf(lang.L("校验位不符（应为%c），请核对；仍可保存，并标记待核对"), c)
		}
	}
	if hint != f.creditItem.HintText {
		f.creditItem.HintText = hint
		if f.right != nil {
			f.right.Refresh()
		}
	}
}

func (f *memberForm) content() fyne.CanvasObject {
	notes := widget.NewForm(widget.NewFormItem(lang.L("备注"), f.notes))
	return container.NewVBox(container.NewGridWithColumns(2, f.left, f.right), notes)
}

func (f *memberForm) show() {
	title := lang.L("新增会员")
	if f.m.ID != 0 {
		title = lang.L("编辑会员 — ") + f.m.Name
	}
	f.dlg = formDialog(f.sh, title, f.content(), []fyne.CanvasObject{f.cancelBtn, f.saveBtn},
		func() { f.submit() }, func() { f.closed = true })
	f.dlg.Resize(fyne.NewSize(min(920, f.sh.window().Canvas().Size().Width-40), f.dlg.MinSize().Height))
	f.sh.present(f.dlg)
	f.sh.window().Canvas().Focus(f.name)
}

// member is the member as the fields now describe it, and a problem with
// the join date, which the store cannot see once it is parsed.
func (f *memberForm) member() (data.Member, error) {
	m := f.m
	m.Kind, m.Name, m.Company = f.kind.Value(), f.name.Text, f.company.Text
	m.CreditCode, m.Industry, m.Gender = f.credit.Text, f.industry.Text, f.gender.Value()
	m.Phone, m.IDNumber, m.Political = f.phone.Text, f.idNumber.Text, f.political.Value()
	m.Office, m.Notes = f.office.Value(), f.notes.Text
	join, err := data.ParseDate(f.joinDate.Text)
	m.JoinDate = join
	return m, err
}

// validate runs every field's check so each problem shows under its field,
// and returns the first.
func (f *memberForm) validate() error {
	var first error
	for _, e := range []*formEntry{f.name, f.company, f.credit, f.phone, f.idNumber, f.joinDate} {
		e.SetValidationError(nil) // so a problem in an untouched field shows too
		if err := e.Validate(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// submit saves the member and closes the form. While a field is invalid
// nothing is written: the store's message says what is wrong and the form
// stays open. A wrong credit-code check character saves, flagged, and says so.
func (f *memberForm) submit() bool {
	if f.closed {
		return false
	}
	m, dateErr := f.member()
	invalid := f.validate()
	if dateErr != nil {
		f.sh.showError(dateErr)
		return false
	}
	if invalid != nil {
		probe := m
		if _, err := probe.Normalize(f.sh.now()); err != nil {
			invalid = err // the store's own words, with the field named
		}
		f.sh.showError(invalid)
		return false
	}
	s, ctx := f.sh.store(), f.sh.ctx()
	var (
		id       = m.ID
		warnings data.Errors
		err      error
	)
	if id == 0 {
		id, warnings, err = s.CreateMember(ctx, m)
	} else {
		warnings, err = s.UpdateMember(ctx, m)
	}
	if err != nil {
		f.sh.showError(err)
		return false
	}
	f.lastID, f.warnings = id, warnings
	f.dlg.Hide()
	if f.saved != nil {
		f.saved(id)
	}
	if len(warnings) > 0 {
		f.sh.showInfo(lang.L("已保存，但需要核对"), memberWarningText(warnings))
	}
	return true
}

// memberWarningText says what was saved but needs checking.
func memberWarningText(ws data.Errors) string {
	var b strings.Builder
	b.WriteString(lang.L("已保存，但"))
	for i, w := range ws {
		if i > 0 {
			b.WriteString("；\n")
		}
		b.WriteString(errField(w))
		if w.Value != "" {
			fmt.Fprintf(&b, "「%s」", w.Value)
		}
		b.WriteString(errMsg(w))
	}
	b.WriteString(lang.L("。"))
	return b.String()
}

// leaveForm is the 退会 dialog: the date and the reason a member left.
// Nothing is deleted; the member keeps their dues and attendance.
type leaveForm struct {
	sh   shell
	m    data.Member
	done func()

	date, reason *formEntry
	form         *widget.Form
	okBtn        *widget.Button
	dlg          *dialog.CustomDialog
	closed       bool
}

// memberLeaveReasons are the reasons a town chamber usually records.
var memberLeaveReasons = []string{"企业注销", "迁出本镇", "经营转型", "个人原因", "长期未缴会费"}

func newLeaveForm(a shell, m data.Member, done func()) *leaveForm {
	l := &leaveForm{sh: a, m: m, done: done, date: newFormEntry(a), reason: newFormEntry(a)}
	l.date.SetText(data.FormatDateISO(membersToday(a)))
	l.date.Validator = widgets.All(widgets.Required(lang.L("请填写退会日期")), checkedBy(data.ParseDate))
	l.reason.SetPlaceHolder(lang.L("如 企业注销、迁出本镇"))
	memberChoices(l.reason, memberLeaveReasons)
	l.form = widget.NewForm(
		&widget.FormItem{Text: lang.L("退会日期"), Widget: l.date, HintText: lang.L("如 2026-03-05")},
		widget.NewFormItem(lang.L("原因"), l.reason),
	)
	l.okBtn = widget.NewButton(lang.L("确认退会"), func() { l.submit() })
	l.okBtn.Importance = widget.DangerImportance
	return l
}

func (l *leaveForm) show() {
	who := l.m.Name
	if l.m.Company != "" {
		who += "（" + l.m.Company + "）"
	}
	intro := newLabel(fmt.Sprintf(lang.L("确定让 %s 退会吗？\n会员不会被删除，以往的会费和活动记录都会保留。"), who))
	l.dlg = dialog.NewCustomWithoutButtons(lang.L("会员退会"), container.NewVBox(intro, l.form), l.sh.window())
	l.dlg.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.L("取消"), func() { l.dlg.Hide() }), l.okBtn})
	l.sh.saveWhileOpen(l.dlg, func() { l.submit() }, func() { l.closed = true })
	l.dlg.Resize(fyne.NewSize(520, l.dlg.MinSize().Height))
	l.sh.present(l.dlg)
	l.sh.window().Canvas().Focus(l.reason)
}

// submit records the leaving; on a problem the dialog stays open.
func (l *leaveForm) submit() bool {
	if l.closed {
		return false
	}
	l.date.Validate() // shows the problem under the field too
	date, err := data.ParseDate(l.date.Text)
	if err != nil {
		l.sh.showError(err)
		return false
	}
	// an empty date reaches the store, which refuses it in its own words
	if err := l.sh.store().LeaveMember(l.sh.ctx(), l.m.ID, date, l.reason.Text); err != nil {
		l.sh.showError(err)
		return false
	}
	l.dlg.Hide()
	if l.done != nil {
		l.done()
	}
	return true
}
