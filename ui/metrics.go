package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
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
	sh shell

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

// metricWidthsEN are the widths in English, whose units are longer words
// (1,348 person-times, +170 million yuan (+33.3%)): the figures get the
// room and the source, shown whole in the panel, gives it.
var metricWidthsEN = []float32{150, 140, 140, 195, 130}

// metricColumnWidths are the table's column widths in the window's language.
func metricColumnWidths() []float32 {
	if english() {
		return metricWidthsEN
	}
	return metricWidths
}

// metricPanelWidth is the width of the selected metric's panel.
const metricPanelWidth = 340

func newMetricsScreen(a shell) *metricsScreen {
	s := &metricsScreen{sh: a, prev: map[string]data.Figure{}}
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
	for c, w := range metricColumnWidths() {
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
	right := container.New(widgets.FixedWidth(metricPanelWidth), container.NewPadded(s.panel))

	wrap := container.New(&stretchColumn{table: s.table, col: metricColSource, widths: metricColumnWidths(), min: 560}, s.table)
	hint := newLabel(lang.L("增减为本年与上年全年比较；本年尚未结束时，本年数值只统计到今天已记录的内容。"))
	hint.SizeName = theme.SizeNameCaptionText
	return container.NewPadded(container.NewBorder(header, hint, nil, right, wrap))
}

// refresh reloads the years and the figures from the store.
func (s *metricsScreen) refresh() {
	if s.sh.store() == nil {
		return
	}
	if s.year == 0 {
		s.year = s.sh.now().Year()
	}
	years, err := s.sh.store().FigureYears(s.sh.ctx())
	if err != nil {
		s.sh.showError(err)
		return
	}
	s.yearSel.SetYears(append(years, s.sh.now().Year()), s.year)
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
		return valueLabel(f.Name)
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
	s.detailName.SetText(fmt.Sprintf(lang.L("%s（%s）"), valueLabel(f.Name), kindText(f)))
	value := fmt.Sprintf(lang.L("%d年：%s"), s.year, figureText(f))
	if p, ok := s.prev[f.Key]; ok {
		value += fmt.Sprintf(lang.L("\n%s：%s　增减：%s"), yearLabel(s.year-1), figureText(p), diffText(f, p))
	}
	s.detailValue.SetText(value)
	source := lang.L("来源：") + sourceText(f)
	if f.Note != "" {
		source += lang.L("\n口径：") + f.Note
	}
	s.detailSource.SetText(source)
	s.records.set(f, rows)
	if f.Kind == data.MetricManual {
		s.unitLabel.SetText(valueLabel(f.Unit)) // the value is typed in the stored unit
		s.noteEntry.SetPlaceHolder(fmt.Sprintf(lang.L("依据，如：%s会员企业年报汇总"), yearLabel(s.year)))
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
	s.say(s.manualMsg, fmt.Sprintf(lang.L("已保存%s“%s”：%s"), yearLabel(s.year), valueLabel(f.Name), formatFigure(v, f.Unit)),
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
