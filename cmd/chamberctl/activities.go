package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"strconv"
	"text/tabwriter"

	"chamberdesk/data"
)

// activityRow is the JSON shape of an activity.
type activityRow struct {
	ID           int64              `json:"id"`
	Date         string             `json:"date"`
	EndDate      string             `json:"end_date,omitempty"`
	State        string             `json:"state"`
	StartTime    string             `json:"start_time,omitempty"`
	Type         string             `json:"type"`
	Title        string             `json:"title"`
	Place        string             `json:"place"`
	Organizer    string             `json:"organizer"`
	Attendees    int                `json:"attendees"`
	OutsideCount int                `json:"outside_count"`
	PersonTimes  int                `json:"person_times"`
	Outcomes     map[string]float64 `json:"outcomes,omitempty"`
}

func (c *cli) cmdActivities(args []string) error {
	if len(args) == 0 || args[0] != "list" {
		return usageError{"activities: 需要子命令 list / activities needs list"}
	}
	var year int
	var asJSON bool
	fs, err := flags("activities list", args[1:], func(fs *flag.FlagSet) {
		fs.IntVar(&year, "year", 0, "年度 / year (0: all)")
		fs.BoolVar(&asJSON, "json", false, "输出 JSON / print JSON")
	})
	if err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	s, err := c.open()
	if err != nil {
		return err
	}
	defer s.Close()
	acts, err := s.ActivitiesWithPlanned(c.ctx, year)
	if err != nil {
		return err
	}
	rows := make([]activityRow, len(acts))
	for i, a := range acts {
		r := activityRow{ID: a.ID, Date: data.FormatDateISO(a.Date), EndDate: data.FormatDateISO(a.EndDate),
			State: a.State(), StartTime: a.StartTime,
			Type: a.Type, Title: a.Title, Place: a.Place, Organizer: a.Organizer, Attendees: len(a.Attendees),
			OutsideCount: a.OutsideCount, PersonTimes: a.PersonTimes()}
		for _, o := range a.Outcomes {
			if r.Outcomes == nil {
				r.Outcomes = map[string]float64{}
			}
			r.Outcomes[o.MetricKey] = o.Value
		}
		rows[i] = r
	}
	return printList(c, rows, asJSON, "编号\t日期\t状态\t类型\t名称\t参与人次", func(r activityRow) string {
		return fmt.Sprintf("%d\t%s\t%s\t%s\t%s\t%d", r.ID, r.Date, r.State, r.Type, r.Title, r.PersonTimes)
	}, fmt.Sprintf("共 %d 项", len(rows)))
}

// figureRow is the JSON shape of a metric's value.
type figureRow struct {
	Key    string  `json:"key"`
	Name   string  `json:"name"`
	Unit   string  `json:"unit"`
	Kind   string  `json:"kind"`
	Value  float64 `json:"value"`
	Set    bool    `json:"set"`
	Source string  `json:"source"`
}

func (c *cli) cmdMetrics(args []string) error {
	explain := len(args) > 0 && args[0] == "explain"
	if explain {
		args = args[1:]
	}
	var year int
	var key string
	var asJSON bool
	fs, err := flags("metrics", args, func(fs *flag.FlagSet) {
		fs.IntVar(&year, "year", 0, "年度 / year")
		fs.BoolVar(&asJSON, "json", false, "输出 JSON / print JSON")
		if explain {
			fs.StringVar(&key, "key", "", "指标 / metric key")
		}
	})
	if err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if year < 1900 || year > 2100 {
		return usageError{"metrics: 需要 --year，如 --year 2026 / --year is required"}
	}
	if explain && key == "" {
		return usageError{"metrics explain: 需要 --key / --key is required"}
	}
	s, err := c.open()
	if err != nil {
		return err
	}
	defer s.Close()
	if explain {
		f, contribs, err := s.Explain(c.ctx, year, key)
		if err != nil {
			return err
		}
		if asJSON {
			enc := json.NewEncoder(c.stdout)
			enc.SetIndent("", "  ")
			return enc.Encode(map[string]any{"figure": toFigureRow(f), "records": contribs})
		}
		fmt.Fprintf(c.stdout, "%d年 %s：%s%s（%s）\n", year, f.Name, formatValue(f.Value), f.Unit, f.Source)
		tw := tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', 0)
		for _, r := range contribs {
			fmt.Fprintf(tw, "%s\t%d\t%s\t%s\n", r.Kind, r.ID, r.Date, r.Label+"\t"+formatValue(r.Amount))
		}
		return tw.Flush()
	}
	figs, err := s.Figures(c.ctx, year)
	if err != nil {
		return err
	}
	rows := make([]figureRow, len(figs))
	for i, f := range figs {
		rows[i] = toFigureRow(f)
	}
	return printList(c, rows, asJSON, "指标\t数值\t单位\t来源", func(r figureRow) string {
		v := formatValue(r.Value)
		if !r.Set {
			v = "—"
		}
		return fmt.Sprintf("%s\t%s\t%s\t%s", r.Name, v, r.Unit, r.Source)
	}, "")
}

func toFigureRow(f data.Figure) figureRow {
	return figureRow{Key: f.Key, Name: f.Name, Unit: f.Unit, Kind: f.Kind, Value: f.Value, Set: f.Set, Source: f.Source}
}

func formatValue(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
