// Package fonts finds the one Simplified-Chinese TrueType font that both the
// windows and the PDFs use, and hands it over as a single-face TrueType file.
//
// Fyne's own fallback picks the Japanese face of Noto Sans CJK for Chinese
// text, a .ttc collection given as a theme font makes its painter panic, and
// the Go PDF libraries read TrueType outlines only. So the program chooses
// explicitly: a Chinese face with TrueType outlines and Latin glyphs, taken
// out of its collection when it ships in one. Font files are not part of the
// repository; they come from the system (Debian's fonts-wqy-zenhei, or the
// fonts every Windows has).
package fonts

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync"
)

// EnvFont names a font file to use instead of the search below.
const EnvFont = "CHAMBERDESK_FONT"

// Candidate is a font file and the face to take from it.
type Candidate struct {
	Path string
	Face int
}

// Candidates lists where a suitable font is looked for, best first. The
// first entries cover the rare name characters (䶮 and others in CJK
// Extension A); later ones are accepted when nothing better is installed.
func Candidates() []Candidate { return candidatesFor(runtime.GOOS, os.Getenv) }

// windowsFonts are the Chinese fonts every Simplified-Chinese Windows ships
// (微软雅黑, 黑体, 宋体, 等线), best first.
var windowsFonts = []string{"msyh.ttc", "simhei.ttf", "simsun.ttc", "Deng.ttf"}

func candidatesFor(goos string, getenv func(string) string) []Candidate {
	var c []Candidate
	if p := getenv(EnvFont); p != "" {
		c = append(c, Candidate{Path: p})
	}
	if goos == "windows" {
		// Windows 10 (1809) and later install a font for the current user
		// only, without administrator rights, into the per-user folder; the
		// system folder is tried first as Windows itself does.
		dirs := []string{`C:\Windows\Fonts`}
		if w := getenv("WINDIR"); w != "" {
			dirs[0] = winJoin(w, "Fonts")
		}
		if l := getenv("LOCALAPPDATA"); l != "" {
			dirs = append(dirs, winJoin(l, `Microsoft\Windows\Fonts`))
		}
		for _, d := range dirs {
			for _, n := range windowsFonts {
				c = append(c, Candidate{Path: winJoin(d, n)})
			}
		}
		return c
	}
	for _, p := range []string{
		"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
		"/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",           // Fedora
		"/usr/share/fonts/wenquanyi/wqy-zenhei/wqy-zenhei.ttc", // Arch
		"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
		"/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
		"/usr/share/fonts/truetype/arphic/uming.ttc",
		"/System/Library/Fonts/STHeiti Light.ttc",
	} {
		c = append(c, Candidate{Path: p})
	}
	return c
}

// winJoin joins Windows path parts with backslashes, whatever system builds
// the list (filepath.Join would use slashes in a test on Linux).
func winJoin(dir, name string) string {
	return strings.TrimRight(dir, `\/`) + `\` + name
}

// Advice tells a secretary, in Chinese, how to give the program a font on
// goos (a runtime.GOOS value, passed in so that every wording can be tested
// anywhere): on Windows the fonts Windows ships and the folders the lookup
// reads, elsewhere the package to install. Both name EnvFont.
func Advice(goos string) string {
	switch goos {
	case "windows":
		return `请确认 C:\Windows\Fonts 中有微软雅黑（msyh.ttc）、黑体（simhei.ttf）或宋体（simsun.ttc）之一；` +
			`没有时，把其中一个字体文件复制到 C:\Windows\Fonts，或右键字体文件选“安装”` +
			`（装到本用户的 %LOCALAPPDATA%\Microsoft\Windows\Fonts），然后重新打开商会工作台。` +
			`也可以把环境变量 ` + EnvFont + ` 设为字体文件的完整路径。`
	case "darwin":
		return `请确认系统中有“华文黑体”（/System/Library/Fonts/STHeiti Light.ttc），` +
			`或把环境变量 ` + EnvFont + ` 设为一个中文 TrueType 字体文件的完整路径。`
	default:
		return `请安装文泉驿正黑字体（Debian/Ubuntu：sudo apt-get install fonts-wqy-zenhei），` +
			`或把环境变量 ` + EnvFont + ` 设为一个中文 TrueType 字体文件的完整路径。`
	}
}

// Font is a loaded single-face TrueType font.
type Font struct {
	Name string // the font's full name, e.g. "WenQuanYi Zen Hei"
	Path string // the file it came from
	TTF  []byte // a standalone TrueType file holding only the chosen face
	cmap map[rune]bool
}

// ErrNotFound means no suitable font is installed.
//
// Its text names no remedy, which differs by system: callers add Advice.
var ErrNotFound = errors.New("未找到可用的中文字体 / no Chinese TrueType font found")

var (
	once   sync.Once
	loaded *Font
	errLd  error
)

// Chinese returns the program's font, found once and kept.
func Chinese() (*Font, error) {
	once.Do(func() { loaded, errLd = find(Candidates()) })
	return loaded, errLd
}

func find(cands []Candidate) (*Font, error) {
	var tried []string
	for _, c := range cands {
		b, err := os.ReadFile(c.Path)
		if err != nil {
			continue
		}
		f, err := Load(b, c.Face)
		if err != nil {
			tried = append(tried, fmt.Sprintf("%s: %v", c.Path, err))
			continue
		}
		if missing := f.Missing("中文商会ABCabc0123"); missing != "" {
			tried = append(tried, fmt.Sprintf("%s: lacks %q", c.Path, missing))
			continue
		}
		f.Path = c.Path
		return f, nil
	}
	if len(tried) > 0 {
		return nil, fmt.Errorf("%w (%v)", ErrNotFound, tried)
	}
	return nil, ErrNotFound
}

// Load reads a TrueType file or collection and returns face as a standalone
// font. Fonts with CFF outlines are refused: the PDF writers need TrueType.
func Load(b []byte, face int) (*Font, error) {
	ttf, err := extractFace(b, face)
	if err != nil {
		return nil, err
	}
	tables, err := readTables(ttf, 0)
	if err != nil {
		return nil, err
	}
	if _, ok := tables["glyf"]; !ok {
		return nil, errors.New("font has no TrueType outlines (glyf table)")
	}
	cmap, err := readCmap(ttf, tables)
	if err != nil {
		return nil, err
	}
	return &Font{Name: fullName(ttf, tables), TTF: ttf, cmap: cmap}, nil
}

// Missing returns the characters of s (spaces and controls aside) that the
// font has no glyph for, each once, in order of first appearance.
func (f *Font) Missing(s string) string {
	seen := map[rune]bool{}
	var out []rune
	for _, r := range s {
		if r <= ' ' || r == 0x3000 || seen[r] {
			continue
		}
		seen[r] = true
		if !f.cmap[r] {
			out = append(out, r)
		}
	}
	return string(out)
}
