package widgets

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// WrapLabel is a label whose text wraps to its width the way Chinese is
// set. Fyne's own word wrapping breaks only at spaces, so a run of Chinese
// counts as one long word: in mixed text such as "导出 Excel 表格，打印…"
// the line ends after "Excel" and the Chinese after it starts the next.
// Here Latin words stay whole and break at spaces, Chinese may break
// between any two characters, closing punctuation such as ，。、；：）」 never
// starts a line and opening punctuation such as （「“ never ends one.
type WrapLabel struct {
	widget.BaseWidget
	Text       string
	Alignment  fyne.TextAlign
	TextStyle  fyne.TextStyle
	SizeName   fyne.ThemeSizeName // theme.SizeNameText when empty
	Importance widget.Importance

	label *widget.Label // draws the broken lines, unwrapped
	broke breakKey      // what the label's lines were last broken for
}

// breakKey is what a text's lines depend on.
type breakKey struct {
	text       string
	room, size float32
	style      fyne.TextStyle
}

// NewWrapLabel makes a wrapping label showing text.
func NewWrapLabel(text string) *WrapLabel {
	l := &WrapLabel{Text: text, label: widget.NewLabel("")}
	l.ExtendBaseWidget(l)
	return l
}

// SetText shows text.
func (l *WrapLabel) SetText(text string) {
	l.Text = text
	l.Refresh()
}

// Lines are the lines the label draws at its present width.
func (l *WrapLabel) Lines() []string {
	l.sync(l.Size().Width)
	return strings.Split(l.label.Text, "\n")
}

// sync breaks the text for width and gives it, and the label's style, to
// the label that draws it; it reports whether the drawn text changed.
func (l *WrapLabel) sync(width float32) bool {
	th := l.Theme()
	size := l.SizeName
	if size == "" {
		size = theme.SizeNameText
	}
	ts, style := th.Size(size), l.TextStyle
	room := width - 2*th.Size(theme.SizeNameInnerPadding)
	if width <= 0 {
		room = 0 // not laid out yet: one line per paragraph
	}
	in := l.label
	in.Alignment, in.TextStyle, in.SizeName, in.Importance = l.Alignment, l.TextStyle, l.SizeName, l.Importance
	key := breakKey{l.Text, room, ts, style}
	if key == l.broke {
		return false
	}
	l.broke = key
	text := strings.Join(BreakLines(l.Text, room, func(s string) float32 {
		return fyne.MeasureText(s, ts, style).Width
	}), "\n")
	changed := in.Text != text
	in.Text = text
	return changed
}

// CreateRenderer is Fyne's way in.
func (l *WrapLabel) CreateRenderer() fyne.WidgetRenderer {
	l.sync(l.Size().Width)
	return &wrapLabelRenderer{l: l}
}

type wrapLabelRenderer struct{ l *WrapLabel }

func (r *wrapLabelRenderer) Layout(size fyne.Size) {
	if r.l.sync(size.Width) {
		r.l.label.Refresh()
	}
	r.l.label.Move(fyne.NewPos(0, 0))
	r.l.label.Resize(size)
}

// MinSize is as narrow as one character and as tall as the lines at the
// present width, as Fyne's wrapping label does.
func (r *wrapLabelRenderer) MinSize() fyne.Size {
	l := r.l
	l.sync(l.Size().Width)
	h := l.label.MinSize().Height
	th := l.Theme()
	w := fyne.MeasureText("国", th.Size(theme.SizeNameText), l.TextStyle).Width + 2*th.Size(theme.SizeNameInnerPadding)
	return fyne.NewSize(w, h)
}

func (r *wrapLabelRenderer) Refresh() {
	r.l.sync(r.l.Size().Width)
	r.l.label.Refresh()
}

func (r *wrapLabelRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.l.label} }

func (r *wrapLabelRenderer) Destroy() {}

// BreakLines breaks text into lines no wider than width as measure gives
// widths: at its newlines, then between the units of each paragraph
// (breakUnits). A unit wider than a line on its own, such as a long file
// path, is broken between characters. Spaces where a line breaks are
// dropped. A width of 0 or less breaks at newlines only.
func BreakLines(text string, width float32, measure func(string) float32) []string {
	paras := strings.Split(text, "\n")
	if width <= 0 {
		return paras
	}
	var lines []string
	for _, p := range paras {
		line := ""
		flush := func() {
			lines = append(lines, strings.TrimRightFunc(line, unicode.IsSpace))
			line = ""
		}
		for _, u := range breakUnits(p) {
			if strings.TrimSpace(u) == "" {
				if line != "" {
					line += u
				}
				continue
			}
			if line != "" && measure(line+u) > width {
				flush()
			}
			for line == "" && utf8.RuneCountInString(u) > 1 && measure(u) > width {
				n := fitting(u, width, measure)
				lines = append(lines, u[:n])
				u = u[n:]
			}
			line += u
		}
		flush()
	}
	return lines
}

// fitting is how many bytes of u's first characters fit in width; at
// least the first character.
func fitting(u string, width float32, measure func(string) float32) int {
	_, n := utf8.DecodeRuneInString(u)
	for i := range u {
		if i <= n {
			continue
		}
		if measure(u[:i]) > width {
			break
		}
		n = i
	}
	return n
}

// breakUnits cuts a paragraph where a line may break: around each Chinese
// character, each run of spaces and after a hyphen inside a word, with
// Latin words (and numbers) otherwise whole.
// Closing punctuation joins the unit before it and opening punctuation the
// one after, so neither lands on the wrong side of a break.
func breakUnits(p string) []string {
	var raw []string
	word := ""
	for _, r := range p {
		switch {
		case unicode.IsSpace(r):
			if word != "" && strings.TrimSpace(word) != "" {
				raw, word = append(raw, word), ""
			}
			word += string(r)
		case isWide(r):
			if word != "" {
				raw, word = append(raw, word), ""
			}
			raw = append(raw, string(r))
		default:
			if word != "" && strings.TrimSpace(word) == "" {
				raw, word = append(raw, word), ""
			}
			word += string(r)
			if r == '-' && utf8.RuneCountInString(word) > 1 {
				raw, word = append(raw, word), "" // a line may break after a word's hyphen
			}
		}
	}
	if word != "" {
		raw = append(raw, word)
	}
	var out []string
	open := "" // opening punctuation waiting for what follows it
	for _, u := range raw {
		first, _ := utf8.DecodeRuneInString(u)
		last, _ := utf8.DecodeLastRuneInString(u)
		space := strings.TrimSpace(u) == ""
		switch {
		case !space && strings.ContainsRune(noLineStart, first) && len(out) > 0 && open == "" &&
			strings.TrimSpace(out[len(out)-1]) != "":
			out[len(out)-1] += u
		case !space && strings.ContainsRune(noLineEnd, last) && utf8.RuneCountInString(u) == 1:
			open += u
		default:
			out, open = append(out, open+u), ""
		}
	}
	if open != "" {
		out = append(out, open)
	}
	return out
}

// Punctuation that may not start a line, and that may not end one.
const (
	noLineStart = "，。、；：？！）」』”’》〉】〕…—·%,.;:?!)]}"
	noLineEnd   = "（「『“‘《〈【〔([{"
)

// isWide reports whether r is set as a character of its own: Chinese,
// Japanese and Korean characters and their full-width punctuation.
func isWide(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF) ||
		strings.ContainsRune("“”‘’…—·", r)
}
