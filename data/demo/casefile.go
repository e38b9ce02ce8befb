package demo

import (
	"math"
	"strings"

	"chamberdesk/data"
)

// manualValues are the yearly figures a secretary enters by hand.
var manualValues = []data.ManualValue{
	{Year: 2025, MetricKey: "remote_chambers", Value: 3, Note: "在外青禾籍企业家组建的宁川、南屿、云州三个异地青禾商会，日常保持联络"},
	{Year: 2026, MetricKey: "remote_chambers", Value: 4, Note: "新增北溪青禾商会"},
	{Year: 2025, MetricKey: "friendly_chambers", Value: 5, Note: "与周边5个镇街商会签订友好合作协议"},
	{Year: 2026, MetricKey: "friendly_chambers", Value: 7, Note: "新增与宁川市两个街道商会结为友好商会"},
	{Year: 2025, MetricKey: "jobs_created", Value: 326, Note: "据会员企业年报汇总，新增用工以本镇及周边村民为主"},
	{Year: 2026, MetricKey: "jobs_created", Value: 284, Note: "截至11月中旬会员企业新增用工统计，全年数据待年报后更新"},
}

// sums are the two-year totals the case quotes, computed from the plan
// exactly as the metrics are derived from the records.
type sums struct {
	sessions, trainingTimes, redTimes, newMembers float64
	signed, investment, donations, served         float64
}

func sumPlan(p *demoPlan) sums {
	var s sums
	for _, a := range p.activities {
		times := float64(len(a.attendees) + a.a.OutsideCount)
		switch a.a.Type {
		case "培训办班":
			s.sessions++
			s.trainingTimes += times
		case "红色教育":
			s.redTimes += times
		}
		s.signed += outcome(a.a, "projects_signed")
		s.investment += outcome(a.a, "investment")
		s.donations += outcome(a.a, "donations")
		s.served += outcome(a.a, "companies_served")
	}
	for _, m := range p.people {
		if y := m.m.JoinDate.Year(); y >= FirstYear && y <= LastYear {
			s.newMembers++
		}
	}
	round2 := func(v float64) float64 { return math.Round(v*100) / 100 }
	s.investment, s.donations = round2(s.investment), round2(s.donations)
	return s
}

// draftCase is the chamber's award case for 2026, still a draft, with each
// figure traced to the metric it came from.
func draftCase(p *demoPlan) data.Case {
	s := sumPlan(p)
	fig := func(section, key string, v float64, unit string) data.CaseFigure {
		return data.CaseFigure{Section: section, MetricKey: key, YearFrom: FirstYear, YearTo: LastYear,
			Value: v, Unit: unit, Phrasing: data.MustPhrase(v, unit)}
	}
	figs := []data.CaseFigure{
		fig("practices", "red_edu_person_times", s.redTimes, "人次"),
		fig("practices", "training_sessions", s.sessions, "期"),
		fig("results", "training_person_times", s.trainingTimes, "人次"),
		fig("results", "companies_served", s.served, "户"),
		fig("results", "projects_signed", s.signed, "个"),
		fig("results", "investment", s.investment, "亿元"),
		fig("results", "donations", s.donations, "万元"),
		fig("results", "members_new", s.newMembers, "家"),
	}
	say := map[string]string{}
	for _, f := range figs {
		say[f.MetricKey] = f.Phrasing
	}
	var secretary *person
	for _, m := range p.people {
		if m.m.Office == "秘书长" {
			secretary = m
		}
	}
	var ids []int64
	for _, a := range p.activities {
		if a.inCase {
			ids = append(ids, a.id)
		}
	}
	fill := strings.NewReplacer(
		"{红色}", say["red_edu_person_times"], "{期数}", say["training_sessions"],
		"{培训人次}", say["training_person_times"], "{服务}", say["companies_served"],
		"{签约}", say["projects_signed"], "{投资}", say["investment"],
		"{捐款}", say["donations"], "{新增}", say["members_new"],
	)
	return data.Case{
		Year:     LastYear,
		Category: "镇街商会工作",
		Level:    data.LevelExcellent,
		Title:    orgShortName + "：“课堂+车间+田间”三线服务 让镇街商会有为有位",
		Lead: fill.Replace("青禾镇商会成立于2012年，会员以建材、农产品加工、商贸物流等行业的中小企业和个体工商户为主。" +
			"近两年来，商会在镇党委领导和安澜区工商联指导下，把党建引领贯穿服务全过程，把课堂办到会员身边、" +
			"把服务送到车间一线、把资源引向田间地头，走出了一条小商会办实事、惠会员、促发展的路子。"),
		Practices: fill.Replace(
			"一是党建领航，把思想引领融入日常。商会党支部坚持“三会一课”，结合会长办公会和理事会开展政治学习，" +
				"组织会员企业家走进革命旧址和纪念馆接受红色教育，两年来参与红色教育{红色}，引导会员企业家坚定信心、守法诚信经营。\n" +
				"二是课堂下沉，把培训办到会员身边。商会把会员需求作为“点菜单”，联合税务、人社、市场监管、司法等站所和律师事务所，" +
				"围绕财税、用工、安全生产、电商直播等主题开设“青禾商学堂”，两年来累计办班{期数}，" +
				"其中电商直播带货培训班连办三期，面向返乡青年和农村妇女敞开大门。\n" +
				"三是双向发力，把资源引向田间车间。商会建立“会长带队、会员牵线”的招商工作机制，先后赴宁川、南屿、云州、西岚、北溪等地考察对接；" +
				"同时推动会员企业与石桥村、禾塘村结对，围绕油茶、莲藕等特色产业开展项目对接和消费帮扶。"),
		Results: fill.Replace(
			"两年来，商会培训覆盖会员企业和镇内经营主体{培训人次}，通过政银企对接、税企座谈、法律体检等活动服务企业{服务}；" +
				"协助镇里签约招商项目{签约}，协议投资额{投资}。\n" +
				"商会设立公益基金，开展新春慰问、金秋助学、关爱留守儿童等公益活动，会员企业累计捐款捐物{捐款}。" +
				"商会的凝聚力和影响力明显增强，两年新增会员企业{新增}，越来越多的企业主动要求入会。"),
		ContactPerson: secretary.m.Name,
		ContactOffice: "秘书长",
		ContactPhone:  secretary.m.Phone,
		Recommender:   federation,
		ActivityIDs:   ids,
		Figures:       figs,
	}
}
