package demo

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"chamberdesk/data"
)

// activityPlan is one activity as drawn, with the people who came.
type activityPlan struct {
	a         data.Activity // Attendees filled in when written
	attendees []*person
	photos    []photo
	inCase    bool
	id        int64 // set once written
}

// lastDay is the last day an activity may fall on: mid November of the
// last demo year, a few days before Clock.
var lastDay = day(LastYear, 11, 16)

// holidays are the public holidays of the demo years; nothing is held on them.
var holidays = [][2]time.Time{
	{day(2025, 1, 1), day(2025, 1, 1)}, {day(2025, 1, 28), day(2025, 2, 4)},
	{day(2025, 4, 4), day(2025, 4, 6)}, {day(2025, 5, 1), day(2025, 5, 5)},
	{day(2025, 5, 31), day(2025, 6, 2)}, {day(2025, 10, 1), day(2025, 10, 8)},
	{day(2026, 1, 1), day(2026, 1, 3)}, {day(2026, 2, 15), day(2026, 2, 23)},
	{day(2026, 4, 4), day(2026, 4, 6)}, {day(2026, 5, 1), day(2026, 5, 5)},
	{day(2026, 6, 19), day(2026, 6, 21)}, {day(2026, 9, 25), day(2026, 9, 27)},
	{day(2026, 10, 1), day(2026, 10, 7)},
}

func isHoliday(d time.Time) bool {
	for _, h := range holidays {
		if !d.Before(h[0]) && !d.After(h[1]) {
			return true
		}
	}
	return false
}

// pickDate moves a hinted date by up to two days onto a free working day.
func pickDate(r *rand.Rand, sp spec, used map[time.Time]bool) time.Time {
	hint := day(sp.year, time.Month(sp.month), sp.day)
	if sp.fixed {
		if used[hint] {
			panic("demo: two activities fixed on " + hint.Format(time.DateOnly))
		}
		return hint
	}
	offsets := []int{0, -1, 1, -2, 2, -3, 3}
	start := r.IntN(5) // which of the first five to try first
	for i := range offsets {
		off := offsets[(start+i)%len(offsets)]
		d := hint.AddDate(0, 0, off)
		if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
			continue
		}
		if used[d] || isHoliday(d) || d.After(lastDay) {
			continue
		}
		return d
	}
	panic("demo: no free day near " + hint.Format(time.DateOnly))
}

// planActivities draws every activity of the schedule: date, attendees,
// outside person-times, outcomes, minutes and photos.
func planActivities(r *rand.Rand, ps []*person) []*activityPlan {
	used := map[time.Time]bool{}
	var out []*activityPlan
	photoSeq := uint64(0)
	for _, sp := range schedule {
		d := pickDate(r, sp, used)
		used[d] = true
		ap := &activityPlan{inCase: sp.inCase}
		ap.attendees = pickAttendees(r, sp, ps, d)
		a := data.Activity{
			Title:     sp.title,
			Type:      sp.typ,
			Date:      d,
			Place:     sp.place,
			Organizer: sp.organizer,
			Partners:  sp.partners,
		}
		if a.Organizer == "" {
			a.Organizer = orgShortName
		}
		if sp.outside[1] > 0 {
			a.OutsideCount = sp.outside[0] + r.IntN(sp.outside[1]-sp.outside[0]+1)
		}
		a.Outcomes = drawOutcomes(r, sp.outcomes)
		a.Content = minutes(r, sp, a, ap.attendees, ps)
		ap.a = a

		// Four in five activities have photos; those behind the case all do.
		if sp.inCase || r.IntN(100) < 80 {
			n := 1 + r.IntN(3)
			caps := captionsFor(sp)
			hour, minute := startTime(r, sp.typ)
			for i := 0; i < n && i < len(caps); i++ {
				photoSeq++
				sec := r.IntN(60)
				ap.photos = append(ap.photos, photo{
					name:    fmt.Sprintf("IMG_%s_%02d%02d%02d.jpg", d.Format("20060102"), hour, minute, sec),
					caption: caps[i],
					scene:   sceneFor(caps[i]),
					seed:    photoSeq,
				})
				minute += 7 + r.IntN(25)
				for minute >= 60 {
					hour, minute = hour+1, minute-60
				}
			}
		}
		out = append(out, ap)
	}
	return out
}

