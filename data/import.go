package data

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// Import field keys: the columns a roster may have, as report/roster names
// them in ImportRow.Cols.
const (
	ColKind       = "kind"
	ColName       = "name"
	ColCompany    = "company"
	ColCreditCode = "credit_code"
	ColIndustry   = "industry"
	ColGender     = "gender"
	ColPhone      = "phone"
	ColIDNumber   = "id_number"
	ColPolitical  = "political_status"
	ColOffice     = "office"
	ColJoinDate   = "join_date"
	ColNotes      = "notes"
)

// ImportRow is one row of a roster file as the person typed it. The text
// fields are raw cell text (dates may be Excel serials); validation happens
// in ImportMembers so every problem of the file is found at once.
type ImportRow struct {
	File string // file name, for messages
	Row  int    // 1-based Excel row number
	// Cols maps a field key (ColName …) to its column letter. A key that is
	// absent means the file has no such column and the field is left alone.
	Cols map[string]string
	// Skip, when non-empty, says why the row is skipped (a total row, the
	// template's sample row); such rows are only counted.
	Skip string

	Kind, Name, Company, CreditCode, Industry, Gender, Phone, IDNumber,
	Political, Office, JoinDate, Notes string
}

// Import actions, as the report lines name them.
const (
	ActionAdd       = "新增"
	ActionUpdate    = "更新"
	ActionUnchanged = "未变"
	ActionSkip      = "跳过"
)

// ImportLine is what happened (or would happen) to one row.
type ImportLine struct {
	Row      int
	Action   string // ActionAdd …
	Name     string
	MemberID int64  // the matched member for updates and unchanged rows
	Note     string // why a row was skipped
}

// ImportReport sums up an import.
type ImportReport struct {
	Added, Updated, Unchanged, Skipped int
	Lines                              []ImportLine
	Warnings                           Errors // kept rows with a flagged value (credit-code check character)
}

// importPlan is one validated row and what to do with it.
type importPlan struct {
	line ImportLine
	m    Member
}

// ImportMembers validates every row, then adds or updates the members in one
// transaction. A row matches an existing member by credit code, else name +
// phone, else name + company; a match is updated with the non-empty cells of
// the file, and a row that would change nothing is reported as unchanged.
// Any error in any row writes nothing and returns every problem as Errors.
// dryRun computes the same report and writes nothing.
func (s *Store) ImportMembers(ctx context.Context, rows []ImportRow, dryRun bool) (ImportReport, error) {
	var rep ImportReport
	existing, err := s.Members(ctx)
	if err != nil {
		return rep, err
	}
	idx := newImportIndex(existing, s.Now())
	var errs Errors
	// A dry run only reports, so it keeps no plans; the report's lines are
	// sized once, as an import of thousands of rows is mostly allocation.
	var plans []importPlan
	if !dryRun {
		plans = make([]importPlan, 0, len(rows))
	}
	rep.Lines = make([]ImportLine, 0, len(rows))
	for i := range rows {
		r := &rows[i]
		if r.Skip != "" {
			rep.Skipped++
			rep.Lines = append(rep.Lines, ImportLine{Row: r.Row, Action: ActionSkip, Name: NormalizeText(r.Name), Note: r.Skip})
			continue
		}
		p, warns, rowErrs := idx.plan(r)
		rep.Warnings = append(rep.Warnings, warns...)
		if len(rowErrs) > 0 {
			errs = append(errs, rowErrs...)
			continue
		}
		if !dryRun {
			plans = append(plans, p)
		}
		rep.Lines = append(rep.Lines, p.line)
		switch p.line.Action {
		case ActionAdd:
			rep.Added++
		case ActionUpdate:
			rep.Updated++
		case ActionUnchanged:
			rep.Unchanged++
		}
	}
	if len(errs) > 0 {
		return ImportReport{}, errs
	}
	if dryRun || rep.Added+rep.Updated == 0 {
		return rep, nil
	}
	// The file as it was goes into the backups folder first: an import that
	// lands whole but wrong (a column shifted, the wrong sheet) can be undone.
	if _, err := s.BackupBefore(ctx, ReasonImport); err != nil {
		return ImportReport{}, failed(CodeImportBackup, "导入前备份失败，未导入任何数据",
			"the backup before the import failed; nothing was imported", "backup before the import failed", err)
	}
	err = s.InTx(ctx, func(ctx context.Context) error {
		testMarker("tx-begin", "import")
		for _, p := range plans {
			var err error
			switch p.line.Action {
			case ActionAdd:
				_, _, err = s.CreateMember(ctx, p.m)
			case ActionUpdate:
				_, err = s.UpdateMember(ctx, p.m)
			}
			if err != nil {
				e := failed(CodeImportRow, "写入失败，数据文件未改动", "not written; the data file is unchanged",
					fmt.Sprintf("row %d not written, nothing changed", p.line.Row), err)
				e.Row = p.line.Row
				return e
			}
		}
		return nil
	})
	if err != nil {
		return ImportReport{}, err
	}
	testMarker("tx-commit", "import")
	return rep, nil
}

