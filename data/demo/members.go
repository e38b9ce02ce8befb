package demo

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"time"

	"chamberdesk/data"
)

// person is one roster entry as planned, before and after it is written.
type person struct {
	m       data.Member
	rank    int       // data.OfficeRank(m.Office)
	leave   time.Time // zero: still a member
	reason  string
	flagged bool  // credit code spoiled on purpose
	id      int64 // set once written
}

// active reports whether p was a member on day d: joined on or before it and
// not yet left (a member who leaves on d no longer attends that day).
func (p *person) active(d time.Time) bool {
	return !p.m.JoinDate.After(d) && (p.leave.IsZero() || d.Before(p.leave))
}

func (p *person) party() bool { return data.IsPartyMember(p.m.Political) }

// officeCounts is the chamber's leadership as its constitution sets it.
var officeCounts = []struct {
	office string
	n      int
}{
	{"会长", 1}, {"常务副会长", 2}, {"副会长", 8}, {"监事长", 1}, {"监事", 2},
	{"秘书长", 1}, {"副秘书长", 2}, {"理事", 25}, {"会员", MemberCount - 42},
}

// personalSlots is how many 个人会员 hold each office; everyone else
// represents an enterprise.
var personalSlots = map[string]int{"秘书长": 1, "副秘书长": 1, "理事": 2, "会员": 16}

// founded is the day the chamber's first congress met.
var founded = day(2012, 5, 18)

// day is midnight UTC of a calendar date, the way the store keeps dates.
func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// randDay is a random day in [from, to].
func randDay(r *rand.Rand, from, to time.Time) time.Time {
	n := int(to.Sub(from).Hours()/24) + 1
	return from.AddDate(0, 0, r.IntN(n))
}

// leavers: when and why six members left (all 会员 who joined before 2023).
var leavers = []struct {
	date   time.Time
	reason string
}{
	{day(2025, 3, 14), "企业注销"},
	{day(2025, 7, 8), "迁出本镇"},
	{day(2025, 11, 26), "个人原因"},
	{day(2026, 2, 27), "企业注销"},
	{day(2026, 6, 16), "经营转型，主动申请退会"},
	{day(2026, 9, 29), "迁出本镇"},
}

// joinsIn: how many 会员 joined in each demo year, so 新增会员 is not zero.
var joinsIn = map[int]int{FirstYear: 7, LastYear: 6}

// planMembers draws the roster.
func planMembers(r *rand.Rand, ph *phones) []*person {
	var ps []*person
	for _, oc := range officeCounts {
		for i := 0; i < oc.n; i++ {
			kind := data.KindUnit
			if i < personalSlots[oc.office] {
				kind = data.KindPersonal
			}
			ps = append(ps, &person{m: data.Member{Kind: kind, Office: oc.office}, rank: data.OfficeRank(oc.office)})
		}
	}

	// Names: the special people take the first free slot of their office
	// and kind; the secretary is the personal 秘书长.
	used := map[string]bool{}
	named := map[*person]bool{}
	males := map[*person]bool{}
	place := func(name string, male bool, office, kind string) {
		for _, p := range ps {
			if !named[p] && p.m.Office == office && p.m.Kind == kind {
				p.m.Name, named[p], used[name] = name, true, true
				if male {
					males[p] = true
				}
				return
			}
		}
		panic("demo: no slot for " + name)
	}
	place(secretaryName, false, "秘书长", data.KindPersonal)
	for _, sp := range specialPeople {
		place(sp.name, sp.male, sp.office, sp.kind)
	}
	for _, p := range ps {
		if named[p] {
			continue
		}
		male := r.IntN(100) < 80
		if p.m.Kind == data.KindPersonal {
			male = r.IntN(100) < 60
		}
		if p.rank <= data.OfficeRank("副会长") {
			male = r.IntN(100) < 90
		}
		name := personName(r, male)
		for used[name] {
			name = personName(r, male)
		}
		p.m.Name, named[p], used[name] = name, true, true
		if male {
			males[p] = true
		}
	}
	for _, p := range ps {
		p.m.Gender = "女"
		if males[p] {
			p.m.Gender = "男"
		}
		p.m.Phone = ph.next()
	}

	planCompanies(r, ps)
	planJoinDates(r, ps)
	planPolitics(r, ps)

	// Personal members: ID numbers (birth date and gender digit agree).
	for _, p := range ps {
		if p.m.Kind != data.KindPersonal {
			continue
		}
		birth := randDay(r, day(1963, 1, 1), day(1999, 12, 31))
		if p.m.Office == "秘书长" {
			birth = randDay(r, day(1982, 1, 1), day(1986, 12, 31))
		}
		p.m.IDNumber = idNumber(r, idAreas[r.IntN(len(idAreas))], birth, p.m.Gender == "男")
	}
	planYouth(ps)

	// Notes a secretary keeps; a party post only for a party member.
	notes := map[string][]string{
		"会长":    {"安澜区政协委员，商会创会会员"},
		"常务副会长": {"商会党支部委员", "安澜区人大代表"},
		"副会长":   {"江州市优秀民营企业家（2023年度）", "镇人大代表", "", "", "", "", "", ""},
		"监事长":   {"商会党支部纪检委员"},
		"秘书长":   {"专职秘书长，负责秘书处日常工作"},
	}
	seen := map[string]int{}
	for _, p := range ps {
		if list := notes[p.m.Office]; seen[p.m.Office] < len(list) {
			note := list[seen[p.m.Office]]
			if strings.Contains(note, "党支部") && !p.party() {
				continue
			}
			p.m.Notes = note
			seen[p.m.Office]++
		}
	}
	return ps
}

