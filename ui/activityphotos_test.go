package ui

import (
	"bytes"
	"image"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"chamberdesk/data"
)

// activityPhotoFile writes a w×h JPEG or PNG picture to dir.
func activityPhotoFile(t *testing.T, dir, name string, w, h int) string {
	t.Helper()
	img := image.NewYCbCr(image.Rect(0, 0, w, h), image.YCbCrSubsampleRatio420)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Y[y*img.YStride+x] = uint8((x*7 + y*3) % 251)
		}
	}
	for i := range img.Cb {
		img.Cb[i], img.Cr[i] = uint8(90+i%60), uint8(150-i%50)
	}
	var b bytes.Buffer
	var err error
	if strings.HasSuffix(name, ".png") {
		rgba := image.NewRGBA(img.Bounds())
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				rgba.Set(x, y, img.At(x, y))
			}
		}
		err = png.Encode(&b, rgba)
	} else {
		err = jpeg.Encode(&b, img, &jpeg.Options{Quality: 92})
	}
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

var bigPhotoFile fixture

// bigPhoto is a 6000×5000 JPEG (30 megapixels), drawn once per run.
func bigPhoto(t *testing.T) string {
	t.Helper()
	return bigPhotoFile.get(t, "大合影.jpg", func(path string) error {
		activityPhotoFile(t, filepath.Dir(path), filepath.Base(path), 6000, 5000)
		return nil
	})
}

