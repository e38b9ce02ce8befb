package shareimg

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"

	"chamberdesk/data"
)

// Format is how the picture is encoded.
type Format int

// The formats: PNG keeps the text sharpest, JPEG is a fifth of the size
// once there are camera photos.
const (
	PNG Format = iota
	JPEG
)

// Widths the picture may be drawn at: narrower and the text is too small
// to lay out, wider and no phone gains from it.
const (
	DefaultWidth = 1080
	MinWidth     = 320
	MaxWidth     = 2160
)

// DefaultQuality is the JPEG quality when Options leaves it 0.
const DefaultQuality = 85

// minQuality is the lowest JPEG quality Render steps down to: below it
// the text gets visibly blotchy.
const minQuality = 55

// MaxBytes is the largest picture WeChat sends as it is; it recompresses
// larger ones, blurring the text.
const MaxBytes = 5 << 20

// CodeTooLarge is the data.Error code of a picture over MaxBytes.
const CodeTooLarge = "shareimg.too_large"

// Options says how the picture is drawn and encoded.
type Options struct {
	Width   int    // pixels across; 0 is DefaultWidth
	Format  Format // PNG (the zero value) or JPEG
	Quality int    // JPEG quality 1-100; 0 is DefaultQuality
}

// FormatFor picks the format from a file name's extension: .png, or .jpg
// or .jpeg.
func FormatFor(path string) (Format, bool) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".png":
		return PNG, true
	case ".jpg", ".jpeg":
		return JPEG, true
	}
	return PNG, false
}

// Draw lays out and draws the picture of in, width pixels wide (0 for
// DefaultWidth), as tall as its content.
func Draw(ctx context.Context, in Input, width int) (*image.RGBA, error) {
	if width == 0 {
		width = DefaultWidth
	}
	if width < MinWidth || width > MaxWidth {
		return nil, widthError(width)
	}
	img, _, err := draw1(ctx, in, width)
	return img, err
}

func widthError(w int) error {
	return &data.Error{Code: CodeDraw, Field: "宽度", Value: fmt.Sprint(w),
		Msg:    fmt.Sprintf("图片宽度须在 %d 到 %d 像素之间", MinWidth, MaxWidth),
		MsgEN:  fmt.Sprintf("the image width must be between %d and %d pixels", MinWidth, MaxWidth),
		Reason: fmt.Sprintf("width %d out of range", w)}
}

// Render draws the picture of in and encodes it as opts asks, within
// MaxBytes: a JPEG over it is encoded again at a lower quality, down to
// minQuality; a PNG over it is refused with CodeTooLarge, asking for .jpg,
// since a PNG cannot be made smaller without losing what makes it a PNG.
//
// Measured (TestSizeLimit, 1080 wide): the demo activity with its three
// drawn photos, 1080×4099, is 752,144 bytes as PNG and 344,213 as JPEG at
// quality 85; with three photos from a phone camera (3000×2250, detailed),
// 1080×4339, 3,326,883 bytes as PNG and 664,813 as JPEG; with nine such
// photos, 1080×9295, 9,470,919 bytes as PNG and 1,596,461 as JPEG. So PNG
// keeps the text sharpest and fits for a few photos, and JPEG at 85 fits
// always, at a fifth to a sixth of the size: chamberctl writes what --out
// names, and a save dialog should offer .jpg first. PNG is compressed at
// the fastest level: the default level made the demo's file 10% smaller
// but took 325 ms instead of 145 ms.
func Render(ctx context.Context, in Input, opts Options) ([]byte, error) {
	img, err := Draw(ctx, in, opts.Width)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return encodeWithin(img, opts)
}

// encodeWithin encodes img as opts asks, within MaxBytes (see Render).
func encodeWithin(img image.Image, opts Options) ([]byte, error) {
	b, err := encode(img, opts)
	if err != nil {
		return nil, err
	}
	if opts.Format == JPEG {
		q := quality(opts)
		for len(b) > MaxBytes && q > minQuality {
			q = max(minQuality, q-10)
			if b, err = encode(img, Options{Format: JPEG, Quality: q}); err != nil {
				return nil, err
			}
		}
	}
	if len(b) > MaxBytes {
		return nil, tooLarge(len(b), opts.Format)
	}
	return b, nil
}

func tooLarge(n int, f Format) error {
	mb := float64(n) / (1 << 20)
	e := &data.Error{Code: CodeTooLarge, Value: fmt.Sprintf("%.1f MB", mb),
		Msg:    fmt.Sprintf("长图有 %.1f MB，超过微信不压缩发送的 %d MB", mb, MaxBytes>>20),
		MsgEN:  fmt.Sprintf("the long image is %.1f MB, over the %d MB WeChat sends without recompressing", mb, MaxBytes>>20),
		Reason: fmt.Sprintf("long image %d bytes over %d", n, MaxBytes)}
	if f == PNG {
		e.Msg += "；请改存为 .jpg 文件"
		e.MsgEN += "; save it as a .jpg file instead"
	}
	return e
}

func quality(opts Options) int {
	if opts.Quality == 0 {
		return DefaultQuality
	}
	return min(100, max(1, opts.Quality))
}

func encode(img image.Image, opts Options) ([]byte, error) {
	var buf bytes.Buffer
	var err error
	switch opts.Format {
	case JPEG:
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: quality(opts)})
	default:
		err = (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, img)
	}
	if err != nil {
		return nil, &data.Error{Code: CodeEncode, Msg: "活动长图编码失败", MsgEN: "the long image could not be encoded",
			Reason: "encoding the long image failed", Err: err}
	}
	return buf.Bytes(), nil
}

// WriteFile writes an encoded picture to path whole or not at all, with
// the program's one atomic writer (data.WriteFileAtomic). The picture is
// an ordinary file the person will share, hence mode 0644.
func WriteFile(path string, b []byte) error {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return data.IsFolderError(path)
	}
	return data.WriteFileAtomic(path, 0o644, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
}
