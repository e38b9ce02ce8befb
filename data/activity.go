package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Activity is a meeting, class, visit or event the organization held.
type Activity struct {
	ID           int64
	Title        string
	Type         string
	Date         time.Time
	EndDate      time.Time // last day of a several-day activity; zero for one day
	Place        string
	Organizer    string
	Partners     string
	Content      string
	OutsideCount int     // person-times from outside the roster
	Attendees    []int64 // member ids; for a planned activity, those invited
	Outcomes     []Outcome
	CreatedAt    string
	UpdatedAt    string

	// Planned is an activity not yet held (计划): it is listed and may have
	// a notice, but counts in no figure, count, ledger or case until it is
	// marked held.
	Planned   bool
	StartTime string // "14:30", or empty
	Agenda    string // 会议议程, one item a line
}

// Activity states as shown.
const (
	StatePlanned = "计划"
	StateHeld    = "已举行"
)

// State is 计划 or 已举行.
func (a Activity) State() string {
	if a.Planned {
		return StatePlanned
	}
	return StateHeld
}

// heldOnly is the condition, on activities aliased a, that keeps planned
// activities out of every count.
const heldOnly = " AND a.planned = 0"

// Outcome is a figure an activity produced, e.g. 签约项目 3 个.
type Outcome struct {
	MetricKey string
	Value     float64
	Note      string
}

// PersonTimes is the activity's 参与人次: each attending member once plus
// outside person-times.
func (a Activity) PersonTimes() int { return len(a.Attendees) + a.OutsideCount }

// Normalize tidies and validates an activity.
func (a *Activity) Normalize() error {
	a.Title, a.Type = NormalizeText(a.Title), NormalizeText(a.Type)
	a.Place, a.Organizer, a.Partners = NormalizeText(a.Place), NormalizeText(a.Organizer), NormalizeText(a.Partners)
	a.Content = strings.TrimSpace(strings.ReplaceAll(a.Content, "\r\n", "\n"))
	a.Agenda = tidyLines(a.Agenda)
	var errs Errors
	if t, err := normalizeClock(a.StartTime); err != nil {
		errs = append(errs, err)
	} else {
		a.StartTime = t
	}
	if a.Title == "" {
		errs = append(errs, invalid("活动名称", "", "不能为空", "must not be empty", "activity title is empty"))
	}
	if a.Type == "" {
		errs = append(errs, invalid("活动类型", "", "不能为空", "must not be empty", "activity type is empty"))
	}
	if a.Date.IsZero() {
		errs = append(errs, invalid("活动日期", "", "不能为空", "must not be empty", "activity date is empty"))
	}
	if !a.EndDate.IsZero() && !a.Date.IsZero() && a.EndDate.Before(a.Date) {
		errs = append(errs, invalid("结束日期", FormatDateCN(a.EndDate), "不能早于开始日期", "must not be before the start date", "end date before start date"))
	}
	if a.EndDate.Equal(a.Date) {
		a.EndDate = time.Time{}
	}
	if a.OutsideCount < 0 {
		errs = append(errs, invalid("其他参与人次", fmt.Sprint(a.OutsideCount), "不能为负数", "must not be negative", "negative outside count"))
	}
	seen := map[int64]bool{}
	uniq := a.Attendees[:0:0]
	for _, id := range a.Attendees {
		if !seen[id] {
			seen[id] = true
			uniq = append(uniq, id)
		}
	}
	a.Attendees = uniq
	for _, o := range a.Outcomes {
		if o.Value < 0 {
			errs = append(errs, invalid("成效数字", fmt.Sprint(o.Value), "不能为负数", "must not be negative", "negative outcome "+o.MetricKey))
		}
	}
	return errs.Err()
}

