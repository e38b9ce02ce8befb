package data_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chamberdesk/data"

	"chamberdesk/data/datatest"
)

// photoBytes draws a w×h picture: a gradient with a red block in the top
// left corner, so orientation and aspect can be seen.
func photoBytes(t testing.TB, w, h int, format string) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), 160, 255}
			if x < w/4 && y < h/4 {
				c = color.RGBA{230, 20, 20, 255}
			}
			img.SetRGBA(x, y, c)
		}
	}
	var buf bytes.Buffer
	var err error
	if format == "png" {
		err = png.Encode(&buf, img)
	} else {
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90})
	}
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func writeTemp(t testing.TB, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(datatest.TempDir(t), name)
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// pngHeader is a PNG signature and an IHDR chunk claiming w×h at a bit
// depth and colour type, with its checksum right, and nothing else: the
// header of a decompression bomb.
func pngHeader(w, h uint32, depth, colorType byte) []byte {
	return pngHeaderInterlaced(w, h, depth, colorType, 0)
}

func pngHeaderInterlaced(w, h uint32, depth, colorType, interlace byte) []byte {
	ihdr := make([]byte, 13)
	ihdr[12] = interlace
	binary.BigEndian.PutUint32(ihdr, w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = depth, colorType
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	_ = binary.Write(&b, binary.BigEndian, uint32(len(ihdr)))
	chunk := append([]byte("IHDR"), ihdr...)
	b.Write(chunk)
	_ = binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(chunk))
	return b.Bytes()
}

// withOrientation puts an EXIF block with the orientation tag right after
// a JPEG's start marker, as a phone camera writes it.
func withOrientation(j []byte, o uint16, order binary.ByteOrder) []byte {
	var tiff bytes.Buffer
	if order == binary.LittleEndian {
		tiff.WriteString("II*\x00")
	} else {
		tiff.WriteString("MM\x00*")
	}
	_ = binary.Write(&tiff, order, uint32(8))      // IFD0 offset
	_ = binary.Write(&tiff, order, uint16(2))      // two entries
	_ = binary.Write(&tiff, order, uint16(0x010F)) // Make, ASCII, ignored
	_ = binary.Write(&tiff, order, uint16(2))
	_ = binary.Write(&tiff, order, uint32(4))
	tiff.WriteString("ACME")
	_ = binary.Write(&tiff, order, uint16(0x0112))
	_ = binary.Write(&tiff, order, uint16(3))
	_ = binary.Write(&tiff, order, uint32(1))
	_ = binary.Write(&tiff, order, o)
	_ = binary.Write(&tiff, order, uint16(0))
	_ = binary.Write(&tiff, order, uint32(0)) // no next IFD
	seg := append([]byte("Exif\x00\x00"), tiff.Bytes()...)
	var out bytes.Buffer
	out.Write(j[:2])
	out.Write([]byte{0xFF, 0xE1})
	_ = binary.Write(&out, binary.BigEndian, uint16(len(seg)+2))
	out.Write(seg)
	out.Write(j[2:])
	return out.Bytes()
}

// jpegHeader is a JPEG start and frame header claiming w×h with three
// components sampled hv (0x11 for 4:4:4, 0x22 luma for 4:2:0), and nothing
// else.
func jpegHeader(progressive bool, w, h uint16, lumaHV byte) []byte {
	marker := byte(0xC0)
	if progressive {
		marker = 0xC2
	}
	b := []byte{0xFF, 0xD8, 0xFF, marker, 0, 17, 8}
	b = binary.BigEndian.AppendUint16(b, h)
	b = binary.BigEndian.AppendUint16(b, w)
	b = append(b, 3, 1, lumaHV, 0, 2, 0x11, 1, 3, 0x11, 1)
	// a start of scan: without a JFIF marker the header is read up to it
	return append(b, 0xFF, 0xDA, 0, 12, 3, 1, 0, 2, 0x11, 3, 0x11, 0, 63, 0)
}

func errCode(err error) string {
	if e, ok := data.AsError(err); ok {
		return e.Code
	}
	return ""
}

func TestThumbnailSize(t *testing.T) {
	for _, tc := range []struct {
		name         string
		w, h, max    int
		format       string
		wantW, wantH int
	}{
		{"landscape jpeg", 640, 480, 160, "jpeg", 160, 120},
		{"portrait png", 300, 900, 160, "png", 53, 160},
		{"square", 500, 500, 64, "jpeg", 64, 64},
		{"small is not enlarged", 50, 30, 320, "png", 50, 30},
		{"panorama", 4000, 300, 320, "jpeg", 320, 24},
		{"large", 2600, 1950, 320, "jpeg", 320, 240},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := writeTemp(t, "p."+tc.format, photoBytes(t, tc.w, tc.h, tc.format))
			img, err := data.Thumbnail(p, tc.max)
			if err != nil {
				t.Fatal(err)
			}
			b := img.Bounds()
			if b.Dx() != tc.wantW || b.Dy() != tc.wantH {
				t.Fatalf("thumbnail %dx%d, want %dx%d", b.Dx(), b.Dy(), tc.wantW, tc.wantH)
			}
			if b.Dx() > tc.max || b.Dy() > tc.max {
				t.Fatalf("longer side over %d", tc.max)
			}
			// The red corner stays in the top left: nothing was turned.
			r, g, _, _ := img.At(b.Min.X+b.Dx()/10, b.Min.Y+b.Dy()/10).RGBA()
			if r>>8 < 180 || g>>8 > 80 {
				t.Fatalf("top left is %d,%d, not red", r>>8, g>>8)
			}
		})
	}
}

