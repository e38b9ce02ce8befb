package ui

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"chamberdesk/data"
)

// openFinance opens the demo chamber on the 财务 screen in 2026.
func openFinance(t *testing.T) (*App, *financeScreen) {
	t.Helper()
	a, f := openDemoOn[*financeScreen](t, "finance", demoClock)
	a.wait() // the journal loads off the UI thread
	if f.year != 2026 || f.yearSel.Year() != 2026 {
		t.Fatalf("year %d %d, want this year 2026", f.year, f.yearSel.Year())
	}
	return a, f
}

// finCell is the text the journal shows in a cell.
func finCell(f *financeScreen, row, col int) string { return f.table.Cell(row, col).Text() }

func ledgerEntries(t *testing.T, s *data.Store, year int) []data.LedgerEntry {
	t.Helper()
	es, err := s.LedgerEntries(context.Background(), year)
	if err != nil {
		t.Fatal(err)
	}
	return es
}

// TestFinanceScreenshot renders the screen and its dialogs, checks each is
// drawn and shows its title, and writes them as PNGs to SHOT_DIR when set.
func TestFinanceScreenshot(t *testing.T) {
	a, f := openFinance(t)
	financeShots(t, a, f, "")
}

// TestFinanceScreenshotEnglish does the same in English, as en/finance*.png.
func TestFinanceScreenshotEnglish(t *testing.T) {
	a := englishApp(t, demoCopy(t))
	a.store().Now = func() time.Time { return demoClock }
	f := openScreen[*financeScreen](t, a, "finance")
	a.wait()
	financeShots(t, a, f, "en/")
}

func financeShots(t *testing.T, a *App, f *financeScreen, prefix string) {
	w := a.win
	screen := func(name, title string) {
		t.Helper()
		checkShot(t, w, screenRegion(a), prefix+name, lang.L(title))
	}
	dlg := func(name, title string) {
		t.Helper()
		checkShot(t, w, dialogRegion(t, a), prefix+name, lang.L(title))
	}
	screen("finance.png", "年末余额")
	form := tapForm(t, a, f.addBtn, f.onAdd)
	dlg("finance_add.png", "记一笔")
	form.amount.SetText("abc")
	dlg("finance_add_error.png", "记一笔")
	form.dlg.Hide()
	f.table.Select(duesRow(t, f))
	f.onEdit()
	dlg("finance_dues_note.png", "前往会费")
	tapOnTop(t, a, "关闭")
	f.onCategories()
	dlg("finance_categories.png", "收支科目")
	tapOnTop(t, a, "关闭")
	a.wait()
	f.onOpening()
	dlg("finance_opening.png", "设置年初余额")
	tapOnTop(t, a, "取消")
	f.onClose()
	dlg("finance_close.png", "结账")
	tapOnTop(t, a, "结账")
	a.wait()
	screen("finance_closed.png", "反结账…")
	f.onReopen()
	dlg("finance_reopen.png", "反结账")
	tapOnTop(t, a, "取消")
	w.Resize(fyne.NewSize(1100, 720))
	screen("finance_1100.png", "年末余额")
}

// fillEntry fills the open form's kind, category, amount and 摘要.
func fillEntry(t *testing.T, form *financeForm, kind, category, amount, note string) {
	t.Helper()
	form.kind.SetValue(kind)
	form.category.SetValue(category)
	if form.category.Value() != category {
		t.Fatalf("category %q not offered for %s: %v", category, kind, form.category.Options)
	}
	form.amount.SetText("")
	test.Type(form.amount, amount)
	form.note.SetText("")
	test.Type(form.note, note)
}

// findEntry is the stored entry of year with note.
func findEntry(t *testing.T, s *data.Store, year int, note string) (data.LedgerEntry, bool) {
	t.Helper()
	for _, e := range ledgerEntries(t, s, year) {
		if e.Note == note {
			return e, true
		}
	}
	return data.LedgerEntry{}, false
}

