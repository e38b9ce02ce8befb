package shareimg

import (
	"context"
	"fmt"
	"image"
	"image/color"
	"math"
	"strings"

	"golang.org/x/image/draw"
	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"

	"chamberdesk/data"
	"chamberdesk/report/textwrap"
)

// The layout is designed at 1080 pixels across, the width WeChat keeps,
// and scaled to the width asked for. Sizes are in pixels at 1080.
const (
	designW = 1080
	margin  = 60

	sizeChamber = 34
	sizeTitle   = 60
	sizeMeta    = 31
	sizeBody    = 37
	sizeCaption = 29
	sizeHeading = 38
	sizeValue   = 64
	sizeUnit    = 30
	sizeName    = 28
	sizeFooter  = 30
	sizeMade    = 25
)

var (
	colWhite   = color.RGBA{255, 255, 255, 255}
	colBand    = color.RGBA{168, 28, 34, 255} // the red of a chamber's banner
	colBandSub = color.RGBA{246, 214, 206, 255}
	colTitle   = color.RGBA{28, 28, 28, 255}
	colText    = color.RGBA{51, 51, 51, 255}
	colMuted   = color.RGBA{118, 118, 118, 255}
	colRule    = color.RGBA{226, 226, 226, 255}
	colAccent  = colBand
	colTile    = color.RGBA{251, 243, 240, 255}
	colMissing = color.RGBA{215, 215, 215, 255}
	colFooter  = color.RGBA{244, 244, 244, 255}
)

// layout places everything top to bottom first, as a list of drawing
// steps at known heights, so the picture is allocated once at its final
// height.
type layout struct {
	w, y  int     // width; height so far
	scale float64 // w / designW
	fs    *faces
	steps []func(*image.RGBA)
	// title and photos are where the title and the photos were drawn,
	// for the tests.
	title  image.Rectangle
	photos []image.Rectangle
}

func (l *layout) px(v float64) int { return int(math.Round(v * l.scale)) }

func (l *layout) size(v float64) float64 { return v * l.scale }

func (l *layout) left() int { return l.px(margin) }

func (l *layout) width() int { return l.w - 2*l.px(margin) }

func (l *layout) measure(size float64) textwrap.Measure {
	face := l.fs.at(l.size(size))
	return func(s string) float64 { return fix(font.MeasureString(face, s)) }
}

func fix(v fixed.Int26_6) float64 { return float64(v) / 64 }

func (l *layout) step(f func(*image.RGBA)) { l.steps = append(l.steps, f) }

func (l *layout) space(v float64) { l.y += l.px(v) }

// fill paints a rectangle.
func (l *layout) fill(r image.Rectangle, c color.Color) {
	l.step(func(img *image.RGBA) { draw.Draw(img, r, image.NewUniform(c), image.Point{}, draw.Src) })
}

// lines sets text wrapped to width w at x, each line lineH times the
// type size tall, aligned "L" or "C" within w; it returns the height
// taken.
func (l *layout) lines(ls []string, x, w int, size, lineH float64, c color.Color, align string) int {
	face := l.fs.at(l.size(size))
	m := face.Metrics()
	asc, desc := fix(m.Ascent), fix(m.Descent)
	h := l.size(size) * lineH
	top := float64(l.y)
	for _, s := range ls {
		base := top + (h-(asc+desc))/2 + asc
		dx := 0.0
		if align == "C" {
			dx = (float64(w) - fix(font.MeasureString(face, s))) / 2
		}
		dot := fixed.Point26_6{X: fixed.Int26_6((float64(x) + dx) * 64), Y: fixed.Int26_6(base * 64)}
		l.step(func(img *image.RGBA) {
			d := font.Drawer{Dst: img, Src: image.NewUniform(c), Face: face, Dot: dot}
			d.DrawString(s)
		})
		top += h
	}
	taken := int(math.Round(top)) - l.y
	l.y += taken
	return taken
}

// text wraps s to the width w and sets it; see lines.
func (l *layout) text(s string, x, w int, size, lineH float64, c color.Color, align string) int {
	return l.lines(textwrap.Wrap(s, float64(w), l.measure(size)), x, w, size, lineH, c, align)
}

