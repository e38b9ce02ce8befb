package widgets

import (
	"slices"

	"fyne.io/fyne/v2/widget"
)

// Choice is a select that shows a label for each value but gives and takes
// the values themselves: the data keeps its own words (会长, 在会, 培训办班)
// while the person reads them in the window's language.
//
// It is a widget.Select underneath, so it taps, pops up and sizes like one,
// and in code SetSelected, SetSelectedIndex, Selected and Options still work
// on the labels. Use Value, SetValue and SetValues for the values; do not
// replace OnChanged or call SetOptions, which would unhook the labels from
// the values.
type Choice struct {
	widget.Select
	labels
	changed func(value string)
}

// NewChoice is a select offering values, each shown as label(value) (the
// value itself when label is nil). changed, if not nil, gets the chosen
// value whenever the selection is set, by the person or by code.
func NewChoice(values []string, label func(string) string, changed func(value string)) *Choice {
	c := &Choice{labels: labels{label: label}, changed: changed}
	c.ExtendBaseWidget(c)
	c.OnChanged = func(string) {
		if c.changed != nil {
			c.changed(c.Value())
		}
	}
	c.labels.set(values)
	c.Options = c.shown
	return c
}

// Value is the value selected, or "" while none is.
func (c *Choice) Value() string { return c.valueOf(c.SelectedIndex()) }

// SetValue selects v; a value not offered clears the selection.
func (c *Choice) SetValue(v string) {
	if i := slices.Index(c.values, v); i >= 0 {
		c.SetSelectedIndex(i)
	} else {
		c.ClearSelected()
	}
}

// SetValues offers values instead, labelled afresh. The selected value stays
// selected when still offered, without calling changed; otherwise nothing is
// selected.
func (c *Choice) SetValues(values []string) {
	c.Options, c.Selected = c.relabel(values, c.Value())
	c.Refresh()
}

// RadioChoice is a radio group that shows a label for each value but gives
// and takes the values themselves, as Choice does for a select. It is a
// widget.RadioGroup underneath; use Value, SetValue and SetValues for the
// values, and leave OnChanged and Options to it.
type RadioChoice struct {
	widget.RadioGroup
	labels
	changed func(value string)
}

// NewRadioChoice is a radio group offering values, each shown as
// label(value) (the value itself when label is nil). changed, if not nil,
// gets the chosen value whenever the selection changes.
func NewRadioChoice(values []string, label func(string) string, changed func(value string)) *RadioChoice {
	r := &RadioChoice{labels: labels{label: label}, changed: changed}
	r.ExtendBaseWidget(r)
	r.OnChanged = func(string) {
		if r.changed != nil {
			r.changed(r.Value())
		}
	}
	r.labels.set(values)
	r.Options = r.shown
	return r
}

// Value is the value selected, or "" while none is.
func (r *RadioChoice) Value() string {
	if r.Selected == "" {
		return ""
	}
	return r.valueOf(slices.Index(r.shown, r.Selected))
}

// SetValue selects v; a value not offered clears the selection.
func (r *RadioChoice) SetValue(v string) {
	if i := slices.Index(r.values, v); i >= 0 {
		r.SetSelected(r.shown[i])
	} else {
		r.SetSelected("")
	}
}

// SetValues offers values instead, labelled afresh. The selected value stays
// selected when still offered, without calling changed; otherwise nothing is
// selected.
func (r *RadioChoice) SetValues(values []string) {
	r.Options, r.Selected = r.relabel(values, r.Value())
	r.Refresh()
}

// labels pairs the values offered with the labels shown for them.
type labels struct {
	label  func(string) string
	values []string // as offered, without repeats
	shown  []string // shown[i] is the label of values[i], each different
}

// set labels values. Repeated values are offered once; two values whose
// labels would read the same are told apart by the value after the label,
// so every label leads back to one value.
func (l *labels) set(values []string) {
	l.values, l.shown = nil, nil
	for _, v := range values {
		if slices.Contains(l.values, v) {
			continue
		}
		s := v
		if l.label != nil {
			s = l.label(v)
		}
		if slices.Contains(l.shown, s) {
			s += " (" + v + ")"
		}
		l.values, l.shown = append(l.values, v), append(l.shown, s)
	}
}

// Values are the values offered, in order.
func (l *labels) Values() []string { return slices.Clone(l.values) }

// relabel offers values instead (set) and gives the labels to show and the
// label of cur, which stays selected when still offered ("" otherwise).
func (l *labels) relabel(values []string, cur string) (shown []string, selected string) {
	l.set(values)
	if i := slices.Index(l.values, cur); i >= 0 {
		selected = l.shown[i]
	}
	return l.shown, selected
}

// valueOf is the value shown at i, or "" when i is out of range.
func (l *labels) valueOf(i int) string {
	if i < 0 || i >= len(l.values) {
		return ""
	}
	return l.values[i]
}
