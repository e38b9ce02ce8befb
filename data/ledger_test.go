package data_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"chamberdesk/data"
	"chamberdesk/data/datatest"
)

func mustEntry(t *testing.T, s *data.Store, date time.Time, kind, cat, yuan, note string) int64 {
	t.Helper()
	fen, err := data.ParseYuan(yuan)
	if err != nil {
		t.Fatal(err)
	}
	id, err := s.SaveLedgerEntry(context.Background(), data.LedgerEntry{Date: date, Kind: kind, Category: cat, Fen: fen, Note: note})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// duesEntries are the entries that come from dues payments.
func duesEntries(t *testing.T, s *data.Store, year int) []data.LedgerEntry {
	t.Helper()
	es, err := s.LedgerEntries(context.Background(), year)
	if err != nil {
		t.Fatal(err)
	}
	var out []data.LedgerEntry
	for _, e := range es {
		if e.Source == data.SourceDues {
			out = append(out, e)
		}
	}
	return out
}

func TestDuesPaymentIsItsEntry(t *testing.T) {
	ctx := context.Background()
	s := datatest.MustOpen(t)
	if err := s.SetDuesStandards(ctx, []data.DuesStandard{{Year: 2026, Office: "理事", Fen: 200000}}); err != nil {
		t.Fatal(err)
	}
	a, _, err := s.CreateMember(ctx, data.Member{Name: "柏树人", Office: "理事", JoinDate: day(2020, 1, 1)})
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := s.CreateMember(ctx, data.Member{Name: "禤家禾", JoinDate: day(2020, 1, 1)})
	if err != nil {
		t.Fatal(err)
	}

	// A payment is one 会费 entry with the payment's amount, day, receipt and payer.
	d, err := s.PayDues(ctx, a, 2026, 100000, day(2026, 3, 5), "QH2026-001")
	if err != nil {
		t.Fatal(err)
	}
	if d.DueFen != 200000 {
		t.Errorf("due %d, want the standard 200000", d.DueFen)
	}
	es := duesEntries(t, s, 2026)
	if len(es) != 1 {
		t.Fatalf("dues entries %+v, want 1", es)
	}
	e := es[0]
	if e.Fen != 100000 || !e.Date.Equal(day(2026, 3, 5)) || e.Kind != data.KindIncome || e.Category != data.DuesCategory ||
		e.Voucher != "QH2026-001" || e.MemberID != a || e.DuesID != d.ID || e.Note != "2026年会费 柏树人" {
		t.Errorf("entry %+v", e)
	}

	// Paying again replaces it: still one entry, the new amount and day.
	if _, err := s.PayDues(ctx, a, 2026, 200000, day(2026, 4, 1), ""); err != nil {
		t.Fatal(err)
	}
	es = duesEntries(t, s, 2026)
	if len(es) != 1 || es[0].ID != e.ID || es[0].Fen != 200000 || !es[0].Date.Equal(day(2026, 4, 1)) || es[0].Voucher != "QH2026-001" {
		t.Fatalf("after the second payment: %+v", es)
	}
	ch, err := s.Changes(ctx, "ledger", e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(ch) != 2 || ch[0].Action != "update" || ch[1].Action != "insert" {
		t.Errorf("change log of the entry: %+v", ch)
	}

	// The entry is not changed or removed from the accounts side.
	e = es[0]
	e.Fen = 1
	if _, err := s.SaveLedgerEntry(ctx, e); !data.IsCode(err, data.CodeDuesEntry) {
		t.Errorf("editing a dues entry: %v", err)
	}
	if err := s.DeleteLedgerEntry(ctx, e.ID); !data.IsCode(err, data.CodeDuesEntry) {
		t.Errorf("deleting a dues entry: %v", err)
	}

	// A batch marks both paid: two entries; the balance counts them once.
	if err := s.MarkDuesPaid(ctx, 2026, []int64{a, b}, day(2026, 5, 6), "QH2026-"); err != nil {
		t.Fatal(err)
	}
	if es := duesEntries(t, s, 2026); len(es) != 1 {
		// b owes nothing (no standard for 会员), so paying "in full" pays 0.
		t.Errorf("entries after the batch: %+v", es)
	}
	bal, err := s.LedgerBalance(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if bal.IncomeFen != 200000 || bal.Entries != 1 {
		t.Errorf("balance %+v", bal)
	}

	// Undoing the payment removes the entry, logged.
	if err := s.UnpayDues(ctx, a, 2026); err != nil {
		t.Fatal(err)
	}
	if es := duesEntries(t, s, 2026); len(es) != 0 {
		t.Errorf("entries after undoing: %+v", es)
	}
	if ch, _ := s.Changes(ctx, "ledger", e.ID); len(ch) == 0 || ch[0].Action != "delete" {
		t.Errorf("change log after undoing: %+v", ch)
	}
	if err := s.UnpayDues(ctx, a, 2026); !data.IsCode(err, data.CodeNotFound) {
		t.Errorf("undoing twice: %v", err)
	}

	// A payment with no date is dated 31 December of its year.
	if _, err := s.SaveDues(ctx, data.Dues{MemberID: b, Year: 2026, DueFen: 50000, PaidFen: 50000}); err != nil {
		t.Fatal(err)
	}
	if es := duesEntries(t, s, 2026); len(es) != 1 || !es[0].Date.Equal(day(2026, 12, 31)) {
		t.Errorf("undated payment: %+v", es)
	}
}

func TestLedgerBalanceCarries(t *testing.T) {
	ctx := context.Background()
	s := datatest.MustOpen(t)
	if err := s.SetOpeningBalance(ctx, 2024, 1_000_00, true); err != nil {
		t.Fatal(err)
	}
	mustEntry(t, s, day(2024, 2, 1), data.KindIncome, "政府补助", "5,000", "补助")
	mustEntry(t, s, day(2024, 12, 31), data.KindSpending, "办公费", "￥1,200.50", "打印机")
	mustEntry(t, s, day(2025, 1, 1), data.KindIncome, "利息", "0.1", "利息")
	mustEntry(t, s, day(2025, 1, 2), data.KindIncome, "利息", "0.2", "利息")
	mustEntry(t, s, day(2025, 6, 1), data.KindSpending, "公益支出", "0.5万", "助学")

	b24, err := s.LedgerBalance(ctx, 2024)
	if err != nil {
		t.Fatal(err)
	}
	if b24.OpeningFen != 1_000_00 || b24.IncomeFen != 5_000_00 || b24.SpendingFen != 1_200_50 || b24.ClosingFen != 4_799_50 {
		t.Errorf("2024 %+v", b24)
	}
	if b24.OpeningMismatch() {
		t.Error("the first year's opening is typed in with nothing before it: no mismatch")
	}
	b25, err := s.LedgerBalance(ctx, 2025)
	if err != nil {
		t.Fatal(err)
	}
	// 0.1 + 0.2 is exactly 0.30 yuan.
	if b25.OpeningFen != b24.ClosingFen || b25.OpeningSet || b25.IncomeFen != 30 || b25.SpendingFen != 5_000_00 ||
		b25.ClosingFen != 4_799_50+30-5_000_00 {
		t.Errorf("2025 %+v", b25)
	}
	var interest data.CategoryTotal
	for _, c := range b25.ByCategory {
		if c.Kind == data.KindIncome && c.Category == "利息" {
			interest = c
		}
	}
	if interest.Fen != 30 || interest.Count != 2 {
		t.Errorf("利息 %+v", interest)
	}
	if len(b25.ByCategory) != 13 {
		t.Errorf("%d category totals, want every default category (13)", len(b25.ByCategory))
	}

	// An opening typed in for 2025 that does not match is flagged; clearing
	// it carries again.
	if err := s.SetOpeningBalance(ctx, 2025, 9_999_00, true); err != nil {
		t.Fatal(err)
	}
	if b, _ := s.LedgerBalance(ctx, 2025); !b.OpeningMismatch() || b.OpeningFen != 9_999_00 || b.CarriedFen != 4_799_50 {
		t.Errorf("typed opening %+v", b)
	}
	b26, _ := s.LedgerBalance(ctx, 2026)
	if b26.OpeningFen != 9_999_00+30-5_000_00 {
		t.Errorf("2026 opens with %d", b26.OpeningFen)
	}
	if err := s.SetOpeningBalance(ctx, 2025, 0, false); err != nil {
		t.Fatal(err)
	}
	if b, _ := s.LedgerBalance(ctx, 2025); b.OpeningSet || b.OpeningFen != 4_799_50 {
		t.Errorf("carried again %+v", b)
	}
	years, err := s.LedgerYears(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(years) != 2 || years[0] != 2024 || years[1] != 2025 {
		t.Errorf("years %v", years)
	}
}

func TestLedgerEntryChecks(t *testing.T) {
	ctx := context.Background()
	s := datatest.MustOpen(t)
	_, err := s.SaveLedgerEntry(ctx, data.LedgerEntry{Kind: "收", Category: "会费", Fen: 0})
	var errs data.Errors
	if !errors.As(err, &errs) || len(errs) != 3 {
		t.Fatalf("want three problems (date, kind, amount), got %v", err)
	}
	if _, err := s.SaveLedgerEntry(ctx, data.LedgerEntry{Date: day(2026, 1, 1), Kind: data.KindSpending, Category: "会费", Fen: 1}); err == nil {
		t.Error("会费 is not a spending category")
	}
	if _, err := s.SaveLedgerEntry(ctx, data.LedgerEntry{Date: day(2026, 1, 1), Kind: data.KindIncome, Category: "会费", Fen: 1, MemberID: 99}); err == nil {
		t.Error("a link to a missing member is refused")
	}
	var n int
	if err := s.DB().QueryRowContext(ctx, "SELECT count(*) FROM ledger_entries").Scan(&n); err != nil || n != 0 {
		t.Errorf("%d entries written by refused saves (%v)", n, err)
	}

	// Categories: added before 其他, used ones cannot go, 会费 never.
	if err := s.AddLedgerCategory(ctx, data.KindSpending, "宣传费"); err != nil {
		t.Fatal(err)
	}
	cats, _ := s.LedgerCategories(ctx)
	if last := cats[len(cats)-1]; last.Name != "其他支出" || cats[len(cats)-2].Name != "宣传费" {
		t.Errorf("categories end %v", cats[len(cats)-3:])
	}
	mustEntry(t, s, day(2026, 1, 1), data.KindSpending, "宣传费", "300", "展板")
	if err := s.RemoveLedgerCategory(ctx, data.KindSpending, "宣传费"); !data.IsCode(err, data.CodeCategoryUse) {
		t.Errorf("removing a used category: %v", err)
	}
	if err := s.RemoveLedgerCategory(ctx, data.KindIncome, data.DuesCategory); err == nil {
		t.Error("the dues category was removed")
	}
	if err := s.RemoveLedgerCategory(ctx, data.KindIncome, "利息"); err != nil {
		t.Error(err)
	}
}

func TestClosedYear(t *testing.T) {
	ctx := context.Background()
	s := datatest.MustOpen(t)
	m, _, err := s.CreateMember(ctx, data.Member{Name: "钟离颖", JoinDate: day(2020, 1, 1)})
	if err != nil {
		t.Fatal(err)
	}
	old := mustEntry(t, s, day(2025, 5, 1), data.KindSpending, "办公费", "100", "墨盒")
	open := mustEntry(t, s, day(2026, 5, 1), data.KindSpending, "办公费", "100", "纸")
	if err := s.CloseLedgerYear(ctx, 2025); err != nil {
		t.Fatal(err)
	}
	if err := s.CloseLedgerYear(ctx, 2025); !data.IsCode(err, data.CodeConflict) {
		t.Errorf("closing twice: %v", err)
	}
	closed := func(what string, err error) {
		t.Helper()
		if !data.IsCode(err, data.CodeYearClosed) {
			t.Errorf("%s in the closed year: %v", what, err)
		}
	}
	_, err = s.SaveLedgerEntry(ctx, data.LedgerEntry{Date: day(2025, 6, 1), Kind: data.KindIncome, Category: "利息", Fen: 1})
	closed("adding", err)
	e, _ := s.LedgerEntry(ctx, old)
	e.Fen = 200
	_, err = s.SaveLedgerEntry(ctx, e)
	closed("editing", err)
	closed("deleting", s.DeleteLedgerEntry(ctx, old))
	e, _ = s.LedgerEntry(ctx, open)
	e.Date = day(2025, 12, 31)
	_, err = s.SaveLedgerEntry(ctx, e)
	closed("moving an entry into it", err)
	_, err = s.PayDues(ctx, m, 2025, 50000, day(2025, 12, 1), "")
	closed("a dues payment dated", err)
	closed("the opening balance", s.SetOpeningBalance(ctx, 2025, 1, true))
	if d, _ := s.DuesOfMember(ctx, m); len(d) != 0 {
		t.Errorf("the refused payment left dues rows %+v", d)
	}
	// A 2025 dues payment made in 2026 is 2026's money: allowed.
	if _, err := s.PayDues(ctx, m, 2025, 50000, day(2026, 1, 8), ""); err != nil {
		t.Errorf("paying 2025 dues in 2026: %v", err)
	}

	if err := s.ReopenLedgerYear(ctx, 2025, "  "); err == nil {
		t.Error("reopened without a reason")
	}
	if err := s.ReopenLedgerYear(ctx, 2025, "补记漏记的利息"); err != nil {
		t.Fatal(err)
	}
	mustEntry(t, s, day(2025, 12, 21), data.KindIncome, "利息", "12.30", "第四季度利息")
	ch, err := s.Changes(ctx, "ledger_year", 2025)
	if err != nil {
		t.Fatal(err)
	}
	if len(ch) != 2 {
		t.Fatalf("year log %+v", ch)
	}
	reason := ch[0].Detail["changed"].(map[string]any)["reopen_reason"].([]any)
	if reason[1] != "补记漏记的利息" {
		t.Errorf("reopen logged %+v", ch[0].Detail)
	}
}

// TestMillionEntriesTotals sums a million entries of every fen amount from
// 0.01 to 1000.00 yuan and compares the balance with integer sums done here.
func TestMillionEntriesTotals(t *testing.T) {
	ctx := context.Background()
	s := datatest.MustOpen(t)
	const n = 1_000_000
	// One statement fills the table; the store's own reads sum it.
	if _, err := s.DB().ExecContext(ctx, `INSERT INTO ledger_entries (date, kind, category, amount_fen)
		WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?)
		SELECT printf('2026-%02d-%02d', i % 12 + 1, i % 28 + 1),
		       CASE WHEN i % 3 = 0 THEN '支出' ELSE '收入' END,
		       CASE WHEN i % 3 = 0 THEN '办公费' ELSE '利息' END,
		       (i * 7919) % 100000 + 1
		FROM k`, n); err != nil {
		t.Fatal(err)
	}
	var income, spending int64
	for i := int64(1); i <= n; i++ {
		fen := (i*7919)%100000 + 1
		if i%3 == 0 {
			spending += fen
		} else {
			income += fen
		}
	}
	b, err := s.LedgerBalance(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if b.Entries != n || b.IncomeFen != income || b.SpendingFen != spending || b.ClosingFen != income-spending {
		t.Errorf("balance %d entries, %d/%d, closing %d; want %d/%d", b.Entries, b.IncomeFen, b.SpendingFen, b.ClosingFen, income, spending)
	}
}

// TestLedgerMigrationKeepsPaidDues opens a file an earlier version left,
// with dues paid (one without a date), and finds each payment as its 会费
// entry.
func TestLedgerMigrationKeepsPaidDues(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(datatest.TempDir(t), "old.db")
	old, err := data.OpenAt(ctx, path, 2)
	if err != nil {
		t.Fatal(err)
	}
	for i, name := range []string{"欧阳澍", "尉迟蓁", "仝小满"} {
		if _, err := old.DB().ExecContext(ctx, `INSERT INTO members (id, name, kind, status, join_date, created_at, updated_at) VALUES (?, ?, '个人会员', '在会', '2020-01-01', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')`,
			i+1, name); err != nil {
			t.Fatal(err)
		}
	}
	for _, q := range []string{
		`INSERT INTO dues (member_id, year, due_fen, paid_fen, paid_date, receipt_no) VALUES (1, 2025, 50000, 50000, '2025-03-01', 'R1')`,
		`INSERT INTO dues (member_id, year, due_fen, paid_fen, paid_date) VALUES (2, 2025, 50000, 20000, '')`,
		`INSERT INTO dues (member_id, year, due_fen, paid_fen) VALUES (3, 2025, 50000, 0)`,
	} {
		if _, err := old.DB().ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}
	s := datatest.MustOpenPath(t, path)
	es := duesEntries(t, s, 2025)
	if len(es) != 2 {
		t.Fatalf("entries %+v", es)
	}
	if es[0].Fen != 50000 || es[0].Voucher != "R1" || !es[0].Date.Equal(day(2025, 3, 1)) || es[0].Note != "2025年会费 欧阳澍" {
		t.Errorf("first %+v", es[0])
	}
	if es[1].Fen != 20000 || !es[1].Date.Equal(day(2025, 12, 31)) || es[1].MemberID != 2 {
		t.Errorf("undated %+v", es[1])
	}
	// The migrated entries stay in step with later changes.
	if err := s.UnpayDues(ctx, 2, 2025); err != nil {
		t.Fatal(err)
	}
	if es := duesEntries(t, s, 2025); len(es) != 1 {
		t.Errorf("after undoing: %+v", es)
	}
}
