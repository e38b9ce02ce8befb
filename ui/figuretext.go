package ui

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/lang"

	"chamberdesk/data"
)

// yearLabel is a year as words go around it: 2026年 in Chinese, 2026 in
// English (yearText keeps a space there for the word after it).
func yearLabel(y int) string { return strings.TrimSpace(yearText(y)) }

// formatNumber writes a figure without trailing zeros: 87, 12.5, 0.25.
func formatNumber(v float64) string { return formatPlaces(v, 4) }

// formatPlaces writes v rounded to places decimals, without trailing zeros.
func formatPlaces(v float64, places int) string {
	p := math.Pow(10, float64(places))
	v = math.Round(v*p) / p
	if v == 0 {
		return "0" // not "-0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// yuanPer is how many yuan one of each money unit is, by the unit's
// English label (元, 万元, 亿元).
var yuanPer = map[string]float64{"yuan": 1, "×10,000 yuan": 1e4, "×100 million yuan": 1e8}

// figureParts is a value's number and unit as the window shows them. In
// Chinese they are the value and the unit as stored: 6.8 and 亿元. In
// English money is written in yuan (680 and "million yuan", 225,000 and
// "yuan"), other units by their English label (1,348 and "person-times"),
// thousands grouped; 个 is a bare count there, so it shows no unit.
func figureParts(v float64, unit string) (num, shown string) {
	if !english() {
		return formatNumber(v), unit
	}
	label := data.LabelEN(unit)
	if per, ok := yuanPer[label]; ok {
		yuan := math.Round(v*1e4) / 1e4 * per // as precise as formatNumber is
		switch a := math.Abs(yuan); {
		case a >= 1e9:
			return groupThousands(formatPlaces(yuan/1e9, 9)), "billion yuan"
		case a >= 1e6:
			return groupThousands(formatPlaces(yuan/1e6, 6)), "million yuan"
		}
		return groupThousands(formatPlaces(yuan, 2)), "yuan"
	}
	if label == "count" { // 个
		return groupThousands(formatNumber(v)), ""
	}
	if math.Abs(v) == 1 {
		if one, ok := singularEN[label]; ok {
			label = one
		}
	}
	return groupThousands(formatNumber(v)), label
}

// singularEN are the English units for one: 1 company, not 1 companies.
var singularEN = map[string]string{
	"companies": "company", "events": "event", "sessions": "session", "items": "item",
	"households": "household", "people": "person", "person-times": "person-time",
}

// groupThousands puts commas between the thousands of a written number:
// 1348 → 1,348, -22500.5 → -22,500.5.
func groupThousands(s string) string {
	sign, digits := "", s
	if strings.HasPrefix(s, "-") {
		sign, digits = "-", s[1:]
	}
	whole, frac, hasFrac := strings.Cut(digits, ".")
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if hasFrac {
		return sign + b.String() + "." + frac
	}
	return sign + b.String()
}

// formatFigure writes a value with its unit: 87期, 12.5亿元 in Chinese;
// 87 sessions, 1.25 billion yuan in English.
func formatFigure(v float64, unit string) string {
	num, shown := figureParts(v, unit)
	switch {
	case !english():
		return num + shown
	case shown == "":
		return num
	}
	return num + " " + shown
}

// figureText is a figure as shown in tables; a manual figure nobody has
// entered shows a dash, not a misleading 0.
func figureText(f data.Figure) string {
	if !f.Set {
		return "—"
	}
	return formatFigure(f.Value, f.Unit)
}

// sourceText is where a figure comes from. The store words it in Chinese;
// in English it is worded again from the metric's rule, and what a
// secretary wrote as the basis of a hand-entered value stays as written.
func sourceText(f data.Figure) string {
	if !f.Set {
		return lang.L("未填写")
	}
	if !english() {
		return f.Source
	}
	return sourceWords(f)
}

// sourceWords words where f comes from through lang.L, as the store does in
// Chinese (so in Chinese it reads as f.Source); a rule it does not know
// keeps the store's words.
func sourceWords(f data.Figure) string {
	switch f.Kind {
	case data.MetricManual:
		// 手工填写, or 手工填写：the basis written
		if _, note, ok := strings.Cut(f.Source, "："); ok {
			return fmt.Sprintf(lang.L("手工填写：%s"), note)
		}
		return lang.L("手工填写")
	case data.MetricOutcome:
		// N项活动的成效合计
		digits := f.Source
		if i := strings.IndexFunc(digits, func(r rune) bool { return r < '0' || r > '9' }); i >= 0 {
			digits = digits[:i]
		}
		n, err := strconv.Atoi(digits)
		if err != nil {
			return f.Source
		}
		return fmt.Sprintf(lang.L("%d项活动的成效合计"), n)
	}
	rule, arg, _ := strings.Cut(f.Rule, ":")
	switch rule {
	case "members.active_at_year_end":
		return fmt.Sprintf(lang.L("%d年末在会会员"), f.Year)
	case "members.party_at_year_end":
		return fmt.Sprintf(lang.L("%d年末在会的党员会员"), f.Year)
	case "members.joined_in_year":
		return fmt.Sprintf(lang.L("%d年入会的会员"), f.Year)
	case "activities.count":
		if arg != "" {
			return fmt.Sprintf(lang.L("%d年“%s”活动记录"), f.Year, valueLabel(arg))
		}
		return fmt.Sprintf(lang.L("%d年的活动记录"), f.Year)
	case "activities.person_times":
		if arg != "" {
			return fmt.Sprintf(lang.L("%d年“%s”活动的签到会员人次加其他参与人次"), f.Year, valueLabel(arg))
		}
		return fmt.Sprintf(lang.L("%d年活动的签到会员人次加其他参与人次"), f.Year)
	}
	return f.Source
}

// spanSourceText is where a figure of the years from..to (Store.FigureValue)
// comes from: a sum over two years is worded as the store words it
// (2025—2026年合计); a year-end count is the last year's.
func spanSourceText(f data.Figure, from, to int) string {
	if !english() || from == to || strings.HasSuffix(f.Rule, "_at_year_end") {
		return sourceText(f)
	}
	return fmt.Sprintf(lang.L("%d—%d年合计"), from, to)
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
		text += fmt.Sprintf(lang.L("（%s）"), sign+strconv.FormatFloat(pct, 'f', -1, 64)+"%")
	}
	return text
}
