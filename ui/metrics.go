package ui

import (
	"fmt"
	"fyne.io/fyne/v2/lang"
	"math"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
	"chamberdesk/ui/widgets"
)

// metricsScreen (指标) shows one year's figures beside the year before and
// where each comes from. Selecting a figure lists the records behind it;
// hand-entered figures are filled in beside the table, and the chamber adds
// metrics of its own.
type metricsScreen struct {
	sh  shell
	now func() time.Time // the clock; tests fix it

	year    int // the year shown; 0 until the first refresh picks this year
	yearSel *widgets.YearSelect

	figs     []data.Figure          // the year's figures, catalog order
	prev     map[string]data.Figure // the year before, by metric key
	table    *widget.Table
	selected string // key of the selected metric, "" for none

	// The panel of the selected metric.
	panel        *fyne.Container // placeholder or details
	placeholder  fyne.CanvasObject
	details      fyne.CanvasObject
	detailName   *widgets.WrapLabel
	detailValue  *widgets.WrapLabel
	detailSource *widgets.WrapLabel
	records      *explainView
	explainBtn   *widget.Button
	manualForm   *fyne.Container // shown for hand-entered metrics only
	valueEntry   *widget.Entry
	unitLabel    *widget.Label
	noteEntry    *widget.Entry
	saveBtn      *widget.Button
	manualMsg    *widgets.WrapLabel

	addBtn *widget.Button
	status *widget.Label
}

// Columns of the figures table.
const (
	metricColName = iota
	metricColValue
	metricColPrev
	metricColDiff
	metricColSource
	metricCols
)

// metricWidths fit the table beside the panel in the default window; the
// source column takes what is left (stretchColumn).
var metricWidths = []float32{150, 118, 118, 168, 180}

// metricPanelWidth is the width of the selected metric's panel.
const metricPanelWidth = 340

func newMetricsScreen(a shell) *metricsScreen {
	s := &metricsScreen{sh: a, now: time.Now, prev: map[string]data.Figure{}}
	s.yearSel = widgets.NewYearSelect(s.onYear)
	s.table = widget.NewTable(
		func() (int, int) { return len(s.figs), metricCols },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		s.updateCell)
	s.table.ShowHeaderRow = true
	s.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	s.table.UpdateHeader = s.updateHeader
	for c, w := range metricWidths {
		s.table.SetColumnWidth(c, w)
	}
	s.table.OnSelected = s.onSelect

	s.detailName = newLabel("")
	s.detailName.TextStyle.Bold = true
	s.detailName.SizeName = theme.SizeNameSubHeadingText
	s.detailValue = newLabel("")
	s.detailSource = newLabel("")
	s.records = newExplainView(true)
	s.explainBtn = widget.NewButtonWithIcon(lang.L("查看来源…"), theme.SearchIcon(), func() { s.onExplain() })

	s.valueEntry = widget.NewEntry()
	s.valueEntry.SetPlaceHolder(lang.L("不小于 0 的数字"))
	s.valueEntry.Validator = checkedBy(data.ParseMetricValue)
	s.valueEntry.OnChanged = func(string) { s.manualMsg.SetText("") }
	s.valueEntry.OnSubmitted = func(string) { s.onSave() }
	s.unitLabel = widget.NewLabel("")
	s.noteEntry = widget.NewEntry()
	s.noteEntry.OnChanged = func(string) { s.manualMsg.SetText("") }
	s.noteEntry.OnSubmitted = func(string) { s.onSave() }
	s.saveBtn = widget.NewButtonWithIcon(lang.L("保存"), theme.DocumentSaveIcon(), s.onSave)
	s.saveBtn.Importance = widget.HighImportance
	s.manualMsg = newLabel("")

	s.addBtn = widget.NewButtonWithIcon(lang.L("新增指标"), theme.ContentAddIcon(), func() { s.onAdd() })
	s.status = widget.NewLabel("")
	s.status.Truncation = fyne.TextTruncateEllipsis
	return s
}

