package main

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"chamberdesk/data"
	"chamberdesk/data/datatest"
	"chamberdesk/data/demo"
	"chamberdesk/report/xlsx/xlsxtest"
)

// financeDemo makes the demo chamber (its dues payments are 会费 entries)
// and adds entries of other categories in demo.LastYear, amounts such as
// 0.10 + 0.20 among them. It returns the database and the 利息 total of the
// year before those two.
func financeDemo(t *testing.T) (string, int64) {
	t.Helper()
	ctx := context.Background()
	db := filepath.Join(datatest.TempDir(t), "demo.db")
	st, err := data.Create(ctx, db, data.OpenOptions{}, demo.Fill)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	before, err := st.LedgerBalance(ctx, demo.LastYear)
	if err != nil {
		t.Fatal(err)
	}
	var interest int64
	for _, c := range before.ByCategory {
		if c.Kind == data.KindIncome && c.Category == "利息" {
			interest = c.Fen
		}
	}
	if err := st.SetOpeningBalance(ctx, demo.LastYear, 1_234_567, true); err != nil {
		t.Fatal(err)
	}
	day := func(m, d int) time.Time { return time.Date(demo.LastYear, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	for _, e := range []data.LedgerEntry{
		{Date: day(1, 31), Kind: data.KindIncome, Category: "利息", Fen: 10, Note: "活期利息"},
		{Date: day(2, 28), Kind: data.KindIncome, Category: "利息", Fen: 20, Note: "活期利息"},
		{Date: day(3, 3), Kind: data.KindIncome, Category: "捐赠收入", Fen: 2_000_000, Note: "助学捐款", Project: "金秋助学"},
		{Date: day(4, 4), Kind: data.KindSpending, Category: "办公费", Fen: 30, Note: "邮费"},
		{Date: day(5, 5), Kind: data.KindSpending, Category: "公益支出", Fen: 1_500_033, Note: "发放助学金", Voucher: "记-009"},
	} {
		if _, err := st.SaveLedgerEntry(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	return db, interest
}

// balanceJSON is the year's balance as `finance balance --json` gives it.
type balanceJSON struct {
	OpeningFen  int64 `json:"opening_fen"`
	IncomeFen   int64 `json:"income_fen"`
	SpendingFen int64 `json:"spending_fen"`
	ClosingFen  int64 `json:"closing_fen"`
	Categories  []struct {
		Kind      string `json:"kind"`
		Category  string `json:"category"`
		AmountFen int64  `json:"amount_fen"`
		Count     int    `json:"count"`
	} `json:"categories"`
}

// balanceOf reads the year's balance with `finance balance --json`, and
// the dues paid for the year from the store's dues sheet.
func balanceOf(t *testing.T, db string, year int) (balanceJSON, int64) {
	t.Helper()
	var bal balanceJSON
	out := mustCtl(t, "--db", db, "finance", "balance", "--year", strconv.Itoa(year), "--json")
	if err := json.Unmarshal([]byte(out), &bal); err != nil {
		t.Fatalf("finance balance --json: %v\n%s", err, out)
	}
	if len(bal.Categories) == 0 {
		t.Fatalf("finance balance --json has no categories:\n%s", out)
	}
	ctx := context.Background()
	st, err := data.Open(ctx, db, data.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	lines, err := st.DuesSheet(ctx, year)
	if err != nil {
		t.Fatal(err)
	}
	var paid int64
	for _, l := range lines {
		paid += l.PaidFen
	}
	return bal, paid
}

func cellFen(t *testing.T, c xlsxtest.Cell, what string) int64 {
	t.Helper()
	v, ok := c.Num()
	if !ok {
		t.Fatalf("%s: %v is not a number", what, c)
	}
	return int64(math.Round(v * 100))
}

func TestFinanceReport(t *testing.T) {
	db, interest := financeDemo(t)
	out := filepath.Join(datatest.TempDir(t), "收支报表.xlsx")
	stdout := mustCtl(t, "--db", db, "finance", "report", "--year", strconv.Itoa(demo.LastYear), "--out", out)
	if !strings.Contains(stdout, out) {
		t.Errorf("output %q should name the file", stdout)
	}
	bal, paid := balanceOf(t, db, demo.LastYear)
	if !strings.Contains(stdout, "年末 "+data.FormatYuanPlain(bal.ClosingFen)+" 元") {
		t.Errorf("output %q should give the closing balance", stdout)
	}
	wb := xlsxtest.Read(t, out)

	ws := wb.Sheet(t, "收支明细")
	ws.CheckLayout(t, ws.Rows[0][0].Str())
	rows := ws.Data()
	bal2 := ws.Header(t, "余额(元)")
	if len(rows) < 8 {
		t.Fatalf("%d rows in 收支明细", len(rows))
	}
	if got := cellFen(t, rows[0][bal2], "上年结转"); got != bal.OpeningFen {
		t.Errorf("上年结转 %d fen, want %d", got, bal.OpeningFen)
	}
	if got := cellFen(t, rows[len(rows)-2][bal2], "last entry"); got != bal.ClosingFen {
		t.Errorf("last running balance %d fen, want closing %d", got, bal.ClosingFen)
	}
	tot := rows[len(rows)-1]
	if cellFen(t, tot[ws.Header(t, "收入(元)")], "收入") != bal.IncomeFen ||
		cellFen(t, tot[ws.Header(t, "支出(元)")], "支出") != bal.SpendingFen || cellFen(t, tot[bal2], "余额") != bal.ClosingFen {
		t.Errorf("本年合计 %v, want %+v", tot, bal)
	}

	ws = wb.Sheet(t, "收支汇总")
	ws.CheckLayout(t, ws.Rows[0][0].Str())
	got := map[string][2]int64{}
	foot := map[string]int64{}
	for _, r := range ws.Data() {
		for _, side := range []struct {
			kind string
			col  int
		}{{data.KindIncome, 0}, {data.KindSpending, 3}} {
			name := r[side.col].Str()
			if name == "" || r[side.col+1].T != "n" {
				continue
			}
			n, _ := r[side.col+1].Num()
			got[side.kind+name] = [2]int64{cellFen(t, r[side.col+2], name), int64(n)}
		}
		if r[2].T == "n" {
			foot[r[0].Str()] = cellFen(t, r[2], r[0].Str())
		}
	}
	for _, c := range bal.Categories {
		if g := got[c.Kind+c.Category]; g != [2]int64{c.AmountFen, int64(c.Count)} {
			t.Errorf("%s %s: %v, want %d fen in %d", c.Kind, c.Category, g, c.AmountFen, c.Count)
		}
	}
	if got["收入利息"][0] != interest+30 {
		t.Errorf("利息 %v, want %d + 0.10 + 0.20 = %d fen", got["收入利息"], interest, interest+30)
	}
	for label, want := range map[string]int64{"收入合计": bal.IncomeFen, "年初余额": bal.OpeningFen,
		"本年收入": bal.IncomeFen, "本年支出": bal.SpendingFen, "年末余额": bal.ClosingFen} {
		if foot[label] != want {
			t.Errorf("%s %d fen, want %d", label, foot[label], want)
		}
	}

	ws = wb.Sheet(t, "会费收支")
	ws.CheckLayout(t, ws.Rows[0][0].Str())
	var total []xlsxtest.Cell
	for _, r := range ws.Data() {
		if r[ws.Header(t, "商会职务")].Str() == "合计" {
			total = r
		}
	}
	if total == nil || cellFen(t, total[ws.Header(t, "实缴(元)")], "实缴") != paid {
		t.Errorf("会费收支 total %v, want %d fen paid", total, paid)
	}
}

// TestFinanceReportRefuses: a bad command line, a missing data file or a
// folder that does not exist writes nothing and leaves a file already at
// --out as it was.
func TestFinanceReportRefuses(t *testing.T) {
	db, _ := financeDemo(t)
	dir := datatest.TempDir(t)
	old := filepath.Join(dir, "old.xlsx")
	if err := os.WriteFile(old, []byte("the previous report"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := sum(t, old)
	for _, tc := range []struct {
		db    string
		args  []string
		usage bool
	}{
		{db, []string{"--year", "2026"}, true},
		{db, []string{"--out", old}, true},
		{db, []string{"--year", "1800", "--out", old}, true},
		{db, []string{"--year", "2026", "--out", filepath.Join(dir, "report.pdf")}, true},
		{db, []string{"--year", "2026", "--out", old, "extra"}, true},
		{filepath.Join(datatest.TempDir(t), "missing.db"), []string{"--year", "2026", "--out", old}, false},
		{db, []string{"--year", "2026", "--out", filepath.Join(dir, "no such folder", "r.xlsx")}, false},
	} {
		code, stdout, stderr := ctl(t, append([]string{"--db", tc.db, "finance", "report"}, tc.args...)...)
		want := exitError
		if tc.usage {
			want = exitUsage
		}
		if code != want || stderr == "" {
			t.Errorf("%v: exit %d, want %d; stderr %q", tc.args, code, want, stderr)
		}
		if stdout != "" {
			t.Errorf("%v printed %q", tc.args, stdout)
		}
		if sum(t, old) != before {
			t.Fatalf("%v changed %s", tc.args, old)
		}
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if e.Name() != "old.xlsx" {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}
