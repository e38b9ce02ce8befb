package data_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"chamberdesk/data"
	"chamberdesk/data/datatest"
)

// journal builds rows of one sheet whose columns are keys, in order, from
// column A; each row gives the cells in the same order ("" is blank).
func journal(keys []string, first int, cells ...[]string) []data.JournalRow {
	where := map[string]string{}
	for i, k := range keys {
		where[k] = string(rune('A' + i))
	}
	var out []data.JournalRow
	for i, c := range cells {
		r := data.JournalRow{File: "流水账.xlsx", Row: first + i, Cols: map[string]string{}, Where: where}
		for j, v := range c {
			if v != "" {
				r.Cols[keys[j]] = v
			}
		}
		out = append(out, r)
	}
	return out
}

var inOutKeys = []string{data.JColDate, data.JColVoucher, data.JColNote, data.JColIncome, data.JColSpending,
	data.JColBalance, data.JColCategory, data.JColHandler}

// ledgerSums reads the entries' count and sums by kind with SQL.
func ledgerSums(t *testing.T, s *data.Store) (n int, in, out int64) {
	t.Helper()
	err := s.DB().QueryRow(`SELECT count(*),
		COALESCE(SUM(CASE WHEN kind = '收入' THEN amount_fen END), 0),
		COALESCE(SUM(CASE WHEN kind = '支出' THEN amount_fen END), 0) FROM ledger_entries`).Scan(&n, &in, &out)
	if err != nil {
		t.Fatal(err)
	}
	return n, in, out
}

func problems(t *testing.T, err error) data.Errors {
	t.Helper()
	var es data.Errors
	if !errors.As(err, &es) {
		t.Fatalf("err = %v; want data.Errors", err)
	}
	for _, e := range es {
		if e.File == "" || e.Row == 0 || e.Msg == "" || e.MsgEN == "" || e.Field == "" {
			t.Errorf("problem without its place or words: %+v", e)
		}
	}
	return es
}

func TestImportJournalInOutColumns(t *testing.T) {
	ctx := context.Background()
	s := datatest.MustOpen(t)
	rows := journal(inOutKeys, 3,
		[]string{"", "", "上年结转", "", "", "1,000.00", "", ""},
		[]string{"2025-03-05", "记001", "收 3月会费 王伟", "1,200.00", "", "2,200.00", "会费", "李会计"},
		[]string{"2025/3/6", "记002", "购买打印纸", "", "￥150", "2050", "办公费", "张三"},
		[]string{"2025.3.7", "", "理事会茶歇", "0", "85.5元", "1964.5", "招待费", ""},
		[]string{"2025年3月8日", "记003", "区工商联补助", "0.5万", "", "6964.50", "", ""},
		[]string{"20250309", "", "银行利息", "１２.３", "", "6976.80", "利息", ""},
		[]string{"", "", "本月合计", "6212.30", "235.50", "6976.80", "", ""},
	)
	rows[0].Skip, rows[0].Opening = "期初余额 / opening balance", true
	rows[6].Skip = "合计行 / total row"
	for _, dry := range []bool{true, false} {
		rep, err := s.ImportJournal(ctx, rows, dry)
		if err != nil {
			t.Fatalf("dry %v: %v", dry, err)
		}
		if rep.Added != 5 || rep.Unchanged != 0 || rep.Skipped != 2 || rep.IncomeFen != 621230 || rep.SpendingFen != 23550 {
			t.Fatalf("dry %v: %+v", dry, rep)
		}
		n, _, _ := ledgerSums(t, s)
		if want := map[bool]int{true: 0, false: 5}[dry]; n != want {
			t.Fatalf("dry %v: %d entries stored, want %d", dry, n, want)
		}
	}
	es, err := s.LedgerEntries(ctx, 2025)
	if err != nil || len(es) != 5 {
		t.Fatalf("%d entries, %v", len(es), err)
	}
	want := []struct {
		date, kind, cat string
		fen             int64
		voucher         string
	}{
		{"2025-03-05", "收入", "会费", 120000, "记001"},
		{"2025-03-06", "支出", "办公费", 15000, "记002"},
		{"2025-03-07", "支出", "其他支出", 8550, ""},
		{"2025-03-08", "收入", "其他收入", 500000, "记003"},
		{"2025-03-09", "收入", "利息", 1230, ""},
	}
	for i, w := range want {
		e := es[i]
		if data.FormatDateISO(e.Date) != w.date || e.Kind != w.kind || e.Category != w.cat || e.Fen != w.fen ||
			e.Voucher != w.voucher || e.Source != data.SourceImport || e.ImportKey == "" {
			t.Errorf("entry %d: %+v; want %+v", i, e, w)
		}
	}
	if es[0].Handler != "李会计" || es[0].Note != "收 3月会费 王伟" {
		t.Errorf("handler and note: %+v", es[0])
	}
	// The report says where the 科目 that is not a category went.
	rep, err := s.ImportJournal(ctx, rows, true)
	if err != nil {
		t.Fatal(err)
	}
	var notes []string
	for _, l := range rep.Lines {
		notes = append(notes, fmt.Sprintf("%d %s %s", l.Row, l.Action, l.Note))
	}
	got := strings.Join(notes, "\n")
	for _, w := range []string{"3 跳过 期初余额", "6 未变 「招待费」不是支出科目，记入「其他支出」", "7 未变 未填科目，记入「其他收入」", "9 跳过 合计行"} {
		if !strings.Contains(got, w) {
			t.Errorf("lines lack %q:\n%s", w, got)
		}
	}
	var logged int
	s.DB().QueryRow(`SELECT count(*) FROM change_log WHERE entity = 'ledger' AND action = 'insert'`).Scan(&logged)
	if logged != 5 {
		t.Errorf("%d change-log rows, want 5", logged)
	}
}