func (a Activity) logFields() fields {
	return fields{
		"title": a.Title, "type": a.Type, "date": FormatDateISO(a.Date), "end_date": FormatDateISO(a.EndDate), "place": a.Place,
		"organizer": a.Organizer, "partners": a.Partners, "content": a.Content,
		"outside_count": fmt.Sprint(a.OutsideCount), "attendees": fmt.Sprint(a.Attendees),
		"outcomes": fmt.Sprint(a.Outcomes), "state": a.State(), "start_time": a.StartTime, "agenda": a.Agenda,
	}
}

// ActivityTypes lists the configured activity types in order.
func (s *Store) ActivityTypes(ctx context.Context) ([]string, error) {
	return s.names(ctx, "SELECT name FROM activity_types ORDER BY sort, name")
}

func (s *Store) names(ctx context.Context, q string, args ...any) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// CreateActivity inserts an activity with its attendance and outcomes.
func (s *Store) CreateActivity(ctx context.Context, a Activity) (int64, error) {
	if err := a.Normalize(); err != nil {
		return 0, err
	}
	var id int64
	err := s.withTx(ctx, func(tx *sql.Tx) (err error) {
		id, err = s.createActivity(ctx, tx, a)
		return err
	})
	return id, err
}

// createActivity inserts a normalized activity in tx.
func (s *Store) createActivity(ctx context.Context, tx *sql.Tx, a Activity) (int64, error) {
	now := s.stamp()
	res, err := tx.ExecContext(ctx, `INSERT INTO activities (title, type, date, end_date, place, organizer,
		partners, content, outside_count, created_at, updated_at, planned, start_time, agenda)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.Title, a.Type, FormatDateISO(a.Date), FormatDateISO(a.EndDate), a.Place, a.Organizer, a.Partners, a.Content,
		a.OutsideCount, now, now, a.Planned, a.StartTime, a.Agenda)
	if err != nil {
		return 0, activityWriteError(err, a)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	if err := writeActivityChildren(ctx, tx, id, a); err != nil {
		return 0, err
	}
	return id, s.logChange(ctx, tx, "activity", id, "insert", nil, a.logFields())
}

// UpdateActivity replaces an activity's fields, attendance and outcomes.
func (s *Store) UpdateActivity(ctx context.Context, a Activity) error {
	if err := a.Normalize(); err != nil {
		return err
	}
	return s.withTx(ctx, func(tx *sql.Tx) error { return s.updateActivity(ctx, tx, a) })
}

// updateActivity replaces a normalized activity in tx.
func (s *Store) updateActivity(ctx context.Context, tx *sql.Tx, a Activity) error {
	old, err := activityTx(ctx, tx, a.ID)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE activities SET title = ?, type = ?, date = ?, end_date = ?, place = ?,
		organizer = ?, partners = ?, content = ?, outside_count = ?, updated_at = ?, planned = ?, start_time = ?,
		agenda = ? WHERE id = ?`,
		a.Title, a.Type, FormatDateISO(a.Date), FormatDateISO(a.EndDate), a.Place, a.Organizer,
		a.Partners, a.Content, a.OutsideCount, s.stamp(), a.Planned, a.StartTime, a.Agenda, a.ID); err != nil {
		return activityWriteError(err, a)
	}
	for _, q := range []string{"DELETE FROM attendance WHERE activity_id = ?",
		"DELETE FROM activity_outcomes WHERE activity_id = ?"} {
		if _, err := tx.ExecContext(ctx, q, a.ID); err != nil {
			return err
		}
	}
	if err := writeActivityChildren(ctx, tx, a.ID, a); err != nil {
		return err
	}
	return s.logChange(ctx, tx, "activity", a.ID, "update", old.logFields(), a.logFields())
}

// DeleteActivity removes an activity with its attendance, outcomes and
// photo records (the photo files stay: another record may share them).
func (s *Store) DeleteActivity(ctx context.Context, id int64) error {
	return s.withTx(ctx, func(tx *sql.Tx) error {
		old, err := activityTx(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM activities WHERE id = ?", id); err != nil {
			return err
		}
		return s.logChange(ctx, tx, "activity", id, "delete", old.logFields(), nil)
	})
}

