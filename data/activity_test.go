package data_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"testing"

	"chamberdesk/data"
	"chamberdesk/data/datatest"
)

func TestActivities(t *testing.T) {
	ctx := context.Background()
	s := datatest.MustOpen(t)
	a1, _, _ := s.CreateMember(ctx, data.Member{Name: "甲"})
	a2, _, _ := s.CreateMember(ctx, data.Member{Name: "乙"})
	id, err := s.CreateActivity(ctx, data.Activity{
		Title: "电商直播培训班", Type: "培训办班", Date: day(2026, 4, 8), EndDate: day(2026, 4, 9),
		Place: "镇文化中心", Attendees: []int64{a1, a2, a1}, OutsideCount: 30,
		Outcomes: []data.Outcome{{MetricKey: "companies_served", Value: 12}},
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Activity(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got.PersonTimes() != 32 || len(got.Attendees) != 2 || !got.EndDate.Equal(day(2026, 4, 9)) ||
		len(got.Outcomes) != 1 || got.Outcomes[0].Value != 12 {
		t.Fatalf("activity %+v", got)
	}

	t.Run("Update", func(t *testing.T) {
		got.Attendees = []int64{a2}
		got.Outcomes = nil
		if err := s.UpdateActivity(ctx, got); err != nil {
			t.Fatal(err)
		}
		again, _ := s.Activity(ctx, id)
		if len(again.Attendees) != 1 || len(again.Outcomes) != 0 {
			t.Fatalf("after update %+v", again)
		}
		list, _ := s.Activities(ctx, 2026)
		if len(list) != 1 || list[0].ID != id || len(list[0].Attendees) != 1 {
			t.Fatalf("year list %+v", list)
		}
		if list, _ := s.Activities(ctx, 2025); len(list) != 0 {
			t.Fatalf("2025 list %+v", list)
		}
		if changes, _ := s.Changes(ctx, "activity", id); len(changes) != 2 {
			t.Fatalf("activity change log %+v", changes)
		}
	})

	for _, tc := range []struct {
		name string
		a    data.Activity
		code string
	}{
		{"ErrNotAMember", data.Activity{Title: "座谈", Type: "政企座谈", Date: day(2026, 5, 1), Attendees: []int64{a1, 999}}, data.CodeNotFound},
		{"ErrUnknownType", data.Activity{Title: "聚餐", Type: "聚餐", Date: day(2026, 5, 1)}, data.CodeInvalid},
		{"ErrUnknownMetric", data.Activity{Title: "考察", Type: "招商引资/考察", Date: day(2026, 5, 1),
			Outcomes: []data.Outcome{{MetricKey: "nope", Value: 1}}}, data.CodeInvalid},
		{"ErrNoDate", data.Activity{Title: "会", Type: "理事会"}, data.CodeInvalid},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := countRows(t, s, "activities")
			if _, err := s.CreateActivity(ctx, tc.a); !data.IsCode(err, tc.code) {
				t.Fatalf("err = %v; want %s", err, tc.code)
			}
			if countRows(t, s, "activities") != before || countRows(t, s, "attendance") != 1 {
				t.Fatal("a refused activity wrote rows")
			}
		})
	}

	t.Run("Photos", func(t *testing.T) {
		img := image.NewRGBA(image.Rect(0, 0, 64, 48))
		for i := range img.Pix {
			img.Pix[i] = byte(i)
		}
		img.Set(1, 1, color.White)
		var buf bytes.Buffer
		jpeg.Encode(&buf, img, nil)
		p1, err := s.AddPhoto(ctx, id, "现场.jpg", buf.Bytes(), "培训现场", day(2026, 4, 8))
		if err != nil {
			t.Fatal(err)
		}
		p2, err := s.AddPhoto(ctx, id, "copy.jpg", buf.Bytes(), "同一张", day(2026, 4, 8))
		if err != nil {
			t.Fatal(err)
		}
		if p1.SHA256 != p2.SHA256 || s.AttachmentPath(p1) != s.AttachmentPath(p2) || p1.Width != 64 {
			t.Fatalf("same photo stored twice: %+v %+v", p1, p2)
		}
		b, err := os.ReadFile(s.AttachmentPath(p1))
		if err != nil {
			t.Fatal(err)
		}
		if h := sha256.Sum256(b); hex.EncodeToString(h[:]) != p1.SHA256 {
			t.Fatal("stored photo does not match its hash")
		}
		if _, err := s.AddPhoto(ctx, id, "IMG_0001.HEIC", []byte("....ftypheic...."), "", day(2026, 4, 8)); !data.IsCode(err, "photo.format") {
			t.Fatalf("HEIC: %v", err)
		}
		if _, err := s.AddPhoto(ctx, id, "broken.jpg", append([]byte{0xff, 0xd8, 0xff, 0xe0}, make([]byte, 100)...), "", day(2026, 4, 8)); !data.IsCode(err, "photo.corrupt") {
			t.Fatalf("corrupt: %v", err)
		}
		photos, _ := s.Photos(ctx, id)
		if len(photos) != 2 || photos[0].Caption != "培训现场" {
			t.Fatalf("photos %+v", photos)
		}
	})

	t.Run("MemberHistory", func(t *testing.T) {
		acts, err := s.ActivitiesOfMember(ctx, a2)
		if err != nil || len(acts) != 1 || acts[0].ID != id {
			t.Fatalf("activities of member: %+v %v", acts, err)
		}
	})

	t.Run("Delete", func(t *testing.T) {
		if err := s.DeleteActivity(ctx, id); err != nil {
			t.Fatal(err)
		}
		if n := countRows(t, s, "attendance") + countRows(t, s, "attachments"); n != 0 {
			t.Fatalf("%d child rows left", n)
		}
		changes, _ := s.Changes(ctx, "activity", id)
		if len(changes) != 3 || changes[0].Action != "delete" {
			t.Fatalf("delete not logged: %+v", changes)
		}
	})
}

func TestCases(t *testing.T) {
	ctx := context.Background()
	s := datatest.MustOpen(t)
	aid, err := s.CreateActivity(ctx, data.Activity{Title: "理事会", Type: "理事会", Date: day(2026, 1, 5)})
	if err != nil {
		t.Fatal(err)
	}
	id, err := s.SaveCase(ctx, data.Case{Year: 2026, Category: "镇街商会工作", Title: "测试商会：标题",
		ContactPhone: "13800001111", ActivityIDs: []int64{aid},
		Figures: []data.CaseFigure{{Section: "results", MetricKey: "training_sessions", YearFrom: 2026, YearTo: 2026, Value: 12, Unit: "期", Phrasing: "12期"},
			{Section: "results", Value: 3000, Unit: "人次", Phrasing: "3000余人次"}}})
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.Case(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if c.Level != data.LevelExcellent || c.Status != "草稿" || len(c.ActivityIDs) != 1 || len(c.Figures) != 2 ||
		c.Figures[0].Untraced() || !c.Figures[1].Untraced() {
		t.Fatalf("case %+v", c)
	}
	c.Level = data.LevelBest
	if _, err := s.SaveCase(ctx, c); err != nil {
		t.Fatal(err)
	}
	if changes, _ := s.Changes(ctx, "case", id); len(changes) != 2 || changes[0].ChangedFields()[0] != "level" {
		t.Fatalf("case change log %+v", changes)
	}
	if _, err := s.SaveCase(ctx, data.Case{Year: 2026, Category: "不存在的类别"}); !data.IsCode(err, data.CodeInvalid) {
		t.Fatalf("unknown category: %v", err)
	}
	if n := countRows(t, s, "cases"); n != 1 {
		t.Fatalf("%d cases", n)
	}
}

func TestActivityTypes(t *testing.T) {
	ctx := context.Background()
	s := datatest.MustOpen(t)
	if err := s.AddActivityType(ctx, " 企业走访 "); err != nil {
		t.Fatal(err)
	}
	types, _ := s.ActivityTypes(ctx)
	if n := len(types); types[n-1] != "其他" || types[n-2] != "企业走访" {
		t.Fatalf("types %v: a new type goes before 其他", types)
	}
	if err := s.AddActivityType(ctx, "企业走访"); !data.IsCode(err, data.CodeConflict) {
		t.Fatalf("duplicate: %v", err)
	}
	if _, err := s.CreateActivity(ctx, data.Activity{Title: "走访", Type: "企业走访", Date: day(2026, 3, 1)}); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveActivityType(ctx, "企业走访"); !data.IsCode(err, data.CodeConflict) {
		t.Fatalf("removing a used type: %v", err)
	}
	if err := s.RemoveActivityType(ctx, "乡村振兴"); err != nil {
		t.Fatal(err)
	}
	if types, _ := s.ActivityTypes(ctx); len(types) != 14 {
		t.Fatalf("%d types after one added and one removed; want 14", len(types))
	}
}