func TestImportJournalAmountAndDirection(t *testing.T) {
	ctx := context.Background()
	keys := []string{data.JColDate, data.JColNote, data.JColAmount, data.JColDirection, data.JColBalance}
	t.Run("DirectionColumn", func(t *testing.T) {
		s := datatest.MustOpen(t)
		rows := journal(keys, 2,
			[]string{"2025-01-02", "会费", "500", "收", "500"},
			[]string{"2025-01-03", "场地", "200", "支出", "300"},
			[]string{"2025-01-04", "捐款", "1,000", "借方", "1300"},
			[]string{"2025-01-05", "餐费", "100", "贷", "1200"},
			[]string{"2025-01-06", "退款", "20", "收入", "1220"},
			[]string{"2025-01-07", "邮费", "12", "贷方", "1208"},
		)
		rep, err := s.ImportJournal(ctx, rows, false)
		if err != nil {
			t.Fatal(err)
		}
		if n, in, out := ledgerSums(t, s); rep.Added != 6 || n != 6 || in != 152000 || out != 31200 {
			t.Fatalf("%+v; stored %d entries, income %d, spending %d", rep, n, in, out)
		}
	})
	t.Run("SignedAmountWithoutDirection", func(t *testing.T) {
		s := datatest.MustOpen(t)
		k := []string{data.JColDate, data.JColNote, data.JColAmount}
		rows := journal(k, 2,
			[]string{"2025-01-02", "会费", "500"},
			[]string{"2025-01-03", "场地", "-200"},
			[]string{"2025-01-04", "印刷", "￥-35.5"},
		)
		if _, err := s.ImportJournal(ctx, rows, false); err != nil {
			t.Fatal(err)
		}
		if n, in, out := ledgerSums(t, s); n != 3 || in != 50000 || out != 23550 {
			t.Fatalf("stored %d entries, income %d, spending %d", n, in, out)
		}
	})
	t.Run("ErrBadCells", func(t *testing.T) {
		s := datatest.MustOpen(t)
		rows := journal(keys, 2,
			[]string{"2025-01-02", "会费", "-500", "收", ""},
			[]string{"2025-01-03", "场地", "200", "转账", ""},
			[]string{"2025-01-04", "", "", "支", ""},
			[]string{"2025-13-01", "x", "1,5", "支", ""},
			[]string{"", "无日期", "10", "支", ""},
		)
		es := problems(t, mustFail(t, s, rows))
		var got []string
		for _, e := range es {
			got = append(got, fmt.Sprintf("%d%s %s", e.Row, e.Col, e.Field))
		}
		want := "2C 金额|3D 收支|4C 金额|5A 日期|5C 金额|6A 日期"
		if strings.Join(got, "|") != want {
			t.Fatalf("problems %v; want %s", got, want)
		}
	})
	t.Run("ErrInOutBothOrNeither", func(t *testing.T) {
		s := datatest.MustOpen(t)
		rows := journal(inOutKeys, 2,
			[]string{"2025-01-02", "", "两栏都填", "10", "5", "", "", ""},
			[]string{"2025-01-03", "", "都没填", "0.00", "", "", "", ""},
			[]string{"2025-01-04", "", "负数", "-3", "", "", "", ""},
		)
		es := problems(t, mustFail(t, s, rows))
		if len(es) != 3 || es[0].Col != "E" || es[1].Col != "D" || es[2].Col != "D" || es[2].Field != "收入" {
			t.Fatalf("%v", es)
		}
	})
}