// planCompanies gives unit members an enterprise, an industry and a credit
// code; two of them get a code whose check character is wrong.
func planCompanies(r *rand.Rand, ps []*person) {
	var bag []int // industry index per unit member
	for i, ind := range industries {
		for j := 0; j < ind.count; j++ {
			bag = append(bag, i)
		}
	}
	r.Shuffle(len(bag), func(i, j int) { bag[i], bag[j] = bag[j], bag[i] })
	brands := slices.Clone(brandWords)
	r.Shuffle(len(brands), func(i, j int) { brands[i], brands[j] = brands[j], brands[i] })
	names := map[string]bool{}
	n := 0
	for _, p := range ps {
		if p.m.Kind != data.KindUnit {
			continue
		}
		ind := industries[bag[n]]
		brand := brands[n]
		n++
		forms := splitForms(ind.forms)
		var f [2]string
		for {
			f = forms[r.IntN(len(forms))]
			// Leaders run companies, not stalls.
			if p.rank <= data.OfficeRank("监事长") && f[0] != formLtd && f[0] != formLLC {
				continue
			}
			break
		}
		suffix := ""
		switch {
		case p.m.Office == "会长":
			suffix = "集团有限公司"
			if f[1] == "" {
				f[1] = "实业"
			}
		case p.m.Office == "常务副会长" && p.m.Notes == "" && f[0] == formLtd && r.IntN(2) == 0:
			suffix = "股份有限公司"
		}
		name := companyName(r, f[0], f[1], brand, suffix)
		for names[name] {
			name = companyName(r, f[0], f[1], brand, suffix)
		}
		names[name] = true
		p.m.Company, p.m.Industry = name, ind.name
		p.m.CreditCode = creditCode(r, creditKind(f[0]), areaCode)
	}
	// Personal members' trades.
	for _, p := range ps {
		if p.m.Kind == data.KindPersonal && p.m.Office != "秘书长" {
			p.m.Industry = industries[r.IntN(len(industries))].name
		}
	}
}

// splitForms reads "form:trade" pairs.
func splitForms(s string) [][2]string {
	var out [][2]string
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' {
			if i > start {
				w := s[start:i]
				for j := 0; j < len(w); j++ {
					if w[j] == ':' {
						out = append(out, [2]string{w[:j], w[j+1:]})
						break
					}
				}
			}
			start = i + 1
		}
	}
	return out
}

