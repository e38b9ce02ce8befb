package journal_test

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"chamberdesk/data"
	"chamberdesk/data/datatest"
	"chamberdesk/report/journal"
)

// sheet describes one worksheet of a test workbook: rows from row 1, nil
// rows left blank, merges such as "A1:F1".
type sheet struct {
	name   string
	rows   [][]any
	merges []string
}

func book(tb testing.TB, sheets ...sheet) []byte {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				tb.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			tb.Fatal(err)
		}
		for n, r := range s.rows {
			if len(r) == 0 {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(1, n+1)
			if err := f.SetSheetRow(s.name, cell, &r); err != nil {
				tb.Fatal(err)
			}
		}
		for _, m := range s.merges {
			a, b, _ := strings.Cut(m, ":")
			if err := f.MergeCell(s.name, a, b); err != nil {
				tb.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func read(b []byte, opts journal.Options) (*journal.Journal, error) {
	return journal.Read(bytes.NewReader(b), int64(len(b)), "流水账.xlsx", opts)
}

func mustRead(tb testing.TB, b []byte) *journal.Journal {
	tb.Helper()
	j, err := read(b, journal.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return j
}

func mustImport(tb testing.TB, s *data.Store, j *journal.Journal) data.JournalReport {
	tb.Helper()
	rep, err := s.ImportJournal(context.Background(), j.Rows, false)
	if err != nil {
		var es data.Errors
		if errors.As(err, &es) {
			tb.Fatalf("import:\n%s", es.Message())
		}
		tb.Fatalf("import: %v", err)
	}
	return rep
}

type entryRow struct {
	date, kind, cat string
	fen             int64
	note            string
}

func entries(tb testing.TB, s *data.Store) []entryRow {
	tb.Helper()
	rows, err := s.DB().Query(`SELECT date, kind, category, amount_fen, note FROM ledger_entries ORDER BY id`)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	var out []entryRow
	for rows.Next() {
		var e entryRow
		if err := rows.Scan(&e.date, &e.kind, &e.cat, &e.fen, &e.note); err != nil {
			tb.Fatal(err)
		}
		out = append(out, e)
	}
	return out
}

func sameEntries(t *testing.T, got, want []entryRow) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d entries stored, want %d:\n%v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("entry %d: %+v, want %+v", i+1, got[i], want[i])
		}
	}
}

// TestReadInOutColumns: a merged title, headers with brackets, spaces and
// line breaks, an opening row, every amount spelling, dates as text and as
// date cells, totals, a blank row and the signature line.
func TestReadInOutColumns(t *testing.T) {
	d := time.Date(2025, 3, 10, 0, 0, 0, 0, time.UTC)
	b := book(t, sheet{name: "现金日记账", merges: []string{"A1:H1"}, rows: [][]any{
		{"青禾镇商会 2025年现金日记账"},
		{"日 期", "凭证\n号", "摘　要", "收入（借方）", "支出(贷方)", "余 额", "科目", "经手人"},
		{nil, nil, "上年结转", nil, nil, "1000"},
		{"2025-03-05", "记1", "收会费 王伟", 1200, nil, 2200, "会费", "李会计"},
		{"2025/3/6", "记2", "购买打印纸", nil, "￥150", "2,050.00", "办公费"},
		{"2025.3.7", nil, "茶歇", nil, "85.5元", 1964.5, "招待费"},
		{"2025年3月8日", nil, "区工商联补助", "0.5万", nil, 6964.5, "政府补助"},
		{"20250309", nil, "利息", "１２.３", nil, "6976.80", "利息"},
		{d, nil, "捐款", "1,000.00", nil, 7976.8, "捐赠收入"},
		{},
		{nil, nil, "本月合计", 7212.3, 235.5, 7976.8},
		{nil, nil, "本 年 累 计", 7212.3, 235.5, 7976.8},
		{"会计：李会计", nil, nil, nil, "出纳：张三"},
	}})
	j := mustRead(t, b)
	if j.Sheet != "现金日记账" || j.HeaderRow != 2 || len(j.Rows) != 10 {
		t.Fatalf("sheet %q header %d rows %d", j.Sheet, j.HeaderRow, len(j.Rows))
	}
	want := map[string]string{data.JColDate: "A", data.JColVoucher: "B", data.JColNote: "C", data.JColIncome: "D",
		data.JColSpending: "E", data.JColBalance: "F", data.JColCategory: "G", data.JColHandler: "H"}
	for k, l := range want {
		if j.Columns[k] != l {
			t.Errorf("column %s at %q, want %s", k, j.Columns[k], l)
		}
	}
	if r := j.Rows[0]; !r.Opening || r.Skip == "" || r.Cols[data.JColBalance] != "1000" || r.Row != 3 {
		t.Errorf("opening row %+v", r)
	}
	for _, i := range []int{7, 8, 9} {
		if r := j.Rows[i]; r.Skip == "" || r.Opening {
			t.Errorf("row %d should be skipped: %+v", r.Row, r)
		}
	}
	s := datatest.MustOpen(t)
	rep := mustImport(t, s, j)
	if rep.Added != 6 || rep.Skipped != 4 || rep.IncomeFen != 721230 || rep.SpendingFen != 23550 {
		t.Fatalf("%+v", rep)
	}
	sameEntries(t, entries(t, s), []entryRow{
		{"2025-03-05", "收入", "会费", 120000, "收会费 王伟"},
		{"2025-03-06", "支出", "办公费", 15000, "购买打印纸"},
		{"2025-03-07", "支出", "其他支出", 8550, "茶歇"},
		{"2025-03-08", "收入", "政府补助", 500000, "区工商联补助"},
		{"2025-03-09", "收入", "利息", 1230, "利息"},
		{"2025-03-10", "收入", "捐赠收入", 100000, "捐款"},
	})
	// Again: nothing new.
	if rep := mustImport(t, s, mustRead(t, b)); rep.Added != 0 || rep.Unchanged != 6 {
		t.Fatalf("re-import %+v", rep)
	}
	if n := len(entries(t, s)); n != 6 {
		t.Fatalf("%d entries after the re-import", n)
	}
}

// TestReadAmountAndDirection: one 金额 column with a 收支 column, 备注 as
// the 摘要, 类别 as the category.
func TestReadAmountAndDirection(t *testing.T) {
	b := book(t, sheet{name: "Sheet1", rows: [][]any{
		{"流水账"},
		{},
		{"序号", "日期", "类别", "收/支", "金额（元）", "备注"},
		{1, "2025-01-02", "会费", "收", "500", "会费 张三"},
		{2, "2025-01-03", "会议费", "支", 200, "场地"},
		{3, "2025-01-04", "", "借", "RMB 1,000", "捐款"},
		{4, "2025-01-05", "活动支出", "贷方", "100元整", "餐费"},
		{nil, nil, nil, nil, 1800, "合计"},
	}})
	j := mustRead(t, b)
	if j.HeaderRow != 3 || j.Columns[data.JColDirection] != "D" || j.Columns[data.JColNote] != "F" {
		t.Fatalf("header %d columns %v", j.HeaderRow, j.Columns)
	}
	s := datatest.MustOpen(t)
	rep := mustImport(t, s, j)
	if rep.Added != 4 || rep.Skipped != 1 {
		t.Fatalf("%+v", rep)
	}
	sameEntries(t, entries(t, s), []entryRow{
		{"2025-01-02", "收入", "会费", 50000, "会费 张三"},
		{"2025-01-03", "支出", "会议费", 20000, "场地"},
		{"2025-01-04", "收入", "其他收入", 100000, "捐款"},
		{"2025-01-05", "支出", "活动支出", 10000, "餐费"},
	})
}

// TestReadSplitDate: a two-row header, "2025年" merged over 月 and 日, the
// month written only when it changes.
func TestReadSplitDate(t *testing.T) {
	b := book(t, sheet{name: "日记账", merges: []string{"A1:G1", "A2:B2"}, rows: [][]any{
		{"现金日记账"},
		{"2025年", nil, "凭证号", "摘要", "借方金额", "贷方金额", "结余"},
		{"月", "日"},
		{1, 1, nil, "上年结转", nil, nil, 500},
		{nil, 5, "收1", "会费", 300, nil, 800},
		{"2", "3", "付1", "文具", nil, 50, 750},
		{nil, "28日", "付2", "邮费", nil, 20, 730},
		{2, 28, nil, "本月合计", 0, 70, 730},
	}})
	j := mustRead(t, b)
	if j.HeaderRow != 3 || j.Columns[data.JColDate] != "A:B" {
		t.Fatalf("header %d columns %v", j.HeaderRow, j.Columns)
	}
	if len(j.Notes) == 0 || !strings.Contains(strings.Join(j.Notes, "\n"), "2025") {
		t.Errorf("notes should say where the year came from: %v", j.Notes)
	}
	if notes := strings.Join(j.Notes, "\n"); strings.Contains(notes, "未识别") {
		t.Errorf("the year over 月 and 日 is no unknown column: %v", j.Notes)
	}
	s := datatest.MustOpen(t)
	mustImport(t, s, j)
	sameEntries(t, entries(t, s), []entryRow{
		{"2025-01-05", "收入", "其他收入", 30000, "会费"},
		{"2025-02-03", "支出", "其他支出", 5000, "文具"},
		{"2025-02-28", "支出", "其他支出", 2000, "邮费"},
	})

	// The year from the title; without one, Read says so.
	b = book(t, sheet{name: "Sheet1", rows: [][]any{
		{"2024年度收支流水"},
		{"月", "日", "摘要", "收入", "支出"},
		{12, 30, "利息", 1.5, nil},
	}})
	j = mustRead(t, b)
	if d := j.Rows[0].Cols[data.JColDate]; d != "2024年12月30日" {
		t.Fatalf("date %q", d)
	}
	b = book(t, sheet{name: "Sheet1", rows: [][]any{
		{"月", "日", "摘要", "收入", "支出"},
		{12, 30, "利息", 1.5, nil},
	}})
	if _, err := read(b, journal.Options{}); !data.IsCode(err, journal.CodeNoYear) {
		t.Fatalf("err = %v; want no year", err)
	}
	j, err := read(b, journal.Options{Year: 2023})
	if err != nil || j.Rows[0].Cols[data.JColDate] != "2023年12月30日" {
		t.Fatalf("%v %v", j, err)
	}
}

// TestReadPrintedLayout: the printed 现金日记账 form — 日期 merged over 月
// and 日, 凭证 merged over 字 and 号, the year in the title.
func TestReadPrintedLayout(t *testing.T) {
	b := book(t, sheet{name: "Sheet1", merges: []string{"A1:H1", "A2:B2", "C2:D2", "E3:E2", "F3:F2", "G3:G2", "H3:H2"},
		rows: [][]any{
			{"现金日记账（2025年）"},
			{"日期", nil, "凭证", nil, "摘要", "借方", "贷方", "余额"},
			{"月", "日", "字", "号"},
			{3, 1, nil, nil, "承前页", nil, nil, 200},
			{nil, 2, "收", 1, "会费", 100, nil, 300},
			{nil, 9, "付", 1, "文具", nil, 40, 260},
		}})
	j := mustRead(t, b)
	if j.HeaderRow != 3 || j.Columns[data.JColDate] != "A:B" || j.Columns[data.JColVoucher] != "D" {
		t.Fatalf("header %d columns %v notes %v", j.HeaderRow, j.Columns, j.Notes)
	}
	if len(j.Rows) != 3 || j.Rows[1].Cols[data.JColVoucher] != "收1" || j.Rows[2].Cols[data.JColDate] != "2025年3月9日" {
		t.Fatalf("rows %+v", j.Rows)
	}
	s := datatest.MustOpen(t)
	if rep := mustImport(t, s, j); rep.Added != 2 || rep.Skipped != 1 {
		t.Fatalf("%+v", rep)
	}
}

// TestReadBrokenBalance: the first break of the 余额 column is reported
// at its Excel row and column.
func TestReadBrokenBalance(t *testing.T) {
	b := book(t, sheet{name: "Sheet1", merges: []string{"A1:E1"}, rows: [][]any{
		{"2025年流水账"},
		{"日期", "摘要", "收入", "支出", "余额"},
		{"2025-01-01", "期初余额", nil, nil, 100},
		{"2025-01-02", "a", 50, nil, 150},
		{"2025-01-03", "b", nil, 30, 121},
		{"2025-01-04", "c", nil, 1, 120},
	}})
	s := datatest.MustOpen(t)
	_, err := s.ImportJournal(context.Background(), mustRead(t, b).Rows, false)
	var es data.Errors
	if !errors.As(err, &es) || len(es) != 1 {
		t.Fatalf("err = %v", err)
	}
	if e := es[0]; e.Row != 5 || e.Col != "E" || e.Value != "121" || !strings.Contains(e.Msg, "应为 120 元") {
		t.Fatalf("%+v", e)
	}
	if n := len(entries(t, s)); n != 0 {
		t.Fatalf("%d entries stored", n)
	}
}

// TestReadFormulaNoise: number cells holding a formula's binary noise, as
// Excel stores them, read as the amounts Excel shows.
func TestReadFormulaNoise(t *testing.T) {
	b := book(t, sheet{name: "Sheet1", rows: [][]any{
		{"日期", "摘要", "收入", "支出", "余额"},
		{"2025-01-01", "a", 0.1, nil, 0.1},
		{"2025-01-02", "b", 0.2, nil, 0.3},
		{"2025-01-03", "c", 6976.5, nil, 6976.8},
	}})
	b = rewriteSheet(t, b, "<v>0.3</v>", "<v>0.30000000000000004</v>", "<v>6976.8</v>", "<v>6.9768000000000002E3</v>")
	j := mustRead(t, b)
	if v := j.Rows[1].Cols[data.JColBalance]; v != "0.3" {
		t.Fatalf("balance cell read as %q", v)
	}
	if v := j.Rows[2].Cols[data.JColBalance]; v != "6976.8" {
		t.Fatalf("balance cell read as %q", v)
	}
	s := datatest.MustOpen(t)
	if rep := mustImport(t, s, j); rep.IncomeFen != 697680 {
		t.Fatalf("%+v", rep)
	}
}

// rewriteSheet replaces text in the first worksheet's XML, pair by pair:
// the cell values Excel writes but excelize would not.
func rewriteSheet(t *testing.T, b []byte, oldNew ...string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == "xl/worksheets/sheet1.xml" {
			text := string(body)
			for i := 0; i < len(oldNew); i += 2 {
				if !strings.Contains(text, oldNew[i]) {
					t.Fatalf("sheet XML lacks %s", oldNew[i])
				}
				text = strings.Replace(text, oldNew[i], oldNew[i+1], 1)
			}
			body = []byte(text)
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(body); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func TestReadRefusals(t *testing.T) {
	good := sheet{name: "一月", rows: [][]any{{"日期", "摘要", "收入", "支出"}, {"2025-01-01", "a", 1, nil}}}
	other := sheet{name: "二月", rows: good.rows}
	roster := sheet{name: "名册", rows: [][]any{{"姓名", "企业名称"}, {"张三", "某公司"}}}
	cases := []struct {
		name string
		b    []byte
		opts journal.Options
		code string
	}{
		{"NotXLSX", []byte("日期,金额\n"), journal.Options{}, journal.CodeNotXLSX},
		{"OldXLS", append([]byte{0xD0, 0xCF, 0x11, 0xE0}, make([]byte, 100)...), journal.Options{}, journal.CodeNotXLSX},
		{"NoHeader", book(t, roster), journal.Options{}, journal.CodeNoHeader},
		{"ChooseSheet", book(t, good, other), journal.Options{}, journal.CodeChooseSheet},
		{"UnknownSheet", book(t, good), journal.Options{Sheet: "三月"}, journal.CodeUnknownSheet},
		{"TooBig", book(t, good), journal.Options{MaxBytes: 100}, journal.CodeTooBig},
		{"TooManyRows", book(t, good), journal.Options{MaxRows: 1}, journal.CodeTooBig},
		{"Corrupt", []byte("PK\x03\x04garbage"), journal.Options{}, journal.CodeCorrupt},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := read(c.b, c.opts)
			e, ok := data.AsError(err)
			if !ok || e.Code != c.code || e.Msg == "" || e.MsgEN == "" || !journal.IsRefusal(err) {
				t.Fatalf("err = %v; want %s", err, c.code)
			}
		})
	}
	var cs *journal.ChooseSheetError
	if _, err := read(book(t, good, other, roster), journal.Options{}); !errors.As(err, &cs) || len(cs.Sheets) != 2 {
		t.Fatalf("err = %v", err)
	}
	if j, err := read(book(t, good, other), journal.Options{Sheet: "二月"}); err != nil || j.Sheet != "二月" {
		t.Fatalf("%v %v", j, err)
	}
}
