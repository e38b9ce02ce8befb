package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// The chamber's accounts: a journal of income and spending entries in fen,
// a configurable list of categories, and per year an opening balance and
// whether the year is closed. A dues payment is its own 会费 entry, written
// by the store together with the dues row (see syncDuesEntry), so it is
// never typed twice.

// Entry kinds, as stored and shown.
const (
	KindIncome   = "收入"
	KindSpending = "支出"
)

// Where an entry came from.
const (
	SourceManual = "manual" // typed in
	SourceImport = "import" // read from a 流水账 workbook
	SourceDues   = "dues"   // a dues payment; edited on the dues screen only
)

// DuesCategory is the income category of dues payments.
const DuesCategory = "会费"

// Error codes of the accounts.
const (
	CodeYearClosed  = "ledger.year_closed"  // the entry's year is closed
	CodeDuesEntry   = "ledger.dues_entry"   // a dues payment's entry is changed on the dues screen
	CodeCategoryUse = "ledger.category_use" // a category still has entries
)

// LedgerEntry is one line of the journal.
type LedgerEntry struct {
	ID         int64
	Date       time.Time
	Kind       string // KindIncome or KindSpending
	Category   string
	Fen        int64 // always positive; Kind gives the direction
	Note       string
	Handler    string // 经手人
	Voucher    string // 凭证号 (for dues: the receipt number)
	MemberID   int64  // 0: none
	ActivityID int64  // 0: none
	Project    string // 捐赠项目, free text
	Source     string
	DuesID     int64  // the dues row behind a SourceDues entry
	ImportKey  string // for SourceImport: what a re-import recognizes
}

// Signed is the entry's effect on the balance: income adds, spending takes.
func (e LedgerEntry) Signed() int64 {
	if e.Kind == KindSpending {
		return -e.Fen
	}
	return e.Fen
}

func (e LedgerEntry) logFields() fields {
	f := fields{
		"date": FormatDateISO(e.Date), "kind": e.Kind, "category": e.Category,
		"amount": FormatYuanPlain(e.Fen), "note": e.Note, "handler": e.Handler, "voucher": e.Voucher,
		"project": e.Project, "source": e.Source,
	}
	if e.MemberID != 0 {
		f["member_id"] = fmt.Sprint(e.MemberID)
	}
	if e.ActivityID != 0 {
		f["activity_id"] = fmt.Sprint(e.ActivityID)
	}
	return f
}

// LedgerCategory is one category of income or spending.
type LedgerCategory struct {
	Kind string
	Name string
}

// ValidKind reports whether k is 收入 or 支出.
func ValidKind(k string) bool { return k == KindIncome || k == KindSpending }

// LedgerCategories lists the categories, income first, each kind in its order.
func (s *Store) LedgerCategories(ctx context.Context) ([]LedgerCategory, error) {
	return ledgerCategories(ctx, s.db)
}

