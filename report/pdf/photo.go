package pdf

import (
	"bytes"
	"fmt"
	"image/jpeg"
	"sync"

	"github.com/go-pdf/fpdf"

	"chamberdesk/data"
)

// Photo is a picture to print, with its caption.
type Photo = CasePhoto

// photoSide is the longer side, in pixels, a photo is embedded at: about
// 300 dpi across the widest box a photo gets (a half page), so prints are
// sharp while a page of four photos stays well under 2 MB.
const (
	photoSide    = 1200
	photoQuality = 80
)

// picture is a photo ready to place: embedded under name, or missing.
type picture struct {
	name    string // fpdf image name; "" when the photo could not be read
	w, h    int    // pixels, upright
	caption string
	jpeg    []byte
}

// loadPictures reads, turns upright, scales and re-encodes the photos in
// the background, and returns a function that waits for them, so that the
// photos are prepared while the text is laid out. Re-encoding also turns
// CMYK or progressive JPEGs and PNGs into the one kind of JPEG every PDF
// reader shows. A photo that cannot be read becomes a picture without a
// name: it prints as a grey box, never failing the document. Two photos are
// decoded at a time, to use both cores of an office PC without holding
// many decoded photos in memory.
func loadPictures(ps []Photo) (wait func() []picture) {
	out := make([]picture, len(ps))
	sem := make(chan struct{}, 2)
	var wg sync.WaitGroup
	for i, p := range ps {
		out[i].caption = p.Caption
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			img, err := data.Thumbnail(p.Path, photoSide)
			if err != nil {
				return
			}
			var buf bytes.Buffer
			if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: photoQuality}); err != nil {
				return
			}
			b := img.Bounds()
			out[i].w, out[i].h, out[i].jpeg = b.Dx(), b.Dy(), buf.Bytes()
		}()
	}
	return func() []picture {
		wg.Wait()
		return out
	}
}

// register hands the encoded photos to fpdf.
func (d *doc) register(ps []picture) {
	for i := range ps {
		if ps[i].jpeg == nil {
			continue
		}
		name := fmt.Sprintf("photo%d", i)
		info := d.pdf.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: "JPEG"}, bytes.NewReader(ps[i].jpeg))
		if info == nil || d.pdf.Err() {
			d.pdf.ClearError()
			continue
		}
		ps[i].name, ps[i].jpeg = name, nil
	}
}

// grid places pictures two to a row with their captions under them, under
// a heading. With fit, all rows are shrunk, down to a floor, to end on the
// current page; otherwise, or when even the floor does not fit, each row
// goes on the next page that has room for it. The heading always stays
// with the first row.
func (d *doc) grid(title string, ps []picture, fit bool) {
	const (
		cols   = 2
		gap    = 6.0  // mm between photos
		maxH   = 68.0 // a photo box's height at most, mm
		minH   = 42.0 // and at least, before moving to a new page
		capGap = 1.0
	)
	if len(ps) == 0 {
		return
	}
	d.register(ps)
	cellW := (d.width() - gap*(cols-1)) / cols
	d.setSize(sizeSmall)
	capH := 2*d.lineH() + capGap
	rows := (len(ps) + cols - 1) / cols
	boxH := maxH
	d.setSize(sizeHeading)
	headH := d.lineH() + 4.5 // see section
	d.setSize(sizeSmall)
	// The box height at which the rows end exactly at the bottom margin.
	fill := func() float64 {
		return (d.remaining() - headH - float64(rows)*capH - float64(rows-1)*gap) / float64(rows)
	}
	if fit && fill() < minH || !fit && headH+boxH+capH > d.remaining() {
		d.newPage()
	}
	if fit {
		boxH = max(minH, min(maxH, fill()))
	}
	d.section(title)
	d.y += 1
	for r := 0; r < rows; r++ {
		row := ps[r*cols : min(len(ps), (r+1)*cols)]
		// A row is as tall as its tallest photo once fitted to the box, so
		// landscape photos do not leave a gap above their captions.
		h, lines := 0.0, 1
		d.setSize(sizeSmall)
		for _, p := range row {
			_, ih := p.fit(cellW, boxH)
			h = max(h, ih)
			lines = max(lines, len(d.clip(d.wrap(p.caption, cellW), 2, cellW)))
		}
		capH := float64(lines)*d.lineH() + capGap
		if h+capH > d.remaining() {
			d.newPage()
			d.setSize(sizeSmall)
		}
		for c, p := range row {
			d.picture(p, d.left+float64(c)*(cellW+gap), d.y, cellW, h)
		}
		d.y += h + capH
		if r < rows-1 {
			d.y += gap
		}
	}
	d.setSize(sizeBody)
}

// picture draws one photo scaled to fit a w×h box, centred, and its caption
// under the box; a missing photo is a grey box saying so.
func (d *doc) picture(p picture, x, y, w, h float64) {
	if p.name == "" {
		d.pdf.SetFillColor(215, 215, 215)
		d.pdf.SetDrawColor(150, 150, 150)
		d.pdf.Rect(x, y, w, h, "FD")
		d.pdf.SetTextColor(80, 80, 80)
		d.text(x, y, w, h, "图片缺失", "C")
		d.pdf.SetTextColor(0, 0, 0)
	} else {
		iw, ih := p.fit(w, h)
		d.pdf.ImageOptions(p.name, x+(w-iw)/2, y+(h-ih)/2, iw, ih, false, fpdf.ImageOptions{ImageType: "JPEG"}, 0, "")
	}
	ls := d.clip(d.wrap(p.caption, w), 2, w)
	ty := y + h + 1
	for _, l := range ls {
		d.text(x, ty, w, d.lineH(), l, "C")
		ty += d.lineH()
	}
}

// fit is the size of the picture scaled to fit a w×h box; a missing one
// takes the shape of a common 4:3 photo.
func (p picture) fit(w, h float64) (float64, float64) {
	pw, ph := float64(p.w), float64(p.h)
	if p.name == "" || pw <= 0 || ph <= 0 {
		pw, ph = 4, 3
	}
	if iw, ih := w, w*ph/pw; ih <= h {
		return iw, ih
	}
	return h * pw / ph, h
}
