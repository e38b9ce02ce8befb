package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// DuesStandard is the yearly amount a member holding Office owes.
type DuesStandard struct {
	Year   int
	Office string
	Fen    int64
}

// Dues is one member's dues for one year. Amounts are in fen (分).
type Dues struct {
	ID        int64
	MemberID  int64
	Year      int
	DueFen    int64
	PaidFen   int64
	PaidDate  time.Time
	ReceiptNo string
	Note      string
}

// Arrears reports whether less than the due amount has been paid.
func (d Dues) Arrears() bool { return d.PaidFen < d.DueFen }

func (d Dues) logFields() fields {
	return fields{
		"member_id": fmt.Sprint(d.MemberID), "year": fmt.Sprint(d.Year),
		"due": FormatYuanPlain(d.DueFen), "paid": FormatYuanPlain(d.PaidFen),
		"paid_date": FormatDateISO(d.PaidDate), "receipt_no": d.ReceiptNo, "note": d.Note,
	}
}

// SetDuesStandards replaces the standards of the years given, in one transaction.
func (s *Store) SetDuesStandards(ctx context.Context, standards []DuesStandard) error {
	return s.withTx(ctx, func(tx *sql.Tx) error {
		for _, st := range standards {
			if OfficeRank(st.Office) == len(Offices) {
				return invalid("商会职务", st.Office, "不是已知的职务", "is not a known office", "unknown office")
			}
			if st.Fen < 0 {
				return invalid("会费标准", FormatYuanPlain(st.Fen), "不能为负数", "must not be negative", "negative dues standard")
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO dues_standards (year, office, amount_fen)
				VALUES (?, ?, ?) ON CONFLICT (year, office) DO UPDATE SET amount_fen = excluded.amount_fen`,
				st.Year, st.Office, st.Fen); err != nil {
				return err
			}
		}
		return nil
	})
}

// DuesStandards lists a year's standards in office rank order.
func (s *Store) DuesStandards(ctx context.Context, year int) ([]DuesStandard, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT year, office, amount_fen FROM dues_standards WHERE year = ?`, year)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []DuesStandard
	for rows.Next() {
		var d DuesStandard
		if err := rows.Scan(&d.Year, &d.Office, &d.Fen); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	sortBy(out, func(a, b DuesStandard) bool { return OfficeRank(a.Office) < OfficeRank(b.Office) })
	return out, rows.Err()
}

// SaveDues inserts or updates one member's dues for a year.
func (s *Store) SaveDues(ctx context.Context, d Dues) (int64, error) {
	var id int64
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		var err error
		id, err = s.saveDues(ctx, tx, d)
		return err
	})
	return id, err
}

func (s *Store) saveDues(ctx context.Context, tx *sql.Tx, d Dues) (int64, error) {
	if d.DueFen < 0 || d.PaidFen < 0 {
		return 0, invalid("会费", "", "金额不能为负数", "the amount must not be negative", "negative dues amount")
	}
	if d.Year < 1900 || d.Year > 2100 {
		return 0, invalid("年度", fmt.Sprint(d.Year), "年度不正确", "the year is not valid", "year out of range")
	}
	old, err := scanDues(tx.QueryRowContext(ctx, `SELECT `+duesColumns+` FROM dues
		WHERE member_id = ? AND year = ?`, d.MemberID, d.Year))
	switch {
	case errors.Is(err, sql.ErrNoRows):
		res, err := tx.ExecContext(ctx, `INSERT INTO dues (member_id, year, due_fen, paid_fen, paid_date,
			receipt_no, note) VALUES (?, ?, ?, ?, ?, ?, ?)`, d.MemberID, d.Year, d.DueFen, d.PaidFen,
			FormatDateISO(d.PaidDate), NormalizeText(d.ReceiptNo), NormalizeText(d.Note))
		if err != nil {
			if isForeignKey(err) {
				return 0, memberNotFound(d.MemberID)
			}
			return 0, err
		}
		d.ID, _ = res.LastInsertId()
		if err := s.logChange(ctx, tx, "dues", d.ID, "insert", nil, d.logFields()); err != nil {
			return 0, err
		}
		return d.ID, s.syncDuesEntry(ctx, tx, d)
	case err != nil:
		return 0, err
	}
	d.ID = old.ID
	d.ReceiptNo, d.Note = NormalizeText(d.ReceiptNo), NormalizeText(d.Note)
	if _, err := tx.ExecContext(ctx, `UPDATE dues SET due_fen = ?, paid_fen = ?, paid_date = ?,
		receipt_no = ?, note = ? WHERE id = ?`, d.DueFen, d.PaidFen, FormatDateISO(d.PaidDate),
		d.ReceiptNo, d.Note, d.ID); err != nil {
		return 0, err
	}
	if err := s.logChange(ctx, tx, "dues", d.ID, "update", old.logFields(), d.logFields()); err != nil {
		return 0, err
	}
	return d.ID, s.syncDuesEntry(ctx, tx, d)
}

const duesColumns = `id, member_id, year, due_fen, paid_fen, paid_date, receipt_no, note`

func scanDues(r scanner) (Dues, error) {
	var d Dues
	var paid string
	err := r.Scan(&d.ID, &d.MemberID, &d.Year, &d.DueFen, &d.PaidFen, &paid, &d.ReceiptNo, &d.Note)
	d.PaidDate, _ = time.Parse(time.DateOnly, paid)
	return d, err
}

// DuesOfYear lists every dues row of a year.
func (s *Store) DuesOfYear(ctx context.Context, year int) ([]Dues, error) {
	return s.queryDues(ctx, `SELECT `+duesColumns+` FROM dues WHERE year = ? ORDER BY member_id`, year)
}

// DuesOfMember lists a member's dues, newest year first.
func (s *Store) DuesOfMember(ctx context.Context, memberID int64) ([]Dues, error) {
	return s.queryDues(ctx, `SELECT `+duesColumns+` FROM dues WHERE member_id = ? ORDER BY year DESC`, memberID)
}

func (s *Store) queryDues(ctx context.Context, q string, args ...any) ([]Dues, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Dues
	for rows.Next() {
		d, err := scanDues(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// MarkDuesPaid records full payment of a year's dues for several members in
// one transaction: either all are marked or none. Members without a receipt
// number get the next free numbers of receiptPrefix in that year's series
// (QH2026-037, QH2026-038 …), so a batch never repeats an earlier number.
func (s *Store) MarkDuesPaid(ctx context.Context, year int, memberIDs []int64, date time.Time, receiptPrefix string) error {
	if date.IsZero() {
		return invalid("缴费日期", "", "请填写缴费日期", "please fill in the payment date", "payment date is empty")
	}
	receiptPrefix = NormalizeText(receiptPrefix)
	return s.withTx(ctx, func(tx *sql.Tx) error {
		next, err := lastReceiptNumber(ctx, tx, year, receiptPrefix)
		if err != nil {
			return err
		}
		for _, id := range memberIDs {
			d, err := duesOrStandard(ctx, tx, id, year)
			if err != nil {
				return err
			}
			d.PaidFen, d.PaidDate = d.DueFen, date
			if receiptPrefix != "" && d.ReceiptNo == "" {
				next++
				d.ReceiptNo = fmt.Sprintf("%s%03d", receiptPrefix, next)
			}
			if _, err := s.saveDues(ctx, tx, d); err != nil {
				return err
			}
		}
		return nil
	})
}

// NextReceipts lists the n receipt numbers MarkDuesPaid would give next
// with prefix in year, for showing before the person confirms.
func (s *Store) NextReceipts(ctx context.Context, year int, prefix string, n int) ([]string, error) {
	prefix = NormalizeText(prefix)
	if prefix == "" || n <= 0 {
		return nil, nil
	}
	last, err := lastReceiptNumber(ctx, s.db, year, prefix)
	if err != nil {
		return nil, err
	}
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s%03d", prefix, last+i+1)
	}
	return out, nil
}

// lastReceiptNumber is the highest number used after prefix in a year's
// receipts (0 when none): QH2026-036 gives 36 for prefix QH2026-.
func lastReceiptNumber(ctx context.Context, q querier, year int, prefix string) (int, error) {
	if prefix == "" {
		return 0, nil
	}
	rows, err := q.QueryContext(ctx, `SELECT receipt_no FROM dues WHERE year = ? AND substr(receipt_no, 1, ?) = ?`,
		year, len([]rune(prefix)), prefix)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	last := 0
	for rows.Next() {
		var r string
		if err := rows.Scan(&r); err != nil {
			return 0, err
		}
		if n, err := strconv.Atoi(strings.TrimPrefix(r, prefix)); err == nil && n > last {
			last = n
		}
	}
	return last, rows.Err()
}

// duesStandardFor is what a member owes for a year by the standard of the
// office they hold; 0 when no standard is set.
func duesStandardFor(ctx context.Context, tx *sql.Tx, memberID int64, year int) (int64, error) {
	var fen int64
	err := tx.QueryRowContext(ctx, `SELECT ds.amount_fen FROM members m
		JOIN dues_standards ds ON ds.office = m.office AND ds.year = ?
		WHERE m.id = ?`, year, memberID).Scan(&fen)
	if errors.Is(err, sql.ErrNoRows) {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM members WHERE id = ?`, memberID).Scan(&n); err != nil {
			return 0, err
		}
		if n == 0 {
			return 0, memberNotFound(memberID)
		}
		return 0, nil
	}
	return fen, err
}

// ArrearsMember is a member who has not paid a year's dues in full.
type ArrearsMember struct {
	Member  Member
	DueFen  int64
	PaidFen int64
}

// Arrears lists the members who owe for a year: those still in the chamber
// at its end (a member who left later is judged by that year's standing, so
// one who left in March 2026 still owes 2025) with a dues row paid short, or
// with none where a standard applies to their office.
func (s *Store) Arrears(ctx context.Context, year int) ([]ArrearsMember, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+prefixed("m.", memberColumns)+`,
		COALESCE(d.due_fen, ds.amount_fen, 0), COALESCE(d.paid_fen, 0)
		FROM members m
		LEFT JOIN dues d ON d.member_id = m.id AND d.year = ?
		LEFT JOIN dues_standards ds ON ds.office = m.office AND ds.year = ?
		WHERE (m.status = '在会' OR (m.leave_date <> '' AND m.leave_date > ?3))
		AND (m.join_date = '' OR m.join_date <= ?3)
		AND COALESCE(d.paid_fen, 0) < COALESCE(d.due_fen, ds.amount_fen, 0)`,
		year, year, fmt.Sprintf("%04d-12-31", year))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ArrearsMember
	for rows.Next() {
		var a ArrearsMember
		if a.Member, err = scanMemberWith(rows, &a.DueFen, &a.PaidFen); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	sortBy(out, func(a, b ArrearsMember) bool { return memberLess(&a.Member, &b.Member) })
	return out, rows.Err()
}
