package data_test

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"chamberdesk/data"
	"chamberdesk/data/datatest"
)

// storedFiles lists the files in the store's files folder, relative to it.
func storedFiles(t *testing.T, s *data.Store) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(s.FilesDir(), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if os.IsNotExist(err) {
				return nil
			}
			return err
		}
		if d.Type().IsRegular() {
			rel, _ := filepath.Rel(s.FilesDir(), p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

func photoCaptions(t *testing.T, s *data.Store, id int64) []string {
	t.Helper()
	photos, err := s.Photos(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range photos {
		out = append(out, p.Caption)
	}
	return out
}

func TestSaveActivityCreatesWithPhotos(t *testing.T) {
	ctx := context.Background()
	s := datatest.MustOpen(t)
	jp := writeTemp(t, "会场.jpg", photoBytes(t, 64, 48, "jpeg"))
	png := photoBytes(t, 48, 64, "png")
	id, err := s.SaveActivity(ctx, data.Activity{Title: "  电商培训 ", Type: "培训办班", Date: day(2026, 3, 5)},
		data.PhotoChanges{Add: []data.NewPhoto{
			{Path: jp, Caption: "会场", Taken: day(2026, 3, 5)},
			{Name: "合影.png", Bytes: png, Caption: " 合影 "},
		}})
	if err != nil {
		t.Fatal(err)
	}
	if id == 0 || countRows(t, s, "activities") != 1 {
		t.Fatalf("id %d, %d activities", id, countRows(t, s, "activities"))
	}
	act, err := s.Activity(ctx, id)
	if err != nil || act.Title != "电商培训" {
		t.Fatalf("activity %+v %v", act, err)
	}
	photos, err := s.Photos(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(photos) != 2 || photos[0].Caption != "会场" || photos[0].OriginalName != "会场.jpg" ||
		!photos[0].TakenDate.Equal(day(2026, 3, 5)) || photos[1].Caption != "合影" ||
		photos[1].OriginalName != "合影.png" || photos[1].Ext != ".png" || photos[0].Sort >= photos[1].Sort {
		t.Fatalf("photos %+v", photos)
	}
	for _, p := range photos {
		if _, err := os.Stat(s.AttachmentPath(p)); err != nil {
			t.Fatal(err)
		}
	}
	if f := storedFiles(t, s); len(f) != 2 {
		t.Fatalf("files %v", f)
	}
}

func TestSaveActivityUpdatesPhotos(t *testing.T) {
	ctx := context.Background()
	s := datatest.MustOpen(t)
	act := data.Activity{Title: "理事会", Type: "理事会", Date: day(2026, 3, 1)}
	id, err := s.SaveActivity(ctx, act, data.PhotoChanges{Add: []data.NewPhoto{
		{Name: "一.jpg", Bytes: photoBytes(t, 64, 48, "jpeg"), Caption: "一"},
		{Name: "二.png", Bytes: photoBytes(t, 48, 64, "png"), Caption: "二"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	old, _ := s.Photos(ctx, id)
	act.ID, act.Title = id, "第二次理事会"
	got, err := s.SaveActivity(ctx, act, data.PhotoChanges{
		Remove: []int64{old[0].ID},
		Update: []data.PhotoEdit{{ID: old[1].ID, Caption: "全体合影", Taken: day(2026, 3, 1)}},
		Add:    []data.NewPhoto{{Name: "三.png", Bytes: photoBytes(t, 30, 20, "png"), Caption: "三"}},
	})
	if err != nil || got != id {
		t.Fatalf("id %d, want %d: %v", got, id, err)
	}
	if a, _ := s.Activity(ctx, id); a.Title != "第二次理事会" {
		t.Fatalf("title %q", a.Title)
	}
	if c := photoCaptions(t, s, id); !slices.Equal(c, []string{"全体合影", "三"}) {
		t.Fatalf("captions %q", c)
	}
	// the removed photo's file stays: another record may share it
	if f := storedFiles(t, s); len(f) != 3 {
		t.Fatalf("files %v", f)
	}

	// Photos of another activity are not this save's to change.
	other, err := s.SaveActivity(ctx, data.Activity{Title: "座谈", Type: "政企座谈", Date: day(2026, 3, 3)},
		data.PhotoChanges{Add: []data.NewPhoto{{Name: "四.png", Bytes: photoBytes(t, 20, 30, "png")}}})
	if err != nil {
		t.Fatal(err)
	}
	theirs, _ := s.Photos(ctx, other)
	if _, err := s.SaveActivity(ctx, act, data.PhotoChanges{Remove: []int64{theirs[0].ID}}); err != nil {
		t.Fatal(err)
	}
	if n := len(photoCaptions(t, s, other)); n != 1 {
		t.Fatalf("another activity's photo removed: %d left", n)
	}
}

// TestSaveActivityFailureWritesNothing: a save that fails at any step
// leaves the rows as they were and no file it copied in the files folder.
func TestSaveActivityFailureWritesNothing(t *testing.T) {
	ctx := context.Background()
	heic := []byte("\x00\x00\x00\x18ftypheic")

	t.Run("NewActivityBadThirdPhoto", func(t *testing.T) {
		s := datatest.MustOpen(t)
		id, err := s.SaveActivity(ctx, data.Activity{Title: "培训", Type: "培训办班", Date: day(2026, 3, 5)},
			data.PhotoChanges{Add: []data.NewPhoto{
				{Path: writeTemp(t, "一.jpg", photoBytes(t, 64, 48, "jpeg"))},
				{Name: "二.png", Bytes: photoBytes(t, 48, 64, "png")},
				{Path: filepath.Join(datatest.TempDir(t), "不存在.jpg")},
			}})
		if !data.IsCode(err, "photo.read") || id != 0 {
			t.Fatalf("id %d, err %v; want photo.read", id, err)
		}
		if n, m := countRows(t, s, "activities"), countRows(t, s, "attachments"); n != 0 || m != 0 {
			t.Fatalf("%d activities, %d attachments written", n, m)
		}
		if f := storedFiles(t, s); len(f) != 0 {
			t.Fatalf("files left: %v", f)
		}
	})

	t.Run("UpdateBadPhotoKeepsSharedFile", func(t *testing.T) {
		s := datatest.MustOpen(t)
		kept := photoBytes(t, 64, 48, "jpeg")
		act := data.Activity{Title: "理事会", Type: "理事会", Date: day(2026, 3, 1)}
		id, err := s.SaveActivity(ctx, act, data.PhotoChanges{Add: []data.NewPhoto{{Name: "一.jpg", Bytes: kept, Caption: "一"}}})
		if err != nil {
			t.Fatal(err)
		}
		before := storedFiles(t, s)
		old, _ := s.Photos(ctx, id)
		act.ID, act.Title = id, "改过的名称"
		_, err = s.SaveActivity(ctx, act, data.PhotoChanges{
			Remove: []int64{old[0].ID},
			Add: []data.NewPhoto{
				{Name: "一again.jpg", Bytes: kept}, // its file is stored already
				{Name: "二.png", Bytes: photoBytes(t, 48, 64, "png")},
				{Name: "IMG_0001.HEIC", Bytes: heic},
			}})
		if !data.IsCode(err, "photo.format") {
			t.Fatalf("err %v; want photo.format", err)
		}
		if a, _ := s.Activity(ctx, id); a.Title != "理事会" {
			t.Fatalf("title %q written", a.Title)
		}
		if c := photoCaptions(t, s, id); !slices.Equal(c, []string{"一"}) {
			t.Fatalf("captions %q", c)
		}
		if after := storedFiles(t, s); !slices.Equal(after, before) {
			t.Fatalf("files %v, want %v", after, before)
		}
		if _, err := os.Stat(s.AttachmentPath(old[0])); err != nil {
			t.Fatal("the stored photo's file went:", err)
		}
	})

	t.Run("UpdateOfAnotherActivitysPhoto", func(t *testing.T) {
		s := datatest.MustOpen(t)
		other, err := s.SaveActivity(ctx, data.Activity{Title: "座谈", Type: "政企座谈", Date: day(2026, 3, 3)},
			data.PhotoChanges{Add: []data.NewPhoto{{Name: "四.png", Bytes: photoBytes(t, 20, 30, "png"), Caption: "四"}}})
		if err != nil {
			t.Fatal(err)
		}
		theirs, _ := s.Photos(ctx, other)
		id, err := s.SaveActivity(ctx, data.Activity{Title: "培训", Type: "培训办班", Date: day(2026, 3, 5)},
			data.PhotoChanges{
				Add:    []data.NewPhoto{{Name: "一.jpg", Bytes: photoBytes(t, 64, 48, "jpeg")}},
				Update: []data.PhotoEdit{{ID: theirs[0].ID, Caption: "改"}},
			})
		if !data.IsCode(err, data.CodeNotFound) || id != 0 {
			t.Fatalf("id %d, err %v; want not found", id, err)
		}
		if n := countRows(t, s, "activities"); n != 1 {
			t.Fatalf("%d activities", n)
		}
		if c := photoCaptions(t, s, other); !slices.Equal(c, []string{"四"}) {
			t.Fatalf("captions %q", c)
		}
		if f := storedFiles(t, s); len(f) != 1 {
			t.Fatalf("files %v", f)
		}
	})

	t.Run("InvalidActivity", func(t *testing.T) {
		s := datatest.MustOpen(t)
		_, err := s.SaveActivity(ctx, data.Activity{Type: "培训办班", Date: day(2026, 3, 5)},
			data.PhotoChanges{Add: []data.NewPhoto{{Name: "一.jpg", Bytes: photoBytes(t, 64, 48, "jpeg")}}})
		if !data.IsCode(err, data.CodeInvalid) {
			t.Fatalf("err %v; want invalid", err)
		}
		if n, f := countRows(t, s, "activities"), storedFiles(t, s); n != 0 || len(f) != 0 {
			t.Fatalf("%d activities, files %v", n, f)
		}
	})
}
