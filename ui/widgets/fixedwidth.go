package widgets

import "fyne.io/fyne/v2"

// FixedWidth is a layout that keeps its content at a set width, as tall as
// the tallest object; each object fills the room given.
type FixedWidth float32

// MinSize is the set width by the tallest object's height.
func (w FixedWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(float32(w), h)
}

// Layout gives every object the whole room.
func (w FixedWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}
