package pdf

import (
	"fmt"
	"io"
	"testing"
	"time"

	"chamberdesk/data"
)

// BenchmarkActivity is one activity summary with four demo photos, each
// read, scaled and re-encoded. Target: 100 ms.
func BenchmarkActivity(b *testing.B) {
	ad := fourPhotos(b, demoActivity(b))
	for b.Loop() {
		if err := WriteActivity(io.Discard, ad); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLedger300 is the ledger of a busy year: 300 activities, about
// twelve A4 landscape pages. Target: 3 s.
func BenchmarkLedger300(b *testing.B) {
	ld := LedgerDoc{Org: data.Organization{Name: "江州市安澜区青禾镇商会"}, Year: 2026,
		Photos: map[int64]int{}, Metrics: map[string]data.Metric{
			"projects_signed": {Name: "签约项目数", Unit: "个"}, "investment": {Name: "投资额", Unit: "亿元"}}}
	day := time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)
	for i := range 300 {
		a := data.Activity{ID: int64(i + 1), Title: fmt.Sprintf("第%d期会员企业经营管理与数字化转型专题培训班", i+1),
			Type: "培训办班", Date: day.AddDate(0, 0, i), Place: "商会会议室（镇商贸中心三楼）",
			OutsideCount: 20 + i%30, Attendees: make([]int64, 10+i%20)}
		if i%3 == 0 {
			a.Outcomes = []data.Outcome{{MetricKey: "projects_signed", Value: 2}, {MetricKey: "investment", Value: 1.2}}
		}
		ld.Photos[a.ID] = i % 4
		ld.Activities = append(ld.Activities, a)
	}
	for b.Loop() {
		if err := WriteLedger(io.Discard, ld); err != nil {
			b.Fatal(err)
		}
	}
}
