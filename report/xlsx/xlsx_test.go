package xlsx_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"chamberdesk/data"
	"chamberdesk/data/demo"
	"chamberdesk/report/xlsx"
	"chamberdesk/report/xlsx/xlsxtest"

	"chamberdesk/data/datatest"
)

// mustDemo creates the demo chamber in a temporary folder.
func mustDemo(t testing.TB) *data.Store {
	t.Helper()
	ctx := context.Background()
	st, err := data.Create(ctx, filepath.Join(datatest.TempDir(t), "demo.db"), data.OpenOptions{}, demo.Fill)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	return st
}

// addFormulaMember adds a member whose texts look like formulas, the way a
// note typed as "=1+1" or a company pasted with a leading "+" does.
func addFormulaMember(t testing.TB, st *data.Store) data.Member {
	t.Helper()
	m := data.Member{Kind: data.KindPersonal, Name: "公式测", Company: "@安澜测试商行", Phone: "13912345678",
		Industry: "-其他", Notes: "=1+1", JoinDate: time.Date(2026, 2, 3, 0, 0, 0, 0, time.UTC)}
	id, _, err := st.CreateMember(context.Background(), m)
	if err != nil {
		t.Fatal(err)
	}
	m, err = st.Member(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func writeTo(t testing.TB, name string, write func(io.Writer) error) string {
	t.Helper()
	path := filepath.Join(datatest.TempDir(t), name)
	if err := xlsx.WriteFile(path, write); err != nil {
		t.Fatal(err)
	}
	return path
}

func num(t testing.TB, c xlsxtest.Cell, what string) float64 {
	t.Helper()
	f, ok := c.Num()
	if !ok {
		t.Fatalf("%s: %v is not a number", what, c)
	}
	return f
}

func date(t testing.TB, c xlsxtest.Cell, want time.Time, what string) {
	t.Helper()
	if want.IsZero() {
		if c.T != "" {
			t.Errorf("%s: %v, want blank", what, c)
		}
		return
	}
	if c.T != "d" || c.V != data.FormatDateISO(want) {
		t.Errorf("%s: %v, want the date %s", what, c, data.FormatDateISO(want))
	}
}

func TestRoster(t *testing.T) {
	ctx := context.Background()
	st := mustDemo(t)
	formula := addFormulaMember(t, st)
	members, err := st.Members(ctx)
	if err != nil {
		t.Fatal(err)
	}
	org, _ := st.Organization(ctx)
	asOf := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)

	for _, full := range []bool{false, true} {
		name := map[bool]string{false: "Masked", true: "Full"}[full]
		t.Run(name, func(t *testing.T) {
			path := writeTo(t, "roster.xlsx", func(w io.Writer) error {
				return xlsx.WriteRoster(ctx, st, w, xlsx.RosterOptions{Full: full, AsOf: asOf})
			})
			ws := xlsxtest.Read(t, path).Sheet(t, "会员名册")
			ws.CheckLayout(t, org.Name+"会员名册（截至2026年11月30日）")
			if ws.Orientation != "landscape" {
				t.Errorf("orientation %q", ws.Orientation)
			}
			// The headers the roster importer recognises.
			for _, h := range []string{"姓名", "企业名称", "统一社会信用代码", "手机号码", "商会职务", "入会日期",
				"行业", "性别", "身份证号码", "政治面貌", "会员类型", "备注"} {
				ws.Header(t, h)
			}
			rows := ws.Data()
			if len(rows) != len(members) {
				t.Fatalf("%d rows, want %d members", len(rows), len(members))
			}
			col := func(h string) int { return ws.Header(t, h) }
			withID := 0
			for i, m := range members {
				r := rows[i]
				phone, id := data.MaskPhone(m.Phone), data.MaskIDNumber(m.IDNumber)
				if full {
					phone, id = m.Phone, m.IDNumber
				}
				if m.IDNumber != "" {
					withID++
				}
				if num(t, r[col("序号")], "序号") != float64(i+1) {
					t.Errorf("row %d: 序号 %v", i, r[0])
				}
				for h, want := range map[string]string{"姓名": m.Name, "企业名称": m.Company, "手机号码": phone,
					"身份证号码": id, "统一社会信用代码": m.CreditCode, "商会职务": m.Office, "状态": m.Status,
					"备注": m.Notes, "行业": m.Industry} {
					if got := r[col(h)]; got.Str() != want {
						t.Errorf("%s %s: %v, want %q", m.Name, h, got, want)
					}
				}
				date(t, r[col("入会日期")], m.JoinDate, m.Name+" 入会日期")
				date(t, r[col("退会日期")], m.LeaveDate, m.Name+" 退会日期")
			}
			if withID == 0 {
				t.Error("the demo has no member with an ID number: the masking check proves nothing")
			}
			// No full phone or ID number anywhere in a masked roster.
			if !full {
				for _, r := range rows {
					for _, c := range r {
						for _, m := range members {
							if s := c.Str(); s != "" && ((m.Phone != "" && strings.Contains(s, m.Phone)) ||
								(m.IDNumber != "" && strings.Contains(s, m.IDNumber))) {
								t.Errorf("masked roster holds %s's full number in %q", m.Name, s)
							}
						}
					}
				}
			}
			// Texts that look like formulas come back as the same text.
			for _, r := range rows {
				if r[col("姓名")].Str() != formula.Name {
					continue
				}
				for h, want := range map[string]string{"备注": "=1+1", "企业名称": formula.Company, "行业": formula.Industry} {
					if c := r[col(h)]; c.T != "s" || c.V != want {
						t.Errorf("%s: %v, want the text %q", h, c, want)
					}
				}
			}
		})
	}
}

func TestSummary(t *testing.T) {
	ctx := context.Background()
	st := mustDemo(t)
	const year = demo.LastYear
	org, _ := st.Organization(ctx)
	path := writeTo(t, "summary.xlsx", func(w io.Writer) error {
		return xlsx.WriteSummary(ctx, st, year, false, w)
	})
	wb := xlsxtest.Read(t, path)
	names := []string{}
	for _, s := range wb.Sheets {
		names = append(names, s.Name)
	}
	if strings.Join(names, ",") != "会员名册,活动台账,年度指标,会费收缴,收支汇总" {
		t.Fatalf("sheets %v", names)
	}
	for _, s := range wb.Sheets {
		s.CheckLayout(t, org.Name+"2026年"+s.Name)
	}

	t.Run("Members", func(t *testing.T) {
		ws := wb.Sheet(t, "会员名册")
		sheet, err := st.DuesSheet(ctx, year)
		if err != nil {
			t.Fatal(err)
		}
		// The members of the year are exactly those the dues sheet lists.
		want := map[string]bool{}
		for _, l := range sheet {
			want[l.Name+"|"+l.Company] = true
		}
		got := map[string]bool{}
		for _, r := range ws.Data() {
			got[r[ws.Header(t, "姓名")].Str()+"|"+r[ws.Header(t, "企业名称")].Str()] = true
			if p := r[ws.Header(t, "手机号码")].Str(); p != "" && !strings.Contains(p, "*") {
				t.Errorf("phone %q not masked", p)
			}
		}
		if len(got) != len(want) || len(ws.Data()) != len(sheet) {
			t.Errorf("%d members listed, want %d", len(ws.Data()), len(sheet))
		}
		for k := range want {
			if !got[k] {
				t.Errorf("member %s missing", k)
			}
		}
	})

	t.Run("Ledger", func(t *testing.T) {
		ws := wb.Sheet(t, "活动台账")
		acts, err := st.Activities(ctx, year)
		if err != nil {
			t.Fatal(err)
		}
		photos, _ := st.PhotoCounts(ctx)
		rows := ws.Data()
		if len(rows) != len(acts) {
			t.Fatalf("%d rows, want %d activities", len(rows), len(acts))
		}
		byTitle := map[string]data.Activity{}
		for _, a := range acts {
			byTitle[a.Title+data.FormatDateISO(a.Date)] = a
		}
		total := 0.0
		outcomes := 0
		prev := ""
		for _, r := range rows {
			title := r[ws.Header(t, "活动名称")].Str()
			d := r[ws.Header(t, "日期")]
			if d.T != "d" {
				t.Fatalf("%s: date %v is not a date", title, d)
			}
			if ds := d.V.(string); ds < prev {
				t.Errorf("%s: ledger not in date order", title)
			} else {
				prev = ds
			}
			a, ok := byTitle[title+d.V.(string)]
			if !ok {
				t.Fatalf("row %q %v is no activity of %d", title, d.V, year)
			}
			pt := num(t, r[ws.Header(t, "参与人次")], "参与人次")
			if pt != float64(a.PersonTimes()) || num(t, r[ws.Header(t, "参与会员数")], "参与会员数") != float64(len(a.Attendees)) ||
				num(t, r[ws.Header(t, "其他参与人次")], "其他参与人次") != float64(a.OutsideCount) {
				t.Errorf("%s: person-times %v, want %d", title, pt, a.PersonTimes())
			}
			total += pt
			if num(t, r[ws.Header(t, "照片数")], "照片数") != float64(photos[a.ID]) {
				t.Errorf("%s: photos %v, want %d", title, r[ws.Header(t, "照片数")], photos[a.ID])
			}
			if r[ws.Header(t, "类型")].Str() != a.Type || r[ws.Header(t, "地点")].Str() != a.Place {
				t.Errorf("%s: type/place %v %v", title, r[ws.Header(t, "类型")], r[ws.Header(t, "地点")])
			}
			o := r[ws.Header(t, "成效")].Str()
			if (o != "") != (len(a.Outcomes) > 0) || strings.Count(o, "；") != max(len(a.Outcomes)-1, 0) {
				t.Errorf("%s: outcomes %q for %v", title, o, a.Outcomes)
			}
			if len(a.Outcomes) > 0 {
				outcomes++
			}
		}
		figs, _ := st.Figures(ctx, year)
		for _, f := range figs {
			if f.Key == "person_times" && f.Value != total {
				t.Errorf("ledger person-times add up to %v, the 参与人次 figure is %v", total, f.Value)
			}
		}
		if outcomes == 0 {
			t.Error("no activity with outcomes: the 成效 column is untested")
		}
	})

	t.Run("Figures", func(t *testing.T) {
		ws := wb.Sheet(t, "年度指标")
		figs, err := st.Figures(ctx, year)
		if err != nil {
			t.Fatal(err)
		}
		rows := ws.Data()
		if len(rows) != len(figs) {
			t.Fatalf("%d rows, want %d metrics", len(rows), len(figs))
		}
		for i, f := range figs {
			r := rows[i]
			if r[ws.Header(t, "指标")].Str() != f.Name || r[ws.Header(t, "单位")].Str() != f.Unit ||
				r[ws.Header(t, "来源")].Str() != f.Source {
				t.Errorf("row %d: %v, want %s %s %s", i, r, f.Name, f.Unit, f.Source)
			}
			v := r[ws.Header(t, "数值")]
			if !f.Set {
				if v.T != "" {
					t.Errorf("%s: unset figure written as %v", f.Name, v)
				}
				continue
			}
			if got := num(t, v, f.Name); math.Abs(got-f.Value) > 1e-9 {
				t.Errorf("%s: %v, want %v", f.Name, got, f.Value)
			}
		}
	})

	t.Run("Balance", func(t *testing.T) {
		bal, err := st.LedgerBalance(ctx, year)
		if err != nil {
			t.Fatal(err)
		}
		if bal.Entries == 0 {
			t.Fatal("the demo chamber has no entries: the 收支汇总 sheet is untested")
		}
		checkBalanceSheet(t, wb.Sheet(t, "收支汇总"), bal)
	})

	t.Run("Dues", func(t *testing.T) {
		ws := wb.Sheet(t, "会费收缴")
		lines, err := st.DuesSheet(ctx, year)
		if err != nil {
			t.Fatal(err)
		}
		rows := ws.Data()
		if len(rows) != len(lines)+1 {
			t.Fatalf("%d rows, want %d lines and a total", len(rows), len(lines))
		}
		var due, paid int64
		for i, l := range lines {
			r := rows[i]
			due += l.DueFen
			paid += l.PaidFen
			if r[ws.Header(t, "姓名")].Str() != l.Name || r[ws.Header(t, "收据号")].Str() != l.ReceiptNo {
				t.Errorf("row %d: %v, want %s %s", i, r, l.Name, l.ReceiptNo)
			}
			if num(t, r[ws.Header(t, "应缴(元)")], "应缴")*100 != float64(l.DueFen) ||
				num(t, r[ws.Header(t, "实缴(元)")], "实缴")*100 != float64(l.PaidFen) {
				t.Errorf("%s: due/paid %v %v, want %d %d fen", l.Name, r[4], r[5], l.DueFen, l.PaidFen)
			}
			date(t, r[ws.Header(t, "缴费日期")], l.PaidDate, l.Name+" 缴费日期")
		}
		tot := rows[len(rows)-1]
		if tot[ws.Header(t, "姓名")].Str() != "合计" ||
			math.Round(num(t, tot[ws.Header(t, "应缴(元)")], "应缴合计")*100) != float64(due) ||
			math.Round(num(t, tot[ws.Header(t, "实缴(元)")], "实缴合计")*100) != float64(paid) {
			t.Errorf("totals %v, want %d / %d fen", tot, due, paid)
		}
		if want := "A2:J" + strconv.Itoa(len(lines)+2); strings.ReplaceAll(ws.Filter, "$", "") != want {
			t.Errorf("filter %q, want %q (the totals row outside it)", ws.Filter, want)
		}
		if ws.NumFmts["G"] == "General" || ws.NumFmts["E"] == "General" {
			t.Errorf("number formats %v", ws.NumFmts)
		}
	})
}

func TestAwardSummary(t *testing.T) {
	ctx := context.Background()
	st := mustDemo(t)
	org, _ := st.Organization(ctx)
	cases, _ := st.Cases(ctx)
	var c data.Case
	for _, x := range cases {
		if x.Year == demo.LastYear {
			c, _ = st.Case(ctx, x.ID)
		}
	}
	if c.ID == 0 || len(c.Figures) == 0 {
		t.Fatal("the demo has no case with figures")
	}
	path := writeTo(t, "award.xlsx", func(w io.Writer) error {
		_, err := xlsx.WriteAwardSummary(ctx, st, demo.LastYear, w)
		return err
	})
	ws := xlsxtest.Read(t, path).Sheet(t, "申报汇总表")
	ws.CheckLayout(t, org.Name+"2026年“创新中国”案例申报汇总表")
	rows := ws.Data()
	if len(rows) != 1 {
		t.Fatalf("%d rows, want 1 case", len(rows))
	}
	r := rows[0]
	want := map[string]string{"申报单位": org.Name, "单位类别": org.Type, "案例名称": c.Title, "申报等次": c.Level,
		"所在地区": org.Region, "推荐单位": c.Recommender, "联系人": c.ContactPerson, "职务": c.ContactOffice,
		"联系电话": c.ContactPhone, "案例简介": c.Lead}
	for h, w := range want {
		if got := r[ws.Header(t, h)]; got.Str() != w {
			t.Errorf("%s: %v, want %q", h, got, w)
		}
	}
	if num(t, r[0], "序号") != 1 {
		t.Errorf("序号 %v", r[0])
	}
	res := r[ws.Header(t, "主要成效")].Str()
	for _, f := range c.Figures {
		if !strings.Contains(res, f.Phrasing) {
			t.Errorf("主要成效 %q lacks %q", res, f.Phrasing)
		}
	}
	if !strings.Contains(res, "办班12期") {
		t.Errorf("主要成效 %q should name the figures", res)
	}

	t.Run("NoFiguresTakesFirstParagraph", func(t *testing.T) {
		c2 := c
		c2.Figures = nil
		c2.Results = "\n第一段成效。\n第二段。"
		if _, err := st.SaveCase(ctx, c2); err != nil {
			t.Fatal(err)
		}
		path := writeTo(t, "award2.xlsx", func(w io.Writer) error {
			_, err := xlsx.WriteAwardSummary(ctx, st, demo.LastYear, w)
			return err
		})
		ws := xlsxtest.Read(t, path).Sheet(t, "申报汇总表")
		if got := ws.Data()[0][ws.Header(t, "主要成效")].Str(); got != "第一段成效。" {
			t.Errorf("主要成效 %q", got)
		}
	})

	t.Run("OtherYearIsEmpty", func(t *testing.T) {
		var buf bytes.Buffer
		n, err := xlsx.WriteAwardSummary(ctx, st, 2019, &buf)
		if err != nil || n != 0 || buf.Len() == 0 {
			t.Fatalf("n %d err %v len %d", n, err, buf.Len())
		}
	})
}

func TestWriteFile(t *testing.T) {
	ok := func(w io.Writer) error { _, err := w.Write([]byte("new")); return err }
	entries := func(dir string) []string {
		es, _ := os.ReadDir(dir)
		var names []string
		for _, e := range es {
			names = append(names, e.Name())
		}
		return names
	}

	t.Run("OK", func(t *testing.T) {
		dir := datatest.TempDir(t)
		path := filepath.Join(dir, "a.xlsx")
		if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := xlsx.WriteFile(path, ok); err != nil {
			t.Fatal(err)
		}
		if b, _ := os.ReadFile(path); string(b) != "new" {
			t.Errorf("file holds %q", b)
		}
		// Windows keeps only the read-only attribute: 0666 is "writable".
		want := os.FileMode(0o644)
		if runtime.GOOS == "windows" {
			want = 0o666
		}
		if fi, _ := os.Stat(path); fi.Mode().Perm() != want {
			t.Errorf("mode %v", fi.Mode())
		}
		if e := entries(dir); len(e) != 1 {
			t.Errorf("folder holds %v", e)
		}
	})

	t.Run("ErrWriteKeepsOldFile", func(t *testing.T) {
		dir := datatest.TempDir(t)
		path := filepath.Join(dir, "a.xlsx")
		if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
		boom := errors.New("boom")
		err := xlsx.WriteFile(path, func(w io.Writer) error { _, _ = w.Write([]byte("half")); return boom })
		if !errors.Is(err, boom) {
			t.Fatalf("err %v", err)
		}
		if b, _ := os.ReadFile(path); string(b) != "old" {
			t.Errorf("file holds %q", b)
		}
		if e := entries(dir); len(e) != 1 {
			t.Errorf("folder holds %v", e)
		}
	})

	t.Run("ErrMissingFolder", func(t *testing.T) {
		dir := datatest.TempDir(t)
		err := xlsx.WriteFile(filepath.Join(dir, "no", "a.xlsx"), ok)
		if !data.IsCode(err, data.CodeFileCreate) || !errors.Is(err, fs.ErrNotExist) {
			t.Fatalf("err %v", err)
		}
		if e := entries(dir); len(e) != 0 {
			t.Errorf("folder holds %v", e)
		}
	})

	t.Run("ErrDestinationIsFolder", func(t *testing.T) {
		dir := datatest.TempDir(t)
		path := filepath.Join(dir, "a.xlsx")
		if err := os.Mkdir(path, 0o755); err != nil {
			t.Fatal(err)
		}
		err := xlsx.WriteFile(path, ok)
		if err == nil || !strings.Contains(err.Error(), "文件夹") {
			t.Fatalf("err %v", err)
		}
		if e := entries(dir); len(e) != 1 {
			t.Errorf("folder holds %v", e)
		}
		if e := entries(path); len(e) != 0 {
			t.Errorf("destination folder holds %v", e)
		}
	})
}
