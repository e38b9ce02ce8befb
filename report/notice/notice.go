// Package notice puts together a meeting notice (会议通知) from an activity:
// the facts in the order a notice states them, the plain text sent to a
// WeChat group, and the 回执 (reply slip). report/docx and report/pdf print it.
package notice

import (
	"context"
	"fmt"
	"strings"
	"time"

	"chamberdesk/data"
)

// Notice is one activity's notice, read from the store.
type Notice struct {
	Org      data.Organization
	Activity data.Activity
	Fields   data.Notice
	// Invited are the activity's people (those invited, while it is planned),
	// in roster order: named when the notice goes to them alone.
	Invited []data.Member
	// Date is the notice's date: the one written on it, else the day it is made.
	Date time.Time
}

// Load reads the notice of activity id; today dates a notice that has no
// date of its own.
func Load(ctx context.Context, s *data.Store, id int64, today time.Time) (*Notice, error) {
	n := &Notice{}
	var err error
	if n.Activity, err = s.Activity(ctx, id); err != nil {
		return nil, err
	}
	if n.Org, err = s.Organization(ctx); err != nil {
		return nil, err
	}
	if n.Fields, err = s.ActivityNotice(ctx, id); err != nil {
		return nil, err
	}
	roster, err := s.Members(ctx)
	if err != nil {
		return nil, err
	}
	in := map[int64]bool{}
	for _, m := range n.Activity.Attendees {
		in[m] = true
	}
	for _, m := range roster {
		if in[m.ID] {
			n.Invited = append(n.Invited, m)
		}
	}
	n.Date = n.Fields.Issued
	if n.Date.IsZero() {
		n.Date = today
	}
	if n.Fields.Contact == "" {
		n.Fields.Contact, n.Fields.ContactPhone = n.Org.ContactPerson, n.Org.ContactPhone
	}
	return n, nil
}

// Title is the notice's title.
func (n *Notice) Title() string { return n.Fields.NoticeTitle(n.Activity) }

// defaultAddressees are whom a meeting of each type is addressed to.
var defaultAddressees = map[string]string{
	"会员大会": "各位会员", "会员代表大会": "各位会员代表", "理事会": "各位理事", "常务理事会": "各位常务理事",
	"会长办公会": "各位会长、副会长", "监事会": "各位监事",
}

// Addressee is the line the notice opens with, without its colon.
func (n *Notice) Addressee() string {
	switch a := n.Fields.Addressees; {
	case a == data.AddresseesInvited:
		return "各位受邀会员"
	case a != "":
		return a
	}
	if a, ok := defaultAddressees[n.Activity.Type]; ok {
		return a
	}
	return "各位会员"
}

// Attendees says who is to come: the invited people by office when the
// notice goes to them, else the addressees.
func (n *Notice) Attendees() string {
	if n.Fields.Addressees != data.AddresseesInvited || len(n.Invited) == 0 {
		if a, ok := strings.CutPrefix(n.Addressee(), "各位"); ok {
			return "全体" + a
		}
		return n.Addressee()
	}
	var groups []string
	var names []string
	office := n.Invited[0].Office
	flush := func() {
		if len(names) > 0 {
			groups = append(groups, office+names[0]+strings.Join(prefixAll("、", names[1:]), ""))
		}
	}
	for _, m := range n.Invited {
		if m.Office != office {
			flush()
			office, names = m.Office, nil
		}
		names = append(names, m.Name)
	}
	flush()
	return strings.Join(groups, "；") + fmt.Sprintf("（共%d人）", len(n.Invited))
}

func prefixAll(p string, ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = p + s
	}
	return out
}

// When is the time as notices write it: 2026年12月18日（星期五）14:30, or
// the first and last day of a several-day activity.
func (n *Notice) When() string {
	a := n.Activity
	s := DateWithWeekday(a.Date)
	if a.StartTime != "" {
		s += a.StartTime
	}
	if !a.EndDate.IsZero() {
		end := fmt.Sprintf("%d月%d日（%s）", int(a.EndDate.Month()), a.EndDate.Day(), weekday(a.EndDate))
		if a.EndDate.Year() != a.Date.Year() {
			end = DateWithWeekday(a.EndDate)
		}
		s += "至" + end
	}
	return s
}

