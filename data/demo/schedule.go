package demo

// The demo chamber's two years of work: what was held, when, where, with
// whom, and the part of the minutes specific to each occasion. The opening
// and closing sentences of the minutes come from templates per type (see
// activities.go). Placeholders in braces are filled from the attendance and
// outcomes actually drawn.

// Places used more than once.
const (
	placeHQ    = "商会会议室（镇商贸中心三楼）"
	placeTown  = "青禾镇人民政府二楼会议室"
	placeHall  = "青禾镇文化礼堂"
	placeParty = "商会党群活动室"
	placeShop  = "青禾镇电商服务站"
	placeZone  = "青禾镇工业集中区"

	byTown   = "青禾镇人民政府、" + orgShortName
	byBranch = partyBranch

	withTax    = "安澜区税务局青禾税务所"
	withBanks  = "安澜农商银行青禾支行、江州融信村镇银行"
	withLaw    = "江州禾信律师事务所、青禾镇司法所"
	withClinic = "青禾镇卫生院"
	withHR     = "青禾镇人力资源和社会保障服务中心"
	withFed    = federation
	withCivil  = "青禾镇民政办"
)

// Attendee rules.
const (
	whoOffice   = "office"   // 会长办公会: 会长, 常务副会长, 副会长, 秘书长
	whoCouncil  = "council"  // 理事会: 理事 and above
	whoCongress = "congress" // 会员大会: most members
	whoParty    = "party"    // party members
	whoAny      = "any"      // a random subset, leaders more likely
	whoLed      = "led"      // a random subset led by the 会长 or a 常务副会长
)

// outcomeSpec draws one figure: lo + k*step for a random k, up to hi.
type outcomeSpec struct {
	key      string
	lo, hi   float64
	step     float64
	ifSigned bool // only when projects were signed
}

func count(key string, lo, hi int) outcomeSpec {
	return outcomeSpec{key: key, lo: float64(lo), hi: float64(hi), step: 1}
}

func amount(key string, lo, hi float64) outcomeSpec {
	return outcomeSpec{key: key, lo: lo, hi: hi, step: 0.1}
}

func invest(lo, hi float64) outcomeSpec {
	return outcomeSpec{key: "investment", lo: lo, hi: hi, step: 0.1, ifSigned: true}
}

// spec is one planned activity.
type spec struct {
	year, month, day int
	fixed            bool // the day is the date (anniversaries, weekends), not a hint
	typ              string
	title            string
	place            string
	organizer        string // "" is the chamber
	partners         string
	body             string
	closer           string // replaces the type's closing sentence; "-" for none
	who              string
	n                [2]int // members attending, for whoAny, whoLed and whoParty
	outside          [2]int
	outcomes         []outcomeSpec
	captions         []string
	inCase           bool // backs the draft award case
}