func TestActivityPhotos(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	s := openActivities(t, a)
	s.year.SetSelected(activityAllYears)
	row := slices.IndexFunc(s.rows, func(x *data.Activity) bool { return s.photoN[x.ID] > 0 })
	if row < 0 {
		t.Fatal("no demo activity with photos")
	}
	s.selectRow(row)
	a.wait() // the detail panel's thumbnails
	id := s.selected
	stored, _ := a.store().Photos(a.ctx(), id)
	f := tapForm(t, a, s.editBtn, s.onEdit)
	a.wait()
	if f.photos.count() != len(stored) {
		t.Fatalf("form shows %d photos, want %d", f.photos.count(), len(stored))
	}
	for _, it := range f.photos.items {
		if it.frame.img.Image == nil {
			t.Fatalf("photo %s has no thumbnail: %s", it.att.OriginalName, it.frame.status.Text)
		}
	}

	dir := t.TempDir()
	heic := filepath.Join(dir, "IMG_0001.HEIC")
	if err := os.WriteFile(heic, append([]byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"), make([]byte, 500)...), 0o600); err != nil {
		t.Fatal(err)
	}
	good := activityPhotoFile(t, dir, "会场.jpg", 800, 600)
	b, _ := os.ReadFile(good)
	corrupt := filepath.Join(dir, "损坏.jpg")
	if err := os.WriteFile(corrupt, b[:len(b)/2], 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ file, says string }{
		{heic, "HEIC"},
		{corrupt, "已损坏"},
		{filepath.Join(dir, "不存在.jpg"), "无法读取"},
	} {
		last := topOverlay(a)
		f.photos.addPhotoFiles([]string{tc.file})
		a.wait()
		if topOverlay(a) == last || !strings.Contains(topTexts(a), tc.says) {
			t.Fatalf("%s: no error dialog saying %q: %s", filepath.Base(tc.file), tc.says, topTexts(a))
		}
		dismissTop(t, a)
		if f.photos.count() != len(stored) {
			t.Fatalf("%s was added", tc.file)
		}
	}

	// A 30-megapixel photo is checked in the background and added: if
	// addPhotoFiles hands no work to the app, the decoding happened on the
	// UI thread.
	big := bigPhoto(t)
	last := topOverlay(a)
	ta := threadOf(t, a)
	started := ta.backgroundStarted()
	f.photos.addPhotoFiles([]string{big})
	if ta.backgroundStarted() == started {
		t.Fatal("the large photo was checked on the UI thread")
	}
	a.wait()
	if topOverlay(a) != last && strings.Contains(topTexts(a), "照片") {
		t.Fatalf("large photo refused: %s", topTexts(a))
	}
	if f.photos.count() != len(stored)+1 {
		t.Fatalf("large photo not in the form")
	}
	// the same file again is refused: it is in the activity already
	f.photos.addPhotoFiles([]string{big})
	a.wait()
	if f.photos.count() != len(stored)+1 || !strings.Contains(topTexts(a), "已经在本活动中") {
		t.Fatalf("duplicate photo: %d, %s", f.photos.count(), topTexts(a))
	}
	dismissTop(t, a)

	// Remove the first stored photo, caption the second, save.
	test.Tap(f.photos.items[0].removeBtn)
	f.photos.items[0].caption.SetText("签到处")
	f.submit()
	a.wait()
	if !f.closed {
		t.Fatalf("form not closed: %s", topTexts(a))
	}
	ps, _ := a.store().Photos(a.ctx(), id)
	if len(ps) != len(stored) {
		t.Fatalf("%d photos stored, want %d (one removed, one added)", len(ps), len(stored))
	}
	if slices.ContainsFunc(ps, func(p data.Attachment) bool { return p.ID == stored[0].ID }) {
		t.Fatal("removed photo still stored")
	}
	last2 := ps[len(ps)-1]
	if last2.Width != 6000 || last2.Height != 5000 || last2.OriginalName != "大合影.jpg" || last2.Caption != "大合影" {
		t.Fatalf("large photo stored as %+v", last2)
	}
	if len(stored) > 1 {
		i := slices.IndexFunc(ps, func(p data.Attachment) bool { return p.ID == stored[1].ID })
		if i < 0 || ps[i].Caption != "签到处" {
			t.Fatalf("caption not saved: %+v", ps)
		}
	}
	th, err := data.Thumbnail(a.store().AttachmentPath(last2), photoThumbSide)
	if err != nil {
		t.Fatal(err)
	}
	if b := th.Bounds(); b.Dx() != photoThumbSide || b.Dy() != 267 {
		t.Fatalf("thumbnail %v", b)
	}
	if s.photoN[id] != len(ps) {
		t.Fatalf("list says %d photos", s.photoN[id])
	}
}

func TestActivityPhotosCancel(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	s := openActivities(t, a)
	n := storedActivities(t, a)
	hadSave := a.shortcut["save"] != nil
	f := openActivityForm(t, a, s)
	f.photos.addPhotoFiles([]string{activityPhotoFile(t, t.TempDir(), "x.png", 300, 200)})
	a.wait()
	if f.photos.count() != 1 || f.photos.items[0].frame.img.Image == nil {
		t.Fatal("png not added to the form")
	}
	test.Tap(f.photos.addBtn)
	top := a.win.Canvas().Overlays().Top()
	if !strings.Contains(texts(top), "选择照片") || buttonNamed(top, "取消") == nil {
		t.Fatalf("添加照片 opened no file dialog: %q", texts(top))
	}
	test.Tap(buttonNamed(top, "取消"))
	if a.win.Canvas().Overlays().Top() == top {
		t.Fatal("取消 left the file dialog open")
	}
	test.Tap(f.cancelBtn)
	if !f.closed || storedActivities(t, a) != n {
		t.Fatal("cancel wrote something")
	}
	if (a.shortcut["save"] != nil) != hadSave {
		t.Fatal("Ctrl+S not given back when the form closed")
	}
}

func TestPhotoThumbCache(t *testing.T) {
	c := newPhotoThumbs()
	img := image.NewRGBA(image.Rect(0, 0, 320, 240))
	n := photoCacheBytes/(320*240*4) + 10
	for i := range n {
		c.put(string(rune('a'+i%26))+strconv.Itoa(i)+strings.Repeat("x", i), img)
		if i == 0 {
			continue
		}
		c.get(string(rune('a')) + strconv.Itoa(0)) // keep the first one in use
	}
	if c.bytes > photoCacheBytes || len(c.cache) >= n {
		t.Fatalf("cache holds %d bytes in %d thumbnails", c.bytes, len(c.cache))
	}
	if c.get("a0") == nil {
		t.Fatal("the thumbnail in use was evicted")
	}
}
