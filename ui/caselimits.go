package ui

import (
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
)

// caseLimitsCard sets the character limits the case editor counts against.
type caseLimitsCard struct {
	sh                                    shell
	title, lead, practices, results, opin *widget.Entry
	saveBtn, resetBtn                     *widget.Button
}

func newCaseLimitsCard(a shell) *caseLimitsCard {
	c := &caseLimitsCard{sh: a}
	for _, e := range c.entries() {
		*e = widget.NewEntry()
		(*e).Validator = func(v string) error {
			if n, err := strconv.Atoi(strings.TrimSpace(v)); err != nil || n <= 0 {
				return errors.New(lang.L("请填写正整数"))
			}
			return nil
		}
	}
	c.saveBtn = widget.NewButton(lang.L("保存字数限制"), c.onSave)
	c.resetBtn = widget.NewButton(lang.L("恢复默认"), func() { c.show(data.DefaultCaseLimits) })
	return c
}

func (c *caseLimitsCard) entries() []**widget.Entry {
	return []**widget.Entry{&c.title, &c.lead, &c.practices, &c.results, &c.opin}
}

func (c *caseLimitsCard) content() fyne.CanvasObject {
	form := widget.NewForm(
		widget.NewFormItem(lang.L("案例名称"), c.title), widget.NewFormItem(lang.L("导语"), c.lead),
		widget.NewFormItem(lang.L("主要做法"), c.practices), widget.NewFormItem(lang.L("主要成效"), c.results),
		widget.NewFormItem(lang.L("推荐单位意见"), c.opin))
	return widget.NewCard(lang.L("案例字数限制"), lang.L("案例编辑时显示的字数上限（不计空格和换行），申报前的检查也按此判断。"),
		container.NewVBox(container.NewGridWrap(fyne.NewSize(360, form.MinSize().Height), form),
			container.NewHBox(c.saveBtn, c.resetBtn)))
}

func (c *caseLimitsCard) refresh() {
	l, err := c.sh.store().CaseLimits(c.sh.ctx())
	if err != nil {
		c.sh.showError(err)
		return
	}
	c.show(l)
}

func (c *caseLimitsCard) show(l data.CaseLimits) {
	for i, n := range []int{l.Title, l.Lead, l.Practices, l.Results, l.Opinion} {
		(*c.entries()[i]).SetText(strconv.Itoa(n))
	}
}

func (c *caseLimitsCard) onSave() {
	var v [5]int
	for i, e := range c.entries() {
		n, err := strconv.Atoi(strings.TrimSpace((*e).Text))
		if err != nil || n <= 0 {
			c.sh.showInfo(lang.L("案例字数限制"), lang.L("每项都应填写正整数。"))
			return
		}
		v[i] = n
	}
	l := data.CaseLimits{Title: v[0], Lead: v[1], Practices: v[2], Results: v[3], Opinion: v[4]}
	if err := c.sh.store().SetCaseLimits(c.sh.ctx(), l); err != nil {
		c.sh.showError(err)
		return
	}
	c.sh.showInfo(lang.L("已保存"), lang.L("案例字数限制已保存。"))
}
