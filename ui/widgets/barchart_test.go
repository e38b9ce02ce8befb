package widgets

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// barHeight is the drawn height of bar i.
func (r *barChartRenderer) barHeight(i int) float32 { return r.bars[i].Size().Height }

func TestBarChart(t *testing.T) {
	test.NewTempApp(t)
	c := NewBarChart("活动场次", []string{"1月", "2月", "3月"}, theme.ColorNamePrimary,
		func(v float64) string { return fmt.Sprint(v) })
	w := test.NewTempWindow(t, c)
	w.Resize(fyne.NewSize(300, 240))
	c.SetValues([]float64{2, 4})
	r := test.WidgetRenderer(c).(*barChartRenderer)
	if got := c.Values(); len(got) != 3 || got[2] != 0 {
		t.Fatalf("values %v: a missing value is zero", got)
	}
	if r.barHeight(1) <= 0 || r.barHeight(2) != 0 {
		t.Fatalf("bars %v %v", r.barHeight(1), r.barHeight(2))
	}
	if d := r.barHeight(0) - r.barHeight(1)/2; d > 0.5 || d < -0.5 {
		t.Errorf("half the value, half the bar: %v vs %v", r.barHeight(0), r.barHeight(1))
	}
	if r.values[1].Text != "4" || r.labels[2].Text != "3月" || r.max() != 4 {
		t.Errorf("value %q label %q max %v", r.values[1].Text, r.labels[2].Text, r.max())
	}
	c.SetTitle("参与人次")
	if r.title.Text != "参与人次" {
		t.Errorf("title %q", r.title.Text)
	}
}