// draw lays out and draws the picture of in, width pixels wide.
func draw1(ctx context.Context, in Input, width int) (*image.RGBA, *layout, error) {
	f, err := loadFont()
	if err != nil {
		return nil, nil, err
	}
	l := &layout{w: width, scale: float64(width) / designW, fs: newFaces(f)}
	defer l.fs.close()
	maxPhotoH := l.width() * 5 / 4
	pics, err := decodePhotos(ctx, in.Photos, maxPhotoH)
	if err != nil {
		return nil, nil, err
	}

	l.header(in.Chamber)
	l.space(56)
	top := l.y
	l.text(tidy(in.Title), l.left(), l.width(), sizeTitle, 1.32, colTitle, "L")
	l.title = image.Rect(l.left(), top, l.left()+l.width(), l.y)
	l.space(28)
	l.facts(in)
	if paras := textwrap.Paragraphs(tidy(in.Content)); len(paras) > 0 {
		l.space(36)
		l.rule()
		l.space(36)
		for i, p := range paras {
			if i > 0 {
				l.space(sizeBody * 0.6)
			}
			l.text("\u3000\u3000"+p, l.left(), l.width(), sizeBody, 1.75, colText, "L")
		}
	}
	for _, p := range pics {
		l.space(48)
		l.photo(p, maxPhotoH)
	}
	l.space(56)
	l.figures(in)
	l.space(64)
	l.footer(in)
	if l.fs.err != nil {
		return nil, nil, &data.Error{Code: CodeDraw, Msg: "活动长图无法排版", MsgEN: "the long image could not be laid out",
			Reason: "long image layout failed", Err: l.fs.err}
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	img := image.NewRGBA(image.Rect(0, 0, width, l.y))
	draw.Draw(img, img.Bounds(), image.NewUniform(colWhite), image.Point{}, draw.Src)
	for _, s := range l.steps {
		s(img)
	}
	return img, l, nil
}

// tidy makes text drawable: tabs and other controls become spaces, and a
// character outside the Basic Multilingual Plane, which the program's
// fonts do not cover, becomes a visible mark, as in the PDFs.
func tidy(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r > 0xFFFF:
			return '□'
		case r < ' ' && r != '\n':
			return ' '
		}
		return r
	}, s)
}

// header is the red band with the chamber's name.
func (l *layout) header(chamber string) {
	top := l.y
	l.fill(image.Rect(0, 0, l.w, 0), colBand) // placeholder, sized below
	i := len(l.steps) - 1
	l.space(40)
	l.text(tidy(chamber), l.left(), l.width(), sizeChamber, 1.4, colWhite, "C")
	l.space(6)
	l.lines([]string{"活 动 回 顾"}, l.left(), l.width(), sizeMeta*0.8, 1.4, colBandSub, "C")
	l.space(34)
	r := image.Rect(0, top, l.w, l.y)
	l.steps[i] = func(img *image.RGBA) { draw.Draw(img, r, image.NewUniform(colBand), image.Point{}, draw.Src) }
}

// facts are the date, place, type and organizer, each a label and its
// value, the value wrapped beside the label.
func (l *layout) facts(in Input) {
	rows := [][2]string{{"时间", dateLine(in.Date, in.EndDate)}, {"地点", in.Place}, {"类型", in.Type}, {"主办", in.Organizer}}
	labelW := int(math.Ceil(l.measure(sizeMeta)("时间"))) + l.px(24)
	for _, r := range rows {
		v := strings.TrimSpace(tidy(r[1]))
		if v == "" {
			continue
		}
		y := l.y
		l.lines([]string{r[0]}, l.left(), labelW, sizeMeta, 1.6, colAccent, "L")
		l.y = y
		l.text(v, l.left()+labelW, l.width()-labelW, sizeMeta, 1.6, colMuted, "L")
	}
}

// rule is a thin line across the text width.
func (l *layout) rule() {
	l.fill(image.Rect(l.left(), l.y, l.left()+l.width(), l.y+max(1, l.px(2))), colRule)
	l.y += max(1, l.px(2))
}

// photo draws one photo across the column, or a grey box saying it is
// missing, and its caption under it.
func (l *layout) photo(p picture, maxH int) {
	w, h := p.box(l.width(), maxH)
	x := l.left() + (l.width()-w)/2
	r := image.Rect(x, l.y, x+w, l.y+h)
	l.photos = append(l.photos, r)
	if p.img == nil {
		l.fill(r, colMissing)
		y := l.y
		l.y = r.Min.Y + h/2 - l.px(sizeCaption*0.8)
		l.lines([]string{"图片缺失"}, r.Min.X, w, sizeCaption, 1.6, colMuted, "C")
		l.y = y
	} else {
		// The photo was decoded near this size already, with a good filter
		// (data.CheckPhoto); the last small step is bilinear, which looks
		// the same at a ratio near one and takes a fifth of the time of
		// Catmull-Rom (the kernel scaler took 80 of the 270 ms of a demo
		// picture).
		src := p.img
		l.step(func(img *image.RGBA) {
			if src.Bounds().Size() == r.Size() {
				draw.Draw(img, r, src, src.Bounds().Min, draw.Src)
				return
			}
			draw.ApproxBiLinear.Scale(img, r, src, src.Bounds(), draw.Src, nil)
		})
	}
	l.y += h
	if c := strings.TrimSpace(tidy(p.caption)); c != "" {
		l.space(14)
		m := l.measure(sizeCaption)
		ls := textwrap.Clip(textwrap.Wrap(c, float64(l.width()), m), 3, float64(l.width()), m)
		l.lines(ls, l.left(), l.width(), sizeCaption, 1.5, colMuted, "C")
	}
}

