package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"chamberdesk/data/datatest"
)

func financeJSON[T any](t *testing.T, db string, args ...string) T {
	t.Helper()
	var v T
	out := mustCtl(t, append([]string{"--db", db}, append(args, "--json")...)...)
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("%v: %v\n%s", args, err, out)
	}
	return v
}

// TestDuesPayInAccounts pays dues on the command line and finds the payment
// once in the entries and the balance; undoing it takes it out again.
func TestDuesPayInAccounts(t *testing.T) {
	db := filepath.Join(datatest.TempDir(t), "org.db")
	mustCtl(t, "--db", db, "init", "--name", "青禾镇商会")
	mustCtl(t, "--db", db, "members", "add", "--name", "司马晗", "--office", "理事")
	members := financeJSON[[]memberRow](t, db, "members", "list")
	id := fmt.Sprint(members[0].ID)

	out := mustCtl(t, "--db", db, "dues", "pay", "--member", id, "--year", "2026", "--amount", "1,200.50",
		"--date", "2026年3月5日", "--receipt", "QH-001")
	if !strings.Contains(out, "1200.50") || !strings.Contains(out, "2026年3月5日") {
		t.Errorf("dues pay printed %q", out)
	}
	dues := financeJSON[[]duesRow](t, db, "dues", "list", "--year", "2026")
	if len(dues) != 1 || dues[0].PaidFen != 120050 || dues[0].PaidDate != "2026-03-05" || dues[0].ReceiptNo != "QH-001" {
		t.Fatalf("dues list %+v", dues)
	}
	spent := strings.TrimSpace(mustCtl(t, "--db", db, "finance", "add", "--date", "2026-03-06", "--kind", "支出",
		"--category", "办公费", "--amount", "￥200.20", "--note", "复印纸"))
	entries := financeJSON[[]entryRow](t, db, "finance", "list", "--year", "2026")
	var fromDues []entryRow
	for _, e := range entries {
		if e.Source == "dues" {
			fromDues = append(fromDues, e)
		}
	}
	if len(entries) != 2 || len(fromDues) != 1 || fromDues[0].AmountFen != 120050 || fromDues[0].Category != "会费" ||
		fromDues[0].Kind != "收入" || fromDues[0].Voucher != "QH-001" {
		t.Fatalf("finance list %+v", entries)
	}
	if fmt.Sprint(entries[1].ID) != spent || entries[1].BalanceFen != 120050-20020 {
		t.Errorf("running balance %+v (added id %s)", entries[1], spent)
	}
	bal := financeJSON[balanceRow](t, db, "finance", "balance", "--year", "2026")
	if bal.IncomeFen != 120050 || bal.SpendingFen != 20020 || bal.ClosingFen != 100030 || bal.Entries != 2 {
		t.Errorf("balance %+v", bal)
	}

	// The payment's entry is changed on the dues side only.
	code, _, errs := ctl(t, "--db", db, "finance", "delete", "--id", fmt.Sprint(fromDues[0].ID))
	if code == 0 || !strings.Contains(errs, "会费") {
		t.Errorf("deleting the dues entry: exit %d, %s", code, errs)
	}
	mustCtl(t, "--db", db, "dues", "unpay", "--member", id, "--year", "2026")
	bal = financeJSON[balanceRow](t, db, "finance", "balance", "--year", "2026")
	if bal.IncomeFen != 0 || bal.Entries != 1 {
		t.Errorf("after undoing the payment %+v", bal)
	}
}

// TestFinanceAddRefuses checks bad input exits non-zero with every problem
// named and leaves the data file byte for byte as it was.
func TestFinanceAddRefuses(t *testing.T) {
	db := filepath.Join(datatest.TempDir(t), "org.db")
	mustCtl(t, "--db", db, "init", "--name", "青禾镇商会")
	mustCtl(t, "--db", db, "finance", "close", "--year", "2025")
	before := sum(t, db)
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"--date", "2026-02-30", "--kind", "支出", "--category", "办公费", "--amount", "1,5"},
			[]string{"日期", "金额"}},
		{[]string{"--date", "2026-02-01", "--kind", "借", "--category", "办公费", "--amount", "5"}, []string{"收支"}},
		{[]string{"--date", "2026-02-01", "--kind", "支出", "--category", "会费", "--amount", "5"}, []string{"科目"}},
		{[]string{"--date", "2026-02-01", "--kind", "支出", "--category", "办公费", "--amount", "-5"}, []string{"负数"}},
		{[]string{"--date", "2025-02-01", "--kind", "支出", "--category", "办公费", "--amount", "5"}, []string{"结账"}},
		{[]string{"--kind", "支出", "--category", "办公费", "--amount", "5"}, []string{"--date"}},
	} {
		code, out, errs := ctl(t, append([]string{"--db", db, "finance", "add"}, c.args...)...)
		if code == 0 || out != "" {
			t.Errorf("%v: exit %d, printed %q", c.args, code, out)
		}
		for _, w := range c.want {
			if !strings.Contains(errs, w) {
				t.Errorf("%v: %q does not name %s", c.args, errs, w)
			}
		}
	}
	if sum(t, db) != before {
		t.Error("a refused entry changed the data file")
	}
	code, _, errs := ctl(t, "--db", db, "finance", "reopen", "--year", "2025")
	if code == 0 || !strings.Contains(errs, "原因") {
		t.Errorf("reopen without a reason: exit %d, %s", code, errs)
	}
	mustCtl(t, "--db", db, "finance", "reopen", "--year", "2025", "--reason", "补记利息")
	mustCtl(t, "--db", db, "finance", "add", "--date", "2025-12-21", "--kind", "收入", "--category", "利息", "--amount", "0.1")
	mustCtl(t, "--db", db, "finance", "add", "--date", "2025-12-22", "--kind", "收入", "--category", "利息", "--amount", "0.2")
	mustCtl(t, "--db", db, "finance", "opening", "--year", "2025", "--amount", "-10")
	bal := financeJSON[balanceRow](t, db, "finance", "balance", "--year", "2025")
	if bal.IncomeFen != 30 || bal.OpeningFen != -1000 || bal.ClosingFen != -970 {
		t.Errorf("balance %+v", bal)
	}
}
