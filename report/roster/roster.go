// Package roster reads the member rosters people keep in Excel or WPS and turns them into members.
package roster

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"chamberdesk/data"
	"chamberdesk/report/workbook"
)

// Limits applied when Options leaves them zero. A town chamber has hundreds
// of members; these leave room for a county federation's lists while keeping
// a hostile or broken file from eating the office PC's memory.
const (
	DefaultMaxBytes      = 20 << 20  // the .xlsx file itself
	DefaultMaxUnzipBytes = 200 << 20 // every part of the zip, decompressed
	DefaultMaxRows       = 100_000   // rows of the chosen sheet, blank ones included
	DefaultMaxCells      = 2_000_000 // cells of the chosen sheet
	// headerScan is how many rows from the top may hold titles before the header.
	headerScan = 15
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

// kind names what this package reads, for the shared workbook checks.
var kind = workbook.Kind{Prefix: "roster", Field: "名册文件", What: "会员名册", WhatEN: "a member roster", Plural: "rosters"}

func fail(name, code, msg, msgEN, reason string) *data.Error {
	return &data.Error{Code: code, Field: "名册文件", File: name, Msg: msg, MsgEN: msgEN, Reason: reason}
}

// Read reads a roster workbook of size bytes. name is the file name shown in
// messages. Every refusal is a *data.Error; Read never panics.
func Read(r io.ReaderAt, size int64, name string, opts Options) (ros *Roster, err error) {
	opts.defaults()
	defer kind.Recover(name, &err)
	f, err := kind.Open(r, size, name, opts.MaxBytes, opts.MaxUnzipBytes)
	if err != nil {
		return nil, err
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
	return workbook.Choose(kind, f, name, want, func(s string) (header, error) { return findHeader(f, s) },
		func(sheets string) *data.Error { return noHeader(name, sheets) })
}

// ChooseSheetError says several sheets look like rosters, and names
// them so a window can offer the choice.
type ChooseSheetError = workbook.ChooseSheetError

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
	var err error
	ros.Rows, err = workbook.Rows(kind, f, name, sheet, h.row, opts.MaxRows, opts.MaxCells, func(n int, vals []string) (data.ImportRow, bool) {
		return toRow(name, n, vals, h, cols)
	})
	if err != nil {
		return nil, err
	}
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
