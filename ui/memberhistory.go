package ui

import (
	"fmt"
	"fyne.io/fyne/v2/lang"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
)

// memberHistory is a member's 档案: details (phone and ID masked), offices
// held, dues by year, activities attended and the change log.
type memberHistory struct {
	sh         shell
	m          data.Member
	offices    []data.OfficeTerm
	dues       []data.Dues
	activities []data.Activity
	changes    []data.Change

	tabs   *container.AppTabs
	dlg    dialog.Dialog
	closed bool
}

// newMemberHistory loads everything the 档案 shows; a handful of small
// queries for one member, quick enough for the UI thread.
func newMemberHistory(a shell, id int64) (*memberHistory, error) {
	s, ctx := a.store(), a.ctx()
	h := &memberHistory{sh: a}
	var err error
	if h.m, err = s.Member(ctx, id); err != nil {
		return nil, err
	}
	if h.offices, err = s.OfficeHistory(ctx, id); err != nil {
		return nil, err
	}
	if h.dues, err = s.DuesOfMember(ctx, id); err != nil {
		return nil, err
	}
	if h.activities, err = s.ActivitiesOfMember(ctx, id); err != nil {
		return nil, err
	}
	if h.changes, err = s.Changes(ctx, "member", id); err != nil {
		return nil, err
	}
	return h, nil
}

func (h *memberHistory) content() fyne.CanvasObject {
	h.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("基本信息"), container.NewVScroll(h.details())),
		container.NewTabItem(fmt.Sprintf(lang.L("职务经历（%d）"), len(h.offices)), h.officeTable()),
		container.NewTabItem(fmt.Sprintf(lang.L("会费（%d年）"), len(h.dues)), h.duesTable()),
		container.NewTabItem(fmt.Sprintf(lang.L("参加活动（%d）"), len(h.activities)), h.activityTable()),
		container.NewTabItem(fmt.Sprintf(lang.L("修改记录（%d）"), len(h.changes)), h.changeList()),
	)
	return h.tabs
}

func (h *memberHistory) show() {
	title := lang.L("会员档案 — ") + h.m.Name
	d := dialog.NewCustom(title, lang.L("关闭"), h.content(), h.sh.window())
	size := h.sh.window().Canvas().Size()
	d.Resize(fyne.NewSize(min(900, size.Width-40), min(600, size.Height-40)))
	d.SetOnClosed(func() { h.closed = true })
	h.dlg = d
	h.sh.present(d)
}

func (h *memberHistory) details() fyne.CanvasObject {
	m := h.m
	credit := m.CreditCode
	if m.CreditCodeFlag != "" {
		credit += lang.L("（校验位不符，待核对）")
	}
	rows := [][2]string{
		{lang.L("会员类型"), valueLabel(m.Kind)}, {lang.L("姓名"), m.Name}, {lang.L("企业名称"), m.Company}, {lang.L("统一社会信用代码"), credit},
		{lang.L("行业"), m.Industry}, {lang.L("性别"), valueLabel(m.Gender)}, {lang.L("手机号码"), data.MaskPhone(m.Phone)},
		{lang.L("身份证号码"), data.MaskIDNumber(m.IDNumber)}, {lang.L("政治面貌"), valueLabel(m.Political)}, {lang.L("商会职务"), valueLabel(m.Office)},
		{lang.L("入会日期"), data.FormatDateCN(m.JoinDate)}, {lang.L("状态"), valueLabel(m.Status)},
	}
	if m.Status == data.StatusLeft {
		rows = append(rows, [2]string{lang.L("退会日期"), data.FormatDateCN(m.LeaveDate)}, [2]string{lang.L("退会原因"), m.LeaveReason})
	}
	rows = append(rows, [2]string{lang.L("备注"), m.Notes})
	f := widget.NewForm()
	for _, r := range rows {
		v := r[1]
		if v == "" {
			v = "—"
		}
		f.Append(r[0], newLabel(v))
	}
	return f
}

func (h *memberHistory) officeTable() fyne.CanvasObject {
	rows := make([][]string, len(h.offices))
	for i, t := range h.offices {
		to := memberISODate(t.To)
		if t.To == "" {
			to = lang.L("至今")
		}
		rows[i] = []string{valueLabel(t.Office), memberISODate(t.From), to}
	}
	return historyTable([]string{lang.L("职务"), lang.L("起"), lang.L("止")}, []float32{160, 160, 160}, -1, rows)
}

func (h *memberHistory) duesTable() fyne.CanvasObject {
	rows := make([][]string, len(h.dues))
	for i, d := range h.dues {
		state := memberDuesPaid
		if d.Arrears() {
			state = memberDuesOwing
		}
		rows[i] = []string{fmt.Sprint(d.Year), data.FormatYuanPlain(d.DueFen), data.FormatYuanPlain(d.PaidFen),
			data.FormatDateCN(d.PaidDate), d.ReceiptNo, lang.L(state), d.Note}
	}
	return historyTable([]string{lang.L("年度"), lang.L("应缴（元）"), lang.L("实缴（元）"), lang.L("缴费日期"), lang.L("收据号"), lang.L("状态"), lang.L("备注")},
		[]float32{60, 100, 100, 130, 110, 70, 250}, 6, rows)
}

