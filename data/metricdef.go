package data

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MetricUnits are the units offered for a metric; others may be typed.
var MetricUnits = []string{"人次", "期", "家", "条", "个", "户", "人", "场", "万元", "亿元"}

// customKeyPrefix starts the key of every metric a person added, so user
// metrics never collide with the catalog's own keys.
const customKeyPrefix = "custom_"

// Limits of a user-added metric's texts: names appear in table columns and
// case texts, units after every number.
const (
	maxMetricName = 20
	maxMetricUnit = 4
)

// normalize tidies a metric a person is adding and checks it.
func (m *Metric) normalize() error {
	m.Name, m.Unit, m.Note = NormalizeText(m.Name), NormalizeText(m.Unit), NormalizeText(m.Note)
	var errs Errors
	switch n := utf8.RuneCountInString(m.Name); {
	case n == 0:
		errs = append(errs, invalid("指标名称", "", "不能为空", "must not be empty", "metric name is empty"))
	case n > maxMetricName:
		errs = append(errs, invalid("指标名称", clipValue(m.Name), fmt.Sprintf("不能超过%d个字", maxMetricName), fmt.Sprintf("must not be longer than %d characters", maxMetricName),
			"metric name too long"))
	}
	switch n := utf8.RuneCountInString(m.Unit); {
	case n == 0:
		errs = append(errs, invalid("单位", "", "不能为空，例如 人次、个、万元", "must not be empty, e.g. person-times, count, ×10,000 yuan", "metric unit is empty"))
	case n > maxMetricUnit:
		errs = append(errs, invalid("单位", clipValue(m.Unit), fmt.Sprintf("不能超过%d个字", maxMetricUnit), fmt.Sprintf("must not be longer than %d characters", maxMetricUnit),
			"metric unit too long"))
	case strings.IndexFunc(m.Unit, func(r rune) bool { return unicode.IsDigit(r) || unicode.IsSpace(r) }) >= 0:
		// "10人" as a unit would print "3010人" after a value of 30.
		errs = append(errs, invalid("单位", m.Unit, "不能含数字或空格", "must not contain digits or spaces", "metric unit holds digits or spaces"))
	}
	if m.Kind != MetricManual && m.Kind != MetricOutcome {
		errs = append(errs, invalid("指标类型", m.Kind, "只能是手工填写或活动成效", "must be entered by hand or activity outcome", "kind must be manual or outcome"))
	}
	return errs.Err()
}

// AddMetric adds a metric of the organization's own to the catalog, after
// the others, and returns its key ("custom_<n>"). Only manual and outcome
// metrics can be added: derived ones need a rule the program knows. A name
// already in the catalog is refused.
func (s *Store) AddMetric(ctx context.Context, m Metric) (string, error) {
	if err := m.normalize(); err != nil {
		return "", err
	}
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM metrics WHERE name = ?", m.Name).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return &Error{Code: CodeConflict, Field: "指标名称", Value: m.Name, Msg: "已有同名指标", MsgEN: "a metric with this name already exists",
				Reason: "metric name already in the catalog"}
		}
		var err error
		if m.Key, err = nextCustomKey(ctx, tx); err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, "SELECT COALESCE(max(sort), 0) + 10 FROM metrics").Scan(&m.Sort); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO metrics (key, name, unit, kind, rule, sort, builtin, note)
			VALUES (?, ?, ?, ?, '', ?, 0, ?)`, m.Key, m.Name, m.Unit, m.Kind, m.Sort, m.Note)
		return err
	})
	if err != nil {
		return "", err
	}
	return m.Key, nil
}

// nextCustomKey is one past the highest custom_<n> in the catalog, so a key
// is never handed out twice.
func nextCustomKey(ctx context.Context, tx *sql.Tx) (string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT key FROM metrics WHERE substr(key, 1, ?) = ?`,
		len(customKeyPrefix), customKeyPrefix)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	top := 0
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return "", err
		}
		if n, err := strconv.Atoi(strings.TrimPrefix(k, customKeyPrefix)); err == nil && n > top {
			top = n
		}
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	return fmt.Sprintf("%s%d", customKeyPrefix, top+1), nil
}

// ParseMetricValue reads a figure typed by a person: "1200", "1,200",
// "12.5", full-width digits. Empty, negative and non-numeric text is refused.
func ParseMetricValue(text string) (float64, error) {
	raw := normalizeValue(text)
	t := strings.ReplaceAll(raw, " ", "")
	if t == "" {
		return 0, invalid("数值", "", "请填写数值", "please fill in a value", "empty metric value")
	}
	if moneyNumberRE.MatchString(strings.TrimPrefix(t, "-")) {
		t = strings.ReplaceAll(t, ",", "")
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || strings.ContainsAny(t, "eExXpP_") {
		return 0, invalid("数值", clipValue(raw), "请填写数字，例如 12 或 3.5", "please write a number, e.g. 12 or 3.5", "metric value is not a number")
	}
	if v < 0 {
		return 0, invalid("数值", clipValue(raw), "不能为负数", "must not be negative", "negative metric value")
	}
	return v, nil
}

// FigureYears lists the years that have activities or hand-entered figures,
// oldest first: the years whose figures mean something.
func (s *Store) FigureYears(ctx context.Context) ([]int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT y FROM (
			SELECT CAST(substr(date, 1, 4) AS INTEGER) AS y FROM activities WHERE date <> '' AND planned = 0
			UNION SELECT year FROM metric_values)
		ORDER BY y`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int
	for rows.Next() {
		var y int
		if err := rows.Scan(&y); err != nil {
			return nil, err
		}
		if y > 0 {
			out = append(out, y)
		}
	}
	return out, rows.Err()
}
