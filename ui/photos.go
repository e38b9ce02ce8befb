package ui

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"fyne.io/fyne/v2/lang"
	"image"
	"image/color"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
	"chamberdesk/ui/widgets"
)

// Photos: a thumbnail cache shared by the activity screen and its form, the
// read-only grid of the detail panel, and the form's editable grid.

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

// photoFrame is a thumbnail in a fixed box, with a word while it loads or
// when it cannot be shown.
type photoFrame struct {
	box    *fyne.Container
	img    *canvas.Image
	status *widget.Label
}

func newPhotoFrame() *photoFrame {
	f := &photoFrame{img: canvas.NewImageFromImage(nil), status: widget.NewLabel(lang.L("正在载入…"))}
	f.img.FillMode = canvas.ImageFillContain
	f.img.ScaleMode = canvas.ImageScaleSmooth
	f.img.SetMinSize(photoTileSize)
	f.status.Alignment = fyne.TextAlignCenter
	f.status.Truncation = fyne.TextTruncateEllipsis
	f.status.Importance = widget.LowImportance
	bg := canvas.NewRectangle(color.NRGBA{0x80, 0x80, 0x80, 0x22})
	bg.CornerRadius = theme.InputRadiusSize()
	f.box = container.NewStack(bg, f.img, container.NewVBox(layout.NewSpacer(), f.status, layout.NewSpacer()))
	return f
}

// set shows img, or says why there is none.
func (f *photoFrame) set(img image.Image, err error) {
	if err != nil {
		msg := lang.L("无法显示")
		if data.IsCode(err, "photo.read") {
			msg = lang.L("照片文件缺失")
		} else if e, ok := data.AsError(err); ok {
			msg = e.Msg
		}
		f.status.SetText(msg)
		f.status.Show()
		return
	}
	f.status.Hide()
	f.img.Image = img
	f.img.Refresh()
}

// photoGrid is the detail panel's read-only grid of an activity's photos.
// The thumbnails load once start is called, after the grid is on screen.
func photoGrid(a shell, thumbs *photoThumbs, photos []data.Attachment) (grid fyne.CanvasObject, start func()) {
	if len(photos) == 0 {
		l := widget.NewLabel(lang.L("没有照片。编辑活动可添加照片。"))
		l.Importance = widget.LowImportance
		return l, func() {}
	}
	tiles := make([]fyne.CanvasObject, len(photos))
	frames := make([]*photoFrame, len(photos))
	for i, p := range photos {
		frames[i] = newPhotoFrame()
		caption := strings.TrimSpace(p.Caption)
		if caption == "" {
			caption = lang.L("（无说明）")
		}
		cl := widget.NewLabel(caption)
		cl.Truncation = fyne.TextTruncateEllipsis
		dl := widget.NewLabel(data.FormatDateCN(p.TakenDate))
		dl.Importance = widget.LowImportance
		tiles[i] = container.NewPadded(container.NewVBox(frames[i].box, cl, dl))
	}
	lh := widget.NewLabel(lang.L("字")).MinSize().Height
	cell := fyne.NewSize(photoTileSize.Width+2*theme.Padding(), photoTileSize.Height+2*lh+3*theme.Padding())
	return container.NewGridWrap(cell, tiles...), func() {
		for i, p := range photos {
			thumbs.load(a, p, frames[i].set)
		}
	}
}

// photoItem is one photo in the form: stored already (att.ID != 0) or
// picked and checked, to be stored when the form is saved.
type photoItem struct {
	att   data.Attachment // for a new photo: its hash, name and size
	path  string          // new: the file to read on save
	bytes []byte          // new, from a source with no path

	frame          *photoFrame
	caption, taken *formEntry
	removeBtn      *widget.Button
	tile           fyne.CanvasObject
}

// photoEditor is the form's 照片 page: add, caption, date, remove. Nothing
// is written until the form is saved, and then in the same transaction as
// the activity, so 取消 leaves the photos as they were.
type photoEditor struct {
	sh      shell
	thumbs  *photoThumbs
	date    func() time.Time // the activity's date as typed, for new photos
	changed func()           // the number of photos changed

	items   []*photoItem
	removed []int64 // stored photos to remove on save
	grid    *fyne.Container
	addBtn  *widget.Button
	note    *widgets.WrapLabel
	open    *dialog.FileDialog // the file dialog while open, for tests
}

