package pdf

import (
	"bytes"
	"image"
	"image/jpeg"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chamberdesk/data/datatest"
)

// phonePhoto writes a 4000×3000 JPEG, the size a phone takes, with
// gradients and grain so it compresses about as a real photo does.
func phonePhoto(tb testing.TB, dir string, seed uint64) string {
	tb.Helper()
	r := rand.New(rand.NewPCG(seed, 7))
	img := image.NewYCbCr(image.Rect(0, 0, 4000, 3000), image.YCbCrSubsampleRatio420)
	for y := range 3000 {
		for x := range 4000 {
			img.Y[y*img.YStride+x] = uint8((x/16+y/12)%200 + r.IntN(40))
		}
	}
	for i := range img.Cb {
		img.Cb[i], img.Cr[i] = uint8(100+i%50), uint8(140-i%30)
	}
	p := filepath.Join(dir, "IMG_"+string(rune('A'+seed))+".jpg")
	f, err := os.Create(p)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	if err := jpeg.Encode(f, img, &jpeg.Options{Quality: 92}); err != nil {
		tb.Fatal(err)
	}
	return p
}

// TestActivityPhoneSize prints four full-size phone photos on one page:
// each is embedded at photoSide pixels, and the page stays small enough to
// mail.
func TestActivityPhoneSize(t *testing.T) {
	dir := datatest.TempDir(t)
	ad := demoActivity(t)
	ad.Photos = nil
	for i := range 4 {
		ad.Photos = append(ad.Photos, Photo{Path: phonePhoto(t, dir, uint64(i)), Caption: "现场照片"})
	}
	p := render(t, "phone.pdf", func(w io.Writer) error { return WriteActivity(w, ad) })
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("one page with four 4000×3000 photos: %d KB", fi.Size()>>10)
	if fi.Size() > 2<<20 {
		t.Errorf("%d bytes, want under 2 MB", fi.Size())
	}
	list := poppler(t, "pdfimages", "-list", p)
	if n := strings.Count(list, " 1200   900 "); n != 4 {
		t.Errorf("want four 1200×900 images:\n%s", list)
	}
}

// rotatedPhoto writes a 400×300 JPEG whose EXIF says the camera was turned
// (orientation 6: show it turned 90° clockwise), as phones save portraits.
func rotatedPhoto(tb testing.TB, dir string) string {
	tb.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, image.NewGray(image.Rect(0, 0, 400, 300)), nil); err != nil {
		tb.Fatal(err)
	}
	tiff := []byte("MM\x00\x2a\x00\x00\x00\x08" + // big-endian TIFF, first IFD at 8
		"\x00\x01" + // one entry
		"\x01\x12\x00\x03\x00\x00\x00\x01\x00\x06\x00\x00" + // Orientation, SHORT, 1, value 6
		"\x00\x00\x00\x00") // no next IFD
	body := append([]byte("Exif\x00\x00"), tiff...)
	app1 := append([]byte{0xFF, 0xE1, byte((len(body) + 2) >> 8), byte(len(body) + 2)}, body...)
	b := buf.Bytes()
	out := append(append(append([]byte{}, b[:2]...), app1...), b[2:]...) // right after SOI
	p := filepath.Join(dir, "portrait.jpg")
	if err := os.WriteFile(p, out, 0o644); err != nil {
		tb.Fatal(err)
	}
	return p
}

func TestActivityPhotoUpright(t *testing.T) {
	ad := demoActivity(t)
	ad.Photos = []Photo{{Path: rotatedPhoto(t, datatest.TempDir(t)), Caption: "竖拍照片"}}
	p := render(t, "upright.pdf", func(w io.Writer) error { return WriteActivity(w, ad) })
	if list := poppler(t, "pdfimages", "-list", p); !strings.Contains(list, " 300   400 ") {
		t.Errorf("the portrait photo is not embedded upright (300×400):\n%s", list)
	}
}
