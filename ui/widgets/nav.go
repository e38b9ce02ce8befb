package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// NavItem is one entry of a Nav: what it says and its icon.
type NavItem struct {
	Title string
	Icon  fyne.Resource
}

// Nav is the window's navigation: a column of icon-and-text buttons, one
// per screen, the selected one highlighted. Unlike Fyne's tabs on the
// leading side it never moves entries behind an overflow menu, so every
// screen is one click away whatever the window's height allows for text.
type Nav struct {
	widget.BaseWidget
	items    []NavItem
	buttons  []*widget.Button
	selected int
	onSelect func(i int)
}

// NewNav makes a navigation of items with none selected; onSelect (may be
// nil) runs each time an entry is selected, by a tap or by Select.
func NewNav(items []NavItem, onSelect func(i int)) *Nav {
	n := &Nav{items: items, selected: -1, onSelect: onSelect}
	for i, it := range items {
		b := widget.NewButtonWithIcon(it.Title, it.Icon, func() { n.Select(i) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		n.buttons = append(n.buttons, b)
	}
	n.ExtendBaseWidget(n)
	return n
}

// Select highlights entry i and runs the navigation's action for it, even
// when i is already selected (the screen then reloads). An i out of range
// does nothing.
func (n *Nav) Select(i int) {
	if i < 0 || i >= len(n.items) {
		return
	}
	if i != n.selected {
		if n.selected >= 0 {
			n.buttons[n.selected].Importance = widget.LowImportance
			n.buttons[n.selected].Refresh()
		}
		n.selected = i
		n.buttons[i].Importance = widget.HighImportance
		n.buttons[i].Refresh()
	}
	if n.onSelect != nil {
		n.onSelect(i)
	}
}

// Selected is the index of the selected entry, -1 before the first.
func (n *Nav) Selected() int { return n.selected }

// Len is the number of entries.
func (n *Nav) Len() int { return len(n.items) }

// Title is what entry i says.
func (n *Nav) Title(i int) string { return n.items[i].Title }

// CreateRenderer is Fyne's way in.
func (n *Nav) CreateRenderer() fyne.WidgetRenderer {
	col := container.NewVBox()
	for _, b := range n.buttons {
		col.Add(b)
	}
	return widget.NewSimpleRenderer(container.NewPadded(col))
}
