package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// pendingScreen stands for a screen this version does not have yet, and
// says so plainly.
type pendingScreen struct {
	title, what string
}

func newPendingScreen(title, what string) *pendingScreen {
	return &pendingScreen{title: title, what: what}
}

func (p *pendingScreen) content() fyne.CanvasObject {
	h := widget.NewLabelWithStyle(p.title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	h.SizeName = "headingText"
	return container.NewPadded(container.NewVBox(h,
		newLabel("此功能将在后续版本中提供："+p.what+"。"),
		newLabel("目前可用 chamberctl 命令行程序处理相应数据。")))
}

func (p *pendingScreen) refresh() {}