// DateWithWeekday writes 2026年12月18日（星期五）.
func DateWithWeekday(t time.Time) string {
	return data.FormatDateCN(t) + "（" + weekday(t) + "）"
}

func weekday(t time.Time) string {
	return "星期" + string([]rune("日一二三四五六")[t.Weekday()])
}

// Intro is the sentence that says what, when and where.
func (n *Notice) Intro() string {
	a := n.Activity
	place := ""
	if a.Place != "" {
		place = "在" + a.Place
	}
	return fmt.Sprintf("经研究，定于%s%s%s%s。现将有关事项通知如下：", n.When(), place, data.MeetingVerb(a.Type), a.Title)
}

// Item is one numbered part of the notice: a heading and its lines.
type Item struct {
	Head  string
	Lines []string
}

// Items are the notice's numbered parts: time, place, who, the agenda
// and what else people must know.
func (n *Notice) Items() []Item {
	a, f := n.Activity, n.Fields
	items := []Item{{Head: "时间", Lines: []string{n.When()}}}
	if a.Place != "" {
		items = append(items, Item{Head: "地点", Lines: []string{a.Place}})
	}
	items = append(items, Item{Head: "参加人员", Lines: []string{n.Attendees()}})
	if agenda := a.AgendaItems(); len(agenda) > 0 {
		it := Item{Head: "议程"}
		for i, l := range agenda {
			it.Lines = append(it.Lines, fmt.Sprintf("%d. %s", i+1, l))
		}
		items = append(items, it)
	}
	var other []string
	if f.Bring != "" {
		other = append(other, "请携带："+strings.ReplaceAll(f.Bring, "\n", "、")+"。")
	}
	if r := n.Reply(); r != "" {
		other = append(other, r)
	}
	if c := n.Contact(); c != "" {
		other = append(other, c)
	}
	if len(other) > 0 {
		items = append(items, Item{Head: "其他事项", Lines: other})
	}
	return items
}

// Reply asks for the reply slip by its deadline; empty when there is none.
func (n *Notice) Reply() string {
	if n.Fields.ReplyBy.IsZero() {
		return ""
	}
	return "请于" + DateWithWeekday(n.Fields.ReplyBy) + "前将回执报商会秘书处，以便安排会务。"
}

// Contact is the line naming whom to ask.
func (n *Notice) Contact() string {
	f := n.Fields
	switch {
	case f.Contact != "" && f.ContactPhone != "":
		return "联系人：" + f.Contact + "，电话：" + f.ContactPhone
	case f.Contact != "":
		return "联系人：" + f.Contact
	case f.ContactPhone != "":
		return "联系电话：" + f.ContactPhone
	}
	return ""
}

// chineseNumbers number the parts as official documents do.
var chineseNumbers = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}

// Numbered is the part's heading as the printed notice writes it: 一、时间.
func Numbered(i int, head string) string {
	if i < len(chineseNumbers) {
		return chineseNumbers[i] + "、" + head
	}
	return fmt.Sprintf("%d、%s", i+1, head)
}

// SlipColumns are the columns of the 回执, and SlipRows how many empty
// rows it leaves.
var SlipColumns = []string{"单位名称", "姓名", "职务", "联系电话", "是否参加"}

const SlipRows = 3

// Text is the notice as plain lines for a WeChat group: what people look
// for first (the title, when, where) at the top, no markup, nothing a phone
// shows badly.
func (n *Notice) Text() string {
	var lines []string
	add := func(s ...string) { lines = append(lines, s...) }
	add("【会议通知】"+n.Title(), "", n.Addressee()+"：", n.Intro(), "")
	for _, it := range n.Items() {
		switch {
		case it.Head == "其他事项":
			add(it.Lines...)
		case len(it.Lines) == 1:
			add(it.Head + "：" + it.Lines[0])
		default:
			add(it.Head + "：")
			add(it.Lines...)
		}
	}
	add("", n.Org.Name, data.FormatDateCN(n.Date))
	return strings.Join(lines, "\n") + "\n"
}