// captionsFor lists the captions an activity's photos take, most telling first.
func captionsFor(sp spec) []string {
	caps := append([]string{}, sp.captions...)
	for _, extra := range []string{"活动现场", "合影留念"} {
		if !contains(caps, extra) {
			caps = append(caps, extra)
		}
	}
	return caps
}

// startTime is when an activity of the type usually starts.
func startTime(r *rand.Rand, typ string) (hour, minute int) {
	switch typ {
	case "会长办公会", "理事会", "党建活动":
		return 9 + r.IntN(2)*5, r.IntN(30) // 9:xx or 14:xx
	case "会员大会":
		return 9, r.IntN(20)
	case "招商引资/考察":
		return 10 + r.IntN(5), r.IntN(60)
	}
	return 8 + r.IntN(7), r.IntN(60)
}

// pickAttendees draws the members who came, among those who were members
// on the day.
func pickAttendees(r *rand.Rand, sp spec, ps []*person, d time.Time) []*person {
	var pool []*person
	for _, p := range ps {
		if p.active(d) {
			pool = append(pool, p)
		}
	}
	chosen := map[*person]bool{}
	must := func(office string) {
		for _, p := range pool {
			if p.m.Office == office {
				chosen[p] = true
				return
			}
		}
	}
	// Whoever the minutes name was there.
	text := sp.body
	if strings.Contains(text, "{会长}") {
		must("会长")
	}
	if strings.Contains(text, "{监事长}") {
		must("监事长")
	}
	if strings.Contains(text, "{秘书长}") || strings.Contains(text, "{书记}") {
		must("秘书长")
	}

	switch sp.who {
	case whoOffice:
		must("会长")
		must("秘书长")
		for _, p := range pool {
			switch p.m.Office {
			case "常务副会长", "副会长":
				if r.IntN(100) < 85 {
					chosen[p] = true
				}
			case "监事长":
				if r.IntN(100) < 35 { // 列席
					chosen[p] = true
				}
			}
		}
	case whoCouncil:
		must("会长")
		must("秘书长")
		for _, p := range pool {
			if p.rank <= data.OfficeRank("理事") && r.IntN(100) < 85 {
				chosen[p] = true
			}
		}
	case whoCongress:
		must("会长")
		must("秘书长")
		for _, p := range pool {
			pct := 78
			if p.rank <= data.OfficeRank("理事") {
				pct = 95
			}
			if r.IntN(100) < pct {
				chosen[p] = true
			}
		}
	case whoParty:
		must("秘书长") // the branch secretary
		var party []*person
		for _, p := range pool {
			if p.party() {
				party = append(party, p)
			}
		}
		fillTo(r, chosen, party, drawN(r, sp.n), func(*person) int { return 1 })
	case whoLed, whoAny:
		if sp.who == whoLed {
			// The 会长 leads most; a 常务副会长 otherwise.
			var leads []*person
			for _, p := range pool {
				if p.m.Office == "会长" || p.m.Office == "常务副会长" {
					leads = append(leads, p)
				}
			}
			if r.IntN(100) < 60 {
				must("会长")
			} else {
				chosen[leads[r.IntN(len(leads))]] = true
			}
		}
		if r.IntN(100) < 85 {
			must("秘书长")
		}
		fillTo(r, chosen, pool, drawN(r, sp.n), func(p *person) int {
			switch {
			case p.rank <= data.OfficeRank("副秘书长"):
				return 5
			case p.m.Office == "理事":
				return 3
			}
			return 1
		})
	default:
		panic("demo: unknown attendee rule " + sp.who)
	}
	var out []*person
	for _, p := range pool { // roster order, so the result does not depend on map order
		if chosen[p] {
			out = append(out, p)
		}
	}
	return out
}

func drawN(r *rand.Rand, n [2]int) int { return n[0] + r.IntN(n[1]-n[0]+1) }

