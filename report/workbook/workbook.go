// Package workbook opens the Excel or WPS workbooks people bring to import
// (a member roster, a cash journal) without trusting them, and picks the
// sheet to read by its header: the part every importer shares.
package workbook

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"chamberdesk/data"
)

// Error code suffixes; a Kind puts its prefix before them ("roster.corrupt").
const (
	NotXLSX      = "not_xlsx"
	TooBig       = "too_big"
	Corrupt      = "corrupt"
	NoHeader     = "no_header"
	ChooseSheet  = "choose_sheet"
	UnknownSheet = "unknown_sheet"
)

// unzipXMLMemory: worksheets bigger than this, decompressed, are spooled to
// a temporary file by excelize instead of held in memory.
const unzipXMLMemory = 16 << 20

// msgCorrupt and msgCorruptEN say a file cannot be read at all.
const (
	msgCorrupt   = "文件已损坏或不是有效的 Excel 文件，无法读取"
	msgCorruptEN = "the file is damaged or not a valid Excel file, and cannot be read"
)

// Kind is what an importer reads: its error codes' prefix, the field its
// errors name, and what a sheet of it is called in the sheet choice.
type Kind struct {
	Prefix string // "roster"
	Field  string // 名册文件
	What   string // 会员名册
	WhatEN string // a member roster
	Plural string // rosters, for logs
}

// Fail is an error about the file name of this kind: code is a suffix
// above.
func (k Kind) Fail(name, code, msg, msgEN, reason string) *data.Error {
	return &data.Error{Code: k.Prefix + "." + code, Field: k.Field, File: name, Msg: msg, MsgEN: msgEN, Reason: reason}
}

// Recover turns a panic of the reader into a Corrupt error in *err; call it
// deferred.
func (k Kind) Recover(name string, err *error) {
	if p := recover(); p != nil {
		*err = k.Fail(name, Corrupt, msgCorrupt, msgCorruptEN, fmt.Sprintf("reader panicked: %v", p))
	}
}

// Open checks the file's size and kind and opens it with excelize within
// the limits: maxBytes for the file, maxUnzip for all it unpacks to.
func (k Kind) Open(r io.ReaderAt, size int64, name string, maxBytes, maxUnzip int64) (*excelize.File, error) {
	if size > maxBytes {
		return nil, k.Fail(name, TooBig, fmt.Sprintf("文件过大（%.1f MB），上限为 %d MB", float64(size)/(1<<20), maxBytes>>20),
			fmt.Sprintf("the file is too large (%.1f MB); the limit is %d MB", float64(size)/(1<<20), maxBytes>>20),
			fmt.Sprintf("file is %d bytes, limit %d", size, maxBytes))
	}
	magic := make([]byte, 4)
	if _, err := r.ReadAt(magic, 0); err != nil || !bytes.Equal(magic, []byte("PK\x03\x04")) {
		msg := "不是 .xlsx 文件；旧版 .xls 或 .et 文件请在 Excel/WPS 中另存为 .xlsx 后再导入"
		msgEN := "not an .xlsx file; save an old .xls or .et file as .xlsx in Excel or WPS, then import it"
		if bytes.Equal(magic, []byte{0xD0, 0xCF, 0x11, 0xE0}) {
			msg = "这是旧版 .xls 文件或加密文件，请在 Excel/WPS 中另存为 .xlsx（不加密）后再导入"
			msgEN = "this is an old .xls file or an encrypted one; save it as .xlsx (unencrypted) in Excel or WPS, then import it"
		}
		return nil, k.Fail(name, NotXLSX, msg, msgEN, "not an xlsx (zip) file")
	}
	f, err := excelize.OpenReader(io.NewSectionReader(r, 0, size), excelize.Options{
		UnzipSizeLimit:    maxUnzip,
		UnzipXMLSizeLimit: min(unzipXMLMemory, maxUnzip),
	})
	if err != nil {
		if strings.Contains(err.Error(), "unzip size") {
			return nil, k.Fail(name, TooBig, fmt.Sprintf("文件解压后超过 %d MB，拒绝读取", maxUnzip>>20),
				fmt.Sprintf("the file unpacks to more than %d MB; not read", maxUnzip>>20), err.Error())
		}
		return nil, k.Fail(name, Corrupt, msgCorrupt, msgCorruptEN, err.Error())
	}
	return f, nil
}

