package data

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
)

// Journal field keys: the columns a 流水账 may have, as report/journal
// names them in JournalRow.Cols and JournalRow.Where.
const (
	JColDate      = "date"
	JColVoucher   = "voucher"
	JColNote      = "note"
	JColIncome    = "income"    // 收入 / 借方
	JColSpending  = "spending"  // 支出 / 贷方
	JColAmount    = "amount"    // one 金额 column, with or without a 收支 column
	JColDirection = "direction" // 收支: 收/支, 借/贷
	JColBalance   = "balance"   // 余额
	JColCategory  = "category"  // 科目
	JColHandler   = "handler"   // 经手人
)

// Error codes of ImportJournal.
const (
	CodeJournalBalance   = "journal.balance"   // the running balance breaks at this row
	CodeJournalDuplicate = "journal.duplicate" // warning: a row repeats an earlier one exactly
	CodeJournalDues      = "journal.dues"      // warning: 会费 entries in a year the dues screen also records
)

// JournalRow is one row of a cash journal as the person typed it. Cells
// are raw text (dates may be Excel serials, amounts as Excel stores them);
// ImportJournal validates them all so every problem of the file is found at
// once.
type JournalRow struct {
	File string // file name, for messages
	Row  int    // 1-based Excel row number
	// Cols maps a field key (JColDate …) to the cell's text; a missing key
	// is an empty cell.
	Cols map[string]string
	// Where maps every field key the sheet has a column for to its column
	// letter; rows of one sheet share it. A key absent here means the sheet
	// has no such column, which decides the layout: 收入/支出 columns, or
	// one 金额 column with or without a 收支 column.
	Where map[string]string
	// Skip, when non-empty, says why the row is not an entry (本月合计,
	// 承前页 …); such rows are reported, not imported.
	Skip string
	// Opening marks a skipped row that carries a balance into the journal
	// (期初余额, 上年结转, 承前页): Cols[JColBalance] holds it, and the
	// running balance check starts from it.
	Opening bool
}

// JournalLine is what happened (or would happen) to one row.
type JournalLine struct {
	Row    int
	Action string // ActionAdd, ActionUnchanged or ActionSkip
	Entry  LedgerEntry
	Note   string // why a row was skipped; where a category was booked instead
}

// JournalReport sums up a journal import. IncomeFen and SpendingFen are the
// file's entries, added and unchanged alike.
type JournalReport struct {
	Added, Unchanged, Skipped int
	Lines                     []JournalLine
	Warnings                  Errors // rows imported as they are but worth a look
	IncomeFen, SpendingFen    int64
}

