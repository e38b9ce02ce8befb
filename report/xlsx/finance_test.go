package xlsx_test

import (
	"context"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"chamberdesk/data"
	"chamberdesk/data/datatest"
	"chamberdesk/report/xlsx"
	"chamberdesk/report/xlsx/xlsxtest"
)

const financeOrg = "江州市安澜区测试镇商会"

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// financeStore builds a chamber's accounts over 2024–2027: an opening
// balance typed in for 2024, 2025 closed, 2026 carried over, dues paid on
// time, late (in 2027) and early for 2025 (in 2026), entries of several
// categories and sources with member, activity and project links, and
// amounts in fen such as 0.10 + 0.20.
func financeStore(t testing.TB) *data.Store {
	t.Helper()
	ctx := context.Background()
	st, err := data.Create(ctx, filepath.Join(datatest.TempDir(t), "finance.db"), data.OpenOptions{}, fillFinance)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	return st
}

func fillFinance(ctx context.Context, st *data.Store) error {
	if _, err := st.SaveOrganization(ctx, data.Organization{Name: financeOrg, Type: "镇街商会"}); err != nil {
		return err
	}
	ids := map[string]int64{}
	for i, m := range []struct{ name, office string }{
		{"甲会长", "会长"}, {"乙副会长", "副会长"}, {"丙副会长", "副会长"}, {"丁理事", "理事"}, {"戊会员", "会员"},
	} {
		id, errs, err := st.CreateMember(ctx, data.Member{Kind: data.KindUnit, Name: m.name, Office: m.office,
			Company: fmt.Sprintf("江州市测试%d商贸有限公司", i), JoinDate: day(2020, 3, 1+i)})
		if err != nil || len(errs) > 0 {
			return fmt.Errorf("%s: %v %v", m.name, err, errs)
		}
		ids[m.name] = id
	}
	var std []data.DuesStandard
	for _, y := range []int{2025, 2026} {
		for office, fen := range map[string]int64{"会长": 500000, "副会长": 200010, "理事": 100000, "会员": 50000} {
			std = append(std, data.DuesStandard{Year: y, Office: office, Fen: fen})
		}
	}
	if err := st.SetDuesStandards(ctx, std); err != nil {
		return err
	}
	types, err := st.ActivityTypes(ctx)
	if err != nil {
		return err
	}
	act, err := st.CreateActivity(ctx, data.Activity{Title: "助学金发放仪式", Type: types[0], Date: day(2026, 5, 20),
		Place: "商会会议室", Organizer: "测试镇商会"})
	if err != nil {
		return err
	}
	add := func(e data.LedgerEntry) error {
		_, err := st.SaveLedgerEntry(ctx, e)
		return err
	}
	in, out := data.KindIncome, data.KindSpending
	steps := []func() error{
		func() error { return st.SetOpeningBalance(ctx, 2024, 100005, true) },
		func() error {
			return add(data.LedgerEntry{Date: day(2024, 6, 1), Kind: in, Category: "利息", Fen: 10})
		},
		func() error {
			return add(data.LedgerEntry{Date: day(2024, 7, 1), Kind: out, Category: "办公费", Fen: 20})
		},
		func() error {
			_, err := st.SaveDues(ctx, data.Dues{MemberID: ids["甲会长"], Year: 2025, DueFen: 500000, PaidFen: 500000,
				PaidDate: day(2025, 3, 1), ReceiptNo: "SJ2025-01"})
			return err
		},
		func() error {
			return add(data.LedgerEntry{Date: day(2025, 4, 2), Kind: in, Category: "捐赠收入", Fen: 123456, Note: "企业捐赠"})
		},
		func() error {
			return add(data.LedgerEntry{Date: day(2025, 9, 9), Kind: out, Category: "活动支出", Fen: 30030})
		},
		// 戊's 2025 dues, paid in January 2026: 2026 income in the accounts.
		func() error {
			_, err := st.SaveDues(ctx, data.Dues{MemberID: ids["戊会员"], Year: 2025, DueFen: 50000, PaidFen: 50000,
				PaidDate: day(2026, 1, 5), ReceiptNo: "SJ2025-02"})
			return err
		},
		func() error { return st.CloseLedgerYear(ctx, 2025) },
		func() error {
			_, err := st.SaveDues(ctx, data.Dues{MemberID: ids["甲会长"], Year: 2026, DueFen: 500000, PaidFen: 500000,
				PaidDate: day(2026, 2, 10), ReceiptNo: "SJ2026-01"})
			return err
		},
		func() error {
			_, err := st.SaveDues(ctx, data.Dues{MemberID: ids["乙副会长"], Year: 2026, DueFen: 200010, PaidFen: 100010,
				PaidDate: day(2026, 2, 10), ReceiptNo: "SJ2026-02"})
			return err
		},
		// 丁's 2026 dues, paid in 2027: 2027 income in the accounts.
		func() error {
			_, err := st.SaveDues(ctx, data.Dues{MemberID: ids["丁理事"], Year: 2026, DueFen: 100000, PaidFen: 100000,
				PaidDate: day(2027, 1, 15), ReceiptNo: "SJ2026-03"})
			return err
		},
		func() error {
			return add(data.LedgerEntry{Date: day(2026, 2, 10), Kind: in, Category: "利息", Fen: 10, Note: "活期利息"})
		},
		func() error {
			return add(data.LedgerEntry{Date: day(2026, 3, 31), Kind: in, Category: "利息", Fen: 20, Note: "活期利息"})
		},
		func() error {
			return add(data.LedgerEntry{Date: day(2026, 3, 1), Kind: in, Category: "政府补助", Fen: 5000000,
				Note: "区工商联年度补助", Voucher: "记-001", Handler: "王会计", Source: data.SourceImport, ImportKey: "k1"})
		},
		func() error {
			return add(data.LedgerEntry{Date: day(2026, 5, 18), Kind: in, Category: "捐赠收入", Fen: 1000000,
				Note: "助学捐款", MemberID: ids["乙副会长"], Project: "金秋助学"})
		},
		func() error {
			return add(data.LedgerEntry{Date: day(2026, 5, 20), Kind: out, Category: "公益支出", Fen: 800033,
				Note: "发放助学金", ActivityID: act, Project: "金秋助学", Voucher: "记-002", Handler: "王会计"})
		},
		func() error {
			return add(data.LedgerEntry{Date: day(2026, 6, 1), Kind: out, Category: "办公费", Fen: 30, Note: "邮费"})
		},
		func() error {
			return add(data.LedgerEntry{Date: day(2026, 6, 30), Kind: out, Category: "人员费用", Fen: 4500000,
				Note: "秘书处工作人员上半年工资及社保等费用，按月发放，附工资表"})
		},
	}
	for i, step := range steps {
		if err := step(); err != nil {
			return fmt.Errorf("step %d: %w", i, err)
		}
	}
	return nil
}

