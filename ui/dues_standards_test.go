package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"chamberdesk/data"
)

func TestDuesStandardsNewYear(t *testing.T) {
	a, d := openDues(t)
	ctx := context.Background()
	d.yearSel.SetSelected("2027年")
	a.wait()
	if d.year != 2027 {
		t.Fatalf("year %d", d.year)
	}
	member := d.stdEntries[data.OfficeRank("会员")]
	if member.Text != "" {
		t.Fatalf("2027 has a standard already: %q", member.Text)
	}

	t.Run("ErrInvalidAmount", func(t *testing.T) {
		test.Type(member, "六百")
		test.Tap(d.stdSave)
		if !strings.HasPrefix(d.stdMsg.Text, "会员：") || member.Validate() == nil {
			t.Fatalf("no inline error: %q", d.stdMsg.Text)
		}
		if st, _ := a.store().DuesStandards(ctx, 2027); len(st) != 0 {
			t.Fatalf("wrote %+v", st)
		}
	})

	member.SetText("")
	test.Type(member, "600")
	test.Tap(d.stdSave)
	a.wait()
	st, err := a.store().DuesStandards(ctx, 2027)
	if err != nil {
		t.Fatal(err)
	}
	if len(st) != 1 || st[0] != (data.DuesStandard{Year: 2027, Office: "会员", Fen: 60000}) {
		t.Fatalf("stored %+v", st)
	}
	if old, _ := a.store().DuesStandards(ctx, 2026); len(old) == 0 || old[len(old)-1].Fen == 60000 {
		t.Fatalf("2026 changed: %+v", old)
	}
	// the 2027 sheet now asks 600 of every ordinary member
	n := 0
	for r := range rows(d) {
		if cellText(d, r, colOffice) == "会员" {
			n++
			if cellText(d, r, colDue) != "600" || cellText(d, r, colState) != stateUnpaid {
				t.Fatalf("row %d: due %q state %q", r, cellText(d, r, colDue), cellText(d, r, colState))
			}
		}
	}
	if n == 0 || len(arrearsIDs(t, a.store(), 2027)) != n {
		t.Fatalf("%d 会员 rows, %d in arrears", n, len(arrearsIDs(t, a.store(), 2027)))
	}

	t.Run("CopyLastYear", func(t *testing.T) {
		test.Tap(d.stdCopy)
		if d.stdEntries[0].Text == "" || member.Text != "600" {
			t.Fatalf("会长 %q 会员 %q", d.stdEntries[0].Text, member.Text)
		}
		if st, _ := a.store().DuesStandards(ctx, 2027); len(st) != 1 {
			t.Fatal("沿用上年 saved without 保存标准")
		}
	})
}
