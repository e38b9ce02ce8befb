package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
	"chamberdesk/ui/widgets"
)

// caseFigures is the 数字核对 page: every figure quoted in the case, whether
// the records still give it, and a way to bring stale ones up to date.
type caseFigures struct {
	f       *caseForm
	list    []data.CaseFigure
	status  []data.FigureStatus // parallel to list once check has answered
	checks  int                 // checks started, so only the newest one's answer shows
	rows    *fyne.Container
	summary *widgets.WrapLabel
	allBtn  *widget.Button
}

func newCaseFigures(f *caseForm) *caseFigures {
	c := &caseFigures{f: f, rows: container.NewVBox(), summary: newLabel("")}
	c.allBtn = widget.NewButtonWithIcon(lang.L("全部更新为最新数据"), theme.ViewRefreshIcon(), c.refreshAll)
	return c
}

func (c *caseFigures) set(figs []data.CaseFigure) {
	c.list = append([]data.CaseFigure(nil), figs...)
	c.status = nil
}

func (c *caseFigures) content() fyne.CanvasObject {
	top := container.NewBorder(nil, nil, nil, c.allBtn, c.summary)
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(c.rows))
}

func (c *caseFigures) add(fig data.CaseFigure) {
	c.list = append(c.list, fig)
	c.check()
}

func (c *caseFigures) remove(i int) {
	if i >= 0 && i < len(c.list) {
		c.list = append(c.list[:i:i], c.list[i+1:]...)
		c.check()
	}
}

// check compares every figure with the records off the UI thread and
// redraws the page with the answer. Until it comes the figures have no
// state (nothing to 更新); an answer overtaken by a newer check is dropped.
func (c *caseFigures) check() {
	c.checks++
	n, cur, st, ctx := c.checks, c.f.current(), c.f.sh.store(), c.f.sh.ctx()
	c.status = nil
	c.f.sh.inBackground(func() {
		status, err := st.CaseFigureStatus(ctx, cur)
		fyne.Do(func() {
			if n != c.checks || c.f.closed {
				return
			}
			if err != nil {
				c.f.sh.showError(err)
				return
			}
			c.status = status
			c.draw()
		})
	})
}

// refresh brings figure i up to what the records now give, in the text too.
func (c *caseFigures) refresh(i int) {
	if i < 0 || i >= len(c.status) || c.status[i].State != data.FigureStale {
		return
	}
	cur := c.f.current()
	if err := cur.RefreshFigure(i, c.status[i].Current); err != nil {
		c.f.sh.showError(err)
		return
	}
	if t := c.f.text(c.list[i].Section); t != nil {
		t.entry.SetText(*cur.SectionText(c.list[i].Section))
	}
	c.list[i] = cur.Figures[i]
	c.check()
}

func (c *caseFigures) refreshAll() {
	for i := range c.status {
		if c.status[i].State == data.FigureStale {
			c.refresh(i)
		}
	}
}

func (c *caseFigures) draw() {
	c.rows.RemoveAll()
	stale, untraced := 0, 0
	for i, st := range c.status {
		switch st.State {
		case data.FigureStale, data.FigureMissing:
			stale++
		case data.FigureUntraced:
			untraced++
		}
		c.rows.Add(c.row(i, st))
	}
	switch {
	case len(c.list) == 0:
		c.summary.SetText(lang.L("还没有插入数字。在“案例正文”中点“插入数字”，从年度指标中选取。"))
	default:
		c.summary.SetText(fmt.Sprintf(lang.L("共%d个数字：%d个已过期，%d个未溯源。"), len(c.list), stale, untraced))
	}
	if stale > 0 {
		c.allBtn.Enable()
	} else {
		c.allBtn.Disable()
	}
	c.rows.Refresh()
	c.f.showCounts()
}

func (c *caseFigures) row(i int, st data.FigureStatus) fyne.CanvasObject {
	fig := st.Figure
	phr := widget.NewLabelWithStyle(fig.Phrasing, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	where := lang.L(data.SectionNames[fig.Section])
	if t := c.f.text(fig.Section); t != nil && !strings.Contains(t.entry.Text, fig.Phrasing) {
		where += lang.L("（正文中已找不到）")
	}
	sep := lang.L("，")
	what := lang.L("手工输入")
	if !fig.Untraced() {
		what = valueLabel(st.Metric) + sep + figureYears(fig)
	}
	what += sep + lang.L("写入时为") + " " + caseFigureValue(fig.Value, fig.Unit)
	if st.State == data.FigureStale {
		what += sep + lang.L("现为") + " " + caseFigureValue(st.Current, fig.Unit)
	}
	state := widget.NewLabel(lang.L(data.FigureStateNames[st.State]))
	switch st.State {
	case data.FigureChecked:
		state.Importance = widget.SuccessImportance
	case data.FigureStale, data.FigureMissing:
		state.Importance = widget.DangerImportance
	default:
		state.Importance = widget.WarningImportance
	}
	buttons := container.NewHBox()
	if st.State == data.FigureStale {
		b := widget.NewButtonWithIcon(lang.L("更新"), theme.ViewRefreshIcon(), func() { c.refresh(i) })
		b.Importance = widget.HighImportance
		buttons.Add(b)
	}
	buttons.Add(widget.NewButtonWithIcon(lang.L("删除"), theme.DeleteIcon(), func() { c.remove(i) }))
	info := widget.NewLabel(where + " · " + what)
	info.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, widget.NewSeparator(), container.NewHBox(state, phr), buttons, info)
}

func figureYears(f data.CaseFigure) string {
	if f.YearFrom != 0 && f.YearFrom != f.YearTo {
		return fmt.Sprintf(lang.L("%d—%d年"), f.YearFrom, f.YearTo)
	}
	return strings.TrimSpace(fmt.Sprintf(lang.L("%d年"), f.YearTo)) // "2026 " in English
}

// caseFigureValue is a figure's value with its unit as the list of a case's
// figures shows it: every decimal it has in Chinese (1.5321亿元), as the
// figures elsewhere in English (153.21 million yuan).
func caseFigureValue(v float64, unit string) string {
	if english() {
		return formatFigure(v, unit)
	}
	return strconv.FormatFloat(v, 'f', -1, 64) + unit
}