// importIndex finds the member a row means, among the stored members and
// the rows of the same file already planned.
type importIndex struct {
	today                  time.Time // the store's clock, for the ID numbers' birth dates
	byID                   map[int64]*Member
	byCode, byPhone, byCoy map[string]int64
	// rows already seen in this file, by the same keys: a row repeated in
	// the file is a mistake, not a second member.
	seenCode, seenPhone, seenCoy map[string]int
	seenID                       map[int64]int
	// byMasked finds a member by name + masked phone, so that a roster we
	// exported with masked numbers can come back in without a full export.
	byMasked map[string]int64
}

func newImportIndex(ms []Member, today time.Time) *importIndex {
	x := &importIndex{today: today, byID: make(map[int64]*Member, len(ms)),
		byCode: map[string]int64{}, byPhone: map[string]int64{}, byCoy: map[string]int64{},
		seenCode: map[string]int{}, seenPhone: map[string]int{}, seenCoy: map[string]int{}, seenID: map[int64]int{},
		byMasked: map[string]int64{}}
	for i := range ms {
		m := &ms[i]
		x.byID[m.ID] = m
		if k := pairKey(m.Name, maskedOrEmpty(m.Phone)); k != "" {
			if _, dup := x.byMasked[k]; !dup {
				x.byMasked[k] = m.ID
			}
		}
		keys := [3]string{m.CreditCode, pairKey(m.Name, m.Phone), pairKey(m.Name, m.Company)}
		for j, mp := range [3]map[string]int64{x.byCode, x.byPhone, x.byCoy} {
			if k := keys[j]; k != "" {
				if _, dup := mp[k]; !dup {
					mp[k] = m.ID
				}
			}
		}
	}
	return x
}

func maskedOrEmpty(phone string) string {
	if phone == "" {
		return ""
	}
	return MaskPhone(phone)
}

// isMasked reports whether a cell holds a value we masked on export
// ("138****1234", "110105********002X") rather than a real number.
func isMasked(v string) bool { return strings.ContainsAny(v, "*＊") }

// maskedFields says which of a row's phone and ID number are masked. Such
// cells stand for the stored values, which only a matching existing member
// can supply, so they are kept out of the member the row describes.
func maskedFields(r *ImportRow) (phone, id bool) {
	return isMasked(r.Phone), isMasked(r.IDNumber)
}

// checkMasked makes sure a masked cell agrees with the member it matched:
// the same mask of the stored value. A masked value for a new member, or
// one that disagrees, is an error: the real number cannot be recovered.
func checkMasked(old *Member, raw, field string, mask func(string) string) *Error {
	v := normalizeValue(raw)
	if old != nil {
		stored := ""
		if field == fieldPhone {
			stored = old.Phone
		} else {
			stored = old.IDNumber
		}
		if stored != "" && mask(stored) == v {
			return nil
		}
		return &Error{Code: CodeInvalid, Field: field, Value: v,
			Msg: "该号码已打码，且与已有会员的号码不符；请从完整名册（含完整号码）导入", MsgEN: "this number is masked and does not match the member's stored number; please import from a full roster (with full numbers)",
			Reason: "masked value does not match the stored one; import a roster exported with full values"}
	}
	return &Error{Code: CodeInvalid, Field: field, Value: v,
		Msg: "该号码已打码，新会员无法使用；请填写完整号码，或导出完整名册（--full）后再导入", MsgEN: "this number is masked and cannot be used for a new member; give the full number, or export a full roster (--full) and import that",
		Reason: "masked value for a new member; give the full number"}
}

