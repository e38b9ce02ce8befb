package pdf

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"strings"

	"github.com/go-pdf/fpdf"

	"chamberdesk/assets/fonts"
	"chamberdesk/data"
)

// chineseFont finds the program's font; tests swap it to see what happens
// on a machine without one.
var chineseFont = fonts.Chinese

// CodeNoFont is the data.Error code when no Chinese font is installed.
const CodeNoFont = "pdf.font"

// family is the name the font goes by inside fpdf. fpdf names the embedded
// font "utf8" + family; see subsetTag for why it starts with "xx+".
const family = "xx+chinese"

// subsetTag is what finish puts in place of "utf8xx+": a PDF reader
// recognises a subset font by a six-capital tag and a plus sign before its
// name (PDF 32000-1, 9.6.4), and fpdf embeds only the glyphs used but does
// not name the font that way. The tag has exactly the length of what it
// replaces, so no byte offset in the file moves.
const (
	fpdfPrefix = "/utf8xx+"
	subsetTag  = "/CDPDFA+"
)

// Codes of a PDF that could not be made.
const (
	CodePDFLayout = "pdf.layout"
	CodePDFWrite  = "pdf.write"
)

func noFontError(err error) error {
	return &data.Error{Code: CodeNoFont, Msg: noFontMessage(runtime.GOOS), MsgEN: noFontMessageEN(runtime.GOOS),
		Reason: fmt.Sprintf("no Chinese TrueType font for the PDF: %v", err)}
}

// noFontMessage says what to do on goos, where the remedies differ.
func noFontMessage(goos string) string {
	return "未找到可用的中文字体，无法生成 PDF。" + fonts.Advice(goos) + "之后再打印一次。"
}

// noFontMessageEN is noFontMessage in English.
func noFontMessageEN(goos string) string {
	var advice string
	switch goos {
	case "windows":
		advice = `Make sure C:\Windows\Fonts holds Microsoft YaHei (msyh.ttc), SimHei (simhei.ttf) or SimSun (simsun.ttc); ` +
			`if none is there, copy one of those font files into C:\Windows\Fonts, or right-click it and choose Install, ` +
			`then open ChamberDesk again. You can also set the environment variable ` + fonts.EnvFont + ` to the font file's full path.`
	case "darwin":
		advice = `Make sure the system has STHeiti (/System/Library/Fonts/STHeiti Light.ttc), ` +
			`or set the environment variable ` + fonts.EnvFont + ` to the full path of a Chinese TrueType font file.`
	default:
		advice = `Install the WenQuanYi Zen Hei font (Debian/Ubuntu: sudo apt-get install fonts-wqy-zenhei), ` +
			`or set the environment variable ` + fonts.EnvFont + ` to the full path of a Chinese TrueType font file.`
	}
	return "No Chinese font was found, so the PDF cannot be made. " + advice + " Then print again."
}

// newPDF starts an A4 document ("P" portrait or "L" landscape) in
// millimetres with the Chinese font loaded and selected. Page breaks are
// left to the layout (see doc.ensure) so that tables can repeat their
// header and nothing is ever cut by fpdf's own break.
func newPDF(orientation, title string) (*fpdf.Fpdf, error) {
	f, err := chineseFont()
	if err != nil {
		return nil, noFontError(err)
	}
	p := fpdf.New(orientation, "mm", "A4", "")
	p.SetAutoPageBreak(false, 0)
	p.SetCellMargin(0)
	p.SetCatalogSort(true)
	p.SetCreator("ChamberDesk 商会工作台", true)
	p.SetTitle(title, true)
	p.AddUTF8FontFromBytes(family, "", f.TTF)
	p.SetFont(family, "", 11)
	if p.Err() {
		// fpdf reports a font it could not parse only here, as an unknown font.
		return nil, noFontError(fmt.Errorf("%s: %w", f.Path, p.Error()))
	}
	return p, nil
}

// output writes the finished document to w, naming the font as a subset.
func output(p *fpdf.Fpdf, w io.Writer) error {
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		return &data.Error{Code: CodePDFLayout, Msg: "PDF 生成失败", MsgEN: "the PDF could not be laid out", Reason: "PDF layout failed", Err: err}
	}
	b := bytes.ReplaceAll(buf.Bytes(), []byte(fpdfPrefix), []byte(subsetTag))
	if _, err := w.Write(b); err != nil {
		return &data.Error{Code: CodePDFWrite, Msg: "PDF 写入失败", MsgEN: "the PDF could not be written", Reason: "cannot write the PDF", Err: err}
	}
	return nil
}

// printable replaces what fpdf cannot show: it encodes text as 16-bit
// character ids, so a character outside the Basic Multilingual Plane would
// come out as two wrong glyphs; a visible mark tells the reader something
// is missing. Tabs and other controls become spaces.
func printable(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r > 0xFFFF || (r < ' ' && r != '\n') }) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r > 0xFFFF:
			return '□'
		case r < ' ' && r != '\n':
			return ' '
		}
		return r
	}, s)
}