func (h *memberHistory) activityTable() fyne.CanvasObject {
	rows := make([][]string, len(h.activities))
	for i, a := range h.activities {
		rows[i] = []string{data.FormatDateCN(a.Date), a.Title, valueLabel(a.Type), a.Place}
	}
	return historyTable([]string{lang.L("日期"), lang.L("活动名称"), lang.L("类型"), lang.L("地点")}, []float32{130, 300, 150, 250}, 1, rows)
}

// changeList shows the change log, newest first, as wrapping lines: what
// changed is often longer than a table cell.
func (h *memberHistory) changeList() fyne.CanvasObject {
	if len(h.changes) == 0 {
		return newLabel(lang.L("（无记录）"))
	}
	box := container.NewVBox()
	for _, c := range h.changes {
		head := widget.NewLabelWithStyle(fmt.Sprintf("%s　%s　%s", changeTime(c.At), memberChangeAction(c.Action), c.Actor),
			fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		box.Add(head)
		box.Add(newLabel(memberChangeSummary(c)))
	}
	return container.NewVScroll(box)
}

// memberLogFields are the change log's field keys in the order and words
// of the form; the words are translated where shown.
var memberLogFields = [][2]string{
	{"kind", "会员类型"}, {"name", "姓名"}, {"company", "企业名称"}, {"credit_code", "统一社会信用代码"},
	{"industry", "行业"}, {"gender", "性别"}, {"phone", "手机号码"}, {"id_number", "身份证号码"},
	{"political_status", "政治面貌"}, {"office", "商会职务"}, {"join_date", "入会日期"},
	{"status", "状态"}, {"leave_date", "退会日期"}, {"leave_reason", "退会原因"}, {"notes", "备注"},
}

func memberFieldName(key string) string {
	for _, f := range memberLogFields {
		if f[0] == key {
			return lang.L(f[1])
		}
	}
	return key
}

// memberFieldOrder sorts change-log keys into the form's order; unknown
// keys go last, alphabetically.
func memberFieldOrder(keys []string) {
	rank := func(k string) int {
		for i, f := range memberLogFields {
			if f[0] == k {
				return i
			}
		}
		return len(memberLogFields)
	}
	sort.SliceStable(keys, func(i, j int) bool {
		ri, rj := rank(keys[i]), rank(keys[j])
		if ri != rj {
			return ri < rj
		}
		return keys[i] < keys[j]
	})
}

func memberChangeAction(action string) string {
	switch action {
	case "insert":
		return lang.L("建档")
	case "update":
		return lang.L("修改")
	case "delete":
		return lang.L("删除")
	}
	return action
}

// memberChangeSummary says what a change did: the fields an update changed with
// their old and new values (personal values are masked in the log), or the
// fields a new record was created with.
func memberChangeSummary(c data.Change) string {
	var parts []string
	switch c.Action {
	case "update":
		changed, _ := c.Detail["changed"].(map[string]any)
		keys := c.ChangedFields()
		memberFieldOrder(keys)
		for _, k := range keys {
			pair, _ := changed[k].([]any)
			if len(pair) == 2 {
				parts = append(parts, fmt.Sprintf("%s：%s → %s", memberFieldName(k), changeValueText(pair[0]), changeValueText(pair[1])))
			} else {
				parts = append(parts, memberFieldName(k))
			}
		}
	default:
		rec, _ := c.Detail["new"].(map[string]any)
		if rec == nil {
			rec, _ = c.Detail["old"].(map[string]any)
		}
		keys := make([]string, 0, len(rec))
		for k, v := range rec {
			if s, _ := v.(string); s != "" {
				keys = append(keys, k)
			}
		}
		memberFieldOrder(keys)
		for _, k := range keys {
			parts = append(parts, fmt.Sprintf("%s：%s", memberFieldName(k), changeValueText(rec[k])))
		}
	}
	if len(parts) == 0 {
		return "—"
	}
	return strings.Join(parts, "；")
}

// changeValueText is a logged value as text, clipped so a long note stays one line.
func changeValueText(v any) string {
	s, _ := v.(string)
	if s == "" {
		return lang.L("（空）")
	}
	if r := []rune(s); len(r) > 30 {
		return string(r[:30]) + "…"
	}
	return s
}

// changeTime writes a change-log time (RFC 3339, UTC) in local time.
func changeTime(at string) string {
	t, err := time.Parse(time.RFC3339, at)
	if err != nil {
		return at
	}
	return t.Local().Format("2006-01-02 15:04")
}

// memberISODate writes a stored YYYY-MM-DD as 2021年3月5日.
func memberISODate(iso string) string {
	t, err := time.Parse(time.DateOnly, iso)
	if err != nil {
		return iso
	}
	return data.FormatDateCN(t)
}

// historyTable is a read-only table for the 档案's lists; column stretch
// takes the spare width.
func historyTable(headers []string, widths []float32, stretch int, rows [][]string) fyne.CanvasObject {
	if len(rows) == 0 {
		return newLabel(lang.L("（无记录）"))
	}
	return newTextTable(headers, widths, stretch, len(rows), func(row, col int) string { return rows[row][col] })
}
