package ui

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"chamberdesk/data"
)

// memberDuesEntries are the accounts' entries of one member's dues payments
// in year.
func memberDuesEntries(t *testing.T, a *App, year int, member int64) []data.LedgerEntry {
	t.Helper()
	es, err := a.store().LedgerEntries(context.Background(), year)
	if err != nil {
		t.Fatal(err)
	}
	var out []data.LedgerEntry
	for _, e := range es {
		if e.Source == data.SourceDues && e.MemberID == member {
			out = append(out, e)
		}
	}
	return out
}

// TestDuesScreenPaymentInAccounts pays a member's dues on the 会费 screen:
// the payment is one 会费 entry and moves the balance by its amount; paying
// nothing afterwards takes the entry out again.
func TestDuesScreenPaymentInAccounts(t *testing.T) {
	a, d := openDues(t)
	ctx := context.Background()
	d.filter.SetSelected(duesFilterArrears)
	row := -1
	for r := range rows(d) {
		if l := d.lines[d.shown[r]]; l.PaidFen == 0 && l.DueFen > 0 {
			row = r
			break
		}
	}
	if row < 0 {
		t.Fatal("no unpaid member in the demo")
	}
	l := d.lines[d.shown[row]]
	before, err := a.store().LedgerBalance(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	d.table.Select(row)
	f := tapForm(t, a, d.payBtn, d.onPay)
	f.date.SetText("2026-11-18")
	test.Type(f.receipt, "QH2026-Y01")
	test.Tap(f.saveBtn)
	a.wait()
	es := memberDuesEntries(t, a, 2026, l.MemberID)
	if len(es) != 1 || es[0].Fen != l.DueFen || es[0].Category != data.DuesCategory || es[0].Voucher != "QH2026-Y01" ||
		!es[0].Date.Equal(time.Date(2026, 11, 18, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("entries of the payment %+v", es)
	}
	after, _ := a.store().LedgerBalance(ctx, 2026)
	if after.IncomeFen != before.IncomeFen+l.DueFen || after.Entries != before.Entries+1 {
		t.Errorf("balance income %d → %d, entries %d → %d; paid %d", before.IncomeFen, after.IncomeFen,
			before.Entries, after.Entries, l.DueFen)
	}

	// Paid 0: the payment, and its entry, are gone.
	d.filter.SetSelected(duesFilterAll)
	d.table.Select(d.rowOf(l.MemberID))
	f = tapForm(t, a, d.payBtn, d.onPay)
	f.paid.SetText("0")
	test.Tap(f.saveBtn)
	a.wait()
	if es := memberDuesEntries(t, a, 2026, l.MemberID); len(es) != 0 {
		t.Errorf("entries after paying nothing %+v", es)
	}
	if b, _ := a.store().LedgerBalance(ctx, 2026); b.IncomeFen != before.IncomeFen || b.Entries != before.Entries {
		t.Errorf("balance after undoing %+v, before %+v", b, before)
	}
}
