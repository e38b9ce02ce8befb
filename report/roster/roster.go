// Package roster reads the member rosters people keep in Excel or WPS and turns them into members.
package roster

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"chamberdesk/data"
)

// Limits applied when Options leaves them zero. A town chamber has hundreds
// of members; these leave room for a county federation's lists while keeping
// a hostile or broken file from eating the office PC's memory.
const (
	DefaultMaxBytes      = 20 << 20  // the .xlsx file itself
	DefaultMaxUnzipBytes = 200 << 20 // every part of the zip, decompressed
	DefaultMaxRows       = 100_000   // rows of the chosen sheet, blank ones included
	DefaultMaxCells      = 2_000_000 // cells of the chosen sheet
	// Worksheets bigger than this, decompressed, are spooled to a temporary
	// file by excelize instead of held in memory.
	unzipXMLMemory = 16 << 20
	// headerScan is how many rows from the top may hold titles before the header.
	headerScan = 15
	// rowChunk is how many rows readSheet gathers before starting a new chunk.
	rowChunk = 1024
)

// Options tunes Read. Zero values take the defaults above.
type Options struct {
	Sheet         string // which sheet; required when several look like rosters
	MaxBytes      int64
	MaxUnzipBytes int64
	MaxRows       int
	MaxCells      int
}

// Roster is what Read found: the rows to import and what it noticed.
type Roster struct {
	Sheet     string
	HeaderRow int               // 1-based
	Columns   map[string]string // field key -> column letter
	Rows      []data.ImportRow
	Notes     []string // unknown columns and the like, "中文 / English"
}

// Error codes of Read.
const (
	CodeNotXLSX      = "roster.not_xlsx"
	CodeTooBig       = "roster.too_big"
	CodeCorrupt      = "roster.corrupt"
	CodeNoHeader     = "roster.no_header"
	CodeChooseSheet  = "roster.choose_sheet"
	CodeUnknownSheet = "roster.unknown_sheet"
)

func fail(name, code, msg, msgEN, reason string) *data.Error {
	return &data.Error{Code: code, Field: "名册文件", File: name, Msg: msg, MsgEN: msgEN, Reason: reason}
}

// Read reads a roster workbook of size bytes. name is the file name shown in
// messages. Every refusal is a *data.Error; Read never panics.
func Read(r io.ReaderAt, size int64, name string, opts Options) (ros *Roster, err error) {
	opts.defaults()
	defer func() {
		if p := recover(); p != nil {
			ros, err = nil, fail(name, CodeCorrupt, "文件已损坏或不是有效的 Excel 文件，无法读取", msgCorruptEN,
				fmt.Sprintf("reader panicked: %v", p))
		}
	}()
	if size > opts.MaxBytes {
		return nil, fail(name, CodeTooBig, fmt.Sprintf("文件过大（%.1f MB），上限为 %d MB", float64(size)/(1<<20), opts.MaxBytes>>20),
			fmt.Sprintf("the file is too large (%.1f MB); the limit is %d MB", float64(size)/(1<<20), opts.MaxBytes>>20),
			fmt.Sprintf("file is %d bytes, limit %d", size, opts.MaxBytes))
	}
	magic := make([]byte, 4)
	if _, err := r.ReadAt(magic, 0); err != nil || !bytes.Equal(magic, []byte("PK\x03\x04")) {
		msg := "不是 .xlsx 文件；旧版 .xls 或 .et 文件请在 Excel/WPS 中另存为 .xlsx 后再导入"
		msgEN := "not an .xlsx file; save an old .xls or .et file as .xlsx in Excel or WPS, then import it"
		if bytes.Equal(magic, []byte{0xD0, 0xCF, 0x11, 0xE0}) {
			msg = "这是旧版 .xls 文件或加密文件，请在 Excel/WPS 中另存为 .xlsx（不加密）后再导入"
			msgEN = "this is an old .xls file or an encrypted one; save it as .xlsx (unencrypted) in Excel or WPS, then import it"
		}
		return nil, fail(name, CodeNotXLSX, msg, msgEN, "not an xlsx (zip) file")
	}
	f, err := excelize.OpenReader(io.NewSectionReader(r, 0, size), excelize.Options{
		UnzipSizeLimit:    opts.MaxUnzipBytes,
		UnzipXMLSizeLimit: min(unzipXMLMemory, opts.MaxUnzipBytes),
	})
	if err != nil {
		if strings.Contains(err.Error(), "unzip size") {
			return nil, fail(name, CodeTooBig, fmt.Sprintf("文件解压后超过 %d MB，拒绝读取", opts.MaxUnzipBytes>>20),
				fmt.Sprintf("the file unpacks to more than %d MB; not read", opts.MaxUnzipBytes>>20),
				err.Error())
		}
		return nil, fail(name, CodeCorrupt, "文件已损坏或不是有效的 Excel 文件，无法读取", msgCorruptEN, err.Error())
	}
	defer f.Close()
	sheet, h, err := chooseSheet(f, name, opts.Sheet)
	if err != nil {
		return nil, err
	}
	return readSheet(f, name, sheet, h, opts)
}

