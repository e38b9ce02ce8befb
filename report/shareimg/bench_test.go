package shareimg

import (
	"bytes"
	"context"
	"image/jpeg"
	"testing"
)

// BenchmarkLongImage is the long picture of a demo activity with three
// photos, 1080 wide, drawn and encoded as the CLI writes a .jpg: each
// photo decoded, turned upright and scaled, the text wrapped and set.
// Target: 300 ms. There is no bare baseline to compare with (no library
// lays out such a picture); make bench reports its median.
func BenchmarkLongImage(b *testing.B) {
	needFont(b)
	in := demoInput(b)
	ctx := context.Background()
	for b.Loop() {
		out, err := Render(ctx, in, Options{Format: JPEG})
		if err != nil {
			b.Fatal(err)
		}
		cfg, err := jpeg.DecodeConfig(bytes.NewReader(out))
		if err != nil || cfg.Width != DefaultWidth {
			b.Fatalf("the picture is %d wide (%v)", cfg.Width, err)
		}
	}
}

// BenchmarkLongImagePNG is the same picture encoded as PNG, which takes
// about twice as long as JPEG. Target: 300 ms as well.
func BenchmarkLongImagePNG(b *testing.B) {
	needFont(b)
	in := demoInput(b)
	ctx := context.Background()
	for b.Loop() {
		if _, err := Render(ctx, in, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
