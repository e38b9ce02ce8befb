package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
)

// cardsShow checks the four cards against the store's balance.
func cardsShow(t *testing.T, a *App, f *financeScreen, year int) data.LedgerBalance {
	t.Helper()
	b, err := a.store().LedgerBalance(context.Background(), year)
	if err != nil {
		t.Fatal(err)
	}
	for i, fen := range []int64{b.OpeningFen, b.IncomeFen, b.SpendingFen, b.ClosingFen} {
		v, u := moneyParts(fen)
		if got := f.cards[i].Figure(); got.Value != v || got.Unit != u {
			t.Errorf("card %d %q shows %s%s, store %d fen", i, got.Name, got.Value, got.Unit, fen)
		}
	}
	return b
}

func TestFinanceCardsAndOpening(t *testing.T) {
	a, f := openFinance(t)
	ctx := context.Background()
	b := cardsShow(t, a, f, 2026)
	if b.IncomeFen == 0 || b.OpeningFen == 0 {
		t.Fatalf("the demo's 2026: %+v", b)
	}
	if _, err := a.store().SaveLedgerEntry(ctx, data.LedgerEntry{Date: time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC),
		Kind: data.KindSpending, Category: "会议费", Fen: 10, Note: "茶水"}); err != nil {
		t.Fatal(err)
	}
	f.refresh()
	a.wait()
	cardsShow(t, a, f, 2026)
	if f.warning.Text != "" {
		t.Fatalf("a carried opening warns: %q", f.warning.Text)
	}

	// a typed-in opening that differs from last year's closing warns
	y := f.onOpening()
	var carry *widget.Check
	walk(topOverlay(a), func(o fyne.CanvasObject) {
		if c, ok := o.(*widget.Check); ok {
			carry = c
		}
	})
	carry.SetChecked(false)
	var amount *formEntry
	walk(topOverlay(a), func(o fyne.CanvasObject) {
		if e, ok := o.(*formEntry); ok {
			amount = e
		}
	})
	amount.SetText("")
	test.Type(amount, "1万元")
	test.Tap(y.ok)
	a.wait()
	b = cardsShow(t, a, f, 2026)
	if !b.OpeningSet || b.OpeningFen != 1000000 {
		t.Fatalf("opening stored %+v", b)
	}
	if !strings.Contains(f.warning.Text, "不一致") || f.cards[cardOpening].Figure().Note != "手工设定" {
		t.Fatalf("warning %q", f.warning.Text)
	}
}

