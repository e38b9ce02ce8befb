package data

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"image"
	"image/color"
	"io"
	"os"
	"path/filepath"

	"golang.org/x/image/draw"
)

// MaxPhotoPixels bounds the photos that are decoded: a 60-megapixel JPEG
// takes about 90 MB once decoded, and a phone's largest mode is 50 MP.
const MaxPhotoPixels = 60_000_000

// maxDecodeBytes bounds the memory one decoded photo may take, whatever
// its pixel format: a 16-bit PNG takes 8 bytes a pixel, a JPEG 1.5 to 3.
const maxDecodeBytes = 256 << 20

// PhotoFile is a photo a person picked, checked and decoded whole before
// anything is stored.
type PhotoFile struct {
	Name          string // the file's base name
	SHA256        string // of its bytes: the name it will be stored under
	Size          int64
	Width, Height int         // as stored, before any EXIF rotation
	Thumb         image.Image // the whole picture scaled down, upright
}

// ReadPhotoFile reads a photo file a person picked. A file larger than
// MaxPhotoBytes is refused before it is read, so a stray video or disk
// image is never loaded into memory.
func ReadPhotoFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, photoOpenError(path, err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Size() > MaxPhotoBytes {
		return nil, photoTooLarge(path, fi.Size())
	}
	b, err := io.ReadAll(io.LimitReader(f, MaxPhotoBytes+1))
	if err != nil {
		return nil, photoOpenError(path, err)
	}
	if len(b) > MaxPhotoBytes { // it grew while being read
		return nil, photoTooLarge(path, int64(len(b)))
	}
	return b, nil
}

func photoOpenError(path string, err error) error {
	return &Error{Code: "photo.read", Field: "照片", Value: filepath.Base(path),
		Msg: "无法读取该文件，请确认文件存在且没有被其他程序占用", MsgEN: "cannot read the file; make sure it exists and no other program holds it", Reason: err.Error()}
}

func photoTooLarge(path string, size int64) error {
	return &Error{Code: "photo.too_large", Field: "照片", Value: filepath.Base(path),
		Msg: fmt.Sprintf("照片太大（%d MB），请小于 %d MB", size>>20, MaxPhotoBytes>>20), MsgEN: fmt.Sprintf("the photo is too large (%d MB); it must be under %d MB", size>>20, MaxPhotoBytes>>20),
		Reason: "photo exceeds size limit"}
}

// CheckPhoto checks b the way AddPhoto will (size, JPEG or PNG, a readable
// header), then decodes it whole, so a file whose header is fine but whose
// picture is cut off or damaged is refused as well, and so is one with too
// many pixels to show or print. It returns a thumbnail whose longer side is
// at most maxSide.
func CheckPhoto(name string, b []byte, maxSide int) (PhotoFile, error) {
	if len(b) > MaxPhotoBytes {
		return PhotoFile{}, photoTooLarge(name, int64(len(b)))
	}
	if _, _, _, err := sniffPhoto(name, b); err != nil {
		return PhotoFile{}, err
	}
	cfg, err := photoConfig(name, bytes.NewReader(b), b)
	if err != nil {
		return PhotoFile{}, err
	}
	thumb, err := decodeThumbnail(name, bytes.NewReader(b), orientation(b), maxSide)
	if err != nil {
		return PhotoFile{}, err
	}
	sum := sha256.Sum256(b)
	return PhotoFile{Name: filepath.Base(name), SHA256: hex.EncodeToString(sum[:]), Size: int64(len(b)),
		Width: cfg.Width, Height: cfg.Height, Thumb: thumb}, nil
}

// Thumbnail reads the photo at path and returns it scaled so that its
// longer side is at most maxSide, turned upright as the camera's EXIF
// orientation asks. The header is read first: a file over MaxPhotoBytes, a
// picture over MaxPhotoPixels, or one whose decoding would take more than
// 256 MB is refused before its pixels are read, so memory stays bounded
// whatever the file claims.
func Thumbnail(path string, maxSide int) (image.Image, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, photoOpenError(path, err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Size() > MaxPhotoBytes {
		return nil, photoTooLarge(path, fi.Size())
	}
	// The markers that matter (EXIF, the frame header) come first.
	head := make([]byte, 256<<10)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, photoOpenError(path, err)
	}
	if _, err := photoConfig(path, bufio.NewReader(f), head); err != nil {
		return nil, err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, photoOpenError(path, err)
	}
	return decodeThumbnail(path, bufio.NewReader(f), orientation(head), maxSide)
}

