package shareimg

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// TestLook writes the demo picture at 1080 and 750 pixels, PNG and JPEG,
// into $SHAREIMG_KEEP_DIR for a person to look at; without it, it only
// checks they are made.
func TestLook(t *testing.T) {
	needFont(t)
	in := demoInput(t)
	dir := os.Getenv("SHAREIMG_KEEP_DIR")
	for _, c := range []struct {
		name string
		opts Options
	}{
		{"longimage.png", Options{}},
		{"longimage.jpg", Options{Format: JPEG}},
		{"longimage750.png", Options{Width: 750}},
	} {
		b, err := Render(context.Background(), in, c.opts)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d bytes", c.name, len(b))
		if dir != "" {
			if err := os.WriteFile(filepath.Join(dir, c.name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
