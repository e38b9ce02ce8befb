package ui

import (
	"reflect"
	"strconv"
	"strings"
	"unsafe"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/ui/widgets"
)

// Quitting never loses an open form's changes silently: closing the window,
// 文件 > 退出 and Ctrl+Q all go through requestQuit, which asks 保存 / 不保存 /
// 取消 while a form registered through saveWhileOpen has changes.

func init() {
	// Ctrl+Q reaches the window even from a form field (see formEntry).
	shortcutKeys[fyne.KeyQ] = "quit"
}

// openForm is the form dialog open now, as saveWhileOpen registered it.
type openForm struct {
	submit   func()
	changed  func() bool // the form's own word on unsaved changes; nil to compare fields
	content  fyne.CanvasObject
	baseline string // the fields as the form opened
	closed   bool
}

// trackForm remembers what d's fields hold as it opens, so a later look
// can tell whether the person changed anything; a form that knows that
// itself passes changed, and its fields are not read.
func trackForm(d dialog.Dialog, submit func(), changed func() bool) *openForm {
	f := &openForm{submit: submit, changed: changed}
	if changed == nil {
		f.content = dialogContent(d)
		f.baseline = fieldState(f.content)
	}
	return f
}

// dirty reports whether the form holds changes: its own word, or its
// fields differ from when it opened. A form whose fields cannot be read
// counts as changed: better to ask once too often than to lose a form.
func (f *openForm) dirty() bool {
	if f == nil || f.closed {
		return false
	}
	if f.changed != nil {
		return f.changed()
	}
	if f.content == nil {
		return true
	}
	return fieldState(f.content) != f.baseline
}

// dialogContent is the content a form dialog was made with. Fyne 2.7 keeps
// it unexported and offers no getter, and the forms register before they
// show (so it is not yet in the window's overlays); ui/quit_test.go checks
// this still finds the member form's fields.
func dialogContent(d dialog.Dialog) fyne.CanvasObject {
	v := reflect.ValueOf(d)
	for depth := 0; depth < 4; depth++ {
		for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
			if v.IsNil() {
				return nil
			}
			v = v.Elem()
		}
		if v.Kind() != reflect.Struct || !v.CanAddr() {
			return nil
		}
		if c := v.FieldByName("content"); c.IsValid() && c.Kind() == reflect.Interface {
			o, _ := reflect.NewAt(c.Type(), unsafe.Pointer(c.UnsafeAddr())).Elem().Interface().(fyne.CanvasObject)
			return o
		}
		if v.NumField() == 0 || !v.Type().Field(0).Anonymous {
			return nil
		}
		v = v.Field(0) // CustomDialog embeds *dialog
	}
	return nil
}

// fieldState writes down every value a person can change under o.
func fieldState(o fyne.CanvasObject) string {
	var b strings.Builder
	walkFields(o, &b)
	return b.String()
}

func walkFields(o fyne.CanvasObject, b *strings.Builder) {
	put := func(kind, v string) {
		b.WriteString(kind)
		b.WriteString(strconv.Quote(v))
		b.WriteByte(';')
	}
	switch w := o.(type) {
	case nil:
	case *formEntry:
		put("e", w.Text)
	case *widget.Entry:
		put("e", w.Text)
	case *widget.SelectEntry:
		put("e", w.Text)
	case *widget.Select:
		put("s", w.Selected)
	case *widget.RadioGroup:
		put("r", w.Selected)
	case *widget.Check:
		put("c", strconv.FormatBool(w.Checked))
	case *widget.CheckGroup:
		put("g", strings.Join(w.Selected, "\x00"))
	case *widget.Label: // counts such as 已选 N 人 stand for picks held elsewhere
		put("l", w.Text)
	case *widgets.WrapLabel:
		put("l", w.Text)
	case *widget.Form:
		for _, it := range w.Items {
			walkFields(it.Widget, b)
		}
	case *container.AppTabs:
		for _, it := range w.Items {
			put("t", it.Text)
			walkFields(it.Content, b)
		}
	case *container.DocTabs:
		for _, it := range w.Items {
			put("t", it.Text)
			walkFields(it.Content, b)
		}
	case *container.Scroll:
		walkFields(w.Content, b)
	case *container.Split:
		walkFields(w.Leading, b)
		walkFields(w.Trailing, b)
	case *widget.Card:
		walkFields(w.Content, b)
	case *widget.Accordion:
		for _, it := range w.Items {
			walkFields(it.Detail, b)
		}
	case *fyne.Container:
		for _, c := range w.Objects {
			walkFields(c, b)
		}
	}
}

// requestQuit runs quit, first asking whether to save an open form with
// changes: 保存 saves and quits (unless the form refuses to save, when it
// stays open with its message and changes), 不保存 quits, 取消 goes back
// to the form.
func (a *App) requestQuit(quit func()) {
	f := a.form
	if !f.dirty() {
		quit()
		return
	}
	var d *dialog.CustomDialog
	save := widget.NewButton(lang.L("保存"), func() {
		d.Hide()
		f.submit()
		if !f.dirty() { // closed, or saved and kept open (the case editor)
			quit()
		}
	})
	save.Importance = widget.HighImportance
	discard := widget.NewButton(lang.L("不保存"), func() { d.Hide(); quit() })
	cancel := widget.NewButton(lang.L("取消"), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(lang.L("退出商会工作台"),
		newLabel(lang.L("正在填写的表单有尚未保存的修改。退出前要保存吗？")), a.win)
	d.SetButtons([]fyne.CanvasObject{cancel, discard, save})
	a.present(d)
}

// closeWindow is what closing the window does once nothing is left unsaved.
func (a *App) closeWindow() { a.Close(); a.win.Close() }

// quitApp is what 文件 > 退出 and Ctrl+Q do once nothing is left unsaved.
func (a *App) quitApp() { a.Close(); a.fyne.Quit() }
