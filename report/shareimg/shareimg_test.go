package shareimg

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"os"
	"strings"
	"testing"
	"time"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"chamberdesk/assets/fonts"
	"chamberdesk/data"
	"chamberdesk/data/datatest"
)

func TestLoad(t *testing.T) {
	in := demoInput(t)
	ctx := context.Background()
	org, err := demoStore.Organization(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if in.Chamber != org.Name || in.Title == "" || in.Date.IsZero() || in.Content == "" {
		t.Fatalf("loaded %+v", in)
	}
	if in.PersonTimes != in.Members+in.Outside || in.Members == 0 || in.Outside == 0 {
		t.Errorf("人次 %d, members %d, outside %d", in.PersonTimes, in.Members, in.Outside)
	}
	if len(in.Outcomes) == 0 {
		t.Fatal("no outcome figures")
	}
	for _, f := range in.Outcomes {
		// Named by the catalog, not by a metric key such as projects_signed.
		if f.Name == "" || strings.ContainsAny(f.Name, "_abcdefghijklmnopqrstuvwxyz") || f.Value == "" {
			t.Errorf("figure %q", f.String())
		}
	}
	for _, p := range in.Photos {
		if len(p.Bytes) == 0 || p.Caption == "" {
			t.Errorf("photo %q: %d bytes, caption %q", p.Name, len(p.Bytes), p.Caption)
		}
	}

	_, err = Load(ctx, demoStore, 999999)
	var de *data.Error
	if !errors.As(err, &de) || de.Code != data.CodeNotFound {
		t.Errorf("no such activity: %v", err)
	}
}

// TestWidth draws the demo picture at the default width and at 750: each
// exactly as wide as asked, the layout scaled, not cut.
func TestWidth(t *testing.T) {
	needFont(t)
	in := demoInput(t)
	ctx := context.Background()
	heights := map[int]int{}
	for _, w := range []int{0, 1080, 750} {
		img, err := Draw(ctx, in, w)
		if err != nil {
			t.Fatal(err)
		}
		want := w
		if w == 0 {
			want = DefaultWidth
		}
		if b := img.Bounds(); b.Min != (image.Point{}) || b.Dx() != want {
			t.Errorf("width %d: the picture is %v", w, b)
		}
		heights[want] = img.Bounds().Dy()
	}
	// The layout scales with the width, so the height nearly does too.
	if r := float64(heights[750]) / float64(heights[1080]); r < 0.65 || r > 0.75 {
		t.Errorf("heights %v: 750 wide is %.2f of 1080 wide, want about 0.69", heights, r)
	}
	for _, w := range []int{100, MinWidth - 1, MaxWidth + 1} {
		var de *data.Error
		if _, err := Draw(ctx, in, w); !errors.As(err, &de) || de.Code != CodeDraw {
			t.Errorf("width %d: %v", w, err)
		}
	}
	b, err := Render(ctx, in, Options{Width: 750, Format: JPEG})
	if err != nil {
		t.Fatal(err)
	}
	if cfg, err := jpeg.DecodeConfig(bytes.NewReader(b)); err != nil || cfg.Width != 750 {
		t.Errorf("the JPEG reads back as %+v, %v", cfg, err)
	}
}

// TestHeightGrows adds text, then a photo: the picture grows each time,
// its width stays.
func TestHeightGrows(t *testing.T) {
	needFont(t)
	in := demoInput(t)
	ctx := context.Background()
	height := func(in Input) int {
		t.Helper()
		img, err := Draw(ctx, in, 0)
		if err != nil {
			t.Fatal(err)
		}
		if img.Bounds().Dx() != DefaultWidth {
			t.Fatalf("width %d", img.Bounds().Dx())
		}
		return img.Bounds().Dy()
	}
	h0 := height(in)
	longer := in
	longer.Content = in.Content + "\n" + in.Content + in.Content
	h1 := height(longer)
	more := longer
	more.Photos = append(append([]Photo(nil), longer.Photos...), longer.Photos[0])
	h2 := height(more)
	if !(h0 < h1 && h1 < h2) {
		t.Errorf("heights %d, then %d with more text, then %d with a photo more", h0, h1, h2)
	}
	// A third of the text again is several lines at 65 pixels a line.
	if h1-h0 < 3*65 {
		t.Errorf("more text adds only %d pixels", h1-h0)
	}
}

// orientedJPEG is a w×h JPEG, red along its stored top edge and blue
// elsewhere, with an EXIF orientation tag o (0 for none): how a phone
// stores a photo taken upright (6) or the other way round (8).
func orientedJPEG(t *testing.T, w, h int, o uint16) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.RGBA{40, 60, 200, 255}), image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(0, 0, w, h/10), image.NewUniform(color.RGBA{220, 20, 20, 255}), image.Point{}, draw.Src)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	if o == 0 {
		return b
	}
	// APP1 "Exif": a big-endian TIFF header and IFD0 with one entry,
	// Orientation (0x0112), type SHORT, count 1.
	tiff := []byte{'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, byte(o >> 8), byte(o), 0, 0, 0, 0, 0, 0}
	payload := append([]byte("Exif\x00\x00"), tiff...)
	seg := append([]byte{0xFF, 0xE1, byte((len(payload) + 2) >> 8), byte(len(payload) + 2)}, payload...)
	return append(append(append([]byte(nil), b[:2]...), seg...), b[2:]...)
}