var schedule = []spec{
	// ---- 2025 ----
	{year: 2025, month: 1, day: 9, typ: "会长办公会", title: "2025年第一季度会长办公会", place: placeHQ,
		body: "会议听取了秘书处关于2024年工作总结和2025年工作要点（讨论稿）的汇报，确定1月中旬召开理事会和会员大会。会议还对春节前走访慰问困难群众作了安排。",
		who:  whoOffice, captions: []string{"会议现场"}},
	{year: 2025, month: 1, day: 16, typ: "理事会", title: "第三届理事会第七次会议", place: placeHQ,
		body: "会议审议通过了2024年度工作报告和财务收支报告（草案），同意提交会员大会审议，并表决通过了新会员入会事项。",
		who:  whoCouncil, outside: [2]int{0, 2}, captions: []string{"会议现场", "举手表决"}},
	{year: 2025, month: 1, day: 18, fixed: true, typ: "会员大会", title: "第三届会员大会第四次会议", place: placeHall,
		partners: "中共青禾镇委员会、青禾镇人民政府、" + withFed,
		body:     "会长{会长}代表第三届理事会作2024年度工作报告，监事长{监事长}作监事会工作报告，大会审议通过了年度财务收支报告和2025年度工作要点。会上对2024年度优秀会员企业进行了表彰。",
		who:      whoCongress, outside: [2]int{6, 12}, captions: []string{"大会现场", "表彰优秀会员企业", "合影留念"}},
	{year: 2025, month: 1, day: 22, typ: "公益慈善", title: "2025年新春走访慰问困难群众", place: "青禾镇各村（社区）",
		partners: withCivil,
		body:     "慰问组分成四路，走访了全镇困难家庭和孤寡老人，送去大米、食用油和慰问金，合计{捐款}。",
		who:      whoLed, n: [2]int{8, 14}, outside: [2]int{4, 8},
		outcomes: []outcomeSpec{amount("donations", 5.6, 7.8)}, captions: []string{"走访慰问", "送上慰问品"}},
	{year: 2025, month: 2, day: 20, typ: "培训办班", title: "2025年财税实务培训班", place: placeTown, partners: withTax,
		body: "青禾税务所业务骨干围绕小规模纳税人优惠、个人所得税汇算和电子发票开具等内容逐项讲解，并现场解答了学员提问。",
		who:  whoAny, n: [2]int{15, 28}, outside: [2]int{40, 70},
		outcomes: []outcomeSpec{count("companies_served", 30, 45)}, captions: []string{"培训现场", "现场答疑"}, inCase: true},
	{year: 2025, month: 2, day: 27, typ: "党建活动", title: "党支部2024年度组织生活会和民主评议党员", place: placeParty, organizer: byBranch,
		body: "支委会班子首先作对照检查，党员逐一开展批评和自我批评，随后进行了民主评议。",
		who:  whoParty, n: [2]int{16, 24}, outside: [2]int{0, 2}, captions: []string{"组织生活会现场"}},
	{year: 2025, month: 3, day: 5, fixed: true, typ: "公益慈善", title: "“学雷锋·商会在行动”志愿服务活动", place: "青禾镇集贸市场",
		body:   "商会志愿者在集贸市场设立服务点，开展免费理发、家电维修和政策咨询等便民服务，并向过往群众发放诚信经营倡议书。",
		closer: "活动受到赶集群众的欢迎，不少商户主动在倡议书上签名。",
		who:    whoAny, n: [2]int{10, 16}, outside: [2]int{12, 20}, captions: []string{"志愿服务现场"}},
	{year: 2025, month: 3, day: 13, typ: "政治学习/理想信念教育", title: "学习贯彻全国两会精神专题学习会", place: placeHQ,
		body: "秘书长{秘书长}领学了政府工作报告中关于民营经济和县域经济的重点内容，与会人员结合本企业实际谈体会、话打算。",
		who:  whoAny, n: [2]int{18, 30}, captions: []string{"学习会现场"}},
	{year: 2025, month: 3, day: 21, typ: "招商引资/考察", title: "赴宁川市高新技术产业开发区考察学习", place: "宁川市高新技术产业开发区",
		partners: "青禾镇招商服务中心",
		body:     "考察组先后走访了园区内的智能装备、新型建材和食品加工企业，与园区管委会就产业转移和配套协作进行了座谈。",
		who:      whoLed, n: [2]int{6, 12}, outside: [2]int{1, 3},
		outcomes: []outcomeSpec{count("visits_companies", 4, 7), count("project_leads", 2, 5)},
		captions: []string{"实地考察", "座谈交流"}},
	{year: 2025, month: 3, day: 27, typ: "政企座谈", title: "“春风行动”政银企对接座谈会", place: placeTown, partners: withBanks,
		body: "两家银行介绍了面向小微企业和农户的信贷产品及办理流程，会员企业现场提出融资需求，银行逐一登记并约定上门调查时间。",
		who:  whoAny, n: [2]int{15, 26}, outside: [2]int{6, 10},
		outcomes: []outcomeSpec{count("companies_served", 18, 30)}, captions: []string{"座谈现场"}},
	{year: 2025, month: 4, day: 3, fixed: true, typ: "红色教育", title: "清明节前赴赤岭暴动旧址陈列馆开展红色教育", place: "安澜区赤岭暴动旧址陈列馆",
		body: "全体人员向革命烈士敬献花篮，在讲解员带领下参观了陈列馆，了解了赤岭地区的革命斗争历史。",
		who:  whoAny, n: [2]int{16, 28}, outside: [2]int{2, 6}, captions: []string{"敬献花篮", "参观学习"}, inCase: true},
	{year: 2025, month: 4, day: 10, typ: "会长办公会", title: "2025年第二季度会长办公会", place: placeHQ,
		body: "会议研究了上半年招商考察线路和电商直播培训安排，审议了商会公益基金使用办法（草案）。",
		who:  whoOffice, captions: []string{"会议现场"}},
	{year: 2025, month: 4, day: 17, typ: "培训办班", title: "青禾镇商会电商直播带货培训班（第一期）", place: placeShop, partners: withHR,
		body: "培训邀请本地电商企业负责人现身说法，围绕短视频拍摄、直播间搭建、选品和售后等环节开展实操教学，学员当场开播练习。",
		who:  whoAny, n: [2]int{12, 20}, outside: [2]int{50, 80}, captions: []string{"培训现场", "直播实操"}, inCase: true},
	{year: 2025, month: 4, day: 24, typ: "法律服务", title: "“法律进商会”劳动用工法律体检", place: placeHQ, partners: withLaw,
		body: "律师团队为会员企业逐一审阅劳动合同、规章制度等文本，指出风险点并提出修改建议，共服务企业{服务}户。",
		who:  whoAny, n: [2]int{10, 18}, outside: [2]int{3, 6},
		outcomes: []outcomeSpec{count("companies_served", 12, 20)}, captions: []string{"法律咨询"}},
	{year: 2025, month: 5, day: 15, typ: "健康服务", title: "“关爱企业家健康”义诊活动", place: "镇商贸中心广场", partners: withClinic,
		body: "卫生院派出内科、中医科和眼科医生，为会员企业负责人和职工测量血压血糖、开展中医问诊。",
		who:  whoAny, n: [2]int{10, 20}, outside: [2]int{40, 70}, captions: []string{"义诊现场"}},
	{year: 2025, month: 5, day: 22, typ: "乡村振兴", title: "“村企结对”共建石桥村特色产业座谈会", place: "石桥村党群服务中心", partners: "石桥村“两委”",
		body: "结对企业与村“两委”实地察看了村里的油茶基地和闲置厂房，商定由会员企业提供种苗和技术指导，带动村民发展油茶种植。",
		who:  whoLed, n: [2]int{6, 12}, outside: [2]int{8, 15},
		outcomes: []outcomeSpec{count("project_leads", 2, 3)}, captions: []string{"实地察看", "座谈交流"}, inCase: true},
	{year: 2025, month: 5, day: 29, typ: "招商引资/考察", title: "赴南屿市电子信息产业园开展招商考察", place: "南屿市电子信息产业园",
		partners: "青禾镇招商服务中心",
		body:     "考察组重点对接了两家有意外迁生产线的电子元器件企业，介绍了青禾镇工业集中区的用地、用工和物流条件。",
		who:      whoLed, n: [2]int{6, 10}, outside: [2]int{1, 3},
		outcomes: []outcomeSpec{count("visits_companies", 3, 5), count("project_leads", 2, 4), count("projects_signed", 1, 1), invest(0.8, 1.5)},
		captions: []string{"实地考察", "签约仪式"}},
	{year: 2025, month: 6, day: 12, typ: "培训办班", title: "“安全生产月”专题培训班", place: placeTown, partners: "青禾镇应急管理办公室",
		body: "培训解读了安全生产法律法规，结合典型事故案例讲解了有限空间作业、临时用电和消防安全要点。",
		who:  whoAny, n: [2]int{15, 25}, outside: [2]int{30, 60}, captions: []string{"培训现场"}},
	{year: 2025, month: 6, day: 27, fixed: true, typ: "党建活动", title: "庆祝建党104周年主题党日活动", place: placeParty, organizer: byBranch,
		body: "党员们重温了入党誓词，集体观看了专题片，支部还走访慰问了两位党龄三十年以上的老党员。",
		who:  whoParty, n: [2]int{18, 26}, outside: [2]int{0, 3}, captions: []string{"重温入党誓词", "合影留念"}},
	{year: 2025, month: 7, day: 10, typ: "会长办公会", title: "2025年第三季度会长办公会", place: placeHQ,
		body: "会议通报了上半年工作和会费收缴情况，研究了金秋助学活动方案，对8月份招商引资项目集中签约仪式的筹备进行了分工。",
		who:  whoOffice, captions: []string{"会议现场"}},
	{year: 2025, month: 7, day: 17, typ: "理事会", title: "第三届理事会第八次会议", place: placeHQ,
		body: "会议听取了上半年工作情况通报，审议通过了《青禾镇商会公益基金管理办法》，同意吸收新会员入会。",
		who:  whoCouncil, captions: []string{"会议现场"}},
	{year: 2025, month: 7, day: 24, typ: "政治学习/理想信念教育", title: "《民营经济促进法》专题学习会", place: placeHQ, partners: withFed,
		body: "区工商联干部解读了民营经济促进法的主要内容，重点讲解了公平竞争、投资融资促进和权益保护等章节。",
		who:  whoAny, n: [2]int{20, 32}, outside: [2]int{1, 2}, captions: []string{"学习会现场"}},
	{year: 2025, month: 8, day: 7, typ: "公益慈善", title: "“金秋助学”爱心捐赠仪式", place: placeHall, partners: "青禾镇教育办、青禾中学",
		body: "会员企业现场捐赠助学金{捐款}，资助全镇考入大学的困难家庭学生和在读困难中小学生。",
		who:  whoAny, n: [2]int{14, 24}, outside: [2]int{30, 50},
		outcomes: []outcomeSpec{amount("donations", 8, 14)}, captions: []string{"捐赠仪式", "合影留念"}, inCase: true},
	{year: 2025, month: 8, day: 21, typ: "招商引资/考察", title: "青禾镇2025年招商引资项目集中签约仪式", place: placeTown, organizer: byTown,
		body:   "现场集中签约{签约}个项目，涉及新型建材、农产品精深加工和冷链物流等领域，协议投资额{投资}，多个项目由会员企业牵线引进。",
		closer: "下一步，商会将配合镇里做好签约项目的跟踪服务，推动项目早日开工。",
		who:    whoLed, n: [2]int{15, 25}, outside: [2]int{20, 40},
		outcomes: []outcomeSpec{count("projects_signed", 4, 5), invest(3.0, 4.2)}, captions: []string{"签约仪式", "合影留念"}, inCase: true},
	{year: 2025, month: 8, day: 28, typ: "党建活动", title: "主题党日：走进江州市廉政教育馆", place: "江州市廉政教育馆", organizer: byBranch,
		body: "党员们通过图片、实物和案例，接受了一次廉洁从业、依法经营的警示教育。",
		who:  whoParty, n: [2]int{14, 22}, captions: []string{"参观学习"}},
	{year: 2025, month: 9, day: 4, typ: "培训办班", title: "新《公司法》实务解读培训", place: placeHQ, partners: "江州禾信律师事务所",
		body: "律师结合新《公司法》关于注册资本认缴期限、股东责任和公司治理的规定，提醒会员企业及时调整章程、规范出资。",
		who:  whoAny, n: [2]int{15, 25}, outside: [2]int{20, 35}, captions: []string{"培训现场"}},
	{year: 2025, month: 9, day: 18, typ: "政企座谈", title: "营商环境“面对面”政企座谈会", place: placeTown, organizer: byTown,
		partners: "青禾镇市场监督管理所、" + withTax + "、青禾镇供电所",
		body:     "会员企业围绕用地、用电、招工和道路运输等问题提出意见建议，镇领导和相关站所负责人逐一现场回应。",
		who:      whoAny, n: [2]int{16, 24}, outside: [2]int{8, 12},
		outcomes: []outcomeSpec{count("companies_served", 20, 30)}, captions: []string{"座谈现场"}},
	{year: 2025, month: 9, day: 26, typ: "红色教育", title: "赴龙溪山革命纪念馆开展“铭记历史·缅怀先烈”主题教育", place: "安澜区龙溪山革命纪念馆",
		body: "大家向革命烈士纪念碑敬献花篮，参观了纪念馆陈列，聆听了老党员讲述当年的斗争故事。",
		who:  whoAny, n: [2]int{18, 30}, outside: [2]int{3, 8}, captions: []string{"敬献花篮", "参观学习"}},
	{year: 2025, month: 10, day: 16, typ: "会长办公会", title: "2025年第四季度会长办公会", place: placeHQ,
		body: "会议研究了年度工作总结和明年工作思路，讨论了2026年会员大会筹备事项，并对年底前会费催缴进行了部署。",
		who:  whoOffice, captions: []string{"会议现场"}},
	{year: 2025, month: 10, day: 23, typ: "乡村振兴", title: "青禾农产品产销对接暨消费帮扶活动", place: placeShop,
		body: "活动组织会员中的商超、餐饮和电商企业与全镇种养大户、专业合作社开展产销对接，现场达成一批采购意向。",
		who:  whoAny, n: [2]int{12, 20}, outside: [2]int{20, 30},
		outcomes: []outcomeSpec{count("companies_served", 10, 16)}, captions: []string{"产销对接现场"}},
	{year: 2025, month: 10, day: 29, fixed: true, typ: "健康服务", title: "重阳节“送医进村”义诊活动", place: "柳湾村党群服务中心", partners: withClinic,
		body: "医护人员为村里的老人免费测量血压血糖，开展中医推拿和用药咨询，商会为前来义诊的老人准备了牛奶和挂面。",
		who:  whoAny, n: [2]int{6, 12}, outside: [2]int{50, 80}, captions: []string{"义诊现场"}},
	{year: 2025, month: 11, day: 6, typ: "招商引资/考察", title: "赴云州市农产品物流园考察对接", place: "云州市农产品物流园",
		body: "考察组学习了物流园冷链仓储和农产品集散的运营模式，并与园区两家冷链物流企业商谈在青禾设立前置仓事宜。",
		who:  whoLed, n: [2]int{5, 9}, outside: [2]int{0, 2},
		outcomes: []outcomeSpec{count("visits_companies", 3, 5), count("project_leads", 2, 4), count("projects_signed", 0, 1), invest(0.5, 0.9)},
		captions: []string{"实地考察"}},
	{year: 2025, month: 11, day: 13, typ: "培训办班", title: "青禾镇商会电商直播带货培训班（第二期）", place: placeShop, partners: withHR,
		body: "本期在第一期基础上增加了农产品包装设计和平台推广课程，学员分组进行了模拟直播。",
		who:  whoAny, n: [2]int{12, 20}, outside: [2]int{60, 90}, captions: []string{"培训现场", "直播实操"}, inCase: true},
	{year: 2025, month: 11, day: 20, typ: "政治学习/理想信念教育", title: "“守法诚信 做合格建设者”理想信念教育报告会", place: placeHall, partners: withFed,
		body: "区工商联有关负责同志作专题辅导，两名会员企业家结合自己的创业经历作了交流发言。",
		who:  whoAny, n: [2]int{25, 40}, outside: [2]int{2, 5}, captions: []string{"报告会现场"}},
	{year: 2025, month: 12, day: 3, fixed: true, typ: "法律服务", title: "“宪法宣传周”普法讲座暨法律咨询", place: placeHQ, partners: withLaw,
		body: "司法所干部结合身边案例讲解了合同纠纷、民间借贷和知识产权保护等法律知识，律师现场为会员企业提供一对一咨询。",
		who:  whoAny, n: [2]int{12, 20}, outside: [2]int{5, 10},
		outcomes: []outcomeSpec{count("companies_served", 10, 16)}, captions: []string{"普法讲座", "法律咨询"}},
	{year: 2025, month: 12, day: 11, typ: "党建活动", title: "党支部书记讲专题党课", place: placeParty, organizer: byBranch,
		body: "支部书记{书记}以“守初心、强服务”为题讲授专题党课，并就支部明年工作征求了党员意见。",
		who:  whoParty, n: [2]int{16, 24}, captions: []string{"党课现场"}},
	{year: 2025, month: 12, day: 18, typ: "培训办班", title: "消防安全知识培训暨应急疏散演练", place: placeZone, partners: "青禾镇专职消防队",
		body: "消防队员讲解了厂房、仓库和员工宿舍的防火要点，指导学员现场使用灭火器，并组织了一次疏散演练。",
		who:  whoAny, n: [2]int{12, 22}, outside: [2]int{40, 70}, captions: []string{"培训现场", "应急演练"}},
	{year: 2025, month: 12, day: 23, typ: "政企座谈", title: "年终税企座谈会", place: placeHQ, partners: withTax,
		body: "税务所通报了年度税费优惠政策落实情况，提醒会员企业做好汇算清缴准备，并听取了企业对纳税服务的意见。",
		who:  whoAny, n: [2]int{14, 22}, outside: [2]int{3, 5},
		outcomes: []outcomeSpec{count("companies_served", 15, 22)}, captions: []string{"座谈现场"}},

	// ---- 2026 ----
	{year: 2026, month: 1, day: 8, typ: "会长办公会", title: "2026年第一季度会长办公会", place: placeHQ,
		body: "会议审议了2025年度工作总结和2026年度工作要点（讨论稿），研究了会员大会议程，并安排了春节前走访慰问工作。",
		who:  whoOffice, captions: []string{"会议现场"}},
	{year: 2026, month: 1, day: 15, typ: "理事会", title: "第三届理事会第九次会议", place: placeHQ,
		body: "会议审议通过了2025年度工作报告和财务收支报告（草案），表决通过了新会员入会事项，并审议了2025年度优秀会员企业推荐名单。",
		who:  whoCouncil, outside: [2]int{0, 2}, captions: []string{"会议现场"}},
	{year: 2026, month: 1, day: 24, fixed: true, typ: "会员大会", title: "第三届会员大会第五次会议", place: placeHall,
		partners: "中共青禾镇委员会、青禾镇人民政府、" + withFed,
		body:     "会长{会长}作2025年度工作报告，大会审议通过了财务收支报告、监事会工作报告和2026年度工作要点，表彰了一批优秀会员企业和热心公益的会员。",
		who:      whoCongress, outside: [2]int{6, 12}, captions: []string{"大会现场", "合影留念"}},
	{year: 2026, month: 2, day: 5, typ: "公益慈善", title: "2026年“迎新春·送温暖”走访慰问", place: "青禾镇各村（社区）", partners: withCivil,
		body: "慰问组走访了困难家庭、困难退役军人和留守老人，送去米、油和慰问金，合计{捐款}。",
		who:  whoLed, n: [2]int{8, 14}, outside: [2]int{4, 8},
		outcomes: []outcomeSpec{amount("donations", 6, 9)}, captions: []string{"走访慰问"}},
	{year: 2026, month: 2, day: 26, typ: "党建活动", title: "党支部2025年度组织生活会", place: placeParty, organizer: byBranch,
		body: "会前支部开展了谈心谈话，会上党员逐一对照检查、相互提出批评意见，并完成了民主评议党员。",
		who:  whoParty, n: [2]int{16, 26}, captions: []string{"组织生活会现场"}},
	{year: 2026, month: 3, day: 12, typ: "政治学习/理想信念教育", title: "学习全国两会精神暨“开年第一课”", place: placeHQ,
		body: "与会人员集中学习了政府工作报告，结合“十五五”开局之年，交流了各自企业新一年的发展打算。",
		who:  whoAny, n: [2]int{20, 32}, captions: []string{"学习会现场"}},
	{year: 2026, month: 3, day: 19, typ: "培训办班", title: "青禾镇商会电商直播带货培训班（第三期）", place: placeShop, partners: withHR,
		body: "本期面向返乡青年和农村妇女，重点讲授手机短视频剪辑和农产品直播话术，结业时已有多名学员开设了网店。",
		who:  whoAny, n: [2]int{10, 18}, outside: [2]int{70, 110}, captions: []string{"培训现场", "直播实操", "结业合影"}, inCase: true},
	{year: 2026, month: 3, day: 26, typ: "政企座谈", title: "2026年春季政银企融资对接会", place: placeTown, partners: withBanks + "、安澜区中小企业融资担保公司",
		body: "银行和担保机构介绍了首贷、续贷和担保费补贴政策，现场与有需求的会员企业逐户对接，并约定上门尽职调查。",
		who:  whoAny, n: [2]int{16, 26}, outside: [2]int{6, 10},
		outcomes: []outcomeSpec{count("companies_served", 20, 32)}, captions: []string{"对接现场"}},
	{year: 2026, month: 4, day: 2, fixed: true, typ: "红色教育", title: "清明缅怀先烈 赴红军渡纪念园开展红色教育", place: "江州市红军渡纪念园",
		body: "全体人员向烈士纪念碑敬献花篮并默哀，参观了红军渡江作战史料展，随后开展了“讲一个红色故事”分享活动。",
		who:  whoAny, n: [2]int{18, 30}, outside: [2]int{4, 10}, captions: []string{"敬献花篮", "参观学习"}, inCase: true},
	{year: 2026, month: 4, day: 9, typ: "会长办公会", title: "2026年第二季度会长办公会", place: placeHQ,
		body: "会议研究了上半年招商考察安排，审议了电商服务站运营合作方案和新会员入会申请。",
		who:  whoOffice, captions: []string{"会议现场"}},
	{year: 2026, month: 4, day: 16, typ: "招商引资/考察", title: "赴西岚市智能装备产业园考察", place: "西岚市智能装备产业园",
		partners: "青禾镇招商服务中心",
		body:     "考察组参观了园区标准厂房和公共检测平台，与农机装备企业负责人座谈，推介青禾镇的产业配套和交通区位优势。",
		who:      whoLed, n: [2]int{6, 12}, outside: [2]int{1, 3},
		outcomes: []outcomeSpec{count("visits_companies", 3, 6), count("project_leads", 2, 4), count("projects_signed", 1, 1), invest(1.0, 1.6)},
		captions: []string{"实地考察", "座谈交流"}},
	{year: 2026, month: 4, day: 23, typ: "培训办班", title: "劳动用工合规与社保政策培训", place: placeTown, partners: withHR + "、江州禾信律师事务所",
		body: "人社中心工作人员讲解了社保缴费、工伤认定和稳岗补贴申领流程，律师就试用期、加班和解除劳动合同等常见纠纷进行了案例分析。",
		who:  whoAny, n: [2]int{16, 26}, outside: [2]int{25, 45},
		outcomes: []outcomeSpec{count("companies_served", 15, 25)}, captions: []string{"培训现场"}},
	{year: 2026, month: 5, day: 14, typ: "法律服务", title: "“民法典宣传月”法律服务进企业", place: placeZone, partners: withLaw,
		body: "律师服务团分组走访会员企业，围绕合同签订、应收账款催收等问题提供现场咨询，共服务企业{服务}户。",
		who:  whoAny, n: [2]int{8, 14}, outside: [2]int{4, 8},
		outcomes: []outcomeSpec{count("companies_served", 8, 14)}, captions: []string{"法律咨询"}},
	{year: 2026, month: 5, day: 21, typ: "健康服务", title: "会员企业职工健康体检和义诊", place: "青禾镇卫生院体检中心", partners: withClinic,
		body: "卫生院为会员企业一线职工开展了血压、血糖和心电图等项目检查，建立健康档案，并对检查异常的职工安排复查。",
		who:  whoAny, n: [2]int{8, 16}, outside: [2]int{60, 100}, captions: []string{"义诊现场"}},
	{year: 2026, month: 5, day: 27, typ: "乡村振兴", title: "“万企兴万村”禾塘村特色产业项目对接会", place: "禾塘村党群服务中心", partners: "禾塘村“两委”",
		body: "会员企业与禾塘村就莲藕种植、初加工和村集体仓储设施租赁进行了对接，初步确定由两家会员企业与村集体合作经营。",
		who:  whoLed, n: [2]int{8, 14}, outside: [2]int{10, 20},
		outcomes: []outcomeSpec{count("project_leads", 2, 3)}, captions: []string{"项目对接", "实地察看"}},
	{year: 2026, month: 5, day: 29, fixed: true, typ: "公益慈善", title: "“六一”关爱留守儿童活动", place: "青禾镇中心小学", partners: "青禾镇中心小学、青禾镇妇联",
		body: "商会为留守儿童送去书包、文具和课外读物，会员代表和孩子们一起做游戏、讲故事，捐赠物资折合{捐款}。",
		who:  whoAny, n: [2]int{8, 14}, outside: [2]int{40, 60},
		outcomes: []outcomeSpec{amount("donations", 2, 3.6)}, captions: []string{"捐赠仪式", "合影留念"}},
	{year: 2026, month: 6, day: 4, typ: "政治学习/理想信念教育", title: "《民营经济促进法》实施一周年学习交流会", place: placeHQ, partners: withFed,
		body: "会员企业家交流了一年来依法经营、维护权益的体会，区工商联干部介绍了涉企政策直达和诉求办理机制。",
		who:  whoAny, n: [2]int{18, 28}, outside: [2]int{1, 2}, captions: []string{"交流会现场"}},
	{year: 2026, month: 6, day: 11, typ: "培训办班", title: "安全生产月专题培训暨应急救援演练", place: placeZone, partners: "青禾镇应急管理办公室",
		body: "培训重点讲解了企业安全生产主体责任和隐患排查治理，随后在一家会员企业厂区开展了应急处置演练。",
		who:  whoAny, n: [2]int{14, 24}, outside: [2]int{40, 70}, captions: []string{"培训现场", "应急演练"}},
	{year: 2026, month: 6, day: 17, typ: "政企座谈", title: "镇党政领导走访会员企业座谈会", place: placeTown, organizer: byTown,
		body: "镇党委、镇政府主要负责同志听取了会员企业关于工业集中区道路改造、员工子女入学等诉求，明确了责任单位和办理时限。",
		who:  whoAny, n: [2]int{14, 22}, outside: [2]int{6, 10},
		outcomes: []outcomeSpec{count("companies_served", 12, 20)}, captions: []string{"座谈现场"}},
	{year: 2026, month: 6, day: 26, fixed: true, typ: "党建活动", title: "庆祝建党105周年“七一”主题党日", place: placeParty, organizer: byBranch,
		body: "支部组织党员重温入党誓词，开展了“我为会员办实事”微承诺认领，并走访慰问了两名生活困难的老党员。",
		who:  whoParty, n: [2]int{18, 28}, outside: [2]int{0, 3}, captions: []string{"重温入党誓词", "合影留念"}},
	{year: 2026, month: 7, day: 2, typ: "培训办班", title: "食品安全管理员培训班", place: placeTown, partners: "青禾镇市场监督管理所",
		body: "市场监管所执法人员讲解了食品经营许可、进货查验和索证索票要求，结合抽检不合格案例提醒餐饮和食品生产企业落实主体责任。",
		who:  whoAny, n: [2]int{10, 18}, outside: [2]int{30, 50}, captions: []string{"培训现场"}},
	{year: 2026, month: 7, day: 9, typ: "会长办公会", title: "2026年第三季度会长办公会", place: placeHQ,
		body: "会议听取了上半年重点工作推进情况汇报，研究了金秋助学和下半年招商签约活动的筹备工作。",
		who:  whoOffice, captions: []string{"会议现场"}},
	{year: 2026, month: 7, day: 16, typ: "理事会", title: "第三届理事会第十次会议", place: placeHQ,
		body: "会议听取了上半年工作情况和公益基金使用情况通报，审议通过了新会员入会事项。",
		who:  whoCouncil, captions: []string{"会议现场"}},
	{year: 2026, month: 7, day: 23, typ: "招商引资/考察", title: "赴北溪市商贸物流园考察对接", place: "北溪市商贸物流园",
		body: "考察组考察了物流园的智慧仓储和城乡配送体系，与两家物流企业就在青禾建设乡镇配送中心进行了洽谈。",
		who:  whoLed, n: [2]int{5, 9}, outside: [2]int{0, 2},
		outcomes: []outcomeSpec{count("visits_companies", 3, 5), count("project_leads", 1, 3), count("projects_signed", 0, 1), invest(0.4, 0.8)},
		captions: []string{"实地考察"}},
	{year: 2026, month: 8, day: 6, typ: "公益慈善", title: "2026年“金秋助学”爱心捐赠仪式", place: placeHall, partners: "青禾镇教育办、青禾中学",
		body: "会员企业和爱心人士共捐助学金{捐款}，资助考入大学的困难家庭学生和镇中小学困难学生。",
		who:  whoAny, n: [2]int{14, 24}, outside: [2]int{30, 50},
		outcomes: []outcomeSpec{amount("donations", 10, 15)}, captions: []string{"捐赠仪式", "合影留念"}, inCase: true},
	{year: 2026, month: 8, day: 20, typ: "政企座谈", title: "税费政策“送上门”税企座谈会", place: placeHQ, partners: withTax,
		body: "税务所干部解读了最新税费支持政策和电子税务局操作要点，会员企业提出的发票开具、退税进度等问题当场得到答复。",
		who:  whoAny, n: [2]int{14, 22}, outside: [2]int{3, 5},
		outcomes: []outcomeSpec{count("companies_served", 15, 25)}, captions: []string{"座谈现场"}},
	{year: 2026, month: 8, day: 27, typ: "培训办班", title: "跨境电商与外贸出口实务培训", place: placeShop, partners: "江州市电子商务协会",
		body: "培训介绍了跨境电商平台开店、海外仓和出口退税等实务，两家有外贸业务的会员企业分享了开拓海外市场的做法。",
		who:  whoAny, n: [2]int{12, 20}, outside: [2]int{25, 45}, captions: []string{"培训现场"}},
	{year: 2026, month: 9, day: 3, typ: "政治学习/理想信念教育", title: "“弘扬企业家精神”理想信念教育座谈会", place: placeHQ,
		body: "与会企业家围绕诚信经营、回报家乡畅谈体会，会长{会长}勉励大家做爱国敬业、守法经营的民营企业家。",
		who:  whoAny, n: [2]int{18, 28}, captions: []string{"座谈现场"}},
	{year: 2026, month: 9, day: 10, typ: "党建活动", title: "主题党日：走进禾塘村党群服务中心", place: "禾塘村党群服务中心", organizer: byBranch,
		body: "商会党支部与禾塘村党支部开展联学共建，共同学习了党章有关内容，并交流了村企结对项目的推进情况。",
		who:  whoParty, n: [2]int{14, 22}, outside: [2]int{6, 12}, captions: []string{"联学共建", "合影留念"}},
	{year: 2026, month: 9, day: 15, typ: "招商引资/考察", title: "青禾镇2026年招商引资项目集中签约仪式", place: placeTown, organizer: byTown,
		body:   "仪式上集中签约{签约}个项目，协议投资额{投资}，涵盖智能农机装配、冷链仓储和乡村文旅等领域。",
		closer: "签约企业代表表示，将加快办理前期手续，力争项目早日投产。",
		who:    whoLed, n: [2]int{15, 25}, outside: [2]int{20, 40},
		outcomes: []outcomeSpec{count("projects_signed", 4, 6), invest(3.5, 5.0)}, captions: []string{"签约仪式", "合影留念"}, inCase: true},
	{year: 2026, month: 9, day: 22, typ: "红色教育", title: "赴上坊村红色交通站旧址开展现场教学", place: "青禾镇上坊村红色交通站旧址",
		body: "大家在旧址前聆听了交通员秘密传递情报的故事，参观了复原陈列，并在旧址前重温入党誓词。",
		who:  whoAny, n: [2]int{16, 26}, outside: [2]int{2, 6}, captions: []string{"现场教学", "参观学习"}},
	{year: 2026, month: 10, day: 15, typ: "会长办公会", title: "2026年第四季度会长办公会", place: placeHQ,
		body: "会议讨论了2026年度工作总结提纲，研究了申报“创新中国”工商联（商会）工作案例事宜，并对年底会费催缴和走访慰问作了安排。",
		who:  whoOffice, captions: []string{"会议现场"}},
	{year: 2026, month: 10, day: 16, fixed: true, typ: "健康服务", title: "重阳节敬老义诊", place: "白鹭村党群服务中心", partners: withClinic,
		body: "义诊团队为七十岁以上老人免费测血压、做中医理疗，会员企业为老人送上了重阳糕和保暖用品。",
		who:  whoAny, n: [2]int{6, 12}, outside: [2]int{50, 80}, captions: []string{"义诊现场"}},
	{year: 2026, month: 10, day: 22, typ: "培训办班", title: "“新生代”企业家能力提升研修班", place: "江州职业技术学院", partners: withFed,
		body: "研修班为期两天，课程涵盖企业战略、财务管理和数字化转型，学员还到区内两家规模企业现场观摩。",
		who:  whoAny, n: [2]int{15, 25}, outside: [2]int{10, 25}, captions: []string{"培训现场", "现场观摩", "结业合影"}, inCase: true},
	{year: 2026, month: 10, day: 29, typ: "乡村振兴", title: "秋收消费帮扶·青禾农产品展销会", place: "镇商贸中心广场",
		body:   "展销会设置了特色农产品展位，会员中的商超和餐饮企业现场认购大米、莲藕和土鸡蛋等农产品，带动农户增收。",
		closer: "-",
		who:    whoAny, n: [2]int{12, 20}, outside: [2]int{30, 50}, captions: []string{"展销现场"}},
	{year: 2026, month: 11, day: 3, typ: "党建活动", title: "“三会一课”：支部书记讲党课", place: placeParty, organizer: byBranch,
		body: "支部书记{书记}以“抓党建促会建、强服务惠会员”为题讲授党课，回顾了支部一年来的工作，并对冬训学习作了安排。",
		who:  whoParty, n: [2]int{16, 24}, captions: []string{"党课现场"}},
	{year: 2026, month: 11, day: 5, typ: "招商引资/考察", title: "赴宁川市参加江州—宁川产业合作对接会", place: "宁川市会展中心",
		body: "对接会上，会员企业与宁川市的装备制造和食品企业开展一对一洽谈，考察组还走访了有意扩产的企业。",
		who:  whoLed, n: [2]int{8, 14}, outside: [2]int{1, 3},
		outcomes: []outcomeSpec{count("visits_companies", 4, 6), count("project_leads", 3, 5), count("projects_signed", 1, 2), invest(0.8, 1.8)},
		captions: []string{"洽谈现场", "签约仪式"}},
	{year: 2026, month: 11, day: 12, typ: "法律服务", title: "商会人民调解委员会“调解开放日”", place: placeHQ, partners: "青禾镇司法所",
		body: "商会调解委员会向会员企业介绍了商事调解的受理范围和程序，现场受理并调处了一起货款纠纷。",
		who:  whoAny, n: [2]int{10, 16}, outside: [2]int{3, 6},
		outcomes: []outcomeSpec{count("companies_served", 8, 12)}, captions: []string{"调解现场"}},
}
