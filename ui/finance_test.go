package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"

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
	w := a.win
	screen := func(name, title string) { t.Helper(); checkShot(t, w, screenRegion(a), name, title) }
	dlg := func(name, title string) { t.Helper(); checkShot(t, w, dialogRegion(t, a), name, title) }
	screen("finance.png", "年末余额")
	form := tapForm(t, a, f.addBtn, f.onAdd)
	dlg("finance_add.png", "记一笔")
	form.amount.SetText("abc")
	dlg("finance_add_error.png", "记一笔")
	form.dlg.Hide()
	f.onCategories()
	dlg("finance_categories.png", "收支科目")
	tapOnTop(t, a, "关闭")
	a.wait()
	f.onClose()
	dlg("finance_close.png", "结账")
	tapOnTop(t, a, "结账")
	a.wait()
	screen("finance_closed.png", "已结账")
	f.onReopen()
	dlg("finance_reopen.png", "反结账")
	tapOnTop(t, a, "取消")
	w.Resize(fyne.NewSize(1100, 720))
	screen("finance_1100.png", "年末余额")
}
