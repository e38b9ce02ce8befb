package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// CategoryTotal is the sum of one category's entries in a year.
type CategoryTotal struct {
	Kind     string
	Category string
	Fen      int64
	Count    int
}

// LedgerBalance is a year's account: closing = opening + income − spending.
// Sums are done by SQLite on integers, so they are exact to the fen.
type LedgerBalance struct {
	Year        int
	OpeningFen  int64
	OpeningSet  bool // typed in for this year rather than carried from the year before
	IncomeFen   int64
	SpendingFen int64
	ClosingFen  int64
	Entries     int
	Closed      bool
	ClosedAt    string
	// ByCategory has every configured category (zero when unused) and any
	// other category an entry carries, income first.
	ByCategory []CategoryTotal
	// CarriedFen is last year's closing; it differs from OpeningFen only when
	// this year's opening was typed in and does not match. Prior says
	// whether there was anything to carry: an entry or an opening before.
	CarriedFen int64
	Prior      bool
}

// OpeningMismatch reports an opening typed in that does not match the
// closing of the accounts kept before it.
func (b LedgerBalance) OpeningMismatch() bool {
	return b.OpeningSet && b.Prior && b.OpeningFen != b.CarriedFen
}

// LedgerBalance works out a year's account.
func (s *Store) LedgerBalance(ctx context.Context, year int) (LedgerBalance, error) {
	b := LedgerBalance{Year: year}
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		var err error
		if b.CarriedFen, b.Prior, err = closingBefore(ctx, tx, year); err != nil {
			return err
		}
		var opening sql.NullInt64
		var closedAt string
		err = tx.QueryRowContext(ctx, `SELECT opening_fen, closed_at FROM ledger_years WHERE year = ?`, year).
			Scan(&opening, &closedAt)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		b.OpeningFen, b.OpeningSet = b.CarriedFen, opening.Valid
		if opening.Valid {
			b.OpeningFen = opening.Int64
		}
		b.Closed, b.ClosedAt = closedAt != "", closedAt
		cats, err := ledgerCategories(ctx, tx)
		if err != nil {
			return err
		}
		index := map[LedgerCategory]int{}
		for _, c := range cats {
			index[c] = len(b.ByCategory)
			b.ByCategory = append(b.ByCategory, CategoryTotal{Kind: c.Kind, Category: c.Name})
		}
		from, to := yearRange(year)
		rows, err := tx.QueryContext(ctx, `SELECT kind, category, SUM(amount_fen), count(*) FROM ledger_entries
			WHERE date BETWEEN ? AND ? GROUP BY kind, category ORDER BY kind = '支出', category`, from, to)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var t CategoryTotal
			if err := rows.Scan(&t.Kind, &t.Category, &t.Fen, &t.Count); err != nil {
				return err
			}
			if i, ok := index[LedgerCategory{t.Kind, t.Category}]; ok {
				b.ByCategory[i] = t
			} else {
				b.ByCategory = append(b.ByCategory, t)
			}
			if t.Kind == KindIncome {
				b.IncomeFen += t.Fen
			} else {
				b.SpendingFen += t.Fen
			}
			b.Entries += t.Count
		}
		return rows.Err()
	})
	b.ClosingFen = b.OpeningFen + b.IncomeFen - b.SpendingFen
	return b, err
}

// closingBefore is the balance at the end of year-1: the latest opening
// typed in for an earlier year (or 0 before any), plus every entry from that
// year's 1 January to year-1's 31 December.
func closingBefore(ctx context.Context, q querier, year int) (int64, bool, error) {
	var from int
	var opening int64
	err := q.QueryRowContext(ctx, `SELECT year, opening_fen FROM ledger_years
		WHERE year < ? AND opening_fen IS NOT NULL ORDER BY year DESC LIMIT 1`, year).Scan(&from, &opening)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, false, err
	}
	start := "0000-00-00"
	if from > 0 {
		start, _ = yearRange(from)
	}
	end, _ := yearRange(year)
	var net int64
	var n int
	err = q.QueryRowContext(ctx, `SELECT COALESCE(SUM(CASE kind WHEN '收入' THEN amount_fen ELSE -amount_fen END), 0),
		count(*) FROM ledger_entries WHERE date >= ? AND date < ?`, start, end).Scan(&net, &n)
	return opening + net, from > 0 || n > 0, err
}

