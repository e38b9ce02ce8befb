package demo

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"math/rand/v2"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"chamberdesk/data"
)

// Demo photos are drawn, not shipped: a few flat shapes in a scene-like
// layout (a wall or the sky, a red banner, tables, people) are enough for
// screens, printed briefs and packages to show "a photo", and every byte is
// our own. Each photo is drawn from its own seeded generator, so the bytes
// are the same on every run whatever order the workers finish in.

const (
	photoW, photoH = 480, 320
	photoQuality   = 70
)

// photo is one picture of an activity.
type photo struct {
	name    string
	caption string
	scene   scene
	seed    uint64
	jpeg    []byte        // set by the renderer
	err     error         // writing the file failed
	ready   chan struct{} // closed once jpeg is set and the file written
}

type scene int

const (
	sceneMeeting  scene = iota // a meeting room: banner, long table, seated people
	sceneClass                 // a class: screen, banner, rows of heads from behind
	sceneGroup                 // a group photo in two rows under a banner
	sceneSigning               // a signing or donation at a table before a red backdrop
	sceneOutdoor               // a visit: sky, buildings, people standing
	sceneMonument              // a memorial with a wreath
	sceneOath                  // people before a red flag, hands raised
	sceneMarket                // canopies outdoors: clinics, fairs, volunteers
)

// sceneFor picks a layout from the caption.
func sceneFor(caption string) scene {
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(caption, w) {
				return true
			}
		}
		return false
	}
	switch {
	case has("合影", "表彰"):
		return sceneGroup
	case has("签约", "捐赠"):
		return sceneSigning
	case has("花篮"):
		return sceneMonument
	case has("誓词"):
		return sceneOath
	case has("义诊", "慰问", "志愿", "展销", "产销"):
		return sceneMarket
	case has("考察", "察看", "参观", "观摩", "教学", "演练", "走访"):
		return sceneOutdoor
	case has("培训", "授课", "直播", "讲座", "党课", "报告会", "学习会", "答疑"):
		return sceneClass
	}
	return sceneMeeting
}

// renderer draws the planned photos on background workers while the
// transaction writes everything else; a photo's ready channel closes once
// its bytes are there.
type renderer struct {
	quit chan struct{}
	wg   sync.WaitGroup
}

// startRendering starts drawing every photo of acts, in activity order, and
// writing its file into s's photo folder (see fileLog.writePhoto).
func startRendering(acts []*activityPlan, s *data.Store, files *fileLog) *renderer {
	var all []*photo
	for _, a := range acts {
		for i := range a.photos {
			a.photos[i].ready = make(chan struct{})
			all = append(all, &a.photos[i])
		}
	}
	rd := &renderer{quit: make(chan struct{})}
	var next atomic.Int64
	// More workers than CPUs: half a worker's time is waiting for the disk
	// to confirm a file (fsync).
	for range min(4*runtime.GOMAXPROCS(0), 12) {
		rd.wg.Add(1)
		go func() {
			defer rd.wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(all) {
					return
				}
				select {
				case <-rd.quit:
					return
				default:
				}
				p := all[i]
				p.jpeg = drawPhoto(p.scene, p.seed)
				p.err = files.writePhoto(s, p.jpeg)
				close(p.ready)
			}
		}()
	}
	return rd
}

// stop ends the workers early (after a failure) and waits for them.
func (rd *renderer) stop() {
	close(rd.quit)
	rd.wg.Wait()
}

// canvas is an RGBA picture with the few primitives the scenes need.
type canvas struct {
	img *image.RGBA
	r   *rand.Rand
}

func rgb(r, g, b uint8) color.RGBA { return color.RGBA{r, g, b, 255} }

func (c *canvas) rect(x0, y0, x1, y1 int, col color.RGBA) {
	x0, y0 = max(x0, 0), max(y0, 0)
	x1, y1 = min(x1, photoW), min(y1, photoH)
	for y := y0; y < y1; y++ {
		row := c.img.Pix[y*c.img.Stride:]
		for x := x0; x < x1; x++ {
			i := x * 4
			row[i], row[i+1], row[i+2], row[i+3] = col.R, col.G, col.B, 255
		}
	}
}

// vgrad fills rows y0..y1 with a vertical gradient.
func (c *canvas) vgrad(y0, y1 int, top, bottom color.RGBA) {
	for y := max(y0, 0); y < min(y1, photoH); y++ {
		t := float64(y-y0) / float64(max(y1-y0-1, 1))
		c.rect(0, y, photoW, y+1, mix(top, bottom, t))
	}
}

