package shareimg

import (
	"fmt"
	"runtime"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/basicfont"
	"golang.org/x/image/font/opentype"

	"chamberdesk/assets/fonts"
	"chamberdesk/data"
)

// chineseFont finds the program's font; tests swap it to see what happens
// on a machine without one.
var chineseFont = fonts.Chinese

// Codes of a picture that could not be made.
const (
	CodeNoFont = "shareimg.font"
	CodeDraw   = "shareimg.draw"
	CodeEncode = "shareimg.encode"
)

func noFontError(err error) error {
	return &data.Error{Code: CodeNoFont,
		Msg: "未找到可用的中文字体，无法生成活动长图。" + fonts.Advice(runtime.GOOS) + "之后再生成一次。",
		MsgEN: "No Chinese font was found, so the long image cannot be made. Install a Chinese TrueType font " +
			"(Debian/Ubuntu: fonts-wqy-zenhei; Windows: Microsoft YaHei, SimHei or SimSun in the Fonts folder), " +
			"or set the environment variable " + fonts.EnvFont + " to the full path of one, then try again.",
		Reason: fmt.Sprintf("no Chinese TrueType font for the long image: %v", err)}
}

// parsed is the font as golang.org/x/image reads it, parsed once per font
// file found: a Font is safe for concurrent use, the faces made from it
// are not, so each picture makes its own.
var parsed struct {
	sync.Mutex
	src *fonts.Font
	f   *opentype.Font
}

// loadFont returns the program's font, parsed.
func loadFont() (*opentype.Font, error) {
	src, err := chineseFont()
	if err != nil {
		return nil, noFontError(err)
	}
	parsed.Lock()
	defer parsed.Unlock()
	if parsed.src != src {
		f, err := opentype.Parse(src.TTF)
		if err != nil {
			return nil, noFontError(fmt.Errorf("%s: %w", src.Path, err))
		}
		parsed.src, parsed.f = src, f
	}
	return parsed.f, nil
}

// faces makes the faces of one picture, one per type size in pixels.
type faces struct {
	f     *opentype.Font
	sizes map[float64]font.Face
	err   error // the first face that could not be made
}

func newFaces(f *opentype.Font) *faces { return &faces{f: f, sizes: map[float64]font.Face{}} }

// at is the face at size pixels. Should one not be made (NewFace fails
// only on a size it cannot scale to), a small built-in face stands in and
// the picture fails with fs.err once laid out.
func (fs *faces) at(size float64) font.Face {
	if fc, ok := fs.sizes[size]; ok {
		return fc
	}
	// Hinting off: the glyphs keep their shapes at every size, and widths
	// measured are the widths drawn.
	fc, err := opentype.NewFace(fs.f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		if fs.err == nil {
			fs.err = fmt.Errorf("face at %.1f px: %w", size, err)
		}
		return basicfont.Face7x13
	}
	fs.sizes[size] = fc
	return fc
}

func (fs *faces) close() {
	for _, fc := range fs.sizes {
		fc.Close()
	}
}
