package xlsx

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"chamberdesk/data"
)

// Finance is a year's accounts workbook (年度收支报表), read from the store
// in one go so that writing it holds no database connection.
type Finance struct {
	Org     data.Organization
	Year    int
	Balance data.LedgerBalance
	Entries []data.LedgerEntry // the year's entries by date, then in the order entered
	Dues    []data.DuesLine
	// Members and Activities name what an entry is linked to (关联).
	Members    map[int64]string
	Activities map[int64]string
}

// LoadFinance reads a year's accounts from the store.
func LoadFinance(ctx context.Context, s *data.Store, year int) (*Finance, error) {
	if err := checkYear(year); err != nil {
		return nil, err
	}
	f := &Finance{Year: year, Members: map[int64]string{}, Activities: map[int64]string{}}
	var err error
	if f.Org, err = s.Organization(ctx); err != nil {
		return nil, err
	}
	if f.Balance, err = s.LedgerBalance(ctx, year); err != nil {
		return nil, err
	}
	if f.Entries, err = s.LedgerEntries(ctx, year); err != nil {
		return nil, err
	}
	// The balance and the entries are two reads: an entry saved between
	// them would make the running balance end away from the closing one.
	var net int64
	for _, e := range f.Entries {
		net += e.Signed()
	}
	if f.Balance.OpeningFen+net != f.Balance.ClosingFen || len(f.Entries) != f.Balance.Entries {
		return nil, &data.Error{Code: data.CodeConflict, Field: "收支记录", Value: strconv.Itoa(year),
			Msg:    "读取期间账目有变动，请重新导出",
			MsgEN:  "the accounts changed while they were read; please export again",
			Reason: "ledger entries and balance read apart disagree"}
	}
	if f.Dues, err = s.DuesSheet(ctx, year); err != nil {
		return nil, err
	}
	if err := f.loadLinks(ctx, s); err != nil {
		return nil, err
	}
	return f, nil
}

func checkYear(year int) error {
	if year < 1900 || year > 2100 {
		return &data.Error{Code: data.CodeInvalid, Field: "年度", Value: strconv.Itoa(year),
			Msg: "年度不正确", MsgEN: "the year is not valid", Reason: "year out of range"}
	}
	return nil
}

// loadLinks reads the names of the members and the titles of the
// activities the entries are linked to.
func (f *Finance) loadLinks(ctx context.Context, s *data.Store) error {
	var members bool
	acts := map[int64]bool{}
	for _, e := range f.Entries {
		members = members || e.MemberID != 0
		if e.ActivityID != 0 {
			acts[e.ActivityID] = true
		}
	}
	if members {
		ms, err := s.Members(ctx)
		if err != nil {
			return err
		}
		for _, m := range ms {
			f.Members[m.ID] = m.Name
		}
	}
	for id := range acts {
		a, err := s.Activity(ctx, id)
		if err != nil {
			return err
		}
		f.Activities[id] = a.Title
	}
	return nil
}

// WriteFinance writes a year's accounts workbook.
func WriteFinance(ctx context.Context, s *data.Store, year int, w io.Writer) error {
	f, err := LoadFinance(ctx, s, year)
	if err != nil {
		return err
	}
	return f.Write(w)
}

// Write writes the workbook: 收支明细, 收支汇总 and 会费收支.
func (f *Finance) Write(w io.Writer) error {
	b, err := newBook(f.title("收支报表"))
	if err != nil {
		return err
	}
	defer b.close()
	for _, t := range []*table{f.journal(), balanceTable(f.title("收支汇总"), f.Balance), f.duesByOffice()} {
		if err := b.write(t); err != nil {
			return err
		}
	}
	return b.finish(w)
}

func (f *Finance) title(what string) string {
	return fmt.Sprintf("%s%d年%s", f.Org.Name, f.Year, what)
}

// Where an entry came from, as the journal shows it.
var sourceNames = map[string]string{data.SourceManual: "手工", data.SourceImport: "导入", data.SourceDues: "会费"}

