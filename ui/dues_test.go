package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
)

// openDues opens the demo chamber on the 会费 screen in 2026.
func openDues(t *testing.T) (*App, *duesScreen) {
	t.Helper()
	a, d := openDemoOn[*duesScreen](t, "dues", demoClock)
	a.wait() // the sheet loads off the UI thread
	if d.yearSel.Selected != "2026年" || d.year != 2026 {
		t.Fatalf("year %q %d, want this year 2026", d.yearSel.Selected, d.year)
	}
	return a, d
}

// cellText is the text the sheet shows in a cell.
func cellText(d *duesScreen, row, col int) string { return d.table.Cell(row, col).Text() }

// cellCheck is the check box of a row, drawn the way the table draws it.
func cellCheck(d *duesScreen, row int) *widget.Check { return d.table.Cell(row, colCheck).Check() }

func rows(d *duesScreen) int { return d.table.Length() }

func arrearsIDs(t *testing.T, s *data.Store, year int) []int64 {
	t.Helper()
	as, err := s.Arrears(context.Background(), year)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, a := range as {
		ids = append(ids, a.Member.ID)
	}
	return ids
}

func TestDuesArrearsFilter(t *testing.T) {
	a, d := openDues(t)
	ctx := context.Background()

	// 全部: every member of 2026, counted independently from the roster
	ms, err := a.store().Members(ctx)
	if err != nil {
		t.Fatal(err)
	}
	in := 0
	for _, m := range ms {
		if m.JoinDate.Year() <= 2026 && (m.Status == data.StatusActive || m.LeaveDate.Year() >= 2026) {
			in++
		}
	}
	if rows(d) != in || rows(d) < 100 {
		t.Fatalf("全部 shows %d rows, %d members belong to 2026", rows(d), in)
	}

	d.filter.SetSelected(duesFilterArrears)
	arrears, err := a.store().Arrears(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if len(arrears) < 15 {
		t.Fatalf("the demo should owe about 20 in 2026, store says %d", len(arrears))
	}
	if rows(d) != len(arrears) {
		t.Fatalf("欠缴 shows %d rows, store.Arrears %d", rows(d), len(arrears))
	}
	var owed int64
	for i, ar := range arrears {
		if got := d.lines[d.shown[i]].MemberID; got != ar.Member.ID {
			t.Errorf("row %d is member %d, store.Arrears has %d (%s)", i, got, ar.Member.ID, ar.Member.Name)
		}
		if got := cellText(d, i, colName); got != ar.Member.Name {
			t.Errorf("row %d shows %q, want %q", i, got, ar.Member.Name)
		}
		if got := cellText(d, i, colDue); got != data.FormatYuanPlain(ar.DueFen) {
			t.Errorf("row %d due %q, want %s", i, got, data.FormatYuanPlain(ar.DueFen))
		}
		if st := cellText(d, i, colState); st != stateUnpaid && st != statePartial {
			t.Errorf("row %d state %q", i, st)
		}
		owed += ar.DueFen - ar.PaidFen
	}
	if !strings.Contains(d.totals.Text, "欠缴合计 "+data.FormatWanYuan(owed)) {
		t.Errorf("totals %q, owed %s", d.totals.Text, data.FormatWanYuan(owed))
	}

	d.filter.SetSelected(duesFilterPaid)
	for r := range rows(d) {
		if st := cellText(d, r, colState); !strings.HasPrefix(st, stateSettled) {
			t.Fatalf("已缴清 row %d is %q", r, st)
		}
	}
	if rows(d)+len(arrears) > in {
		t.Fatalf("已缴清 %d + 欠缴 %d > %d", rows(d), len(arrears), in)
	}

	// the search narrows whatever filter is on
	d.filter.SetSelected(duesFilterArrears)
	name := arrears[0].Member.Name
	test.Type(d.search, name)
	if rows(d) == 0 || rows(d) > len(arrears) || cellText(d, 0, colName) != name {
		t.Fatalf("search %q: %d rows, first %q", name, rows(d), cellText(d, 0, colName))
	}
}

func TestDuesBulkMarkPaid(t *testing.T) {
	a, d := openDues(t)
	ctx := context.Background()
	d.filter.SetSelected(duesFilterArrears)
	before := arrearsIDs(t, a.store(), 2026)
	if rows(d) != len(before) {
		t.Fatalf("%d rows, %d arrears", rows(d), len(before))
	}
	var picked []data.DuesLine
	for r := range 3 {
		test.Tap(cellCheck(d, r))
		picked = append(picked, d.lines[d.shown[r]])
	}
	if !cellCheck(d, 1).Checked || d.picked.Text != "已勾选 3 人" || d.bulkBtn.Disabled() {
		t.Fatalf("checks not taken: %q", d.picked.Text)
	}
	b := tapForm(t, a, d.bulkBtn, d.onBulkPaid)
	if b == nil || len(b.lines) != 3 {
		t.Fatal("批量登记已缴 did not open for the three")
	}

	if b.prefix.Text != "QH2026-" {
		t.Fatalf("suggested prefix %q; want the chamber's own series QH2026-", b.prefix.Text)
	}
	next, err := a.store().NextReceipts(ctx, 2026, "QH2026-", 3)
	if err != nil {
		t.Fatal(err)
	}

	b.date.SetText("")
	test.Type(b.date, "2026年11月18日")
	if b.msg.Text != "" {
		t.Fatalf("inline error %q", b.msg.Text)
	}
	test.Tap(b.okBtn)
	a.wait()

	paidOn := time.Date(2026, 11, 18, 0, 0, 0, 0, time.UTC)
	for _, l := range picked {
		ds, err := a.store().DuesOfMember(ctx, l.MemberID)
		if err != nil {
			t.Fatal(err)
		}
		want := l.ReceiptNo // a partial payer keeps the receipt they have
		if want == "" {
			want = next[0]
			next = next[1:]
		}
		found := false
		for _, x := range ds {
			if x.Year != 2026 {
				continue
			}
			found = true
			if x.PaidFen != x.DueFen || x.DueFen != l.DueFen || !x.PaidDate.Equal(paidOn) || x.ReceiptNo != want {
				t.Errorf("%s: stored %+v, want paid %d on %v receipt %s", l.Name, x, l.DueFen, paidOn, want)
			}
		}
		if !found {
			t.Errorf("%s: no 2026 dues row", l.Name)
		}
	}
	after := arrearsIDs(t, a.store(), 2026)
	if len(after) != len(before)-3 {
		t.Fatalf("store.Arrears %d → %d", len(before), len(after))
	}
	if rows(d) != len(after) {
		t.Fatalf("the 欠缴 list shows %d rows, store.Arrears %d", rows(d), len(after))
	}
	for i, id := range after {
		if d.lines[d.shown[i]].MemberID != id {
			t.Fatalf("row %d differs from store.Arrears", i)
		}
	}
	if len(d.checked) != 0 || !d.bulkBtn.Disabled() {
		t.Fatalf("checks left after the payment: %v", d.checked)
	}
}

func TestDuesEditOne(t *testing.T) {
	a, d := openDues(t)
	ctx := context.Background()
	d.filter.SetSelected(duesFilterArrears)
	// an ordinary member who has paid nothing
	row := -1
	for r := range rows(d) {
		if l := d.lines[d.shown[r]]; l.PaidFen == 0 && l.Office == "会员" {
			row = r
			break
		}
	}
	if row < 0 {
		t.Fatal("no unpaid 会员 in the demo")
	}
	l := d.lines[d.shown[row]]
	if !d.payBtn.Disabled() {
		t.Fatal("登记缴费 enabled with nothing selected")
	}
	d.table.Select(row)
	f := tapForm(t, a, d.payBtn, d.onPay)
	if f == nil {
		t.Fatal("登记缴费 opened no form")
	}
	if f.due.Text != data.FormatYuanPlain(l.DueFen) || f.paid.Text != f.due.Text || f.date.Text != "2026-11-20" {
		t.Fatalf("defaults: due %q paid %q date %q", f.due.Text, f.paid.Text, f.date.Text)
	}
	before, err := a.store().DuesOfMember(ctx, l.MemberID)
	if err != nil {
		t.Fatal(err)
	}

	t.Run("ErrInvalidAmountWritesNothing", func(t *testing.T) {
		f.paid.SetText("")
		test.Type(f.paid, "abc")
		if f.paid.Validate() == nil || !strings.HasPrefix(f.msg.Text, "实缴：") {
			t.Fatalf("no inline error: %q", f.msg.Text)
		}
		test.Tap(f.saveBtn)
		after, _ := a.store().DuesOfMember(ctx, l.MemberID)
		if fmt.Sprint(after) != fmt.Sprint(before) || a.win.Canvas().Overlays().Top() == nil {
			t.Fatalf("an invalid amount was written: %+v", after)
		}
	})

	t.Run("ErrPaidOverDue", func(t *testing.T) {
		f.paid.SetText("")
		test.Type(f.paid, "99999")
		test.Tap(f.saveBtn)
		if !strings.Contains(f.msg.Text, "超过应缴") || a.win.Canvas().Overlays().Top() == nil {
			t.Fatalf("overpayment accepted: %q", f.msg.Text)
		}
	})

	half := l.DueFen / 2
	f.paid.SetText("")
	test.Type(f.paid, data.FormatYuanPlain(half))
	f.date.SetText("")
	test.Type(f.date, "2026.11.19")
	test.Type(f.receipt, "QH2026-X01")
	f.note.SetText("")
	test.Type(f.note, "先缴一半")
	if f.msg.Text != "" {
		t.Fatalf("inline error %q", f.msg.Text)
	}
	test.Tap(f.saveBtn)
	if a.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("the form stayed open: %q", f.msg.Text)
	}
	a.wait() // the sheet reloads
	after, err := a.store().DuesOfMember(ctx, l.MemberID)
	if err != nil {
		t.Fatal(err)
	}
	var got data.Dues
	for _, x := range after {
		if x.Year == 2026 {
			got = x
		}
	}
	if got.DueFen != l.DueFen || got.PaidFen != half || !got.PaidDate.Equal(time.Date(2026, 11, 19, 0, 0, 0, 0, time.UTC)) ||
		got.ReceiptNo != "QH2026-X01" || got.Note != "先缴一半" {
		t.Fatalf("stored %+v", got)
	}
	// still owing, so still on the list, now partly paid
	r := d.rowOf(l.MemberID)
	if r < 0 || cellText(d, r, colState) != statePartial || cellText(d, r, colReceipt) != "QH2026-X01" ||
		cellText(d, r, colDate) != "2026年11月19日" {
		t.Fatalf("row %d after saving: %q %q", r, cellText(d, r, colState), cellText(d, r, colReceipt))
	}
}

