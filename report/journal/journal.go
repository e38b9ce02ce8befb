// Package journal reads the cash journals (流水账/现金日记账) chambers keep in Excel or WPS.
package journal

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"chamberdesk/data"
	"chamberdesk/report/workbook"
)

// Limits applied when Options leaves them zero. A chamber's journal has a
// few hundred lines a year; these leave room for many years in one sheet
// while keeping a hostile or broken file from eating the office PC's memory.
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

// kind names what this package reads, for the shared workbook checks.
var kind = workbook.Kind{Prefix: "journal", Field: "流水账", What: "流水账", WhatEN: "a cash journal", Plural: "journals"}

func fail(name, code, msg, msgEN, reason string) *data.Error {
	return &data.Error{Code: code, Field: "流水账", File: name, Msg: msg, MsgEN: msgEN, Reason: reason}
}

// Read reads a journal workbook of size bytes. name is the file name shown
// in messages. Every refusal is a *data.Error; Read never panics.
func Read(r io.ReaderAt, size int64, name string, opts Options) (j *Journal, err error) {
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

// ChooseSheetError says several sheets look like cash journals, and names
// them so a window can offer the choice.
type ChooseSheetError = workbook.ChooseSheetError

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
	j.Rows, err = workbook.Rows(kind, f, name, sheet, h.row, opts.MaxRows, opts.MaxCells, rr.row)
	if err != nil {
		return nil, err
	}
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
