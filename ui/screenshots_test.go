package ui

import (
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
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
		a.wait() // screens that load in the background
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
	fa := newThreadApp(t)
	fa.Preferences().SetString(prefLanguage, langEnglish)
	e := openTestApp(t, fa, demoCopy(t))
	for i, n := range navItems() {
		e.show(n.key)
		e.wait()
		writePNG(t, filepath.Join(dir, screenshotName(i, n.key)), e.win.Canvas().Capture())
	}
	w := openTestApp(t, fa, filepath.Join(t.TempDir(), "new.db"))
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

// A rendering a person looks at must show something and say what it is of.
// A flat fill has one or two colours; the screens and dialogs here, with
// their anti-aliased text, have from about 500 to thousands, and cover 4 %
// (a short list in a large dialog) to 60 % of their area with something
// other than their background.
const (
	shotMinColours = 100
	shotMinInk     = 0.02
)

// checkShot renders w and checks that region (a screen's content or the
// dialog on top) is drawn — many colours, much of it off the background —
// and that one of the texts it draws shows title. With SHOT_DIR set the
// rendering is written there as name, for a person to look at.
func checkShot(t *testing.T, w fyne.Window, region fyne.CanvasObject, name, title string) {
	t.Helper()
	img := w.Canvas().Capture()
	area, ok := drawnArea(w.Canvas(), region, img.Bounds())
	if !ok {
		t.Errorf("%s: the region checked is not on the window", name)
		area = img.Bounds()
	}
	if colours, ink := inkStats(img, area); colours < shotMinColours || ink < shotMinInk {
		t.Errorf("%s: %v drawn in %d colours with %.1f%% off the background; want at least %d colours and %.0f%%",
			name, area, colours, 100*ink, shotMinColours, 100*shotMinInk)
	}
	var drawnText []string // as the renderers draw it, truncated or not
	walk(region, func(o fyne.CanvasObject) {
		if tx, ok := o.(*canvas.Text); ok && strings.Contains(tx.Text, title) {
			drawnText = append(drawnText, tx.Text)
		}
	})
	if len(drawnText) == 0 {
		t.Errorf("%s: %q is not drawn; the texts are %q", name, title, texts(region))
	}
	if dir := os.Getenv("SHOT_DIR"); dir != "" {
		writePNG(t, filepath.Join(dir, name), img)
	}
}

// screenRegion is the content of the screen on display, for checkShot.
func screenRegion(a *App) fyne.CanvasObject { return a.views[a.nav.Selected()] }

// dialogRegion is the box of the dialog on top, for checkShot: without the
// window it dims, which would pass for a drawn dialog.
func dialogRegion(t *testing.T, a *App) fyne.CanvasObject {
	t.Helper()
	top := a.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is open")
	}
	if p, ok := top.(*widget.PopUp); ok {
		return p.Content
	}
	return top
}

// drawnArea is where region is in img, the capture of c: its position is
// summed over the objects that hold it, as drawn now.
func drawnArea(c fyne.Canvas, region fyne.CanvasObject, img image.Rectangle) (image.Rectangle, bool) {
	roots := append([]fyne.CanvasObject{c.Content()}, c.Overlays().List()...)
	for _, root := range roots {
		if pos, ok := positionOf(root, region, fyne.Position{}); ok {
			scale := float32(img.Dx()) / c.Size().Width
			size := region.Size()
			r := image.Rect(int(pos.X*scale), int(pos.Y*scale),
				int((pos.X+size.Width)*scale), int((pos.Y+size.Height)*scale))
			r = r.Intersect(img)
			return r, !r.Empty()
		}
	}
	return image.Rectangle{}, false
}

func positionOf(o, target fyne.CanvasObject, parent fyne.Position) (fyne.Position, bool) {
	if o == nil || !o.Visible() {
		return fyne.Position{}, false
	}
	at := parent.Add(o.Position())
	if o == target {
		return at, true
	}
	var children []fyne.CanvasObject
	switch x := o.(type) {
	case fyne.Widget:
		children = test.WidgetRenderer(x).Objects()
	case *fyne.Container:
		children = x.Objects
	}
	for _, child := range children {
		if p, ok := positionOf(child, target, at); ok {
			return p, true
		}
	}
	return fyne.Position{}, false
}

// inkStats counts the distinct colours in area of img and the share of its
// pixels that differ from the commonest one, the background.
func inkStats(img image.Image, area image.Rectangle) (colours int, ink float64) {
	count := map[color.NRGBA]int{}
	nrgba, _ := img.(*image.NRGBA) // what the test canvas captures; read directly, as -race slows At
	for y := area.Min.Y; y < area.Max.Y; y++ {
		for x := area.Min.X; x < area.Max.X; x++ {
			if nrgba != nil {
				count[nrgba.NRGBAAt(x, y)]++
				continue
			}
			count[color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)]++
		}
	}
	top, all := 0, 0
	for _, n := range count {
		top = max(top, n)
		all += n
	}
	if all == 0 {
		return 0, 0
	}
	return len(count), float64(all-top) / float64(all)
}
