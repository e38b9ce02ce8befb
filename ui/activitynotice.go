package ui

import (
	"context"
	"io"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
	"chamberdesk/report/docx"
	"chamberdesk/report/notice"
	"chamberdesk/report/pdf"
	"chamberdesk/ui/widgets"
)

// noticeForm (会议通知) edits what an activity's notice says beyond the
// activity itself and sends it on: the WeChat text to the clipboard, the
// formal notice as Word or PDF through a save dialog. The text on the
// right shows the notice as it stands while the fields change.
type noticeForm struct {
	sh   shell
	base notice.Notice // the activity, the chamber and the invited, as loaded

	docNo, title, bring, replyBy *formEntry
	contact, phone, issued       *formEntry
	to                           *widget.SelectEntry
	preview                      *widgets.WrapLabel
	dlg                          *dialog.CustomDialog
	// pickSave asks where to write a file (the save dialog; tests answer it).
	pickSave func(name, ext string, use func(path string))
}

// openNotice opens activity id's notice; it returns the form, nil when
// the activity could not be read.
func openNotice(sh shell, id int64) *noticeForm {
	n, err := notice.Load(sh.ctx(), sh.store(), id, membersToday(sh))
	if err != nil {
		sh.showError(err)
		return nil
	}
	f := &noticeForm{sh: sh, base: *n, preview: widgets.NewWrapLabel("")}
	f.pickSave = func(name, ext string, use func(string)) {
		sh.pickSaveFile(name, ext, storage.NewExtensionFileFilter([]string{ext}), use)
	}
	for _, e := range []**formEntry{&f.docNo, &f.title, &f.replyBy, &f.contact, &f.phone, &f.issued} {
		*e = newFormEntry(sh)
	}
	f.bring = newFormMultiLineEntry(sh)
	f.bring.SetMinRowsVisible(2)
	f.to = widget.NewSelectEntry(notice.Addressees)
	fl := n.Fields
	f.docNo.SetText(fl.DocNo)
	f.docNo.SetPlaceHolder(lang.L("如：青禾商发〔2026〕5号，可不填"))
	f.title.SetText(fl.Title)
	f.title.SetPlaceHolder(n.Fields.NoticeTitle(n.Activity))
	f.to.SetText(fl.Addressees)
	f.to.SetPlaceHolder(n.Addressee())
	f.bring.SetText(fl.Bring)
	f.bring.SetPlaceHolder(lang.L("每行一项，如：本人身份证"))
	f.replyBy.SetText(data.FormatDateISO(fl.ReplyBy))
	f.replyBy.SetPlaceHolder(lang.L("回执截止日期，如 2026-12-15"))
	f.replyBy.Validator = checkedBy(data.ParseDate)
	f.contact.SetText(fl.Contact)
	f.phone.SetText(fl.ContactPhone)
	f.issued.SetText(data.FormatDateISO(fl.Issued))
	f.issued.SetPlaceHolder(data.FormatDateISO(n.Date))
	f.issued.Validator = checkedBy(data.ParseDate)
	for _, e := range []*formEntry{f.docNo, f.title, f.bring, f.replyBy, f.contact, f.phone, f.issued} {
		e.OnChanged = func(string) { f.showPreview() }
	}
	f.to.OnChanged = func(string) { f.showPreview() }
	f.showPreview()

	form := widget.NewForm(
		widget.NewFormItem(lang.L("文号"), f.docNo),
		widget.NewFormItem(lang.L("标题"), f.title),
		&widget.FormItem{Text: lang.L("发给"), Widget: f.to, HintText: lang.L("选“受邀人员”时按职务列出活动的参加人员")},
		widget.NewFormItem(lang.L("请携带"), f.bring),
		widget.NewFormItem(lang.L("回执截止"), f.replyBy),
		widget.NewFormItem(lang.L("联系人"), f.contact),
		widget.NewFormItem(lang.L("联系电话"), f.phone),
		widget.NewFormItem(lang.L("发文日期"), f.issued),
	)
	copyBtn := widget.NewButtonWithIcon(lang.L("复制微信文字"), theme.ContentCopyIcon(), func() { f.copyText() })
	wordBtn := widget.NewButtonWithIcon(lang.L("导出 Word…"), theme.DocumentSaveIcon(), func() { f.export(".docx") })
	pdfBtn := widget.NewButtonWithIcon(lang.L("导出 PDF…"), theme.DocumentPrintIcon(), func() { f.export(".pdf") })
	saveBtn := widget.NewButtonWithIcon(lang.L("保存"), theme.ConfirmIcon(), func() {
		if f.save() {
			f.dlg.Hide()
		}
	})
	saveBtn.Importance = widget.HighImportance
	closeBtn := widget.NewButtonWithIcon(lang.L("关闭"), theme.CancelIcon(), func() { f.dlg.Hide() })
	head := widget.NewLabelWithStyle(lang.L("微信群文字版"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	right := container.NewBorder(head, nil, nil, nil, container.NewVScroll(f.preview))
	body := container.NewGridWithColumns(2, container.NewVScroll(form), right)
	f.dlg = formDialog(sh, lang.L("会议通知 — ")+n.Activity.Title, body,
		[]fyne.CanvasObject{closeBtn, copyBtn, wordBtn, pdfBtn, saveBtn}, func() { f.save() }, nil)
	f.dlg.Resize(fitWindow(sh, 1000, 640))
	sh.present(f.dlg)
	return f
}

// fields are the notice's own facts as typed; ok is false (and the
// problem shown under its field) when a date does not read.
func (f *noticeForm) fields() (data.Notice, bool) {
	n := f.base.Fields
	n.DocNo, n.Title, n.Addressees, n.Bring = f.docNo.Text, f.title.Text, f.to.Text, f.bring.Text
	n.Contact, n.ContactPhone = f.contact.Text, f.phone.Text
	ok := true
	for _, c := range []struct {
		e  *formEntry
		to *time.Time
	}{{f.replyBy, &n.ReplyBy}, {f.issued, &n.Issued}} {
		d, err := data.ParseDate(c.e.Text)
		c.e.SetValidationError(plain(err))
		ok = ok && err == nil
		*c.to = d
	}
	return n, ok
}

// current is the notice as the fields make it.
func (f *noticeForm) current() (*notice.Notice, bool) {
	fl, ok := f.fields()
	n := f.base
	n.Fields = fl
	n.Fields.Title, n.Fields.Bring = data.NormalizeText(fl.Title), fl.Bring
	if !fl.Issued.IsZero() {
		n.Date = fl.Issued
	}
	return &n, ok
}

func (f *noticeForm) showPreview() {
	n, _ := f.current()
	f.preview.SetText(n.Text())
}

// save keeps the fields in the store; false when a field is wrong or the
// store refused.
func (f *noticeForm) save() bool {
	fl, ok := f.fields()
	if !ok {
		f.sh.showError(&data.Error{Code: data.CodeInvalid, Msg: lang.L("请先改正标红的日期")})
		return false
	}
	if err := f.sh.store().SaveActivityNotice(f.sh.ctx(), fl); err != nil {
		f.sh.showError(err)
		return false
	}
	f.base.Fields = fl
	return true
}

// copyText saves and puts the WeChat text on the clipboard.
func (f *noticeForm) copyText() {
	if !f.save() {
		return
	}
	n, _ := f.current()
	fyne.CurrentApp().Clipboard().SetContent(n.Text())
	f.sh.showInfo(lang.L("已复制"), lang.L("会议通知的文字已复制，可直接粘贴到微信群。"))
}

// export saves, asks where, and writes the formal notice as ext (.docx or
// .pdf) in the background.
func (f *noticeForm) export(ext string) {
	if !f.save() {
		return
	}
	n, _ := f.current()
	f.pickSave(n.Title()+ext, ext, func(path string) {
		made := f.sh.now()
		f.sh.background(lang.L("正在生成会议通知…"), func(context.Context) error {
			return pdf.WriteFile(path, func(w io.Writer) error {
				if ext == ".docx" {
					return docx.WriteNotice(w, n, made)
				}
				return pdf.WriteNotice(w, n)
			})
		}, func() {
			f.sh.savedFile(lang.L("会议通知已生成"), path, lang.L("正式通知可打印盖章后存档。"))
		})
	})
}
