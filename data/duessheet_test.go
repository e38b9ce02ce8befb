package data_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"chamberdesk/data"
	"chamberdesk/data/datatest"
)

func TestDuesSheet(t *testing.T) {
	ctx := context.Background()
	s := datatest.MustOpen(t)
	if err := s.SetDuesStandards(ctx, []data.DuesStandard{
		{Year: 2025, Office: "会长", Fen: 2000000}, {Year: 2025, Office: "理事", Fen: 200000},
		{Year: 2025, Office: "会员", Fen: 50000},
		{Year: 2024, Office: "会员", Fen: 30000}, {Year: 2024, Office: "副会长", Fen: 1000000},
	}); err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	add := func(m data.Member) {
		t.Helper()
		id, _, err := s.CreateMember(ctx, m)
		if err != nil {
			t.Fatalf("%s: %v", m.Name, err)
		}
		ids[m.Name] = id
	}
	add(data.Member{Name: "甲", Office: "会长", JoinDate: day(2015, 1, 1)})
	add(data.Member{Name: "乙", Office: "理事", JoinDate: day(2016, 5, 1), Company: "乙建材有限公司"})
	add(data.Member{Name: "丙", JoinDate: day(2025, 12, 31)})                             // joined on the last day
	add(data.Member{Name: "丁", JoinDate: day(2026, 1, 1)})                               // joined after the year
	add(data.Member{Name: "戊", JoinDate: day(2010, 1, 1), LeaveDate: day(2024, 12, 31)}) // left before it
	add(data.Member{Name: "己", JoinDate: day(2010, 1, 1), LeaveDate: day(2025, 1, 1)})   // left on its first day
	add(data.Member{Name: "庚", Office: "副会长", JoinDate: day(2012, 1, 1)})                // no 2025 standard
	add(data.Member{Name: "辛"})                                                          // join date unknown
	add(data.Member{Name: "壬", JoinDate: day(2010, 1, 1), Status: data.StatusLeft})      // left, date unknown
	add(data.Member{Name: "癸", Office: "理事", JoinDate: day(2018, 1, 1)})                 // dues only for 2024
	add(data.Member{Name: "子", JoinDate: day(2011, 1, 1)})                               // a row that overrides the standard
	add(data.Member{Name: "丑", JoinDate: day(2011, 2, 1), LeaveDate: day(2025, 8, 1)})   // left owing
	add(data.Member{Name: "寅", JoinDate: day(2011, 3, 1), LeaveDate: day(2026, 3, 15)})  // left the year after, owing
	for _, d := range []data.Dues{
		{MemberID: ids["甲"], Year: 2025, DueFen: 2000000, PaidFen: 2000000, PaidDate: day(2025, 3, 10), ReceiptNo: "R1"},
		{MemberID: ids["己"], Year: 2025, Note: "年初退会，免缴"},
		{MemberID: ids["辛"], Year: 2025, DueFen: 50000, PaidFen: 25000, PaidDate: day(2025, 4, 2), ReceiptNo: "R2", Note: "余款年底前补缴"},
		{MemberID: ids["癸"], Year: 2024, DueFen: 200000, PaidFen: 200000, PaidDate: day(2024, 3, 1)},
		{MemberID: ids["子"], Year: 2025, DueFen: 30000},
		{MemberID: ids["丑"], Year: 2025, DueFen: 50000},
		{MemberID: ids["寅"], Year: 2025, DueFen: 50000},
		{MemberID: ids["丁"], Year: 2026, DueFen: 50000}, // another year
	} {
		if _, err := s.SaveDues(ctx, d); err != nil {
			t.Fatal(err)
		}
	}

	got, err := s.DuesSheet(ctx, 2025)
	if err != nil {
		t.Fatal(err)
	}
	want := []data.DuesLine{
		{Name: "甲", Office: "会长", Status: "在会", DueFen: 2000000, PaidFen: 2000000, PaidDate: day(2025, 3, 10), ReceiptNo: "R1", HasDues: true, HasStandard: true},
		{Name: "庚", Office: "副会长", Status: "在会"},
		{Name: "乙", Company: "乙建材有限公司", Office: "理事", Status: "在会", DueFen: 200000, HasStandard: true},
		{Name: "癸", Office: "理事", Status: "在会", DueFen: 200000, HasStandard: true},
		{Name: "辛", Office: "会员", Status: "在会", DueFen: 50000, PaidFen: 25000, PaidDate: day(2025, 4, 2), ReceiptNo: "R2", Note: "余款年底前补缴", HasDues: true, HasStandard: true},
		{Name: "子", Office: "会员", Status: "在会", DueFen: 30000, HasDues: true, HasStandard: true},
		{Name: "丙", Office: "会员", Status: "在会", DueFen: 50000, HasStandard: true},
		{Name: "己", Office: "会员", Status: "退会", LeaveDate: day(2025, 1, 1), Note: "年初退会，免缴", HasDues: true, HasStandard: true},
		{Name: "丑", Office: "会员", Status: "退会", LeaveDate: day(2025, 8, 1), DueFen: 50000, HasDues: true, HasStandard: true},
		{Name: "寅", Office: "会员", Status: "退会", LeaveDate: day(2026, 3, 15), DueFen: 50000, HasDues: true, HasStandard: true},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d lines, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		w.MemberID, w.Year = ids[w.Name], 2025
		if got[i] != w {
			t.Errorf("line %d:\n got %+v\nwant %+v", i, got[i], w)
		}
	}

	t.Run("ArrearsAgree", func(t *testing.T) {
		arrears, err := s.Arrears(ctx, 2025)
		if err != nil {
			t.Fatal(err)
		}
		var sheet []int64
		for _, l := range got {
			if l.InArrears() {
				sheet = append(sheet, l.MemberID)
			}
		}
		if len(sheet) != len(arrears) {
			t.Fatalf("sheet arrears %v, store arrears %d", sheet, len(arrears))
		}
		for i, a := range arrears {
			if a.Member.ID != sheet[i] || a.DueFen != got[indexOf(got, sheet[i])].DueFen {
				t.Errorf("arrears %d: store %s, sheet id %d", i, a.Member.Name, sheet[i])
			}
		}
		if l := got[len(got)-2]; !l.Owing() || l.InArrears() {
			t.Errorf("丑 left owing in 2025: Owing %v InArrears %v", l.Owing(), l.InArrears())
		}
		// 寅 left in March 2026: a member all of 2025, she still owes it.
		if l := got[len(got)-1]; !l.InArrears() || !slices.ContainsFunc(arrears, func(a data.ArrearsMember) bool { return a.Member.ID == l.MemberID }) {
			t.Errorf("寅, who left in 2026, is not in 2025's arrears: %+v", l)
		}
	})

	t.Run("OtherYears", func(t *testing.T) {
		lines, err := s.DuesSheet(ctx, 2026)
		if err != nil {
			t.Fatal(err)
		}
		// no 2026 standards: only the rows written for 2026 carry a due
		for _, l := range lines {
			if l.Name == "丁" && (!l.HasDues || l.DueFen != 50000) {
				t.Errorf("丁 2026: %+v", l)
			}
			if l.Name != "丁" && (l.DueFen != 0 || l.HasStandard) {
				t.Errorf("%s 2026: %+v", l.Name, l)
			}
			if l.Name == "己" || l.Name == "丑" {
				t.Errorf("%s left in 2025 but is on the 2026 sheet", l.Name)
			}
		}
		if len(lines) != 9 {
			t.Errorf("2026 sheet has %d lines, want 9", len(lines))
		}
		if _, err := s.DuesSheet(ctx, 20250); !data.IsCode(err, data.CodeInvalid) {
			t.Errorf("year 20250: err = %v", err)
		}
		years, err := s.DuesYears(ctx)
		if err != nil || len(years) != 3 || years[0] != 2024 || years[2] != 2026 {
			t.Errorf("DuesYears = %v, %v", years, err)
		}
	})
}

func indexOf(lines []data.DuesLine, id int64) int {
	for i, l := range lines {
		if l.MemberID == id {
			return i
		}
	}
	return -1
}

// BenchmarkDuesSheet measures loading a year's dues sheet for 10,000
// members, most of them with a dues row, as the 会费 screen does on show.
func BenchmarkDuesSheet(b *testing.B) {
	ctx := context.Background()
	s := datatest.MustOpen(b)
	fillMembers(b, s, 10000)
	var st []data.DuesStandard
	for i, o := range data.Offices {
		st = append(st, data.DuesStandard{Year: 2025, Office: o, Fen: int64(len(data.Offices)-i) * 50000})
	}
	if err := s.SetDuesStandards(ctx, st); err != nil {
		b.Fatal(err)
	}
	var paid []int64
	for id := int64(1); id <= 10000; id++ {
		if id%5 != 0 {
			paid = append(paid, id)
		}
	}
	if err := s.MarkDuesPaid(ctx, 2025, paid, time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC), "B-"); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		lines, err := s.DuesSheet(ctx, 2025)
		if err != nil {
			b.Fatal(err)
		}
		if len(lines) != 10000 {
			b.Fatalf("%d lines", len(lines))
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/op")
}
