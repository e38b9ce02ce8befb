package shareimg

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"math/rand/v2"
	"strings"
	"testing"

	"chamberdesk/data"
)

// cameraPhoto is a JPEG the way a phone writes one: w×h pixels of a scene
// with smooth light and detail everywhere (texture, leaves, cloth, sensor
// noise) that survives scaling down, which is what makes photos hard to
// compress losslessly.
func cameraPhoto(tb testing.TB, w, h int, seed uint64) []byte {
	tb.Helper()
	r := rand.New(rand.NewPCG(seed, 1))
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	const grain = 3 // pixels of a detail: about one pixel once scaled to the picture
	for by := 0; by < h; by += grain {
		for bx := 0; bx < w; bx += grain {
			n := r.IntN(41) - 20
			c := func(base int) uint8 { return uint8(min(255, max(0, base+n))) }
			px := color.RGBA{c(90 + 120*bx/w), c(110 + 80*by/h), c(160 - 60*(bx+by)/(w+h)), 255}
			for y := by; y < min(h, by+grain); y++ {
				for x := bx; x < min(w, bx+grain); x++ {
					i := img.PixOffset(x, y)
					img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = px.R, px.G, px.B, 255
				}
			}
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// TestSizeLimit measures the demo picture and one with nine camera-sized
// photos (the most it shows), as PNG and as JPEG at the default quality:
// every JPEG stays under MaxBytes, WeChat's limit before it recompresses,
// and a PNG over it is refused, asking for .jpg. (Three camera photos
// measured 3.3 MB as PNG, 0.66 MB as JPEG: see Render.)
func TestSizeLimit(t *testing.T) {
	needFont(t)
	ctx := context.Background()
	demoIn := demoInput(t)
	cam9 := demoIn
	cam9.Photos = nil
	cam := Photo{Name: "camera.jpg", Bytes: cameraPhoto(t, 3000, 2250, 1), Caption: "现场照片"}
	for range MaxPhotos {
		cam9.Photos = append(cam9.Photos, cam)
	}

	img, err := Draw(ctx, demoIn, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []Format{PNG, JPEG} {
		b, err := encodeWithin(img, Options{Format: f})
		if err != nil {
			t.Fatalf("the demo picture, format %d: %v", f, err)
		}
		t.Logf("demo %v, format %d: %d bytes", img.Bounds().Size(), f, len(b))
	}

	img, err = Draw(ctx, cam9, 0)
	if err != nil {
		t.Fatal(err)
	}
	j, err := encodeWithin(img, Options{Format: JPEG})
	if err != nil || len(j) > MaxBytes {
		t.Fatalf("nine camera photos as JPEG: %d bytes, %v", len(j), err)
	}
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(j))
	if err != nil || cfg.Width != DefaultWidth {
		t.Fatalf("the JPEG does not read back at %d wide: %+v %v", DefaultWidth, cfg, err)
	}
	_, err = encodeWithin(img, Options{Format: PNG})
	var de *data.Error
	if !errors.As(err, &de) || de.Code != CodeTooLarge || !strings.Contains(de.Msg, ".jpg") || !strings.Contains(de.MsgEN, ".jpg") {
		t.Fatalf("a PNG of nine camera photos: %v, want %s asking for .jpg", err, CodeTooLarge)
	}
	t.Logf("nine camera photos %v: JPEG %d bytes; PNG refused: %s", img.Bounds().Size(), len(j), de.Value)
}
