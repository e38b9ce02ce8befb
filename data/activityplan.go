package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Planned activities and their meeting notices (会议通知).

// clockRE reads a time of day as people write it: 14:30, 14：30, 9点,
// 9点30分, 下午2点半.
var clockRE = regexp.MustCompile(`^(上午|下午|晚上)?(\d{1,2})(?:[:：点时](\d{1,2})?分?|[点时]半)?$`)

// normalizeClock gives a time of day as "HH:MM", or "" for none.
func normalizeClock(s string) (string, *Error) {
	t := strings.ReplaceAll(normalizeValue(s), " ", "")
	if t == "" {
		return "", nil
	}
	m := clockRE.FindStringSubmatch(t)
	bad := func() (string, *Error) {
		return "", invalid("开始时间", t, "时间请写成 14:30 或 下午2点半", "write the time as 14:30", "unrecognized time of day")
	}
	if m == nil {
		return bad()
	}
	h, _ := strconv.Atoi(m[2])
	min := 0
	switch {
	case strings.HasSuffix(t, "半"):
		min = 30
	case m[3] != "":
		min, _ = strconv.Atoi(m[3])
	}
	if (m[1] == "下午" || m[1] == "晚上") && h < 12 {
		h += 12
	}
	if h > 23 || min > 59 {
		return bad()
	}
	return fmt.Sprintf("%02d:%02d", h, min), nil
}

// tidyLines trims each line of a list and drops the empty ones.
func tidyLines(s string) string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if l = NormalizeText(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// AgendaItems are the agenda's lines.
func (a Activity) AgendaItems() []string {
	if a.Agenda == "" {
		return nil
	}
	return strings.Split(a.Agenda, "\n")
}

// UpcomingActivities lists the planned activities from day on, soonest
// first: the dashboard's 近期安排.
func (s *Store) UpcomingActivities(ctx context.Context, day time.Time, n int) ([]Activity, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+activityColumns+` FROM activities a
		WHERE a.planned = 1 AND a.date >= ? ORDER BY a.date, a.start_time, a.id LIMIT ?`, FormatDateISO(day), n)
	if err != nil {
		return nil, err
	}
	var out []Activity
	for rows.Next() {
		a, err := scanActivity(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, a)
	}
	rows.Close()
	return out, rows.Err()
}

// PlannedOfType counts a year's planned activities of a type (会员大会
// planned for December, say), for reminders.
func (s *Store) PlannedOfType(ctx context.Context, year int, typ string) (int, error) {
	from, to := yearRange(year)
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM activities WHERE planned = 1 AND type = ?
		AND date BETWEEN ? AND ?`, typ, from, to).Scan(&n)
	return n, err
}

// Notice is what a meeting notice says beyond the activity itself.
type Notice struct {
	ActivityID   int64
	DocNo        string    // 文号, e.g. 青禾商发〔2026〕5号
	Title        string    // empty: 关于召开{活动名称}的通知
	Addressees   string    // 各位会员, 各位理事, or names
	Bring        string    // what to bring
	ReplyBy      time.Time // zero: no reply slip deadline
	Contact      string
	ContactPhone string
	Issued       time.Time // the notice's date; zero: the day it is made
}

// AddresseesInvited addresses a notice to the activity's invited people
// alone, named by office.
const AddresseesInvited = "受邀人员"

// meetingTypes are the activity types one 召开 (holds as a meeting); the
// others one 举办.
var meetingTypes = map[string]bool{"会员大会": true, "会员代表大会": true, "理事会": true, "常务理事会": true,
	"会长办公会": true, "监事会": true, "政企座谈": true}

// MeetingVerb is 召开 for a meeting, 举办 for a class, visit or event.
func MeetingVerb(typ string) string {
	if meetingTypes[typ] {
		return "召开"
	}
	return "举办"
}

// NoticeTitle is the notice's title, the usual one when none was written:
// 关于召开……的通知.
func (n Notice) NoticeTitle(a Activity) string {
	if n.Title != "" {
		return n.Title
	}
	t := strings.TrimPrefix(strings.TrimPrefix(a.Title, "召开"), "举办")
	if !strings.HasPrefix(t, "关于") {
		t = "关于" + MeetingVerb(a.Type) + t
	}
	return t + "的通知"
}

// ActivityNotice reads an activity's notice; one never saved comes back
// empty with the activity's id.
func (s *Store) ActivityNotice(ctx context.Context, activityID int64) (Notice, error) {
	n := Notice{ActivityID: activityID}
	var reply, issued string
	err := s.db.QueryRowContext(ctx, `SELECT doc_no, title, addressees, bring, reply_by, contact, contact_phone, issued
		FROM activity_notices WHERE activity_id = ?`, activityID).Scan(&n.DocNo, &n.Title, &n.Addressees, &n.Bring,
		&reply, &n.Contact, &n.ContactPhone, &issued)
	if errors.Is(err, sql.ErrNoRows) {
		return n, nil
	}
	n.ReplyBy, _ = time.Parse(time.DateOnly, reply)
	n.Issued, _ = time.Parse(time.DateOnly, issued)
	return n, err
}

// SaveActivityNotice keeps an activity's notice, logged with the activity.
func (s *Store) SaveActivityNotice(ctx context.Context, n Notice) error {
	n.DocNo, n.Title, n.Addressees = NormalizeText(n.DocNo), NormalizeText(n.Title), NormalizeText(n.Addressees)
	n.Bring, n.Contact, n.ContactPhone = tidyLines(n.Bring), NormalizeText(n.Contact), NormalizeText(n.ContactPhone)
	return s.withTx(ctx, func(tx *sql.Tx) error {
		if _, err := activityTx(ctx, tx, n.ActivityID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO activity_notices (activity_id, doc_no, title, addressees, bring,
			reply_by, contact, contact_phone, issued) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (activity_id) DO UPDATE SET doc_no = excluded.doc_no, title = excluded.title,
			addressees = excluded.addressees, bring = excluded.bring, reply_by = excluded.reply_by,
			contact = excluded.contact, contact_phone = excluded.contact_phone, issued = excluded.issued`,
			n.ActivityID, n.DocNo, n.Title, n.Addressees, n.Bring, FormatDateISO(n.ReplyBy), n.Contact,
			n.ContactPhone, FormatDateISO(n.Issued))
		if err != nil {
			return err
		}
		return s.logChange(ctx, tx, "activity", n.ActivityID, "update", fields{}, fields{
			"notice_doc_no": n.DocNo, "notice_title": n.Title, "notice_addressees": n.Addressees,
			"notice_bring": n.Bring, "notice_reply_by": FormatDateISO(n.ReplyBy),
			"notice_contact": n.Contact, "notice_contact_phone": MaskPhone(n.ContactPhone),
		})
	})
}