func pairKey(a, b string) string {
	if a == "" || b == "" {
		return ""
	}
	return a + "\x00" + b
}

// find returns the member matching m, or nil.
func (x *importIndex) find(m *Member) *Member {
	if m.CreditCode != "" {
		if id, ok := x.byCode[m.CreditCode]; ok {
			return x.byID[id]
		}
	}
	if k := pairKey(m.Name, m.Phone); k != "" {
		if id, ok := x.byPhone[k]; ok {
			return x.byID[id]
		}
	}
	if k := pairKey(m.Name, m.Company); k != "" {
		if id, ok := x.byCoy[k]; ok {
			return x.byID[id]
		}
	}
	return nil
}

// seen reports the earlier row of this file with the same identity, or 0,
// and remembers this one.
func (x *importIndex) seen(m *Member, row int) int {
	if m.ID != 0 {
		if r, ok := x.seenID[m.ID]; ok {
			return r
		}
		x.seenID[m.ID] = row
	}
	keys := [3]string{m.CreditCode, pairKey(m.Name, m.Phone), pairKey(m.Name, m.Company)}
	maps := [3]map[string]int{x.seenCode, x.seenPhone, x.seenCoy}
	for i, k := range keys {
		if k == "" {
			continue
		}
		if r, ok := maps[i][k]; ok {
			return r
		}
	}
	for i, k := range keys {
		if k != "" {
			maps[i][k] = row
		}
	}
	return 0
}

// importField ties a field key to the Chinese names validation uses, the
// row's raw text and the member field it fills.
type importField struct {
	key   string
	names []string // Error.Field values that point at this column
	raw   func(r *ImportRow) string
	set   func(m *Member, v string)
}

var importFields = []importField{
	{ColKind, []string{"会员类型"}, func(r *ImportRow) string { return r.Kind }, func(m *Member, v string) { m.Kind = v }},
	{ColName, []string{"姓名"}, func(r *ImportRow) string { return r.Name }, func(m *Member, v string) { m.Name = v }},
	{ColCompany, []string{"企业名称"}, func(r *ImportRow) string { return r.Company }, func(m *Member, v string) { m.Company = v }},
	{ColCreditCode, []string{fieldCreditCode}, func(r *ImportRow) string { return r.CreditCode }, func(m *Member, v string) { m.CreditCode = v }},
	{ColIndustry, nil, func(r *ImportRow) string { return r.Industry }, func(m *Member, v string) { m.Industry = v }},
	{ColGender, []string{"性别"}, func(r *ImportRow) string { return r.Gender }, func(m *Member, v string) { m.Gender = v }},
	{ColPhone, []string{fieldPhone, fieldMobile}, func(r *ImportRow) string { return r.Phone }, func(m *Member, v string) { m.Phone = v }},
	{ColIDNumber, []string{fieldIDNumber}, func(r *ImportRow) string { return r.IDNumber }, func(m *Member, v string) { m.IDNumber = v }},
	{ColPolitical, []string{"政治面貌"}, func(r *ImportRow) string { return r.Political }, func(m *Member, v string) { m.Political = v }},
	{ColOffice, []string{"商会职务"}, func(r *ImportRow) string { return r.Office }, func(m *Member, v string) { m.Office = v }},
	{ColNotes, nil, func(r *ImportRow) string { return r.Notes }, func(m *Member, v string) { m.Notes = v }},
}

