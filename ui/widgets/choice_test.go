package widgets

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

var testLabels = map[string]string{"会长": "President", "副会长": "Vice President", "会员": "Member"}

func testLabel(v string) string {
	if l, ok := testLabels[v]; ok {
		return l
	}
	return v
}

func TestChoiceShowsLabelsGivesValues(t *testing.T) {
	var got []string
	c := NewChoice([]string{"会长", "副会长", "会员"}, testLabel, func(v string) { got = append(got, v) })
	if want := []string{"President", "Vice President", "Member"}; !slices.Equal(c.Options, want) {
		t.Fatalf("options %v, want %v", c.Options, want)
	}
	if c.Value() != "" {
		t.Fatalf("value before any choice: %q", c.Value())
	}
	c.SetValue("副会长")
	if c.Selected != "Vice President" || c.Value() != "副会长" {
		t.Fatalf("after SetValue: shows %q, value %q", c.Selected, c.Value())
	}
	c.SetSelected("Member") // as a person picking the label
	if c.Value() != "会员" {
		t.Fatalf("after SetSelected: value %q", c.Value())
	}
	c.SetSelectedIndex(0)
	if c.Value() != "会长" {
		t.Fatalf("after SetSelectedIndex: value %q", c.Value())
	}
	if want := []string{"副会长", "会员", "会长"}; !slices.Equal(got, want) {
		t.Fatalf("changed got %v, want %v", got, want)
	}
	c.SetValue("秘书长") // not offered
	if c.Selected != "" || c.Value() != "" {
		t.Fatalf("after an unknown value: shows %q, value %q", c.Selected, c.Value())
	}
}

func TestChoiceTapped(t *testing.T) {
	var got string
	c := NewChoice([]string{"会长", "副会长"}, testLabel, func(v string) { got = v })
	w := test.NewWindow(c)
	defer w.Close()
	w.Resize(fyne.NewSize(300, 300))
	test.Tap(c)
	pop := w.Canvas().Overlays().Top()
	if pop == nil {
		t.Fatal("tapping shows no options")
	}
	item := tappableReading(pop, "Vice President")
	if item == nil {
		t.Fatal("no option reads Vice President")
	}
	test.Tap(item)
	if got != "副会长" || c.Value() != "副会长" {
		t.Fatalf("tapped Vice President: changed %q, value %q", got, c.Value())
	}
}

// tappableReading is the innermost tappable widget under pop whose text
// reads s: the menu item, not the pop-up holding it.
func tappableReading(pop fyne.CanvasObject, s string) fyne.Tappable {
	var found fyne.Tappable
	for _, o := range test.LaidOutObjects(pop) {
		tp, ok := o.(fyne.Tappable)
		if !ok || o == pop {
			continue
		}
		for _, in := range test.LaidOutObjects(o) {
			if tx, ok := in.(*canvas.Text); ok && tx.Text == s {
				found = tp // objects come outermost first
			}
		}
	}
	return found
}

func TestChoiceSetValuesKeepsValue(t *testing.T) {
	calls := 0
	lang := testLabel
	c := NewChoice([]string{"会长", "会员"}, func(v string) string { return lang(v) }, func(string) { calls++ })
	c.SetValue("会员")
	calls = 0
	lang = func(v string) string { return v } // the language changed
	c.SetValues([]string{"会长", "副会长", "会员"})
	if c.Selected != "会员" || c.Value() != "会员" || calls != 0 {
		t.Fatalf("after SetValues: shows %q, value %q, changed called %d times", c.Selected, c.Value(), calls)
	}
	c.SetValues([]string{"会长"})
	if c.Value() != "" || calls != 0 {
		t.Fatalf("value no longer offered: value %q, changed called %d times", c.Value(), calls)
	}
	if !slices.Equal(c.Values(), []string{"会长"}) {
		t.Fatalf("values %v", c.Values())
	}
}

func TestChoiceLabelsTellValuesApart(t *testing.T) {
	c := NewChoice([]string{"培训办班", "Training course", "培训办班"},
		func(v string) string {
			if v == "培训办班" {
				return "Training course"
			}
			return v
		}, nil)
	if want := []string{"Training course", "Training course (Training course)"}; !slices.Equal(c.Options, want) {
		t.Fatalf("options %v, want %v", c.Options, want)
	}
	c.SetSelectedIndex(1)
	if c.Value() != "Training course" {
		t.Fatalf("second option gives %q", c.Value())
	}
	c.SetSelectedIndex(0)
	if c.Value() != "培训办班" {
		t.Fatalf("first option gives %q", c.Value())
	}
	if n := NewChoice([]string{"a"}, nil, nil); n.Options[0] != "a" {
		t.Fatalf("nil label shows %q", n.Options[0])
	}
}

func TestRadioChoice(t *testing.T) {
	var got []string
	r := NewRadioChoice([]string{"会长", "会员"}, testLabel, func(v string) { got = append(got, v) })
	if !slices.Equal(r.Options, []string{"President", "Member"}) {
		t.Fatalf("options %v", r.Options)
	}
	r.SetValue("会员")
	if r.Selected != "Member" || r.Value() != "会员" {
		t.Fatalf("after SetValue: shows %q, value %q", r.Selected, r.Value())
	}
	r.SetSelected("President")
	if r.Value() != "会长" {
		t.Fatalf("after SetSelected: value %q", r.Value())
	}
	r.SetValue("")
	if r.Selected != "" || r.Value() != "" {
		t.Fatalf("after clearing: shows %q, value %q", r.Selected, r.Value())
	}
	if want := []string{"会员", "会长", ""}; !slices.Equal(got, want) {
		t.Fatalf("changed got %v, want %v", got, want)
	}
	r.SetValue("会员")
	got = nil
	r.SetValues([]string{"会员", "副会长"})
	if r.Value() != "会员" || len(got) != 0 || !slices.Equal(r.Options, []string{"Member", "Vice President"}) {
		t.Fatalf("after SetValues: value %q, options %v, changed %v", r.Value(), r.Options, got)
	}
	w := test.NewWindow(r)
	defer w.Close()
	if r.MinSize().Width <= 0 {
		t.Fatal("radio choice has no size")
	}
}
