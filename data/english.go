package data

import (
	"regexp"
	"strings"
)

// English for the window's English mode. The data file keeps Chinese values
// (offices, statuses, types, units): they are what the chamber files with
// the 工商联 and what every comparison uses. LabelEN and FieldEN only give
// the words a person reads; the value stored never changes.

// labelsEN are the English labels of the fixed values the data holds.
var labelsEN = map[string]string{
	// Offices.
	"会长": "President", "常务副会长": "Executive Vice President", "副会长": "Vice President",
	"监事长": "Chief Supervisor", "监事": "Supervisor", "秘书长": "Secretary-General",
	"副秘书长": "Deputy Secretary-General", "理事": "Director", "会员": "Member",
	// Member kinds and statuses, gender.
	KindUnit: "Company member", KindPersonal: "Individual member",
	StatusActive: "Active", StatusLeft: "Left",
	"男": "Male", "女": "Female",
	// Political status.
	"中共党员": "CPC member", "中共预备党员": "CPC probationary member", "共青团员": "CYL member",
	"民主党派": "Democratic party member", "无党派人士": "Non-party", "群众": "No affiliation",
	// Organization types.
	"镇街商会": "Township chamber", "综合性商会": "General chamber", "行业商会": "Trade chamber",
	"异地商会": "Out-of-town chamber", "区县级工商联": "County federation",
	"地市级工商联": "City federation", "省级工商联": "Provincial federation",
	// Case levels, sections and figure states.
	LevelBest: "Best case", LevelExcellent: "Excellent case", "草稿": "Draft", "已定稿": "Final",
	"导语": "Lead", "主要做法": "Main practices", "主要成效": "Main results",
	"已核对": "Checked", "已过期（数据已变）": "Stale (the records changed)",
	"未溯源（手工输入）": "Untraced (typed by hand)", "指标已删除": "Metric removed",
	// Import actions.
	ActionAdd: "Add", ActionUpdate: "Update", ActionUnchanged: "Unchanged", ActionSkip: "Skip",
	// Metric kinds as stored.
	MetricDerived: "Counted from records", MetricOutcome: "Activity outcome", MetricManual: "Entered by hand",
	// Units.
	"人次": "person-times", "期": "sessions", "家": "companies", "条": "items", "个": "count",
	"户": "households", "人": "people", "场": "events", "万元": "×10,000 yuan", "亿元": "×100 million yuan",
	"元": "yuan",
	// Activity types built in.
	"政治学习/理想信念教育": "Political study / ideals education", "党建活动": "Party building",
	"红色教育": "Red education", "培训办班": "Training course", "招商引资/考察": "Investment promotion / visit",
	"政企座谈": "Government-business forum", "会长办公会": "President's office meeting",
	"理事会": "Board meeting", "会员大会": "General assembly", "法律服务": "Legal services",
	"健康服务": "Health services", "公益慈善": "Charity", "乡村振兴": "Rural revitalization", "其他": "Other",
	// Award categories built in.
	"省级工商联工作": "Provincial federation work", "副省级城市和地市级工商联工作": "Sub-provincial and city federation work",
	"区县级工商联工作": "County federation work", "综合性商会工作": "General chamber work",
	"行业商会工作": "Trade chamber work", "异地商会工作": "Out-of-town chamber work", "镇街商会工作": "Township chamber work",
	// Metrics built in.
	"会员数": "Members", "新增会员": "New members", "党员会员数": "Members in the Party",
	"活动场次": "Activities", "参与人次": "Person-times", "办班期数": "Training sessions",
	"培训覆盖人次": "Training person-times", "红色教育参与人次": "Red education person-times",
	"招商考察来访家数": "Companies visiting", "项目信息条数": "Project leads", "签约项目数": "Projects signed",
	"投资额": "Investment", "捐款捐物金额": "Donations", "服务企业户数": "Companies served",
	"异地商会数": "Out-of-town chambers", "友好商会数": "Friendly chambers", "吸纳就业人数": "Jobs created",
	// Accounts: kinds and the categories built in.
	KindIncome: "Income", KindSpending: "Spending",
	"会费": "Dues", "捐赠收入": "Donations received", "政府补助": "Government grants", "活动收入": "Activity income",
	"利息": "Interest", "其他收入": "Other income", "活动支出": "Activity costs", "办公费": "Office costs",
	"人员费用": "Staff costs", "公益支出": "Charity spending", "会议费": "Meeting costs", "差旅费": "Travel",
	"其他支出": "Other spending",
}

