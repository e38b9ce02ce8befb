package roster

import (
	"strconv"
	"testing"
)

// isNumber must agree with strconv.ParseFloat on the plain decimals a sheet
// holds, since it decides which rows are totals or stray row numbers.
func TestIsNumber(t *testing.T) {
	for _, s := range []string{"0", "12", "-3", "+4", "1.5", ".5", "5.", "1e5", "1.3812345678E+10",
		"2e-3", "", ".", "-", "e5", "1e", "1.2.3", "12a", "合计", "1 2", "--1", "1e5e5", "1-2"} {
		_, err := strconv.ParseFloat(s, 64)
		if got, want := isNumber(s), err == nil; got != want {
			t.Errorf("isNumber(%q) = %v, ParseFloat says %v", s, got, want)
		}
	}
}