// fillTo adds members from pool, drawn by weight, until chosen holds n.
func fillTo(r *rand.Rand, chosen map[*person]bool, pool []*person, n int, weight func(*person) int) {
	for len(chosen) < n {
		total := 0
		for _, p := range pool {
			if !chosen[p] {
				total += weight(p)
			}
		}
		if total == 0 {
			return
		}
		k := r.IntN(total)
		for _, p := range pool {
			if chosen[p] {
				continue
			}
			if k -= weight(p); k < 0 {
				chosen[p] = true
				break
			}
		}
	}
}

// drawOutcomes draws the figures an activity produced; investment only
// where projects were signed, and nothing that came out zero.
func drawOutcomes(r *rand.Rand, specs []outcomeSpec) []data.Outcome {
	var out []data.Outcome
	signed := false
	for _, o := range specs {
		if o.ifSigned && !signed {
			continue
		}
		steps := int(math.Round((o.hi - o.lo) / o.step))
		v := o.lo + float64(r.IntN(steps+1))*o.step
		v = math.Round(v*10) / 10 // keep 0.1 steps exact as decimals
		if v == 0 {
			continue
		}
		if o.key == "projects_signed" {
			signed = true
		}
		out = append(out, data.Outcome{MetricKey: o.key, Value: v})
	}
	return out
}

func outcome(a data.Activity, key string) float64 {
	for _, o := range a.Outcomes {
		if o.MetricKey == key {
			return o.Value
		}
	}
	return 0
}

// formatNumber writes a figure without trailing zeros: 3, 1.2.
func formatNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// formatYi writes an investment in 亿元 the way a report does: below one
// 亿 in 万元.
func formatYi(v float64) string {
	if v < 1 {
		return formatNumber(math.Round(v*10000)) + "万元"
	}
	return formatNumber(v) + "亿元"
}

// Opening sentences by type. {主办} is who held it, {联合} "联合<partners>"
// or nothing.
var openers = map[string][]string{
	"会长办公会": {
		"{日期}，{标题}在{地点}召开，会长{会长}主持会议，会长班子成员和秘书长共{人数}人参加。",
		"{日期}上午，商会在{地点}召开{标题}。会议由会长{会长}主持，{人数}名会长、副会长和秘书长出席。",
		"{日期}，商会在{地点}召开{标题}，会长{会长}主持，实到会长班子成员及秘书长{人数}人。",
	},
	"理事会": {
		"{日期}，商会在{地点}召开{标题}，应到理事{应到}人，实到{人数}人，符合章程规定。",
		"{日期}下午，{标题}在{地点}举行，会长{会长}主持，应到理事{应到}人，实到{人数}人。",
	},
	"会员大会": {
		"{日期}，{标题}在{地点}召开，应到会员{应到}人，实到{人数}人，镇党委、镇政府和区工商联有关负责同志应邀出席。",
		"{日期}上午，商会在{地点}召开{标题}，{人数}名会员出席（应到{应到}人），镇党委、镇政府和区工商联有关负责同志到会指导。",
	},
	"党建活动": {
		"{日期}，{党支部}在{地点}开展{标题}，{人数}名党员参加。",
		"{日期}，商会党支部组织{人数}名党员在{地点}开展{标题}。",
	},
	"政治学习/理想信念教育": {
		"{日期}，商会{联合}在{地点}组织开展{标题}，{人数}名会员企业负责人参加。",
		"{日期}，{标题}在{地点}举行，会长班子成员、理事和会员代表共{人数}人参加学习。",
	},
	"红色教育": {
		"{日期}，商会组织{人数}名会员企业家前往{地点}开展红色教育。",
		"{日期}，商会组织会员企业家{人数}人走进{地点}，接受革命传统教育。",
	},
	"培训办班": {
		"{日期}，{标题}在{地点}开班，{人数}名会员企业负责人和业务骨干、镇内其他经营主体{外来}人参加培训。",
		"{日期}，商会{联合}在{地点}举办{标题}，共有{人次}人次参训，其中会员{人数}人。",
	},
	"招商引资/考察": {
		"{日期}，{带队}带领会员企业家一行{人数}人赴{地点}开展招商考察。",
		"{日期}，商会由{带队}带队，组织会员企业负责人一行{人数}人赴{地点}考察对接。",
	},
	"政企座谈": {
		"{日期}，{主办}{联合}在{地点}召开{标题}，{人数}名会员企业代表参加。",
		"{日期}，{标题}在{地点}召开，{合办}相关负责同志和{人数}名会员企业代表参加。",
	},
	"法律服务": {
		"{日期}，商会{联合}在{地点}开展{标题}。",
		"{日期}，{标题}活动在{地点}举行，{人数}名会员企业负责人参加。",
	},
	"健康服务": {
		"{日期}，商会{联合}在{地点}开展{标题}，共服务会员企业职工和群众{人次}人次。",
		"{日期}，{标题}在{地点}举行，会员和职工群众共{人次}人次参加。",
	},
	"公益慈善": {
		"{日期}，商会在{地点}开展{标题}。",
		"{日期}，{标题}在{地点}举行，{人数}名会员企业代表参加。",
	},
	"乡村振兴": {
		"{日期}，商会组织{人数}名会员企业负责人走进{地点}，开展{标题}。",
		"{日期}，{标题}在{地点}举行，{人数}名会员企业负责人参加。",
	},
}

