package data

import (
	"context"
	"fmt"
	"sort"
	"time"
)

// DuesLine is one member's line of a year's dues sheet (会费收缴表): the
// member, what they owe and what they have paid. Amounts are in fen.
type DuesLine struct {
	Year      int // the dues year of the sheet
	MemberID  int64
	Name      string
	Company   string
	Office    string
	Status    string    // 在会 or 退会, as the member stands today
	LeaveDate time.Time // zero while a member

	DueFen    int64 // the dues row's due, else the standard for the office, else 0
	PaidFen   int64
	PaidDate  time.Time
	ReceiptNo string
	Note      string

	HasDues     bool // a dues row exists for the year
	HasStandard bool // a standard exists for the year and the member's office
}

// Owing reports whether less than the due amount has been paid.
func (l DuesLine) Owing() bool { return l.PaidFen < l.DueFen }

// InArrears reports whether the line belongs on the arrears list of its
// year, exactly as Store.Arrears decides: owing, and a member at the end of
// the year (still one, or left after it).
func (l DuesLine) InArrears() bool {
	return l.Owing() && (l.Status == StatusActive || (!l.LeaveDate.IsZero() && l.LeaveDate.Year() > l.Year))
}

// DuesSheet lists every member who belonged to the chamber during year —
// joined on or before 31 December (or join date unknown) and not left before
// 1 January — with their dues for that year, in roster order (active first,
// then office rank, join date and id, as SortMembers). A member who has left
// without a recorded leave date is not listed: when they left is unknown, and
// they are not in the chamber now. A member marked 在会 is listed whatever
// stale leave date they carry, so the sheet always holds everyone Arrears
// returns for the year.
func (s *Store) DuesSheet(ctx context.Context, year int) ([]DuesLine, error) {
	if year < 1900 || year > 2100 {
		return nil, invalid("年度", fmt.Sprint(year), "年度不正确", "the year is not valid", "year out of range")
	}
	rows, err := s.db.QueryContext(ctx, `SELECT m.id, m.name, m.company, m.office, m.status, m.join_date, m.leave_date,
		COALESCE(d.due_fen, ds.amount_fen, 0), COALESCE(d.paid_fen, 0), COALESCE(d.paid_date, ''),
		COALESCE(d.receipt_no, ''), COALESCE(d.note, ''), d.id IS NOT NULL, ds.amount_fen IS NOT NULL
		FROM members m
		LEFT JOIN dues d ON d.member_id = m.id AND d.year = ?1
		LEFT JOIN dues_standards ds ON ds.office = m.office AND ds.year = ?1
		WHERE (m.join_date = '' OR m.join_date <= ?2)
		AND (m.status = '`+StatusActive+`' OR (m.leave_date <> '' AND m.leave_date >= ?3))`,
		year, fmt.Sprintf("%04d-12-31", year), fmt.Sprintf("%04d-01-01", year))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	// Lines are gathered in fixed chunks: growing one slice of 10,000 large
	// structs by doubling cost a quarter of the whole load.
	const chunk = 512
	var chunks [][]DuesLine
	var keys []sheetKey
	for rows.Next() {
		l := DuesLine{Year: year}
		var join, leave, paid string
		if err := rows.Scan(&l.MemberID, &l.Name, &l.Company, &l.Office, &l.Status, &join, &leave,
			&l.DueFen, &l.PaidFen, &paid, &l.ReceiptNo, &l.Note, &l.HasDues, &l.HasStandard); err != nil {
			return nil, err
		}
		l.LeaveDate, l.PaidDate = parseISODate(leave), parseISODate(paid)
		keys = append(keys, sheetKey{left: l.Status != StatusActive, rank: OfficeRank(l.Office),
			join: parseISODate(join), id: l.MemberID, at: len(keys)})
		if len(keys)%chunk == 1 {
			chunks = append(chunks, make([]DuesLine, 0, chunk))
		}
		chunks[len(chunks)-1] = append(chunks[len(chunks)-1], l)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// Sorted here rather than by SQL: SQLite's sorter took a third of the
	// query time for 10,000 members. Small keys are sorted and the lines
	// placed after, so the large structs are moved once.
	sort.Slice(keys, func(i, j int) bool { return keys[i].less(&keys[j]) })
	out := make([]DuesLine, len(keys))
	for i, k := range keys {
		out[i] = chunks[k.at/chunk][k.at%chunk]
	}
	return out, nil
}

// sheetKey orders lines as memberLess orders members.
type sheetKey struct {
	left bool
	rank int
	join time.Time
	id   int64
	at   int // index of the line
}

func (a *sheetKey) less(b *sheetKey) bool {
	if a.left != b.left {
		return b.left
	}
	if a.rank != b.rank {
		return a.rank < b.rank
	}
	if !a.join.Equal(b.join) {
		return a.join.Before(b.join)
	}
	return a.id < b.id
}

// parseISODate reads a stored YYYY-MM-DD date, or returns the zero time for
// an empty or malformed one. It is time.Parse without its generality, which
// showed in the profile of a 10,000-line sheet.
func parseISODate(s string) time.Time {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return time.Time{}
	}
	num := func(t string) int {
		n := 0
		for i := 0; i < len(t); i++ {
			c := t[i]
			if c < '0' || c > '9' {
				return -1
			}
			n = n*10 + int(c-'0')
		}
		return n
	}
	y, m, d := num(s[:4]), num(s[5:7]), num(s[8:])
	if y < 0 || m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d { // 2025-02-30 and the like
		return time.Time{}
	}
	return t
}

// DuesYears lists, oldest first, every year that has dues rows or dues
// standards.
func (s *Store) DuesYears(ctx context.Context) ([]int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT year FROM dues_standards
		UNION SELECT year FROM dues ORDER BY year`)
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
		out = append(out, y)
	}
	return out, rows.Err()
}
