package demo

import (
	"math/rand/v2"
	"strings"
)

// Everything here is invented: the town, its villages and neighbours, the
// enterprises and the people. Place words are chosen not to be real county
// or city names; company 字号 are checked against famous brands.

const (
	city     = "江州市"
	district = "安澜区"
	town     = "青禾镇"

	orgName      = city + district + town + "商会"
	orgShortName = town + "商会"
	federation   = district + "工商联"
	partyBranch  = orgShortName + "党支部"

	// areaCode is the made-up 行政区划 code used for 安澜区 in credit codes
	// and most ID numbers.
	areaCode = "360131"
)

// idAreas are the birthplaces of individual members: most are local, some
// came from neighbouring districts.
var idAreas = []string{areaCode, areaCode, areaCode, areaCode, "360132", "360133", "360702", "430524"}

// surnames roughly in order of frequency; common ones repeat so they are
// drawn more often. 单 and 曾 (read shan and zeng as surnames) and 欧阳 are
// also placed on purpose, see specialPeople.
var surnames = strings.Fields(`王 王 李 李 张 张 刘 刘 陈 陈 杨 杨 黄 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何
	高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 袁 潘 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任
	沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 付 方 邹 熊 秦 邱 江 尹 雷 龙 陶 黎 贺 顾 毛 万
	严 戴 汤 单 欧阳`)

// Given-name characters: the first and second character of two-character
// given names, by gender.
var (
	maleFirst    = []rune("建国志文海永德明俊宏晓春立家振金长新子学世成天")
	maleSecond   = []rune("华军伟强平涛斌杰勇峰林波辉刚健清荣祥胜良松鹏飞龙华东明亮博宇")
	femaleFirst  = []rune("秀丽晓雅淑春美玉慧海雪文佳")
	femaleSecond = []rune("芳红燕玲霞梅琴娟英萍静敏兰云凤洁雯婷娜莉丹")
	maleSingle   = []rune("伟强军涛斌杰勇峰辉刚健磊鹏")
	femaleSingle = []rune("丽芳燕玲静敏娟婷")
)

// famous are names of well-known people a random draw must not produce.
var famous = strings.Fields(`李强 王毅 马云 李克强 王健林 马化腾 雷军 李彦宏 刘强东 丁磊 张勇 王传福
	曹德旺 宗庆后 任正非 董明珠 张一鸣 王兴 李书福 黄峥 刘永好 张近东 王石 许家印 刘德华 周杰伦
	王伟 张伟 李伟 王芳 李娜 刘翔 姚明 杨利伟 张华 王刚 赵丽 陈静 张杰 王峰 李健 孙杨 马龙`)

// person draws a name. Two-character given names are the rule, one in
// eight people has a one-character given name.
func personName(r *rand.Rand, male bool) string {
	for {
		sn := surnames[r.IntN(len(surnames))]
		var given string
		single := r.IntN(8) == 0
		switch {
		case single && male:
			given = string(maleSingle[r.IntN(len(maleSingle))])
		case single:
			given = string(femaleSingle[r.IntN(len(femaleSingle))])
		case male:
			given = string(maleFirst[r.IntN(len(maleFirst))]) + string(maleSecond[r.IntN(len(maleSecond))])
		default:
			given = string(femaleFirst[r.IntN(len(femaleFirst))]) + string(femaleSecond[r.IntN(len(femaleSecond))])
		}
		name := sn + given
		// 华华, 明明: a doubled character reads as a nickname here.
		if rs := []rune(given); len(rs) == 2 && rs[0] == rs[1] {
			continue
		}
		if !contains(famous, name) {
			return name
		}
	}
}

// specialPerson is a member placed on purpose: rare characters, 多音字
// surnames and a compound surname, so search and fonts are exercised.
type specialPerson struct {
	name   string
	male   bool
	office string
	kind   string // data.KindUnit or data.KindPersonal
}

// specialPeople: 䶮 (CJK extension A), 昇 喆 堃 淼 犇 燚, surnames 单, 曾, 欧阳.
var specialPeople = []specialPerson{
	{"欧阳德堃", true, "常务副会长", "单位会员"},
	{"林子䶮", true, "副会长", "单位会员"},
	{"单喆", true, "副秘书长", "个人会员"},
	{"曾昇平", true, "理事", "单位会员"},
	{"谢燚", true, "理事", "单位会员"},
	{"徐淼", false, "会员", "单位会员"},
	{"马犇", true, "会员", "个人会员"},
	{"单秀英", false, "会员", "单位会员"},
	{"曾晓雯", false, "理事", "单位会员"},
}

// secretaryName is the chamber's full-time 秘书长, its contact person.
const secretaryName = "方雅琴"

// industry is a trade a town's members work in, with the ways its
// enterprises are named: "form:trade" pairs, see companyName.
type industry struct {
	name  string
	forms string
	count int // unit members in this industry
}