// fen reads a money cell back as fen: a yuan amount with two decimals is
// exact after rounding.
func fen(t testing.TB, c xlsxtest.Cell, what string) int64 {
	t.Helper()
	return int64(math.Round(num(t, c, what) * 100))
}

// fenOrZero is fen for a cell that may be blank.
func fenOrZero(t testing.TB, c xlsxtest.Cell, what string) int64 {
	t.Helper()
	if c.T == "" {
		return 0
	}
	return fen(t, c, what)
}

func TestFinance(t *testing.T) {
	ctx := context.Background()
	st := financeStore(t)
	for _, year := range []int{2024, 2025, 2026} {
		t.Run(fmt.Sprint(year), func(t *testing.T) {
			path := writeTo(t, "finance.xlsx", func(w io.Writer) error { return xlsx.WriteFinance(ctx, st, year, w) })
			wb := xlsxtest.Read(t, path)
			var names []string
			for _, s := range wb.Sheets {
				names = append(names, s.Name)
				s.CheckLayout(t, fmt.Sprintf("%s%d年%s", financeOrg, year, s.Name))
			}
			if strings.Join(names, ",") != "收支明细,收支汇总,会费收支" {
				t.Fatalf("sheets %v", names)
			}
			bal, err := st.LedgerBalance(ctx, year)
			if err != nil {
				t.Fatal(err)
			}
			entries, err := st.LedgerEntries(ctx, year)
			if err != nil {
				t.Fatal(err)
			}
			if len(entries) < 2 {
				t.Fatalf("fixture has %d entries in %d", len(entries), year)
			}
			checkJournal(t, wb.Sheet(t, "收支明细"), bal, entries)
			checkBalanceSheet(t, wb.Sheet(t, "收支汇总"), bal)
			lines, err := st.DuesSheet(ctx, year)
			if err != nil {
				t.Fatal(err)
			}
			checkDuesByOffice(t, wb.Sheet(t, "会费收支"), lines, entries)
		})
	}
}

