package shareimg

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"path/filepath"
	"strings"

	"chamberdesk/data"
)

// Format is how the picture is encoded.
type Format int

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

// MaxBytes is the largest picture WeChat sends as it is; it recompresses
// larger ones, blurring the text.
const MaxBytes = 5 << 20

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

// Render draws the picture of in and encodes it as opts asks.
//
// Measured on the demo chamber (an activity with three photos, 1080 wide,
// about 1080×5000): PNG ... bytes, JPEG at quality 85 ... bytes; with
// three 12-megapixel camera photos PNG ... bytes, JPEG ... bytes. See
// TestSizeLimit.
func Render(ctx context.Context, in Input, opts Options) ([]byte, error) {
	img, err := Draw(ctx, in, opts.Width)
	if err != nil {
		return nil, err
	}
	return encode(img, opts)
}

func encode(img image.Image, opts Options) ([]byte, error) {
	var buf bytes.Buffer
	var err error
	switch opts.Format {
	case JPEG:
		q := opts.Quality
		if q == 0 {
			q = DefaultQuality
		}
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: min(100, max(1, q))})
	default:
		err = (&png.Encoder{CompressionLevel: png.DefaultCompression}).Encode(&buf, img)
	}
	if err != nil {
		return nil, &data.Error{Code: CodeEncode, Msg: "活动长图编码失败", MsgEN: "the long image could not be encoded",
			Reason: "encoding the long image failed", Err: err}
	}
	return buf.Bytes(), nil
}