func ledgerCategories(ctx context.Context, q querier) ([]LedgerCategory, error) {
	rows, err := q.QueryContext(ctx, `SELECT kind, name FROM ledger_categories
		ORDER BY kind = '支出', sort, name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []LedgerCategory
	for rows.Next() {
		var c LedgerCategory
		if err := rows.Scan(&c.Kind, &c.Name); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// AddLedgerCategory adds a category of kind, before the kind's 其他 catch-all.
func (s *Store) AddLedgerCategory(ctx context.Context, kind, name string) error {
	name = NormalizeText(name)
	if !ValidKind(kind) {
		return invalid("收支", kind, "只能是「收入」或「支出」", "must be income or spending", "unknown entry kind")
	}
	if name == "" {
		return invalid("科目", "", "请填写科目名称", "please fill in the category's name", "empty category")
	}
	return s.withTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM ledger_categories WHERE kind = ? AND name = ?`,
			kind, name).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			e := invalid("科目", name, "已有同名科目", "a category of that name exists", "duplicate category")
			e.Code = CodeConflict
			return e
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO ledger_categories (kind, name, sort)
			SELECT ?, ?, COALESCE(MAX(sort), 0) + 10 FROM ledger_categories WHERE kind = ? AND sort < 999`,
			kind, name, kind)
		return err
	})
}

// RemoveLedgerCategory removes a category no entry uses.
func (s *Store) RemoveLedgerCategory(ctx context.Context, kind, name string) error {
	if kind == KindIncome && name == DuesCategory {
		return invalid("科目", name, "会费科目由会费收缴使用，不能删除", "the dues category is used by dues payments and cannot be removed", "dues category is fixed")
	}
	return s.withTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM ledger_entries WHERE kind = ? AND category = ?`,
			kind, name).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			e := invalid("科目", name, fmt.Sprintf("还有 %d 笔收支记在这个科目下，不能删除", n),
				fmt.Sprintf("%d entries use this category; it cannot be removed", n), "category in use")
			e.Code = CodeCategoryUse
			return e
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM ledger_categories WHERE kind = ? AND name = ?`, kind, name)
		return err
	})
}

// SaveLedgerEntry adds e (ID 0) or changes the entry with e's ID, and
// returns its id. Entries of dues payments are refused (they change with
// their payment), as are changes in a closed year, either the old date's or
// the new one's.
func (s *Store) SaveLedgerEntry(ctx context.Context, e LedgerEntry) (int64, error) {
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		if e.ID == 0 {
			return s.addLedgerEntry(ctx, tx, &e)
		}
		old, err := ledgerEntryTx(ctx, tx, e.ID)
		if err != nil {
			return err
		}
		if old.Source == SourceDues {
			return duesEntryError()
		}
		if err := checkOpenYear(ctx, tx, old.Date); err != nil {
			return err
		}
		e.Source, e.DuesID, e.ImportKey = old.Source, 0, old.ImportKey
		return s.updateLedgerEntry(ctx, tx, old, &e)
	})
	return e.ID, err
}

// DeleteLedgerEntry removes an entry of an open year, logging what it held.
func (s *Store) DeleteLedgerEntry(ctx context.Context, id int64) error {
	return s.withTx(ctx, func(tx *sql.Tx) error {
		old, err := ledgerEntryTx(ctx, tx, id)
		if err != nil {
			return err
		}
		if old.Source == SourceDues {
			return duesEntryError()
		}
		return s.deleteLedgerEntry(ctx, tx, old)
	})
}

func duesEntryError() *Error {
	return &Error{Code: CodeDuesEntry, Field: "收支记录",
		Msg:    "这笔是会费收入，请在「会费」页修改或撤销这次缴费",
		MsgEN:  "this is a dues payment; change or undo the payment on the Dues screen",
		Reason: "ledger entry of a dues payment changed directly"}
}

// ledgerWriter adds entries in one transaction. It reads the categories
// and each year's closing once, and prepares the insert once, so an import
// of thousands of rows does not ask the same questions thousands of times.
type ledgerWriter struct {
	s      *Store
	tx     *sql.Tx
	cats   map[LedgerCategory]bool // nil until first needed
	closed map[int]error           // a year's checkYearOpen result
	insert *sql.Stmt
}

func (s *Store) ledgerWriter(tx *sql.Tx) *ledgerWriter {
	return &ledgerWriter{s: s, tx: tx, closed: map[int]error{}}
}

// close releases the prepared insert.
func (w *ledgerWriter) close() {
	if w.insert != nil {
		w.insert.Close()
	}
}

// check validates and tidies e, every problem at once.
func (w *ledgerWriter) check(ctx context.Context, e *LedgerEntry) error {
	var errs Errors
	e.Category, e.Note = NormalizeText(e.Category), NormalizeText(e.Note)
	e.Handler, e.Voucher, e.Project = NormalizeText(e.Handler), NormalizeText(e.Voucher), NormalizeText(e.Project)
	if e.Date.IsZero() {
		errs = append(errs, invalid("日期", "", "请填写日期", "please fill in the date", "entry date is empty"))
	} else if y := e.Date.Year(); y < 1900 || y > 2100 {
		errs = append(errs, invalid("日期", FormatDateISO(e.Date), "日期不正确", "the date is not valid", "entry year out of range"))
	}
	if !ValidKind(e.Kind) {
		errs = append(errs, invalid("收支", e.Kind, "只能是「收入」或「支出」", "must be income or spending", "unknown entry kind"))
	}
	if e.Fen <= 0 {
		errs = append(errs, invalid(fieldMoney, FormatYuanPlain(e.Fen), "金额须大于零", "the amount must be more than zero", "entry amount not positive"))
	}
	if ValidKind(e.Kind) {
		if w.cats == nil {
			cats, err := ledgerCategories(ctx, w.tx)
			if err != nil {
				return err
			}
			w.cats = map[LedgerCategory]bool{}
			for _, c := range cats {
				w.cats[c] = true
			}
		}
		if !w.cats[LedgerCategory{e.Kind, e.Category}] {
			errs = append(errs, invalid("科目", e.Category, "不是「"+e.Kind+"」的科目，请先在科目中添加",
				"is not a category of "+LabelEN(e.Kind)+"; add it to the categories first", "unknown category"))
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// open refuses a date in a closed year.
func (w *ledgerWriter) open(ctx context.Context, date time.Time) error {
	if date.IsZero() {
		return nil
	}
	err, ok := w.closed[date.Year()]
	if !ok {
		err = checkYearOpen(ctx, w.tx, date.Year())
		if _, isErr := AsError(err); err != nil && !isErr {
			return err // a failed read is not remembered
		}
		w.closed[date.Year()] = err
	}
	return err
}

// add validates e, checks its year is open, inserts it and logs it; e.ID
// is set.
func (w *ledgerWriter) add(ctx context.Context, e *LedgerEntry) error {
	if e.Source == "" {
		e.Source = SourceManual
	}
	if err := w.check(ctx, e); err != nil {
		return err
	}
	if err := w.open(ctx, e.Date); err != nil {
		return err
	}
	if w.insert == nil {
		st, err := w.tx.PrepareContext(ctx, `INSERT INTO ledger_entries (date, kind, category, amount_fen, note,
			handler, voucher, member_id, activity_id, project, source, dues_id, import_key)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		w.insert = st
	}
	res, err := w.insert.ExecContext(ctx, FormatDateISO(e.Date), e.Kind, e.Category, e.Fen, e.Note, e.Handler, e.Voucher,
		nullID(e.MemberID), nullID(e.ActivityID), e.Project, e.Source, nullID(e.DuesID), e.ImportKey)
	if err != nil {
		if isForeignKey(err) {
			return invalid("关联", "", "关联的会员或活动不存在", "the linked member or activity does not exist", "ledger link to a missing row")
		}
		return err
	}
	e.ID, _ = res.LastInsertId()
	return w.s.logChange(ctx, w.tx, "ledger", e.ID, "insert", nil, e.logFields())
}