func newPhotoEditor(a shell, thumbs *photoThumbs, photos []data.Attachment, date func() time.Time) *photoEditor {
	e := &photoEditor{sh: a, thumbs: thumbs, date: date}
	e.grid = container.New(layout.NewGridWrapLayout(photoTileSize))
	e.addBtn = widget.NewButtonWithIcon(lang.L("添加照片"), theme.ContentAddIcon(), e.onAdd)
	e.note = newLabel(lang.L("支持 JPG 和 PNG 照片，每张不超过 40 MB。添加、删除和说明在点击“保存”后生效。"))
	e.note.Importance = widget.LowImportance
	for _, p := range photos {
		e.newItem(p)
	}
	e.layout()
	for _, it := range e.items {
		e.thumbsFor(it)
	}
	return e
}

func (e *photoEditor) content() fyne.CanvasObject {
	top := container.NewBorder(nil, nil, nil, e.addBtn, e.note)
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(e.grid))
}

// count is the number of photos the activity will have once saved.
func (e *photoEditor) count() int { return len(e.items) }

func (e *photoEditor) newItem(att data.Attachment) *photoItem {
	it := &photoItem{att: att, frame: newPhotoFrame(), caption: newFormEntry(e.sh), taken: newFormEntry(e.sh)}
	it.caption.SetPlaceHolder(lang.L("照片说明"))
	it.caption.SetText(att.Caption)
	it.taken.SetPlaceHolder(lang.L("拍摄日期"))
	it.taken.SetText(data.FormatDateISO(att.TakenDate))
	it.taken.Validator = func(s string) error { _, err := data.ParseDate(s); return plain(err) }
	it.removeBtn = widget.NewButtonWithIcon(lang.L("删除"), theme.DeleteIcon(), func() { e.remove(it) })
	it.removeBtn.Importance = widget.LowImportance
	it.tile = container.NewPadded(container.NewVBox(it.frame.box, it.caption,
		container.NewBorder(nil, nil, nil, it.removeBtn, it.taken)))
	e.items = append(e.items, it)
	return it
}

func (e *photoEditor) thumbsFor(it *photoItem) {
	if img := e.thumbs.get(it.att.SHA256); img != nil {
		it.frame.set(img, nil)
		return
	}
	if it.att.ID != 0 {
		e.thumbs.load(e.sh, it.att, it.frame.set)
	}
}

func (e *photoEditor) layout() {
	objs := make([]fyne.CanvasObject, len(e.items))
	h := float32(0)
	for i, it := range e.items {
		objs[i] = it.tile
		h = max(h, it.tile.MinSize().Height)
	}
	if len(objs) == 0 {
		empty := widget.NewLabel(lang.L("还没有照片"))
		empty.Importance = widget.LowImportance
		objs = append(objs, empty)
		h = empty.MinSize().Height
	}
	e.grid.Layout = layout.NewGridWrapLayout(fyne.NewSize(photoTileSize.Width+theme.Padding()*4, h))
	e.grid.Objects = objs
	e.grid.Refresh()
	if e.changed != nil {
		e.changed()
	}
}

func (e *photoEditor) remove(it *photoItem) {
	i := slices.Index(e.items, it)
	if i < 0 {
		return
	}
	e.items = slices.Delete(e.items, i, i+1)
	if it.att.ID != 0 {
		e.removed = append(e.removed, it.att.ID)
	}
	e.layout()
}

