package ui

import (
	"image"
	"sync"

	"fyne.io/fyne/v2"

	"chamberdesk/data"
)

// The thumbnail cache shared by the activity screen and its form.

const (
	// photoThumbSide is a thumbnail's longer side in pixels: tiles show
	// them at 200×150, and 320 stays sharp on a 150% screen.
	photoThumbSide = 320
	// photoCacheBytes bounds the thumbnails kept in memory (a 320×240
	// thumbnail takes 300 KB: about 200 of them).
	photoCacheBytes = 64 << 20
)

var photoTileSize = fyne.NewSize(200, 150)

// photoThumbs keeps thumbnails by the SHA-256 of their photo, so a photo is
// decoded once however often it is shown, and decodes one photo at a time,
// so a screenful of 30 MB photos never holds more than one of them decoded.
type photoThumbs struct {
	mu    sync.Mutex
	cache map[string]*photoThumb
	bytes int
	clock uint64
	sem   chan struct{} // held while a photo is decoded
}

type photoThumb struct {
	img  image.Image
	size int
	used uint64
}

func newPhotoThumbs() *photoThumbs {
	return &photoThumbs{cache: map[string]*photoThumb{}, sem: make(chan struct{}, 1)}
}

func (t *photoThumbs) get(sha string) image.Image {
	t.mu.Lock()
	defer t.mu.Unlock()
	e := t.cache[sha]
	if e == nil {
		return nil
	}
	t.clock++
	e.used = t.clock
	return e.img
}

// put keeps img, forgetting the least recently used thumbnails beyond the
// memory bound.
func (t *photoThumbs) put(sha string, img image.Image) {
	if sha == "" || img == nil {
		return
	}
	b := img.Bounds()
	size := b.Dx() * b.Dy() * 4
	t.mu.Lock()
	defer t.mu.Unlock()
	if old := t.cache[sha]; old != nil {
		t.bytes -= old.size
	}
	t.clock++
	t.cache[sha] = &photoThumb{img: img, size: size, used: t.clock}
	t.bytes += size
	for t.bytes > photoCacheBytes && len(t.cache) > 1 {
		oldest, key := ^uint64(0), ""
		for k, e := range t.cache {
			if e.used < oldest && k != sha {
				oldest, key = e.used, k
			}
		}
		t.bytes -= t.cache[key].size
		delete(t.cache, key)
	}
}

// decode runs f while holding the one decoding slot.
func (t *photoThumbs) decode(f func()) {
	t.sem <- struct{}{}
	defer func() { <-t.sem }()
	f()
}

// load gets a stored photo's thumbnail, from the cache at once or decoded
// in the background, and hands it (or why it cannot be shown) to set on
// the UI thread.
func (t *photoThumbs) load(a shell, att data.Attachment, set func(image.Image, error)) {
	if img := t.get(att.SHA256); img != nil {
		set(img, nil)
		return
	}
	path := a.store().AttachmentPath(att)
	a.inBackground(func() {
		var img image.Image
		var err error
		t.decode(func() {
			if img = t.get(att.SHA256); img == nil {
				if img, err = data.Thumbnail(path, photoThumbSide); err == nil {
					t.put(att.SHA256, img)
				}
			}
		})
		fyne.Do(func() { set(img, err) })
	})
}
