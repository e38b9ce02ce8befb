package ui

import (
	"math"
	"strconv"

	"fyne.io/fyne/v2/lang"

	"chamberdesk/data"
)

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
