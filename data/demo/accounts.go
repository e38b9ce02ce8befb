package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"chamberdesk/data"
)

// The demo chamber's accounts: besides the dues payments (which become 会费
// entries by themselves), a town grant each year, donations for the charity
// drives, what activities and meetings cost, the office, the secretary's
// allowance and bank interest. 2025 starts from an opening balance carried
// from the books kept on paper, and is closed; 2026 is open.

// openingFen is the balance the chamber brought into 2025.
const openingFen = 86_430_55

// closedYear is the demo year whose accounts are closed.
const closedYear = FirstYear

// plannedEntry is one entry; act, when set, is the activity it belongs to
// (its id is only known once written).
type plannedEntry struct {
	e   data.LedgerEntry
	act *activityPlan
	who *person
}

// planAccounts draws the entries of both demo years.
func planAccounts(r *rand.Rand, acts []*activityPlan, ps []*person, handler string) []plannedEntry {
	var out []plannedEntry
	add := func(d time.Time, kind, cat string, fen int64, note, voucher string) *plannedEntry {
		out = append(out, plannedEntry{e: data.LedgerEntry{Date: d, Kind: kind, Category: cat, Fen: fen,
			Note: note, Voucher: voucher, Handler: handler}})
		return &out[len(out)-1]
	}
	voucher := map[int]int{}
	next := func(y int) string {
		voucher[y]++
		return fmt.Sprintf("记-%d-%03d", y, voucher[y])
	}
	for _, y := range Years {
		add(day(y, 3, 28), data.KindIncome, "政府补助", 50_000_00, fmt.Sprintf("镇政府拨付%d年商会工作经费", y), next(y))
		for m := 1; m <= 12; m++ {
			d := day(y, time.Month(m), 25)
			if d.After(lastDay) {
				break
			}
			add(d, data.KindSpending, "人员费用", 3_000_00, fmt.Sprintf("%d月秘书处工作人员补贴", m), next(y))
			add(d.AddDate(0, 0, -10), data.KindSpending, "办公费",
				int64(300+r.IntN(900))*100+int64(r.IntN(100)), fmt.Sprintf("%d月办公用品、水电及网络费", m), next(y))
			if m%3 == 0 {
				add(day(y, time.Month(m), 21), data.KindIncome, "利息", int64(80+r.IntN(60))*100+int64(r.IntN(100)),
					fmt.Sprintf("第%d季度银行存款利息", m/3), next(y))
			}
		}
	}
	for _, a := range acts {
		y, n := a.a.Date.Year(), int64(len(a.attendees)+a.a.OutsideCount)
		var pe *plannedEntry
		switch a.a.Type {
		case "会员大会", "理事会", "会长办公会":
			pe = add(a.a.Date, data.KindSpending, "会议费", n*(40+int64(r.IntN(30)))*100, a.a.Title+" 会务费", next(y))
		case "培训办班":
			pe = add(a.a.Date, data.KindSpending, "活动支出", (2_000+int64(r.IntN(6))*500)*100, a.a.Title+" 讲课费及资料费", next(y))
		case "招商引资/考察":
			pe = add(a.a.Date, data.KindSpending, "差旅费", n*(150+int64(r.IntN(150)))*100, a.a.Title+" 交通住宿费", next(y))
		case "公益慈善":
			project := a.a.Title
			var given int64
			for i, m := range a.attendees {
				if i >= 6 {
					break
				}
				fen := int64(1+r.IntN(10)) * 1_000_00
				given += fen
				d := add(a.a.Date.AddDate(0, 0, -3), data.KindIncome, "捐赠收入", fen, m.m.Name+" 捐款", next(y))
				d.e.Project, d.who = project, m
			}
			pe = add(a.a.Date, data.KindSpending, "公益支出", given, a.a.Title+" 慰问金及物资", next(y))
			pe.e.Project = project
		case "党建活动", "红色教育":
			pe = add(a.a.Date, data.KindSpending, "活动支出", n*(30+int64(r.IntN(40)))*100, a.a.Title+" 场地及交通", next(y))
		default:
			continue
		}
		pe.act = a
	}
	return out
}

// writeAccounts stores the opening balance, the entries and the closing of
// closedYear. Entries carry their activity and member once those exist.
func (p *demoPlan) writeAccounts(ctx context.Context, s *data.Store) error {
	if err := s.SetOpeningBalance(ctx, FirstYear, openingFen, true); err != nil {
		return demoFailed("年初余额", "opening balance", err)
	}
	for _, pe := range p.accounts {
		e := pe.e
		if pe.act != nil {
			e.ActivityID = pe.act.id
		}
		if pe.who != nil {
			e.MemberID = pe.who.id
		}
		if _, err := s.SaveLedgerEntry(ctx, e); err != nil {
			return demoFailed("收支 "+e.Note, "entry "+e.Note, err)
		}
	}
	if err := s.CloseLedgerYear(ctx, closedYear); err != nil {
		return demoFailed("结账", "closing the year", err)
	}
	return nil
}
