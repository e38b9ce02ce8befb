//go:build ignore

// Command genicon draws assets/icon.png: a deep-red rounded square holding a
// white hall (pediment, three columns, plinth), the plain sign of a chamber.
// The shapes sit on a 16-unit grid so the icon still reads at 16x16 pixels.
//
// Run from the repository root: go run scripts/genicon/main.go
package main

import (
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"
)

const (
	size = 256
	unit = size / 16.0
	ss   = 4 // subsamples per axis, for smooth edges
)

var (
	red   = color.NRGBA{0xB2, 0x22, 0x22, 0xFF}
	white = color.NRGBA{0xFF, 0xFF, 0xFF, 0xFF}
)

// inRoundedSquare reports whether (x, y), in units, lies in the background tile.
func inRoundedSquare(x, y float64) bool {
	const lo, hi, r = 0.5, 15.5, 3.0
	if x < lo || x > hi || y < lo || y > hi {
		return false
	}
	cx := math.Max(lo+r, math.Min(x, hi-r))
	cy := math.Max(lo+r, math.Min(y, hi-r))
	return (x-cx)*(x-cx)+(y-cy)*(y-cy) <= r*r
}

type rect struct{ x0, y0, x1, y1 float64 }

func (r rect) has(x, y float64) bool { return x >= r.x0 && x < r.x1 && y >= r.y0 && y < r.y1 }

// glyph is the white hall, in units.
var bars = []rect{
	{3, 6, 13, 7},              // beam under the pediment
	{4, 7.75, 5.75, 11.5},      // left column
	{7.125, 7.75, 8.875, 11.5}, // middle column
	{10.25, 7.75, 12, 11.5},    // right column
	{3, 12, 13, 13.5},          // plinth
}

func inGlyph(x, y float64) bool {
	// Pediment: triangle with apex (8, 2.25) over the beam from x=2.5 to 13.5.
	if y >= 2.25 && y < 6 {
		half := (y - 2.25) / (6 - 2.25) * 5.5
		if math.Abs(x-8) <= half {
			return true
		}
	}
	for _, b := range bars {
		if b.has(x, y) {
			return true
		}
	}
	return false
}

func main() {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			var tile, glyph int
			for sy := 0; sy < ss; sy++ {
				for sx := 0; sx < ss; sx++ {
					x := (float64(px) + (float64(sx)+0.5)/ss) / unit
					y := (float64(py) + (float64(sy)+0.5)/ss) / unit
					if inRoundedSquare(x, y) {
						tile++
						if inGlyph(x, y) {
							glyph++
						}
					}
				}
			}
			if tile == 0 {
				continue
			}
			// Blend white over red by glyph coverage; alpha from tile coverage.
			f := float64(glyph) / float64(tile)
			mix := func(a, b uint8) uint8 { return uint8(math.Round(float64(a)*(1-f) + float64(b)*f)) }
			img.SetNRGBA(px, py, color.NRGBA{
				R: mix(red.R, white.R),
				G: mix(red.G, white.G),
				B: mix(red.B, white.B),
				A: uint8(math.Round(255 * float64(tile) / (ss * ss))),
			})
		}
	}
	f, err := os.Create("assets/icon.png")
	if err != nil {
		log.Fatal(err)
	}
	if err := png.Encode(f, img); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}