func mix(a, b color.RGBA, t float64) color.RGBA {
	// float64(…) around the product stops fused multiply-add, so the bytes
	// are the same on every architecture.
	l := func(x, y uint8) uint8 { return uint8(float64(x) + float64((float64(y)-float64(x))*t)) }
	return rgb(l(a.R, b.R), l(a.G, b.G), l(a.B, b.B))
}

func (c *canvas) disc(cx, cy, rad int, col color.RGBA) {
	for y := cy - rad; y <= cy+rad; y++ {
		dy := y - cy
		w := int(math.Sqrt(float64(rad*rad - dy*dy)))
		c.rect(cx-w, y, cx+w+1, y+1, col)
	}
}

// shade darkens or lightens a colour a little, at random.
func (c *canvas) shade(col color.RGBA, spread int) color.RGBA {
	d := c.r.IntN(2*spread+1) - spread
	f := func(v uint8) uint8 { return uint8(min(max(int(v)+d, 0), 255)) }
	return rgb(f(col.R), f(col.G), f(col.B))
}

var (
	skins   = []color.RGBA{rgb(238, 200, 170), rgb(226, 186, 152), rgb(214, 170, 135), rgb(232, 194, 160)}
	hairs   = []color.RGBA{rgb(30, 28, 28), rgb(45, 38, 34), rgb(60, 52, 46), rgb(90, 90, 92)}
	clothes = []color.RGBA{
		rgb(40, 48, 70), rgb(30, 30, 36), rgb(70, 74, 82), rgb(236, 236, 232), rgb(120, 30, 36),
		rgb(52, 90, 140), rgb(160, 150, 130), rgb(200, 200, 206), rgb(46, 80, 60), rgb(180, 60, 50),
	}
	bannerRed = rgb(196, 28, 30)
	gold      = rgb(246, 214, 120)
)

func (c *canvas) pick(list []color.RGBA) color.RGBA { return c.shade(list[c.r.IntN(len(list))], 10) }

// standing draws a person standing with feet at (x, y); s scales.
func (c *canvas) standing(x, y int, s float64) {
	body := c.pick(clothes)
	bw, bh := int(20*s), int(46*s)
	c.rect(x-bw/2, y-bh, x+bw/2, y, body)
	c.rect(x-bw/2+int(3*s), y-int(18*s), x+bw/2-int(3*s), y, c.shade(rgb(40, 40, 48), 8)) // trousers
	hr := int(8 * s)
	c.disc(x, y-bh-hr+int(2*s), hr, c.pick(skins))
	c.rect(x-hr, y-bh-2*hr+int(2*s), x+hr, y-bh-2*hr+int(7*s), c.pick(hairs))
}

// seated draws head and shoulders with the shoulders' base at (x, y).
func (c *canvas) seated(x, y int, s float64) {
	bw, bh := int(26*s), int(22*s)
	c.rect(x-bw/2, y-bh, x+bw/2, y, c.pick(clothes))
	hr := int(8 * s)
	c.disc(x, y-bh-hr+int(2*s), hr, c.pick(skins))
	c.rect(x-hr, y-bh-2*hr+int(2*s), x+hr, y-bh-2*hr+int(7*s), c.pick(hairs))
}

// back draws a head seen from behind (a class, an audience).
func (c *canvas) back(x, y int, s float64) {
	c.rect(x-int(13*s), y-int(10*s), x+int(13*s), y+int(30*s), c.pick(clothes))
	c.disc(x, y-int(14*s), int(9*s), c.pick(hairs))
}

// banner draws a red banner with pale "characters" on it.
func (c *canvas) banner(x0, y0, x1, y1 int) {
	c.rect(x0, y0, x1, y1, c.shade(bannerRed, 6))
	h := y1 - y0
	ch := h * 6 / 10
	n := (x1 - x0 - h) / (ch + ch/4)
	n = min(n, 10+c.r.IntN(6))
	w := n*ch + (n-1)*ch/4
	x := x0 + (x1-x0-w)/2
	for i := 0; i < n; i++ {
		c.rect(x, y0+(h-ch)/2, x+ch, y0+(h-ch)/2+ch, gold)
		// a stroke gap so the block reads as a character, not a tile
		c.rect(x+ch/3, y0+(h-ch)/2+ch/4, x+ch/3+max(ch/8, 1), y0+(h-ch)/2+ch*3/4, bannerRed)
		x += ch + ch/4
	}
}