func isRed(c color.RGBA) bool  { return c.R > 170 && c.G < 80 && c.B < 80 }
func isBlue(c color.RGBA) bool { return c.B > 150 && c.R < 90 }

// TestPhotosUpright draws photos stored on their side, as phones store
// them, with EXIF orientation 6 and 8, and one without a tag: each comes
// out the right way up, its red stored top edge on the right (6), on the
// left (8) or at the top (none).
func TestPhotosUpright(t *testing.T) {
	needFont(t)
	in := demoInput(t)
	in.Photos = []Photo{
		{Name: "six.jpg", Bytes: orientedJPEG(t, 400, 200, 6), Caption: "竖拍（6）"},
		{Name: "eight.jpg", Bytes: orientedJPEG(t, 400, 200, 8), Caption: "竖拍（8）"},
		{Name: "none.jpg", Bytes: orientedJPEG(t, 400, 200, 0), Caption: "横拍"},
	}
	img, l, err := draw1(context.Background(), in, DefaultWidth)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.photos) != 3 {
		t.Fatalf("%d photos drawn", len(l.photos))
	}
	at := func(x, y int) color.RGBA { return img.RGBAAt(x, y) }
	for i, want := range []string{"right", "left", "top"} {
		r := l.photos[i]
		if !r.In(img.Bounds()) || r.Dx() < l.width()/3 {
			t.Fatalf("photo %d drawn at %v", i, r)
		}
		portrait := r.Dy() > r.Dx()
		if portrait != (want != "top") {
			t.Errorf("photo %d is %v: portrait %v, want the red edge %s", i, r.Size(), portrait, want)
		}
		in := 8 // pixels in from an edge, past the scaling's blend
		mx, my := (r.Min.X+r.Max.X)/2, (r.Min.Y+r.Max.Y)/2
		edges := map[string]color.RGBA{
			"top": at(mx, r.Min.Y+in), "bottom": at(mx, r.Max.Y-1-in),
			"left": at(r.Min.X+in, my), "right": at(r.Max.X-1-in, my),
		}
		for side, c := range edges {
			if side == want && !isRed(c) {
				t.Errorf("photo %d: the %s edge is %v, want red", i, side, c)
			}
			if side != want && !isBlue(c) {
				t.Errorf("photo %d: the %s edge is %v, want blue", i, side, c)
			}
		}
	}
}