// heading is a section title with a short red bar before it.
func (l *layout) heading(s string) {
	bar := image.Rect(l.left(), l.y+l.px(sizeHeading*0.25), l.left()+l.px(8), l.y+l.px(sizeHeading*1.25))
	l.fill(bar, colAccent)
	l.lines([]string{s}, l.left()+l.px(24), l.width()-l.px(24), sizeHeading, 1.5, colTitle, "L")
}

// tile is one figure in the figures block.
type tile struct{ value, unit, name string }

// figures is the block of person-times, members and outcome figures, as
// tiles three to a row: the value large, its unit beside it, the name
// under it.
func (l *layout) figures(in Input) {
	ts := []tile{{fmt.Sprint(in.PersonTimes), "人次", "参与人次"}}
	if in.Members > 0 {
		ts = append(ts, tile{fmt.Sprint(in.Members), "名", "参与会员"})
	}
	if in.Outside > 0 {
		ts = append(ts, tile{fmt.Sprint(in.Outside), "人次", "会外人次"})
	}
	for _, o := range in.Outcomes {
		ts = append(ts, tile{tidy(o.Value), tidy(o.Unit), tidy(o.Name)})
	}
	if len(in.Outcomes) > 0 {
		l.heading("活动成效")
	} else {
		l.heading("参与情况")
	}
	l.space(20)
	const cols = 3
	gap := l.px(18)
	tw := (l.width() - gap*(cols-1)) / cols
	pad := l.px(18)
	for row := 0; row*cols < len(ts); row++ {
		if row > 0 {
			l.y += gap
		}
		top := l.y
		rowTiles := ts[row*cols : min(len(ts), (row+1)*cols)]
		// Each tile's name is wrapped to its width; the row is as tall as
		// its tallest tile.
		nameM := l.measure(sizeName)
		names := make([][]string, len(rowTiles))
		lines := 1
		for i, t := range rowTiles {
			names[i] = textwrap.Clip(textwrap.Wrap(t.name, float64(tw-2*pad), nameM), 2, float64(tw-2*pad), nameM)
			lines = max(lines, len(names[i]))
		}
		valueH := l.size(sizeValue) * 1.25
		nameH := l.size(sizeName) * 1.45 * float64(lines)
		h := int(math.Round(valueH+nameH)) + 2*pad
		for i, t := range rowTiles {
			x := l.left() + i*(tw+gap)
			l.fill(image.Rect(x, top, x+tw, top+h), colTile)
			l.y = top + pad
			l.valueLine(t, x+pad, tw-2*pad, valueH)
			l.lines(names[i], x+pad, tw-2*pad, sizeName, 1.45, colMuted, "C")
		}
		l.y = top + h
	}
}

// valueLine sets a tile's value and unit on one baseline, centred, the
// value made smaller when it would not fit.
func (l *layout) valueLine(t tile, x, w int, h float64) {
	vs, us := l.size(sizeValue), l.size(sizeUnit)
	var vf, uf font.Face
	var vw, uw float64
	for {
		vf, uf = l.fs.at(vs), l.fs.at(us)
		vw, uw = fix(font.MeasureString(vf, t.value)), fix(font.MeasureString(uf, t.unit))
		if vw+uw <= float64(w) || vs < l.size(sizeUnit) {
			break
		}
		vs, us = math.Round(vs*0.85), math.Round(us*0.9)
	}
	m := vf.Metrics()
	base := float64(l.y) + (h-fix(m.Ascent+m.Descent))/2 + fix(m.Ascent)
	x0 := float64(x) + (float64(w)-vw-uw)/2
	vd := fixed.Point26_6{X: fixed.Int26_6(x0 * 64), Y: fixed.Int26_6(base * 64)}
	ud := fixed.Point26_6{X: fixed.Int26_6((x0 + vw) * 64), Y: vd.Y}
	l.step(func(img *image.RGBA) {
		(&font.Drawer{Dst: img, Src: image.NewUniform(colAccent), Face: vf, Dot: vd}).DrawString(t.value)
		(&font.Drawer{Dst: img, Src: image.NewUniform(colText), Face: uf, Dot: ud}).DrawString(t.unit)
	})
	l.y += int(math.Round(h))
}

// footer is a grey band with the chamber's name and the day the picture
// was made.
func (l *layout) footer(in Input) {
	top := l.y
	l.fill(image.Rect(0, 0, 0, 0), colFooter)
	i := len(l.steps) - 1
	l.space(40)
	l.text(tidy(in.Chamber), l.left(), l.width(), sizeFooter, 1.45, colText, "C")
	if !in.Made.IsZero() {
		l.space(4)
		l.lines([]string{"制图日期：" + data.FormatDateCN(in.Made)}, l.left(), l.width(), sizeMade, 1.45, colMuted, "C")
	}
	l.space(44)
	r := image.Rect(0, top, l.w, l.y)
	l.steps[i] = func(img *image.RGBA) { draw.Draw(img, r, image.NewUniform(colFooter), image.Point{}, draw.Src) }
}