func mustFail(t *testing.T, s *data.Store, rows []data.JournalRow) error {
	t.Helper()
	_, err := s.ImportJournal(context.Background(), rows, false)
	if err == nil {
		t.Fatal("bad journal imported")
	}
	if n, _, _ := ledgerSums(t, s); n != 0 {
		t.Fatalf("a refused import stored %d entries", n)
	}
	return err
}

// TestImportJournalDates: every spelling the roster takes, and Excel
// serials.
func TestImportJournalDates(t *testing.T) {
	ctx := context.Background()
	s := datatest.MustOpen(t)
	serial := fmt.Sprint(data.ExcelSerial(time.Date(2025, 3, 5, 0, 0, 0, 0, time.UTC)))
	spellings := []string{"2025-03-05", "2025-3-5", "2025/3/5", "2025.3.5", "2025年3月5日", "2025 年 3 月 5 日",
		"20250305", serial, serial + ".0", "2025-03-05 00:00:00", "２０２５－０３－０５", "2025年3月5号"}
	var cells [][]string
	for i, d := range spellings {
		cells = append(cells, []string{d, "", fmt.Sprint("第", i, "笔"), "1", "", "", "", ""})
	}
	rep, err := s.ImportJournal(ctx, journal(inOutKeys, 2, cells...), false)
	if err != nil || rep.Added != len(spellings) {
		t.Fatalf("%+v %v", rep, err)
	}
	var n int
	s.DB().QueryRow(`SELECT count(*) FROM ledger_entries WHERE date = '2025-03-05'`).Scan(&n)
	if n != len(spellings) {
		t.Fatalf("%d of %d entries dated 2025-03-05", n, len(spellings))
	}
}

func TestImportJournalBalance(t *testing.T) {
	ctx := context.Background()
	s := datatest.MustOpen(t)
	rows := journal(inOutKeys, 4,
		[]string{"", "", "承前页", "", "", "100", "", ""},
		[]string{"2025-02-01", "", "a", "50", "", "150", "", ""},
		[]string{"2025-02-02", "", "b", "", "30", "", "", ""},    // no balance: carried on
		[]string{"2025-02-03", "", "c", "", "20", "110", "", ""}, // 150 - 30 - 20 = 100, not 110
		[]string{"2025-02-04", "", "d", "10", "", "999", "", ""}, // also wrong: not reported
	)
	rows[0].Skip, rows[0].Opening = "承前页", true
	es := problems(t, mustFail(t, s, rows))
	if len(es) != 1 {
		t.Fatalf("%d problems, want the first break only: %v", len(es), es)
	}
	e := es[0]
	if e.Row != 7 || e.Col != "F" || e.Field != "余额" || e.Value != "110" || e.Code != data.CodeJournalBalance ||
		!strings.Contains(e.Msg, "应为 100 元") || !strings.Contains(e.Msg, "表中为 110 元") ||
		!strings.Contains(e.MsgEN, "expected 100 yuan") || !strings.Contains(e.MsgEN, "found 110 yuan") {
		t.Fatalf("%+v", e)
	}
	// Fixed, the journal imports; the first balance of a journal without an
	// opening row starts the check.
	rows[3].Cols[data.JColBalance], rows[4].Cols[data.JColBalance] = "100", "110"
	if _, err := s.ImportJournal(ctx, rows, true); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ImportJournal(ctx, rows[1:], true); err != nil {
		t.Fatal(err)
	}
	rows[1].Cols[data.JColBalance] = "140" // an opening of 100 and +50 is 150
	if e := problems(t, mustFail(t, s, rows)); len(e) != 1 || e[0].Row != 5 {
		t.Fatalf("%v", e)
	}
}