// onAdd opens the file dialog. HEIC and other pictures are offered too,
// so picking one gets a message saying what to do rather than silence.
func (e *photoEditor) onAdd() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		e.open = nil
		if err != nil {
			e.sh.showError(err)
			return
		}
		if r == nil {
			return // cancelled
		}
		u := r.URI()
		if u.Scheme() == "file" {
			r.Close()
			e.addPhotoFiles([]string{u.Path()})
			return
		}
		e.addPhotoReader(u.Name(), r)
	}, e.sh.window())
	d.SetFilter(storage.NewExtensionFileFilter([]string{".jpg", ".jpeg", ".png", // case is ignored
		".heic", ".heif", ".webp", ".bmp", ".gif", ".tif", ".tiff"}))
	d.SetConfirmText(lang.L("添加"))
	d.SetDismissText(lang.L("取消"))
	d.SetTitleText(lang.L("选择照片"))
	d.Resize(fyne.NewSize(min(900, e.sh.window().Canvas().Size().Width-40), min(600, e.sh.window().Canvas().Size().Height-40)))
	e.open = d
	d.Show()
}

// photoPicked is a photo that passed CheckPhoto.
type photoPicked struct {
	pf    data.PhotoFile
	path  string
	bytes []byte
}

// addPhotoFiles checks the files in the background — read, header, whole
// picture decoded, thumbnail made — and adds those that pass to the grid.
// The ones that fail are named in one error dialog; nothing is written.
func (e *photoEditor) addPhotoFiles(paths []string) {
	var picked []photoPicked
	var problems []error
	known := e.hashes()
	e.sh.background(lang.L("正在检查照片…"), func(ctx context.Context) error {
		for _, p := range paths {
			if ctx.Err() != nil {
				break
			}
			pf, err := e.check(p, nil, known)
			if err != nil {
				problems = append(problems, err)
				continue
			}
			known[pf.SHA256] = true
			picked = append(picked, photoPicked{pf: pf, path: p})
		}
		return nil
	}, func() { e.addPicked(picked, problems) })
}

// hashes are the photos the activity has, so the same one is not added
// twice.
func (e *photoEditor) hashes() map[string]bool {
	known := make(map[string]bool, len(e.items))
	for _, it := range e.items {
		known[it.att.SHA256] = true
	}
	return known
}

// check reads (unless b is given) and checks one photo off the UI thread.
// A photo the activity already has is refused before it is decoded.
func (e *photoEditor) check(path string, b []byte, known map[string]bool) (data.PhotoFile, error) {
	if b == nil {
		var err error
		if b, err = data.ReadPhotoFile(path); err != nil {
			return data.PhotoFile{}, err
		}
	}
	sum := sha256.Sum256(b)
	if known[hex.EncodeToString(sum[:])] {
		return data.PhotoFile{}, &data.Error{Code: "photo.duplicate", Field: lang.L("照片"), Value: filepath.Base(path),
			Msg: lang.L("这张照片已经在本活动中"), Reason: "same photo already in the activity"}
	}
	var pf data.PhotoFile
	var err error
	e.thumbs.decode(func() { pf, err = data.CheckPhoto(path, b, photoThumbSide) })
	return pf, err
}

// addPhotoReader does the same for a photo that has no path (a portal or
// a remote location): its bytes are kept until the form is saved.
func (e *photoEditor) addPhotoReader(name string, r io.ReadCloser) {
	var picked []photoPicked
	var problems []error
	known := e.hashes()
	e.sh.background(lang.L("正在检查照片…"), func(context.Context) error {
		defer r.Close()
		b, err := io.ReadAll(io.LimitReader(r, data.MaxPhotoBytes+1))
		var pf data.PhotoFile
		if err == nil {
			pf, err = e.check(name, b, known)
		}
		if err != nil {
			problems = append(problems, err)
			return nil
		}
		picked = append(picked, photoPicked{pf: pf, bytes: b})
		return nil
	}, func() { e.addPicked(picked, problems) })
}

