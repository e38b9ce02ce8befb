package xlsx

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"chamberdesk/data"
)

const (
	benchEntries     = 50_000
	benchDuesMembers = 2_000
)

var (
	bigFinOnce sync.Once
	bigFin     *Finance
	bigFinErr  error
)

// bigFinance builds, once per test binary, a chamber with 2,000 members
// whose dues are paid (2,000 会费 entries) and 48,000 more entries of every
// category in one year, 50,000 in all, and loads its accounts workbook.
func bigFinance(b *testing.B) *Finance {
	b.Helper()
	bigFinOnce.Do(func() {
		dir, err := os.MkdirTemp("", "chamberdesk-finbench-")
		if err != nil {
			bigFinErr = err
			return
		}
		defer os.RemoveAll(dir)
		ctx := context.Background()
		start := time.Now()
		st, err := data.Create(ctx, filepath.Join(dir, "big.db"), data.OpenOptions{}, fillBigFinance)
		if err != nil {
			bigFinErr = err
			return
		}
		defer st.Close()
		bigFin, bigFinErr = LoadFinance(ctx, st, benchYear)
		if bigFinErr == nil && len(bigFin.Entries) != benchEntries {
			bigFinErr = fmt.Errorf("%d entries loaded, want %d", len(bigFin.Entries), benchEntries)
		}
		if bigFinErr == nil {
			b.Logf("fixture: %d entries, %d dues lines built and loaded in %v",
				len(bigFin.Entries), len(bigFin.Dues), time.Since(start).Round(time.Millisecond))
		}
	})
	if bigFinErr != nil {
		b.Fatal(bigFinErr)
	}
	return bigFin
}

func fillBigFinance(ctx context.Context, st *data.Store) error {
	if _, err := st.SaveOrganization(ctx, data.Organization{Name: "江州市安澜区测试镇商会", Type: "镇街商会"}); err != nil {
		return err
	}
	cats, err := st.LedgerCategories(ctx)
	if err != nil {
		return err
	}
	types, err := st.ActivityTypes(ctx)
	if err != nil {
		return err
	}
	return st.InTx(ctx, func(ctx context.Context) error {
		if err := st.SetOpeningBalance(ctx, benchYear, 12_345_678, true); err != nil {
			return err
		}
		var std []data.DuesStandard
		for i, o := range data.Offices {
			std = append(std, data.DuesStandard{Year: benchYear, Office: o, Fen: int64(100_000 - i*10_001)})
		}
		if err := st.SetDuesStandards(ctx, std); err != nil {
			return err
		}
		ids := make([]int64, 0, benchDuesMembers)
		for i := range benchDuesMembers {
			office := data.Offices[i%len(data.Offices)]
			id, _, err := st.CreateMember(ctx, data.Member{Kind: data.KindUnit, Name: fmt.Sprintf("会员%05d", i),
				Company: fmt.Sprintf("江州市安澜区测试%05d商贸有限公司", i), Office: office,
				JoinDate: time.Date(2015+i%10, time.Month(1+i%12), 1+i%28, 0, 0, 0, 0, time.UTC)})
			if err != nil {
				return err
			}
			ids = append(ids, id)
			due := 100_000 - int64(data.OfficeRank(office))*10_001
			paid := due - int64(i%3)*1_001 // some pay in part
			if _, err := st.SaveDues(ctx, data.Dues{MemberID: id, Year: benchYear, DueFen: due, PaidFen: paid,
				PaidDate:  time.Date(benchYear, time.Month(1+i%6), 1+i%28, 0, 0, 0, 0, time.UTC),
				ReceiptNo: fmt.Sprintf("SJ%d-%05d", benchYear, i)}); err != nil {
				return err
			}
		}
		acts := make([]int64, 20)
		for i := range acts {
			if acts[i], err = st.CreateActivity(ctx, data.Activity{Title: fmt.Sprintf("第%d次会员活动", i+1),
				Type: types[i%len(types)], Date: time.Date(benchYear, time.Month(1+i%12), 10, 0, 0, 0, 0, time.UTC)}); err != nil {
				return err
			}
		}
		for i := range benchEntries - benchDuesMembers {
			c := cats[i%len(cats)]
			if c.Name == data.DuesCategory {
				c = cats[(i+1)%len(cats)]
			}
			e := data.LedgerEntry{Date: time.Date(benchYear, time.Month(1+i%12), 1+i%28, 0, 0, 0, 0, time.UTC),
				Kind: c.Kind, Category: c.Name, Fen: int64(10 + (i*7919)%5_000_000),
				Note:    fmt.Sprintf("%s第%d笔，按凭证入账", c.Name, i+1),
				Voucher: fmt.Sprintf("记-%05d", i+1), Handler: "王会计"}
			switch i % 10 {
			case 1:
				e.MemberID = ids[i%len(ids)]
			case 2:
				e.ActivityID = acts[i%len(acts)]
			case 3:
				e.Project = "金秋助学"
			}
			if _, err := st.SaveLedgerEntry(ctx, e); err != nil {
				return err
			}
		}
		return nil
	})
}