// addLedgerEntry adds one entry in tx (see ledgerWriter.add).
func (s *Store) addLedgerEntry(ctx context.Context, tx *sql.Tx, e *LedgerEntry) error {
	w := s.ledgerWriter(tx)
	defer w.close()
	return w.add(ctx, e)
}

func (s *Store) updateLedgerEntry(ctx context.Context, tx *sql.Tx, old LedgerEntry, e *LedgerEntry) error {
	w := s.ledgerWriter(tx)
	if err := w.check(ctx, e); err != nil {
		return err
	}
	if err := w.open(ctx, e.Date); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE ledger_entries SET date = ?, kind = ?, category = ?, amount_fen = ?,
		note = ?, handler = ?, voucher = ?, member_id = ?, activity_id = ?, project = ? WHERE id = ?`,
		FormatDateISO(e.Date), e.Kind, e.Category, e.Fen, e.Note, e.Handler, e.Voucher,
		nullID(e.MemberID), nullID(e.ActivityID), e.Project, e.ID); err != nil {
		if isForeignKey(err) {
			return invalid("关联", "", "关联的会员或活动不存在", "the linked member or activity does not exist", "ledger link to a missing row")
		}
		return err
	}
	return s.logChange(ctx, tx, "ledger", e.ID, "update", old.logFields(), e.logFields())
}

func (s *Store) deleteLedgerEntry(ctx context.Context, tx *sql.Tx, old LedgerEntry) error {
	if err := checkOpenYear(ctx, tx, old.Date); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM ledger_entries WHERE id = ?`, old.ID); err != nil {
		return err
	}
	return s.logChange(ctx, tx, "ledger", old.ID, "delete", old.logFields(), nil)
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

const ledgerColumns = `id, date, kind, category, amount_fen, note, handler, voucher,
	COALESCE(member_id, 0), COALESCE(activity_id, 0), project, source, COALESCE(dues_id, 0), import_key`