func activityWriteError(err error, a Activity) error {
	if isForeignKey(err) {
		return invalid("活动类型", a.Type, "不是已设置的活动类型", "is not one of the activity types set up", "unknown activity type")
	}
	return err
}

func writeActivityChildren(ctx context.Context, tx *sql.Tx, id int64, a Activity) error {
	for _, m := range a.Attendees {
		if _, err := tx.ExecContext(ctx, "INSERT INTO attendance (activity_id, member_id) VALUES (?, ?)", id, m); err != nil {
			if isForeignKey(err) {
				return memberNotFound(m)
			}
			return err
		}
	}
	for _, o := range a.Outcomes {
		if _, err := tx.ExecContext(ctx, `INSERT INTO activity_outcomes (activity_id, metric_key, value, note)
			VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET value = excluded.value, note = excluded.note`,
			id, o.MetricKey, o.Value, NormalizeText(o.Note)); err != nil {
			if isForeignKey(err) {
				return invalid("成效指标", o.MetricKey, "不是已设置的指标", "is not a metric in the catalog", "unknown metric")
			}
			return err
		}
	}
	return nil
}

const activityColumns = `id, title, type, date, end_date, place, organizer, partners, content, outside_count, created_at, updated_at, planned, start_time, agenda`

func scanActivity(r scanner) (Activity, error) {
	var a Activity
	var date, end string
	err := r.Scan(&a.ID, &a.Title, &a.Type, &date, &end, &a.Place, &a.Organizer, &a.Partners, &a.Content,
		&a.OutsideCount, &a.CreatedAt, &a.UpdatedAt, &a.Planned, &a.StartTime, &a.Agenda)
	a.Date, _ = time.Parse(time.DateOnly, date)
	a.EndDate, _ = time.Parse(time.DateOnly, end)
	return a, err
}

type querier interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
}

func activityTx(ctx context.Context, q querier, id int64) (Activity, error) {
	a, err := scanActivity(q.QueryRowContext(ctx, "SELECT "+activityColumns+" FROM activities WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return a, &Error{Code: CodeNotFound, Field: "活动", Value: fmt.Sprint(id), Msg: "找不到该活动", MsgEN: "activity not found",
			Reason: fmt.Sprintf("activity %d not found", id)}
	}
	if err != nil {
		return a, err
	}
	return a, loadActivityChildren(ctx, q, []*Activity{&a})
}

// Activity loads one activity with attendance and outcomes.
func (s *Store) Activity(ctx context.Context, id int64) (Activity, error) {
	return activityTx(ctx, s.db, id)
}

// Activities lists the activities held in a year (0 for all), newest
// first: what every ledger, workbook and count is made of.
func (s *Store) Activities(ctx context.Context, year int) ([]Activity, error) {
	return s.activities(ctx, year, false)
}

// ActivitiesWithPlanned lists a year's activities (0 for all), newest
// first, the planned ones too: what the activities screen shows.
func (s *Store) ActivitiesWithPlanned(ctx context.Context, year int) ([]Activity, error) {
	return s.activities(ctx, year, true)
}