// photoConfig reads a JPEG or PNG header from r and refuses a picture too
// large to decode within the memory bound; head is the start of the file.
func photoConfig(name string, r io.Reader, head []byte) (image.Config, error) {
	cfg, format, err := image.DecodeConfig(r)
	if err == nil && format != "jpeg" && format != "png" {
		return cfg, &Error{Code: "photo.format", Field: "照片", Value: filepath.Base(name),
			Msg: "只支持 JPG 和 PNG 照片", MsgEN: "only JPG and PNG photos are supported", Reason: "photo is " + format}
	}
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 {
		return cfg, photoCorrupt(name, fmt.Errorf("header: %v", err))
	}
	px := int64(cfg.Width) * int64(cfg.Height)
	var need int64
	if format == "jpeg" {
		need = jpegDecodeBytes(head, px)
	} else {
		need = px * int64(bytesPerPixel(cfg.ColorModel))
		if len(head) > 28 && head[28] == 1 { // Adam7 interlaced: each pass is decoded apart, then merged
			need *= 2
		}
	}
	if px > MaxPhotoPixels || need > maxDecodeBytes {
		return cfg, &Error{Code: "photo.pixels", Field: "照片", Value: filepath.Base(name),
			Msg: fmt.Sprintf("照片尺寸过大（%d×%d，约%d万像素），无法显示和打印；请缩小到%d万像素以内再添加",
				cfg.Width, cfg.Height, (px+5000)/10000, MaxPhotoPixels/10000), MsgEN: fmt.Sprintf("the photo is too large (%d×%d, about %.1f megapixels) to show or print; please reduce it to %.0f megapixels or less",
				cfg.Width, cfg.Height, float64(px)/1e6, float64(MaxPhotoPixels)/1e6),
			Reason: fmt.Sprintf("photo is %dx%d, %s needs about %d MB to decode", cfg.Width, cfg.Height, format, need>>20)}
	}
	return cfg, nil
}

// bytesPerPixel is what the PNG decoder allocates per pixel for a colour
// model.
func bytesPerPixel(m color.Model) int {
	switch m {
	case color.GrayModel:
		return 1
	case color.Gray16Model:
		return 2
	case color.RGBAModel, color.NRGBAModel:
		return 4
	}
	if _, ok := m.(color.Palette); ok {
		return 1
	}
	return 8
}

// jpegDecodeBytes estimates what Go's JPEG decoder allocates for a picture
// of px pixels from its frame header: a plane per component (chroma planes
// smaller as sampled), four more bytes per sample for the coefficients of a
// progressive JPEG, and a converted copy of a four-component (CMYK) one. A
// frame header not found in head is taken as the worst case.
func jpegDecodeBytes(head []byte, px int64) int64 {
	sof := jpegSegment(head, 2, func(m byte) bool { return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC })
	if sof == nil || len(sof.data) < 6 {
		return px * (3 + 3*4 + 4)
	}
	n := int(sof.data[5])
	if n < 1 || len(sof.data) < 6+3*n {
		return px * (3 + 3*4 + 4)
	}
	hmax, vmax := 1, 1
	for c := 0; c < n; c++ {
		hv := sof.data[6+3*c+1]
		hmax, vmax = max(hmax, int(hv>>4)), max(vmax, int(hv&15))
	}
	var samples int64 // samples per 1000 pixels, across the components
	for c := 0; c < n; c++ {
		hv := sof.data[6+3*c+1]
		samples += 1000 * int64(hv>>4) * int64(hv&15) / int64(hmax*vmax)
	}
	need := px * samples / 1000
	switch sof.marker {
	case 0xC2, 0xC6, 0xCA, 0xCE: // progressive
		need += 4 * px * samples / 1000
	}
	if n == 4 {
		need += 4 * px
	}
	return need
}

func photoCorrupt(name string, err error) error {
	return &Error{Code: "photo.corrupt", Field: "照片", Value: filepath.Base(name),
		Msg: "照片文件已损坏，无法读取", MsgEN: "the photo file is damaged and cannot be read", Reason: fmt.Sprintf("photo unreadable: %v", err)}
}

// decodeThumbnail decodes the picture in r and scales it down. A decoder
// that panics on a hostile file is turned into an error: a bad photo never
// takes the program down.
func decodeThumbnail(name string, r io.Reader, orient, maxSide int) (thumb image.Image, err error) {
	if maxSide < 1 {
		return nil, fmt.Errorf("thumbnail: maxSide %d", maxSide)
	}
	defer func() {
		if p := recover(); p != nil {
			thumb, err = nil, photoCorrupt(name, fmt.Errorf("decoder panic: %v", p))
		}
	}()
	src, _, err := image.Decode(r)
	if err != nil {
		return nil, photoCorrupt(name, err)
	}
	return upright(scaleDown(src, maxSide), orient), nil
}

