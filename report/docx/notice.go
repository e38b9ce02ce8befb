package docx

import (
	"fmt"
	"io"
	"strings"
	"time"

	"chamberdesk/data"
	"chamberdesk/report/notice"
)

// WriteNotice writes a meeting notice (会议通知) as a .docx: the 文号, the
// title, the addressees, what, when and where, the numbered parts, the
// chamber's name and date above a space for its seal, then the 回执 below
// a cut line. created dates the file (zero: now).
func WriteNotice(w io.Writer, n *notice.Notice, created time.Time) error {
	var b strings.Builder
	b.WriteString(xmlHeader)
	b.WriteString(`<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body>`)
	if n.Fields.DocNo != "" {
		para(&b, "DocNo", n.Fields.DocNo)
	}
	para(&b, "Title", n.Title())
	para(&b, "Plain", n.Addressee()+"：")
	para(&b, "", n.Intro())
	for i, it := range n.Items() {
		if len(it.Lines) == 1 && it.Head != "其他事项" {
			para(&b, "", notice.Numbered(i, it.Head)+"："+it.Lines[0])
			continue
		}
		para(&b, "", notice.Numbered(i, it.Head))
		for _, l := range it.Lines {
			para(&b, "", l)
		}
	}
	// Room for the seal over the chamber's name and the date.
	para(&b, "Plain", "")
	para(&b, "Plain", "")
	para(&b, "Signature", n.Org.Name)
	para(&b, "Signature", data.FormatDateCN(n.Date))
	para(&b, "Cut", "- - - - - - - - - - - - - - 沿此线剪下 - - - - - - - - - - - - - -")
	para(&b, "Heading1", "回　执")
	slip(&b)
	if r := n.Reply(); r != "" {
		para(&b, "Plain", r)
	}
	b.WriteString(sectPr)
	b.WriteString(`</w:body></w:document>`)
	return writeParts(w, n.Title(), created, b.String())
}

// slipWidths share the text width among the slip's columns.
var slipWidths = []int{2600, 1300, 1500, 2044, 1400}

// slip writes the reply slip's table: the column heads and empty rows.
func slip(b *strings.Builder) {
	tableStart(b, slipWidths...)
	// Every row but the last keeps with the next, so the slip is never
	// cut in two by a page break.
	rowOf := func(texts []string, style string, last bool) {
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="680"/></w:trPr>`)
		for i, t := range texts {
			fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>`, slipWidths[i])
			b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + style + `"/>`)
			if !last {
				b.WriteString(`<w:keepNext/>`)
			}
			b.WriteString(`</w:pPr>`)
			runs(b, t)
			b.WriteString(`</w:p></w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	rowOf(notice.SlipColumns, "FormLabel", false)
	empty := make([]string, len(notice.SlipColumns))
	for i := range notice.SlipRows {
		rowOf(empty, "FormValue", i == notice.SlipRows-1)
	}
	b.WriteString(`</w:tbl>`)
}