func (o *Options) defaults() {
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.MaxUnzipBytes <= 0 {
		o.MaxUnzipBytes = DefaultMaxUnzipBytes
	}
	if o.MaxRows <= 0 {
		o.MaxRows = DefaultMaxRows
	}
	if o.MaxCells <= 0 {
		o.MaxCells = DefaultMaxCells
	}
}

// chooseSheet finds the sheet to read and its header.
func chooseSheet(f *excelize.File, name, want string) (string, header, error) {
	sheets := f.GetSheetList()
	if want != "" {
		for _, s := range sheets {
			if s == want {
				h, err := findHeader(f, s)
				if err != nil && !h.usable() {
					return "", h, sheetFail(name, s, err)
				}
				if !h.usable() {
					return "", h, noHeader(name, s)
				}
				return s, h, nil
			}
		}
		return "", header{}, fail(name, CodeUnknownSheet,
			fmt.Sprintf("没有名为「%s」的工作表；可选：%s", want, strings.Join(sheets, "、")),
			fmt.Sprintf("there is no sheet named \"%s\"; the sheets are: %s", want, strings.Join(sheets, ", ")),
			fmt.Sprintf("no sheet %q; sheets: %s", want, strings.Join(sheets, ", ")))
	}
	var found []string
	var hs []header
	var broken *data.Error // the first sheet that could not be read, if any
	for _, s := range sheets {
		h, err := findHeader(f, s)
		if err != nil && !h.usable() {
			if broken == nil {
				broken = sheetFail(name, s, err)
			}
			continue
		}
		// A header found above an unreadable row still counts: readSheet
		// reaches that row and reports it with its number.
		if h.usable() {
			found, hs = append(found, s), append(hs, h)
		}
	}
	if len(found) == 0 && broken != nil {
		return "", header{}, broken
	}
	switch len(found) {
	case 0:
		return "", header{}, noHeader(name, strings.Join(sheets, "、"))
	case 1:
		return found[0], hs[0], nil
	}
	return "", header{}, &ChooseSheetError{Sheets: found, Err: fail(name, CodeChooseSheet,
		fmt.Sprintf("有多个工作表像会员名册：%s，请选择一个（--sheet 工作表名）", strings.Join(found, "、")),
		fmt.Sprintf("several sheets look like a member roster: %s; please choose one (--sheet NAME)", strings.Join(found, ", ")),
		fmt.Sprintf("several sheets look like rosters: %s; choose one with --sheet NAME", strings.Join(found, ", ")))}
}

// ChooseSheetError says several sheets look like rosters, and names them so
// a window can offer the choice.
type ChooseSheetError struct {
	Sheets []string
	Err    *data.Error
}

func (e *ChooseSheetError) Error() string { return e.Err.Error() }

