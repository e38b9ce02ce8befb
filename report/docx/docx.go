// Package docx writes the Word documents a chamber files: the award case
// write-up (申报书) and meeting notices (会议通知).
//
// No maintained Go library for writing .docx is available to this project,
// so the few parts a WordprocessingML file needs are written by hand with
// archive/zip and encoding/xml escaping. The document keeps to elements Word,
// WPS and LibreOffice all read, in the order the schema prescribes (Word
// refuses a file whose elements are out of order).
package docx

import (
	"archive/zip"
	"fmt"
	"io"
	"strings"
	"time"

	"chamberdesk/data"
)

// CaseDoc is what the write-up holds.
type CaseDoc struct {
	Org  data.Organization
	Case data.Case
	// Created dates the document's properties and zip entries; zero means
	// now. Packages pass their own time so a package is the same bytes
	// each time it is written from the same data.
	Created time.Time
}

// WriteCase writes the form and the write-up as a .docx to w.
func WriteCase(w io.Writer, doc CaseDoc) error {
	title := heading(doc.Case.Year)
	return writeParts(w, title, doc.Created, document(doc, title))
}

// writeParts writes a document's package: body is word/document.xml;
// created dates the properties and the zip entries (zero: now).
func writeParts(w io.Writer, title string, created time.Time, body string) error {
	at := created
	if at.IsZero() {
		at = time.Now()
	}
	at = at.UTC().Truncate(time.Second)
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", packageRels},
		{"docProps/core.xml", coreProps(title, at)},
		{"docProps/app.xml", appProps},
		{"word/_rels/document.xml.rels", documentRels},
		{"word/document.xml", body},
		{"word/styles.xml", styles},
		{"word/settings.xml", settings},
		{"word/footer1.xml", footer},
	}
	zw := zip.NewWriter(w)
	for _, p := range parts {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: at})
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, p.body); err != nil {
			return err
		}
	}
	return zw.Close()
}

// heading is the document's title line.
func heading(year int) string {
	return fmt.Sprintf("%d年度“创新中国”工商联（商会）工作案例申报书", year)
}

// formFields are the form's rows, label and value, in order.
func formFields(org data.Organization, c data.Case) [][2]string {
	rec := c.Recommender
	if rec == "" {
		rec = org.ParentFederation
	}
	return [][2]string{
		{"申报单位", org.Name}, {"单位类别", org.Type}, {"申报类别", c.Category},
		{"案例名称", c.Title}, {"申报等次", c.Level}, {"所在地区", org.Region},
		{"推荐单位", rec}, {"联系人", c.ContactPerson}, {"职务", c.ContactOffice},
		{"联系电话", c.ContactPhone},
	}
}

// Paragraphs splits a text into its non-blank lines.
func Paragraphs(s string) []string {
	var out []string
	for _, line := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

func document(doc CaseDoc, title string) string {
	c := doc.Case
	var b strings.Builder
	b.WriteString(xmlHeader)
	b.WriteString(`<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body>`)
	para(&b, "Title", title)
	formTable(&b, doc.Org, c)
	// The write-up starts on its own page, as the award office binds it.
	b.WriteString(`<w:p><w:r><w:br w:type="page"/></w:r></w:p>`)
	para(&b, "Heading1", c.Title)
	for _, p := range Paragraphs(c.Lead) {
		para(&b, "", p)
	}
	for _, sec := range []struct{ head, text string }{{"一、主要做法", c.Practices}, {"二、主要成效", c.Results}} {
		para(&b, "Heading2", sec.head)
		for _, p := range Paragraphs(sec.text) {
			para(&b, "", p)
		}
	}
	b.WriteString(sectPr)
	b.WriteString(`</w:body></w:document>`)
	return b.String()
}

// para writes one paragraph in a style ("" for the body style).
func para(b *strings.Builder, style, text string) {
	b.WriteString("<w:p>")
	if style != "" {
		b.WriteString(`<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`)
	}
	runs(b, text)
	b.WriteString("</w:p>")
}

// runs writes text as runs; a tab is its own element in WordprocessingML.
func runs(b *strings.Builder, text string) {
	for i, piece := range strings.Split(text, "\t") {
		b.WriteString("<w:r>")
		if i > 0 {
			b.WriteString("<w:tab/>")
		}
		if piece != "" {
			b.WriteString(`<w:t xml:space="preserve">` + esc(piece) + "</w:t>")
		}
		b.WriteString("</w:r>")
	}
}

// Widths of the form's two columns in twentieths of a point: together the
// text width of an A4 page with the margins in sectPr.
const (
	labelWidth = 2211
	valueWidth = 6633
)

func formTable(b *strings.Builder, org data.Organization, c data.Case) {
	tableStart(b, labelWidth, valueWidth)
	for _, f := range formFields(org, c) {
		row(b, 680, f[0], []string{f[1]}, false)
	}
	// The recommender signs and stamps below its opinion, so the row is tall.
	opinion := append(Paragraphs(c.RecommenderOpinion), "", "（盖章）", "年    月    日")
	row(b, 2835, "推荐单位意见", opinion, true)
	b.WriteString(`</w:tbl>`)
}

// tableStart opens a table the text's width, ruled all round and inside,
// with columns of the widths given (twentieths of a point).
func tableStart(b *strings.Builder, widths ...int) {
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="8844" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		b.WriteString(`<w:` + side + ` w:val="single" w:sz="6" w:space="0" w:color="000000"/>`)
	}
	b.WriteString(`</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="108" w:type="dxa"/>` +
		`<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, w)
	}
	b.WriteString(`</w:tblGrid>`)
}

func row(b *strings.Builder, height int, label string, values []string, signed bool) {
	fmt.Fprintf(b, `<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="%d"/></w:trPr>`, height)
	fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>`, labelWidth)
	para(b, "FormLabel", label)
	b.WriteString(`</w:tc>`)
	fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>`, valueWidth)
	for i, v := range values {
		style := "FormValue"
		if signed && i >= len(values)-2 {
			style = "FormSign"
		}
		para(b, style, v)
	}
	b.WriteString(`</w:tc></w:tr>`)
}
