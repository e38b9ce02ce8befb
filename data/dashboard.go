package data

import (
	"context"
	"time"
)

// ActivityRef names an activity in a list: enough to show and open it,
// without loading its attendance, outcomes and content.
type ActivityRef struct {
	ID          int64
	Date        time.Time
	Title       string
	Type        string
	PersonTimes int // attending members plus outside person-times
}

const activityRefColumns = `a.id, a.date, a.title, a.type,
	a.outside_count + (SELECT count(*) FROM attendance t WHERE t.activity_id = a.id)`

// ActivitiesWithoutPhotos lists the activities of a year that have no photo,
// newest first, in one query.
func (s *Store) ActivitiesWithoutPhotos(ctx context.Context, year int) ([]ActivityRef, error) {
	first, last := yearBounds(year)
	return s.activityRefs(ctx, `SELECT `+activityRefColumns+` FROM activities a
		WHERE a.date BETWEEN ? AND ?`+heldOnly+` AND NOT EXISTS (SELECT 1 FROM attachments p WHERE p.activity_id = a.id)
		ORDER BY a.date DESC, a.id DESC`, first, last)
}

// RecentActivities lists the n newest activities held, by date.
func (s *Store) RecentActivities(ctx context.Context, n int) ([]ActivityRef, error) {
	return s.activityRefs(ctx, `SELECT `+activityRefColumns+` FROM activities a WHERE 1 = 1`+heldOnly+`
		ORDER BY a.date DESC, a.id DESC LIMIT ?`, n)
}

func (s *Store) activityRefs(ctx context.Context, q string, args ...any) ([]ActivityRef, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ActivityRef
	for rows.Next() {
		var r ActivityRef
		var date string
		if err := rows.Scan(&r.ID, &date, &r.Title, &r.Type, &r.PersonTimes); err != nil {
			return nil, err
		}
		r.Date, _ = time.Parse(time.DateOnly, date)
		out = append(out, r)
	}
	return out, rows.Err()
}

// CountActivitiesOfType is how many activities of a type were held in a
// year, e.g. whether this year's 会员大会 has taken place.
func (s *Store) CountActivitiesOfType(ctx context.Context, year int, typ string) (int, error) {
	first, last := yearBounds(year)
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM activities a WHERE a.date BETWEEN ? AND ? AND a.type = ?`+heldOnly,
		first, last, typ).Scan(&n)
	return n, err
}

// MonthFigures is one month's activity: how many were held and the
// person-times they drew (attending members plus outside person-times, as
// the 参与人次 metric counts them).
type MonthFigures struct {
	Activities  int
	PersonTimes int
}

// MonthlyActivity gives a year's activities and person-times per month,
// January first, in one query. A several-day activity counts in the month
// it starts, as the yearly figures count it in the year it starts.
func (s *Store) MonthlyActivity(ctx context.Context, year int) ([12]MonthFigures, error) {
	var out [12]MonthFigures
	first, last := yearBounds(year)
	rows, err := s.db.QueryContext(ctx, `SELECT CAST(substr(a.date, 6, 2) AS INTEGER), count(*),
		COALESCE(sum(a.outside_count + (SELECT count(*) FROM attendance t WHERE t.activity_id = a.id)), 0)
		FROM activities a WHERE a.date BETWEEN ? AND ?`+heldOnly+` GROUP BY 1`, first, last)
	if err != nil {
		return out, err
	}
	defer rows.Close()
	for rows.Next() {
		var m int
		var f MonthFigures
		if err := rows.Scan(&m, &f.Activities, &f.PersonTimes); err != nil {
			return out, err
		}
		if m >= 1 && m <= 12 {
			out[m-1] = f
		}
	}
	return out, rows.Err()
}