// TestMissingPhoto loads an activity whose photo file is gone from the
// data folder: the picture is made, with a grey box in its place.
func TestMissingPhoto(t *testing.T) {
	needFont(t)
	ctx := context.Background()
	s := datatest.MustOpen(t)
	datatest.MustOrg(t, s)
	id, err := s.CreateActivity(ctx, data.Activity{Title: "会员座谈会", Type: "政企座谈", Date: datatest.Clock,
		Place: "商会会议室", Content: "座谈交流。", OutsideCount: 3})
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.AddPhoto(ctx, id, "合影.jpg", orientedJPEG(t, 400, 300, 0), "合影", datatest.Clock)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(s.AttachmentPath(a)); err != nil {
		t.Fatal(err)
	}
	in, err := Load(ctx, s, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(in.Photos) != 1 || in.Photos[0].Bytes != nil || in.PersonTimes != 3 || in.Chamber != "测试镇商会" {
		t.Fatalf("loaded %+v", in)
	}
	img, l, err := draw1(ctx, in, DefaultWidth)
	if err != nil {
		t.Fatal(err)
	}
	r := l.photos[0]
	if c := img.RGBAAt(r.Min.X+5, r.Min.Y+5); c != colMissing {
		t.Errorf("the missing photo's box is %v", c)
	}
}

// TestTitleGlyphs draws each character of a demo title at the title's
// size and compares it with the font's missing-glyph box (what a character
// the font lacks is drawn as): none may be the box, or empty, and the
// title's area of the picture must hold ink.
func TestTitleGlyphs(t *testing.T) {
	f := needFont(t)
	in := demoInput(t)
	if m := f.Missing(in.Title); m != "" {
		t.Fatalf("%s lacks %q of the title %q", f.Name, m, in.Title)
	}
	of, err := loadFont()
	if err != nil {
		t.Fatal(err)
	}
	fs := newFaces(of)
	defer fs.close()
	face := fs.at(sizeTitle)
	glyph := func(r rune) *image.Gray {
		img := image.NewGray(image.Rect(0, 0, 2*sizeTitle, 2*sizeTitle))
		d := font.Drawer{Dst: img, Src: image.White, Face: face, Dot: fixed.P(sizeTitle/2, sizeTitle*3/2)}
		d.DrawString(string(r))
		return img
	}
	// U+10FFFD is a private-use character no font maps.
	var buf sfnt.Buffer
	if gi, err := of.GlyphIndex(&buf, 0x10FFFD); err != nil || gi != 0 {
		t.Fatalf("U+10FFFD maps to glyph %d (%v): no missing-glyph box to compare with", gi, err)
	}
	box := glyph(0x10FFFD)
	if ink(box) == 0 {
		t.Fatal("the missing-glyph box draws nothing: the comparison would prove nothing")
	}
	for _, r := range in.Title {
		if r == ' ' {
			continue
		}
		g := glyph(r)
		if gi, err := of.GlyphIndex(&buf, r); err != nil || gi == 0 {
			t.Errorf("%c has no glyph (%v)", r, err)
		}
		if bytes.Equal(g.Pix, box.Pix) {
			t.Errorf("%c is drawn as the missing-glyph box", r)
		}
		if ink(g) == 0 {
			t.Errorf("%c draws nothing", r)
		}
	}

	img, l, err := draw1(context.Background(), in, DefaultWidth)
	if err != nil {
		t.Fatal(err)
	}
	if l.title.Empty() || ink(toGray(img.SubImage(l.title))) < 200 {
		t.Errorf("the title's area %v of the picture is blank", l.title)
	}
}

// ink counts the pixels of g that are drawn.
func ink(g *image.Gray) int {
	n := 0
	for _, v := range g.Pix {
		if v > 128 {
			n++
		}
	}
	return n
}

// toGray turns dark pixels (text on white) into ink.
func toGray(m image.Image) *image.Gray {
	b := m.Bounds()
	g := image.NewGray(b)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if c := color.GrayModel.Convert(m.At(x, y)).(color.Gray); c.Y < 100 {
				g.SetGray(x, y, color.Gray{Y: 255})
			}
		}
	}
	return g
}

// TestNoFont: without a Chinese font no picture is made, and the error
// says what to install, as the PDFs do.
func TestNoFont(t *testing.T) {
	saved := chineseFont
	chineseFont = func() (*fonts.Font, error) { return nil, fonts.ErrNotFound }
	defer func() { chineseFont = saved }()
	_, err := Render(context.Background(), Input{Title: "会员大会"}, Options{})
	var de *data.Error
	if !errors.As(err, &de) || de.Code != CodeNoFont || !strings.Contains(de.Msg, "中文字体") ||
		!strings.Contains(de.MsgEN, fonts.EnvFont) {
		t.Fatalf("without a font: %v", err)
	}
}

func TestDateLine(t *testing.T) {
	d := func(y, m, day int) time.Time { return time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC) }
	for _, c := range []struct {
		from, to time.Time
		want     string
	}{
		{d(2026, 3, 5), time.Time{}, "2026年3月5日（星期四）"},
		{d(2026, 3, 5), d(2026, 3, 7), "2026年3月5日（星期四）至7日（星期六）"},
		{d(2026, 3, 30), d(2026, 4, 1), "2026年3月30日（星期一）至4月1日（星期三）"},
		{d(2026, 12, 31), d(2027, 1, 2), "2026年12月31日（星期四）至2027年1月2日（星期六）"},
		{d(2026, 3, 5), d(2026, 3, 5), "2026年3月5日（星期四）"},
	} {
		if got := dateLine(c.from, c.to); got != c.want {
			t.Errorf("dateLine(%v, %v) = %q, want %q", c.from, c.to, got, c.want)
		}
	}
}
