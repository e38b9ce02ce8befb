package data

import (
	"context"
	"database/sql"
	"fmt"
)

// Metric kinds.
const (
	MetricDerived = "derived" // counted from members and attendance
	MetricOutcome = "outcome" // summed from activity outcomes
	MetricManual  = "manual"  // entered by hand for a year
)

// Metric is a figure the organization reports each year.
type Metric struct {
	Key     string
	Name    string
	Unit    string
	Kind    string
	Rule    string
	Sort    int
	Builtin bool
	Note    string
}

// Metrics lists the metric catalog in display order.
func (s *Store) Metrics(ctx context.Context) ([]Metric, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT key, name, unit, kind, rule, sort, builtin, note
		FROM metrics ORDER BY sort, key`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Metric
	for rows.Next() {
		var m Metric
		if err := rows.Scan(&m.Key, &m.Name, &m.Unit, &m.Kind, &m.Rule, &m.Sort, &m.Builtin, &m.Note); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// ManualValue is a yearly figure entered by hand.
type ManualValue struct {
	Year      int
	MetricKey string
	Value     float64
	Note      string
}

// SetManualValue records a hand-entered figure for a year.
func (s *Store) SetManualValue(ctx context.Context, v ManualValue) error {
	if v.Value < 0 {
		return invalid("指标数值", fmt.Sprint(v.Value), "不能为负数", "must not be negative", "negative metric value")
	}
	return s.withTx(ctx, func(tx *sql.Tx) error {
		var kind string
		if err := tx.QueryRowContext(ctx, "SELECT kind FROM metrics WHERE key = ?", v.MetricKey).Scan(&kind); err != nil {
			return invalid("指标", v.MetricKey, "不是已设置的指标", "is not a metric in the catalog", "unknown metric")
		}
		if kind != MetricManual {
			return invalid("指标", v.MetricKey, "该指标由记录自动统计，不能手工填写", "this metric is counted from the records and cannot be typed in", "metric is not manual")
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO metric_values (year, metric_key, value, note, updated_at)
			VALUES (?, ?, ?, ?, ?) ON CONFLICT (year, metric_key) DO UPDATE SET value = excluded.value,
			note = excluded.note, updated_at = excluded.updated_at`,
			v.Year, v.MetricKey, v.Value, NormalizeText(v.Note), s.stamp())
		return err
	})
}

// ManualValues lists the hand-entered figures of a year.
func (s *Store) ManualValues(ctx context.Context, year int) ([]ManualValue, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT year, metric_key, value, note FROM metric_values
		WHERE year = ? ORDER BY metric_key`, year)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ManualValue
	for rows.Next() {
		var v ManualValue
		if err := rows.Scan(&v.Year, &v.MetricKey, &v.Value, &v.Note); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
