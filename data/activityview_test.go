package data_test

import (
	"context"
	"os"
	"testing"

	"chamberdesk/data"
	"chamberdesk/data/datatest"
)

func TestPhotoCountsAndUpdate(t *testing.T) {
	ctx := context.Background()
	s := datatest.MustOpen(t)
	a1, err := s.CreateActivity(ctx, data.Activity{Title: "理事会", Type: "理事会", Date: day(2026, 3, 1)})
	if err != nil {
		t.Fatal(err)
	}
	a2, err := s.CreateActivity(ctx, data.Activity{Title: "培训", Type: "培训办班", Date: day(2026, 3, 2)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateActivity(ctx, data.Activity{Title: "座谈", Type: "政企座谈", Date: day(2026, 3, 3)}); err != nil {
		t.Fatal(err)
	}
	j1, j2 := photoBytes(t, 64, 48, "jpeg"), photoBytes(t, 48, 64, "png")
	p1 := writeTemp(t, "一.jpg", j1)
	ph, err := s.AddPhotoFile(ctx, a1, p1, "会场", day(2026, 3, 1))
	if err != nil {
		t.Fatal(err)
	}
	if ph.OriginalName != "一.jpg" || ph.Width != 64 || ph.Caption != "会场" {
		t.Fatalf("added %+v", ph)
	}
	stored, err := os.ReadFile(s.AttachmentPath(ph))
	if err != nil || string(stored) != string(j1) {
		t.Fatalf("stored file: %v", err)
	}
	if _, err := s.AddPhoto(ctx, a1, "二.png", j2, "", day(2026, 3, 1)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddPhoto(ctx, a2, "一.jpg", j1, "", day(2026, 3, 2)); err != nil {
		t.Fatal(err)
	}
	counts, err := s.PhotoCounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(counts) != 2 || counts[a1] != 2 || counts[a2] != 1 {
		t.Fatalf("counts %v", counts)
	}

	if err := s.UpdatePhoto(ctx, ph.ID, "  会议现场 ", day(2026, 2, 28)); err != nil {
		t.Fatal(err)
	}
	ps, _ := s.Photos(ctx, a1)
	if ps[0].ID != ph.ID || ps[0].Caption != "会议现场" || !ps[0].TakenDate.Equal(day(2026, 2, 28)) {
		t.Fatalf("updated %+v", ps[0])
	}
	if err := s.UpdatePhoto(ctx, 9999, "x", day(2026, 1, 1)); !data.IsCode(err, data.CodeNotFound) {
		t.Fatalf("missing photo: %v", err)
	}

	if _, err := s.AddPhotoFile(ctx, a1, writeTemp(t, "x.heic", []byte("\x00\x00\x00\x18ftypheic")), "", day(2026, 3, 1)); errCode(err) != "photo.format" {
		t.Fatalf("heic: %v", err)
	}
}
