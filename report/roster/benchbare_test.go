package roster_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"github.com/mozillazg/go-pinyin"
	"github.com/xuri/excelize/v2"

	"chamberdesk/data"
)

// bareImporter is the import a programmer would write for this one file
// layout with excelize and database/sql: columns at fixed places, no
// header detection, no validation or normalizing, no messages. It stores
// what ImportMembers stores, so the two can be compared: a backup of the
// file first (VACUUM INTO), then in one transaction each row looked up by
// credit code, else name and phone, else name and company, and inserted
// with its search spellings, office term and change-log row, or updated
// with its changed cells, a new office term if the office changed and a
// change-log row of what changed. It leaves out what a file from a person
// needs on top: finding the header, validation, messages, and a check of
// the backup.
type bareImporter struct {
	sqlDB                *sql.DB
	backup, stamp, actor string
}

func (x *bareImporter) db() *sql.DB { return x.sqlDB }
func (x *bareImporter) close()      { x.sqlDB.Close() }

// The columns of a member the file or the change log touches, in the
// change log's names.
const (
	bKind = iota
	bName
	bCompany
	bCredit
	bIndustry
	bGender
	bPhone
	bIDNumber
	bPolitical
	bOffice
	bJoin
	bLeave
	bLeaveReason
	bStatus
	bNotes
	bCols
)

var bareLogKeys = [bCols]string{"kind", "name", "company", "credit_code", "industry", "gender", "phone",
	"id_number", "political_status", "office", "join_date", "leave_date", "leave_reason", "status", "notes"}

const bareSelect = `SELECT id, kind, name, company, credit_code, industry, gender, phone, id_number,
	political_status, office, join_date, leave_date, leave_reason, status, notes,
	name_pinyin, name_initials, company_pinyin, company_initials FROM members `

type bareStmts struct {
	byCode, byPhone, byCompany, insert, update, closeTerm, openTerm, log *sql.Stmt
}

