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

// figureDialog (插入数字) picks a metric of the case's year, shows its exact
// value and where it comes from, offers the official phrasings, and puts
// the chosen one into a section's text, recording the figure so it can be
// checked against the records later. A figure typed by hand is allowed and
// recorded as untraced.
type figureDialog struct {
	f       *caseForm
	section string
	year    int
	figs    []data.Figure // the metrics of the year, catalog order

	metric       *widget.Select
	span         *widget.Select // one year or two
	value, unit  *formEntry     // for a figure typed by hand
	manualBox    *fyne.Container
	exact        *widget.Label
	source       *widgets.WrapLabel
	choices      *widget.RadioGroup
	custom       *formEntry // a phrasing of one's own
	insertBtn    *widget.Button
	form         *widget.Form
	dlg          *dialog.CustomDialog
	picked       data.CaseFigure // what 插入 records
	pickedOK     bool
	spanTwoYears string
	reads        int // choices made, so only the newest one's value shows
}

// figureManual is the metric choice for a figure typed by hand.
func figureManual() string { return lang.L("手工输入（无记录可溯源）") }

// newFigureDialog makes the dialog; the year's metrics are read off the UI
// thread and offered when they come, after the choice of typing by hand.
func newFigureDialog(f *caseForm, section string) *figureDialog {
	d := &figureDialog{f: f, section: section, year: f.caseYear()}
	d.metric = widget.NewSelect([]string{figureManual()}, func(string) { d.update() })
	d.metric.PlaceHolder = lang.L("请选择指标")
	d.spanTwoYears = fmt.Sprintf(lang.L("%d—%d年（两年合计）"), d.year-1, d.year)
	d.span = widget.NewSelect([]string{fmt.Sprintf(lang.L("%d年"), d.year), d.spanTwoYears}, func(string) { d.update() })
	d.span.SetSelectedIndex(0)
	d.value, d.unit = newFormEntry(f.sh), newFormEntry(f.sh)
	d.value.SetPlaceHolder(lang.L("数值，如 3046"))
	d.unit.SetPlaceHolder(lang.L("单位，如 人次"))
	d.value.OnChanged = func(string) { d.update() }
	d.unit.OnChanged = func(string) { d.update() }
	d.manualBox = container.NewGridWithColumns(2, d.value, d.unit)
	d.manualBox.Hide()
	d.exact = widget.NewLabel("")
	d.exact.TextStyle.Bold = true
	d.source = newLabel("")
	d.source.Importance = widget.LowImportance
	d.choices = widget.NewRadioGroup(nil, func(string) { d.showPicked() })
	d.custom = newFormEntry(f.sh)
	d.custom.SetPlaceHolder(lang.L("或自己写，如：3000多人次"))
	d.custom.OnChanged = func(string) { d.showPicked() }
	d.insertBtn = widget.NewButtonWithIcon(lang.L("插入"), theme.ContentAddIcon(), d.onInsert)
	d.insertBtn.Importance = widget.HighImportance
	d.update()
	st, ctx := f.sh.store(), f.sh.ctx()
	f.sh.inBackground(func() {
		figs, err := st.Figures(ctx, d.year)
		fyne.Do(func() { d.offerMetrics(figs, err) })
	})
	return d
}

// offerMetrics puts the year's metrics before the choice of typing by hand.
func (d *figureDialog) offerMetrics(figs []data.Figure, err error) {
	if err != nil {
		d.f.sh.showError(err)
		return
	}
	d.figs = figs
	labels := make([]string, 0, len(figs)+1)
	for _, g := range figs {
		labels = append(labels, fmt.Sprintf(lang.L("%s（%s）"), valueLabel(g.Name), valueLabel(g.Unit)))
	}
	d.metric.SetOptions(append(labels, figureManual()))
}

func (d *figureDialog) show() {
	d.form = widget.NewForm(
		widget.NewFormItem(lang.L("指标"), container.NewVBox(d.metric, d.manualBox)),
		widget.NewFormItem(lang.L("统计范围"), d.span),
		widget.NewFormItem(lang.L("准确数值"), container.NewVBox(d.exact, d.source)),
		widget.NewFormItem(lang.L("写法"), d.choices),
		widget.NewFormItem(lang.L("自定义写法"), d.custom),
	)
	title := fmt.Sprintf(lang.L("插入数字 — %s"), lang.L(data.SectionNames[d.section]))
	d.dlg = dialog.NewCustomWithoutButtons(title, container.NewVScroll(d.form), d.f.sh.window())
	d.dlg.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.L("取消"), func() { d.dlg.Hide() }), d.insertBtn})
	d.dlg.Resize(fyne.NewSize(600, 520))
	d.f.sh.present(d.dlg)
}