// addPicked puts checked photos in the grid (on the UI thread) and reports
// the ones refused. A photo already in the activity is not added twice.
func (e *photoEditor) addPicked(picked []photoPicked, problems []error) {
	date := time.Time{}
	if e.date != nil {
		date = e.date()
	}
	added := 0
	for _, p := range picked {
		if slices.ContainsFunc(e.items, func(it *photoItem) bool { return it.att.SHA256 == p.pf.SHA256 }) {
			continue // added meanwhile by another pick
		}
		e.thumbs.put(p.pf.SHA256, p.pf.Thumb)
		it := e.newItem(data.Attachment{SHA256: p.pf.SHA256, OriginalName: p.pf.Name, Size: p.pf.Size,
			Width: p.pf.Width, Height: p.pf.Height, TakenDate: date})
		it.path, it.bytes = p.path, p.bytes
		it.caption.SetText(photoCaptionFromName(p.pf.Name))
		it.frame.set(p.pf.Thumb, nil)
		added++
	}
	if added > 0 {
		e.layout()
	}
	if len(problems) > 0 {
		e.sh.showError(photoProblems(problems, added))
	}
}

// photoCaptionFromName suggests a caption from a file name people chose
// ("理事会合影.jpg"), not from a camera's (IMG_0001.JPG, DSC01234.jpg,
// mmexport1700000000000.jpg).
func photoCaptionFromName(name string) string {
	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	for _, r := range base {
		if r >= 0x4E00 && r <= 0x9FFF {
			return base
		}
	}
	return ""
}

// photoProblems says which photos were refused and why, and what was added.
func photoProblems(problems []error, added int) error {
	if len(problems) == 1 && added == 0 {
		return problems[0]
	}
	var b strings.Builder
	if len(problems) == 1 {
		b.WriteString(message(problems[0]))
	} else {
		fmt.Fprintf(&b, lang.L("%d 个文件没有添加："), len(problems))
		for _, p := range problems {
			b.WriteString("\n• ")
			b.WriteString(message(p))
		}
	}
	if added > 0 {
		fmt.Fprintf(&b, lang.L("\n其余 %d 张照片已加入，保存后生效。"), added)
	}
	return &data.Error{Code: "photo.refused", Msg: b.String()}
}

// photoPlan is what saving the form does to the photos, read from the
// widgets on the UI thread so the background work touches none.
type photoPlan struct {
	remove []int64
	update []photoChange // stored photos whose caption or date changed
	add    []photoChange // new photos, in order
}

type photoChange struct {
	id      int64
	name    string
	path    string
	bytes   []byte
	caption string
	taken   time.Time
}

func (p photoPlan) empty() bool { return len(p.remove)+len(p.update)+len(p.add) == 0 }

// plan reads the grid; a photo date that cannot be read is an error shown
// under its field.
func (e *photoEditor) plan() (photoPlan, error) {
	p := photoPlan{remove: slices.Clone(e.removed)}
	var first error
	for _, it := range e.items {
		taken, err := data.ParseDate(it.taken.Text)
		if err != nil {
			it.taken.SetValidationError(nil)
			it.taken.Validate()
			if first == nil {
				first = &data.Error{Code: data.CodeInvalid, Field: lang.L("拍摄日期"), Value: it.att.OriginalName,
					Msg: plain(err).Error()}
			}
			continue
		}
		c := photoChange{id: it.att.ID, name: it.att.OriginalName, path: it.path, bytes: it.bytes,
			caption: strings.TrimSpace(it.caption.Text), taken: taken}
		switch {
		case it.att.ID == 0:
			p.add = append(p.add, c)
		case c.caption != it.att.Caption || !c.taken.Equal(it.att.TakenDate):
			p.update = append(p.update, c)
		}
	}
	return p, first
}

// apply writes the plan for activity id; inside Store.InTx it lands with
// the activity or not at all.
func (p photoPlan) apply(ctx context.Context, s *data.Store, id int64) error {
	for _, rid := range p.remove {
		if err := s.RemovePhoto(ctx, rid); err != nil {
			return err
		}
	}
	for _, c := range p.update {
		if err := s.UpdatePhoto(ctx, c.id, c.caption, c.taken); err != nil {
			return err
		}
	}
	for _, c := range p.add {
		var err error
		if c.path != "" {
			_, err = s.AddPhotoFile(ctx, id, c.path, c.caption, c.taken)
		} else {
			_, err = s.AddPhoto(ctx, id, c.name, c.bytes, c.caption, c.taken)
		}
		if err != nil {
			return err
		}
	}
	return nil
}