func (s *metricsScreen) content() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("年度指标"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	header := container.NewBorder(nil, nil, title,
		container.NewHBox(container.NewCenter(widget.NewLabel(lang.L("年度"))), s.yearSel, s.addBtn), s.status)

	s.manualForm = container.NewVBox(
		widget.NewSeparator(),
		widget.NewLabelWithStyle(lang.L("填写本年数值"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("数值")), s.unitLabel, s.valueEntry),
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("说明")), nil, s.noteEntry),
		container.NewBorder(nil, nil, nil, s.saveBtn, s.manualMsg))
	s.details = container.NewBorder(
		container.NewVBox(s.detailName, s.detailValue, s.detailSource, s.manualForm,
			widget.NewSeparator(), widget.NewLabelWithStyle(lang.L("构成"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})),
		container.NewHBox(layout.NewSpacer(), s.explainBtn), nil, nil, s.records.box)
	s.placeholder = container.NewVBox(newLabel(lang.L("选中左侧的一项指标，这里列出它来自哪些活动或会员；") +
		lang.L("手工填写的指标（如异地商会数）在这里填写数值和依据。")))
	s.panel = container.NewStack(s.placeholder)
	right := container.New(fixedWidth(metricPanelWidth), container.NewPadded(s.panel))

	wrap := container.New(&stretchColumn{table: s.table, col: metricColSource, widths: metricWidths, min: 560}, s.table)
	hint := newLabel(lang.L("增减为本年与上年全年比较；本年尚未结束时，本年数值只统计到今天已记录的内容。"))
	hint.SizeName = theme.SizeNameCaptionText
	return container.NewPadded(container.NewBorder(header, hint, nil, right, wrap))
}

// fixedWidth is a layout that keeps its content at a set width.
type fixedWidth float32

func (w fixedWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(float32(w), h)
}

func (w fixedWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// refresh reloads the years and the figures from the store.
func (s *metricsScreen) refresh() {
	if s.sh.store() == nil {
		return
	}
	if s.year == 0 {
		s.year = s.now().Year()
	}
	years, err := s.sh.store().FigureYears(s.sh.ctx())
	if err != nil {
		s.sh.showError(err)
		return
	}
	s.yearSel.SetYears(append(years, s.now().Year()), s.year)
	s.load()
}

func (s *metricsScreen) onYear(year int) {
	if year == s.year {
		return
	}
	s.year = year
	s.status.SetText("")
	s.valueEntry.SetText("") // the form then shows the new year's value
	s.load()
}

// focus shows a metric of a year, as a dashboard card asks.
func (s *metricsScreen) focus(year int, key string) {
	s.year, s.selected = year, key
}

// load reads the year's and the previous year's figures and redraws.
func (s *metricsScreen) load() {
	figs, err := s.sh.store().Figures(s.sh.ctx(), s.year)
	if err != nil {
		s.sh.showError(err)
		return
	}
	prev, err := s.sh.store().Figures(s.sh.ctx(), s.year-1)
	if err != nil {
		s.sh.showError(err)
		return
	}
	s.figs = figs
	s.prev = make(map[string]data.Figure, len(prev))
	for _, f := range prev {
		s.prev[f.Key] = f
	}
	s.table.Refresh()
	row := s.rowOf(s.selected)
	if row < 0 {
		s.selected = ""
		s.table.UnselectAll()
		s.panel.Objects = []fyne.CanvasObject{s.placeholder}
		s.panel.Refresh()
		return
	}
	// Selecting an already selected cell does not call OnSelected.
	s.table.UnselectAll()
	s.table.Select(widget.TableCellID{Row: row, Col: metricColName})
}

func (s *metricsScreen) rowOf(key string) int {
	for i, f := range s.figs {
		if f.Key == key && key != "" {
			return i
		}
	}
	return -1
}

func (s *metricsScreen) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	l.Alignment = fyne.TextAlignLeading
	switch id.Col {
	case metricColName:
		l.SetText(lang.L("指标"))
	case metricColValue:
		l.Alignment = fyne.TextAlignTrailing
		l.SetText(yearText(s.year) + lang.L("数值"))
	case metricColPrev:
		l.Alignment = fyne.TextAlignTrailing
		l.SetText(yearText(s.year-1) + lang.L("数值"))
	case metricColDiff:
		l.Alignment = fyne.TextAlignTrailing
		l.SetText(lang.L("增减"))
	case metricColSource:
		l.SetText(lang.L("来源"))
	}
}