func scanLedgerEntry(r scanner) (LedgerEntry, error) {
	var e LedgerEntry
	var date string
	err := r.Scan(&e.ID, &date, &e.Kind, &e.Category, &e.Fen, &e.Note, &e.Handler, &e.Voucher,
		&e.MemberID, &e.ActivityID, &e.Project, &e.Source, &e.DuesID, &e.ImportKey)
	e.Date, _ = time.Parse(time.DateOnly, date)
	return e, err
}

func ledgerEntryTx(ctx context.Context, q querier, id int64) (LedgerEntry, error) {
	e, err := scanLedgerEntry(q.QueryRowContext(ctx, `SELECT `+ledgerColumns+` FROM ledger_entries WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return e, &Error{Code: CodeNotFound, Field: "收支记录", Value: fmt.Sprint(id),
			Msg: "没有这笔收支记录", MsgEN: "there is no such entry", Reason: "ledger entry not found"}
	}
	return e, err
}

// LedgerEntry reads one entry.
func (s *Store) LedgerEntry(ctx context.Context, id int64) (LedgerEntry, error) {
	return ledgerEntryTx(ctx, s.db, id)
}

// LedgerEntries lists a year's entries by date, then in the order entered.
func (s *Store) LedgerEntries(ctx context.Context, year int) ([]LedgerEntry, error) {
	from, to := yearRange(year)
	rows, err := s.db.QueryContext(ctx, `SELECT `+ledgerColumns+` FROM ledger_entries
		WHERE date BETWEEN ? AND ? ORDER BY date, id`, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []LedgerEntry
	for rows.Next() {
		e, err := scanLedgerEntry(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

func yearRange(year int) (string, string) {
	return fmt.Sprintf("%04d-01-01", year), fmt.Sprintf("%04d-12-31", year)
}

// LedgerYears lists the years that have entries or an opening balance or a
// closing, oldest first.
func (s *Store) LedgerYears(ctx context.Context) ([]int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT CAST(substr(date, 1, 4) AS INTEGER) FROM ledger_entries
		UNION SELECT year FROM ledger_years ORDER BY 1`)
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

// yearClosed reports whether year is closed, and by whom and when.
func yearClosed(ctx context.Context, q querier, year int) (bool, string, error) {
	var at string
	err := q.QueryRowContext(ctx, `SELECT closed_at FROM ledger_years WHERE year = ?`, year).Scan(&at)
	if errors.Is(err, sql.ErrNoRows) {
		return false, "", nil
	}
	return at != "", at, err
}

// checkOpenYear refuses a change dated in a closed year.
func checkOpenYear(ctx context.Context, q querier, date time.Time) error {
	if date.IsZero() {
		return nil
	}
	return checkYearOpen(ctx, q, date.Year())
}

// syncDuesEntry keeps the 会费 entry of dues row d in step with it: paid
// creates or changes it, unpaid removes it. Called in the transaction that
// writes d, after the write; member is the payer's name for the 摘要.
func (s *Store) syncDuesEntry(ctx context.Context, tx *sql.Tx, d Dues) error {
	old, err := scanLedgerEntry(tx.QueryRowContext(ctx, `SELECT `+ledgerColumns+` FROM ledger_entries
		WHERE dues_id = ?`, d.ID))
	exists := err == nil
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if d.PaidFen == 0 {
		if !exists {
			return nil
		}
		return s.deleteLedgerEntry(ctx, tx, old)
	}
	var name string
	if err := tx.QueryRowContext(ctx, `SELECT name FROM members WHERE id = ?`, d.MemberID).Scan(&name); err != nil {
		return err
	}
	e := LedgerEntry{Date: d.PaidDate, Kind: KindIncome, Category: DuesCategory, Fen: d.PaidFen,
		Note: fmt.Sprintf("%d年会费 %s", d.Year, name), Voucher: d.ReceiptNo, MemberID: d.MemberID,
		Source: SourceDues, DuesID: d.ID}
	if e.Date.IsZero() {
		e.Date = time.Date(d.Year, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	if !exists {
		return s.addLedgerEntry(ctx, tx, &e)
	}
	e.ID = old.ID
	if strings.TrimSpace(old.Note) != "" && old.Fen == e.Fen && old.Date.Equal(e.Date) && old.Voucher == e.Voucher {
		return nil // the payment did not change; keep the entry as it is
	}
	if err := checkOpenYear(ctx, tx, old.Date); err != nil {
		return err
	}
	return s.updateLedgerEntry(ctx, tx, old, &e)
}