// TestDuesScreenshot renders the screen and its dialogs, checks each is
// drawn and shows its title, and writes them as PNGs to SHOT_DIR when set.
func TestDuesScreenshot(t *testing.T) {
	a, d := openDues(t)
	w := a.win
	screen := func(name, title string) { t.Helper(); checkShot(t, w, screenRegion(a), name, title) }
	dlg := func(name, title string) { t.Helper(); checkShot(t, w, dialogRegion(t, a), name, title) }
	screen("dues.png", "会费收缴表")
	d.filter.SetSelected(duesFilterArrears)
	for r := range 3 {
		test.Tap(cellCheck(d, r))
	}
	d.table.Select(3)
	screen("dues_arrears.png", "会费收缴表")
	f := tapForm(t, a, d.payBtn, d.onPay)
	dlg("dues_edit.png", "登记缴费")
	f.paid.SetText("abc")
	dlg("dues_edit_error.png", "登记缴费")
	f.dlg.Hide()
	b := tapForm(t, a, d.bulkBtn, d.onBulkPaid)
	dlg("dues_bulk.png", "批量登记已缴")
	b.prefix.SetText("QH2026-")
	dlg("dues_bulk_error.png", "批量登记已缴")
	b.dlg.Hide()
	d.stdEntries[0].SetText("两万")
	test.Tap(d.stdSave)
	screen("dues_standards_error.png", "会费标准")
	w.Resize(fyne.NewSize(1100, 720))
	d.filter.SetSelected(duesFilterAll)
	screen("dues_1100.png", "会费收缴表")
}