// selectMetric chooses the metric with key ("" for typed by hand); tests use it.
func (d *figureDialog) selectMetric(key string) {
	if key == "" {
		d.metric.SetSelected(figureManual())
		return
	}
	for i, g := range d.figs {
		if g.Key == key {
			d.metric.SetSelectedIndex(i)
			return
		}
	}
}

// update works out the figure for the chosen metric and span and offers
// its phrasings.
func (d *figureDialog) update() {
	if d.choices == nil {
		return
	}
	d.pickedOK = false
	d.reads++ // an answer still to come for an earlier choice no longer shows
	i := d.metric.SelectedIndex()
	manual := d.metric.Selected == figureManual()
	d.manualBox.Hidden = !manual
	d.span.Hidden = manual
	var fig data.CaseFigure
	switch {
	case manual:
		v, err := data.ParseMetricValue(d.value.Text)
		unit := data.NormalizeText(d.unit.Text)
		if err != nil || unit == "" {
			d.offer(nil, lang.L("请填写数值和单位"), lang.L("手工输入的数字在检查时会标为“未溯源”，请尽量从记录中选取。"))
			return
		}
		fig = data.CaseFigure{Section: d.section, Value: v, Unit: unit}
	case i >= 0 && i < len(d.figs):
		d.readValue(d.figs[i])
		return
	default:
		d.offer(nil, "", lang.L("选择一个指标，查看它的准确数值和建议写法。"))
		return
	}
	d.offerPhrasings(fig, manual)
}

// readValue reads metric g's value for the chosen span off the UI thread
// and shows it when it comes, unless another choice came first.
func (d *figureDialog) readValue(g data.Figure) {
	from := d.year
	if d.span.Selected == d.spanTwoYears {
		from = d.year - 1
	}
	n, st, ctx := d.reads, d.f.sh.store(), d.f.sh.ctx()
	d.offer(nil, lang.L("正在载入…"), "")
	d.f.sh.inBackground(func() {
		cur, err := st.FigureValue(ctx, g.Key, from, d.year)
		fyne.Do(func() {
			if n != d.reads {
				return
			}
			switch {
			case err != nil:
				d.f.sh.showError(err)
			case !cur.Set:
				d.offer(nil, lang.L("尚未填写"), lang.L("该指标需要手工填写：请先在“指标”页填写本年度的数值。"))
			default:
				d.source.SetText(lang.L("来源：") + spanSourceText(cur, from, d.year))
				d.offerPhrasings(data.CaseFigure{Section: d.section, MetricKey: g.Key, YearFrom: from, YearTo: d.year, Value: cur.Value, Unit: g.Unit}, false)
			}
		})
	})
}

// offerPhrasings shows fig's exact value and offers its phrasings; a
// figure typed by hand says it has no record behind it.
func (d *figureDialog) offerPhrasings(fig data.CaseFigure, manual bool) {
	p, err := data.Phrase(fig.Value, fig.Unit)
	if err != nil {
		d.offer(nil, "", plain(err).Error())
		return
	}
	d.picked, d.pickedOK = fig, true
	d.exact.SetText(p.Exact)
	if manual {
		d.source.SetText(lang.L("手工输入，没有对应的记录"))
	}
	d.choices.Options = p.Choices
	d.choices.Selected = p.Proposed
	d.choices.Refresh()
	d.showPicked()
}

// offer shows that there is nothing to insert yet, and why.
func (d *figureDialog) offer(choices []string, exact, why string) {
	d.exact.SetText(exact)
	d.source.SetText(why)
	d.choices.Options, d.choices.Selected = choices, ""
	d.choices.Refresh()
	d.showPicked()
}

// phrasing is what 插入 will write.
func (d *figureDialog) phrasing() string {
	if s := strings.TrimSpace(d.custom.Text); s != "" {
		return s
	}
	return d.choices.Selected
}

func (d *figureDialog) showPicked() {
	if d.insertBtn == nil {
		return
	}
	if d.form != nil {
		d.form.Refresh() // the choices change the form's height
	}
	if d.pickedOK && d.phrasing() != "" {
		d.insertBtn.Enable()
	} else {
		d.insertBtn.Disable()
	}
}

func (d *figureDialog) onInsert() {
	if !d.pickedOK || d.phrasing() == "" {
		return
	}
	fig := d.picked
	fig.Phrasing = d.phrasing()
	d.f.text(d.section).entry.insert(fig.Phrasing)
	d.f.figures.add(fig)
	d.dlg.Hide()
}
