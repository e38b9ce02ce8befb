//go:build ignore

// Command genicon draws assets/icon.png (256 px, the window and Linux icon)
// and assets/icon.ico (16 to 256 px, the Windows program icon): a deep-red
// rounded square holding a white hall (pediment, three columns, plinth), the
// plain sign of a chamber. The straight edges sit on whole units of a 16-unit
// grid, so every size in the .ico is drawn for itself and its bars land on
// whole pixels: at 16x16 each column is two crisp pixels with a one-pixel gap.
//
// Run from the repository root: go run scripts/genicon/main.go
package main

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"
)

// ss is the subsamples per pixel axis, for smooth diagonal and round edges.
const ss = 4

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
	{3, 6, 13, 7},   // beam under the pediment
	{4, 8, 6, 12},   // left column
	{7, 8, 9, 12},   // middle column
	{10, 8, 12, 12}, // right column
	{3, 12, 13, 14}, // plinth
}

func inGlyph(x, y float64) bool {
	// Pediment: triangle with apex (8, 2) over the beam from x=2.5 to 13.5.
	if y >= 2 && y < 6 {
		half := (y - 2) / (6 - 2) * 5.5
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

// draw renders the icon at size x size pixels.
func draw(size int) *image.NRGBA {
	unit := float64(size) / 16
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
	return img
}

func encodePNG(img image.Image) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		log.Fatal(err)
	}
	return b.Bytes()
}

// encodeICO writes an icon directory whose entries are PNG images, which
// Windows reads since Vista; the format is a 6-byte header, one 16-byte entry
// per image, then the images.
func encodeICO(sizes []int) []byte {
	var dir, body bytes.Buffer
	le := binary.LittleEndian
	_ = binary.Write(&dir, le, [3]uint16{0, 1, uint16(len(sizes))})
	offset := 6 + 16*len(sizes)
	for _, n := range sizes {
		p := encodePNG(draw(n))
		side := uint8(n) // 256 is written as 0
		_ = binary.Write(&dir, le, struct {
			W, H, Colors, Reserved uint8
			Planes, Bits           uint16
			Size, Offset           uint32
		}{side, side, 0, 0, 1, 32, uint32(len(p)), uint32(offset)})
		body.Write(p)
		offset += len(p)
	}
	return append(dir.Bytes(), body.Bytes()...)
}

func main() {
	write("assets/icon.png", encodePNG(draw(256)))
	write("assets/icon.ico", encodeICO([]int{16, 24, 32, 48, 64, 256}))
}

func write(path string, b []byte) {
	if err := os.WriteFile(path, b, 0o644); err != nil {
		log.Fatal(err)
	}
}
