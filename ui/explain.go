package ui

import (
	"fmt"
	"fyne.io/fyne/v2/lang"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
	"chamberdesk/ui/widgets"
)

// explainView lists the records behind one figure (which activities, which
// members, or the note of a hand-entered value) with their total, so the
// secretary can show where a number in a case comes from.
type explainView struct {
	compact bool // in the metrics screen's side panel: short dates, no source
	fig     data.Figure
	rows    []data.Contribution
	table   *widgets.RecordTable
	summary *widgets.WrapLabel
	box     fyne.CanvasObject
}

// Columns of the records table.
const (
	explainColDate = iota
	explainColLabel
	explainColAmount
	explainCols
)

func newExplainView(compact bool) *explainView {
	v := &explainView{compact: compact, summary: newLabel("")}
	v.table = widgets.NewTextTable(v.columns(), func() int { return len(v.rows) }, v.cellText)
	least := float32(160)
	if compact {
		least = 0 // the side panel may be narrower than the columns: it scrolls
	}
	v.table.SetMinSize(fyne.NewSize(least, 4*theme.TextSize()))
	v.box = container.NewBorder(nil, v.summary, nil, nil, v.table)
	return v
}

// columns are the table's columns for what the figure counts: the record
// column takes the spare width, so long titles and company names show
// whole when there is room.
func (v *explainView) columns() []widgets.Column {
	widths := []float32{130, 300, 100}
	switch {
	case v.compact && english():
		widths = []float32{56, 110, 135} // 4/15, 420 million yuan
	case v.compact:
		widths = []float32{84, 120, 72}
	case english():
		widths = []float32{130, 300, 150}
	}
	cols := make([]widgets.Column, explainCols)
	for c := range cols {
		cols[c] = widgets.Column{Title: v.header(c), Width: widths[c], Stretch: c == explainColLabel}
	}
	cols[explainColAmount].Align = fyne.TextAlignTrailing
	return cols
}

// set shows fig and the records behind it.
func (v *explainView) set(fig data.Figure, rows []data.Contribution) {
	v.fig = fig
	v.rows = rows
	if fig.Kind == data.MetricManual {
		// The "record" of a hand-entered value is its note.
		v.rows = nil
		if fig.Set {
			v.rows = rows
		}
	}
	v.summary.SetText(v.summaryText())
	v.table.SetColumns(v.columns())
	v.table.Refresh()
	v.table.ScrollToTop()
}

// header is the title of column col for what the figure counts.
func (v *explainView) header(col int) string {
	if col == explainColAmount {
		if v.compact {
			return lang.L("计入")
		}
		return lang.L("计入数值")
	}
	// the date column's title, or the record column's
	pick := func(date, label string) string {
		if col == explainColDate {
			return date
		}
		return label
	}
	switch v.kind() {
	case "member":
		return pick(lang.L("入会日期"), lang.L("会员（企业）"))
	case "manual":
		return pick(lang.L("年度"), lang.L("填写说明"))
	case "activity":
		if v.compact {
			return pick(lang.L("日期"), lang.L("活动"))
		}
	}
	return pick(lang.L("活动日期"), lang.L("活动（类型）"))
}

// kind is what the figure counts: member, activity or manual.
func (v *explainView) kind() string {
	switch {
	case v.fig.Kind == data.MetricManual:
		return "manual"
	case strings.HasPrefix(v.fig.Rule, "members."):
		return "member"
	}
	return "activity"
}

// cellText is what column col shows of row.
func (v *explainView) cellText(row, col int) string {
	c := v.rows[row]
	switch col {
	case explainColDate:
		switch {
		case c.Kind == "manual":
			return yearLabel(v.fig.Year)
		case v.compact && c.Kind == "activity":
			return shortDate(c.Date)
		}
		return contributionDate(c.Date)
	case explainColLabel:
		if c.Kind == "manual" && c.Label == "" {
			return lang.L("（未写说明）")
		}
		return c.Label
	}
	return formatFigure(c.Amount, v.fig.Unit)
}

// contributionDate writes a stored YYYY-MM-DD the Chinese way; members
// whose join date is unknown show a dash.
func contributionDate(iso string) string {
	t, err := time.Parse(time.DateOnly, iso)
	if err != nil {
		return "—"
	}
	return data.FormatDateCN(t)
}