// Header is what an importer found at the top of a sheet.
type Header interface {
	Usable() bool // names enough of what the importer needs
}

// Choose finds the sheet to read and its header: want when named, else
// the one sheet whose header is usable. find reads a sheet's header, and
// may return the best header above an unreadable row with the error;
// noHeader is the importer's error for sheets without a usable one. More
// than one usable sheet is a *ChooseSheetError naming them.
func Choose[H Header](k Kind, f *excelize.File, name, want string, find func(sheet string) (H, error),
	noHeader func(sheets string) *data.Error) (string, H, error) {
	var zero H
	sheets := f.GetSheetList()
	if want != "" {
		for _, s := range sheets {
			if s == want {
				h, err := find(s)
				if err != nil && !h.Usable() {
					return "", h, k.SheetFail(name, s, err)
				}
				if !h.Usable() {
					return "", h, noHeader(s)
				}
				return s, h, nil
			}
		}
		return "", zero, k.Fail(name, UnknownSheet,
			fmt.Sprintf("没有名为「%s」的工作表；可选：%s", want, strings.Join(sheets, "、")),
			fmt.Sprintf("there is no sheet named \"%s\"; the sheets are: %s", want, strings.Join(sheets, ", ")),
			fmt.Sprintf("no sheet %q; sheets: %s", want, strings.Join(sheets, ", ")))
	}
	var found []string
	var hs []H
	var broken *data.Error // the first sheet that could not be read, if any
	for _, s := range sheets {
		h, err := find(s)
		if err != nil && !h.Usable() {
			if broken == nil {
				broken = k.SheetFail(name, s, err)
			}
			continue
		}
		// A header found above an unreadable row still counts: the reader
		// reaches that row and reports it with its number.
		if h.Usable() {
			found, hs = append(found, s), append(hs, h)
		}
	}
	if len(found) == 0 && broken != nil {
		return "", zero, broken
	}
	switch len(found) {
	case 0:
		return "", zero, noHeader(strings.Join(sheets, "、"))
	case 1:
		return found[0], hs[0], nil
	}
	return "", zero, &ChooseSheetError{Sheets: found, Err: k.Fail(name, ChooseSheet,
		fmt.Sprintf("有多个工作表像%s：%s，请选择一个（--sheet 工作表名）", k.What, strings.Join(found, "、")),
		fmt.Sprintf("several sheets look like %s: %s; please choose one (--sheet NAME)", k.WhatEN, strings.Join(found, ", ")),
		fmt.Sprintf("several sheets look like %s: %s; choose one with --sheet NAME", k.Plural, strings.Join(found, ", ")))}
}

// ChooseSheetError says several sheets look like what is imported, and
// names them so a window can offer the choice.
type ChooseSheetError struct {
	Sheets []string
	Err    *data.Error
}

func (e *ChooseSheetError) Error() string { return e.Err.Error() }

// Unwrap gives the *data.Error with the Chinese message.
func (e *ChooseSheetError) Unwrap() error { return e.Err }

// RowHint says in Chinese and English what is wrong with a sheet excelize
// cannot read: its messages name row and column numbers out of range, or
// bad XML.
func RowHint(err error) (zh, en string) {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "row number"), strings.Contains(msg, "invalid cell reference"),
		strings.Contains(msg, "coordinates"), strings.Contains(msg, "column number"):
		return "行号或列号超出 Excel 的范围（最多 1048576 行、XFD 列），文件可能已损坏或由其他程序生成",
			"a row or column number is beyond Excel's range (1048576 rows, column XFD); the file may be damaged or made by another program"
	case strings.Contains(msg, "XML"), strings.Contains(msg, "xml"):
		return "工作表内容不是有效的 XML，文件已损坏", "the sheet is not valid XML; the file is damaged"
	}
	return "文件已损坏或格式不受支持", "the file is damaged or in a format not supported"
}

