package data_test

import (
	"context"
	"errors"
	"testing"

	"chamberdesk/data"
	"chamberdesk/data/datatest"
)

func cols(keys ...string) map[string]string {
	m := map[string]string{}
	for i, k := range keys {
		m[k] = string(rune('A' + i))
	}
	return m
}

func TestImportMembers(t *testing.T) {
	ctx := context.Background()
	c := cols(data.ColName, data.ColCompany, data.ColCreditCode, data.ColPhone, data.ColOffice, data.ColJoinDate)
	cc, _ := data.CreditCodeCheckChar("91330000MA27XK3Q0")
	good := "91330000MA27XK3Q0" + string(cc)

	t.Run("OK", func(t *testing.T) {
		s := datatest.MustOpen(t)
		byPhone, _, _ := s.CreateMember(ctx, data.Member{Name: "甲", Phone: "13800000001"})
		byCoy, _, _ := s.CreateMember(ctx, data.Member{Name: "乙", Company: "乙示例公司"})
		byCode, _, _ := s.CreateMember(ctx, data.Member{Name: "丙", Company: "丙示例公司", CreditCode: good})
		rows := []data.ImportRow{
			{Row: 2, Cols: c, Name: "甲", Phone: "13800000001", Office: "理事"},
			{Row: 3, Cols: c, Name: "乙", Company: "乙示例公司"},
			{Row: 4, Cols: c, Name: "丙丙", CreditCode: good},
			{Row: 5, Cols: c, Name: "丁", JoinDate: "44260"},
			{Row: 6, Cols: c, Skip: "合计行"},
		}
		for _, dry := range []bool{true, false} {
			rep, err := s.ImportMembers(ctx, rows, dry)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Added != 1 || rep.Updated != 2 || rep.Unchanged != 1 || rep.Skipped != 1 {
				t.Fatalf("dry %v: %+v", dry, rep)
			}
			ms, _ := s.Members(ctx)
			if want := map[bool]int{true: 3, false: 4}[dry]; len(ms) != want {
				t.Fatalf("dry %v: %d members, want %d", dry, len(ms), want)
			}
		}
		for id, want := range map[int64]string{byPhone: "理事", byCoy: "会员", byCode: "会员"} {
			m, _ := s.Member(ctx, id)
			if m.Office != want {
				t.Errorf("member %d office %q", id, m.Office)
			}
		}
		if m, _ := s.Member(ctx, byCode); m.Name != "丙丙" || m.Company != "丙示例公司" {
			t.Errorf("matched by credit code: %+v (company must survive an absent cell)", m)
		}
	})

	t.Run("WarningKept", func(t *testing.T) {
		s := datatest.MustOpen(t)
		bad := good[:17] + "0"
		if bad == good {
			bad = good[:17] + "1"
		}
		rep, err := s.ImportMembers(ctx, []data.ImportRow{{File: "a.xlsx", Row: 3, Cols: c, Name: "戊", Company: "戊示例公司", CreditCode: bad}}, false)
		if err != nil || rep.Added != 1 || len(rep.Warnings) != 1 || rep.Warnings[0].Col != "C" || rep.Warnings[0].Row != 3 {
			t.Fatalf("%v %+v", err, rep)
		}
	})

	t.Run("ErrEveryProblem", func(t *testing.T) {
		s := datatest.MustOpen(t)
		rows := []data.ImportRow{
			{File: "a.xlsx", Row: 3, Cols: c, Name: "", Phone: "123"},
			{File: "a.xlsx", Row: 4, Cols: c, Name: "己", JoinDate: "2021-13-01", Office: "总裁"},
			{File: "a.xlsx", Row: 5, Cols: c, Name: "庚"},
		}
		_, err := s.ImportMembers(ctx, rows, false)
		var es data.Errors
		if !errors.As(err, &es) || len(es) != 4 {
			t.Fatalf("want 4 problems, got %v", err)
		}
		want := [][2]string{{"3", "A"}, {"3", "D"}, {"4", "F"}, {"4", "E"}}
		for i, e := range es {
			if got := [2]string{itoa(e.Row), e.Col}; got != want[i] || e.File != "a.xlsx" {
				t.Errorf("problem %d at %v, want %v: %v", i, got, want[i], e)
			}
		}
		if ms, _ := s.Members(ctx); len(ms) != 0 {
			t.Fatal("refused import wrote")
		}
	})
}

func itoa(n int) string { return string(rune('0' + n)) }