// planJoinDates spreads join dates from the founding congress to 2026 and
// picks the six who left and the two with a mistyped credit code.
func planJoinDates(r *rand.Rand, ps []*person) {
	for _, p := range ps {
		switch {
		case p.rank <= data.OfficeRank("秘书长"):
			// The leadership mostly founded the chamber; the 会长 did.
			p.m.JoinDate = founded
			if p.m.Office != "会长" && r.IntN(4) == 0 {
				p.m.JoinDate = randDay(r, day(2013, 1, 1), day(2017, 12, 31))
			}
		case p.rank <= data.OfficeRank("理事"):
			p.m.JoinDate = founded
			if r.IntN(2) == 0 {
				p.m.JoinDate = randDay(r, day(2013, 1, 1), day(2021, 12, 31))
			}
		default:
			p.m.JoinDate = randDay(r, day(2012, 6, 1), day(2024, 12, 31))
			if r.IntN(6) == 0 {
				p.m.JoinDate = founded
			}
		}
	}
	// Recent members: enterprises joining as ordinary members in the demo
	// years, so the case can say "新增会员企业N家".
	var plain []*person
	for _, p := range ps {
		if p.m.Office == "会员" && p.m.Kind == data.KindUnit {
			plain = append(plain, p)
		}
	}
	perm := r.Perm(len(plain))
	k := 0
	for _, y := range []int{FirstYear, LastYear} {
		for i := 0; i < joinsIn[y]; i++ {
			p := plain[perm[k]]
			k++
			last := day(y, 12, 20)
			if y == LastYear {
				last = day(y, 11, 10)
			}
			d := randDay(r, day(y, 1, 10), last)
			// The secretary signs new members in on a working day.
			for d.Weekday() == time.Saturday || d.Weekday() == time.Sunday || isHoliday(d) {
				d = d.AddDate(0, 0, 1)
			}
			p.m.JoinDate = d
		}
	}
	// Leavers and flagged codes among the older ordinary members.
	var old []*person
	for _, i := range perm[k:] {
		p := plain[i]
		if p.m.JoinDate.Before(day(2023, 1, 1)) {
			old = append(old, p)
		}
	}
	units := old
	for i, l := range leavers {
		p := units[i]
		p.leave, p.reason = l.date, l.reason
	}
	for _, p := range units[len(leavers) : len(leavers)+FlaggedCreditCodes] {
		p.flagged = true
		p.m.CreditCode = spoilCheckChar(r, p.m.CreditCode)
		p.m.Notes = "入会登记表上的统一社会信用代码字迹不清，待企业补交营业执照复印件核对"
	}
}

// planPolitics sets political status: about 28% 中共党员, more among the
// leadership, and a few 预备党员, 民主党派 and 无党派人士.
func planPolitics(r *rand.Rand, ps []*person) {
	weight := func(p *person) float64 {
		switch {
		case p.m.Office == "会长" || p.m.Office == "秘书长" || p.m.Office == "监事长":
			return 100 // always
		case p.m.Office == "常务副会长":
			return 3
		case p.rank <= data.OfficeRank("副秘书长"):
			return 1.6
		case p.m.Office == "理事":
			return 1.2
		}
		return 0.8
	}
	type scored struct {
		p   *person
		key float64
	}
	var ss []scored
	for _, p := range ps {
		ss = append(ss, scored{p, r.Float64() * weight(p)})
	}
	sort.SliceStable(ss, func(i, j int) bool { return ss[i].key > ss[j].key })
	party := len(ps) * 28 / 100
	statuses := []struct {
		status string
		n      int
	}{{"中共党员", party}, {"中共预备党员", 2}, {"民主党派", 4}, {"无党派人士", 6}}
	i := 0
	for _, st := range statuses {
		for j := 0; j < st.n; j++ {
			ss[i].p.m.Political = st.status
			i++
		}
	}
	for ; i < len(ss); i++ {
		ss[i].p.m.Political = "群众"
	}
}

// planYouth makes the youngest personal members who are not in the party
// 共青团员 (a member of the Youth League is 28 or younger).
func planYouth(ps []*person) {
	for _, p := range ps {
		if p.m.IDNumber == "" || p.m.Political != "群众" {
			continue
		}
		if p.m.IDNumber[6:10] >= "1998" {
			p.m.Political = "共青团员"
		}
	}
}

// duesStandards are the same in both demo years, in yuan.
var duesStandards = []struct {
	office string
	yuan   int64
}{
	{"会长", 20000}, {"常务副会长", 10000}, {"副会长", 5000}, {"监事长", 5000}, {"监事", 2000},
	{"秘书长", 2000}, {"副秘书长", 2000}, {"理事", 2000}, {"会员", 500},
}

func standardFen(office string) int64 {
	for _, d := range duesStandards {
		if d.office == office {
			return d.yuan * 100
		}
	}
	panic("demo: no dues standard for " + office)
}

