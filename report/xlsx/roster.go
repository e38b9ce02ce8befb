package xlsx

import (
	"context"
	"io"
	"time"

	"chamberdesk/data"
)

// RosterOptions tune the roster.
type RosterOptions struct {
	// Full writes phone and ID numbers whole; by default they are masked,
	// because a roster file travels by chat and e-mail.
	Full bool
	// AsOf dates the roster's title; zero means today.
	AsOf time.Time
}

// rosterCols are the roster's columns. The headers are the ones the roster
// importer recognises, so an exported roster can be read back.
var rosterCols = []column{
	{"序号", kInt}, {"姓名", kText}, {"会员类型", kText}, {"企业名称", kText},
	{"统一社会信用代码", kText}, {"行业", kText}, {"性别", kText}, {"手机号码", kText},
	{"身份证号码", kText}, {"政治面貌", kText}, {"商会职务", kText}, {"入会日期", kDate},
	{"状态", kText}, {"退会日期", kDate}, {"备注", kWrap},
}

func rosterTable(sheet, title string, ms []data.Member, full bool) *table {
	t := newTable(sheet, title, true, rosterCols...)
	t.rows = make([][]any, 0, len(ms))
	for i := range ms {
		m := &ms[i]
		phone, id := m.Phone, m.IDNumber
		if !full {
			phone, id = data.MaskPhone(phone), data.MaskIDNumber(id)
		}
		t.add(i+1, m.Name, m.Kind, m.Company, m.CreditCode, m.Industry, m.Gender, phone, id,
			m.Political, m.Office, m.JoinDate, m.Status, m.LeaveDate, m.Notes)
	}
	return t
}

// WriteRoster writes every member, active ones first, as the 会员名册 workbook.
func WriteRoster(ctx context.Context, s *data.Store, w io.Writer, opts RosterOptions) error {
	org, err := s.Organization(ctx)
	if err != nil {
		return err
	}
	ms, err := s.Members(ctx)
	if err != nil {
		return err
	}
	asOf := opts.AsOf
	if asOf.IsZero() {
		asOf = s.Now()
	}
	title := org.Name + "会员名册（截至" + data.FormatDateCN(asOf) + "）"
	b, err := newBook(title)
	if err != nil {
		return err
	}
	defer b.close()
	if err := b.write(rosterTable("会员名册", title, ms, opts.Full)); err != nil {
		return err
	}
	return b.finish(w)
}
