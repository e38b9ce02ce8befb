package ui

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
)

// The activity form's 成效 rows: what the activity achieved.

// activityOutcomeRow is one outcome figure in the form: a metric and its
// value.
type activityOutcomeRow struct {
	metric    *widget.Select
	value     *formEntry
	unit      *widget.Label
	removeBtn *widget.Button
	box       *fyne.Container
}

// activityNumber reads an outcome value: a number of 0 or more, decimals
// allowed (1.5 亿元), thousands separators ignored.
func activityNumber(s string) (float64, error) {
	s = strings.ReplaceAll(strings.TrimSpace(data.NormalizeText(s)), ",", "")
	s = strings.ReplaceAll(s, "，", "")
	if s == "" {
		return 0, errString(lang.L("请填写数值"))
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, errString(lang.L("请填写数字，如 3 或 1.5"))
	}
	if v < 0 {
		return 0, errString(lang.L("不能为负数"))
	}
	return v, nil
}

// buildOutcomes offers the outcome metrics as "name（unit）".
func (f *activityForm) buildOutcomes(metrics []data.Metric) {
	for _, m := range metrics {
		if m.Kind == data.MetricOutcome {
			f.outcomeMetrics = append(f.outcomeMetrics, m)
			f.outcomeLabels = append(f.outcomeLabels, activityMetricLabel(m))
		}
	}
	f.outcomeBox = container.NewVBox()
	f.addOutcomeBtn = widget.NewButtonWithIcon(lang.L("添加成效"), theme.ContentAddIcon(), func() {
		r := f.addOutcome("", 0)
		f.sh.window().Canvas().Focus(r.value)
	})
	f.addOutcomeBtn.Importance = widget.LowImportance
}

func activityMetricLabel(m data.Metric) string {
	return m.Name + "（" + m.Unit + "）"
}

// addOutcome adds a row; key "" leaves the metric to choose.
func (f *activityForm) addOutcome(key string, value float64) *activityOutcomeRow {
	r := &activityOutcomeRow{value: newFormEntry(f.sh), unit: widget.NewLabel("")}
	r.metric = widget.NewSelect(f.outcomeLabels, func(string) {
		if m, ok := f.metricOf(r); ok {
			r.unit.SetText(m.Unit)
		}
	})
	r.metric.PlaceHolder = lang.L("选择成效指标")
	r.value.Validator = func(s string) error { _, err := activityNumber(s); return err }
	r.value.SetPlaceHolder(lang.L("数值"))
	if key != "" {
		i := slices.IndexFunc(f.outcomeMetrics, func(m data.Metric) bool { return m.Key == key })
		if i >= 0 {
			r.metric.SetSelectedIndex(i)
		}
		r.value.SetText(strconv.FormatFloat(value, 'f', -1, 64))
	}
	r.removeBtn = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		i := slices.Index(f.outcomes, r)
		if i >= 0 {
			f.outcomes = slices.Delete(f.outcomes, i, i+1)
			f.outcomeBox.Remove(r.box)
		}
	})
	r.removeBtn.Importance = widget.LowImportance
	unitBox := container.NewGridWrap(fyne.NewSize(widget.NewLabel("亿元").MinSize().Width, r.value.MinSize().Height), r.unit)
	r.box = container.NewBorder(nil, nil, nil, container.NewHBox(unitBox, r.removeBtn),
		container.NewGridWithColumns(2, r.metric, r.value))
	f.outcomes = append(f.outcomes, r)
	f.outcomeBox.Add(r.box)
	return r
}

func (f *activityForm) metricOf(r *activityOutcomeRow) (data.Metric, bool) {
	i := r.metric.SelectedIndex()
	if i < 0 || i >= len(f.outcomeMetrics) {
		return data.Metric{}, false
	}
	return f.outcomeMetrics[i], true
}
