package data_test

import (
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"chamberdesk/data"

	"chamberdesk/data/datatest"
)

// FuzzCheckPhoto feeds hostile bytes to both photo loaders, the one for a
// picked file (CheckPhoto) and the one for a stored file (Thumbnail). The
// committed seeds in testdata/fuzz/FuzzCheckPhoto are photos and headers
// that lie: frames of 65000×65000, a 60-megapixel one-pixel-wide PNG,
// progressive and CMYK JPEG headers, bad EXIF, cut-off and empty files.
// Whatever the bytes, neither may panic or return anything but a
// *data.Error, and a thumbnail fits the size asked for.
func FuzzCheckPhoto(f *testing.F) {
	dir := datatest.TempDir(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := data.CheckPhoto("f.jpg", b, 48)
		if err != nil {
			if _, ok := data.AsError(err); !ok {
				t.Fatalf("CheckPhoto error %T: %v", err, err)
			}
		} else if bb := p.Thumb.Bounds(); bb.Dx() < 1 || bb.Dy() < 1 || bb.Dx() > 48 || bb.Dy() > 48 ||
			p.Width < 1 || p.Height < 1 || p.Width*p.Height > data.MaxPhotoPixels {
			t.Fatalf("CheckPhoto accepted %dx%d, thumbnail %v", p.Width, p.Height, bb)
		}
		path := filepath.Join(dir, "f.jpg")
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
		img, terr := data.Thumbnail(path, 48)
		if terr != nil {
			if _, ok := data.AsError(terr); !ok {
				t.Fatalf("Thumbnail error %T: %v", terr, terr)
			}
			return
		}
		if bb := img.Bounds(); bb.Dx() > 48 || bb.Dy() > 48 {
			t.Fatalf("thumbnail %v", bb)
		}
	})
}

// seedBytes reads one committed seed file.
func seedBytes(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "fuzz", "FuzzCheckPhoto", name))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitN(string(b), "\n", 3)
	if len(lines) < 2 || !strings.HasPrefix(lines[1], "[]byte(") {
		t.Fatalf("seed %s: not a fuzz corpus file", name)
	}
	s, err := strconv.Unquote(strings.TrimSuffix(strings.TrimPrefix(lines[1], "[]byte("), ")"))
	if err != nil {
		t.Fatalf("seed %s: %v", name, err)
	}
	return []byte(s)
}

// TestPhotoMemoryBound measures what loading each seed, and a real
// 12-megapixel photo, allocates: none may pass the decode bound the loaders
// promise (256 MB of pixels, on top of the file itself).
func TestPhotoMemoryBound(t *testing.T) {
	entries, err := os.ReadDir(filepath.Join("testdata", "fuzz", "FuzzCheckPhoto"))
	if err != nil || len(entries) < 10 {
		t.Fatalf("seeds: %d, %v", len(entries), err)
	}
	const bound = 256<<20 + data.MaxPhotoBytes
	inputs := map[string][]byte{"photo-12mp.jpg": photoBytes(t, 4000, 3000, "jpeg")}
	for _, e := range entries {
		inputs[e.Name()] = seedBytes(t, e.Name())
	}
	dir := datatest.TempDir(t)
	var worst uint64
	for name, b := range inputs {
		path := filepath.Join(dir, "seed")
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, errCheck := data.CheckPhoto(name, b, 320)
		_, errThumb := data.Thumbnail(path, 320)
		runtime.ReadMemStats(&after)
		alloc := after.TotalAlloc - before.TotalAlloc
		worst = max(worst, alloc)
		if alloc > bound {
			t.Errorf("%s: loading allocated %d MB, bound %d MB", name, alloc>>20, bound>>20)
		}
		t.Logf("%-24s %7.1f MB allocated  check: %v  thumbnail: %v", name, float64(alloc)/(1<<20), errCode(errCheck), errCode(errThumb))
	}
	t.Logf("most allocated by one load (CheckPhoto + Thumbnail): %.1f MB, bound %d MB", float64(worst)/(1<<20), bound>>20)
}
