package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// NavItem is one entry of a Nav: what it says and its icon.
type NavItem struct {
	Title string
	Icon  fyne.Resource
}

// Nav is the window's navigation: a narrow column with one entry per
// screen, an icon over its name, the selected one highlighted. Unlike
// Fyne's tabs on the leading side it never moves entries behind an
// overflow menu: its entries are compact enough for nine screens in the
// default window, so every screen is one click away.
type Nav struct {
	widget.BaseWidget
	entries  []*navEntry
	selected int
	onSelect func(i int)
}

// NewNav makes a navigation of items with none selected; onSelect (may be
// nil) runs each time an entry is selected, by a tap or by Select.
func NewNav(items []NavItem, onSelect func(i int)) *Nav {
	n := &Nav{selected: -1, onSelect: onSelect}
	for i, it := range items {
		e := &navEntry{item: it, onTap: func() { n.Select(i) }}
		e.ExtendBaseWidget(e)
		n.entries = append(n.entries, e)
	}
	n.ExtendBaseWidget(n)
	return n
}

// Select highlights entry i and runs the navigation's action for it, even
// when i is already selected (the screen then reloads). An i out of range
// does nothing.
func (n *Nav) Select(i int) {
	if i < 0 || i >= len(n.entries) {
		return
	}
	if i != n.selected {
		if n.selected >= 0 {
			n.entries[n.selected].setSelected(false)
		}
		n.selected = i
		n.entries[i].setSelected(true)
	}
	if n.onSelect != nil {
		n.onSelect(i)
	}
}

// Selected is the index of the selected entry, -1 before the first.
func (n *Nav) Selected() int { return n.selected }

// Len is the number of entries.
func (n *Nav) Len() int { return len(n.entries) }

// Title is what entry i says.
func (n *Nav) Title(i int) string { return n.entries[i].item.Title }

// CreateRenderer is Fyne's way in.
func (n *Nav) CreateRenderer() fyne.WidgetRenderer {
	col := container.NewVBox()
	for _, e := range n.entries {
		col.Add(e)
	}
	return widget.NewSimpleRenderer(col)
}

// navEntry is one entry of the navigation: a button drawn as an icon over
// its name, tinted when selected and lit under the mouse.
type navEntry struct {
	widget.BaseWidget
	item              NavItem
	onTap             func()
	selected, hovered bool
}

func (e *navEntry) setSelected(on bool) {
	e.selected = on
	e.Refresh()
}

func (e *navEntry) Tapped(*fyne.PointEvent) { e.onTap() }

func (e *navEntry) Cursor() desktop.Cursor { return desktop.PointerCursor }

func (e *navEntry) MouseIn(*desktop.MouseEvent) { e.hovered = true; e.Refresh() }

func (e *navEntry) MouseMoved(*desktop.MouseEvent) {}

func (e *navEntry) MouseOut() { e.hovered = false; e.Refresh() }

func (e *navEntry) CreateRenderer() fyne.WidgetRenderer {
	r := &navEntryRenderer{e: e, bg: canvas.NewRectangle(color.Transparent), icon: canvas.NewImageFromResource(nil),
		text: canvas.NewText(e.item.Title, nil)}
	r.icon.FillMode = canvas.ImageFillContain
	r.text.Alignment = fyne.TextAlignCenter
	r.Refresh()
	return r
}

type navEntryRenderer struct {
	e    *navEntry
	bg   *canvas.Rectangle
	icon *canvas.Image
	text *canvas.Text
}

// navIconSize is the side of an entry's icon.
const navIconSize = 24

func (r *navEntryRenderer) MinSize() fyne.Size {
	ts := r.text.MinSize()
	return fyne.NewSize(max(ts.Width, navIconSize)+2*theme.InnerPadding(), navIconSize+ts.Height+3*theme.Padding())
}

func (r *navEntryRenderer) Layout(size fyne.Size) {
	pad := theme.Padding()
	r.bg.Resize(size)
	ts := r.text.MinSize()
	top := (size.Height - navIconSize - ts.Height - pad/2) / 2
	r.icon.Move(fyne.NewPos((size.Width-navIconSize)/2, top))
	r.icon.Resize(fyne.NewSquareSize(navIconSize))
	r.text.Move(fyne.NewPos(0, top+navIconSize+pad/2))
	r.text.Resize(fyne.NewSize(size.Width, ts.Height))
}

func (r *navEntryRenderer) Refresh() {
	e := r.e
	r.bg.CornerRadius = theme.InputRadiusSize()
	r.bg.FillColor = color.Transparent
	r.text.Color = theme.Color(theme.ColorNameForeground)
	r.icon.Resource = theme.NewThemedResource(e.item.Icon)
	switch {
	case e.selected:
		r.bg.FillColor = theme.Color(theme.ColorNameSelection)
		r.text.Color = theme.Color(theme.ColorNamePrimary)
		r.icon.Resource = theme.NewPrimaryThemedResource(e.item.Icon)
	case e.hovered:
		r.bg.FillColor = theme.Color(theme.ColorNameHover)
	}
	r.text.TextSize = theme.TextSize()
	r.text.Text = e.item.Title
	r.bg.Refresh()
	r.icon.Refresh()
	r.text.Refresh()
}

func (r *navEntryRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.icon, r.text}
}

func (r *navEntryRenderer) Destroy() {}