func TestFinanceFilters(t *testing.T) {
	a, f := openFinance(t)
	ctx := context.Background()
	for i, c := range []string{"办公费", "差旅费", "办公费"} {
		if _, err := a.store().SaveLedgerEntry(ctx, data.LedgerEntry{Date: time.Date(2026, 6, i+1, 0, 0, 0, 0, time.UTC),
			Kind: data.KindSpending, Category: c, Fen: int64(100 * (i + 1)), Note: fmt.Sprintf("支出%d", i),
			Voucher: fmt.Sprintf("付-%d", i), Handler: "李出纳"}); err != nil {
			t.Fatal(err)
		}
	}
	f.refresh()
	a.wait()
	all := ledgerEntries(t, a.store(), 2026)
	count := func(keep func(data.LedgerEntry) bool) int {
		n := 0
		for _, e := range all {
			if keep(e) {
				n++
			}
		}
		return n
	}
	if len(f.shown) != len(all) {
		t.Fatalf("%d rows, %d entries", len(f.shown), len(all))
	}
	f.kindFilter.SetValue(data.KindSpending)
	if n := count(func(e data.LedgerEntry) bool { return e.Kind == data.KindSpending }); len(f.shown) != n || n < 3 {
		t.Fatalf("支出 shows %d rows, %d stored", len(f.shown), n)
	}
	f.catFilter.SetValue("办公费")
	if n := count(func(e data.LedgerEntry) bool { return e.Category == "办公费" }); len(f.shown) != n || n < 2 {
		t.Fatalf("办公费 shows %d rows, %d stored", len(f.shown), n)
	}
	for r := range f.shown {
		if finCell(f, r, finCategory) != "办公费" || finCell(f, r, finSpending) == "" {
			t.Fatalf("办公费 row %d: %q %q", r, finCell(f, r, finCategory), finCell(f, r, finSpending))
		}
	}
	f.catFilter.SetSelectedIndex(0)
	f.kindFilter.SetValue(data.KindIncome)
	if n := count(func(e data.LedgerEntry) bool { return e.Kind == data.KindIncome }); len(f.shown) != n {
		t.Fatalf("收入 shows %d rows, %d stored", len(f.shown), n)
	}
	f.kindFilter.SetValue(kindAll)
	f.srcFilter.SetValue(data.SourceDues)
	if n := count(func(e data.LedgerEntry) bool { return e.Source == data.SourceDues }); len(f.shown) != n || n == 0 {
		t.Fatalf("会费收缴 shows %d rows, %d stored", len(f.shown), n)
	}
	f.srcFilter.SetValue(data.SourceManual)
	if n := count(func(e data.LedgerEntry) bool { return e.Source == data.SourceManual }); len(f.shown) != n || n < 3 {
		t.Fatalf("手工录入 shows %d rows, %d stored", len(f.shown), n)
	}
	f.srcFilter.SetSelectedIndex(0)
	test.Type(f.search, "付-1")
	if len(f.shown) != 1 || finCell(f, 0, finNote) != "支出1" {
		t.Fatalf("search by voucher: %d rows", len(f.shown))
	}
	f.search.SetText("李出纳")
	if n := count(func(e data.LedgerEntry) bool { return e.Handler == "李出纳" }); len(f.shown) != n || n != 3 || !strings.HasPrefix(f.totals.Text, "当前列表 3 笔") {
		t.Fatalf("search by handler: %d rows, %q", len(f.shown), f.totals.Text)
	}
	// the running balance stays the journal's, whatever is listed
	last := f.shown[len(f.shown)-1]
	if finCell(f, 2, finBalance) != data.FormatYuanPlain(f.running[last]) {
		t.Fatal("running balance differs when filtered")
	}
}

func TestFinanceCategories(t *testing.T) {
	a, f := openFinance(t)
	ctx := context.Background()
	c := f.onCategories()
	c.kind.SetValue(data.KindSpending)
	test.Type(c.name, "宣传费")
	test.Tap(c.add)
	cats, err := a.store().LedgerCategories(ctx)
	if err != nil || !slices.Contains(cats, data.LedgerCategory{Kind: data.KindSpending, Name: "宣传费"}) {
		t.Fatalf("宣传费 not added: %v", cats)
	}
	c.onRemove(data.LedgerCategory{Kind: data.KindIncome, Name: data.DuesCategory})
	if !strings.Contains(c.msg.Text, "不能删除") {
		t.Fatalf("removing 会费: %q", c.msg.Text)
	}
	dismissTop(t, a) // the store's message
	c.onRemove(data.LedgerCategory{Kind: data.KindSpending, Name: "宣传费"})
	if cats, _ := a.store().LedgerCategories(ctx); slices.Contains(cats, data.LedgerCategory{Kind: data.KindSpending, Name: "宣传费"}) {
		t.Fatal("an unused category was not removed")
	}
	tapOnTop(t, a, "关闭")
	a.wait()
	if !slices.Contains(f.catFilter.Values(), "办公费") {
		t.Fatalf("category filter %v", f.catFilter.Values())
	}
}

