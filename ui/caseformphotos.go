package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
	"chamberdesk/ui/widgets"
)

// casePhotos is the 图片 page: the photos chosen for the case, in order,
// each with the caption it carries in the package, above the photos of the
// linked activities to choose from. Choosing never changes the activity's
// own record.
type casePhotos struct {
	f      *caseForm
	thumbs *photoThumbs
	items  []*casePhotoItem
	chosen *fyne.Container
	offer  *fyne.Container
	note   *widgets.WrapLabel
	picks  map[int64]*widget.Button // 选用 buttons of the offered photos, by attachment

	// Thumbnails to load once the page is built, one after the other on
	// one goroutine; each is handed back through fyne.Do. Started last and
	// one at a time, they never meet a widget still being built nor each
	// other.
	pending []casePhotoLoad
}

type casePhotoLoad struct {
	att   data.Attachment
	frame *photoFrame
}

type casePhotoItem struct {
	att     data.Attachment
	gone    bool // the photo record has been deleted since it was chosen
	caption *formEntry
	frame   *photoFrame
}

func newCasePhotos(f *caseForm, thumbs *photoThumbs, photos []data.CasePhoto) (*casePhotos, error) {
	p := &casePhotos{f: f, thumbs: thumbs, note: newLabel("")}
	for _, cp := range photos {
		att, err := f.sh.store().Attachment(f.sh.ctx(), cp.AttachmentID)
		gone := data.IsCode(err, data.CodeNotFound)
		if err != nil && !gone {
			return nil, err
		}
		att.ID = cp.AttachmentID
		p.items = append(p.items, p.newItem(att, cp.Caption, gone))
	}
	cell := photoCell()
	p.chosen = container.NewGridWrap(fyne.NewSize(cell.Width, cell.Height+widget.NewButton("", nil).MinSize().Height+theme.Padding()))
	p.offer = container.NewGridWrap(cell)
	p.drawChosen()
	p.pending = nil // loaded when the editor shows
	return p, nil
}

// loadThumbs starts the thumbnails drawn since the last call.
func (p *casePhotos) loadThumbs() {
	pending := p.pending
	p.pending = nil
	if len(pending) == 0 {
		return
	}
	a, t := p.f.sh, p.thumbs
	paths := make([]string, len(pending))
	for i, l := range pending {
		paths[i] = a.store().AttachmentPath(l.att)
	}
	a.inBackground(func() {
		for i, l := range pending {
			img := t.get(l.att.SHA256)
			var err error
			if img == nil {
				t.decode(func() {
					if img, err = data.Thumbnail(paths[i], photoThumbSide); err == nil {
						t.put(l.att.SHA256, img)
					}
				})
			}
			fyne.Do(func() { l.frame.set(img, err) })
		}
	})
}

func (p *casePhotos) later(att data.Attachment, frame *photoFrame) {
	p.pending = append(p.pending, casePhotoLoad{att: att, frame: frame})
}

// photoCell is a tile: the thumbnail over one line of entry or label.
func photoCell() fyne.Size {
	lh := widget.NewEntry().MinSize().Height
	return fyne.NewSize(photoTileSize.Width+2*theme.Padding(), photoTileSize.Height+lh+3*theme.Padding())
}

func (p *casePhotos) newItem(att data.Attachment, caption string, gone bool) *casePhotoItem {
	it := &casePhotoItem{att: att, gone: gone, caption: newFormEntry(p.f.sh), frame: newPhotoFrame()}
	it.caption.SetText(caption)
	it.caption.SetPlaceHolder(lang.L("图片说明"))
	return it
}

