package data

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
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
		for _, i := range adds {
			l := &rep.Lines[i]
			if err := s.addLedgerEntry(ctx, tx, &l.Entry); err != nil {
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
}

func (s *Store) newJournalPlanner(ctx context.Context) (*journalPlanner, error) {
	p := &journalPlanner{cats: map[LedgerCategory]bool{}, keys: map[string]int64{}, seen: map[string]int{},
		first: map[string]int{}, closed: map[int]*Error{}}
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

// at places a copy of e at the row's cell of key.
func at(r *JournalRow, key string, e *Error) *Error {
	c := *e
	c.File, c.Row, c.Col = r.File, r.Row, r.Where[key]
	return &c
}

// plan validates one entry row; ok is false when the row has problems.
func (p *journalPlanner) plan(ctx context.Context, r *JournalRow) (JournalLine, bool) {
	before := len(p.errs)
	problem := func(key string, e *Error) { p.errs = append(p.errs, at(r, key, e)) }
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
		p.warns = append(p.warns, at(r, JColNote, w))
	}
	e.ImportKey = journalKey(content, n)
	if id, ok := p.keys[e.ImportKey]; ok {
		line.Action, e.ID = ActionUnchanged, id
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

// amount sets e's kind and fen from the row's money columns.
func (p *journalPlanner) amount(r *JournalRow, e *LedgerEntry, problem func(string, *Error)) {
	_, hasIn := r.Where[JColIncome]
	_, hasOut := r.Where[JColSpending]
	switch {
	case hasIn || hasOut:
		in, errIn := journalFen(r.Cols[JColIncome], KindIncome)
		out, errOut := journalFen(r.Cols[JColSpending], KindSpending)
		if errIn != nil {
			problem(JColIncome, errIn)
		}
		if errOut != nil {
			problem(JColSpending, errOut)
		}
		if errIn != nil || errOut != nil {
			return
		}
		switch {
		case in > 0 && out > 0:
			problem(JColSpending, invalid(fieldMoney, NormalizeText(r.Cols[JColSpending]),
				"收入、支出两栏都填了金额；一行只能记一笔收入或一笔支出",
				"both income and spending hold an amount; a row is either one income or one spending",
				"both income and spending amounts on one row"))
		case in == 0 && out == 0:
			key := JColIncome
			if !hasIn {
				key = JColSpending
			}
			problem(key, invalid(fieldMoney, "", "收入、支出都没有金额", "neither income nor spending holds an amount",
				"no amount on an entry row"))
		case in > 0:
			e.Kind, e.Fen = KindIncome, in
		default:
			e.Kind, e.Fen = KindSpending, out
		}
	case r.Where[JColAmount] != "":
		raw := r.Cols[JColAmount]
		fen, neg, err := signedFen(raw)
		if err != nil {
			problem(JColAmount, err)
			return
		}
		if fen == 0 {
			problem(JColAmount, invalid(fieldMoney, NormalizeText(raw), "没有金额（为空或为零）", "no amount (empty or zero)", "no amount on an entry row"))
			return
		}
		e.Fen, e.Kind = fen, KindIncome
		if _, hasDir := r.Where[JColDirection]; !hasDir {
			if neg {
				e.Kind = KindSpending
			}
			return
		}
		dir := NormalizeText(r.Cols[JColDirection])
		kind, ok := directionKind(dir)
		if !ok {
			problem(JColDirection, invalid("收支", dir, "只能是 收、收入、借、借方 或 支、支出、贷、贷方",
				"must say income (or debit) or spending (or credit)", "unknown income/spending mark"))
			return
		}
		if neg {
			problem(JColAmount, invalid(fieldMoney, NormalizeText(raw), "有收支列时金额不能为负数，请在收支列写明收或支",
				"with an income/spending column the amount must not be negative; say income or spending in that column",
				"negative amount next to an income/spending column"))
			return
		}
		e.Kind = kind
	default:
		problem("", invalid(fieldMoney, "", "表中没有金额列（收入/支出 或 金额）", "the sheet has no amount column (income/spending, or amount)",
			"no money column"))
	}
}

// journalFen reads a 收入 or 支出 cell: empty is zero, negatives are refused.
func journalFen(raw, kind string) (int64, *Error) {
	fen, err := ParseYuan(raw)
	if err != nil {
		e := asErr(err)
		e.Field = kind
		return 0, e
	}
	return fen, nil
}

// signedFen reads an amount that may carry a minus sign, before or after
// a currency sign.
func signedFen(raw string) (int64, bool, *Error) {
	t := strings.ReplaceAll(normalizeValue(raw), " ", "")
	neg := false
	for {
		before := t
		if r, ok := cutMinus(t); ok {
			t, neg = r, !neg
		}
		for _, p := range moneyPrefixes {
			t = strings.TrimPrefix(t, p)
		}
		if t == before {
			break
		}
	}
	fen, err := ParseYuan(t)
	if err != nil {
		e := asErr(err)
		e.Value = clipValue(normalizeValue(raw))
		return 0, false, e
	}
	return fen, neg, nil
}

// directionKind reads a 收支 cell.
func directionKind(s string) (string, bool) {
	switch strings.ReplaceAll(s, " ", "") {
	case "收", "收入", "借", "借方", "+":
		return KindIncome, true
	case "支", "支出", "付", "贷", "贷方", "-":
		return KindSpending, true
	}
	return "", false
}

// category books e under its 科目 cell, or under the kind's 其他 category,
// and says which when it is not the cell.
func (p *journalPlanner) category(r *JournalRow, e *LedgerEntry, problem func(string, *Error)) string {
	c := NormalizeText(r.Cols[JColCategory])
	if c != "" && p.cats[LedgerCategory{e.Kind, c}] {
		e.Category = c
		return ""
	}
	other := "其他收入"
	if e.Kind == KindSpending {
		other = "其他支出"
	}
	if !p.cats[LedgerCategory{e.Kind, other}] {
		problem(JColCategory, invalid("科目", c, "不是"+e.Kind+"科目，也没有「"+other+"」科目可记入；请先在科目中添加",
			"is not a category of "+LabelEN(e.Kind)+" and there is no "+LabelEN(other)+" category to book it under; add it to the categories first",
			"unknown category and no catch-all category"))
		return ""
	}
	e.Category = other
	_, hasCol := r.Where[JColCategory]
	switch {
	case !hasCol:
		return fmt.Sprintf("表中没有科目列，记入「%s」 / no category column; booked as %s", other, LabelEN(other))
	case c == "":
		return fmt.Sprintf("未填科目，记入「%s」 / no category; booked as %s", other, LabelEN(other))
	}
	return fmt.Sprintf("「%s」不是%s科目，记入「%s」 / \"%s\" is not a category of %s; booked as %s",
		c, e.Kind, other, c, strings.ToLower(LabelEN(e.Kind)), LabelEN(other))
}

// journalContent is what makes two rows the same entry.
func journalContent(e *LedgerEntry) string {
	return strings.Join([]string{FormatDateISO(e.Date), e.Kind, strconv.FormatInt(e.Fen, 10), e.Voucher, e.Note}, "\x00")
}

// journalKey is the import key of the n-th row of a file with content:
// a digest, so the key is short and does not spell out the 摘要.
func journalKey(content string, n int) string {
	sum := sha256.Sum256([]byte(content))
	return fmt.Sprintf("j1:%x:%d", sum[:16], n)
}

// runningBalance checks a journal's 余额 column row by row.
type runningBalance struct {
	started bool  // fen holds the balance after the last row
	fen     int64 // the balance so far
	broken  bool  // the first break is reported; nothing more is checked
}

// lose forgets the balance after a row that could not be read: the next
// balance cell starts it again.
func (b *runningBalance) lose() { b.started = false }

// opening takes the balance an opening row carries, or checks it against
// the running one (a 承前页 row in the middle of the file).
func (p *journalPlanner) opening(r *JournalRow) {
	if _, has := r.Where[JColBalance]; !has || p.bal.broken {
		return
	}
	raw := r.Cols[JColBalance]
	fen, neg, err := signedFen(raw)
	if err != nil {
		err.Field = "余额"
		p.errs = append(p.errs, at(r, JColBalance, err))
		p.bal.lose()
		return
	}
	if NormalizeText(raw) == "" {
		return
	}
	if neg {
		fen = -fen
	}
	if !p.bal.started {
		p.bal.started, p.bal.fen = true, fen
		return
	}
	if fen != p.bal.fen {
		p.bal.broken = true
		p.errs = append(p.errs, balanceError(r, raw, p.bal.fen, 0, fen))
	}
}

// step moves the balance by one entry of signed fen and checks the row's
// balance cell, if any. It returns the problem of a bad or broken cell.
func (b *runningBalance) step(r *JournalRow, signed int64) *Error {
	if _, has := r.Where[JColBalance]; !has || b.broken {
		return nil
	}
	raw := r.Cols[JColBalance]
	fen, neg, err := signedFen(raw)
	if err != nil {
		err.Field = "余额"
		b.lose()
		return at(r, JColBalance, err)
	}
	given := NormalizeText(raw) != ""
	if neg {
		fen = -fen
	}
	if !b.started {
		if given {
			b.started, b.fen = true, fen
		}
		return nil
	}
	prev := b.fen
	b.fen += signed
	if given && fen != b.fen {
		b.broken = true
		return balanceError(r, raw, prev, signed, fen)
	}
	return nil
}

func balanceError(r *JournalRow, raw string, prev, signed, found int64) *Error {
	want := prev + signed
	in, out := max(signed, 0), max(-signed, 0)
	y := FormatYuanPlain
	return at(r, JColBalance, &Error{Code: CodeJournalBalance, Field: "余额", Value: NormalizeText(raw),
		Msg: fmt.Sprintf("余额对不上：应为 %s 元（上一行余额 %s + 收入 %s − 支出 %s），表中为 %s 元；流水从这一行起与余额不符",
			y(want), y(prev), y(in), y(out), y(found)),
		MsgEN: fmt.Sprintf("the balance does not add up: expected %s yuan (previous balance %s + income %s - spending %s), found %s yuan; the journal and its balances disagree from this row on",
			y(want), y(prev), y(in), y(out), y(found)),
		Reason: fmt.Sprintf("running balance breaks: expected %s, found %s", y(want), y(found))})
}