// shortDate writes a stored YYYY-MM-DD within the year shown: 3月5日.
func shortDate(iso string) string {
	t, err := time.Parse(time.DateOnly, iso)
	if err != nil {
		return "—"
	}
	return fmt.Sprintf(lang.L("%d月%d日"), int(t.Month()), t.Day())
}

// summaryText says what the records add up to, in a sentence a secretary
// could read out.
func (v *explainView) summaryText() string {
	f := v.fig
	total := formatFigure(f.Value, f.Unit)
	if v.kind() == "manual" {
		if !f.Set {
			return fmt.Sprintf(lang.L("%s“%s”尚未填写。手工填写的指标请在指标页选中后填写数值和说明（依据）。"), yearLabel(f.Year), valueLabel(f.Name))
		}
		return fmt.Sprintf(lang.L("手工填写：%s。这一数值不由记录统计，依据见填写说明。"), total)
	}
	source := lang.L("。来源：") + sourceText(f) + lang.L("。")
	if v.compact {
		source = lang.L("。")
	}
	if v.kind() == "member" {
		return fmt.Sprintf(lang.L("合计：%d 名会员，计 %s"), len(v.rows), total) + source
	}
	if len(v.rows) == 0 {
		return fmt.Sprintf(lang.L("%s没有计入“%s”的活动记录，合计 %s。"), yearLabel(f.Year), valueLabel(f.Name), total)
	}
	return fmt.Sprintf(lang.L("合计：%d 项活动，共 %s"), len(v.rows), total) + source
}

// text is the list as tab-separated lines, for pasting into WPS or Excel.
func (v *explainView) text() string {
	var b strings.Builder
	fmt.Fprintf(&b, lang.L("%d年 %s：%s")+"\n", v.fig.Year, valueLabel(v.fig.Name), formatFigure(v.fig.Value, v.fig.Unit))
	fmt.Fprintf(&b, "%s\t%s\t%s\n", v.header(explainColDate), v.header(explainColLabel), v.header(explainColAmount))
	for _, c := range v.rows {
		date := contributionDate(c.Date)
		if c.Kind == "manual" {
			date = yearLabel(v.fig.Year)
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\n", date, c.Label, formatNumber(c.Amount))
	}
	b.WriteString(v.summaryText())
	return b.String()
}

// explainDialog is the 查看来源 dialog of one figure.
type explainDialog struct {
	*explainView
	dlg  *dialog.CustomDialog
	copy *widget.Button
}

// showExplain looks up the records behind a metric's figure for a year and
// shows them in a dialog. It returns nil when the store fails (the error is
// shown).
func showExplain(a shell, year int, key string) *explainDialog {
	fig, rows, err := a.store().Explain(a.ctx(), year, key)
	if err != nil {
		a.showError(err)
		return nil
	}
	d := &explainDialog{explainView: newExplainView(false)}
	d.set(fig, rows)
	head := widget.NewLabelWithStyle(fmt.Sprintf(lang.L("%s　%s"), valueLabel(fig.Name), formatFigure(fig.Value, fig.Unit)),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.SizeName = theme.SizeNameSubHeadingText
	source := newLabel(lang.L("来源：") + sourceText(fig))
	d.copy = widget.NewButtonWithIcon(lang.L("复制清单"), theme.ContentCopyIcon(), func() {
		fyne.CurrentApp().Clipboard().SetContent(d.text())
		d.copy.SetText(lang.L("已复制"))
	})
	closeBtn := widget.NewButton(lang.L("关闭"), func() { d.dlg.Hide() })
	body := container.NewBorder(container.NewVBox(head, source), nil, nil, nil, d.box)
	d.dlg = dialog.NewCustomWithoutButtons(fmt.Sprintf(lang.L("%s“%s”的来源"), yearLabel(year), valueLabel(fig.Name)), body, a.window())
	d.dlg.SetButtons([]fyne.CanvasObject{d.copy, closeBtn})
	d.dlg.Resize(fyne.NewSize(760, 560))
	a.present(d.dlg)
	return d
}
