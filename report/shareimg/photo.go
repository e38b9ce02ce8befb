package shareimg

import (
	"context"
	"image"
	"sync"

	"chamberdesk/data"
)

// picture is a photo decoded, upright and scaled down near the size it is
// drawn at; img is nil when the photo could not be read.
type picture struct {
	img     image.Image
	caption string
}

// decodePhotos reads the photos through data.CheckPhoto, which refuses a
// picture too large to decode within the program's memory bound, decodes
// it whole and turns it upright as its EXIF orientation asks (the one
// place the program reads EXIF, shared with the thumbnails and the PDFs).
// maxSide is the longer side to scale down to: the photos are scaled again
// to their exact place when drawn, so this only saves memory and time.
// Two photos are decoded at a time, to use both cores of an office PC
// without holding many decoded photos in memory.
func decodePhotos(ctx context.Context, ps []Photo, maxSide int) ([]picture, error) {
	out := make([]picture, len(ps))
	sem := make(chan struct{}, 2)
	var wg sync.WaitGroup
	for i, p := range ps {
		out[i].caption = p.Caption
		if len(p.Bytes) == 0 {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			if ctx.Err() != nil {
				return
			}
			pf, err := data.CheckPhoto(p.Name, p.Bytes, maxSide)
			if err != nil {
				return // a grey box, never a failed picture
			}
			out[i].img = pf.Thumb
		}()
	}
	wg.Wait()
	return out, ctx.Err()
}

// box is where a picture of w×h goes in a column cw wide: the whole
// width, unless a tall photo would then be taller than maxH, when it is
// as tall as maxH and centred. A missing photo takes a 4:3 box.
func (p picture) box(cw, maxH int) (w, h int) {
	pw, ph := 4, 3
	if p.img != nil {
		b := p.img.Bounds()
		pw, ph = b.Dx(), b.Dy()
	}
	w, h = cw, (cw*ph+pw/2)/pw
	if h > maxH {
		w, h = max(1, (maxH*pw+ph/2)/ph), maxH
	}
	return w, h
}
