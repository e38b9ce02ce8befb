package ui

import (
	"context"
	"fmt"
	"fyne.io/fyne/v2/lang"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
	"chamberdesk/ui/widgets"
)

// duesForm is the 登记缴费 dialog: one member's dues for the year shown.
type duesForm struct {
	screen *duesScreen
	line   data.DuesLine

	due, paid, date, receipt, note *widget.Entry
	msg                            *widgets.WrapLabel // the inline error
	saveBtn, cancelBtn             *widget.Button
	dlg                            dialog.Dialog
}

func newDuesForm(d *duesScreen, l data.DuesLine) *duesForm {
	f := &duesForm{screen: d, line: l}
	amount := checkedBy(data.ParseYuan)
	f.due = widget.NewEntry()
	f.due.Validator = amount
	f.paid = widget.NewEntry()
	f.paid.Validator = amount
	f.date = widget.NewEntry()
	f.date.SetPlaceHolder(lang.L("如 2026-03-05 或 2026年3月5日"))
	f.date.Validator = checkedBy(data.ParseDate)
	f.receipt = widget.NewEntry()
	f.note = widget.NewEntry()
	f.msg = newLabel("")
	f.msg.Importance = widget.DangerImportance

	// A member who still owes most often comes to pay the rest: offer the
	// full amount today. A settled line shows what was recorded.
	f.due.SetText(data.FormatYuanPlain(l.DueFen))
	if l.Owing() {
		f.paid.SetText(data.FormatYuanPlain(l.DueFen))
		f.date.SetText(data.FormatDateISO(d.today()))
	} else {
		f.paid.SetText(data.FormatYuanPlain(l.PaidFen))
		f.date.SetText(data.FormatDateISO(l.PaidDate))
	}
	f.receipt.SetText(l.ReceiptNo)
	f.note.SetText(l.Note)
	for _, e := range []*widget.Entry{f.due, f.paid, f.date, f.receipt, f.note} {
		e.OnChanged = func(string) { f.check() }
		e.OnSubmitted = func(string) { f.onSave() }
	}
	f.saveBtn = widget.NewButton(lang.L("保存"), f.onSave)
	f.saveBtn.Importance = widget.HighImportance
	f.cancelBtn = widget.NewButton(lang.L("取消"), func() { f.dlg.Hide() })
	return f
}

func (f *duesForm) show() {
	d := f.screen
	who := f.line.Name
	if f.line.Company != "" {
		who += "　" + f.line.Company
	}
	head := newLabel(fmt.Sprintf(lang.L("%s（%s）　%d年会费"), who, valueLabel(f.line.Office), d.year))
	form := widget.NewForm(
		widget.NewFormItem(lang.L("应缴（元）"), f.due),
		widget.NewFormItem(lang.L("实缴（元）"), f.paid),
		widget.NewFormItem(lang.L("缴费日期"), f.date),
		widget.NewFormItem(lang.L("收据号"), f.receipt),
		widget.NewFormItem(lang.L("备注"), f.note),
	)
	buttons := container.NewHBox(layout.NewSpacer(), f.cancelBtn, f.saveBtn)
	f.dlg = dialog.NewCustomWithoutButtons(lang.L("登记缴费"), container.NewVBox(head, form, f.msg, buttons), d.sh.window())
	f.dlg.Resize(fyne.NewSize(520, 0))
	d.sh.present(f.dlg)
	d.sh.window().Canvas().Focus(f.paid)
}