func TestFinanceAddAndEditEntry(t *testing.T) {
	a, f := openFinance(t)
	ctx := context.Background()
	before := len(ledgerEntries(t, a.store(), 2026))
	form := tapForm(t, a, f.addBtn, f.onAdd)
	if form.date.Text != "2026-11-20" || form.kind.Value() != data.KindIncome {
		t.Fatalf("defaults: date %q kind %q", form.date.Text, form.kind.Value())
	}
	if slices.Contains(form.category.Values(), data.DuesCategory) {
		t.Fatalf("a new entry offers 会费: %v", form.category.Values())
	}
	if form.handler.ActionItem == nil {
		t.Fatal("the year's handlers are not offered")
	}
	fillEntry(t, form, data.KindSpending, "办公费", "1,234.56", "购买打印纸")
	test.Type(form.handler, "王会计")
	test.Type(form.voucher, "记-2026-031")
	m := aDemoMember(t, a)
	test.Type(form.memberSearch, m.Name)
	if form.member.Value() != strconv.FormatInt(m.ID, 10) {
		t.Fatalf("searching %q picks %q of %v", m.Name, form.member.Value(), form.member.Options)
	}
	if form.msg.Text != "" {
		t.Fatalf("inline error %q", form.msg.Text)
	}
	test.Tap(form.saveBtn)
	if topOverlay(a) != nil {
		t.Fatalf("the form stayed open: %q", form.msg.Text)
	}
	a.wait()
	got, ok := findEntry(t, a.store(), 2026, "购买打印纸")
	if !ok || len(ledgerEntries(t, a.store(), 2026)) != before+1 {
		t.Fatal("the entry was not stored")
	}
	want := data.LedgerEntry{ID: got.ID, Date: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC), Kind: data.KindSpending,
		Category: "办公费", Fen: 123456, Note: "购买打印纸", Handler: "王会计", Voucher: "记-2026-031",
		MemberID: m.ID, Source: data.SourceManual}
	if got != want {
		t.Fatalf("stored %+v\nwant   %+v", got, want)
	}
	// the new entry is selected and shown with its amount and running balance
	r := f.rowOf(got.ID)
	if r < 0 || f.table.Selected() != r || finCell(f, r, finSpending) != "1234.56" || finCell(f, r, finIncome) != "" {
		t.Fatalf("row %d selected %d: %q", r, f.table.Selected(), finCell(f, r, finSpending))
	}
	bal, err := a.store().LedgerBalance(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if last := len(f.shown) - 1; finCell(f, last, finBalance) != data.FormatYuanPlain(bal.ClosingFen) {
		t.Fatalf("last running balance %q, closing %d", finCell(f, last, finBalance), bal.ClosingFen)
	}

	// editing: double tap opens the form on it
	f.table.Select(r)
	edit := f.onEdit()
	if edit == nil || edit.amount.Text != "1234.56" || edit.category.Value() != "办公费" || edit.member.Value() != strconv.FormatInt(m.ID, 10) {
		t.Fatal("编辑 did not open the entry as stored")
	}
	edit.amount.SetText("")
	test.Type(edit.amount, "￥200")
	edit.category.SetValue("会议费")
	test.Tap(edit.saveBtn)
	a.wait()
	changed, err := a.store().LedgerEntry(ctx, got.ID)
	if err != nil {
		t.Fatal(err)
	}
	if changed.Fen != 20000 || changed.Category != "会议费" || changed.Note != "购买打印纸" {
		t.Fatalf("after editing: %+v", changed)
	}
	log, err := a.store().Changes(ctx, "ledger", got.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != 2 || log[0].Action != "update" || log[1].Action != "insert" {
		t.Fatalf("change log %+v", log)
	}
	diff, _ := log[0].Detail["changed"].(map[string]any)
	if amt, _ := diff["amount"].([]any); len(amt) != 2 || amt[0] != "1234.56" || amt[1] != "200" {
		t.Fatalf("the log's amount change %v", diff)
	}
}

func TestFinanceBadAmountWritesNothing(t *testing.T) {
	a, f := openFinance(t)
	before := ledgerEntries(t, a.store(), 2026)
	form := f.onAdd()
	fillEntry(t, form, data.KindSpending, "差旅费", "一千二", "去市里开会")
	if form.amount.Validate() == nil || !strings.HasPrefix(form.msg.Text, "金额：") {
		t.Fatalf("no inline error for a bad amount: %q", form.msg.Text)
	}
	test.Tap(form.saveBtn)
	if topOverlay(a) == nil {
		t.Fatal("the form closed on a bad amount")
	}
	for _, bad := range []string{"0", "-5", ""} {
		form.amount.SetText(bad)
		test.Tap(form.saveBtn)
		if form.msg.Text == "" || topOverlay(a) == nil {
			t.Fatalf("amount %q accepted", bad)
		}
	}
	form.date.SetText("2026-13-45")
	test.Tap(form.saveBtn)
	if !strings.HasPrefix(form.msg.Text, "日期：") {
		t.Fatalf("bad date: %q", form.msg.Text)
	}
	a.wait()
	if after := ledgerEntries(t, a.store(), 2026); !slices.Equal(after, before) {
		t.Fatalf("%d entries before, %d after", len(before), len(after))
	}
}

// duesRow is the first row of a dues payment.
func duesRow(t *testing.T, f *financeScreen) int {
	t.Helper()
	for r, i := range f.shown {
		if f.entries[i].Source == data.SourceDues {
			return r
		}
	}
	t.Fatal("no dues payment in the journal")
	return -1
}

func TestFinanceDuesEntryIsChangedOnDues(t *testing.T) {
	a, f := openFinance(t)
	before := ledgerEntries(t, a.store(), 2026)
	r := duesRow(t, f)
	if finCell(f, r, finSource) != "会费收缴" || finCell(f, r, finCategory) != "会费" {
		t.Fatalf("a dues row shows %q %q", finCell(f, r, finSource), finCell(f, r, finCategory))
	}
	f.table.Select(r)
	if !f.delBtn.Disabled() || f.editBtn.Disabled() {
		t.Fatalf("dues row: delete enabled %v, edit enabled %v", !f.delBtn.Disabled(), !f.editBtn.Disabled())
	}
	f.table.OnDoubleTapped(r)
	if !dialogSays(a, "请在「会费」页修改") {
		t.Fatalf("double tap on a dues row shows %q", topTexts(a))
	}
	if got := f.onEdit(); got != nil {
		t.Fatal("a form opened for a dues payment")
	}
	tapOnTop(t, a, "前往会费")
	if a.current() != "dues" {
		t.Fatalf("前往会费 shows %q", a.current())
	}
	if after := ledgerEntries(t, a.store(), 2026); !slices.Equal(after, before) {
		t.Fatal("the journal changed")
	}
}

func TestFinanceClosedYear(t *testing.T) {
	a, f := openFinance(t)
	ctx := context.Background()
	// a manual entry to try to change once closed
	id, err := a.store().SaveLedgerEntry(ctx, data.LedgerEntry{Date: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC),
		Kind: data.KindSpending, Category: "办公费", Fen: 5000, Note: "墨盒"})
	if err != nil {
		t.Fatal(err)
	}
	f.refresh()
	a.wait()
	if f.onClose() == nil {
		t.Fatal("结账 opened nothing")
	}
	tapOnTop(t, a, "结账")
	a.wait()
	bal, err := a.store().LedgerBalance(ctx, 2026)
	if err != nil || !bal.Closed {
		t.Fatalf("not closed in the store: %v", err)
	}
	if !f.addBtn.Disabled() || !f.openingBtn.Disabled() ||
		!strings.Contains(f.state.Text, "已结账（") || !strings.Contains(f.state.Text, "请先反结账") {
		t.Fatalf("closed year: add enabled %v, state %q", !f.addBtn.Disabled(), f.state.Text)
	}
	f.table.Select(f.rowOf(id))
	if !f.delBtn.Disabled() || !f.editBtn.Disabled() || f.onEdit() != nil || f.onAdd() != nil {
		t.Fatal("a closed year's entry can be changed")
	}
	if f.closeBtn.Text != "反结账…" {
		t.Fatalf("close button %q", f.closeBtn.Text)
	}

	// 反结账 needs a reason
	y := f.onReopen()
	test.Tap(y.ok)
	if !strings.Contains(y.msg.Text, "请写明反结账的原因") || topOverlay(a) == nil {
		t.Fatalf("reopened without a reason: %q", y.msg.Text)
	}
	if bal, _ := a.store().LedgerBalance(ctx, 2026); !bal.Closed {
		t.Fatal("reopened without a reason")
	}
	var entry *formEntry
	walk(topOverlay(a), func(o fyne.CanvasObject) {
		if e, ok := o.(*formEntry); ok && entry == nil {
			entry = e
		}
	})
	test.Type(entry, "补记利息")
	test.Tap(y.ok)
	a.wait()
	if bal, _ := a.store().LedgerBalance(ctx, 2026); bal.Closed {
		t.Fatal("still closed")
	}
	log, err := a.store().Changes(ctx, "ledger_year", 2026)
	if err != nil || len(log) == 0 {
		t.Fatalf("no log: %v", err)
	}
	if diff, _ := log[0].Detail["changed"].(map[string]any); fmt.Sprint(diff["reopen_reason"]) != "[ 补记利息]" {
		t.Fatalf("log %v", log[0].Detail)
	}
	if f.addBtn.Disabled() || !strings.Contains(f.state.Text, "未结账") {
		t.Fatal("reopened year still refuses changes")
	}
}