// Unwrap gives the *data.Error with the Chinese message.
func (e *ChooseSheetError) Unwrap() error { return e.Err }

func noHeader(name, sheets string) *data.Error {
	return fail(name, CodeNoHeader,
		"在工作表「"+sheets+"」前15行找不到表头（至少需要 姓名 列和另一列，如 企业名称、联系电话）",
		"no header row in the first 15 rows of sheet \""+sheets+"\" (it needs a 姓名 (name) column and another, such as 企业名称 (company) or 联系电话 (phone))",
		"no header row in the first 15 rows: need a name column and at least one other known column")
}

// findHeader picks, among the first rows, the one naming the most fields.
// On an unreadable row it returns the best header above it with the error.
func findHeader(f *excelize.File, sheet string) (header, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return header{}, err
	}
	defer rows.Close()
	var best header
	for n := 1; n <= headerScan && rows.Next(); n++ {
		cells, err := rows.Columns()
		if err != nil {
			return best, err
		}
		if h := matchHeader(n, cells); h.score > best.score {
			best = h
		}
	}
	return best, rows.Error()
}

// rowHint says in Chinese and English what is wrong with a sheet excelize cannot read:
// its messages name row and column numbers out of range, or bad XML.
func rowHint(err error) (zh, en string) {
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

// msgCorruptEN is the English for 文件已损坏或不是有效的 Excel 文件，无法读取.
const msgCorruptEN = "the file is damaged or not a valid Excel file, and cannot be read"

// sheetFail is the error for a sheet that cannot be read.
func sheetFail(name, sheet string, err error) *data.Error {
	zh, en := rowHint(err)
	return fail(name, CodeCorrupt, "工作表「"+sheet+"」无法读取："+zh,
		"sheet \""+sheet+"\" cannot be read: "+en, err.Error())
}

// readSheet streams the rows below the header.
func readSheet(f *excelize.File, name, sheet string, h header, opts Options) (*Roster, error) {
	ros := &Roster{Sheet: sheet, HeaderRow: h.row, Columns: map[string]string{}}
	cols := map[string]string{}
	for k, l := range h.letters {
		if k != colSeq {
			ros.Columns[k], cols[k] = l, l
		}
	}
	for _, u := range h.unknown {
		ros.Notes = append(ros.Notes, fmt.Sprintf("第%d行表头中未识别的列 %s 已忽略 / unknown column ignored", h.row, u))
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, fail(name, CodeCorrupt, "工作表「"+sheet+"」无法读取", "sheet \""+sheet+"\" cannot be read", err.Error())
	}
	defer rows.Close()
	raw := excelize.Options{RawCellValue: true}
	cells := 0
	// Rows are gathered in fixed-size chunks and joined once at the end:
	// letting append double a slice of ten thousand wide rows copies it
	// over and over, and that copying was a tenth of a large import.
	var chunks [][]data.ImportRow
	chunk := make([]data.ImportRow, 0, rowChunk)
	for n := 1; rows.Next(); n++ {
		if n > opts.MaxRows {
			return nil, fail(name, CodeTooBig, fmt.Sprintf("工作表「%s」超过 %d 行，请拆分后再导入", sheet, opts.MaxRows),
				fmt.Sprintf("sheet \"%s\" has more than %d rows; please split it and import the parts", sheet, opts.MaxRows),
				fmt.Sprintf("sheet has more than %d rows", opts.MaxRows))
		}
		vals, err := rows.Columns(raw)
		if err != nil {
			zh, en := rowHint(err)
			return nil, fail(name, CodeCorrupt, fmt.Sprintf("第%d行无法读取：%s", n, zh),
				fmt.Sprintf("row %d cannot be read: %s", n, en), err.Error())
		}
		if cells += len(vals); cells > opts.MaxCells {
			return nil, fail(name, CodeTooBig, fmt.Sprintf("工作表「%s」超过 %d 个单元格，请拆分后再导入", sheet, opts.MaxCells),
				fmt.Sprintf("sheet \"%s\" has more than %d cells; please split it and import the parts", sheet, opts.MaxCells),
				fmt.Sprintf("sheet has more than %d cells", opts.MaxCells))
		}
		if n <= h.row {
			continue
		}
		if r, ok := toRow(name, n, vals, h, cols); ok {
			if len(chunk) == cap(chunk) {
				chunks, chunk = append(chunks, chunk), make([]data.ImportRow, 0, rowChunk)
			}
			chunk = append(chunk, r)
		}
	}
	if err := rows.Error(); err != nil {
		return nil, sheetFail(name, sheet, err)
	}
	ros.Rows = make([]data.ImportRow, 0, len(chunks)*rowChunk+len(chunk))
	for _, c := range chunks {
		ros.Rows = append(ros.Rows, c...)
	}
	ros.Rows = append(ros.Rows, chunk...)
	return ros, nil
}

// toRow turns one sheet row into an ImportRow; blank rows give false.
func toRow(name string, n int, vals []string, h header, cols map[string]string) (data.ImportRow, bool) {
	get := func(key string) string {
		if i, ok := h.cols[key]; ok && i < len(vals) {
			return vals[i]
		}
		return ""
	}
	first, nonEmpty, numeric := "", 0, true
	for _, v := range vals {
		v = data.NormalizeText(v)
		if v == "" {
			continue
		}
		if nonEmpty == 0 {
			first = v
		}
		nonEmpty++
		if numeric && !isNumber(v) {
			numeric = false
		}
	}
	if nonEmpty == 0 {
		return data.ImportRow{}, false
	}
	r := data.ImportRow{File: name, Row: n, Cols: cols}
	switch {
	case strings.Contains(first, "合计") || strings.Contains(first, "总计") ||
		strings.Contains(first, "共计") || strings.Contains(first, "小计"):
		r.Skip = "合计行 / total row"
	case numeric:
		r.Skip = "只有数字的行（合计或空行号）/ numbers only"
	case strings.Contains(data.NormalizeText(get(colSeq)), "示例"):
		r.Skip = "示例行 / sample row"
	}
	r.Kind, r.Name, r.Company = get(data.ColKind), get(data.ColName), get(data.ColCompany)
	r.CreditCode, r.Industry, r.Gender = get(data.ColCreditCode), get(data.ColIndustry), get(data.ColGender)
	r.Phone, r.IDNumber = numberText(get(data.ColPhone)), numberText(get(data.ColIDNumber))
	r.Political, r.Office, r.JoinDate = get(data.ColPolitical), get(data.ColOffice), get(data.ColJoinDate)
	r.Notes = get(data.ColNotes)
	return r, true
}

// isNumber reports whether s reads as a plain decimal number (digits, one
// point, a sign, an exponent). It stands in for strconv.ParseFloat on every
// cell, whose error value for ordinary text costs an allocation each time.
func isNumber(s string) bool {
	digits, point, exp := false, false, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits = true
		case c == '.' && !point && !exp:
			point = true
		case (c == 'e' || c == 'E') && digits && !exp:
			exp, digits = true, false
		case (c == '+' || c == '-') && (i == 0 || s[i-1] == 'e' || s[i-1] == 'E'):
		default:
			return false
		}
	}
	return digits
}

// numberText undoes Excel's number storage for digit strings kept as
// numbers: "1.3812345678E+10" and "13812345678.0" become "13812345678". Text
// is returned as it is.
func numberText(s string) string {
	t := strings.TrimSpace(s)
	if t == "" || !strings.ContainsAny(t, ".eE") {
		return s
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || v < 0 || v != math.Trunc(v) || v >= 1e15 {
		return s
	}
	return strconv.FormatFloat(v, 'f', 0, 64)
}

// IsRefusal reports whether err is Read refusing the file (as opposed to a
// failure reading it from disk).
func IsRefusal(err error) bool {
	var e *data.Error
	return errors.As(err, &e) && strings.HasPrefix(e.Code, "roster.")
}