// scaleDown returns src as RGBA with its longer side at most maxSide.
// A large photo is first sampled down to four times the target with the
// cheap bilinear approximation, then filtered with Catmull-Rom: the kernel
// scaler's scratch buffer grows with the source height, which for a 50 MP
// photo would cost another 70 MB, while the two steps need about 10 MB and
// look the same at thumbnail size.
func scaleDown(src image.Image, maxSide int) *image.RGBA {
	b := src.Bounds()
	w, h := fit(b.Dx(), b.Dy(), maxSide)
	if w*4 < b.Dx() && h*4 < b.Dy() {
		mid := image.NewRGBA(image.Rect(0, 0, w*4, h*4))
		draw.ApproxBiLinear.Scale(mid, mid.Bounds(), src, b, draw.Src, nil)
		src, b = mid, mid.Bounds()
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, b, draw.Src, nil)
	return dst
}

// fit scales w×h down (never up) so the longer side is at most side.
func fit(w, h, side int) (int, int) {
	if w <= side && h <= side {
		return w, h
	}
	if w >= h {
		return side, max(1, (h*side+w/2)/w)
	}
	return max(1, (w*side+h/2)/h), side
}

// upright turns img as EXIF orientation o (1-8) asks; other values leave
// it as it is.
func upright(img *image.RGBA, o int) *image.RGBA {
	if o < 2 || o > 8 {
		return img
	}
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := 0; y < dh; y++ {
		for x := 0; x < dw; x++ {
			var sx, sy int
			switch o {
			case 2: // mirrored
				sx, sy = w-1-x, y
			case 3: // upside down
				sx, sy = w-1-x, h-1-y
			case 4: // mirrored upside down
				sx, sy = x, h-1-y
			case 5: // mirrored, turned
				sx, sy = y, x
			case 6: // needs a quarter turn clockwise: phones held upright
				sx, sy = y, h-1-x
			case 7:
				sx, sy = w-1-y, h-1-x
			case 8: // needs a quarter turn counter-clockwise
				sx, sy = w-1-y, x
			}
			i, j := img.PixOffset(b.Min.X+sx, b.Min.Y+sy), dst.PixOffset(x, y)
			copy(dst.Pix[j:j+4], img.Pix[i:i+4])
		}
	}
	return dst
}

// orientation reads the EXIF orientation tag (0x0112) of a JPEG, or 0 when
// there is none. Phones store a photo taken upright as a landscape picture
// with orientation 6, and Go's decoder ignores EXIF, so without this every
// such thumbnail would lie on its side. Only this one tag is needed, so it
// is read here rather than through an EXIF library; every offset is checked
// against the data (FuzzThumbnail feeds it garbage).
func orientation(b []byte) int {
	for seg := jpegSegment(b, 2, isAPP1); seg != nil; seg = jpegSegment(b, seg.next, isAPP1) {
		if len(seg.data) > 6 && string(seg.data[:6]) == "Exif\x00\x00" {
			return tiffOrientation(seg.data[6:])
		}
	}
	return 0
}

func isAPP1(m byte) bool { return m == 0xE1 }

type jpegSeg struct {
	marker byte
	data   []byte // the segment after its length
	next   int    // offset of the marker after it
}

// jpegSegment finds the first segment from offset i (2 for the first,
// after the start marker) up to the picture data whose marker want accepts,
// or nil.
func jpegSegment(b []byte, i int, want func(byte) bool) *jpegSeg {
	if len(b) < 4 || b[0] != 0xFF || b[1] != 0xD8 || i < 2 {
		return nil
	}
	for i+4 <= len(b) {
		if b[i] != 0xFF {
			return nil
		}
		marker := b[i+1]
		if marker == 0xFF { // fill byte
			i++
			continue
		}
		if marker == 0xDA || marker == 0xD9 { // start of scan, end of image
			return nil
		}
		n := int(binary.BigEndian.Uint16(b[i+2:]))
		if n < 2 || i+2+n > len(b) {
			return nil
		}
		if want(marker) {
			return &jpegSeg{marker: marker, data: b[i+4 : i+2+n], next: i + 2 + n}
		}
		i += 2 + n
	}
	return nil
}

// tiffOrientation finds the orientation tag in IFD0 of a TIFF block.
func tiffOrientation(t []byte) int {
	if len(t) < 8 {
		return 0
	}
	var bo binary.ByteOrder
	switch string(t[:4]) {
	case "II*\x00":
		bo = binary.LittleEndian
	case "MM\x00*":
		bo = binary.BigEndian
	default:
		return 0
	}
	off := int64(bo.Uint32(t[4:]))
	if off < 8 || off+2 > int64(len(t)) {
		return 0
	}
	count := int64(bo.Uint16(t[off:]))
	for k := int64(0); k < count; k++ {
		e := off + 2 + 12*k
		if e+12 > int64(len(t)) {
			return 0
		}
		// tag 0x0112, type SHORT (3): the value is in the first two bytes
		if bo.Uint16(t[e:]) == 0x0112 && bo.Uint16(t[e+2:]) == 3 {
			return int(bo.Uint16(t[e+8:]))
		}
	}
	return 0
}
