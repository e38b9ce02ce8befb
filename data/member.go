package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Member kinds.
const (
	KindUnit     = "单位会员"
	KindPersonal = "个人会员"
)

// Member statuses.
const (
	StatusActive = "在会"
	StatusLeft   = "退会"
)

// Offices in order of rank; the order is used for sorting and for
// "理事 and above" style picks.
var Offices = []string{"会长", "常务副会长", "副会长", "监事长", "监事", "秘书长", "副秘书长", "理事", "会员"}

// PoliticalStatuses as a roster records them.
var PoliticalStatuses = []string{"中共党员", "中共预备党员", "共青团员", "民主党派", "无党派人士", "群众"}

// OfficeRank is the position of office in Offices (lower is higher rank);
// unknown offices rank last.
func OfficeRank(office string) int {
	for i, o := range Offices {
		if o == office {
			return i
		}
	}
	return len(Offices)
}

// IsPartyMember reports whether a political status counts as a 党员.
func IsPartyMember(political string) bool {
	return political == "中共党员" || political == "中共预备党员"
}

// Member is a 单位会员 (an enterprise, Name is its representative) or a 个人会员.
type Member struct {
	ID             int64
	Kind           string
	Name           string
	Company        string
	CreditCode     string
	CreditCodeFlag string // non-empty: the code failed its check character and was kept
	Industry       string
	Gender         string
	Phone          string
	IDNumber       string
	Political      string
	Office         string
	JoinDate       time.Time
	LeaveDate      time.Time
	LeaveReason    string
	Status         string
	Notes          string
	CreatedAt      string
	UpdatedAt      string
}

// Normalize tidies every field the way people type them and validates the
// member. Warnings (such as a credit code failing its check character) leave
// the member savable; errors do not. today dates the ID number's birth
// check: the store's clock (Store.Now).
func (m *Member) Normalize(today time.Time) (warnings Errors, err error) {
	for _, p := range []*string{&m.Kind, &m.Name, &m.Company, &m.Industry, &m.Gender,
		&m.Political, &m.Office, &m.LeaveReason, &m.Status} {
		*p = NormalizeText(*p)
	}
	m.Notes = strings.TrimSpace(m.Notes)
	if clean, changed := cleanName(m.Name); changed {
		warnings = append(warnings, nameSpacesWarning(m.Name, clean))
		m.Name = clean
	}
	var errs Errors
	if m.Name == "" {
		errs = append(errs, invalid("姓名", "", "不能为空", "must not be empty", "name is empty"))
	}
	if m.Kind == "" {
		m.Kind = KindPersonal
		if m.Company != "" {
			m.Kind = KindUnit
		}
	}
	if m.Kind != KindUnit && m.Kind != KindPersonal {
		errs = append(errs, invalid("会员类型", m.Kind, "应为 单位会员 或 个人会员", "must be Company member or Individual member", "unknown member kind"))
	}
	if m.Kind == KindUnit && m.Company == "" {
		errs = append(errs, invalid("企业名称", "", "单位会员须填写企业名称", "a company member needs a company name", "unit member needs a company name"))
	}
	if m.Office == "" {
		m.Office = "会员"
	}
	if OfficeRank(m.Office) == len(Offices) {
		errs = append(errs, invalid("商会职务", m.Office, "应为 "+strings.Join(Offices, "、")+" 之一", "must be one of: "+labelList(Offices), "unknown office"))
	}
	if m.Political != "" && !contains(PoliticalStatuses, m.Political) {
		errs = append(errs, invalid("政治面貌", m.Political, "应为 "+strings.Join(PoliticalStatuses, "、")+" 之一", "must be one of: "+labelList(PoliticalStatuses),
			"unknown political status"))
	}
	switch m.Gender {
	case "", "男", "女":
	default:
		errs = append(errs, invalid("性别", m.Gender, "应为 男 或 女", "must be Male or Female", "gender must be 男 or 女"))
	}
	m.CreditCodeFlag = ""
	code, cerr := CheckCreditCode(m.CreditCode)
	if e, ok := AsError(cerr); ok && e.Warning {
		warnings = append(warnings, e)
		m.CreditCodeFlag = e.Code
	} else if cerr != nil {
		errs = append(errs, asErr(cerr))
	}
	m.CreditCode = code
	if p, perr := CheckPhone(m.Phone); perr != nil {
		errs = append(errs, asErr(perr))
	} else {
		m.Phone = p
	}
	id, ierr := CheckIDNumberAt(m.IDNumber, today)
	if ierr != nil {
		errs = append(errs, asErr(ierr))
	} else {
		m.IDNumber = id
		if m.Gender == "" && id != "" {
			// the 17th digit is odd for men, even for women
			if (id[16]-'0')%2 == 1 {
				m.Gender = "男"
			} else {
				m.Gender = "女"
			}
		}
	}
	if m.Status == "" {
		m.Status = StatusActive
		if !m.LeaveDate.IsZero() {
			m.Status = StatusLeft
		}
	}
	if m.Status != StatusActive && m.Status != StatusLeft {
		errs = append(errs, invalid("状态", m.Status, "应为 在会 或 退会", "must be Active or Left", "unknown status"))
	}
	if !m.JoinDate.IsZero() && !m.LeaveDate.IsZero() && m.LeaveDate.Before(m.JoinDate) {
		errs = append(errs, invalid("退会日期", FormatDateCN(m.LeaveDate), "不能早于入会日期 "+FormatDateCN(m.JoinDate), "must not be before the join date "+m.JoinDate.Format("2006-01-02"),
			"leave date before join date"))
	}
	return warnings, errs.Err()
}

