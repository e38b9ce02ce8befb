package widgets

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestYearSelect(t *testing.T) {
	test.NewTempApp(t)
	var picked []int
	s := NewYearSelect(func(y int) { picked = append(picked, y) })
	got := s.SetYears([]int{2024, 2026, 2024}, 2025)
	if want := []int{2026, 2025, 2024}; !slices.Equal(got, want) || !slices.Equal(s.Years(), want) {
		t.Fatalf("offered %v, want %v", got, want)
	}
	if want := []string{"2026年", "2025年", "2024年"}; !slices.Equal(s.Options, want) || s.Selected != "2025年" || s.Year() != 2025 {
		t.Fatalf("options %q selected %q", s.Options, s.Selected)
	}
	if len(picked) != 0 {
		t.Fatalf("setting the years counted as picks %v", picked)
	}
	s.SetSelected("2024年")
	s.SetYear(2026)
	if !slices.Equal(picked, []int{2024}) || s.Year() != 2026 {
		t.Fatalf("picks %v, year %d", picked, s.Year())
	}
	s.SetYears([]int{2023}, 0)
	if s.Year() != 0 || s.Selected != "" || !slices.Equal(s.Years(), []int{2023}) {
		t.Fatalf("none selected: year %d %q", s.Year(), s.Selected)
	}
	if YearText(2026) != "2026年" {
		t.Fatalf("YearText %q", YearText(2026))
	}
}
