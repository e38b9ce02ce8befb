package ui

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"

	"chamberdesk/data"
)

// Adding photos to the form's 照片 page: the file dialog, and each picked
// file checked off the UI thread before it joins the grid.

// onAdd opens the file dialog. HEIC and other pictures are offered too,
// so picking one gets a message saying what to do rather than silence.
func (e *photoEditor) onAdd() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
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
