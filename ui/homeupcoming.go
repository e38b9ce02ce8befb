package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
	"chamberdesk/ui/widgets"
)

// homeUpcoming is how many planned activities 近期安排 lists.
const homeUpcoming = 4

// upcomingPanel (近期安排) lists the planned activities from today on,
// soonest first; each opens on the activities screen, where its notice is.
// It hides when nothing is planned.
type upcomingPanel struct {
	sh    shell
	rows  []*widget.Button
	ids   []int64
	box   *fyne.Container
	panel fyne.CanvasObject // the box on its panel; hidden with nothing planned
}

func newUpcomingPanel(sh shell) *upcomingPanel {
	p := &upcomingPanel{sh: sh, ids: make([]int64, homeUpcoming)}
	p.box = container.NewVBox(sectionTitle(lang.L("近期安排")))
	for i := range homeUpcoming {
		b := widget.NewButtonWithIcon("", theme.CalendarIcon(), func() { p.open(i) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		p.rows = append(p.rows, b)
		p.box.Add(b)
	}
	p.panel = widgets.NewPanel(p.box)
	p.panel.Hide()
	return p
}

// load shows the planned activities from today on.
func (p *upcomingPanel) load() error {
	acts, err := p.sh.store().UpcomingActivities(p.sh.ctx(), membersToday(p.sh), homeUpcoming)
	if err != nil {
		return err
	}
	for i, b := range p.rows {
		if i >= len(acts) {
			b.Hide()
			continue
		}
		a := acts[i]
		when := data.FormatDateCN(a.Date)
		if a.StartTime != "" {
			when += " " + a.StartTime
		}
		b.SetText(fmt.Sprintf(lang.L("%s　%s（%s）"), when, a.Title, valueLabel(a.Type)))
		p.ids[i] = a.ID
		b.Show()
	}
	if len(acts) == 0 {
		p.panel.Hide()
	} else {
		p.panel.Show()
	}
	return nil
}

// open shows planned activity i on the activities screen, selected.
func (p *upcomingPanel) open(i int) {
	if s, ok := p.sh.navigate("activities").(*activitiesScreen); ok {
		s.saved(p.ids[i])
	}
}