// TestImportJournalBadRowWritesNothing: a journal with one bad row among
// good ones leaves the data file byte for byte as it was.
func TestImportJournalBadRowWritesNothing(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(datatest.TempDir(t), "j.db")
	s := datatest.MustOpenPath(t, path)
	if _, err := s.ImportJournal(ctx, journal(inOutKeys, 2,
		[]string{"2025-01-02", "", "旧账", "10", "", "", "", ""}), false); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before := fileSum(t, path)
	s = datatest.MustOpenPath(t, path)
	rows := journal(inOutKeys, 2,
		[]string{"2025-01-05", "", "好的一行", "10", "", "", "", ""},
		[]string{"2025-01-06", "", "坏的一行", "十元", "", "", "", ""},
		[]string{"2025-01-07", "", "又一行好的", "", "3", "", "", ""},
	)
	es := problems(t, mustFailOn(t, s, rows))
	if len(es) != 1 || es[0].Row != 3 || es[0].Col != "D" || es[0].Value != "十元" || es[0].File != "流水账.xlsx" {
		t.Fatalf("%+v", es)
	}
	s.Close()
	if fileSum(t, path) != before {
		t.Fatal("a refused import changed the data file")
	}
	if n := importBackups(t, path); n != 1 { // the first import's
		t.Fatalf("%d import backups; a refused import takes none", n)
	}
}

func mustFailOn(t *testing.T, s *data.Store, rows []data.JournalRow) error {
	t.Helper()
	_, err := s.ImportJournal(context.Background(), rows, false)
	if err == nil {
		t.Fatal("bad journal imported")
	}
	return err
}

// TestImportJournalReimport: the same file again adds nothing and changes
// nothing; identical rows of one file stay separate entries.
func TestImportJournalReimport(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(datatest.TempDir(t), "r.db")
	s := datatest.MustOpenPath(t, path)
	rows := journal(inOutKeys, 2,
		[]string{"2025-04-01", "", "矿泉水", "", "20", "", "办公费", ""},
		[]string{"2025-04-01", "", "矿泉水", "", "20", "", "办公费", ""},
		[]string{"2025-04-02", "记9", "会费", "300", "", "", "会费", ""},
	)
	rep, err := s.ImportJournal(ctx, rows, false)
	if err != nil || rep.Added != 3 {
		t.Fatalf("%+v %v", rep, err)
	}
	if len(rep.Warnings) != 1 || rep.Warnings[0].Row != 3 || !rep.Warnings[0].Warning || rep.Warnings[0].MsgEN == "" {
		t.Fatalf("warnings %v", rep.Warnings)
	}
	n1, in1, out1 := ledgerSums(t, s)
	var logs1 int
	s.DB().QueryRow(`SELECT count(*) FROM change_log`).Scan(&logs1)
	rep, err = s.ImportJournal(ctx, rows, false)
	if err != nil || rep.Added != 0 || rep.Unchanged != 3 {
		t.Fatalf("re-import: %+v %v", rep, err)
	}
	for _, l := range rep.Lines {
		if l.Action != data.ActionUnchanged || l.Entry.ID == 0 {
			t.Errorf("line %+v", l)
		}
	}
	n2, in2, out2 := ledgerSums(t, s)
	var logs2 int
	s.DB().QueryRow(`SELECT count(*) FROM change_log`).Scan(&logs2)
	if n1 != 3 || n2 != n1 || in2 != in1 || out2 != out1 || out1 != 4000 || logs2 != logs1 {
		t.Fatalf("before %d/%d/%d log %d, after %d/%d/%d log %d", n1, in1, out1, logs1, n2, in2, out2, logs2)
	}
	if n := importBackups(t, path); n != 1 {
		t.Fatalf("%d import backups; an import that adds nothing takes none", n)
	}
	// A third identical row is one new entry; an edited entry keeps its key.
	rows = append(rows, rows[0])
	rows[3].Row = 5
	if rep, err := s.ImportJournal(ctx, rows, false); err != nil || rep.Added != 1 || rep.Unchanged != 3 {
		t.Fatalf("%+v %v", rep, err)
	}
}

func TestImportJournalFenSums(t *testing.T) {
	ctx := context.Background()
	s := datatest.MustOpen(t)
	rows := journal(inOutKeys, 2,
		[]string{"2025-05-01", "", "a", "0.1", "", "", "", ""},
		[]string{"2025-05-01", "", "b", "0.2", "", "", "", ""},
	)
	rep, err := s.ImportJournal(ctx, rows, false)
	if err != nil || rep.IncomeFen != 30 {
		t.Fatalf("%+v %v", rep, err)
	}
	if _, in, _ := ledgerSums(t, s); in != 30 {
		t.Fatalf("0.1 + 0.2 yuan stored as %d fen", in)
	}
	b, err := s.LedgerBalance(ctx, 2025)
	if err != nil || b.IncomeFen != 30 || b.ClosingFen != 30 {
		t.Fatalf("%+v %v", b, err)
	}
}

