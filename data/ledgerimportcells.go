package data

import (
	"crypto/sha256"
	"fmt"
	"strconv"
	"strings"
)

// The cells of a journal row: amounts and their direction, the category,
// the key a re-import recognizes, and the running balance.

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
		p.errs = append(p.errs, journalAt(r, JColBalance, err))
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
		return journalAt(r, JColBalance, err)
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
	return journalAt(r, JColBalance, &Error{Code: CodeJournalBalance, Field: "余额", Value: NormalizeText(raw),
		Msg: fmt.Sprintf("余额对不上：应为 %s 元（上一行余额 %s + 收入 %s − 支出 %s），表中为 %s 元；流水从这一行起与余额不符",
			y(want), y(prev), y(in), y(out), y(found)),
		MsgEN: fmt.Sprintf("the balance does not add up: expected %s yuan (previous balance %s + income %s - spending %s), found %s yuan; the journal and its balances disagree from this row on",
			y(want), y(prev), y(in), y(out), y(found)),
		Reason: fmt.Sprintf("running balance breaks: expected %s, found %s", y(want), y(found))})
}