// read checks every field and returns the dues to save, or the first problem
// as a sentence naming the field.
func (f *duesForm) read() (data.Dues, error) {
	d := f.screen
	out := data.Dues{MemberID: f.line.MemberID, Year: d.year,
		ReceiptNo: strings.TrimSpace(f.receipt.Text), Note: strings.TrimSpace(f.note.Text)}
	var err error
	if strings.TrimSpace(f.due.Text) == "" {
		return out, errString(lang.L("应缴：请填写金额，不收会费请填 0"))
	}
	if out.DueFen, err = data.ParseYuan(f.due.Text); err != nil {
		return out, errString(lang.L("应缴：") + plain(err).Error())
	}
	if out.PaidFen, err = data.ParseYuan(f.paid.Text); err != nil {
		return out, errString(lang.L("实缴：") + plain(err).Error())
	}
	if out.PaidFen > out.DueFen {
		return out, errString(fmt.Sprintf(lang.L("实缴：%s元超过应缴%s元，请核对金额"),
			data.FormatYuanPlain(out.PaidFen), data.FormatYuanPlain(out.DueFen)))
	}
	if out.PaidDate, err = data.ParseDate(f.date.Text); err != nil {
		return out, errString(lang.L("缴费日期：") + plain(err).Error())
	}
	switch {
	case out.PaidFen > 0 && out.PaidDate.IsZero():
		return out, errString(lang.L("缴费日期：请填写缴费日期"))
	case out.PaidDate.After(d.today()):
		return out, errString(lang.L("缴费日期：不能晚于今天"))
	case out.PaidFen == 0:
		out.PaidDate = time.Time{} // nothing paid, so no date of payment
	}
	if out.ReceiptNo != "" && out.ReceiptNo != f.line.ReceiptNo {
		if who, used := d.receiptsInUse()[out.ReceiptNo]; used {
			return out, errString(fmt.Sprintf(lang.L("收据号：%s 已用于%s的%d年会费"), out.ReceiptNo, who, d.year))
		}
	}
	return out, nil
}

// check shows the first problem while typing.
func (f *duesForm) check() {
	if _, err := f.read(); err != nil {
		f.msg.SetText(err.Error())
	} else {
		f.msg.SetText("")
	}
}

func (f *duesForm) onSave() {
	dues, err := f.read()
	if err != nil {
		f.msg.SetText(err.Error())
		return
	}
	d := f.screen
	if _, err := d.sh.store().SaveDues(d.sh.ctx(), dues); err != nil {
		f.msg.SetText(message(err))
		return
	}
	f.dlg.Hide()
	d.afterWrite(fmt.Sprintf(lang.L("已登记%s的%d年会费"), f.line.Name, d.year))
}

// bulkPaidForm is the 批量登记已缴 dialog: the date and receipt prefix for
// marking several members paid in full.
type bulkPaidForm struct {
	screen  *duesScreen
	lines   []data.DuesLine // the checked members who owe, in sheet order
	skipped int             // checked members already paid

	date, prefix *widget.Entry
	info         *widget.Label
	msg          *widgets.WrapLabel
	okBtn        *widget.Button
	cancelBtn    *widget.Button
	dlg          dialog.Dialog
}

func newBulkPaidForm(d *duesScreen, lines []data.DuesLine, skipped int) *bulkPaidForm {
	b := &bulkPaidForm{screen: d, lines: lines, skipped: skipped}
	b.date = widget.NewEntry()
	b.date.SetText(data.FormatDateISO(d.today()))
	b.date.Validator = checkedBy(data.ParseDate)
	b.prefix = widget.NewEntry()
	b.prefix.SetPlaceHolder(lang.L("如 QH2026-，可不填"))
	b.prefix.SetText(b.suggestPrefix())
	b.info = widget.NewLabel("")
	b.msg = newLabel("")
	b.msg.Importance = widget.DangerImportance
	for _, e := range []*widget.Entry{b.date, b.prefix} {
		e.OnChanged = func(string) { b.check() }
		e.OnSubmitted = func(string) { b.onOK() }
	}
	b.okBtn = widget.NewButton(lang.L("登记已缴"), b.onOK)
	b.okBtn.Importance = widget.HighImportance
	b.cancelBtn = widget.NewButton(lang.L("取消"), func() { b.dlg.Hide() })
	b.check()
	return b
}