// journal is the 收支明细 sheet: the opening balance, every entry with the
// balance after it, and the year's totals. Balances are added up in fen.
func (f *Finance) journal() *table {
	t := newTable("收支明细", f.title("收支明细"), true,
		column{"序号", kInt}, column{"日期", kDate}, column{"凭证号", kText}, column{"摘要", kWrap},
		column{"科目", kText}, column{"收入(元)", kMoney}, column{"支出(元)", kMoney}, column{"余额(元)", kMoney},
		column{"经手人", kText}, column{"来源", kText}, column{"关联", kText})
	t.rows = make([][]any, 0, len(f.Entries)+1)
	bal := f.Balance.OpeningFen
	t.add(nil, time.Date(f.Year, 1, 1, 0, 0, 0, 0, time.UTC), nil, "上年结转", nil, nil, nil, yuan(bal), nil, nil, nil)
	var in, out int64
	for i := range f.Entries {
		e := &f.Entries[i]
		var inc, spent any
		if e.Kind == data.KindSpending {
			out += e.Fen
			spent = yuan(e.Fen)
		} else {
			in += e.Fen
			inc = yuan(e.Fen)
		}
		bal += e.Signed()
		src := sourceNames[e.Source]
		if src == "" {
			src = e.Source
		}
		t.add(i+1, e.Date, e.Voucher, e.Note, e.Category, inc, spent, yuan(bal), e.Handler, src, f.link(e))
	}
	t.setTotal(nil, nil, fmt.Sprintf("共 %d 笔", len(f.Entries)), "本年合计", nil, yuan(in), yuan(out), yuan(bal),
		nil, nil, nil)
	return t
}

// link names what an entry is linked to: the member, the activity and the
// donation project it names.
func (f *Finance) link(e *data.LedgerEntry) string {
	var parts []string
	if e.MemberID != 0 {
		parts = append(parts, f.Members[e.MemberID])
	}
	if e.ActivityID != 0 {
		parts = append(parts, f.Activities[e.ActivityID])
	}
	if e.Project != "" {
		parts = append(parts, e.Project)
	}
	return strings.Join(parts, "；")
}

// balanceTable is the 收支汇总 sheet of both the accounts workbook and the
// annual workbook: income by category beside spending by category, their
// totals, then the year's balance and whether it is closed. It fits one
// A4 page.
func balanceTable(title string, b data.LedgerBalance) *table {
	t := newTable("收支汇总", title, false,
		column{"收入科目", kText}, column{"笔数", kInt}, column{"收入金额(元)", kMoney},
		column{"支出科目", kText}, column{"笔数", kInt}, column{"支出金额(元)", kMoney})
	var in, out []data.CategoryTotal
	var nIn, nOut int
	for _, c := range b.ByCategory {
		if c.Kind == data.KindSpending {
			out, nOut = append(out, c), nOut+c.Count
		} else {
			in, nIn = append(in, c), nIn+c.Count
		}
	}
	side := func(cs []data.CategoryTotal, i int) (any, any, any) {
		if i >= len(cs) {
			return nil, nil, nil
		}
		return cs[i].Category, cs[i].Count, yuan(cs[i].Fen)
	}
	for i := range max(len(in), len(out)) {
		a, b, c := side(in, i)
		d, e, g := side(out, i)
		t.add(a, b, c, d, e, g)
	}
	t.setTotal("收入合计", nIn, yuan(b.IncomeFen), "支出合计", nOut, yuan(b.SpendingFen))
	opening := "上年结转"
	if b.OpeningSet {
		opening = "本年录入"
		if b.OpeningMismatch() {
			opening += "（上年结转 " + data.FormatYuanPlain(b.CarriedFen) + " 元）"
		}
	}
	t.addFoot("年初余额", nil, yuan(b.OpeningFen), opening, nil, nil)
	t.addFoot("本年收入", nIn, yuan(b.IncomeFen), nil, nil, nil)
	t.addFoot("本年支出", nOut, yuan(b.SpendingFen), nil, nil, nil)
	t.addFoot("年末余额", nil, yuan(b.ClosingFen), "年初余额＋本年收入－本年支出", nil, nil)
	closed := "未结账"
	if b.Closed {
		closed = "已结账"
		if at, err := time.Parse(time.RFC3339, b.ClosedAt); err == nil {
			closed += "（" + data.FormatDateCN(at.Local()) + "）"
		}
	}
	t.addFoot("结账状态", nil, nil, closed, nil, nil)
	return t
}