// ImportJournal validates every row of a cash journal, then adds its
// entries in one transaction, after a backup of the data file. Rules:
//
//   - The kind comes from which of the 收入 and 支出 columns holds a
//     non-zero amount (both or neither is a problem), or, with one 金额
//     column, from the 收支 column (收/收入/借/借方 or 支/支出/贷/贷方).
//     A 金额 column without a 收支 column is read as signed: a negative
//     amount is spending, a positive one income. With a 收支 column a
//     negative amount is a problem, since the sign and the column could
//     disagree.
//   - The 科目 cell is the category when it names one of that kind;
//     otherwise the entry goes to 其他收入 or 其他支出 and its line says so.
//   - With a 余额 column, the first balance (an opening row's, or the first
//     entry's cell) starts a running balance and each later row must equal
//     the one before plus income minus spending; the first row where it
//     does not is a problem, with the expected and the found balance.
//   - A row that matches an entry of an earlier import (same date, kind,
//     amount, voucher and 摘要, and the same occurrence of it in its file)
//     is unchanged, so a re-import adds nothing; two identical rows of one
//     file stay two entries.
//
// Any problem in any row, a row dated in a closed year included, writes
// nothing and returns every problem as Errors. dryRun reports the same and
// writes nothing.
func (s *Store) ImportJournal(ctx context.Context, rows []JournalRow, dryRun bool) (JournalReport, error) {
	var rep JournalReport
	p, err := s.newJournalPlanner(ctx)
	if err != nil {
		return rep, err
	}
	var adds []int // indexes into rep.Lines of the entries to add
	rep.Lines = make([]JournalLine, 0, len(rows))
	for i := range rows {
		r := &rows[i]
		if r.Skip != "" {
			rep.Skipped++
			rep.Lines = append(rep.Lines, JournalLine{Row: r.Row, Action: ActionSkip, Note: r.Skip})
			if r.Opening {
				p.opening(r)
			}
			continue
		}
		if blankJournalRow(r) {
			continue
		}
		line, ok := p.plan(ctx, r)
		if !ok {
			continue
		}
		if p.err != nil {
			return JournalReport{}, p.err
		}
		if line.Action == ActionAdd {
			rep.Added++
			adds = append(adds, len(rep.Lines))
		} else {
			rep.Unchanged++
		}
		if line.Entry.Kind == KindIncome {
			rep.IncomeFen += line.Entry.Fen
		} else {
			rep.SpendingFen += line.Entry.Fen
		}
		rep.Lines = append(rep.Lines, line)
	}
	if p.err != nil {
		return JournalReport{}, p.err
	}
	if len(p.errs) > 0 {
		return JournalReport{}, p.errs
	}
	rep.Warnings = p.warns
	if err := s.warnDues(ctx, p.dues, &rep); err != nil {
		return JournalReport{}, err
	}
	if dryRun || len(adds) == 0 {
		return rep, nil
	}
	// The file as it was goes into the backups folder first, as before a
	// roster import: an import that lands whole but wrong can be undone.
	if _, err := s.BackupBefore(ctx, ReasonImport); err != nil {
		return JournalReport{}, failed(CodeImportBackup, "导入前备份失败，未导入任何数据",
			"the backup before the import failed; nothing was imported", "backup before the journal import failed", err)
	}
	err = s.withTx(ctx, func(tx *sql.Tx) error {
		testMarker("tx-begin", "journal")
		w := s.ledgerWriter(tx)
		defer w.close()
		for _, i := range adds {
			l := &rep.Lines[i]
			if err := w.add(ctx, &l.Entry); err != nil {
				e := failed(CodeImportRow, "写入失败，数据文件未改动", "not written; the data file is unchanged",
					fmt.Sprintf("journal row %d not written, nothing changed", l.Row), err)
				e.Row = l.Row
				return e
			}
		}
		return nil
	})
	if err != nil {
		return JournalReport{}, err
	}
	testMarker("tx-commit", "journal")
	return rep, nil
}

