package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
)

// homeScreen (首页) greets with the organization and this year's headline
// numbers from the roster and dues.
type homeScreen struct {
	app     *App
	title   *widget.Label
	members *widget.Label
	dues    *widget.Label
	recent  *widget.Label
}

func newHomeScreen(a *App) *homeScreen {
	h := &homeScreen{app: a, title: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		members: newLabel(""), dues: newLabel(""), recent: newLabel("")}
	h.title.SizeName = "headingText"
	return h
}

func (h *homeScreen) content() fyne.CanvasObject {
	return container.NewVScroll(container.NewPadded(container.NewVBox(h.title,
		container.NewGridWithColumns(2,
			widget.NewCard("会员", "", h.members),
			widget.NewCard("会费", "", h.dues)),
		widget.NewCard("最近的活动", "", h.recent))))
}

func (h *homeScreen) refresh() {
	s, ctx := h.app.store, h.app.ctx
	if s == nil {
		return
	}
	year := time.Now().Year()
	h.title.SetText(h.app.org.Name)
	ms, err := s.SearchMembers(ctx, "")
	if err != nil {
		h.app.showError(err)
		return
	}
	active, party, unit, newThisYear := 0, 0, 0, 0
	for _, m := range ms {
		if m.Status != data.StatusActive {
			continue
		}
		active++
		if data.IsPartyMember(m.Political) {
			party++
		}
		if m.Kind == data.KindUnit {
			unit++
		}
		if m.JoinDate.Year() == year {
			newThisYear++
		}
	}
	h.members.SetText(fmt.Sprintf("在会会员 %d 名（单位会员 %d、个人会员 %d）\n党员 %d 名\n%d年新入会 %d 名",
		active, unit, active-unit, party, year, newThisYear))
	arrears, err := s.Arrears(ctx, year)
	if err != nil {
		h.app.showError(err)
		return
	}
	var owed int64
	for _, a := range arrears {
		owed += a.DueFen - a.PaidFen
	}
	h.dues.SetText(fmt.Sprintf("%d年尚未缴清会费 %d 名\n欠缴合计 %s", year, len(arrears), data.FormatWanYuan(owed)))
	acts, err := s.Activities(ctx, 0)
	if err != nil {
		h.app.showError(err)
		return
	}
	text := ""
	for i, a := range acts {
		if i == 6 {
			break
		}
		text += fmt.Sprintf("%s　%s（%s）\n", data.FormatDateCN(a.Date), a.Title, a.Type)
	}
	if text == "" {
		text = "还没有活动记录。"
	}
	h.recent.SetText(text)
}
