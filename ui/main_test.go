package ui

import (
	"os"
	"testing"
)

// TestMain runs background work in place, on the goroutine that starts it:
// with Fyne's test driver that is the test's own, as the real driver's
// fyne.Do puts results on the one UI goroutine.
func TestMain(m *testing.M) {
	spawn = func(f func()) { f() }
	os.Exit(m.Run())
}
