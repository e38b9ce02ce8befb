package pdf

import (
	"context"
	"io"
	"strings"

	"chamberdesk/data"
)

// maxActivityPhotos is how many photos the summary prints: a 2×2 grid is
// what still leaves room for the text on one page.
const maxActivityPhotos = 4

// ActivityDoc is what the activity summary (活动简报) shows.
type ActivityDoc struct {
	Org      data.Organization
	Activity data.Activity
	Members  []data.Member // the members who took part, in print order
	Metrics  map[string]data.Metric
	Photos   []Photo // the first four are printed
}

// LoadActivity reads what the summary of activity id shows.
func LoadActivity(ctx context.Context, s *data.Store, id int64) (ActivityDoc, error) {
	var d ActivityDoc
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
	d.Members = attendees(roster, d.Activity.Attendees)
	if d.Metrics, err = metricsByKey(ctx, s); err != nil {
		return d, err
	}
	d.Photos, err = photosOf(ctx, s, id)
	return d, err
}

// WriteActivity writes the summary of one activity: on one A4 page when
// it fits, the text running on to a second page when it does not, with
// the photos always after the text.
func WriteActivity(w io.Writer, ad ActivityDoc) error {
	a := ad.Activity
	ps := ad.Photos
	if len(ps) > maxActivityPhotos {
		ps = ps[:maxActivityPhotos]
	}
	pictures := loadPictures(ps)
	d, err := newDoc("P", a.Title+" 活动简报")
	if err != nil {
		return err
	}
	d.pageHeader(ad.Org.Name, "活动简报")
	d.center(a.Title, sizeTitle)
	d.y += 2
	rows := [][]string{
		{"活动类型", a.Type, "活动日期", dateRange(a)},
		{"活动地点", a.Place, "主办单位", a.Organizer},
	}
	if a.Partners != "" {
		rows = append(rows, []string{"协办单位", a.Partners})
	}
	rows = append(rows, []string{"参与人次", personTimes(a)})
	d.form(22, rows...)

	names := make([]string, len(ad.Members))
	for i, m := range ad.Members {
		names[i] = m.Name
	}
	if len(names) > 0 {
		d.section("参与会员")
		d.lines(d.wrap(strings.Join(names, "、"), d.width()), d.left)
	}
	if strings.TrimSpace(a.Content) != "" {
		d.section("活动内容")
		d.paragraphs(a.Content)
	}
	if len(a.Outcomes) > 0 {
		d.section("活动成效")
		for _, o := range a.Outcomes {
			line := outcome(o, ad.Metrics)
			if o.Note != "" {
				line += "（" + o.Note + "）"
			}
			d.lines(d.wrap("· "+line, d.width()), d.left)
		}
	}
	if len(ps) > 0 {
		d.grid("活动图片", pictures(), true)
	}
	return d.finish(w)
}

// section opens a part of a document with a heading, a little apart from
// what came before.
func (d *doc) section(title string) {
	d.space(3)
	d.heading(title)
	d.y += 0.5
}
