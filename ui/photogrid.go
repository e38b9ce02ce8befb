package ui

import (
	"image"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
)

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
			msg = errMsg(e)
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
