package ui

import (
	"fmt"
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

// The year's own settings on the 财务 screen: the opening balance, closing
// the year (结账) and reopening it with a reason (反结账), and the list of
// categories.

// yearDialog is a small dialog of the year: a form, an inline message and
// the buttons; ok runs on the button and on Enter.
type yearDialog struct {
	dlg *dialog.CustomDialog
	msg *widgets.WrapLabel
	ok  *widget.Button
}

func (f *financeScreen) newYearDialog(title, okText string, body fyne.CanvasObject, ok func(y *yearDialog)) *yearDialog {
	y := &yearDialog{msg: newLabel("")}
	y.msg.Importance = widget.DangerImportance
	y.ok = widget.NewButtonWithIcon(okText, theme.ConfirmIcon(), func() { ok(y) })
	y.ok.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon(lang.L("取消"), theme.CancelIcon(), func() { y.dlg.Hide() })
	y.dlg = formDialog(f.sh, title, container.NewVBox(body, y.msg), []fyne.CanvasObject{cancel, y.ok},
		func() { ok(y) }, nil)
	y.dlg.Resize(fyne.NewSize(min(520, f.sh.window().Canvas().Size().Width-40), y.dlg.MinSize().Height))
	f.sh.present(y.dlg)
	return y
}

// done closes the dialog, reloads and says msg; or shows err inline.
func (f *financeScreen) done(y *yearDialog, err error, msg string) {
	if err != nil {
		y.msg.SetText(message(err))
		return
	}
	y.dlg.Hide()
	f.afterWrite(msg)
}

// onOpening asks for the year's opening balance, or to carry last year's.
func (f *financeScreen) onOpening() *yearDialog {
	if !f.editable() || f.busy() {
		return nil
	}
	year, b := f.year, f.bal
	amount := newFormEntry(f.sh)
	amount.Validator = checkedBy(data.ParseYuan)
	amount.SetText(data.FormatYuanPlain(b.OpeningFen))
	carry := widget.NewCheck(fmt.Sprintf(lang.L("沿用上年年末余额 %s"), moneyText(b.CarriedFen)), func(on bool) {
		if on {
			amount.SetText(data.FormatYuanPlain(b.CarriedFen))
			amount.Disable()
		} else {
			amount.Enable()
		}
	})
	carry.SetChecked(!b.OpeningSet)
	intro := newLabel(fmt.Sprintf(lang.L("%s的年初余额，通常等于上年年末余额；开始记账的第一年请按实有资金填写。"), yearLabel(year)))
	form := widget.NewForm(widget.NewFormItem(lang.L("年初余额（元）"), amount))
	var y *yearDialog
	y = f.newYearDialog(lang.L("设置年初余额"), lang.L("保存"), container.NewVBox(intro, carry, form), func(*yearDialog) {
		if carry.Checked {
			f.done(y, f.sh.store().SetOpeningBalance(f.sh.ctx(), year, 0, false), lang.L("年初余额改为结转上年"))
			return
		}
		fen, err := data.ParseYuan(amount.Text)
		if err == nil && strings.TrimSpace(amount.Text) == "" {
			err = errString(lang.L("请填写金额"))
		}
		if err != nil {
			y.msg.SetText(fmt.Sprintf(lang.L("%s：%s"), lang.L("年初余额"), plain(err).Error()))
			return
		}
		f.done(y, f.sh.store().SetOpeningBalance(f.sh.ctx(), year, fen, true),
			fmt.Sprintf(lang.L("年初余额已设为 %s"), moneyText(fen)))
	})
	return y
}

// onCloseOrReopen closes an open year, or reopens a closed one.
func (f *financeScreen) onCloseOrReopen() {
	if f.loading || f.busy() || f.sh.store() == nil {
		return
	}
	if f.bal.Closed {
		f.onReopen()
	} else {
		f.onClose()
	}
}

// onClose asks before closing the year shown.
func (f *financeScreen) onClose() *yearDialog {
	year, b := f.year, f.bal
	text := fmt.Sprintf(lang.L("结账后，%s的收支记录、会费缴费和年初余额都不能再修改，除非反结账。\n年末余额 %s 将结转为下一年的年初余额。"),
		yearLabel(year), moneyText(b.ClosingFen))
	var y *yearDialog
	y = f.newYearDialog(fmt.Sprintf(lang.L("%s结账"), yearLabel(year)), lang.L("结账"), newLabel(text), func(*yearDialog) {
		f.done(y, f.sh.store().CloseLedgerYear(f.sh.ctx(), year), fmt.Sprintf(lang.L("%s已结账"), yearLabel(year)))
	})
	return y
}

// onReopen asks for the reason, which the change log keeps, and reopens.
func (f *financeScreen) onReopen() *yearDialog {
	year := f.year
	reason := newFormEntry(f.sh)
	reason.SetPlaceHolder(lang.L("如 补记12月银行利息"))
	reason.Validator = widgets.Required(lang.L("请写明反结账的原因"))
	intro := newLabel(fmt.Sprintf(lang.L("反结账后可以修改%s的账目。原因会记入修改记录。"), yearLabel(year)))
	form := widget.NewForm(widget.NewFormItem(lang.L("反结账原因"), reason))
	var y *yearDialog
	y = f.newYearDialog(fmt.Sprintf(lang.L("%s反结账"), yearLabel(year)), lang.L("反结账"), container.NewVBox(intro, form), func(*yearDialog) {
		if err := reason.Validator(reason.Text); err != nil {
			y.msg.SetText(fmt.Sprintf(lang.L("%s：%s"), lang.L("反结账原因"), err.Error()))
			return
		}
		f.done(y, f.sh.store().ReopenLedgerYear(f.sh.ctx(), year, reason.Text), fmt.Sprintf(lang.L("%s已反结账"), yearLabel(year)))
	})
	reason.OnSubmitted = func(string) { y.ok.OnTapped() }
	f.sh.window().Canvas().Focus(reason)
	return y
}

// categoriesDialog manages the categories: add one to a kind, remove one
// no entry uses (the store refuses the others and says why).
type categoriesDialog struct {
	f     *financeScreen
	dlg   *dialog.CustomDialog
	lists *fyne.Container
	kind  *widgets.RadioChoice
	name  *formEntry
	add   *widget.Button
	msg   *widgets.WrapLabel
}

func (f *financeScreen) onCategories() *categoriesDialog {
	if f.sh.store() == nil || f.busy() {
		return nil
	}
	c := &categoriesDialog{f: f, lists: container.NewGridWithColumns(2), msg: newLabel("")}
	c.msg.Importance = widget.DangerImportance
	c.kind = widgets.NewRadioChoice([]string{data.KindIncome, data.KindSpending}, valueLabel, nil)
	c.kind.Horizontal, c.kind.Required = true, true
	c.kind.SetValue(data.KindSpending)
	c.name = newFormEntry(f.sh)
	c.name.SetPlaceHolder(lang.L("新科目名称"))
	c.add = widget.NewButtonWithIcon(lang.L("添加"), theme.ContentAddIcon(), c.onAdd)
	c.name.OnSubmitted = func(string) { c.onAdd() }
	c.fill()
	addRow := container.NewBorder(nil, nil, c.kind, c.add, c.name)
	note := newLabel(lang.L("已有收支记录的科目不能删除。会费科目由会费收缴使用。"))
	body := container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), addRow, c.msg, note), nil, nil,
		container.NewVScroll(c.lists))
	closeBtn := widget.NewButton(lang.L("关闭"), func() { c.dlg.Hide() })
	c.dlg = dialog.NewCustomWithoutButtons(lang.L("收支科目"), body, f.sh.window())
	c.dlg.SetButtons([]fyne.CanvasObject{closeBtn})
	c.dlg.SetOnClosed(func() { f.load() })
	c.dlg.Resize(fitWindow(f.sh, 600, 560))
	f.sh.present(c.dlg)
	return c
}

