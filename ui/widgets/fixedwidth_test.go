package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
)

func TestFixedWidth(t *testing.T) {
	test.NewTempApp(t)
	wide, tall := canvas.NewRectangle(nil), canvas.NewRectangle(nil)
	wide.SetMinSize(fyne.NewSize(400, 10))
	tall.SetMinSize(fyne.NewSize(10, 30))
	c := container.New(FixedWidth(130), wide, tall)
	if min := c.MinSize(); min != fyne.NewSize(130, 30) {
		t.Fatalf("min %v, want 130×30", min)
	}
	c.Resize(fyne.NewSize(130, 50))
	if wide.Size() != fyne.NewSize(130, 50) || tall.Size() != wide.Size() {
		t.Fatalf("laid out %v %v", wide.Size(), tall.Size())
	}
}