func checkJournal(t *testing.T, ws *xlsxtest.Sheet, bal data.LedgerBalance, entries []data.LedgerEntry) {
	t.Helper()
	rows := ws.Data()
	if len(rows) != len(entries)+2 {
		t.Fatalf("%d rows, want 上年结转, %d entries and 本年合计", len(rows), len(entries))
	}
	col := func(h string) int { return ws.Header(t, h) }
	if r := rows[0]; r[col("摘要")].Str() != "上年结转" || fen(t, r[col("余额(元)")], "上年结转") != bal.OpeningFen {
		t.Errorf("first row %v, want 上年结转 %d fen", r, bal.OpeningFen)
	}
	names := map[string]string{data.SourceManual: "手工", data.SourceImport: "导入", data.SourceDues: "会费"}
	running, last := bal.OpeningFen, int64(0)
	var in, out int64
	for i, e := range entries {
		r := rows[i+1]
		what := fmt.Sprintf("entry %d (%s)", i+1, e.Note)
		running += e.Signed()
		if num(t, r[col("序号")], what) != float64(i+1) || r[col("摘要")].Str() != e.Note ||
			r[col("科目")].Str() != e.Category || r[col("凭证号")].Str() != e.Voucher ||
			r[col("经手人")].Str() != e.Handler || r[col("来源")].Str() != names[e.Source] {
			t.Errorf("%s: row %v", what, r)
		}
		date(t, r[col("日期")], e.Date, what)
		gotIn, gotOut := fenOrZero(t, r[col("收入(元)")], what), fenOrZero(t, r[col("支出(元)")], what)
		if e.Kind == data.KindIncome && (gotIn != e.Fen || r[col("支出(元)")].T != "") ||
			e.Kind == data.KindSpending && (gotOut != e.Fen || r[col("收入(元)")].T != "") {
			t.Errorf("%s: income %d spending %d fen, want %s %d", what, gotIn, gotOut, e.Kind, e.Fen)
		}
		in, out = in+gotIn, out+gotOut
		last = fen(t, r[col("余额(元)")], what)
		if last != running {
			t.Errorf("%s: balance %d fen, want %d", what, last, running)
		}
		link := r[col("关联")].Str()
		if (e.MemberID != 0 || e.ActivityID != 0 || e.Project != "") != (link != "") ||
			e.Project != "" && !strings.Contains(link, e.Project) {
			t.Errorf("%s: link %q", what, link)
		}
	}
	if last != bal.ClosingFen {
		t.Errorf("last running balance %d fen, closing balance %d", last, bal.ClosingFen)
	}
	if in != bal.IncomeFen || out != bal.SpendingFen {
		t.Errorf("rows add up to %d / %d fen, balance has %d / %d", in, out, bal.IncomeFen, bal.SpendingFen)
	}
	tot := rows[len(rows)-1]
	if tot[col("摘要")].Str() != "本年合计" || fen(t, tot[col("收入(元)")], "收入合计") != bal.IncomeFen ||
		fen(t, tot[col("支出(元)")], "支出合计") != bal.SpendingFen || fen(t, tot[col("余额(元)")], "年末余额") != bal.ClosingFen {
		t.Errorf("totals %v, want %d / %d / %d fen", tot, bal.IncomeFen, bal.SpendingFen, bal.ClosingFen)
	}
	if ws.Orientation != "landscape" {
		t.Errorf("orientation %q", ws.Orientation)
	}
}