// BenchmarkFinanceWorkbook writes the accounts workbook of a 50,000-entry
// year: tables built from the domain values, styles, widths, page setup.
func BenchmarkFinanceWorkbook(b *testing.B) {
	f := bigFinance(b)
	benchFinance(b, "Finance.Write", f.Write, "bareFinance", func(w io.Writer) error { return bareFinance(f, w) })
}

// BenchmarkBareFinanceWorkbook writes the same three sheets with excelize
// alone, from the same Finance, inside the timed loop (see bareFinance).
func BenchmarkBareFinanceWorkbook(b *testing.B) {
	f := bigFinance(b)
	benchFinance(b, "bareFinance", func(w io.Writer) error { return bareFinance(f, w) }, "Finance.Write", f.Write)
}

// benchFinance is benchWorkbook, and then checks that the 收支明细 sheet of
// each workbook has every entry and ends on the closing balance.
func benchFinance(b *testing.B, name string, write func(io.Writer) error, otherName string, other func(io.Writer) error) {
	benchWorkbook(b, 3, name, write, otherName, other)
	f := bigFin
	for _, n := range []string{name, otherName} {
		rows, closing, err := journalEnd(workbooks[n])
		if err != nil {
			b.Fatalf("%s: %v", n, err)
		}
		if rows != len(f.Entries)+4 || closing != f.Balance.ClosingFen {
			b.Fatalf("%s: 收支明细 has %d rows ending on %d fen, want %d rows (title, header, 上年结转, %d entries, 本年合计) ending on %d",
				n, rows, closing, len(f.Entries)+4, len(f.Entries), f.Balance.ClosingFen)
		}
	}
}

// journalEnd counts the rows of a workbook's 收支明细 sheet and reads the
// balance its last row ends on.
func journalEnd(wb []byte) (int, int64, error) {
	x, err := excelize.OpenReader(bytes.NewReader(wb))
	if err != nil {
		return 0, 0, err
	}
	defer x.Close()
	rows, err := x.Rows("收支明细")
	if err != nil {
		return 0, 0, err
	}
	defer rows.Close()
	n, last := 0, ""
	for rows.Next() {
		n++
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return 0, 0, err
		}
		if len(cols) >= 8 {
			last = cols[7]
		}
	}
	v, err := strconv.ParseFloat(last, 64)
	if err != nil {
		return 0, 0, fmt.Errorf("last balance %q: %w", last, err)
	}
	return n, int64(math.Round(v * 100)), rows.Error()
}

// bareFinance writes the accounts workbook of f with excelize alone, the
// way benchbare_test.go's bareWorkbook writes the annual one: each sheet's
// cells from the domain values in plain loops, then one StreamWriter per
// sheet.
func bareFinance(f *Finance, w io.Writer) error {
	x := excelize.NewFile()
	defer x.Close()
	st, err := bareStyles(x)
	if err != nil {
		return err
	}
	title := func(what string) string { return f.Org.Name + strconv.Itoa(f.Year) + "年" + what }
	_ = x.SetDocProps(&excelize.DocProperties{Title: title("收支报表"), Creator: "商会工作台 ChamberDesk", Language: "zh-CN"})
	sheets := []*bareSheet{bareJournal(f, title("收支明细")), bareBalance(f.Balance, title("收支汇总")),
		bareDuesByOffice(f, title("会费收支"))}
	for i, s := range sheets {
		if err := s.write(x, st, i); err != nil {
			return err
		}
	}
	_, err = x.WriteTo(w)
	return err
}