func TestImportJournalClosedYear(t *testing.T) {
	ctx := context.Background()
	s := datatest.MustOpen(t)
	if err := s.CloseLedgerYear(ctx, 2024); err != nil {
		t.Fatal(err)
	}
	rows := journal(inOutKeys, 2,
		[]string{"2024-12-31", "", "年末", "10", "", "", "", ""},
		[]string{"2025-01-01", "", "年初", "10", "", "", "", ""},
	)
	es := problems(t, mustFail(t, s, rows))
	if len(es) != 1 || es[0].Row != 2 || es[0].Col != "A" || es[0].Code != data.CodeYearClosed {
		t.Fatalf("%v", es)
	}
}

// TestImportJournalCatchAllRemoved: with 其他收入 removed, a row whose 科目
// names nothing has nowhere to go.
func TestImportJournalCatchAllRemoved(t *testing.T) {
	ctx := context.Background()
	s := datatest.MustOpen(t)
	if err := s.RemoveLedgerCategory(ctx, data.KindIncome, "其他收入"); err != nil {
		t.Fatal(err)
	}
	es := problems(t, mustFail(t, s, journal(inOutKeys, 2,
		[]string{"2025-01-02", "", "x", "10", "", "", "杂项", ""})))
	if len(es) != 1 || es[0].Col != "G" || es[0].Value != "杂项" {
		t.Fatalf("%v", es)
	}
}

func importBackups(t *testing.T, path string) int {
	t.Helper()
	list, err := data.ListBackups(path)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, b := range list {
		if b.Reason == data.ReasonImport {
			n++
		}
	}
	return n
}

// TestImportJournalBackupUndo: the backup taken before an import holds the
// accounts as they were, so the import can be undone by restoring it.
func TestImportJournalBackupUndo(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(datatest.TempDir(t), "u.db")
	s := datatest.MustOpenPath(t, path)
	if _, err := s.SaveLedgerEntry(ctx, data.LedgerEntry{Date: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC),
		Kind: data.KindIncome, Category: "利息", Fen: 100}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ImportJournal(ctx, journal(inOutKeys, 2,
		[]string{"2025-01-02", "", "a", "10", "", "", "", ""},
		[]string{"2025-01-03", "", "b", "", "4", "", "", ""}), false); err != nil {
		t.Fatal(err)
	}
	list, err := data.ListBackups(path)
	if err != nil {
		t.Fatal(err)
	}
	var backup string
	for _, b := range list {
		if b.Reason == data.ReasonImport {
			backup = b.Path
		}
	}
	if backup == "" {
		t.Fatal("no backup before the import")
	}
	db, err := sql.Open("sqlite", datatest.FileURI(backup, "mode=ro"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	var fen int64
	if err := db.QueryRow(`SELECT count(*), COALESCE(SUM(amount_fen), 0) FROM ledger_entries`).Scan(&n, &fen); err != nil {
		t.Fatal(err)
	}
	if n != 1 || fen != 100 {
		t.Fatalf("the backup holds %d entries of %d fen; want the one entry before the import", n, fen)
	}
	if n, _, _ := ledgerSums(t, s); n != 3 {
		t.Fatalf("%d entries after the import", n)
	}
}

// TestImportJournalDuesWarning: 会费 rows in a year whose dues payments are
// already entries are imported, with a warning that they may count twice.
func TestImportJournalDuesWarning(t *testing.T) {
	ctx := context.Background()
	s := datatest.MustOpen(t)
	id, _, err := s.CreateMember(ctx, data.Member{Name: "王伟", Phone: "13800000001"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveDues(ctx, data.Dues{MemberID: id, Year: 2025, DueFen: 120000, PaidFen: 120000,
		PaidDate: time.Date(2025, 3, 5, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	rows := journal(inOutKeys, 2,
		[]string{"2024-12-30", "", "会费 李四", "500", "", "", "会费", ""},
		[]string{"2025-03-05", "", "会费 王伟", "1200", "", "", "会费", ""},
		[]string{"2025-03-06", "", "会费 张三", "800", "", "", "会费", ""},
	)
	rep, err := s.ImportJournal(ctx, rows, false)
	if err != nil || rep.Added != 3 {
		t.Fatalf("%+v %v", rep, err)
	}
	if len(rep.Warnings) != 1 {
		t.Fatalf("warnings %v", rep.Warnings)
	}
	w := rep.Warnings[0]
	if w.Code != data.CodeJournalDues || w.Row != 3 || w.Col != "G" || !w.Warning ||
		!strings.Contains(w.Msg, "2 笔2025年的会费收入") || !strings.Contains(w.MsgEN, "already has 1 payment(s)") {
		t.Fatalf("%+v", w)
	}
}
