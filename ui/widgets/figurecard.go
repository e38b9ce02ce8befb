package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Figure is what a FigureCard shows: a name, the number as written, its
// unit and a small line under it (such as last year's value).
type Figure struct {
	Name, Value, Unit, Note string
}

// FigureCard shows one figure big, with its name above and a note under
// it; tapping it runs the card's action. It stands out under the mouse.
type FigureCard struct {
	widget.BaseWidget
	fig     Figure
	onTap   func()
	hovered bool
}

// NewFigureCard makes an empty card; onTap (may be nil) runs on a tap.
func NewFigureCard(onTap func()) *FigureCard {
	c := &FigureCard{onTap: onTap}
	c.ExtendBaseWidget(c)
	return c
}

// Set shows f.
func (c *FigureCard) Set(f Figure) {
	c.fig = f
	c.Refresh()
}

// Figure is what the card shows.
func (c *FigureCard) Figure() Figure { return c.fig }

// Tapped runs the card's action.
func (c *FigureCard) Tapped(*fyne.PointEvent) {
	if c.onTap != nil {
		c.onTap()
	}
}

// Cursor is the pointing hand: the card is a button.
func (c *FigureCard) Cursor() desktop.Cursor { return desktop.PointerCursor }

// MouseIn highlights the card.
func (c *FigureCard) MouseIn(*desktop.MouseEvent) { c.hovered = true; c.Refresh() }

// MouseMoved does nothing.
func (c *FigureCard) MouseMoved(*desktop.MouseEvent) {}

// MouseOut takes the highlight away.
func (c *FigureCard) MouseOut() { c.hovered = false; c.Refresh() }

// CreateRenderer is Fyne's way in.
func (c *FigureCard) CreateRenderer() fyne.WidgetRenderer {
	r := &figureCardRenderer{card: c, bg: canvas.NewRectangle(nil), stripe: canvas.NewRectangle(nil),
		name: canvas.NewText("", nil), value: canvas.NewText("", nil), unit: canvas.NewText("", nil),
		note: canvas.NewText("", nil)}
	r.value.TextStyle.Bold = true
	r.Refresh()
	return r
}

type figureCardRenderer struct {
	card                    *FigureCard
	bg, stripe              *canvas.Rectangle
	name, value, unit, note *canvas.Text
	size                    fyne.Size
}

// stripeWidth is the coloured edge on the card's left.
const stripeWidth = 4

func (r *figureCardRenderer) MinSize() fyne.Size {
	p := theme.InnerPadding()
	nh, vh, ph := r.name.MinSize().Height, r.value.MinSize().Height, r.note.MinSize().Height
	w := max(r.name.MinSize().Width, r.value.MinSize().Width+r.unit.MinSize().Width+2, r.note.MinSize().Width)
	return fyne.NewSize(w+2*p+stripeWidth, nh+vh+ph+2*p)
}

func (r *figureCardRenderer) Layout(size fyne.Size) {
	r.size = size
	p := theme.InnerPadding()
	r.bg.Resize(size)
	r.stripe.Move(fyne.NewPos(0, 0))
	r.stripe.Resize(fyne.NewSize(stripeWidth, size.Height))
	x := p + stripeWidth
	ns, vs, us, ps := r.name.MinSize(), r.value.MinSize(), r.unit.MinSize(), r.note.MinSize()
	// The value sits in the middle of the room between name and note.
	free := size.Height - 2*p - ns.Height - ps.Height - vs.Height
	r.name.Move(fyne.NewPos(x, p))
	r.name.Resize(ns)
	vy := p + ns.Height + free/2
	r.value.Move(fyne.NewPos(x, vy))
	r.value.Resize(vs)
	// Bottoms aligned, less the difference in descent, so number and unit
	// share a baseline.
	r.unit.Move(fyne.NewPos(x+vs.Width+2, vy+vs.Height-us.Height-(vs.Height-us.Height)*0.2))
	r.unit.Resize(us)
	r.note.Move(fyne.NewPos(x, size.Height-p-ps.Height))
	r.note.Resize(ps)
}

func (r *figureCardRenderer) Refresh() {
	c := r.card
	ts := theme.TextSize()
	r.bg.FillColor = theme.Color(theme.ColorNameInputBackground)
	if c.hovered {
		r.bg.FillColor = theme.Color(theme.ColorNameHover)
	}
	r.bg.CornerRadius = theme.InputRadiusSize()
	r.stripe.FillColor = theme.Color(theme.ColorNamePrimary)
	fg := theme.Color(theme.ColorNameForeground)
	r.name.Text, r.name.TextSize, r.name.Color = c.fig.Name, ts, fg
	r.value.Text, r.value.TextSize, r.value.Color = c.fig.Value, ts*2, theme.Color(theme.ColorNamePrimary)
	r.unit.Text, r.unit.TextSize, r.unit.Color = c.fig.Unit, ts, fg
	r.note.Text, r.note.TextSize, r.note.Color = c.fig.Note, ts*0.9, theme.Color(theme.ColorNamePlaceHolder)
	if !r.size.IsZero() {
		r.Layout(r.size)
	}
	for _, o := range r.Objects() {
		o.Refresh()
	}
}

func (r *figureCardRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.stripe, r.name, r.value, r.unit, r.note}
}

func (r *figureCardRenderer) Destroy() {}
