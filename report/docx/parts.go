package docx

import (
	"time"
)

// The fixed parts of the package. Fonts are named the way Chinese Windows
// and WPS name them (宋体 SimSun, 仿宋 FangSong, 黑体 SimHei); LibreOffice
// substitutes its own Chinese fonts for those it lacks. Sizes follow the
// usual official layout: 二号 title, 三号 (16 pt) body on a 28 pt line.

const (
	xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsRel     = "http://schemas.openxmlformats.org/package/2006/relationships"
	relType   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	ctPrefix  = "application/vnd.openxmlformats-officedocument."
)

const contentTypes = xmlHeader +
	`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="` + ctPrefix + `wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="` + ctPrefix + `wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="` + ctPrefix + `wordprocessingml.settings+xml"/>` +
	`<Override PartName="/word/footer1.xml" ContentType="` + ctPrefix + `wordprocessingml.footer+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`<Override PartName="/docProps/app.xml" ContentType="` + ctPrefix + `extended-properties+xml"/>` +
	`</Types>`

const packageRels = xmlHeader + `<Relationships xmlns="` + nsRel + `">` +
	`<Relationship Id="rId1" Type="` + relType + `officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="` + relType + `extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

const documentRels = xmlHeader + `<Relationships xmlns="` + nsRel + `">` +
	`<Relationship Id="rId1" Type="` + relType + `styles" Target="styles.xml"/>` +
	`<Relationship Id="rId2" Type="` + relType + `settings" Target="settings.xml"/>` +
	`<Relationship Id="rId3" Type="` + relType + `footer" Target="footer1.xml"/>` +
	`</Relationships>`

const appProps = xmlHeader +
	`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
	`<Application>ChamberDesk</Application></Properties>`

func coreProps(title string, at time.Time) string {
	stamp := at.Format("2006-01-02T15:04:05Z")
	return xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
		` xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"` +
		` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + esc(title) + `</dc:title><dc:creator>商会工作台 ChamberDesk</dc:creator>` +
		`<dc:language>zh-CN</dc:language>` +
		`<dcterms:created xsi:type="dcterms:W3CDTF">` + stamp + `</dcterms:created>` +
		`<dcterms:modified xsi:type="dcterms:W3CDTF">` + stamp + `</dcterms:modified>` +
		`</cp:coreProperties>`
}

const settings = xmlHeader + `<w:settings xmlns:w="` + nsW + `">` +
	`<w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/>` +
	`<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/></w:settings>`

// sectPr: A4 portrait with the margins of GB/T 9704 (3.7 cm top, 3.5 cm
// bottom, 2.8 cm left, 2.6 cm right) and the page number in the footer.
const sectPr = `<w:sectPr><w:footerReference w:type="default" r:id="rId3"/>` +
	`<w:pgSz w:w="11906" w:h="16838"/>` +
	`<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="1134" w:gutter="0"/>` +
	`<w:cols w:space="425"/></w:sectPr>`

const footer = xmlHeader + `<w:ftr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `">` +
	`<w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>` +
	`<w:r><w:t xml:space="preserve">— </w:t></w:r>` +
	`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
	`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
	`<w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>`

// rFonts names the Latin and the East Asian face of a style.
func rFonts(eastAsia string) string {
	return `<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="` + eastAsia +
		`" w:cs="Times New Roman"/>`
}

// paraStyle is one paragraph style; ppr and rpr are the contents of its
// w:pPr and w:rPr, already in schema order.
func paraStyle(id, name, ppr, rpr string) string {
	return `<w:style w:type="paragraph" w:styleId="` + id + `"><w:name w:val="` + name + `"/>` +
		`<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
		`<w:pPr>` + ppr + `</w:pPr><w:rPr>` + rpr + `</w:rPr></w:style>`
}

var styles = xmlHeader + `<w:styles xmlns:w="` + nsW + `">` +
	`<w:docDefaults><w:rPrDefault><w:rPr>` + rFonts("仿宋") +
	`<w:kern w:val="2"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>` +
	`</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>` +
	`<w:pPr><w:widowControl w:val="0"/><w:spacing w:line="560" w:lineRule="exact"/>` +
	`<w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="both"/></w:pPr>` +
	`<w:rPr>` + rFonts("仿宋") + `<w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>` +
	paraStyle("Title", "Title",
		`<w:spacing w:before="0" w:after="360" w:line="240" w:lineRule="auto"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/>`,
		rFonts("宋体")+`<w:b/><w:bCs/><w:sz w:val="44"/><w:szCs w:val="44"/>`) +
	paraStyle("Heading1", "heading 1",
		`<w:keepNext/><w:spacing w:before="240" w:after="360" w:line="240" w:lineRule="auto"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/>`,
		rFonts("宋体")+`<w:b/><w:bCs/><w:sz w:val="36"/><w:szCs w:val="36"/>`) +
	paraStyle("Heading2", "heading 2",
		`<w:keepNext/><w:outlineLvl w:val="1"/>`,
		rFonts("黑体")+`<w:sz w:val="32"/><w:szCs w:val="32"/>`) +
	paraStyle("FormLabel", "Form Label",
		`<w:spacing w:line="360" w:lineRule="auto"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/>`,
		rFonts("宋体")+`<w:b/><w:bCs/><w:sz w:val="28"/><w:szCs w:val="28"/>`) +
	paraStyle("FormValue", "Form Value",
		`<w:spacing w:line="360" w:lineRule="auto"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="left"/>`,
		rFonts("仿宋")+`<w:sz w:val="28"/><w:szCs w:val="28"/>`) +
	paraStyle("FormSign", "Form Signature",
		`<w:spacing w:line="360" w:lineRule="auto"/><w:ind w:right="560" w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="right"/>`,
		rFonts("仿宋")+`<w:sz w:val="28"/><w:szCs w:val="28"/>`) +
	paraStyle("Plain", "Plain",
		`<w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="left"/>`, "") +
	paraStyle("DocNo", "Document Number",
		`<w:spacing w:after="240"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/>`, "") +
	paraStyle("Signature", "Signature",
		`<w:ind w:right="640" w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="right"/>`, "") +
	paraStyle("Cut", "Cut Line",
		`<w:keepNext/><w:spacing w:before="480" w:after="240" w:line="240" w:lineRule="auto"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/>`,
		rFonts("宋体")+`<w:sz w:val="21"/><w:szCs w:val="21"/>`) +
	paraStyle("Footer", "footer",
		`<w:spacing w:line="240" w:lineRule="auto"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/>`,
		rFonts("宋体")+`<w:sz w:val="28"/><w:szCs w:val="28"/>`) +
	`</w:styles>`
