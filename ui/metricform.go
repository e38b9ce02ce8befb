package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
	"chamberdesk/ui/widgets"
)

// Kinds a person may choose for a metric of their own.
const (
	kindManualText  = "手工填写"
	kindOutcomeText = "活动成效"
)

// metricForm is the 新增指标 dialog.
type metricForm struct {
	s    *metricsScreen
	name *widget.Entry
	unit *widget.SelectEntry
	kind *widgets.RadioChoice // shown in the window's language
	note *widget.Entry
	msg  *widgets.WrapLabel
	ok   *widget.Button
	dlg  *dialog.CustomDialog
}

// onAdd opens the 新增指标 dialog and returns it.
func (s *metricsScreen) onAdd() *metricForm {
	f := &metricForm{s: s, name: widget.NewEntry(), unit: widget.NewSelectEntry(data.MetricUnits),
		note: widget.NewEntry(), msg: newLabel("")}
	f.name.SetPlaceHolder(lang.L("如：结对帮扶村数"))
	f.name.Validator = widgets.Required(lang.L("请填写指标名称"))
	f.unit.SetPlaceHolder(lang.L("选择或输入，如 个、万元"))
	f.kind = widgets.NewRadioChoice([]string{kindOutcomeText, kindManualText}, func(v string) string { return lang.L(v) }, nil)
	f.kind.Horizontal = true
	f.kind.Required = true
	f.kind.SetValue(kindOutcomeText)
	f.note.SetPlaceHolder(lang.L("选填：统计口径"))
	form := widget.NewForm(
		widget.NewFormItem(lang.L("名称"), f.name),
		widget.NewFormItem(lang.L("单位"), f.unit),
		&widget.FormItem{Text: lang.L("类型"), Widget: f.kind,
			HintText: lang.L("活动成效：在每次活动里填写，按年合计；手工填写：每年填写一次")},
		widget.NewFormItem(lang.L("口径说明"), f.note),
	)
	f.ok = widget.NewButtonWithIcon(lang.L("添加"), theme.ConfirmIcon(), f.submit)
	f.ok.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon(lang.L("取消"), theme.CancelIcon(), func() { f.dlg.Hide() })
	f.dlg = dialog.NewCustomWithoutButtons(lang.L("新增指标"), container.NewVBox(form, f.msg), s.sh.window())
	f.dlg.SetButtons([]fyne.CanvasObject{cancel, f.ok})
	f.dlg.Resize(fyne.NewSize(520, 0))
	s.sh.present(f.dlg)
	s.sh.window().Canvas().Focus(f.name)
	return f
}

// submit adds the metric; a refusal is said in the dialog, which stays open.
func (f *metricForm) submit() {
	kind := data.MetricOutcome
	if f.kind.Value() == kindManualText {
		kind = data.MetricManual
	}
	m := data.Metric{Name: f.name.Text, Unit: f.unit.Text, Kind: kind, Note: f.note.Text}
	key, err := f.s.sh.store().AddMetric(f.s.sh.ctx(), m)
	if err != nil {
		if e, ok := data.AsError(err); ok {
			f.msg.Importance = widget.DangerImportance
			f.msg.SetText(fieldAndMsg(e))
			if e.Field == "指标名称" {
				f.name.SetValidationError(errString(errMsg(e)))
			}
			return
		}
		f.s.sh.showError(err)
		return
	}
	f.dlg.Hide()
	s := f.s
	s.selected = key
	s.load()
	where := lang.L("可以在活动的“成效”中选用")
	if kind == data.MetricManual {
		where = lang.L("请在右侧填写本年数值")
	}
	s.status.Importance = widget.SuccessImportance
	s.status.SetText(fmt.Sprintf(lang.L("已新增指标“%s”，%s"), data.NormalizeText(m.Name), where))
}
