package data_test

import (
	"context"
	"testing"

	"chamberdesk/data"
	"chamberdesk/data/datatest"
)

func TestDues(t *testing.T) {
	ctx := context.Background()
	s := datatest.MustOpen(t)
	if err := s.SetDuesStandards(ctx, []data.DuesStandard{
		{Year: 2026, Office: "会长", Fen: 2000000}, {Year: 2026, Office: "理事", Fen: 200000},
		{Year: 2026, Office: "会员", Fen: 50000},
	}); err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, m := range []data.Member{
		{Name: "甲", Office: "会长", JoinDate: day(2015, 1, 1)},
		{Name: "乙", Office: "理事", JoinDate: day(2016, 1, 1)},
		{Name: "丙", JoinDate: day(2020, 1, 1)},
		{Name: "丁", JoinDate: day(2027, 1, 1)}, // joins after the year: owes nothing for it
	} {
		id, _, err := s.CreateMember(ctx, m)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	// 乙 paid half.
	if _, err := s.SaveDues(ctx, data.Dues{MemberID: ids[1], Year: 2026, DueFen: 200000, PaidFen: 100000}); err != nil {
		t.Fatal(err)
	}
	arrears, err := s.Arrears(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if len(arrears) != 3 || arrears[0].Member.Name != "甲" || arrears[0].DueFen != 2000000 ||
		arrears[1].Member.Name != "乙" || arrears[1].PaidFen != 100000 || arrears[2].Member.Name != "丙" {
		t.Fatalf("arrears %+v", arrears)
	}

	t.Run("MarkPaidInBulk", func(t *testing.T) {
		if err := s.MarkDuesPaid(ctx, 2026, []int64{ids[0], ids[1]}, day(2026, 3, 10), "QH2026-"); err != nil {
			t.Fatal(err)
		}
		arrears, _ := s.Arrears(ctx, 2026)
		if len(arrears) != 1 || arrears[0].Member.Name != "丙" {
			t.Fatalf("arrears after bulk payment %+v", arrears)
		}
		ds, _ := s.DuesOfMember(ctx, ids[0])
		if len(ds) != 1 || ds[0].PaidFen != 2000000 || ds[0].ReceiptNo != "QH2026-001" || !ds[0].PaidDate.Equal(day(2026, 3, 10)) {
			t.Fatalf("dues of 甲 %+v", ds)
		}
		changes, _ := s.Changes(ctx, "dues", ds[0].ID)
		if len(changes) != 1 || changes[0].Action != "insert" {
			t.Fatalf("dues change log %+v", changes)
		}
	})

	t.Run("ReceiptNumbersContinue", func(t *testing.T) {
		next, err := s.NextReceipts(ctx, 2026, "QH2026-", 2)
		if err != nil || len(next) != 2 || next[0] != "QH2026-003" || next[1] != "QH2026-004" {
			t.Fatalf("next receipts %v %v", next, err)
		}
		if err := s.MarkDuesPaid(ctx, 2026, []int64{ids[2]}, day(2026, 5, 1), "QH2026-"); err != nil {
			t.Fatal(err)
		}
		ds, _ := s.DuesOfMember(ctx, ids[2])
		if ds[0].ReceiptNo != "QH2026-003" {
			t.Fatalf("second batch receipt %q; want QH2026-003 after the first batch's 001 and 002", ds[0].ReceiptNo)
		}
	})

	t.Run("ErrBulkIsAllOrNothing", func(t *testing.T) {
		before, _ := s.DuesOfYear(ctx, 2026)
		err := s.MarkDuesPaid(ctx, 2026, []int64{ids[3], 9999}, day(2026, 4, 1), "")
		if !data.IsCode(err, data.CodeNotFound) {
			t.Fatalf("err = %v", err)
		}
		after, _ := s.DuesOfYear(ctx, 2026)
		if len(after) != len(before) {
			t.Fatalf("a failed bulk payment wrote %d rows", len(after)-len(before))
		}
	})
}