// officeDues is one office's line of the 会费收支 sheet.
type officeDues struct {
	office                  string
	members, cleared, owing int
	due, paid, arrears      int64
}

func (o *officeDues) add(l data.DuesLine) {
	o.members++
	if l.PaidFen >= l.DueFen && (l.DueFen > 0 || l.PaidFen > 0) {
		o.cleared++
	}
	if l.Owing() {
		o.owing++
		o.arrears += l.DueFen - l.PaidFen
	}
	o.due += l.DueFen
	o.paid += l.PaidFen
}

func (o *officeDues) row(vals ...any) []any {
	var rate any
	if o.due > 0 {
		rate = float64(o.paid) / float64(o.due)
	}
	return append(vals, o.members, o.cleared, o.owing, yuan(o.due), yuan(o.paid), yuan(o.arrears), rate)
}

// duesByOffice is the 会费收支 sheet: the year's dues by office, and the
// 会费 income the accounts hold for the year beside it.
func (f *Finance) duesByOffice() *table {
	t := newTable("会费收支", f.title("会费收支"), true,
		column{"序号", kInt}, column{"商会职务", kText}, column{"人数", kInt}, column{"已缴清(人)", kInt},
		column{"欠缴(人)", kInt}, column{"应缴(元)", kMoney}, column{"实缴(元)", kMoney}, column{"欠缴(元)", kMoney},
		column{"缴费率", kPercent}, column{"备注", kWrap})
	byOffice := map[string]*officeDues{}
	var all officeDues
	for _, l := range f.Dues {
		o := byOffice[l.Office]
		if o == nil {
			o = &officeDues{office: l.Office}
			byOffice[l.Office] = o
		}
		o.add(l)
		all.add(l)
	}
	offices := make([]*officeDues, 0, len(byOffice))
	for _, o := range byOffice {
		offices = append(offices, o)
	}
	slices.SortFunc(offices, func(a, b *officeDues) int {
		return cmp.Or(cmp.Compare(data.OfficeRank(a.office), data.OfficeRank(b.office)), strings.Compare(a.office, b.office))
	})
	for i, o := range offices {
		name := o.office
		if name == "" {
			name = "（未填职务）"
		}
		t.add(append(o.row(i+1, name), nil)...)
	}
	t.setTotal(append(all.row(nil, "合计"), nil)...)
	var ledger int64
	var n int
	for _, c := range f.Balance.ByCategory {
		if c.Kind == data.KindIncome && c.Category == data.DuesCategory {
			ledger, n = c.Fen, c.Count
		}
	}
	note := fmt.Sprintf("账上%d年「会费」科目收入 %d 笔，与本表实缴一致", f.Year, n)
	if ledger != all.paid {
		more, diff := "多", ledger-all.paid
		if diff < 0 {
			more, diff = "少", -diff
		}
		note = fmt.Sprintf("账上%d年「会费」科目收入 %d 笔，比本表实缴%s %s 元：账上按收款日期记年度，本表按会费所属年度；"+
			"往年会费在本年收到、本年会费在下年收到，或直接记账的会费，都会使两者不同",
			f.Year, n, more, data.FormatYuanPlain(diff))
	}
	t.addFoot(nil, "账上会费收入", nil, nil, nil, nil, yuan(ledger), nil, nil, note)
	return t
}