// plan validates one row and decides what to do with it.
func (x *importIndex) plan(r *ImportRow) (importPlan, Errors, Errors) {
	var errs Errors
	at := func(e *Error, key string) *Error {
		c := *e
		c.File, c.Row, c.Col = r.File, r.Row, r.Cols[key]
		return &c
	}
	// The row as a member of its own, to find who it means.
	var in Member
	var present uint32 // bit i: importFields[i] has a value in this row
	maskedPhone, maskedID := maskedFields(r)
	for i, f := range importFields {
		if (f.key == ColPhone && maskedPhone) || (f.key == ColIDNumber && maskedID) {
			continue
		}
		if v := f.raw(r); strings.TrimSpace(v) != "" {
			f.set(&in, v)
			present |= 1 << i
		}
	}
	if raw := r.JoinDate; strings.TrimSpace(raw) != "" {
		d, err := ParseDate(raw)
		if err != nil {
			e := asErr(err)
			e.Field = "入会日期"
			errs = append(errs, at(e, ColJoinDate))
		}
		in.JoinDate = d
	}
	// Normalize a copy to compute the matching keys the way they are stored.
	// A malformed credit code normalizes to ""; a bad phone stays as typed,
	// so it is dropped from the key here.
	probe := in
	probeWarns, probeErr := probe.Normalize(x.today)
	key := Member{Name: probe.Name, Company: probe.Company, CreditCode: probe.CreditCode, Phone: probe.Phone}
	if _, err := CheckPhone(in.Phone); err != nil {
		key.Phone = ""
	}

	// A new member is the probe itself: its normalization is reused rather
	// than done twice.
	m, warns, err := probe, probeWarns, probeErr
	line := ImportLine{Row: r.Row, Action: ActionAdd}
	old := x.find(&key)
	if old == nil && maskedPhone {
		if id, ok := x.byMasked[pairKey(probe.Name, normalizeValue(r.Phone))]; ok {
			old = x.byID[id]
		}
	}
	if maskedPhone {
		if e := checkMasked(old, r.Phone, fieldPhone, MaskPhone); e != nil {
			errs = append(errs, at(e, ColPhone))
		}
	}
	if maskedID {
		if e := checkMasked(old, r.IDNumber, fieldIDNumber, MaskIDNumber); e != nil {
			errs = append(errs, at(e, ColIDNumber))
		}
	}
	if old != nil {
		m = *old
		for i, f := range importFields {
			if present&(1<<i) != 0 {
				f.set(&m, f.raw(r))
			}
		}
		if !in.JoinDate.IsZero() {
			m.JoinDate = in.JoinDate
		}
		line.Action, line.MemberID = ActionUpdate, old.ID
		warns, err = m.Normalize(x.today)
	}
	for i, w := range warns {
		warns[i] = at(w, fieldKey(w.Field))
	}
	if es, ok := err.(Errors); ok {
		for _, e := range es {
			errs = append(errs, at(e, fieldKey(e.Field)))
		}
	} else if err != nil {
		errs = append(errs, at(asErr(err), ""))
	}
	line.Name = m.Name
	if len(errs) == 0 {
		if prev := x.seen(&m, r.Row); prev != 0 {
			errs = append(errs, at(&Error{Code: CodeConflict, Field: "姓名", Value: m.Name,
				Msg: fmt.Sprintf("与第%d行是同一会员，请合并为一行", prev), MsgEN: fmt.Sprintf("the same member as row %d; please merge them into one row", prev),
				Reason: fmt.Sprintf("same member as row %d", prev)}, ColName))
		}
	}
	if len(errs) > 0 {
		return importPlan{}, warns, errs
	}
	if old != nil && sameMember(*old, m) {
		line.Action = ActionUnchanged
	}
	return importPlan{line: line, m: m}, warns, nil
}

// fieldKey maps the Chinese field name of a validation error to its column.
func fieldKey(field string) string {
	if field == "入会日期" || field == "退会日期" {
		return ColJoinDate
	}
	for _, f := range importFields {
		for _, n := range f.names {
			if n == field {
				return f.key
			}
		}
	}
	return ""
}

func isWarning(err error) bool {
	e, ok := AsError(err)
	return ok && e.Warning
}

// sameMember compares the fields an import can change.
func sameMember(a, b Member) bool {
	return a.Kind == b.Kind && a.Name == b.Name && a.Company == b.Company &&
		a.CreditCode == b.CreditCode && a.CreditCodeFlag == b.CreditCodeFlag &&
		a.Industry == b.Industry && a.Gender == b.Gender && a.Phone == b.Phone &&
		a.IDNumber == b.IDNumber && a.Political == b.Political && a.Office == b.Office &&
		a.JoinDate.Equal(b.JoinDate) && a.Notes == b.Notes && a.Status == b.Status
}