// LabelEN is the English label of a fixed value the data holds (an office,
// a member status or kind, an organization type, a built-in activity type,
// award category or metric, a unit, a case level), or v itself when it has
// none: names a chamber typed in (its own activity types, members) stay as
// they are.
func LabelEN(v string) string {
	if l, ok := labelsEN[v]; ok {
		return l
	}
	return v
}

// labelList is the English labels of values, for a message listing them.
func labelList(values []string) string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = LabelEN(v)
	}
	return strings.Join(out, ", ")
}

// fieldsEN are the English names of the fields an Error names.
var fieldsEN = map[string]string{
	"姓名": "Name", "会员类型": "Member kind", "企业名称": "Company", "商会职务": "Office",
	"政治面貌": "Political status", "性别": "Gender", "状态": "Status", "入会日期": "Join date",
	"退会日期": "Leave date", "会员": "Member", "行业": "Industry", "备注": "Notes",
	fieldCreditCode: "Unified social credit code", fieldIDNumber: "ID number",
	fieldMobile: "Mobile number", fieldPhone: "Phone number", fieldDate: "Date", fieldMoney: "Amount",
	"单位信息": "Organization", "单位名称": "Organization name", "单位类别": "Organization type",
	"会费": "Dues", "会费标准": "Dues standard", "缴费日期": "Payment date", "年度": "Year",
	"活动": "Activity", "活动名称": "Activity title", "活动类型": "Activity type", "活动日期": "Activity date",
	"结束日期": "End date", "其他参与人次": "Other attendance", "成效指标": "Outcome metric",
	"成效数字": "Outcome figure", "照片": "Photo", "案例照片": "Case photo",
	"指标": "Metric", "指标名称": "Metric name", "指标数值": "Metric value", "指标类型": "Metric kind",
	"单位": "Unit", "数值": "Value", "引用指标": "Cited metric",
	"案例": "Case", "案例标题": "Case title", "申报年度": "Award year", "申报等次": "Award level",
	"申报类别": "Award category", "关联活动": "Linked activities", "字数限制": "Length limit",
	"导语": "Lead", "主要做法": "Main practices", "主要成效": "Main results",
	"推荐单位意见": "Recommender's opinion", "推荐单位": "Recommender", "联系人": "Contact",
	"联系人职务": "Contact's position", "联系电话": "Contact phone",
	"数据文件": "Data file", "备份文件": "Backup file", "名册文件": "Roster file", "保存位置": "Save location",
	"文件": "File", "文件夹": "Folder", "材料包": "Package",
	"收支": "Income or spending", "科目": "Category", "收支记录": "Entry", "关联": "Link",
	"反结账原因": "Reason for reopening", "流水账": "Journal", "凭证号": "Voucher number",
	"摘要": "Description", "经手人": "Handled by", "余额": "Balance",
}

var (
	photoFieldRE  = regexp.MustCompile(`^第(\d+)张照片$`)
	figureFieldRE = regexp.MustCompile(`^(?:(.+)中的)?数字“(.*)”$`)
)

// FieldEN is the English name of an Error's field, or field itself when it
// has none (a field the ui named in the window's language already).
func FieldEN(field string) string {
	if f, ok := fieldsEN[field]; ok {
		return f
	}
	if m := photoFieldRE.FindStringSubmatch(field); m != nil {
		return "Photo " + m[1]
	}
	if m := figureFieldRE.FindStringSubmatch(field); m != nil {
		s := `Figure "` + m[2] + `"`
		if m[1] != "" {
			s += " in " + strings.ToLower(FieldEN(m[1]))
		}
		return s
	}
	return field
}