func (s *Store) activities(ctx context.Context, year int, planned bool) ([]Activity, error) {
	q := "SELECT " + activityColumns + " FROM activities a WHERE 1 = 1"
	if !planned {
		q += heldOnly
	}
	var args []any
	if year > 0 {
		q += " AND date >= ? AND date <= ?"
		args = append(args, fmt.Sprintf("%04d-01-01", year), fmt.Sprintf("%04d-12-31", year))
	}
	rows, err := s.db.QueryContext(ctx, q+" ORDER BY date DESC, id DESC", args...)
	if err != nil {
		return nil, err
	}
	var out []Activity
	for rows.Next() {
		a, err := scanActivity(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	ptrs := make([]*Activity, len(out))
	for i := range out {
		ptrs[i] = &out[i]
	}
	return out, loadActivityChildren(ctx, s.db, ptrs)
}

// loadActivityChildren fills attendance and outcomes with two queries for
// the whole list rather than two per activity.
func loadActivityChildren(ctx context.Context, q querier, acts []*Activity) error {
	if len(acts) == 0 {
		return nil
	}
	byID := make(map[int64]*Activity, len(acts))
	for _, a := range acts {
		byID[a.ID] = a
	}
	// One activity reads only its own rows; a list reads the tables once.
	where, args := "", []any(nil)
	if len(acts) == 1 {
		where, args = " WHERE activity_id = ?", []any{acts[0].ID}
	}
	rows, err := q.QueryContext(ctx, "SELECT activity_id, member_id FROM attendance"+where+
		" ORDER BY activity_id, member_id", args...)
	if err != nil {
		return err
	}
	for rows.Next() {
		var aid, mid int64
		if err := rows.Scan(&aid, &mid); err != nil {
			rows.Close()
			return err
		}
		if a := byID[aid]; a != nil {
			a.Attendees = append(a.Attendees, mid)
		}
	}
	rows.Close()
	rows, err = q.QueryContext(ctx, `SELECT o.activity_id, o.metric_key, o.value, o.note FROM activity_outcomes o
		JOIN metrics m ON m.key = o.metric_key`+strings.Replace(where, "activity_id", "o.activity_id", 1)+
		` ORDER BY o.activity_id, m.sort`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var aid int64
		var o Outcome
		if err := rows.Scan(&aid, &o.MetricKey, &o.Value, &o.Note); err != nil {
			return err
		}
		if a := byID[aid]; a != nil {
			a.Outcomes = append(a.Outcomes, o)
		}
	}
	return rows.Err()
}

// ActivitiesOfMember lists the activities a member attended, newest first.
func (s *Store) ActivitiesOfMember(ctx context.Context, memberID int64) ([]Activity, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+prefixed("a.", activityColumns)+` FROM activities a
		JOIN attendance t ON t.activity_id = a.id WHERE t.member_id = ?`+heldOnly+` ORDER BY a.date DESC`, memberID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Activity
	for rows.Next() {
		a, err := scanActivity(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// AddActivityType adds a type to the configurable list, before 其他.
func (s *Store) AddActivityType(ctx context.Context, name string) error {
	name = NormalizeText(name)
	if name == "" || len([]rune(name)) > 20 {
		return invalid("活动类型", name, "请填写 1 到 20 个字的类型名称", "please give a type name of 1 to 20 characters", "activity type name empty or too long")
	}
	return s.withTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM activity_types WHERE name = ?", name).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return &Error{Code: CodeConflict, Field: "活动类型", Value: name, Msg: "已有这个类型", MsgEN: "this type already exists", Reason: "activity type exists"}
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO activity_types (name, sort)
			VALUES (?, (SELECT COALESCE(max(sort), 0) + 1 FROM activity_types WHERE sort < 999))`, name)
		return err
	})
}

// RemoveActivityType removes a type no activity uses.
func (s *Store) RemoveActivityType(ctx context.Context, name string) error {
	return s.withTx(ctx, func(tx *sql.Tx) error {
		var used int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM activities WHERE type = ?", name).Scan(&used); err != nil {
			return err
		}
		if used > 0 {
			return &Error{Code: CodeConflict, Field: "活动类型", Value: name,
				Msg: fmt.Sprintf("已有 %d 项活动属于这个类型，不能删除", used), MsgEN: fmt.Sprintf("%d activities are of this type; it cannot be removed", used), Reason: "activity type in use"}
		}
		res, err := tx.ExecContext(ctx, "DELETE FROM activity_types WHERE name = ?", name)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return &Error{Code: CodeNotFound, Field: "活动类型", Value: name, Msg: "没有这个类型", MsgEN: "no such type", Reason: "activity type not found"}
		}
		return nil
	})
}