func TestThumbnailOrientation(t *testing.T) {
	// 80×40 with the red block at the top left. Turned a quarter
	// clockwise (orientation 6) the picture is 40×80 with the block at the
	// top right; counter-clockwise (8), at the bottom left.
	j := photoBytes(t, 80, 40, "jpeg")
	red := func(img image.Image, fx, fy float64) bool {
		b := img.Bounds()
		r, g, _, _ := img.At(b.Min.X+int(fx*float64(b.Dx())), b.Min.Y+int(fy*float64(b.Dy()))).RGBA()
		return r>>8 > 180 && g>>8 < 80
	}
	for _, tc := range []struct {
		o      uint16
		order  binary.ByteOrder
		w, h   int
		fx, fy float64 // where the red block is
	}{
		{1, binary.BigEndian, 80, 40, 0.1, 0.1},
		{3, binary.LittleEndian, 80, 40, 0.9, 0.9},
		{6, binary.BigEndian, 40, 80, 0.9, 0.1},
		{6, binary.LittleEndian, 40, 80, 0.9, 0.1},
		{8, binary.BigEndian, 40, 80, 0.1, 0.9},
		{2, binary.BigEndian, 80, 40, 0.9, 0.1},
		{99, binary.BigEndian, 80, 40, 0.1, 0.1}, // nonsense: left alone
	} {
		b := withOrientation(j, tc.o, tc.order)
		if tc.o == 8 { // an XMP block before the EXIF one
			xmp := append([]byte("http://ns.adobe.com/xap/1.0/\x00"), make([]byte, 300)...)
			pre := binary.BigEndian.AppendUint16([]byte{0xFF, 0xD8, 0xFF, 0xE1}, uint16(len(xmp)+2))
			b = append(append(pre, xmp...), b[2:]...)
		}
		p := writeTemp(t, "o.jpg", b)
		img, err := data.Thumbnail(p, 100)
		if err != nil {
			t.Fatal(err)
		}
		if b := img.Bounds(); b.Dx() != tc.w || b.Dy() != tc.h {
			t.Errorf("orientation %d: %dx%d, want %dx%d", tc.o, b.Dx(), b.Dy(), tc.w, tc.h)
			continue
		}
		if !red(img, tc.fx, tc.fy) {
			t.Errorf("orientation %d: red block not at %.1f,%.1f", tc.o, tc.fx, tc.fy)
		}
	}
}

