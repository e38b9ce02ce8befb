package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// PayDues records what a member paid for a year's dues: the amount, the day
// and the receipt (kept from before when receipt is empty). The year's due
// comes from its dues row, else the standard of the member's office. It
// replaces an earlier payment of the same year, and its 会费 entry changes
// with it, in one transaction.
func (s *Store) PayDues(ctx context.Context, memberID int64, year int, fen int64, date time.Time, receipt string) (Dues, error) {
	if fen <= 0 {
		return Dues{}, invalid(fieldMoney, FormatYuanPlain(fen), "缴费金额须大于零", "the amount paid must be more than zero", "dues payment not positive")
	}
	if date.IsZero() {
		return Dues{}, invalid("缴费日期", "", "请填写缴费日期", "please fill in the payment date", "payment date is empty")
	}
	var d Dues
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		var err error
		if d, err = duesOrStandard(ctx, tx, memberID, year); err != nil {
			return err
		}
		d.PaidFen, d.PaidDate = fen, date
		if r := NormalizeText(receipt); r != "" {
			d.ReceiptNo = r
		}
		d.ID, err = s.saveDues(ctx, tx, d)
		return err
	})
	return d, err
}

// UnpayDues undoes a year's payment: paid goes back to zero and its 会费
// entry goes from the accounts.
func (s *Store) UnpayDues(ctx context.Context, memberID int64, year int) error {
	return s.withTx(ctx, func(tx *sql.Tx) error {
		d, err := duesOrStandard(ctx, tx, memberID, year)
		if err != nil {
			return err
		}
		if d.ID == 0 || d.PaidFen == 0 {
			return &Error{Code: CodeNotFound, Field: "会费", Value: fmt.Sprint(year),
				Msg: fmt.Sprintf("该会员%d年没有缴费记录", year), MsgEN: fmt.Sprintf("the member has no payment for %d", year),
				Reason: "no dues payment to undo"}
		}
		d.PaidFen, d.PaidDate, d.ReceiptNo = 0, time.Time{}, ""
		_, err = s.saveDues(ctx, tx, d)
		return err
	})
}

// duesOrStandard is a member's dues row of a year, or a new one owing the
// standard of their office.
func duesOrStandard(ctx context.Context, tx *sql.Tx, memberID int64, year int) (Dues, error) {
	d, err := scanDues(tx.QueryRowContext(ctx, `SELECT `+duesColumns+` FROM dues
		WHERE member_id = ? AND year = ?`, memberID, year))
	if errors.Is(err, sql.ErrNoRows) {
		d = Dues{MemberID: memberID, Year: year}
		d.DueFen, err = duesStandardFor(ctx, tx, memberID, year)
	}
	return d, err
}
