package data

import (
	"context"
	"database/sql"
	"errors"
	"strings"
)

// Organization types, as the award and the federations name them.
var OrgTypes = []string{"镇街商会", "综合性商会", "行业商会", "异地商会", "区县级工商联", "地市级工商联", "省级工商联"}

// Organization is the profile of the chamber or federation office the file belongs to.
type Organization struct {
	Name             string
	ShortName        string
	Type             string
	Region           string
	ParentFederation string
	CreditCode       string
	PartyOrg         string
	ContactPerson    string
	ContactOffice    string
	ContactPhone     string
	Address          string
	FoundedDate      string // YYYY-MM-DD or ""
}

// IsFederation reports whether the organization is a 工商联 office, which
// also collects packages from the chambers under it.
func (o Organization) IsFederation() bool { return strings.HasSuffix(o.Type, "工商联") }

// Normalize tidies the profile and checks it; warnings are kept, errors refuse.
func (o *Organization) Normalize() (warnings Errors, err error) {
	o.Name = NormalizeText(o.Name)
	o.ShortName = NormalizeText(o.ShortName)
	o.Type = NormalizeText(o.Type)
	o.Region = NormalizeText(o.Region)
	o.ParentFederation = NormalizeText(o.ParentFederation)
	o.PartyOrg = NormalizeText(o.PartyOrg)
	o.ContactPerson = NormalizeText(o.ContactPerson)
	o.ContactOffice = NormalizeText(o.ContactOffice)
	o.Address = NormalizeText(o.Address)
	var errs Errors
	if o.Name == "" {
		errs = append(errs, invalid("单位名称", "", "不能为空", "must not be empty", "organization name is empty"))
	}
	if o.Type == "" {
		o.Type = OrgTypes[0]
	}
	if !contains(OrgTypes, o.Type) {
		errs = append(errs, invalid("单位类别", o.Type, "应为 "+strings.Join(OrgTypes, "、")+" 之一", "must be one of: "+labelList(OrgTypes),
			"unknown organization type"))
	}
	if o.ShortName == "" {
		o.ShortName = o.Name
	}
	code, cerr := CheckCreditCode(o.CreditCode)
	if e, ok := AsError(cerr); ok && e.Warning {
		warnings = append(warnings, e)
	} else if cerr != nil {
		errs = append(errs, asErr(cerr))
	}
	o.CreditCode = code
	if o.ContactPhone != "" {
		p, perr := CheckPhone(o.ContactPhone)
		if perr != nil {
			errs = append(errs, asErr(perr))
		}
		o.ContactPhone = p
	}
	if o.FoundedDate != "" {
		d, derr := ParseDate(o.FoundedDate)
		if derr != nil {
			errs = append(errs, asErr(derr))
		}
		o.FoundedDate = FormatDateISO(d)
	}
	return warnings, errs.Err()
}

// asErr turns any error into a *Error so it can sit in an Errors list.
func asErr(err error) *Error {
	if e, ok := AsError(err); ok {
		return e
	}
	return &Error{Code: CodeInvalid, Msg: "无效", MsgEN: "not valid", Reason: err.Error()}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Organization returns the profile, or a not-found error for an empty file.
func (s *Store) Organization(ctx context.Context) (Organization, error) {
	var o Organization
	err := s.db.QueryRowContext(ctx, `SELECT name, short_name, org_type, region, parent_federation,
		credit_code, party_org, contact_person, contact_office, contact_phone, address, founded_date
		FROM organization WHERE id = 1`).Scan(&o.Name, &o.ShortName, &o.Type, &o.Region,
		&o.ParentFederation, &o.CreditCode, &o.PartyOrg, &o.ContactPerson, &o.ContactOffice,
		&o.ContactPhone, &o.Address, &o.FoundedDate)
	if errors.Is(err, sql.ErrNoRows) {
		return o, &Error{Code: CodeNotFound, Field: "单位信息", Msg: "尚未填写单位信息", MsgEN: "the organization profile is not filled in yet", Reason: "no organization profile"}
	}
	return o, err
}

// SaveOrganization writes the profile (insert or update) after validation.
func (s *Store) SaveOrganization(ctx context.Context, o Organization) (Errors, error) {
	warnings, err := o.Normalize()
	if err != nil {
		return warnings, err
	}
	now := s.stamp()
	return warnings, s.withTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO organization (id, name, short_name, org_type, region,
			parent_federation, credit_code, party_org, contact_person, contact_office, contact_phone,
			address, founded_date, created_at, updated_at)
			VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET name = excluded.name, short_name = excluded.short_name,
			org_type = excluded.org_type, region = excluded.region,
			parent_federation = excluded.parent_federation, credit_code = excluded.credit_code,
			party_org = excluded.party_org, contact_person = excluded.contact_person,
			contact_office = excluded.contact_office, contact_phone = excluded.contact_phone,
			address = excluded.address, founded_date = excluded.founded_date,
			updated_at = excluded.updated_at`,
			o.Name, o.ShortName, o.Type, o.Region, o.ParentFederation, o.CreditCode, o.PartyOrg,
			o.ContactPerson, o.ContactOffice, o.ContactPhone, o.Address, o.FoundedDate, now, now)
		return err
	})
}

// Setting reads one key of the settings table; "" when unset.
func (s *Store) Setting(ctx context.Context, key string) (string, error) {
	var v string
	err := s.db.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return v, err
}

// SetSetting stores one key of the settings table.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	return s.withTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
		return err
	})
}
