package widgets

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// YearText is a year as the window writes it: 2026年, or 2026 in English.
func YearText(y int) string { return fmt.Sprintf(lang.L("%d年"), y) }

// YearSelect offers years newest first and tells which one a person picks.
// Setting the years from code does not count as a pick.
type YearSelect struct {
	widget.Select
	years   []int // offered, newest first
	quiet   bool  // set while SetYears changes the selection
	changed func(year int)
}

// NewYearSelect makes an empty selector; changed (may be nil) runs when a
// person picks a year other than the one shown.
func NewYearSelect(changed func(year int)) *YearSelect {
	s := &YearSelect{changed: changed}
	s.OnChanged = func(string) {
		if s.quiet || s.changed == nil {
			return
		}
		if y := s.Year(); y != 0 {
			s.changed(y)
		}
	}
	s.ExtendBaseWidget(s)
	return s
}

// SetYears offers years and current, newest first and each once, selects
// current, and returns the years in the order offered. A current of 0
// selects none.
func (s *YearSelect) SetYears(years []int, current int) []int {
	all := slices.Clone(years)
	if current != 0 {
		all = append(all, current)
	}
	slices.Sort(all)
	all = slices.Compact(all)
	slices.Reverse(all)
	opts := make([]string, len(all))
	for i, y := range all {
		opts[i] = YearText(y)
	}
	s.quiet = true
	defer func() { s.quiet = false }()
	s.years = all
	s.SetOptions(opts)
	if current == 0 {
		s.ClearSelected()
	} else {
		s.SetSelected(YearText(current))
	}
	return slices.Clone(all)
}

// Year is the year selected, 0 when none is.
func (s *YearSelect) Year() int {
	i := s.SelectedIndex()
	if i < 0 || i >= len(s.years) {
		return 0
	}
	return s.years[i]
}

// Years are the years offered, newest first.
func (s *YearSelect) Years() []int { return slices.Clone(s.years) }

// SetYear selects y when it is offered, without counting as a pick.
func (s *YearSelect) SetYear(y int) {
	if i := slices.Index(s.years, y); i >= 0 {
		s.quiet = true
		defer func() { s.quiet = false }()
		s.SetSelectedIndex(i)
	}
}