func (s *metricsScreen) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if id.Row < 0 || id.Row >= len(s.figs) {
		l.SetText("")
		return
	}
	l.Alignment, l.Importance = fyne.TextAlignLeading, widget.MediumImportance
	l.TextStyle = fyne.TextStyle{}
	l.SetText(s.cellText(id.Row, id.Col))
	switch id.Col {
	case metricColValue, metricColPrev, metricColDiff:
		l.Alignment = fyne.TextAlignTrailing
	}
	f := s.figs[id.Row]
	switch {
	case id.Col == metricColSource && !f.Set:
		l.Importance = widget.WarningImportance
	case id.Col == metricColValue:
		l.TextStyle.Bold = true
	}
	l.Refresh()
}

// cellText is what the table shows in a cell.
func (s *metricsScreen) cellText(row, col int) string {
	f := s.figs[row]
	p, hasPrev := s.prev[f.Key]
	switch col {
	case metricColName:
		return f.Name
	case metricColValue:
		return figureText(f)
	case metricColPrev:
		if !hasPrev {
			return "—"
		}
		return figureText(p)
	case metricColDiff:
		if !hasPrev {
			return "—"
		}
		return diffText(f, p)
	case metricColSource:
		return sourceText(f)
	}
	return ""
}

func (s *metricsScreen) onSelect(id widget.TableCellID) {
	if id.Row < 0 || id.Row >= len(s.figs) {
		return
	}
	f := s.figs[id.Row]
	changed := f.Key != s.selected
	s.selected = f.Key
	s.showDetails(f, changed)
}

// showDetails fills the panel for f; changed says another metric was
// picked, so what was typed for the previous one is dropped.
func (s *metricsScreen) showDetails(f data.Figure, changed bool) {
	_, rows, err := s.sh.store().Explain(s.sh.ctx(), s.year, f.Key)
	if err != nil {
		s.sh.showError(err)
		return
	}
	s.detailName.SetText(fmt.Sprintf("%s（%s）", f.Name, kindText(f)))
	value := yearText(s.year) + "：" + figureText(f)
	if p, ok := s.prev[f.Key]; ok {
		value += fmt.Sprintf(lang.L("\n%s：%s　增减：%s"), yearText(s.year-1), figureText(p), diffText(f, p))
	}
	s.detailValue.SetText(value)
	source := lang.L("来源：") + sourceText(f)
	if f.Note != "" {
		source += lang.L("\n口径：") + f.Note
	}
	s.detailSource.SetText(source)
	s.records.set(f, rows)
	if f.Kind == data.MetricManual {
		s.unitLabel.SetText(f.Unit)
		s.noteEntry.SetPlaceHolder(fmt.Sprintf(lang.L("依据，如：%s会员企业年报汇总"), yearText(s.year)))
		if changed || s.valueEntry.Text == "" {
			s.valueEntry.SetText("")
			s.noteEntry.SetText("")
			if f.Set && len(rows) == 1 {
				s.valueEntry.SetText(formatNumber(f.Value))
				s.noteEntry.SetText(rows[0].Label)
			}
			s.valueEntry.SetValidationError(nil)
			s.manualMsg.SetText("")
		}
		s.manualForm.Show()
	} else {
		s.manualForm.Hide()
	}
	if len(s.panel.Objects) != 1 || s.panel.Objects[0] != s.details {
		s.panel.Objects = []fyne.CanvasObject{s.details}
	}
	s.panel.Refresh()
}

// selectedFigure is the figure of the selected row.
func (s *metricsScreen) selectedFigure() (data.Figure, bool) {
	if i := s.rowOf(s.selected); i >= 0 {
		return s.figs[i], true
	}
	return data.Figure{}, false
}

