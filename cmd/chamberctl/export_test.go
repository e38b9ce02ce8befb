package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"chamberdesk/data"
	"chamberdesk/data/demo"
	"chamberdesk/report/xlsx/xlsxtest"

	"chamberdesk/data/datatest"
)

// exportDemo makes the demo chamber plus a member whose note looks like a
// formula, and returns the database path and the store's members.
func exportDemo(t *testing.T) (string, []data.Member) {
	t.Helper()
	ctx := context.Background()
	db := filepath.Join(datatest.TempDir(t), "demo.db")
	st, err := data.Create(ctx, db, data.OpenOptions{}, demo.Fill)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, _, err := st.CreateMember(ctx, data.Member{Kind: data.KindPersonal, Name: "公式测", Phone: "13912345678",
		Notes: "=1+1", JoinDate: time.Date(2026, 2, 3, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	ms, err := st.Members(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return db, ms
}

func TestMembersExport(t *testing.T) {
	db, members := exportDemo(t)
	dir := datatest.TempDir(t)
	for _, full := range []bool{false, true} {
		out := filepath.Join(dir, map[bool]string{false: "名册.xlsx", true: "名册-完整.xlsx"}[full])
		args := []string{"--db", db, "members", "export", "--out", out}
		if full {
			args = append(args, "--full")
		}
		if got := mustCtl(t, args...); !strings.Contains(got, out) {
			t.Errorf("output %q should name the file", got)
		}
		ws := xlsxtest.Read(t, out).Sheet(t, "会员名册")
		ws.CheckLayout(t, ws.Rows[0][0].Str())
		rows := ws.Data()
		if len(rows) != len(members) {
			t.Fatalf("%d rows, want %d", len(rows), len(members))
		}
		name, phone, id, note := ws.Header(t, "姓名"), ws.Header(t, "手机号码"), ws.Header(t, "身份证号码"), ws.Header(t, "备注")
		join := ws.Header(t, "入会日期")
		ids := 0
		for i, m := range members {
			r := rows[i]
			wantPhone, wantID := data.MaskPhone(m.Phone), data.MaskIDNumber(m.IDNumber)
			if full {
				wantPhone, wantID = m.Phone, m.IDNumber
			}
			if r[name].Str() != m.Name || r[phone].Str() != wantPhone || r[id].Str() != wantID {
				t.Errorf("full=%v row %d: %v %v %v, want %s %s %s", full, i, r[name], r[phone], r[id], m.Name, wantPhone, wantID)
			}
			if m.IDNumber != "" {
				ids++
			}
			if !m.JoinDate.IsZero() && (r[join].T != "d" || r[join].V != data.FormatDateISO(m.JoinDate)) {
				t.Errorf("%s 入会日期 %v", m.Name, r[join])
			}
			if m.Notes == "=1+1" && (r[note].T != "s" || r[note].V != "=1+1") {
				t.Errorf("note %v, want the text =1+1", r[note])
			}
		}
		if ids == 0 {
			t.Error("no member with an ID number in the demo")
		}
	}
	if e, _ := os.ReadDir(dir); len(e) != 2 {
		t.Errorf("folder holds %d files, want the two rosters", len(e))
	}
}

func TestSummaryExport(t *testing.T) {
	db, _ := exportDemo(t)
	out := filepath.Join(datatest.TempDir(t), "汇总.xlsx")
	mustCtl(t, "--db", db, "summary", "--year", "2026", "--out", out)
	wb := xlsxtest.Read(t, out)
	st, err := data.Open(context.Background(), db, data.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	acts, _ := st.Activities(ctx, 2026)
	figs, _ := st.Figures(ctx, 2026)
	lines, _ := st.DuesSheet(ctx, 2026)
	org, _ := st.Organization(ctx)

	ledger := wb.Sheet(t, "活动台账")
	ledger.CheckLayout(t, org.Name+"2026年活动台账")
	if len(ledger.Data()) != len(acts) {
		t.Errorf("ledger %d rows, want %d", len(ledger.Data()), len(acts))
	}
	pt := 0.0
	for _, r := range ledger.Data() {
		v, ok := r[ledger.Header(t, "参与人次")].Num()
		if !ok {
			t.Fatalf("参与人次 %v is not a number", r[ledger.Header(t, "参与人次")])
		}
		pt += v
	}
	checkMetrics(t, wb.Sheet(t, "年度指标"), figs)
	for _, f := range figs {
		if f.Key == "person_times" && pt != f.Value {
			t.Errorf("ledger person-times %v, figure %v", pt, f.Value)
		}
	}
	dues := wb.Sheet(t, "会费收缴")
	var paid int64
	for _, l := range lines {
		paid += l.PaidFen
	}
	if len(dues.Data()) == 0 {
		t.Fatal("会费收缴 has no rows, not even the totals")
	}
	total := dues.Data()[len(dues.Data())-1]
	v, ok := total[dues.Header(t, "实缴(元)")].Num()
	if !ok {
		t.Fatalf("实缴(元) total %v is not a number", total[dues.Header(t, "实缴(元)")])
	}
	if int64(v*100+0.5) != paid || total[dues.Header(t, "姓名")].Str() != "合计" {
		t.Errorf("totals %v, want %d fen paid", total, paid)
	}
}

// checkMetrics finds each figure's row by its metric's name, so a row
// moved, dropped or repeated is caught rather than compared with its
// neighbour's figure: a figure that is set is a number equal to it, and one
// nobody has entered is an empty cell, not a 0.
func checkMetrics(t *testing.T, ws *xlsxtest.Sheet, figs []data.Figure) {
	t.Helper()
	if len(figs) == 0 {
		t.Fatal("the demo year has no figures: nothing to compare")
	}
	name, value := ws.Header(t, "指标"), ws.Header(t, "数值")
	byName := map[string][]xlsxtest.Cell{}
	for i, r := range ws.Data() {
		n := r[name].Str()
		if n == "" {
			t.Errorf("年度指标 data row %d has no metric name: %v", i+1, r)
			continue
		}
		if _, dup := byName[n]; dup {
			t.Errorf("年度指标 lists %s twice", n)
		}
		byName[n] = r
	}
	if len(byName) != len(figs) {
		t.Errorf("年度指标 has %d metrics, want %d", len(byName), len(figs))
	}
	for _, f := range figs {
		r, ok := byName[f.Name]
		if !ok {
			t.Errorf("年度指标 has no row for %s", f.Name)
			continue
		}
		c := r[value]
		if !f.Set {
			if c.T != "" {
				t.Errorf("%s: nobody entered it, yet the cell holds %v", f.Name, c)
			}
			continue
		}
		v, ok := c.Num()
		if !ok {
			t.Errorf("%s: 数值 %v is not a number", f.Name, c)
			continue
		}
		if v != f.Value {
			t.Errorf("%s: %v, want %v", f.Name, v, f.Value)
		}
	}
}

func TestAwardSummaryExport(t *testing.T) {
	db, _ := exportDemo(t)
	out := filepath.Join(datatest.TempDir(t), "申报汇总表.xlsx")
	got := mustCtl(t, "--db", db, "award-summary", "--year", "2026", "--out", out)
	if !strings.Contains(got, "1 个案例") {
		t.Errorf("output %q", got)
	}
	ws := xlsxtest.Read(t, out).Sheet(t, "申报汇总表")
	if len(ws.Data()) != 1 {
		t.Fatalf("%d rows", len(ws.Data()))
	}
	r := ws.Data()[0]
	if r[ws.Header(t, "申报等次")].Str() != data.LevelExcellent || r[ws.Header(t, "单位类别")].Str() != "镇街商会" ||
		!strings.Contains(r[ws.Header(t, "主要成效")].Str(), "办班12期") {
		t.Errorf("row %v", r)
	}
	if p := r[ws.Header(t, "联系电话")].Str(); len(p) != 11 || strings.Contains(p, "*") {
		t.Errorf("contact phone %q should be as entered", p)
	}
}

func TestExportErrors(t *testing.T) {
	db, _ := exportDemo(t)
	dir := datatest.TempDir(t)
	existing := filepath.Join(dir, "old.xlsx")
	if err := os.WriteFile(existing, []byte("old workbook"), 0o644); err != nil {
		t.Fatal(err)
	}
	isDir := filepath.Join(dir, "folder.xlsx")
	if err := os.Mkdir(isDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"MissingFolder", []string{"members", "export", "--out", filepath.Join(dir, "nope", "a.xlsx")}, exitError, "无法在"},
		{"DestinationIsFolder", []string{"summary", "--year", "2026", "--out", isDir}, exitError, "文件夹"},
		{"BadYear", []string{"summary", "--year", "1800", "--out", existing}, exitUsage, "--year"},
		{"NoYear", []string{"award-summary", "--out", existing}, exitUsage, "--year"},
		{"NoOut", []string{"members", "export"}, exitUsage, "--out"},
		{"NotXlsx", []string{"members", "export", "--out", filepath.Join(dir, "a.csv")}, exitUsage, ".xlsx"},
		{"Extra", []string{"award-summary", "--year", "2026", "--out", existing, "x"}, exitUsage, "多余"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errs := ctl(t, append([]string{"--db", db}, tc.args...)...)
			if code != tc.code || !strings.Contains(errs, tc.want) {
				t.Fatalf("exit %d, stderr %q", code, errs)
			}
			if code == exitError && strings.Count(strings.TrimSpace(errs), "\n") != 0 {
				t.Errorf("error should be one line: %q", errs)
			}
			if b, _ := os.ReadFile(existing); string(b) != "old workbook" {
				t.Error("the existing file was changed")
			}
			es, _ := os.ReadDir(dir)
			if len(es) != 2 {
				var names []string
				for _, e := range es {
					names = append(names, e.Name())
				}
				t.Errorf("folder holds %v: a temporary file was left", names)
			}
			if es, _ := os.ReadDir(isDir); len(es) != 0 {
				t.Errorf("the destination folder was written into")
			}
		})
	}
}
