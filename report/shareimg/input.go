// Package shareimg draws an activity's long picture (活动长图): one
// vertical image a phone shows well in a WeChat group, with the chamber's
// name, the title, the date and place, the text wrapped by the Chinese
// line-breaking rules of report/textwrap, the photos upright with their
// captions, the person-times and outcome figures, and a footer.
//
// It draws with golang.org/x/image and the program's own Chinese font
// (assets/fonts), needing no external tool; it never imports Fyne.
package shareimg

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"time"

	"chamberdesk/data"
)

// MaxPhotos is how many photos the picture shows, in the activity's
// order: a WeChat post shows nine, and more would make the picture too
// long to scroll and too large to send.
const MaxPhotos = 9

// Input is everything the picture shows.
type Input struct {
	Chamber string // the organization's name, in the header and footer

	Title     string
	Type      string
	Date      time.Time
	EndDate   time.Time // last day of a several-day activity; zero for one day
	Place     string
	Organizer string
	Content   string // paragraphs separated by line breaks

	PersonTimes int // 参与人次
	Members     int // members who took part
	Outside     int // person-times from outside the roster

	Outcomes []Figure
	Photos   []Photo

	Made time.Time // the day the picture is made, in the footer
}

// Figure is one outcome figure, e.g. 签约项目数 3个.
type Figure struct {
	Name  string
	Value string // already formatted: 3, 1.2
	Unit  string
}

// String writes the figure as "签约项目数 3个".
func (f Figure) String() string { return f.Name + " " + f.Value + f.Unit }

// Photo is a photo's file, as stored, and its caption. A photo with no
// bytes, or bytes that cannot be read as a picture, shows as a grey box.
type Photo struct {
	Name    string // the file name, for messages
	Bytes   []byte
	Caption string
}

// Load reads what the long picture of activity id shows: the activity,
// its figures named by the metric catalog, and its first MaxPhotos photo
// files. A photo file that is missing from the data folder becomes a
// photo without bytes rather than an error, as in the printed summary.
func Load(ctx context.Context, s *data.Store, activityID int64) (Input, error) {
	a, err := s.Activity(ctx, activityID)
	if err != nil {
		return Input{}, err
	}
	org, err := s.Organization(ctx)
	if err != nil {
		return Input{}, err
	}
	ms, err := s.Metrics(ctx)
	if err != nil {
		return Input{}, err
	}
	metrics := make(map[string]data.Metric, len(ms))
	for _, m := range ms {
		metrics[m.Key] = m
	}
	in := Input{Chamber: org.Name, Title: a.Title, Type: a.Type, Date: a.Date, EndDate: a.EndDate,
		Place: a.Place, Organizer: a.Organizer, Content: a.Content,
		PersonTimes: a.PersonTimes(), Members: len(a.Attendees), Outside: a.OutsideCount, Made: time.Now()}
	for _, o := range a.Outcomes {
		m, ok := metrics[o.MetricKey]
		if !ok {
			m = data.Metric{Name: o.MetricKey}
		}
		in.Outcomes = append(in.Outcomes, Figure{Name: m.Name, Value: number(o.Value), Unit: m.Unit})
	}
	ps, err := s.Photos(ctx, activityID)
	if err != nil {
		return Input{}, err
	}
	if len(ps) > MaxPhotos {
		ps = ps[:MaxPhotos]
	}
	for _, p := range ps {
		if err := ctx.Err(); err != nil {
			return Input{}, err
		}
		// A file gone from the data folder, or unreadable, shows as a
		// grey box: the picture of the rest is still worth sending.
		b, _ := data.ReadPhotoFile(s.AttachmentPath(p))
		in.Photos = append(in.Photos, Photo{Name: p.OriginalName, Bytes: b, Caption: p.Caption})
	}
	return in, nil
}

// number writes a figure without float noise: 1.2, 3, 0.35.
func number(v float64) string {
	return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
}

var weekdays = [...]string{"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"}

// dateCN writes a day the Chinese way with its weekday:
// 2026年3月5日（星期四）.
func dateCN(t time.Time) string {
	return data.FormatDateCN(t) + "（" + weekdays[t.Weekday()] + "）"
}

// dateLine writes the activity's day, or its first and last day:
// 2026年3月5日（星期四）, 2026年3月5日（星期四）至7日（星期六）.
func dateLine(from, to time.Time) string {
	if from.IsZero() {
		return ""
	}
	s := dateCN(from)
	if to.IsZero() || !to.After(from) {
		return s
	}
	end := fmt.Sprintf("%d日", to.Day())
	switch {
	case to.Year() != from.Year():
		end = data.FormatDateCN(to)
	case to.Month() != from.Month():
		end = fmt.Sprintf("%d月%d日", int(to.Month()), to.Day())
	}
	return s + "至" + end + "（" + weekdays[to.Weekday()] + "）"
}
