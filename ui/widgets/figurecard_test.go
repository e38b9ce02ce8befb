package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

func TestFigureCard(t *testing.T) {
	test.NewTempApp(t)
	taps := 0
	c := NewFigureCard(func() { taps++ })
	f := Figure{Name: "会员总数", Value: "120", Unit: "家", Note: "2025年 110家"}
	c.Set(f)
	if c.Figure() != f {
		t.Fatalf("figure %+v", c.Figure())
	}
	w := test.NewTempWindow(t, c)
	w.Resize(fyne.NewSize(240, 140))
	var texts []string
	for _, o := range test.WidgetRenderer(c).Objects() {
		if tx, ok := o.(*canvas.Text); ok {
			texts = append(texts, tx.Text)
		}
	}
	if len(texts) != 4 || texts[0] != f.Name || texts[1] != f.Value || texts[2] != f.Unit || texts[3] != f.Note {
		t.Fatalf("drawn %q", texts)
	}
	test.Tap(c)
	if taps != 1 {
		t.Fatalf("%d taps ran", taps)
	}
	if min := c.MinSize(); min.Width <= 0 || min.Height <= 0 || min.Width > 240 {
		t.Fatalf("min size %v", min)
	}
}

func TestPanel(t *testing.T) {
	test.NewTempApp(t)
	inner := canvas.NewRectangle(nil)
	inner.SetMinSize(fyne.NewSize(50, 20))
	p := NewPanel(inner)
	w := test.NewTempWindow(t, p)
	w.Resize(fyne.NewSize(200, 100))
	if min := p.MinSize(); min.Width <= 50 || min.Height <= 20 {
		t.Fatalf("a panel pads its content: min %v", min)
	}
	bg, ok := test.WidgetRenderer(p).Objects()[0].(*canvas.Rectangle)
	if !ok || bg.Size() != p.Size() || bg.CornerRadius == 0 {
		t.Fatalf("background %T %v of %v", test.WidgetRenderer(p).Objects()[0], bg.Size(), p.Size())
	}
}