// Legal forms. The credit code's category follows the form: 91 for
// companies and sole proprietorship factories, 92 for 个体工商户 and family
// farms, 93 for 农民专业合作社.
const (
	formLtd     = "ltd"     // …有限公司
	formLLC     = "llc"     // …有限责任公司
	formFactory = "factory" // …厂
	formSole    = "sole"    // a 个体工商户 shop
	formFarm    = "farm"    // …家庭农场
	formCoop    = "coop"    // …专业合作社
)

var industries = []industry{
	{"建材", "ltd:建材 ltd:新型建材 llc:建材 ltd:门窗 factory:水泥制品 factory:石材加工 ltd:砂石", 9},
	{"农产品加工", "ltd:农产品加工 ltd:粮油 ltd:茶业 factory:米 ltd:农业开发 coop:粮油加工", 9},
	{"机械制造", "ltd:机械制造 ltd:精密机械 ltd:农机 llc:机械 factory:机械配件 factory:五金", 8},
	{"商贸物流", "ltd:商贸 ltd:物流 ltd:供应链管理 llc:仓储物流 sole:商行 sole:副食批发部", 10},
	{"餐饮住宿", "ltd:餐饮管理 ltd:酒店管理 sole:饭店 sole:土菜馆 sole:宾馆 sole:农家饭庄", 9},
	{"建筑施工", "ltd:建筑工程 ltd:建设工程 llc:装饰工程 ltd:市政工程 ltd:水利水电工程", 8},
	{"纺织服装", "ltd:纺织 ltd:服饰 factory:制衣 factory:针织", 6},
	{"电子信息", "ltd:电子科技 ltd:信息技术 ltd:智能科技 ltd:电子商务", 6},
	{"乡村旅游", "ltd:文化旅游开发 ltd:生态农庄 sole:农家乐 sole:民宿 coop:乡村旅游", 6},
	{"种养殖", "coop:水稻种植 coop:蔬菜种植 coop:生猪养殖 coop:水产养殖 coop:中药材种植 farm: ltd:生态农业", 9},
	{"食品", "ltd:食品 ltd:酒业 ltd:调味品 factory:糕点 factory:豆制品", 7},
	{"汽车服务", "ltd:汽车销售服务 ltd:汽车维修服务 sole:汽车修理部 ltd:汽车配件", 5},
	{"医药", "ltd:医药连锁 ltd:大药房 ltd:医疗器械", 4},
	{"教育培训", "ltd:职业技能培训 ltd:教育科技 ltd:文化传播", 4},
}

// companyName builds an enterprise name in the usual shape for its form:
// region prefix, 字号, trade, legal form. Big ones (the 会长's group, a
// 股份有限公司) are made by the caller through suffix.
func companyName(r *rand.Rand, form, trade, brand, suffix string) string {
	switch form {
	case formLtd, formLLC:
		prefixes := []string{"江州", "江州市", "江州市", city + district, district}
		if suffix == "" {
			suffix = "有限公司"
			if form == formLLC {
				suffix = "有限责任公司"
			}
		}
		return prefixes[r.IntN(len(prefixes))] + brand + trade + suffix
	case formFactory:
		prefixes := []string{district, district + town, city + district}
		return prefixes[r.IntN(len(prefixes))] + brand + trade + "厂"
	case formSole:
		return district + town + brand + trade
	case formFarm:
		return district + town + brand + "家庭农场"
	case formCoop:
		return district + town + brand + trade + "专业合作社"
	}
	panic("demo: unknown legal form " + form)
}

// creditKind is the credit code category of a legal form.
func creditKind(form string) string {
	switch form {
	case formSole, formFarm:
		return "92"
	case formCoop:
		return "93"
	}
	return "91"
}

// brandWords are 字号 (trade names). Anything that is a well-known brand
// (恒大, 万达, 顺丰, 美的 …) is left out on purpose.
var brandWords = strings.Fields(`禾润 禾丰 鑫禾 青源 澜溪 润田 金穗 德顺 合兴 兴旺 丰泰 泰和 瑞丰 荣昌
	佳和 和顺 永丰 益农 绿野 众鑫 鸿运 森茂 聚源 明达 诚信 安泰 盛达 顺达 鼎盛 天成 博远 启航
	腾达 宇辰 晨禾 星禾 青苗 沃土 田园 乡悦 溪谷 山泉 云岭 鹭洲 白鹭 荷塘 春晖 秋实 丰登 利民
	惠民 康宁 康源 锦程 嘉润 润禾 福来 乐农 金石 竹韵 柳湾 清溪 双河 桥头 东升 旭日 新禾 宏泰
	恒旺 长兴 兴达 信达 百禾 千禾 联兴 众合 同心 立达 宏发 新源 绿源 田丰 禾美 乡韵 谷丰 穗丰
	润丰 金禾 银杏 青松 翠竹 碧水 远山 晴川 鸣泉 望田 稻香 麦丰 瑞禾 盈丰 兴农 富民 裕丰 安农
	泓源 临溪 望禾 稻丰 秀水 德昌`)

// villages of 青禾镇 (invented).
var villages = []string{"禾塘村", "石桥村", "柳湾村", "竹溪村", "双河村", "枫林村", "白鹭村", "上坊村"}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