// Openers for occasions the generic ones would describe wrongly: a
// signing ceremony held at home, a 主题党日 whose title names its place.
var openerOverrides = map[string]string{
	"主题党日：":  "{日期}，商会党支部组织{人数}名党员走进{地点}，开展主题党日活动。",
	"集中签约仪式": "{日期}，{标题}在{地点}举行，商会{人数}名会员企业代表参加，{带队}代表商会致辞。",
	"展销会":    "{日期}，商会在{地点}举办{标题}，{人数}名会员企业负责人和农户、群众{外来}人参加。",
}

// Closing sentences by type; "" closes with nothing.
var closers = map[string][]string{
	"会长办公会": {
		"会议要求秘书处将议定事项分解到人，下次办公会逐项通报进展。",
		"会后由秘书处整理形成会议纪要，报镇党委备案。",
		"秘书长{秘书长}通报了近期财务收支情况。",
		"",
	},
	"理事会": {
		"会议以举手表决方式通过了上述事项。",
		"与会理事围绕商会下一阶段工作踊跃发言，提出了不少意见建议。",
		"会议还就会员企业反映较多的用工和融资问题作了交流。",
	},
	"会员大会": {"大会在热烈的掌声中圆满完成各项议程。", "会后，与会会员开展了项目对接和交流联谊。"},
	"党建活动": {"支部书记{书记}对下一阶段党建工作作了部署。", "党员们纷纷表示，要立足企业岗位发挥先锋模范作用。", ""},
	"政治学习/理想信念教育": {
		"大家一致表示，要把学习成果转化为守法经营、做强企业的实际行动。",
		"会长{会长}在总结讲话中要求各会员企业结合实际抓好学习贯彻。",
		"",
	},
	"红色教育": {
		"大家表示，要传承红色基因，在推动家乡发展中展现新作为。",
		"活动结束后，部分会员企业家撰写了心得体会，在商会工作群中交流。",
		"",
	},
	"培训办班": {
		"培训结束时秘书处发放了满意度问卷，学员普遍反映课程实用、接地气。",
		"课后建立了学员交流群，授课老师将持续在线答疑。",
		"",
	},
	"招商引资/考察": {"考察组回镇后形成考察报告，报镇党委、镇政府参阅。", "秘书处已将项目信息录入台账，安排专人跟踪对接。", ""},
	"政企座谈":    {"秘书处将会上提出的问题建立台账，跟踪办理结果。", "会议气氛务实，企业普遍反映解决了不少实际问题。", ""},
	"法律服务":    {"商会将把法律服务作为常态化工作，每季度至少组织一次。", ""},
	"健康服务":    {"医护人员还现场讲解了高血压、糖尿病等慢性病的日常防治知识。", "对检查中发现的异常情况，医生逐一提出了复诊建议。", ""},
	"公益慈善":    {"商会将做好受助对象的跟踪回访，确保每一笔善款用到实处。", "受助对象代表向商会和爱心企业表示感谢。", ""},
	"乡村振兴":    {"下一步，商会将推动结对企业与村集体签订合作协议，确保项目落地见效。", ""},
}