// logFields flattens a member for the change log with personal values masked.
func (m Member) logFields() fields {
	return fields{
		"kind": m.Kind, "name": m.Name, "company": m.Company, "credit_code": m.CreditCode,
		"industry": m.Industry, "gender": m.Gender, "phone": MaskPhone(m.Phone),
		"id_number": MaskIDNumber(m.IDNumber), "political_status": m.Political, "office": m.Office,
		"join_date": FormatDateISO(m.JoinDate), "leave_date": FormatDateISO(m.LeaveDate),
		"leave_reason": m.LeaveReason, "status": m.Status, "notes": m.Notes,
	}
}

const memberColumns = `id, kind, name, company, credit_code, credit_code_flag, industry, gender, phone,
	id_number, political_status, office, join_date, leave_date, leave_reason, status, notes, created_at, updated_at`

type scanner interface{ Scan(dest ...any) error }

func scanMember(r scanner) (Member, error) { return scanMemberWith(r) }

// scanMemberWith scans memberColumns followed by extra columns.
func scanMemberWith(r scanner, extra ...any) (Member, error) {
	var m Member
	var join, leave string
	dest := []any{&m.ID, &m.Kind, &m.Name, &m.Company, &m.CreditCode, &m.CreditCodeFlag, &m.Industry,
		&m.Gender, &m.Phone, &m.IDNumber, &m.Political, &m.Office, &join, &leave, &m.LeaveReason,
		&m.Status, &m.Notes, &m.CreatedAt, &m.UpdatedAt}
	err := r.Scan(append(dest, extra...)...)
	if err != nil {
		return m, err
	}
	m.JoinDate, _ = time.Parse(time.DateOnly, join)
	m.LeaveDate, _ = time.Parse(time.DateOnly, leave)
	return m, nil
}

// CreateMember validates and inserts a member, returning its id and any warnings.
func (s *Store) CreateMember(ctx context.Context, m Member) (int64, Errors, error) {
	var id int64
	warnings, err := m.Normalize(s.Now())
	if err != nil {
		return 0, warnings, err
	}
	err = s.withTx(ctx, func(tx *sql.Tx) error {
		var err error
		id, err = s.insertMember(ctx, tx, &m)
		return err
	})
	if err != nil {
		return 0, warnings, err
	}
	s.afterMemberWrite(ctx, id)
	return id, warnings, nil
}

// insertMember writes an already normalized member inside tx.
func (s *Store) insertMember(ctx context.Context, tx *sql.Tx, m *Member) (int64, error) {
	now := s.stamp()
	k := pinyinKeysOf(m.Name, m.Company)
	res, err := tx.ExecContext(ctx, `INSERT INTO members (kind, name, company, credit_code,
		credit_code_flag, industry, gender, phone, id_number, political_status, office, join_date,
		leave_date, leave_reason, status, notes, name_pinyin, name_initials, company_pinyin,
		company_initials, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		m.Kind, m.Name, m.Company, m.CreditCode, m.CreditCodeFlag, m.Industry, m.Gender, m.Phone,
		m.IDNumber, m.Political, m.Office, FormatDateISO(m.JoinDate), FormatDateISO(m.LeaveDate),
		m.LeaveReason, m.Status, m.Notes, k.namePinyin, k.nameInitials, k.companyPinyin,
		k.companyInitials, now, now)
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	m.ID = id
	if _, err := tx.ExecContext(ctx, `INSERT INTO member_offices (member_id, office, from_date)
		VALUES (?, ?, ?)`, id, m.Office, FormatDateISO(m.JoinDate)); err != nil {
		return 0, err
	}
	return id, s.logChange(ctx, tx, "member", id, "insert", nil, m.logFields())
}

// Member loads one member.
func (s *Store) Member(ctx context.Context, id int64) (Member, error) {
	m, err := scanMember(s.db.QueryRowContext(ctx, "SELECT "+memberColumns+" FROM members WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return m, memberNotFound(id)
	}
	return m, err
}

func memberNotFound(id int64) *Error {
	return &Error{Code: CodeNotFound, Field: "会员", Value: fmt.Sprint(id), Msg: "找不到该会员", MsgEN: "member not found",
		Reason: fmt.Sprintf("member %d not found", id)}
}

// UpdateMember validates and saves every field of m. An office change closes
// the previous term in the office history.
func (s *Store) UpdateMember(ctx context.Context, m Member) (Errors, error) {
	warnings, err := m.Normalize(s.Now())
	if err != nil {
		return warnings, err
	}
	err = s.withTx(ctx, func(tx *sql.Tx) error {
		return s.updateMember(ctx, tx, &m)
	})
	if err == nil {
		s.afterMemberWrite(ctx, m.ID)
	}
	return warnings, err
}

func (s *Store) updateMember(ctx context.Context, tx *sql.Tx, m *Member) error {
	old, err := scanMember(tx.QueryRowContext(ctx, "SELECT "+memberColumns+" FROM members WHERE id = ?", m.ID))
	if errors.Is(err, sql.ErrNoRows) {
		return memberNotFound(m.ID)
	}
	if err != nil {
		return err
	}
	now := s.Now()
	k := pinyinKeysOf(m.Name, m.Company)
	_, err = tx.ExecContext(ctx, `UPDATE members SET kind = ?, name = ?, company = ?, credit_code = ?,
		credit_code_flag = ?, industry = ?, gender = ?, phone = ?, id_number = ?, political_status = ?,
		office = ?, join_date = ?, leave_date = ?, leave_reason = ?, status = ?, notes = ?,
		name_pinyin = ?, name_initials = ?, company_pinyin = ?, company_initials = ?, updated_at = ?
		WHERE id = ?`,
		m.Kind, m.Name, m.Company, m.CreditCode, m.CreditCodeFlag, m.Industry, m.Gender, m.Phone,
		m.IDNumber, m.Political, m.Office, FormatDateISO(m.JoinDate), FormatDateISO(m.LeaveDate),
		m.LeaveReason, m.Status, m.Notes, k.namePinyin, k.nameInitials, k.companyPinyin,
		k.companyInitials, s.stamp(), m.ID)
	if err != nil {
		return err
	}
	if old.Office != m.Office {
		today := FormatDateISO(now)
		if _, err := tx.ExecContext(ctx, `UPDATE member_offices SET to_date = ?
			WHERE member_id = ? AND to_date = ''`, today, m.ID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO member_offices (member_id, office, from_date)
			VALUES (?, ?, ?)`, m.ID, m.Office, today); err != nil {
			return err
		}
	}
	return s.logChange(ctx, tx, "member", m.ID, "update", old.logFields(), m.logFields())
}