func prepareBare(ctx context.Context, tx *sql.Tx) (*bareStmts, error) {
	var st bareStmts
	var err error
	prep := func(dst **sql.Stmt, q string) {
		if err == nil {
			*dst, err = tx.PrepareContext(ctx, q)
		}
	}
	prep(&st.byCode, bareSelect+"WHERE credit_code = ? AND credit_code <> '' LIMIT 1") // the index is partial
	prep(&st.byPhone, bareSelect+"WHERE name = ? AND phone = ? LIMIT 1")
	prep(&st.byCompany, bareSelect+"WHERE name = ? AND company = ? LIMIT 1")
	prep(&st.insert, `INSERT INTO members (kind, name, company, credit_code, industry, gender, phone,
		id_number, political_status, office, join_date, leave_date, leave_reason, status, notes,
		name_pinyin, name_initials, company_pinyin, company_initials, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	prep(&st.update, `UPDATE members SET name = ?, company = ?, credit_code = ?, industry = ?, phone = ?,
		office = ?, join_date = ?, notes = ?, name_pinyin = ?, name_initials = ?, company_pinyin = ?,
		company_initials = ?, updated_at = ? WHERE id = ?`)
	prep(&st.closeTerm, `UPDATE member_offices SET to_date = ? WHERE member_id = ? AND to_date = ''`)
	prep(&st.openTerm, `INSERT INTO member_offices (member_id, office, from_date) VALUES (?, ?, ?)`)
	prep(&st.log, `INSERT INTO change_log (at, actor, entity, entity_id, action, detail)
		VALUES (?, ?, 'member', ?, ?, ?)`)
	return &st, err
}

func (x *bareImporter) run(ctx context.Context, file []byte) (n importCounts, err error) {
	f, err := excelize.OpenReader(bytes.NewReader(file))
	if err != nil {
		return n, err
	}
	defer f.Close()
	rows, err := f.Rows("Sheet1")
	if err != nil {
		return n, err
	}
	defer rows.Close()
	if err := os.MkdirAll(filepath.Dir(x.backup), 0o700); err != nil {
		return n, err
	}
	if _, err := x.sqlDB.ExecContext(ctx, "VACUUM INTO ?", x.backup); err != nil {
		return n, err
	}
	tx, err := x.sqlDB.BeginTx(ctx, nil)
	if err != nil {
		return n, err
	}
	defer tx.Rollback()
	st, err := prepareBare(ctx, tx)
	if err != nil {
		return n, err
	}
	today := x.stamp[:len("2006-01-02")]
	raw := excelize.Options{RawCellValue: true}
	for r := 1; rows.Next(); r++ {
		cells, err := rows.Columns(raw)
		if err != nil {
			return n, err
		}
		if r <= 2 { // the title and the header
			continue
		}
		cell := func(i int) string {
			if i < len(cells) {
				return cells[i]
			}
			return ""
		}
		// 序号 姓名 企业名称 统一社会信用代码 联系电话 商会职务 入会日期 所属行业 备注
		var in [bCols]string
		in[bName], in[bCompany], in[bCredit], in[bPhone] = cell(1), cell(2), cell(3), cell(4)
		in[bOffice], in[bIndustry], in[bNotes] = cell(5), cell(7), cell(8)
		if s := cell(6); s != "" {
			serial, err := strconv.ParseFloat(s, 64)
			if err != nil {
				return n, err
			}
			d, err := excelize.ExcelDateToTime(serial, false)
			if err != nil {
				return n, err
			}
			in[bJoin] = d.Format("2006-01-02")
		}
		old, id, keys, err := bareFind(ctx, st, &in)
		if err != nil {
			return n, err
		}
		if id == 0 {
			err = x.insert(ctx, st, in)
			n.added++
		} else if changed := bareChanged(old, in); changed != nil {
			err = x.update(ctx, st, id, old, in, keys, changed, today)
			n.updated++
		} else {
			n.unchanged++
		}
		if err != nil {
			return n, err
		}
	}
	if err := rows.Error(); err != nil {
		return n, err
	}
	return n, tx.Commit()
}

// bareFind looks a row up the way ImportMembers matches it.
func bareFind(ctx context.Context, st *bareStmts, in *[bCols]string) (old [bCols]string, id int64, keys [4]string, err error) {
	try := func(s *sql.Stmt, args ...any) {
		if err != nil || id != 0 {
			return
		}
		e := s.QueryRowContext(ctx, args...).Scan(&id, &old[bKind], &old[bName], &old[bCompany], &old[bCredit],
			&old[bIndustry], &old[bGender], &old[bPhone], &old[bIDNumber], &old[bPolitical], &old[bOffice],
			&old[bJoin], &old[bLeave], &old[bLeaveReason], &old[bStatus], &old[bNotes],
			&keys[0], &keys[1], &keys[2], &keys[3])
		if !errors.Is(e, sql.ErrNoRows) {
			err = e
		}
	}
	if in[bCredit] != "" {
		try(st.byCode, in[bCredit])
	}
	if in[bPhone] != "" {
		try(st.byPhone, in[bName], in[bPhone])
	}
	if in[bCompany] != "" {
		try(st.byCompany, in[bName], in[bCompany])
	}
	return old, id, keys, err
}

// bareChanged lists the columns the non-empty cells of in change in old,
// or nil.
func bareChanged(old, in [bCols]string) []int {
	var changed []int
	for i, v := range in {
		if v != "" && v != old[i] {
			changed = append(changed, i)
		}
	}
	return changed
}

func (x *bareImporter) insert(ctx context.Context, st *bareStmts, m [bCols]string) error {
	m[bKind], m[bStatus] = "个人会员", "在会"
	if m[bCompany] != "" {
		m[bKind] = "单位会员"
	}
	if m[bOffice] == "" {
		m[bOffice] = "会员"
	}
	k := barePinyin(m[bName], m[bCompany])
	res, err := st.insert.ExecContext(ctx, m[bKind], m[bName], m[bCompany], m[bCredit], m[bIndustry],
		m[bGender], m[bPhone], m[bIDNumber], m[bPolitical], m[bOffice], m[bJoin], m[bLeave],
		m[bLeaveReason], m[bStatus], m[bNotes], k[0], k[1], k[2], k[3], x.stamp, x.stamp)
	if err != nil {
		return err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return err
	}
	if _, err := st.openTerm.ExecContext(ctx, id, m[bOffice], m[bJoin]); err != nil {
		return err
	}
	log := map[string]string{}
	for i, k := range bareLogKeys {
		log[k] = bareLogValue(i, m[i])
	}
	return x.log(ctx, st, id, "insert", map[string]any{"new": log})
}

func (x *bareImporter) update(ctx context.Context, st *bareStmts, id int64, old, in [bCols]string,
	keys [4]string, changed []int, today string) error {
	m := old
	for _, i := range changed {
		m[i] = in[i]
	}
	if m[bName] != old[bName] || m[bCompany] != old[bCompany] {
		keys = barePinyin(m[bName], m[bCompany])
	}
	if _, err := st.update.ExecContext(ctx, m[bName], m[bCompany], m[bCredit], m[bIndustry], m[bPhone],
		m[bOffice], m[bJoin], m[bNotes], keys[0], keys[1], keys[2], keys[3], x.stamp, id); err != nil {
		return err
	}
	if m[bOffice] != old[bOffice] {
		if _, err := st.closeTerm.ExecContext(ctx, today, id); err != nil {
			return err
		}
		if _, err := st.openTerm.ExecContext(ctx, id, m[bOffice], today); err != nil {
			return err
		}
	}
	diff := map[string][2]string{}
	for _, i := range changed {
		if o, n := bareLogValue(i, old[i]), bareLogValue(i, m[i]); o != n {
			diff[bareLogKeys[i]] = [2]string{o, n}
		}
	}
	return x.log(ctx, st, id, "update", map[string]any{"changed": diff})
}

func (x *bareImporter) log(ctx context.Context, st *bareStmts, id int64, action string, detail map[string]any) error {
	b, err := json.Marshal(detail)
	if err != nil {
		return err
	}
	_, err = st.log.ExecContext(ctx, x.stamp, x.actor, id, action, string(b))
	return err
}

// bareLogValue masks the personal values the change log must not hold.
func bareLogValue(col int, v string) string {
	switch col {
	case bPhone:
		return data.MaskPhone(v)
	case bIDNumber:
		return data.MaskIDNumber(v)
	}
	return v
}

// barePinyin spells the search keys: the name with data.PinyinOf, whose
// surname readings are not something to write by hand, and the company
// with each character's first reading.
func barePinyin(name, company string) [4]string {
	full, initials := data.PinyinOf(name)
	var cf, ci strings.Builder
	for _, r := range company {
		var rd string
		if r < unicode.MaxASCII {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				rd = strings.ToLower(string(r))
			}
		} else if p := pinyin.SinglePinyin(r, pinyin.NewArgs()); len(p) > 0 {
			rd = p[0]
		}
		if rd != "" {
			cf.WriteString(rd)
			ci.WriteByte(rd[0])
		}
	}
	return [4]string{strings.Join(full, " "), strings.Join(initials, " "), cf.String(), ci.String()}
}