// SetOpeningBalance types in a year's opening balance; clear (set false)
// returns it to carrying last year's closing. A closed year refuses.
func (s *Store) SetOpeningBalance(ctx context.Context, year int, fen int64, set bool) error {
	if year < 1900 || year > 2100 {
		return invalid("年度", fmt.Sprint(year), "年度不正确", "the year is not valid", "year out of range")
	}
	return s.withTx(ctx, func(tx *sql.Tx) error {
		if err := checkYearOpen(ctx, tx, year); err != nil {
			return err
		}
		var old sql.NullInt64
		err := tx.QueryRowContext(ctx, `SELECT opening_fen FROM ledger_years WHERE year = ?`, year).Scan(&old)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		var v any
		if set {
			v = fen
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO ledger_years (year, opening_fen) VALUES (?, ?)
			ON CONFLICT (year) DO UPDATE SET opening_fen = excluded.opening_fen`, year, v); err != nil {
			return err
		}
		return s.logChange(ctx, tx, "ledger_year", int64(year), "update",
			fields{"opening": openingText(old)}, fields{"opening": openingText(sql.NullInt64{Int64: fen, Valid: set})})
	})
}

func openingText(v sql.NullInt64) string {
	if !v.Valid {
		return "结转"
	}
	return FormatYuanPlain(v.Int64)
}

func checkYearOpen(ctx context.Context, q querier, year int) error {
	closed, _, err := yearClosed(ctx, q, year)
	if err != nil || !closed {
		return err
	}
	return &Error{Code: CodeYearClosed, Field: "年度", Value: fmt.Sprint(year),
		Msg:    fmt.Sprintf("%d年的账已结账，要修改须先反结账", year),
		MsgEN:  fmt.Sprintf("the accounts of %d are closed; reopen the year to change them", year),
		Reason: "change in a closed ledger year"}
}

// CloseLedgerYear closes a year (结账): from then on its entries, its dues
// payments and its opening balance refuse changes until it is reopened.
func (s *Store) CloseLedgerYear(ctx context.Context, year int) error {
	if year < 1900 || year > 2100 {
		return invalid("年度", fmt.Sprint(year), "年度不正确", "the year is not valid", "year out of range")
	}
	return s.withTx(ctx, func(tx *sql.Tx) error {
		if closed, _, err := yearClosed(ctx, tx, year); err != nil || closed {
			if closed {
				return &Error{Code: CodeConflict, Field: "年度", Value: fmt.Sprint(year),
					Msg: fmt.Sprintf("%d年已经结账", year), MsgEN: fmt.Sprintf("%d is already closed", year),
					Reason: "ledger year already closed"}
			}
			return err
		}
		at := s.stamp()
		if _, err := tx.ExecContext(ctx, `INSERT INTO ledger_years (year, closed_at, closed_by) VALUES (?, ?, ?)
			ON CONFLICT (year) DO UPDATE SET closed_at = excluded.closed_at, closed_by = excluded.closed_by`,
			year, at, s.Actor); err != nil {
			return err
		}
		return s.logChange(ctx, tx, "ledger_year", int64(year), "update",
			fields{"closed": ""}, fields{"closed": at})
	})
}

// ReopenLedgerYear reopens a closed year (反结账); the reason is required
// and kept in the change log.
func (s *Store) ReopenLedgerYear(ctx context.Context, year int, reason string) error {
	reason = NormalizeText(reason)
	if reason == "" {
		return invalid("反结账原因", "", "请写明反结账的原因", "please give the reason for reopening", "reopen without a reason")
	}
	return s.withTx(ctx, func(tx *sql.Tx) error {
		closed, at, err := yearClosed(ctx, tx, year)
		if err != nil {
			return err
		}
		if !closed {
			return &Error{Code: CodeConflict, Field: "年度", Value: fmt.Sprint(year),
				Msg: fmt.Sprintf("%d年没有结账", year), MsgEN: fmt.Sprintf("%d is not closed", year),
				Reason: "ledger year not closed"}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE ledger_years SET closed_at = '', closed_by = '' WHERE year = ?`,
			year); err != nil {
			return err
		}
		return s.logChange(ctx, tx, "ledger_year", int64(year), "update",
			fields{"closed": at, "reopen_reason": ""}, fields{"closed": "", "reopen_reason": reason})
	})
}
