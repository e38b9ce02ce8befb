package ui

import (
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
	"chamberdesk/ui/widgets"
)

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
// is written until the form is saved, and then with the activity, all or
// nothing, so 取消 leaves the photos as they were.
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
