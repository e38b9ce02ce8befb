// Package journal reads the cash journals (流水账/现金日记账) chambers keep in Excel or WPS.
package journal

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"chamberdesk/data"
)

// Limits applied when Options leaves them zero. A chamber's journal has a
// few hundred lines a year; these leave room for many years in one sheet
// while keeping a hostile or broken file from eating the office PC's memory.
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
	Sheet         string // which sheet; required when several look like journals
	MaxBytes      int64
	MaxUnzipBytes int64
	MaxRows       int
	MaxCells      int
	// Year is the year of dates written without one (月 and 日 columns,
	// "3月5日"); 0 takes it from the title ("2025年现金日记账") or the
	// sheet's name.
	Year int
}

// Journal is what Read found: the rows to import and what it noticed.
type Journal struct {
	Sheet     string
	HeaderRow int               // 1-based, the last row of the header
	Columns   map[string]string // field key -> column letter ("A:B" for a date in 月 and 日 columns)
	Rows      []data.JournalRow
	Notes     []string // unknown columns, where the year came from, "中文 / English"
}

// Error codes of Read.
const (
	CodeNotXLSX      = "journal.not_xlsx"
	CodeTooBig       = "journal.too_big"
	CodeCorrupt      = "journal.corrupt"
	CodeNoHeader     = "journal.no_header"
	CodeNoYear       = "journal.no_year"
	CodeChooseSheet  = "journal.choose_sheet"
	CodeUnknownSheet = "journal.unknown_sheet"
)

func fail(name, code, msg, msgEN, reason string) *data.Error {
	return &data.Error{Code: code, Field: "流水账", File: name, Msg: msg, MsgEN: msgEN, Reason: reason}
}

// msgCorruptEN is the English for 文件已损坏或不是有效的 Excel 文件，无法读取.
const msgCorruptEN = "the file is damaged or not a valid Excel file, and cannot be read"

// Read reads a journal workbook of size bytes. name is the file name shown
// in messages. Every refusal is a *data.Error; Read never panics.
func Read(r io.ReaderAt, size int64, name string, opts Options) (j *Journal, err error) {
	opts.defaults()
	defer func() {
		if p := recover(); p != nil {
			j, err = nil, fail(name, CodeCorrupt, "文件已损坏或不是有效的 Excel 文件，无法读取", msgCorruptEN,
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
				fmt.Sprintf("the file unpacks to more than %d MB; not read", opts.MaxUnzipBytes>>20), err.Error())
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
		fmt.Sprintf("有多个工作表像流水账：%s，请选择一个（--sheet 工作表名）", strings.Join(found, "、")),
		fmt.Sprintf("several sheets look like a cash journal: %s; please choose one (--sheet NAME)", strings.Join(found, ", ")),
		fmt.Sprintf("several sheets look like journals: %s; choose one with --sheet NAME", strings.Join(found, ", ")))}
}

// ChooseSheetError says several sheets look like journals, and names them
// so a window can offer the choice.
type ChooseSheetError struct {
	Sheets []string
	Err    *data.Error
}

func (e *ChooseSheetError) Error() string { return e.Err.Error() }

// Unwrap gives the *data.Error with the Chinese message.
func (e *ChooseSheetError) Unwrap() error { return e.Err }

func noHeader(name, sheets string) *data.Error {
	return fail(name, CodeNoHeader,
		"在工作表「"+sheets+"」前15行找不到流水账的表头（至少需要 日期（或 月、日 两列）、收入/支出 或 金额，再加一列，如 摘要、余额）",
		"no journal header in the first 15 rows of sheet \""+sheets+"\" (it needs a 日期 (date) column or 月 and 日 (month, day) columns, 收入/支出 (income/spending) or 金额 (amount), and one more, such as 摘要 (description) or 余额 (balance))",
		"no header row in the first 15 rows: need a date, an amount and at least one other known column")
}

// findHeader picks, among the first rows, the one naming the most fields,
// taken together with the row below when that row adds header words. On an
// unreadable row it returns the best header above it with the error.
func findHeader(f *excelize.File, sheet string) (header, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return header{}, err
	}
	defer rows.Close()
	var top [][]string
	var rerr error
	for n := 1; n <= headerScan+1 && rows.Next(); n++ {
		cells, err := rows.Columns()
		if err != nil {
			rerr = err
			break
		}
		top = append(top, cells)
	}
	if rerr == nil {
		rerr = rows.Error()
	}
	var best header
	for i := 0; i < len(top) && i < headerScan; i++ {
		h := matchHeader(i+1, top[i])
		if i+1 < len(top) {
			if m, ok := h.withNext(top[i+1]); ok {
				h = m
			}
		}
		if h.score > best.score {
			best = h
		}
	}
	if best.row > 0 {
		for i := 0; i < best.row && best.year == ""; i++ {
			for _, c := range top[i] {
				if y := titleYear(c); y != "" {
					best.year, best.yearFrom = y, clip(data.NormalizeText(c))
					break
				}
			}
		}
		if best.year == "" {
			if y := titleYear(sheet); y != "" {
				best.year, best.yearFrom = y, sheet
			}
		}
	}
	return best, rerr
}

// rowHint says in Chinese and English what is wrong with a sheet excelize cannot read.
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

// sheetFail is the error for a sheet that cannot be read.
func sheetFail(name, sheet string, err error) *data.Error {
	zh, en := rowHint(err)
	return fail(name, CodeCorrupt, "工作表「"+sheet+"」无法读取："+zh,
		"sheet \""+sheet+"\" cannot be read: "+en, err.Error())
}

// readSheet streams the rows below the header.
func readSheet(f *excelize.File, name, sheet string, h header, opts Options) (*Journal, error) {
	j := &Journal{Sheet: sheet, HeaderRow: h.row, Columns: map[string]string{}}
	rr, err := newRowReader(name, h, opts.Year)
	if err != nil {
		return nil, err
	}
	for k, l := range rr.where {
		j.Columns[k] = l
	}
	for _, u := range h.unknown {
		j.Notes = append(j.Notes, fmt.Sprintf("表头中未识别的列 %s 已忽略 / unknown column ignored", u))
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, fail(name, CodeCorrupt, "工作表「"+sheet+"」无法读取", "sheet \""+sheet+"\" cannot be read", err.Error())
	}
	defer rows.Close()
	raw := excelize.Options{RawCellValue: true}
	cells := 0
	var chunks [][]data.JournalRow
	chunk := make([]data.JournalRow, 0, rowChunk)
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
		if r, ok := rr.row(n, vals); ok {
			if len(chunk) == cap(chunk) {
				chunks, chunk = append(chunks, chunk), make([]data.JournalRow, 0, rowChunk)
			}
			chunk = append(chunk, r)
		}
	}
	if err := rows.Error(); err != nil {
		return nil, sheetFail(name, sheet, err)
	}
	j.Rows = make([]data.JournalRow, 0, len(chunks)*rowChunk+len(chunk))
	for _, c := range chunks {
		j.Rows = append(j.Rows, c...)
	}
	j.Rows = append(j.Rows, chunk...)
	if n := rr.yearNote(); n != "" {
		j.Notes = append(j.Notes, n)
	}
	return j, nil
}

// IsRefusal reports whether err is Read refusing the file (as opposed to a
// failure reading it from disk).
func IsRefusal(err error) bool {
	var e *data.Error
	return errors.As(err, &e) && strings.HasPrefix(e.Code, "journal.")
}

// yearText is opts.Year as text, or "".
func yearText(y int) string {
	if y <= 0 {
		return ""
	}
	return strconv.Itoa(y)
}