// minutes writes the activity's 纪要: an opening sentence, the part
// specific to the occasion, for visits a sentence with the figures, and a
// closing sentence; every number in it is the one recorded.
func minutes(r *rand.Rand, sp spec, a data.Activity, att []*person, ps []*person) string {
	present := map[string]*person{}
	for _, p := range att {
		if present[p.m.Office] == nil {
			present[p.m.Office] = p
		}
	}
	lead := ""
	for _, p := range att {
		if p.m.Office == "会长" || (p.m.Office == "常务副会长" && lead == "") {
			lead = p.m.Office + p.m.Name
		}
	}
	expected := 0
	for _, p := range ps {
		if p.active(a.Date) && (sp.who != whoCouncil || p.rank <= data.OfficeRank("理事")) {
			expected++
		}
	}
	name := func(office string) string {
		if p := present[office]; p != nil {
			return p.m.Name
		}
		return ""
	}
	host := "商会"
	if strings.HasPrefix(a.Organizer, "青禾镇人民政府") {
		host = "镇政府和商会"
	}
	with, partners := "", a.Partners
	if partners != "" {
		with = "联合" + partners
	} else {
		partners = "镇有关部门"
	}
	rep := strings.NewReplacer(
		"{日期}", fmt.Sprintf("%d月%d日", a.Date.Month(), a.Date.Day()),
		"{标题}", a.Title, "{地点}", a.Place, "{主办}", host, "{联合}", with, "{合办}", partners,
		"{党支部}", partyBranch, "{会长}", name("会长"), "{监事长}", name("监事长"),
		"{秘书长}", name("秘书长"), "{书记}", name("秘书长"), "{带队}", lead,
		"{人数}", strconv.Itoa(len(att)), "{外来}", strconv.Itoa(a.OutsideCount),
		"{人次}", strconv.Itoa(len(att)+a.OutsideCount), "{应到}", strconv.Itoa(expected),
		"{来访}", formatNumber(outcome(a, "visits_companies")),
		"{线索}", formatNumber(outcome(a, "project_leads")),
		"{签约}", formatNumber(outcome(a, "projects_signed")),
		"{投资}", formatYi(outcome(a, "investment")),
		"{捐款}", formatNumber(outcome(a, "donations"))+"万元",
		"{服务}", formatNumber(outcome(a, "companies_served")),
	)
	// A sentence may only name someone who was there.
	fits := func(t string) bool {
		for _, office := range []string{"会长", "监事长", "秘书长"} {
			if strings.Contains(t, "{"+office+"}") && name(office) == "" {
				return false
			}
		}
		return !strings.Contains(t, "{书记}") || name("秘书长") != ""
	}
	pick := func(list []string) string {
		var ok []string
		for _, t := range list {
			if fits(t) {
				ok = append(ok, t)
			}
		}
		if len(ok) == 0 {
			return ""
		}
		return ok[r.IntN(len(ok))]
	}

	opener := pick(openers[sp.typ])
	for key, o := range openerOverrides {
		if strings.Contains(sp.title, key) {
			opener = o
		}
	}
	parts := []string{opener, sp.body}
	if sp.typ == "招商引资/考察" && outcome(a, "visits_companies") > 0 {
		s := "此行共走访企业{来访}家，收集项目信息{线索}条"
		if outcome(a, "projects_signed") > 0 {
			s += "，{签约}个项目签订了投资意向协议，意向投资{投资}"
		}
		parts = append(parts, s+"。")
	}
	switch sp.closer {
	case "":
		parts = append(parts, pick(closers[sp.typ]))
	case "-":
	default:
		parts = append(parts, sp.closer)
	}
	return rep.Replace(strings.Join(parts, ""))
}