func TestThumbnailPixelLimit(t *testing.T) {
	for _, tc := range []struct {
		name string
		b    []byte
	}{
		{"20000x20000 RGBA", pngHeader(20000, 20000, 8, 6)},
		{"9000x7000 gray", pngHeader(9000, 7000, 8, 0)},                          // 63 MP
		{"7000x7000 16-bit RGBA", pngHeader(7000, 7000, 16, 6)},                  // 49 MP, 392 MB decoded
		{"7000x5000 interlaced RGBA", pngHeaderInterlaced(7000, 5000, 8, 6, 1)},  // 35 MP, 280 MB
		{"6000x5000 progressive 4:4:4 JPEG", jpegHeader(true, 6000, 5000, 0x11)}, // 30 MP, 450 MB decoded
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := writeTemp(t, "bomb.png", tc.b)
			_, err := data.Thumbnail(p, 320)
			if errCode(err) != "photo.pixels" {
				t.Fatalf("Thumbnail: %v, want photo.pixels", err)
			}
			if e, _ := data.AsError(err); !strings.Contains(e.Msg, "照片尺寸过大") {
				t.Fatalf("message %q", e.Msg)
			}
			if _, err := data.CheckPhoto("bomb.png", tc.b, 320); errCode(err) != "photo.pixels" {
				t.Fatalf("CheckPhoto: %v, want photo.pixels", err)
			}
		})
	}
}

func TestThumbnailDecodeBound(t *testing.T) {
	// Headers within the bound pass the check and then fail for want of
	// picture data: corrupt, not too large.
	for _, tc := range []struct {
		name string
		b    []byte
	}{
		{"baseline 4:4:4 30 MP", jpegHeader(false, 6000, 5000, 0x11)},
		{"progressive 4:2:0 30 MP", jpegHeader(true, 6000, 5000, 0x22)},
		{"baseline 4:2:0 58 MP", jpegHeader(false, 9000, 6400, 0x22)},
		{"8-bit RGB PNG 58 MP", pngHeader(9000, 6400, 8, 2)},
		{"interlaced RGBA PNG 24 MP", pngHeaderInterlaced(6000, 4000, 8, 6, 1)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := data.Thumbnail(writeTemp(t, "h.img", tc.b), 100); errCode(err) != "photo.corrupt" {
				t.Fatalf("%v, want photo.corrupt", err)
			}
		})
	}
}

func TestThumbnailCorrupt(t *testing.T) {
	j := photoBytes(t, 400, 300, "jpeg")
	p := photoBytes(t, 400, 300, "png")
	for _, tc := range []struct {
		name, file string
		b          []byte
		code       string
	}{
		{"truncated jpeg", "cut.jpg", j[:len(j)/2], "photo.corrupt"},
		{"truncated png", "cut.png", p[:len(p)/2], "photo.corrupt"},
		{"garbage", "x.jpg", []byte("this is not a photo at all"), "photo.corrupt"},
		{"empty", "empty.jpg", nil, "photo.corrupt"},
		{"header only", "h.png", pngHeader(100, 100, 8, 2), "photo.corrupt"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := writeTemp(t, tc.file, tc.b)
			if _, err := data.Thumbnail(path, 100); errCode(err) != tc.code {
				t.Fatalf("Thumbnail: %v, want %s", err, tc.code)
			}
		})
	}
	if _, err := data.Thumbnail(filepath.Join(datatest.TempDir(t), "missing.jpg"), 100); errCode(err) != "photo.read" {
		t.Fatalf("missing file: %v", err)
	}
}