// onSave writes the hand-entered value of the selected metric. A bad value
// or a missing note is said beside the form and nothing is written.
func (s *metricsScreen) onSave() {
	f, ok := s.selectedFigure()
	if !ok || f.Kind != data.MetricManual {
		return
	}
	v, err := data.ParseMetricValue(s.valueEntry.Text)
	if err != nil {
		s.valueEntry.SetValidationError(plain(err))
		s.say(s.manualMsg, lang.L("数值：")+plain(err).Error(), widget.DangerImportance)
		return
	}
	note := strings.TrimSpace(s.noteEntry.Text)
	if note == "" {
		s.say(s.manualMsg, lang.L("请写明依据，例如“据会员企业年报汇总”，以便日后说明数字的来历"), widget.DangerImportance)
		return
	}
	err = s.sh.store().SetManualValue(s.sh.ctx(), data.ManualValue{Year: s.year, MetricKey: f.Key, Value: v, Note: note})
	if err != nil {
		s.sh.showError(err)
		return
	}
	s.load()
	s.say(s.manualMsg, fmt.Sprintf(lang.L("已保存%s“%s”：%s"), yearText(s.year), f.Name, formatFigure(v, f.Unit)),
		widget.SuccessImportance)
}

func (s *metricsScreen) say(l *widgets.WrapLabel, text string, imp widget.Importance) {
	l.Importance = imp
	l.SetText(text)
}

// onExplain opens 查看来源 on the selected metric and returns it; nil
// with none selected.
func (s *metricsScreen) onExplain() *explainDialog {
	if s.selected == "" {
		return nil
	}
	return showExplain(s.sh, s.year, s.selected)
}

// ---- 新增指标 ----

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
	kind *widget.RadioGroup
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
	f.kind = widget.NewRadioGroup([]string{kindOutcomeText, kindManualText}, nil)
	f.kind.Horizontal = true
	f.kind.Required = true
	f.kind.SetSelected(kindOutcomeText)
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
	if f.kind.Selected == kindManualText {
		kind = data.MetricManual
	}
	m := data.Metric{Name: f.name.Text, Unit: f.unit.Text, Kind: kind, Note: f.note.Text}
	key, err := f.s.sh.store().AddMetric(f.s.sh.ctx(), m)
	if err != nil {
		if e, ok := data.AsError(err); ok {
			f.msg.Importance = widget.DangerImportance
			f.msg.SetText(e.Field + "：" + e.Msg)
			if e.Field == "指标名称" {
				f.name.SetValidationError(errString(e.Msg))
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

// ---- formatting shared by the metric screens ----

// formatNumber writes a figure without trailing zeros: 87, 12.5, 0.25.
func formatNumber(v float64) string {
	v = math.Round(v*1e4) / 1e4
	if v == 0 {
		return "0" // not "-0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// formatFigure writes a value with its unit: 87期, 12.5亿元.
func formatFigure(v float64, unit string) string { return formatNumber(v) + unit }

// figureText is a figure as shown in tables; a manual figure nobody has
// entered shows a dash, not a misleading 0.
func figureText(f data.Figure) string {
	if !f.Set {
		return "—"
	}
	return formatFigure(f.Value, f.Unit)
}

// sourceText is where a figure comes from.
func sourceText(f data.Figure) string {
	if !f.Set {
		return lang.L("未填写")
	}
	return f.Source
}

// kindText names a metric's rule for people.
func kindText(f data.Figure) string {
	switch f.Kind {
	case data.MetricManual:
		return lang.L("手工填写")
	case data.MetricOutcome:
		return lang.L("活动成效合计")
	}
	return lang.L("由记录统计")
}

// diffText is the change from the previous year: "+12人次（+15.2%）",
// "-3个（-20%）", "持平"; the percentage only where last year was not zero.
func diffText(cur, prev data.Figure) string {
	if !cur.Set || !prev.Set {
		return "—"
	}
	d := math.Round((cur.Value-prev.Value)*1e6) / 1e6
	if d == 0 {
		return lang.L("持平")
	}
	sign := "+"
	if d < 0 {
		sign = "-"
	}
	text := sign + formatFigure(math.Abs(d), cur.Unit)
	if prev.Value != 0 {
		pct := math.Round(math.Abs(d)/prev.Value*1000) / 10
		text += "（" + sign + strconv.FormatFloat(pct, 'f', -1, 64) + "%）"
	}
	return text
}