func (p *casePhotos) content() fyne.CanvasObject {
	chosenHead := widget.NewLabelWithStyle(lang.L("已选用的图片（按此顺序放入材料包，说明可修改）"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	offerHead := widget.NewLabelWithStyle(lang.L("关联活动的照片"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewVScroll(container.NewVBox(chosenHead, p.chosen, widget.NewSeparator(), offerHead, p.note, p.offer))
}

// list is the chosen photos as the case stores them.
func (p *casePhotos) list() []data.CasePhoto {
	var out []data.CasePhoto
	for i, it := range p.items {
		out = append(out, data.CasePhoto{AttachmentID: it.att.ID, Caption: it.caption.Text, Sort: i})
	}
	return out
}

func (p *casePhotos) chosenIndex(id int64) int {
	return slices.IndexFunc(p.items, func(it *casePhotoItem) bool { return it.att.ID == id })
}

// choose adds a photo of a linked activity, captioned as in its record
// (or with the activity's title when it has none).
func (p *casePhotos) choose(att data.Attachment, fallback string) {
	if p.chosenIndex(att.ID) >= 0 {
		return
	}
	caption := strings.TrimSpace(att.Caption)
	if caption == "" {
		caption = fallback
	}
	p.items = append(p.items, p.newItem(att, caption, false))
	p.drawChosen()
	p.markOffered()
	p.loadThumbs()
}

func (p *casePhotos) remove(id int64) {
	if i := p.chosenIndex(id); i >= 0 {
		p.items = slices.Delete(p.items, i, i+1)
		p.drawChosen()
		p.markOffered()
		p.loadThumbs()
	}
}

func (p *casePhotos) moveUp(id int64) {
	if i := p.chosenIndex(id); i > 0 {
		p.items[i-1], p.items[i] = p.items[i], p.items[i-1]
		p.drawChosen()
		p.loadThumbs()
	}
}

func (p *casePhotos) drawChosen() {
	p.chosen.RemoveAll()
	for i, it := range p.items {
		id := it.att.ID
		up := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { p.moveUp(id) })
		if i == 0 {
			up.Disable()
		}
		rm := widget.NewButtonWithIcon(lang.L("移除"), theme.DeleteIcon(), func() { p.remove(id) })
		num := widget.NewLabel(fmt.Sprintf("%d", i+1))
		p.chosen.Add(container.NewVBox(it.frame.box, it.caption, container.NewHBox(num, up, rm)))
		if it.gone {
			it.frame.set(nil, &data.Error{Msg: lang.L("照片已被删除")})
		} else {
			p.later(it.att, it.frame)
		}
	}
	if len(p.items) == 0 {
		l := widget.NewLabel(lang.L("尚未选用图片：从下面关联活动的照片中点“选用”。"))
		l.Importance = widget.LowImportance
		p.chosen.Add(l)
	}
	p.chosen.Refresh()
	p.f.showCounts()
}

// refreshChoices shows the photos of the activities now linked; the
// caller starts their thumbnails with loadThumbs when done.
func (p *casePhotos) refreshChoices() {
	if p.f.links == nil {
		return
	}
	p.offer.RemoveAll()
	p.picks = map[int64]*widget.Button{}
	titles := map[int64]string{}
	for _, a := range p.f.links.all {
		titles[a.ID] = a.Title
	}
	n := 0
	for _, aid := range p.f.links.ids() {
		photos, err := p.f.sh.store().Photos(p.f.sh.ctx(), aid)
		if err != nil {
			p.f.sh.showError(err)
			return
		}
		for _, att := range photos {
			n++
			frame := newPhotoFrame()
			fallback := titles[aid]
			b := widget.NewButtonWithIcon(lang.L("选用"), theme.ContentAddIcon(), func() { p.choose(att, fallback) })
			p.picks[att.ID] = b
			label := widget.NewLabel(firstNonEmpty(att.Caption, fallback))
			label.Truncation = fyne.TextTruncateEllipsis
			p.offer.Add(container.NewVBox(frame.box, container.NewBorder(nil, nil, nil, b, label)))
			p.later(att, frame)
		}
	}
	switch {
	case len(p.f.links.picked) == 0:
		p.note.SetText(lang.L("请先在“关联活动”中勾选案例依据的活动，它们的照片会显示在这里。"))
	case n == 0:
		p.note.SetText(lang.L("关联的活动还没有照片：可在“活动”页编辑活动添加照片。"))
	default:
		p.note.SetText(fmt.Sprintf(lang.L("共%d张，点“选用”放入案例。"), n))
	}
	p.markOffered()
	p.offer.Refresh()
}

// markOffered disables 选用 for the photos already chosen.
func (p *casePhotos) markOffered() {
	for id, b := range p.picks {
		if p.chosenIndex(id) >= 0 {
			b.Disable()
		} else {
			b.Enable()
		}
	}
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if strings.TrimSpace(x) != "" {
			return x
		}
	}
	return ""
}