// fill lists the categories of each kind, each with a remove button.
func (c *categoriesDialog) fill() {
	f := c.f
	cats, err := f.sh.store().LedgerCategories(f.sh.ctx())
	if err != nil {
		f.sh.showError(err)
		return
	}
	f.cats = cats
	c.lists.Objects = nil
	for _, kind := range []string{data.KindIncome, data.KindSpending} {
		col := container.NewVBox(sectionTitle(valueLabel(kind)))
		for _, cat := range cats {
			if cat.Kind != kind {
				continue
			}
			rm := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { c.onRemove(cat) })
			rm.Importance = widget.LowImportance
			if cat.Kind == data.KindIncome && cat.Name == data.DuesCategory {
				rm.Disable()
			}
			col.Add(container.NewBorder(nil, nil, nil, rm, widget.NewLabel(valueLabel(cat.Name))))
		}
		c.lists.Add(col)
	}
	c.lists.Refresh()
}

func (c *categoriesDialog) onAdd() {
	f := c.f
	name := strings.TrimSpace(c.name.Text)
	if err := f.sh.store().AddLedgerCategory(f.sh.ctx(), c.kind.Value(), name); err != nil {
		c.msg.SetText(message(err))
		return
	}
	c.msg.SetText("")
	c.name.SetText("")
	c.fill()
}

func (c *categoriesDialog) onRemove(cat data.LedgerCategory) {
	f := c.f
	if err := f.sh.store().RemoveLedgerCategory(f.sh.ctx(), cat.Kind, cat.Name); err != nil {
		c.msg.SetText(message(err))
		f.sh.showError(err)
		return
	}
	c.msg.SetText("")
	c.fill()
}