func TestFinanceDelete(t *testing.T) {
	a, f := openFinance(t)
	ctx := context.Background()
	id, err := a.store().SaveLedgerEntry(ctx, data.LedgerEntry{Date: time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC),
		Kind: data.KindIncome, Category: "利息", Fen: 321, Note: "活期利息"})
	if err != nil {
		t.Fatal(err)
	}
	f.refresh()
	a.wait()
	f.table.Select(f.rowOf(id))
	test.Tap(f.delBtn)
	tapOnTop(t, a, "删除")
	a.wait()
	if _, err := a.store().LedgerEntry(ctx, id); !data.IsCode(err, data.CodeNotFound) {
		t.Fatalf("entry still there: %v", err)
	}
	if f.rowOf(id) >= 0 {
		t.Fatal("the deleted entry is still listed")
	}
}

// TestFinanceEnglish: in English the screen's own words, the cards, the
// filters and the form have no Chinese; only what secretaries typed (摘要,
// names) stays as written.
func TestFinanceEnglish(t *testing.T) {
	a := englishApp(t, demoCopy(t))
	a.store().Now = func() time.Time { return demoClock }
	f := openScreen[*financeScreen](t, a, "finance")
	a.wait()
	// everything drawn but the journal's cells, whose 摘要 and names are data
	words := strings.Split(texts(container.NewVBox(f.state, f.totals, f.addBtn, f.editBtn, f.delBtn,
		f.catsBtn, f.openingBtn, f.closeBtn, f.kindFilter, f.catFilter, f.srcFilter)), "\n")
	for _, c := range f.cards {
		fig := c.Figure()
		words = append(words, fig.Name, fig.Value, fig.Unit, fig.Note)
	}
	words = append(words, f.catFilter.Options...)
	words = append(words, f.srcFilter.Options...)
	words = append(words, f.search.PlaceHolder)
	for _, col := range f.table.Columns() {
		words = append(words, col.Title)
	}
	for r := range len(f.shown) {
		for _, col := range []int{finDate, finCategory, finIncome, finSpending, finBalance, finSource} {
			words = append(words, finCell(f, r, col))
		}
	}
	form := f.onAdd()
	words = append(words, strings.Split(topTexts(a), "\n")...)
	words = append(words, form.category.Options...)
	words = append(words, form.kind.Options...)
	form.amount.SetText("abc")
	words = append(words, form.msg.Text)
	for _, w := range words {
		if hasHan(w) {
			t.Errorf("%q is Chinese in English", w)
		}
	}
	if !strings.Contains(form.msg.Text, "Amount: ") {
		t.Fatalf("English inline error %q", form.msg.Text)
	}
}

// TestFinanceOtherYear: picking the demo's 2025, which is closed, shows
// its balance and refuses changes; an entry dated in it is refused too.
func TestFinanceOtherYear(t *testing.T) {
	a, f := openFinance(t)
	if !slices.Contains(f.yearSel.Years(), 2025) {
		t.Fatalf("years %v", f.yearSel.Years())
	}
	f.yearSel.SetSelected(yearText(2025))
	a.wait()
	if f.year != 2025 {
		t.Fatalf("showing %d", f.year)
	}
	b := cardsShow(t, a, f, 2025)
	if !b.Closed || !f.addBtn.Disabled() || !strings.Contains(f.state.Text, "请先反结账") || len(f.entries) != b.Entries {
		t.Fatalf("2025: closed %v, add enabled %v, %d rows for %d entries", b.Closed, !f.addBtn.Disabled(), len(f.entries), b.Entries)
	}
	// back in 2026, an entry dated in 2025 is refused by the store
	f.yearSel.SetSelected(yearText(2026))
	a.wait()
	before := ledgerEntries(t, a.store(), 2025)
	form := f.onAdd()
	fillEntry(t, form, data.KindSpending, "办公费", "10", "补记去年的账")
	form.date.SetText("2025-12-30")
	test.Tap(form.saveBtn)
	if !strings.Contains(form.msg.Text, "已结账") {
		t.Fatalf("a closed year's date: %q", form.msg.Text)
	}
	dismissTop(t, a) // the store's message over the form
	if topOverlay(a) == nil {
		t.Fatal("the form closed")
	}
	if after := ledgerEntries(t, a.store(), 2025); !slices.Equal(after, before) {
		t.Fatal("an entry went into a closed year")
	}
}