// duesRow is one member's dues for one year, written once members have ids.
type duesRow struct {
	p *person
	d data.Dues
}

// planDues draws every member's dues for both years: nearly everyone paid in
// 2025; in 2026 a score or so still owe, a few of them since 2025.
func planDues(r *rand.Rand, ps []*person) []duesRow {
	// Who owes: ordinary members and a few 理事 still in the chamber, not
	// those who joined this year (they pay on joining).
	var cands []*person
	for _, p := range ps {
		if p.leave.IsZero() && p.m.JoinDate.Year() < LastYear && p.rank >= data.OfficeRank("理事") && !p.flagged {
			cands = append(cands, p)
		}
	}
	perm := r.Perm(len(cands))
	owes := map[*person]int{} // the first year not paid in full
	partly := map[*person]bool{}
	for i, k := 0, 0; k < arrearsLastYear-1; i++ {
		p := cands[perm[i]]
		if p.m.Office == "理事" && r.IntN(3) != 0 {
			continue // fewer 理事 than ordinary members owe
		}
		owes[p] = LastYear
		if k < arrearsFirstYear && p.m.JoinDate.Year() < FirstYear {
			owes[p] = FirstYear
		}
		partly[p] = r.IntN(4) == 0
		k++
	}
	// One 副会长 has paid only part of this year's dues.
	for _, p := range ps {
		if p.m.Office == "副会长" && p.leave.IsZero() {
			owes[p], partly[p] = LastYear, true
			break
		}
	}

	unpaidNotes := []string{"已电话提醒", "已电话提醒，答应月底前缴纳", "企业经营困难，申请缓缴", "负责人外出务工，待回镇后缴纳", ""}
	partNotes := []string{"已缴一半，余款承诺年底前补缴", "先缴部分，余款待资金回笼后补缴"}
	var out []duesRow
	for _, y := range []int{FirstYear, LastYear} {
		start, end := day(y, 1, 1), day(y, 12, 31)
		var rows []duesRow
		for _, p := range ps {
			if p.m.JoinDate.After(end) || (!p.leave.IsZero() && p.leave.Before(start)) {
				continue
			}
			d := data.Dues{Year: y, DueFen: standardFen(p.m.Office)}
			if !p.leave.IsZero() && p.leave.Year() == y && p.leave.Before(day(y, 4, 1)) {
				d.DueFen, d.Note = 0, "年初退会，当年会费免缴"
				rows = append(rows, duesRow{p, d})
				continue
			}
			owing := owes[p] != 0 && owes[p] <= y
			switch {
			case owing && partly[p]:
				d.PaidFen = d.DueFen / 2
				d.Note = partNotes[r.IntN(len(partNotes))]
			case owing:
				d.Note = unpaidNotes[r.IntN(len(unpaidNotes))]
			default:
				d.PaidFen = d.DueFen
			}
			if d.PaidFen > 0 {
				// Most pay after the 会员大会 in spring; some later.
				from, to := day(y, 2, 10), day(y, 5, 31)
				if r.IntN(5) == 0 {
					to = day(y, 9, 30)
				}
				if p.m.JoinDate.Year() == y {
					from, to = p.m.JoinDate, p.m.JoinDate.AddDate(0, 0, 7)
				}
				if !p.leave.IsZero() && !to.Before(p.leave) {
					to = p.leave.AddDate(0, 0, -1)
					if from.After(to) {
						from = to.AddDate(0, 0, -30)
					}
				}
				if last := day(Clock.Year(), Clock.Month(), Clock.Day()); to.After(last) {
					to = last
				}
				d.PaidDate = randDay(r, from, to)
			}
			rows = append(rows, duesRow{p, d})
		}
		// Receipts are numbered in the order the money came in.
		var paid []int
		for i, row := range rows {
			if row.d.PaidFen > 0 {
				paid = append(paid, i)
			}
		}
		sort.SliceStable(paid, func(a, b int) bool { return rows[paid[a]].d.PaidDate.Before(rows[paid[b]].d.PaidDate) })
		for n, i := range paid {
			rows[i].d.ReceiptNo = fmt.Sprintf("QH%d-%03d", y, n+1)
		}
		out = append(out, rows...)
	}
	return out
}