func (b *bulkPaidForm) show() {
	d := b.screen
	form := widget.NewForm(
		widget.NewFormItem(lang.L("缴费日期"), b.date),
		widget.NewFormItem(lang.L("收据号前缀"), b.prefix),
	)
	buttons := container.NewHBox(layout.NewSpacer(), b.cancelBtn, b.okBtn)
	b.dlg = dialog.NewCustomWithoutButtons(lang.L("批量登记已缴"), container.NewVBox(b.info, form, b.msg, buttons), d.sh.window())
	b.dlg.Resize(fyne.NewSize(520, 0))
	d.sh.present(b.dlg)
}

// receipts are the numbers store.MarkDuesPaid will give to the members
// without a receipt number yet: the next free ones of prefix this year.
func (b *bulkPaidForm) receipts(prefix string) []string {
	n := 0
	for _, l := range b.lines {
		if l.ReceiptNo == "" {
			n++
		}
	}
	d := b.screen
	rs, err := d.sh.store().NextReceipts(d.sh.ctx(), d.year, prefix, n)
	if err != nil {
		return nil
	}
	return rs
}

// suggestPrefix offers the prefix of the chamber's own series this year
// (the most common one, such as QH2026-), else "<year>-".
func (b *bulkPaidForm) suggestPrefix() string {
	base := fmt.Sprintf("%d-", b.screen.year)
	count := map[string]int{}
	for r := range b.screen.receiptsInUse() {
		if p := strings.TrimRight(r, "0123456789"); p != "" && p != r {
			count[p]++
			if count[p] > count[base] || (count[p] == count[base] && p < base) {
				base = p
			}
		}
	}
	return base
}

// read checks the fields: the date and the prefix, or the first problem.
func (b *bulkPaidForm) read() (time.Time, string, error) {
	d := b.screen
	date, err := data.ParseDate(b.date.Text)
	switch {
	case err != nil:
		return date, "", errString(lang.L("缴费日期：") + plain(err).Error())
	case date.IsZero():
		return date, "", errString(lang.L("缴费日期：请填写缴费日期"))
	case date.After(d.today()):
		return date, "", errString(lang.L("缴费日期：不能晚于今天"))
	}
	return date, strings.TrimSpace(b.prefix.Text), nil
}

// check updates what the dialog says while typing.
func (b *bulkPaidForm) check() {
	var due int64
	for _, l := range b.lines {
		due += l.DueFen - l.PaidFen
	}
	text := fmt.Sprintf(lang.L("为 %d 名会员登记%d年会费按应缴金额缴清，合计补缴 %s。"), len(b.lines), b.screen.year, data.FormatWanYuan(due))
	if b.skipped > 0 {
		text += fmt.Sprintf(lang.L("\n另有 %d 名勾选的会员已缴清，不做改动。"), b.skipped)
	}
	switch rs := b.receipts(strings.TrimSpace(b.prefix.Text)); {
	case len(rs) == 1:
		text += lang.L("\n新收据号：") + rs[0]
	case len(rs) > 1:
		text += fmt.Sprintf(lang.L("\n新收据号：%s 至 %s"), rs[0], rs[len(rs)-1])
	}
	if n := len(b.receipts("-")); n < len(b.lines) {
		text += lang.L("\n已有收据号的会员（部分缴纳过的）保留原收据号。")
	}
	b.info.SetText(text)
	if _, _, err := b.read(); err != nil {
		b.msg.SetText(err.Error())
	} else {
		b.msg.SetText("")
	}
}

func (b *bulkPaidForm) onOK() {
	date, prefix, err := b.read()
	if err != nil {
		b.msg.SetText(err.Error())
		return
	}
	d := b.screen
	ids := make([]int64, len(b.lines))
	for i, l := range b.lines {
		ids[i] = l.MemberID
	}
	year, n := d.year, len(ids)
	b.dlg.Hide()
	d.sh.background(lang.L("正在登记缴费…"), func(ctx context.Context) error {
		return d.sh.store().MarkDuesPaid(ctx, year, ids, date, prefix)
	}, func() {
		for _, id := range ids {
			delete(d.checked, id)
		}
		d.afterWrite(fmt.Sprintf(lang.L("已为 %d 名会员登记%d年会费已缴清"), n, year))
	})
}