func TestCheckPhoto(t *testing.T) {
	j := photoBytes(t, 640, 480, "jpeg")
	pf, err := data.CheckPhoto("/somewhere/会议.jpg", j, 200)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(j)
	if pf.SHA256 != hex.EncodeToString(sum[:]) || pf.Name != "会议.jpg" || pf.Size != int64(len(j)) ||
		pf.Width != 640 || pf.Height != 480 {
		t.Fatalf("checked %+v", pf)
	}
	if b := pf.Thumb.Bounds(); b.Dx() != 200 || b.Dy() != 150 {
		t.Fatalf("thumb %v", b)
	}

	heic := append([]byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"), make([]byte, 64)...)
	_, err = data.CheckPhoto("IMG_0001.HEIC", heic, 200)
	if e, ok := data.AsError(err); !ok || e.Code != "photo.format" || !strings.Contains(e.Msg, "HEIC") {
		t.Fatalf("HEIC: %v", err)
	}
	if _, err := data.CheckPhoto("cut.jpg", j[:len(j)/3], 200); errCode(err) != "photo.corrupt" {
		t.Fatalf("truncated: %v", err)
	}
	big := make([]byte, data.MaxPhotoBytes+1)
	if _, err := data.CheckPhoto("big.jpg", big, 200); errCode(err) != "photo.too_large" {
		t.Fatalf("too large: %v", err)
	}
}

func TestReadPhotoFile(t *testing.T) {
	j := photoBytes(t, 64, 48, "jpeg")
	b, err := data.ReadPhotoFile(writeTemp(t, "a.jpg", j))
	if err != nil || !bytes.Equal(b, j) {
		t.Fatalf("read %d bytes, %v", len(b), err)
	}
	// A sparse file over the limit is refused from its size, unread.
	p := filepath.Join(datatest.TempDir(t), "huge.jpg")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(data.MaxPhotoBytes + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, err := data.ReadPhotoFile(p); errCode(err) != "photo.too_large" {
		t.Fatalf("huge: %v", err)
	}
	if _, err := data.Thumbnail(p, 100); errCode(err) != "photo.too_large" {
		t.Fatalf("huge thumbnail: %v", err)
	}
	if _, err := data.ReadPhotoFile(filepath.Join(datatest.TempDir(t), "nope.jpg")); errCode(err) != "photo.read" {
		t.Fatalf("missing: %v", err)
	}
}

func FuzzThumbnail(f *testing.F) {
	j := photoBytes(f, 40, 30, "jpeg")
	f.Add(j)
	f.Add(withOrientation(j, 6, binary.LittleEndian))
	f.Add(withOrientation(j, 8, binary.BigEndian)[:300])
	f.Add(photoBytes(f, 20, 30, "png"))
	f.Add(pngHeader(20000, 20000, 8, 6))
	f.Add(pngHeader(10, 10, 8, 2))
	f.Add(jpegHeader(true, 300, 200, 0x22))
	f.Add(pngHeaderInterlaced(16, 16, 8, 6, 1))
	f.Add([]byte{0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x02})
	f.Add([]byte{})
	dir := datatest.TempDir(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		p := filepath.Join(dir, "f.jpg")
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		img, err := data.Thumbnail(p, 32)
		if err != nil {
			if _, ok := data.AsError(err); !ok {
				t.Fatalf("error %T is not a *data.Error: %v", err, err)
			}
			return
		}
		if bb := img.Bounds(); bb.Dx() < 1 || bb.Dy() < 1 || bb.Dx() > 32 || bb.Dy() > 32 {
			t.Fatalf("thumbnail %v", bb)
		}
		if _, err := data.CheckPhoto("f.jpg", b, 32); err != nil && errCode(err) == "" {
			t.Fatalf("CheckPhoto error %T: %v", err, err)
		}
	})
}

func BenchmarkThumbnail24MP(b *testing.B) {
	p := writeTemp(b, "big.jpg", photoBytes(b, 6000, 4000, "jpeg"))
	b.ResetTimer()
	for b.Loop() {
		if _, err := data.Thumbnail(p, 320); err != nil {
			b.Fatal(err)
		}
	}
}