// SheetFail is the error for a sheet that cannot be read.
func (k Kind) SheetFail(name, sheet string, err error) *data.Error {
	zh, en := RowHint(err)
	return k.Fail(name, Corrupt, "工作表「"+sheet+"」无法读取："+zh, "sheet \""+sheet+"\" cannot be read: "+en, err.Error())
}

// rowChunk is how many rows Rows gathers before starting a new chunk.
const rowChunk = 1024

// Rows streams sheet's rows below headerRow through conv, keeping those it
// accepts, and refuses a sheet of more than maxRows rows or maxCells cells.
func Rows[T any](k Kind, f *excelize.File, name, sheet string, headerRow, maxRows, maxCells int,
	conv func(n int, vals []string) (T, bool)) ([]T, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, k.Fail(name, Corrupt, "工作表「"+sheet+"」无法读取", "sheet \""+sheet+"\" cannot be read", err.Error())
	}
	defer rows.Close()
	raw := excelize.Options{RawCellValue: true}
	cells := 0
	// Rows are gathered in fixed-size chunks and joined once at the end:
	// letting append double a slice of ten thousand wide rows copies it
	// over and over, and that copying was a tenth of a large import.
	var chunks [][]T
	chunk := make([]T, 0, rowChunk)
	for n := 1; rows.Next(); n++ {
		if n > maxRows {
			return nil, k.Fail(name, TooBig, fmt.Sprintf("工作表「%s」超过 %d 行，请拆分后再导入", sheet, maxRows),
				fmt.Sprintf("sheet \"%s\" has more than %d rows; please split it and import the parts", sheet, maxRows),
				fmt.Sprintf("sheet has more than %d rows", maxRows))
		}
		vals, err := rows.Columns(raw)
		if err != nil {
			zh, en := RowHint(err)
			return nil, k.Fail(name, Corrupt, fmt.Sprintf("第%d行无法读取：%s", n, zh),
				fmt.Sprintf("row %d cannot be read: %s", n, en), err.Error())
		}
		if cells += len(vals); cells > maxCells {
			return nil, k.Fail(name, TooBig, fmt.Sprintf("工作表「%s」超过 %d 个单元格，请拆分后再导入", sheet, maxCells),
				fmt.Sprintf("sheet \"%s\" has more than %d cells; please split it and import the parts", sheet, maxCells),
				fmt.Sprintf("sheet has more than %d cells", maxCells))
		}
		if n <= headerRow {
			continue
		}
		if r, ok := conv(n, vals); ok {
			if len(chunk) == cap(chunk) {
				chunks, chunk = append(chunks, chunk), make([]T, 0, rowChunk)
			}
			chunk = append(chunk, r)
		}
	}
	if err := rows.Error(); err != nil {
		return nil, k.SheetFail(name, sheet, err)
	}
	out := make([]T, 0, len(chunks)*rowChunk+len(chunk))
	for _, c := range chunks {
		out = append(out, c...)
	}
	return append(out, chunk...), nil
}

// HeaderKey tidies a header cell: full-width forms, spaces and line breaks
// go, and so do notes in brackets ("收入（借方）", "金额(元)") and stars.
func HeaderKey(s string) string {
	s = data.NormalizeText(s)
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch r {
		case '（', '(', '【', '[':
			depth++
			continue
		case '）', ')', '】', ']':
			if depth > 0 {
				depth--
			}
			continue
		case ' ', '*', '＊', ':', '：':
			continue
		case '／':
			r = '/'
		}
		if depth == 0 {
			b.WriteRune(r)
		}
	}
	return b.String()
}
