package ui

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestScreenshots renders every main screen on the demo chamber with Fyne's
// software painter. It always checks that each screen draws something; with
// SCREENSHOTS_DIR set (make screenshots) it also writes the PNGs there for a
// person to look at, and the English ones in its en/ folder.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("SCREENSHOTS_DIR")
	a := newTestApp(t, demoCopy(t))
	a.win.Resize(fyne.NewSize(1280, 800))
	for i, n := range navItems() {
		a.show(n.key)
		img := a.win.Canvas().Capture()
		if blank(img) {
			t.Errorf("screen %s rendered blank", n.key)
		}
		if dir != "" {
			writePNG(t, filepath.Join(dir, screenshotName(i, n.key)), img)
		}
	}
	for name, img := range caseEditorShots(t, a) {
		if dir != "" {
			writePNG(t, filepath.Join(dir, name), img)
		}
	}
	if dir == "" {
		return
	}
	w := newTestApp(t, filepath.Join(t.TempDir(), "new.db"))
	w.win.Resize(fyne.NewSize(1280, 800))
	writePNG(t, filepath.Join(dir, "00_welcome.png"), w.win.Canvas().Capture())
	screenshotsEnglish(t, filepath.Join(dir, "en"))
}

// screenshotsEnglish writes the same screens with the language set to
// English in the preferences, into dir.
func screenshotsEnglish(t *testing.T, dir string) {
	t.Cleanup(func() { _ = setLanguage(langChinese) })
	fa := test.NewTempApp(t)
	fa.Preferences().SetString(prefLanguage, langEnglish)
	e := New(fa, Options{DBPath: demoCopy(t)})
	t.Cleanup(e.Close)
	e.win.Resize(fyne.NewSize(1280, 800))
	e.win.Show()
	for i, n := range navItems() {
		e.show(n.key)
		writePNG(t, filepath.Join(dir, screenshotName(i, n.key)), e.win.Canvas().Capture())
	}
	w := New(fa, Options{DBPath: filepath.Join(t.TempDir(), "new.db")})
	t.Cleanup(w.Close)
	w.win.Resize(fyne.NewSize(1280, 800))
	w.win.Show()
	writePNG(t, filepath.Join(dir, "00_welcome.png"), w.win.Canvas().Capture())
}

func screenshotName(i int, key string) string {
	return string(rune('0'+(i+1)/10)) + string(rune('0'+(i+1)%10)) + "_" + key + ".png"
}

func writePNG(t *testing.T, path string, img image.Image) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

// blank reports whether img is a single colour.
func blank(img image.Image) bool {
	b := img.Bounds()
	first := img.At(b.Min.X, b.Min.Y)
	r0, g0, b0, _ := first.RGBA()
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			r, g, bb, _ := img.At(x, y).RGBA()
			if r != r0 || g != g0 || bb != b0 {
				return false
			}
		}
	}
	return true
}