func bareJournal(f *Finance, title string) *bareSheet {
	s := newBareSheet("收支明细", title, true, len(f.Entries)+1,
		"序号", sInt, "日期", sDate, "凭证号", sText, "摘要", sWrap, "科目", sText, "收入(元)", sMoney,
		"支出(元)", sMoney, "余额(元)", sMoney, "经手人", sText, "来源", sText, "关联", sText)
	bal := f.Balance.OpeningFen
	s.rows = append(s.rows, s.add(nil, time.Date(f.Year, 1, 1, 0, 0, 0, 0, time.UTC), nil, "上年结转",
		nil, nil, nil, float64(bal)/100, nil, nil, nil))
	var in, out int64
	for i, e := range f.Entries {
		var inc, spent any
		if e.Kind == data.KindSpending {
			out, bal, spent = out+e.Fen, bal-e.Fen, float64(e.Fen)/100
		} else {
			in, bal, inc = in+e.Fen, bal+e.Fen, float64(e.Fen)/100
		}
		src := map[string]string{data.SourceManual: "手工", data.SourceImport: "导入", data.SourceDues: "会费"}[e.Source]
		var link []string
		if e.MemberID != 0 {
			link = append(link, f.Members[e.MemberID])
		}
		if e.ActivityID != 0 {
			link = append(link, f.Activities[e.ActivityID])
		}
		if e.Project != "" {
			link = append(link, e.Project)
		}
		s.rows = append(s.rows, s.add(i+1, e.Date, e.Voucher, e.Note, e.Category, inc, spent, float64(bal)/100,
			e.Handler, src, strings.Join(link, "；")))
	}
	s.total = s.add(nil, nil, "共 "+strconv.Itoa(len(f.Entries))+" 笔", "本年合计", nil, float64(in)/100,
		float64(out)/100, float64(bal)/100, nil, nil, nil)
	return s
}

func bareDuesByOffice(f *Finance, title string) *bareSheet {
	s := newBareSheet("会费收支", title, true, len(data.Offices),
		"序号", sInt, "商会职务", sText, "人数", sInt, "已缴清(人)", sInt, "欠缴(人)", sInt, "应缴(元)", sMoney,
		"实缴(元)", sMoney, "欠缴(元)", sMoney, "缴费率", sPercent, "备注", sWrap)
	type sums struct {
		n, cleared, owing  int
		due, paid, arrears int64
	}
	by := map[string]*sums{}
	var all sums
	for _, l := range f.Dues {
		o := by[l.Office]
		if o == nil {
			o = &sums{}
			by[l.Office] = o
		}
		for _, x := range []*sums{o, &all} {
			x.n++
			if l.PaidFen >= l.DueFen && (l.DueFen > 0 || l.PaidFen > 0) {
				x.cleared++
			}
			if l.PaidFen < l.DueFen {
				x.owing++
				x.arrears += l.DueFen - l.PaidFen
			}
			x.due, x.paid = x.due+l.DueFen, x.paid+l.PaidFen
		}
	}
	offices := make([]string, 0, len(by))
	for o := range by {
		offices = append(offices, o)
	}
	sort.Slice(offices, func(i, j int) bool {
		ri, rj := data.OfficeRank(offices[i]), data.OfficeRank(offices[j])
		return ri < rj || ri == rj && offices[i] < offices[j]
	})
	row := func(first, name any, x *sums) []any {
		var rate any
		if x.due > 0 {
			rate = float64(x.paid) / float64(x.due)
		}
		return s.add(first, name, x.n, x.cleared, x.owing, float64(x.due)/100, float64(x.paid)/100,
			float64(x.arrears)/100, rate, nil)
	}
	for i, o := range offices {
		name := o
		if name == "" {
			name = "（未填职务）"
		}
		s.rows = append(s.rows, row(i+1, name, by[o]))
	}
	s.total = row(nil, "合计", &all)
	var ledger int64
	var n int
	for _, c := range f.Balance.ByCategory {
		if c.Kind == data.KindIncome && c.Category == data.DuesCategory {
			ledger, n = c.Fen, c.Count
		}
	}
	note := fmt.Sprintf("账上%d年「会费」科目收入 %d 笔，与本表实缴一致", f.Year, n)
	if ledger != all.paid {
		more, diff := "多", ledger-all.paid
		if diff < 0 {
			more, diff = "少", -diff
		}
		note = fmt.Sprintf("账上%d年「会费」科目收入 %d 笔，比本表实缴%s %s 元：账上按收款日期记年度，本表按会费所属年度；"+
			"往年会费在本年收到、本年会费在下年收到，或直接记账的会费，都会使两者不同", f.Year, n, more, data.FormatYuanPlain(diff))
	}
	s.foot = [][]any{s.add(nil, "账上会费收入", nil, nil, nil, nil, float64(ledger)/100, nil, nil, note)}
	return s
}