// LeaveMember marks a member as having left (退会) on date for reason. Members
// are never deleted, so past attendance and dues keep their meaning.
func (s *Store) LeaveMember(ctx context.Context, id int64, date time.Time, reason string) error {
	if date.IsZero() {
		return invalid("退会日期", "", "请填写退会日期", "please fill in the leave date", "leave date is empty")
	}
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		m, err := scanMember(tx.QueryRowContext(ctx, "SELECT "+memberColumns+" FROM members WHERE id = ?", id))
		if errors.Is(err, sql.ErrNoRows) {
			return memberNotFound(id)
		}
		if err != nil {
			return err
		}
		if m.Status == StatusLeft {
			return &Error{Code: CodeConflict, Field: "会员", Value: m.Name, Msg: "该会员已退会", MsgEN: "this member has already left",
				Reason: "member has already left"}
		}
		m.Status, m.LeaveDate, m.LeaveReason = StatusLeft, date, NormalizeText(reason)
		if !m.JoinDate.IsZero() && date.Before(m.JoinDate) {
			return invalid("退会日期", FormatDateCN(date), "不能早于入会日期 "+FormatDateCN(m.JoinDate), "must not be before the join date "+m.JoinDate.Format("2006-01-02"),
				"leave date before join date")
		}
		if _, err := tx.ExecContext(ctx, `UPDATE member_offices SET to_date = ?
			WHERE member_id = ? AND to_date = ''`, FormatDateISO(date), id); err != nil {
			return err
		}
		return s.updateMember(ctx, tx, &m)
	})
	if err == nil {
		s.afterMemberWrite(ctx, id)
	}
	return err
}

// afterMemberWrite brings the search index up to date after a committed
// write. Inside InTx nothing is committed yet: InTx drops the index instead.
func (s *Store) afterMemberWrite(ctx context.Context, id int64) {
	if _, inTx := ctx.Value(txKey{}).(*sql.Tx); inTx {
		return
	}
	m, err := s.Member(ctx, id)
	if err != nil {
		s.dropIndex()
		return
	}
	s.patchIndex(m)
}

// OfficeTerm is one office a member held.
type OfficeTerm struct {
	Office   string
	From, To string // YYYY-MM-DD; To "" while current
}

// OfficeHistory lists the offices a member has held, oldest first.
func (s *Store) OfficeHistory(ctx context.Context, memberID int64) ([]OfficeTerm, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT office, from_date, to_date FROM member_offices
		WHERE member_id = ? ORDER BY id`, memberID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []OfficeTerm
	for rows.Next() {
		var t OfficeTerm
		if err := rows.Scan(&t.Office, &t.From, &t.To); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// Members lists every member, active first, then by office rank and name.
func (s *Store) Members(ctx context.Context) ([]Member, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+memberColumns+" FROM members ORDER BY id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Member
	for rows.Next() {
		m, err := scanMember(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	SortMembers(out)
	return out, nil
}