// checkBalanceSheet checks a 收支汇总 sheet, of the accounts workbook or of
// the annual one, against the store's balance to the fen.
func checkBalanceSheet(t *testing.T, ws *xlsxtest.Sheet, bal data.LedgerBalance) {
	t.Helper()
	type total struct {
		fen   int64
		count int
	}
	got := map[string]total{}
	rows := ws.Data()
	var in, out int
	for _, c := range bal.ByCategory {
		if c.Kind == data.KindIncome {
			in++
		} else {
			out++
		}
	}
	n := max(in, out)
	if len(rows) != n+1+5 {
		t.Fatalf("%d rows, want %d category rows, the totals and 5 balance rows", len(rows), n)
	}
	for _, r := range rows[:n] {
		for _, side := range []struct {
			kind string
			col  int
		}{{data.KindIncome, 0}, {data.KindSpending, 3}} {
			if r[side.col].T == "" {
				continue
			}
			name := r[side.col].Str()
			got[side.kind+name] = total{fen(t, r[side.col+2], name), int(num(t, r[side.col+1], name))}
		}
	}
	if len(got) != len(bal.ByCategory) {
		t.Errorf("%d categories on the sheet, the balance has %d", len(got), len(bal.ByCategory))
	}
	zero := 0
	for _, c := range bal.ByCategory {
		if g := got[c.Kind+c.Category]; g.fen != c.Fen || g.count != c.Count {
			t.Errorf("%s %s: %+v, want %d fen in %d entries", c.Kind, c.Category, g, c.Fen, c.Count)
		}
		if c.Count == 0 {
			zero++
		}
	}
	if zero == 0 {
		t.Error("no unused category: the zero rows are untested")
	}
	tot := rows[n]
	if tot[0].Str() != "收入合计" || fen(t, tot[2], "收入合计") != bal.IncomeFen ||
		tot[3].Str() != "支出合计" || fen(t, tot[5], "支出合计") != bal.SpendingFen {
		t.Errorf("totals %v, want %d / %d fen", tot, bal.IncomeFen, bal.SpendingFen)
	}
	foot := rows[n+1:]
	for i, want := range []struct {
		label string
		fen   int64
	}{{"年初余额", bal.OpeningFen}, {"本年收入", bal.IncomeFen}, {"本年支出", bal.SpendingFen}, {"年末余额", bal.ClosingFen}} {
		if foot[i][0].Str() != want.label || fen(t, foot[i][2], want.label) != want.fen {
			t.Errorf("row %v, want %s %d fen", foot[i], want.label, want.fen)
		}
	}
	status := foot[4][3].Str()
	if foot[4][0].Str() != "结账状态" || bal.Closed != strings.HasPrefix(status, "已结账") ||
		!bal.Closed && status != "未结账" || bal.Closed && !strings.Contains(status, "年") {
		t.Errorf("closing row %v for closed=%v at %q", foot[4], bal.Closed, bal.ClosedAt)
	}
	if bal.OpeningSet != strings.HasPrefix(foot[0][3].Str(), "本年录入") {
		t.Errorf("opening note %v, typed in: %v", foot[0][3], bal.OpeningSet)
	}
	if ws.Orientation != "portrait" || len(ws.Rows[1]) != 6 {
		t.Errorf("orientation %q, %d columns: not one portrait page", ws.Orientation, len(ws.Rows[1]))
	}
}

