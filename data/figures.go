package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"strings"
)

// Figure is one metric's value for a year, with where it came from.
type Figure struct {
	Metric
	Year   int
	Value  float64
	Source string // Chinese: how the value was obtained
	Set    bool   // false for a manual metric nobody has entered yet
}

// Contribution is one record behind a figure: a member counted, or an
// activity and what it added.
type Contribution struct {
	Kind   string // member, activity, manual
	ID     int64
	Date   string // YYYY-MM-DD
	Label  string // member name and company, or activity title and type
	Amount float64
}

// yearBounds are the first and last day of a calendar year as stored.
func yearBounds(year int) (string, string) {
	return fmt.Sprintf("%04d-01-01", year), fmt.Sprintf("%04d-12-31", year)
}

// Figures computes every metric of the catalog for a calendar year: derived
// ones from the members and attendance, outcome ones by summing what the
// activities of the year produced, manual ones from what was entered.
func (s *Store) Figures(ctx context.Context, year int) ([]Figure, error) {
	metrics, err := s.Metrics(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Figure, 0, len(metrics))
	for _, m := range metrics {
		contribs, source, set, err := s.explain(ctx, year, m)
		if err != nil {
			return nil, err
		}
		out = append(out, figure(m, year, source, set, contribs))
	}
	return out, nil
}

// Explain lists the records behind one metric's figure for a year; their
// amounts add up to the figure.
func (s *Store) Explain(ctx context.Context, year int, key string) (Figure, []Contribution, error) {
	metrics, err := s.Metrics(ctx)
	if err != nil {
		return Figure{}, nil, err
	}
	for _, m := range metrics {
		if m.Key != key {
			continue
		}
		contribs, source, set, err := s.explain(ctx, year, m)
		if err != nil {
			return Figure{}, nil, err
		}
		return figure(m, year, source, set, contribs), contribs, nil
	}
	return Figure{}, nil, &Error{Code: CodeNotFound, Field: "指标", Value: key, Msg: "没有这个指标", MsgEN: "no such metric",
		Reason: fmt.Sprintf("metric %q not found", key)}
}

// figure adds up the contributions. Amounts such as 1.2亿元 are decimals:
// the sum is rounded to six places so 1.2 + 0.1 reads 1.3, not 1.3000000000000003.
func figure(m Metric, year int, source string, set bool, contribs []Contribution) Figure {
	f := Figure{Metric: m, Year: year, Source: source, Set: set}
	for _, c := range contribs {
		f.Value += c.Amount
	}
	f.Value = math.Round(f.Value*1e6) / 1e6
	return f
}

// explain computes one metric as the list of records behind it.
func (s *Store) explain(ctx context.Context, year int, m Metric) ([]Contribution, string, bool, error) {
	first, last := yearBounds(year)
	switch m.Kind {
	case MetricManual:
		var v float64
		var note string
		err := s.db.QueryRowContext(ctx, `SELECT value, note FROM metric_values WHERE year = ? AND metric_key = ?`,
			year, m.Key).Scan(&v, &note)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, "手工填写（尚未填写）", false, nil
		}
		if err != nil {
			return nil, "", false, err
		}
		src := "手工填写"
		if note != "" {
			src += "：" + note
		}
		return []Contribution{{Kind: "manual", Label: note, Amount: v}}, src, true, nil
	case MetricOutcome:
		c, err := s.contributions(ctx, `SELECT a.id, a.date, a.title || '（' || a.type || '）', o.value
			FROM activity_outcomes o JOIN activities a ON a.id = o.activity_id
			WHERE o.metric_key = ? AND a.date BETWEEN ? AND ?`+heldOnly+` ORDER BY a.date, a.id`, "activity", m.Key, first, last)
		return c, fmt.Sprintf("%d项活动的成效合计", len(c)), true, err
	}
	rule, arg, _ := strings.Cut(m.Rule, ":")
	typeFilter, args := heldOnly, []any{first, last}
	if arg != "" {
		typeFilter += " AND a.type = ?"
		args = append(args, arg)
	}
	var c []Contribution
	var err error
	var src string
	switch rule {
	case "members.active_at_year_end", "members.party_at_year_end":
		party := ""
		src = year12(year) + "在会会员"
		if rule == "members.party_at_year_end" {
			party = " AND political_status IN ('中共党员', '中共预备党员')"
			src = year12(year) + "在会的党员会员"
		}
		c, err = s.contributions(ctx, `SELECT id, join_date, name || CASE WHEN company <> '' THEN '（' || company || '）' ELSE '' END, 1
			FROM members WHERE (join_date = '' OR join_date <= ?1) AND (leave_date = '' OR leave_date > ?1)`+party+`
			ORDER BY id`, "member", last)
	case "members.joined_in_year":
		src = fmt.Sprintf("%d年入会的会员", year)
		c, err = s.contributions(ctx, `SELECT id, join_date, name || CASE WHEN company <> '' THEN '（' || company || '）' ELSE '' END, 1
			FROM members WHERE join_date BETWEEN ? AND ? ORDER BY join_date, id`, "member", first, last)
	case "activities.count":
		src = fmt.Sprintf("%d年的活动记录", year)
		if arg != "" {
			src = fmt.Sprintf("%d年“%s”活动记录", year, arg)
		}
		c, err = s.contributions(ctx, `SELECT a.id, a.date, a.title || '（' || a.type || '）', 1
			FROM activities a WHERE a.date BETWEEN ? AND ?`+typeFilter+` ORDER BY a.date, a.id`, "activity", args...)
	case "activities.person_times":
		src = fmt.Sprintf("%d年活动的签到会员人次加其他参与人次", year)
		if arg != "" {
			src = fmt.Sprintf("%d年“%s”活动的签到会员人次加其他参与人次", year, arg)
		}
		c, err = s.contributions(ctx, `SELECT a.id, a.date, a.title || '（' || a.type || '）',
			a.outside_count + (SELECT count(*) FROM attendance t WHERE t.activity_id = a.id)
			FROM activities a WHERE a.date BETWEEN ? AND ?`+typeFilter+` ORDER BY a.date, a.id`, "activity", args...)
	default:
		return nil, "", false, fmt.Errorf("metric %s: unknown rule %q", m.Key, m.Rule)
	}
	return c, src, true, err
}

func year12(year int) string { return fmt.Sprintf("%d年末", year) }

func (s *Store) contributions(ctx context.Context, q, kind string, args ...any) ([]Contribution, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Contribution
	for rows.Next() {
		c := Contribution{Kind: kind}
		if err := rows.Scan(&c.ID, &c.Date, &c.Label, &c.Amount); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