func (c *canvas) wall() {
	c.vgrad(0, photoH*62/100, c.shade(rgb(226, 220, 206), 10), c.shade(rgb(206, 198, 184), 10))
	c.vgrad(photoH*62/100, photoH, c.shade(rgb(150, 120, 92), 12), c.shade(rgb(110, 86, 64), 10))
}

func (c *canvas) sky() {
	c.vgrad(0, photoH*55/100, c.shade(rgb(120, 170, 222), 14), c.shade(rgb(206, 226, 240), 8))
	c.vgrad(photoH*55/100, photoH, c.shade(rgb(150, 150, 140), 14), c.shade(rgb(120, 118, 108), 10))
}

func drawPhoto(sc scene, seed uint64) []byte {
	c := &canvas{img: image.NewRGBA(image.Rect(0, 0, photoW, photoH)), r: rand.New(rand.NewPCG(seed1^seed, seed2+seed*7919))}
	r := c.r
	horizon := photoH * 62 / 100
	switch sc {
	case sceneMeeting:
		c.wall()
		c.banner(40, 24, photoW-40, 64)
		// far side of a long table, people seated behind it
		n := 5 + r.IntN(4)
		for i := 0; i < n; i++ {
			c.seated(70+i*(photoW-140)/(n-1), horizon+6, 1.0)
		}
		cloth := []color.RGBA{rgb(240, 240, 236), rgb(30, 110, 70), rgb(150, 30, 40)}[r.IntN(3)]
		c.rect(30, horizon+6, photoW-30, horizon+40, c.shade(cloth, 6))
		for i := 0; i < n; i++ { // name cards and cups
			x := 70 + i*(photoW-140)/(n-1)
			c.rect(x-12, horizon+10, x+12, horizon+20, rgb(250, 250, 250))
			c.rect(x+16, horizon+8, x+22, horizon+18, rgb(230, 230, 236))
		}
		for i := 0; i < 3+r.IntN(3); i++ { // near side, backs to the camera
			c.back(60+i*95+r.IntN(20), photoH-30, 1.5)
		}
	case sceneClass:
		c.wall()
		c.banner(30, 18, photoW-30, 52)
		c.rect(140, 66, 340, 176, rgb(246, 248, 250)) // screen
		c.rect(160, 86, 320, 96, c.shade(rgb(40, 90, 160), 10))
		for i := 0; i < 5; i++ {
			c.rect(160, 108+i*12, 200+r.IntN(120), 114+i*12, rgb(150, 156, 166))
		}
		c.standing(90, horizon+20, 1.0) // the teacher
		for row := 0; row < 3; row++ {
			s := 1.0 + float64(row)*0.35
			y := horizon + 40 + row*42
			for x := 20 + r.IntN(30); x < photoW; x += int(60*s) + r.IntN(12) {
				c.back(x, y, s)
			}
		}
	case sceneGroup:
		outdoor := r.IntN(2) == 0
		if outdoor {
			c.sky()
			c.rect(60, 40, photoW-60, 150, c.shade(rgb(200, 196, 188), 10)) // building
			for x := 80; x < photoW-80; x += 40 {
				c.rect(x, 60, x+22, 90, rgb(120, 150, 180))
				c.rect(x, 104, x+22, 134, rgb(120, 150, 180))
			}
		} else {
			c.wall()
		}
		c.banner(50, 150, photoW-50, 182)
		for row := 0; row < 2; row++ {
			s := 1.1 + float64(row)*0.15
			y := 250 + row*50
			n := 9 - row
			for i := 0; i < n; i++ {
				c.standing(50+i*(photoW-100)/(n-1)+row*8, y, s)
			}
		}
	case sceneSigning:
		c.rect(0, 0, photoW, horizon+10, c.shade(rgb(180, 20, 26), 8))
		c.banner(40, 30, photoW-40, 80)
		for i := 0; i < 6+r.IntN(3); i++ { // people standing behind
			c.standing(70+i*52, horizon+4, 0.95)
		}
		c.rect(0, horizon+10, photoW, photoH, c.shade(rgb(120, 90, 70), 10))
		c.seated(160, horizon+40, 1.2)
		c.seated(320, horizon+40, 1.2)
		c.rect(60, horizon+40, photoW-60, horizon+90, c.shade(rgb(150, 24, 30), 6)) // table
		c.rect(130, horizon+34, 190, horizon+44, rgb(250, 250, 246))
		c.rect(290, horizon+34, 350, horizon+44, rgb(250, 250, 246))
		c.disc(240, horizon+30, 10, gold) // flowers
	case sceneOutdoor:
		c.sky()
		for x := 0; x < photoW; { // buildings or hills on the horizon
			w := 50 + r.IntN(80)
			h := 40 + r.IntN(90)
			c.rect(x, photoH*55/100-h, x+w-6, photoH*55/100, c.shade(rgb(186, 184, 178), 16))
			x += w
		}
		for i := 0; i < 5+r.IntN(6); i++ {
			c.standing(40+r.IntN(photoW-80), photoH-20-r.IntN(60), 1.0+r.Float64()*0.4)
		}
	case sceneMonument:
		c.sky()
		c.rect(210, 30, 270, photoH*55/100, rgb(214, 210, 200)) // obelisk
		c.rect(160, photoH*55/100-20, 320, photoH*55/100, rgb(190, 186, 176))
		c.disc(240, photoH*55/100+30, 26, rgb(240, 240, 236)) // wreath
		c.disc(240, photoH*55/100+30, 16, rgb(40, 120, 60))
		for row := 0; row < 3; row++ { // far rows first, staggered
			for i := 0; i < 7-row%2; i++ {
				c.back(50+i*64+(row%2)*32, photoH-104+row*44, 1.0+float64(row)*0.15)
			}
		}
	case sceneOath:
		c.wall()
		c.rect(140, 30, 340, 160, c.shade(bannerRed, 4)) // flag
		c.disc(180, 70, 20, gold)
		for row := 0; row < 2; row++ {
			for i := 0; i < 6; i++ {
				x := 70 + i*68 + row*20
				y := photoH - 30 - row*40
				c.back(x, y, 1.3)
				c.rect(x+12, y-44, x+18, y-20, c.pick(skins)) // raised fist
			}
		}
	case sceneMarket:
		c.sky()
		for i := 0; i < 3; i++ { // canopies
			x := 30 + i*150
			col := []color.RGBA{rgb(40, 110, 200), bannerRed, rgb(240, 240, 240)}[r.IntN(3)]
			c.rect(x, 100, x+130, 126, c.shade(col, 8))
			c.rect(x+4, 126, x+8, 220, rgb(200, 200, 200))
			c.rect(x+122, 126, x+126, 220, rgb(200, 200, 200))
			c.rect(x+10, 190, x+120, 214, rgb(245, 245, 245)) // table
		}
		for i := 0; i < 8+r.IntN(6); i++ {
			c.standing(20+r.IntN(photoW-40), photoH-10-r.IntN(70), 0.9+r.Float64()*0.4)
		}
	}
	vignette(c.img)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, c.img, &jpeg.Options{Quality: photoQuality}); err != nil {
		panic(err) // writing to a buffer cannot fail
	}
	return buf.Bytes()
}

// vignetteTable holds, per pixel, the factor (out of 256) a phone lens's
// darkening of the corners leaves; computed once.
var vignetteTable = sync.OnceValue(func() []uint16 {
	t := make([]uint16, photoW*photoH)
	cx, cy := float64(photoW)/2, float64(photoH)/2
	maxD := cx*cx + cy*cy
	for y := 0; y < photoH; y++ {
		dy := float64(y) - cy
		for x := 0; x < photoW; x++ {
			dx := float64(x) - cx
			t[y*photoW+x] = uint16(256 * (1 - float64(0.22*float64(float64(dx*dx)+float64(dy*dy))/maxD)))
		}
	}
	return t
})

// vignette darkens the corners a little.
func vignette(img *image.RGBA) {
	t := vignetteTable()
	for y := 0; y < photoH; y++ {
		row := img.Pix[y*img.Stride : y*img.Stride+photoW*4]
		ft := t[y*photoW : (y+1)*photoW]
		for x, f := range ft {
			i := x * 4
			row[i] = uint8(uint16(row[i]) * f >> 8)
			row[i+1] = uint8(uint16(row[i+1]) * f >> 8)
			row[i+2] = uint8(uint16(row[i+2]) * f >> 8)
		}
	}
}
