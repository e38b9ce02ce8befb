package pdf

import (
	"context"
	"io"
	"strconv"

	"chamberdesk/data"
)

// walkIns is how many empty rows the sign-in sheet leaves for people who
// come without being expected.
const walkIns = 8

// SigninDoc is what the sign-in sheet (签到表) shows.
type SigninDoc struct {
	Org      data.Organization
	Activity data.Activity
	// Expected are the people listed to sign: the activity's attendees, or
	// every active member when none are recorded yet.
	Expected []data.Member
}

// LoadSignin reads the sign-in sheet of activity id.
func LoadSignin(ctx context.Context, s *data.Store, id int64) (SigninDoc, error) {
	var d SigninDoc
	var err error
	if d.Activity, err = s.Activity(ctx, id); err != nil {
		return d, err
	}
	if d.Org, err = s.Organization(ctx); err != nil {
		return d, err
	}
	roster, err := s.Members(ctx)
	if err != nil {
		return d, err
	}
	if len(d.Activity.Attendees) > 0 {
		d.Expected = attendees(roster, d.Activity.Attendees)
		return d, nil
	}
	for _, m := range roster {
		if m.Status == data.StatusActive {
			d.Expected = append(d.Expected, m)
		}
	}
	return d, nil
}

// WriteSignin writes the sign-in sheet: the expected people with an empty
// box each to sign in, then empty rows. It shows no phone or ID number: the
// sheet lies open on a table for everyone to see.
func WriteSignin(w io.Writer, sd SigninDoc) error {
	a := sd.Activity
	d, err := newDoc("P", a.Title+" 签到表")
	if err != nil {
		return err
	}
	d.pageHeader(sd.Org.Name, "签到表")
	d.center(a.Title, sizeTitle-2)
	d.center("签到表", sizeHeading+1)
	d.y += 1
	d.lines(d.wrap("时间："+dateRange(a)+"　　地点："+a.Place, d.width()), d.left)
	d.y += 2
	t := &table{d: d, size: sizeBody, minRow: 10, cols: []cell{
		{text: "序号", w: 14, align: "C"}, {text: "姓名", w: 28, align: "C"}, {text: "企业", w: 64, align: "L"},
		{text: "职务", w: 28, align: "C"}, {text: "签名", w: d.width() - 134, align: "L"},
	}}
	t.start()
	for i, m := range sd.Expected {
		t.add(strconv.Itoa(i+1), m.Name, m.Company, m.Office, "")
	}
	for i := range walkIns {
		t.add(strconv.Itoa(len(sd.Expected)+i+1), "", "", "", "")
	}
	t.end()
	return d.finish(w)
}