// warnDues warns when the journal brings 会费 entries into a year whose
// dues payments are already entries of their own: the same money would
// count twice.
func (s *Store) warnDues(ctx context.Context, dues map[int]*duesSeen, rep *JournalReport) error {
	years := make([]int, 0, len(dues))
	for y := range dues {
		years = append(years, y)
	}
	sort.Ints(years)
	for _, year := range years {
		d := dues[year]
		from, to := yearRange(year)
		var n int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM ledger_entries
			WHERE source = ? AND date BETWEEN ? AND ?`, SourceDues, from, to).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			continue
		}
		rep.Warnings = append(rep.Warnings, &Error{Code: CodeJournalDues, Field: "科目", Value: DuesCategory, Warning: true,
			Row: d.row, File: d.file, Col: d.col,
			Msg: fmt.Sprintf("流水账中有 %d 笔%d年的会费收入，而「会费」页已登记 %d 笔该年的缴费（各自记为会费收入）；同一笔缴费两处都记会重复计入，请核对",
				d.n, year, n),
			MsgEN: fmt.Sprintf("the journal has %d dues income entries of %d, and the Dues screen already has %d payment(s) of that year, each its own dues entry; a payment in both places counts twice, please check",
				d.n, year, n),
			Reason: "journal dues entries in a year with dues payments"})
	}
	return nil
}

func blankJournalRow(r *JournalRow) bool {
	for _, v := range r.Cols {
		if NormalizeText(v) != "" {
			return false
		}
	}
	return true
}

// journalPlanner validates rows one by one, in file order, and keeps what
// the rows after need: the categories, the years' state, the keys of
// earlier imports and of this file's rows, and the running balance.
type journalPlanner struct {
	cats     map[LedgerCategory]bool
	keys     map[string]int64 // import key -> entry id, from earlier imports
	seen     map[string]int   // this file's rows by content -> how many so far
	first    map[string]int   // this file's rows by content -> the first row
	closed   map[int]*Error   // year -> its closed-year error, nil when open
	bal      runningBalance
	errs     Errors
	warns    Errors
	err      error // a failure to read the store, not a problem of the file
	readYear func(ctx context.Context, year int) error
	// dues are the new 会费 entries by year, and the first row of each
	// year: the dues screen may have recorded the same payments.
	dues map[int]*duesSeen
}

type duesSeen struct {
	n, row    int
	file, col string
}

func (s *Store) newJournalPlanner(ctx context.Context) (*journalPlanner, error) {
	p := &journalPlanner{cats: map[LedgerCategory]bool{}, keys: map[string]int64{}, seen: map[string]int{},
		first: map[string]int{}, closed: map[int]*Error{}, dues: map[int]*duesSeen{}}
	cats, err := s.LedgerCategories(ctx)
	if err != nil {
		return nil, err
	}
	for _, c := range cats {
		p.cats[c] = true
	}
	rows, err := s.db.QueryContext(ctx, `SELECT import_key, id FROM ledger_entries WHERE import_key <> ''`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		var id int64
		if err := rows.Scan(&k, &id); err != nil {
			return nil, err
		}
		p.keys[k] = id
	}
	p.readYear = func(ctx context.Context, year int) error { return checkYearOpen(ctx, s.db, year) }
	return p, rows.Err()
}

// journalAt places a copy of e at the row's cell of key.
func journalAt(r *JournalRow, key string, e *Error) *Error {
	c := *e
	c.File, c.Row, c.Col = r.File, r.Row, r.Where[key]
	return &c
}

// plan validates one entry row; ok is false when the row has problems.
func (p *journalPlanner) plan(ctx context.Context, r *JournalRow) (JournalLine, bool) {
	before := len(p.errs)
	problem := func(key string, e *Error) { p.errs = append(p.errs, journalAt(r, key, e)) }
	line := JournalLine{Row: r.Row, Action: ActionAdd}
	e := &line.Entry
	e.Source = SourceImport
	e.Note, e.Voucher, e.Handler = NormalizeText(r.Cols[JColNote]), NormalizeText(r.Cols[JColVoucher]), NormalizeText(r.Cols[JColHandler])

	if raw := r.Cols[JColDate]; NormalizeText(raw) == "" {
		problem(JColDate, invalid(fieldDate, "", "请填写日期", "please fill in the date", "entry date is empty"))
	} else if d, err := ParseDate(raw); err != nil {
		problem(JColDate, asErr(err))
	} else {
		e.Date = d
	}
	p.amount(r, e, problem)
	if e.Fen > 0 {
		line.Note = p.category(r, e, problem)
		if be := p.bal.step(r, e.Signed()); be != nil {
			p.errs = append(p.errs, be)
		}
	} else {
		p.bal.lose() // the next balance cell starts the check again
	}
	if !e.Date.IsZero() {
		if err := p.yearOpen(ctx, e.Date.Year()); err != nil {
			problem(JColDate, err)
		}
	}
	if len(p.errs) > before {
		return line, false
	}
	content := journalContent(e)
	p.seen[content]++
	n := p.seen[content]
	if n == 1 {
		p.first[content] = r.Row
	} else {
		first := p.first[content]
		w := &Error{Code: CodeJournalDuplicate, Field: "摘要", Value: e.Note, Warning: true,
			Msg:    fmt.Sprintf("与第%d行的日期、金额、凭证号、摘要都相同，按两笔分别导入；若是重复录入，请删去一行", first),
			MsgEN:  fmt.Sprintf("the same date, amount, voucher and description as row %d; imported as separate entries (if it was typed twice, delete one row)", first),
			Reason: fmt.Sprintf("identical to row %d, imported as its own entry", first)}
		p.warns = append(p.warns, journalAt(r, JColNote, w))
	}
	e.ImportKey = journalKey(content, n)
	if id, ok := p.keys[e.ImportKey]; ok {
		line.Action, e.ID = ActionUnchanged, id
	} else if e.Kind == KindIncome && e.Category == DuesCategory {
		d := p.dues[e.Date.Year()]
		if d == nil {
			d = &duesSeen{row: r.Row, file: r.File, col: r.Where[JColCategory]}
			p.dues[e.Date.Year()] = d
		}
		d.n++
	}
	return line, true
}

// yearOpen checks a year once per import.
func (p *journalPlanner) yearOpen(ctx context.Context, year int) *Error {
	if e, done := p.closed[year]; done {
		return e
	}
	err := p.readYear(ctx, year)
	var e *Error
	if err != nil {
		if x, ok := AsError(err); ok {
			e = x
		} else if p.err == nil {
			p.err = err
		}
	}
	p.closed[year] = e
	return e
}