func checkDuesByOffice(t *testing.T, ws *xlsxtest.Sheet, lines []data.DuesLine, entries []data.LedgerEntry) {
	t.Helper()
	type sums struct {
		n                  int
		due, paid, arrears int64
	}
	want := map[string]*sums{}
	var all sums
	for _, l := range lines {
		s := want[l.Office]
		if s == nil {
			s = &sums{}
			want[l.Office] = s
		}
		for _, x := range []*sums{s, &all} {
			x.n++
			x.due += l.DueFen
			x.paid += l.PaidFen
			x.arrears += max(l.DueFen-l.PaidFen, 0)
		}
	}
	col := func(h string) int { return ws.Header(t, h) }
	rows := ws.Data()
	if len(rows) != len(want)+2 {
		t.Fatalf("%d rows, want %d offices, the totals and the ledger line", len(rows), len(want))
	}
	check := func(r []xlsxtest.Cell, w *sums, what string) {
		t.Helper()
		got := sums{int(num(t, r[col("人数")], what)), fen(t, r[col("应缴(元)")], what),
			fen(t, r[col("实缴(元)")], what), fen(t, r[col("欠缴(元)")], what)}
		if got != *w {
			t.Errorf("%s: %+v, want %+v", what, got, *w)
		}
		if rate := r[col("缴费率")]; w.due > 0 && math.Abs(num(t, rate, what)-float64(w.paid)/float64(w.due)) > 1e-12 {
			t.Errorf("%s: rate %v", what, rate)
		}
	}
	prev := -1
	for _, r := range rows[:len(want)] {
		office := r[col("商会职务")].Str()
		if rank := data.OfficeRank(office); rank < prev {
			t.Errorf("%s out of office order", office)
		} else {
			prev = rank
		}
		w, ok := want[office]
		if !ok {
			t.Fatalf("office %q is on no dues line", office)
		}
		check(r, w, office)
	}
	tot := rows[len(want)]
	if tot[col("商会职务")].Str() != "合计" {
		t.Errorf("totals row %v", tot)
	}
	check(tot, &all, "合计")
	if ws.NumFmts["I"] != "0.00%" {
		t.Errorf("rate format %q", ws.NumFmts["I"])
	}
	var ledger int64
	for _, e := range entries {
		if e.Kind == data.KindIncome && e.Category == data.DuesCategory {
			ledger += e.Fen
		}
	}
	lr := rows[len(rows)-1]
	note := lr[col("备注")].Str()
	if lr[col("商会职务")].Str() != "账上会费收入" || fen(t, lr[col("实缴(元)")], "账上会费收入") != ledger ||
		(ledger != all.paid) != strings.Contains(note, "比本表实缴") || strings.Contains(note, "-") {
		t.Errorf("ledger line %v, want %d fen (dues paid %d)", lr, ledger, all.paid)
	}
}

// TestFinanceFixture pins what the other tests rely on: 2025 closed, 2026
// carried over from it, 2026's dues paid unlike its 会费 income (2024 has
// neither, so the 会费收支 note is tested both ways), and the year checked.
func TestFinanceFixture(t *testing.T) {
	ctx := context.Background()
	st := financeStore(t)
	b25, _ := st.LedgerBalance(ctx, 2025)
	b26, _ := st.LedgerBalance(ctx, 2026)
	if !b25.Closed || b26.Closed || b26.OpeningSet || b26.OpeningFen != b25.ClosingFen {
		t.Errorf("2025 %+v\n2026 %+v", b25, b26)
	}
	f, err := xlsx.LoadFinance(ctx, st, 2026)
	if err != nil {
		t.Fatal(err)
	}
	var paid int64
	for _, l := range f.Dues {
		paid += l.PaidFen
	}
	if paid != 500000+100010+100000 {
		t.Errorf("2026 dues paid %d fen", paid)
	}
	for _, y := range []int{0, 1899, 2101} {
		if _, err := xlsx.LoadFinance(ctx, st, y); !data.IsCode(err, data.CodeInvalid) {
			t.Errorf("year %d: %v", y, err)
		}
	}
}

func TestSummaryBalance(t *testing.T) {
	ctx := context.Background()
	st := financeStore(t)
	path := writeTo(t, "summary.xlsx", func(w io.Writer) error { return xlsx.WriteSummary(ctx, st, 2026, false, w) })
	ws := xlsxtest.Read(t, path).Sheet(t, "收支汇总")
	ws.CheckLayout(t, financeOrg+"2026年收支汇总")
	bal, err := st.LedgerBalance(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	checkBalanceSheet(t, ws, bal)
}
