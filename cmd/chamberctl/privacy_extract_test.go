package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"html"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"chamberdesk/data/datatest"
)

// The readers below never go through the code that wrote the file: openpyxl
// for workbooks, poppler for PDFs, the zip's own XML with the tags taken
// out for docx and xlsx, the JSON decoder for JSON. A value our own reader
// would skip over (a number cell, a header, a comment) is then still seen.

// privacyPython is the interpreter that has Debian's python3-openpyxl; a
// python3 earlier on PATH (a virtualenv) may not see it.
const privacyPython = "/usr/bin/python3"

// privacySeen is what one reader found in an output.
type privacySeen struct {
	by   string // the reader, named in failures
	text string
	// numbers are number values (xlsx number cells, JSON numbers) written
	// as plain digits, so a phone kept as a number is caught even when the
	// file spells it 1.5307770101E10.
	numbers []string
	// control says the output's control values must be among what this
	// reader found: a reader that finds nothing proves nothing.
	control bool
	flat    string // text without white space, made on first use
}

// has reports whether the reader found v: in the text as read, in the text
// with all white space removed (a number a PDF wrapped over two lines, a
// docx run split in two), or as a number value.
func (s *privacySeen) has(v string) bool {
	if s.flat == "" {
		s.flat = squeeze(s.text)
	}
	if strings.Contains(s.text, v) || strings.Contains(s.flat, v) {
		return true
	}
	for _, n := range s.numbers {
		if sameNumber(n, v) {
			return true
		}
	}
	return false
}

func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

// sameNumber reports whether the number n (plain digits) is the personal
// value v. A spreadsheet keeps 15 significant digits, so an 18-digit ID
// number stored as a number comes back with its tail changed: the same
// length and the same first 15 digits is the same number.
func sameNumber(n, v string) bool {
	if n == v {
		return true
	}
	for _, r := range v {
		if r < '0' || r > '9' {
			return false
		}
	}
	return len(v) > 15 && len(n) == len(v) && n[:15] == v[:15]
}

// numberDigits writes a number read from a file as plain digits when it is
// a whole number, as Go prints it otherwise.
func numberDigits(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// textSeen is a printed output: stdout and stderr are read as they are.
func textSeen(out string) []privacySeen {
	return []privacySeen{{by: "text", text: out, control: true}}
}

// jsonSeen reads JSON twice: as text, and decoded, every string and number
// of it (numbers as digits, keys too).
func jsonSeen(t *testing.T, name string, b []byte) []privacySeen {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	dec2 := privacySeen{by: "json decoder", control: true}
	var strs []string
	for {
		var v any
		err := dec.Decode(&v)
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s is not JSON: %v", name, err)
		}
		walkJSON(v, &strs, &dec2.numbers)
	}
	dec2.text = strings.Join(strs, "\n")
	return []privacySeen{{by: "text", text: string(b), control: true}, dec2}
}

func walkJSON(v any, strs, nums *[]string) {
	switch v := v.(type) {
	case string:
		*strs = append(*strs, v)
	case json.Number:
		*strs = append(*strs, v.String())
		if f, err := v.Float64(); err == nil {
			*nums = append(*nums, numberDigits(f))
		}
	case []any:
		for _, e := range v {
			walkJSON(e, strs, nums)
		}
	case map[string]any:
		for k, e := range v {
			*strs = append(*strs, k)
			walkJSON(e, strs, nums)
		}
	}
}

// openpyxlScript prints every text openpyxl gives for a workbook: document
// properties, defined names, and for each sheet (hidden ones too) its name,
// headers and footers, data validations, and every cell's value, comment
// and link. Number values also go out apart, as digits.
const openpyxlScript = `
import json, sys, datetime
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
text, nums = [], []
def add(v):
    if v is None:
        return
    if isinstance(v, bool):
        text.append(str(v))
    elif isinstance(v, (int, float)):
        if isinstance(v, float) and v.is_integer() and abs(v) < 1e21:
            v = int(v)
        text.append(str(v))
        nums.append(str(v))
    else:
        text.append(str(v))
p = wb.properties
for k in ("title", "subject", "creator", "keywords", "description", "category", "lastModifiedBy", "identifier"):
    add(getattr(p, k, None))
dn = wb.defined_names
for d in (dn.values() if hasattr(dn, "values") else getattr(dn, "definedName", [])):
    add(d.name)
    add(d.attr_text)
for ws in wb.worksheets:
    add(ws.title)
    hf = ws.HeaderFooter
    for part in (hf.oddHeader, hf.oddFooter, hf.evenHeader, hf.evenFooter, hf.firstHeader, hf.firstFooter):
        for item in (part.left, part.center, part.right):
            add(item.text)
    for dv in ws.data_validations.dataValidation:
        for v in (dv.formula1, dv.formula2, dv.prompt, dv.promptTitle, dv.error, dv.errorTitle):
            add(v)
    for row in ws.iter_rows():
        for c in row:
            add(c.value)
            if c.comment is not None:
                add(c.comment.text)
            if c.hyperlink is not None:
                add(c.hyperlink.target)
                add(c.hyperlink.display)
        text.append("\n")
json.dump({"text": "\t".join(text), "numbers": nums}, sys.stdout, ensure_ascii=False)
`

// needReaders stops the test, through datatest, when a reader it relies on
// is missing: without them the scan would find nothing and prove nothing.
func needReaders(t *testing.T) {
	t.Helper()
	datatest.NeedTool(t, "pdftotext", "poppler-utils")
	datatest.NeedTool(t, "pdfinfo", "poppler-utils")
	datatest.NeedTool(t, privacyPython, "python3")
	if out, err := exec.Command(privacyPython, "-c", "import openpyxl").CombinedOutput(); err != nil {
		datatest.Missing(t, "openpyxl (apt-get install python3-openpyxl): %v\n%s", err, out)
	}
}

// xlsxSeen reads a workbook with openpyxl and, apart, as the XML inside it.
func xlsxSeen(t *testing.T, name string, b []byte) []privacySeen {
	t.Helper()
	f := filepath.Join(datatest.TempDir(t), "book.xlsx")
	script := filepath.Join(datatest.TempDir(t), "cells.py")
	if err := os.WriteFile(f, b, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(script, []byte(openpyxlScript), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(privacyPython, script, f).Output()
	if err != nil {
		var stderr []byte
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = ee.Stderr
		}
		t.Fatalf("openpyxl could not read %s: %v\n%s", name, err, stderr)
	}
	var got struct {
		Text    string   `json:"text"`
		Numbers []string `json:"numbers"`
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("reading openpyxl's output for %s: %v", name, err)
	}
	return append([]privacySeen{{by: "openpyxl", text: got.Text, numbers: got.Numbers, control: true}},
		xmlSeen(t, name, b)...)
}

// docxSeen reads a Word document as the XML inside it: document, headers,
// footers, notes, comments and properties alike.
func docxSeen(t *testing.T, name string, b []byte) []privacySeen { return xmlSeen(t, name, b) }

var xmlTag = regexp.MustCompile(`<[^>]*>`)

// xmlSeen is the text of every XML part of an Office file, tags replaced by
// spaces and entities decoded, so nothing a part holds is left out,
// whichever part it is. A number cell's <v> is text here too.
func xmlSeen(t *testing.T, name string, b []byte) []privacySeen {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("%s is not a zip: %v", name, err)
	}
	var sb strings.Builder
	parts := 0
	for _, f := range zr.File {
		ext := strings.ToLower(path.Ext(f.Name))
		if ext != ".xml" && ext != ".rels" && ext != ".vml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatalf("%s: %s: %v", name, f.Name, err)
		}
		x, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %s: %v", name, f.Name, err)
		}
		sb.WriteString(f.Name + "\n")
		sb.WriteString(html.UnescapeString(xmlTag.ReplaceAllString(string(x), " ")))
		sb.WriteString("\n")
		parts++
	}
	if parts == 0 {
		t.Fatalf("%s holds no XML part", name)
	}
	return []privacySeen{{by: "xml parts", text: sb.String(), control: true}}
}

// pdfSeen reads a PDF with pdftotext, in the order it was drawn (-raw, so
// the lines of one table cell stay together), and its document information
// with pdfinfo.
func pdfSeen(t *testing.T, name string, b []byte) []privacySeen {
	t.Helper()
	f := filepath.Join(datatest.TempDir(t), "doc.pdf")
	if err := os.WriteFile(f, b, 0o600); err != nil {
		t.Fatal(err)
	}
	text, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", f, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", name, err)
	}
	info, err := exec.Command("pdfinfo", "-enc", "UTF-8", f).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", name, err)
	}
	return []privacySeen{{by: "pdftotext", text: string(text), control: true}, {by: "pdfinfo", text: string(info)}}
}

// fileSeen reads a file by its kind, and always also its bytes as they
// are: a value written in the clear, where no reader looks, is still
// found.
func fileSeen(t *testing.T, name string, b []byte) []privacySeen {
	t.Helper()
	raw := privacySeen{by: "bytes", text: string(b)}
	switch strings.ToLower(path.Ext(name)) {
	case ".xlsx":
		return append(xlsxSeen(t, name, b), raw)
	case ".docx":
		return append(docxSeen(t, name, b), raw)
	case ".pdf":
		return append(pdfSeen(t, name, b), raw)
	case ".json":
		return jsonSeen(t, name, b)
	case ".txt", ".csv":
		return textSeen(string(b))
	}
	return []privacySeen{raw}
}

// zipEntries unpacks every entry of a zip: names in order, bodies by name.
func zipEntries(t *testing.T, b []byte) (names []string, bodies map[string][]byte, comment string) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	bodies = map[string][]byte{}
	for _, f := range zr.File {
		names = append(names, f.Name)
		if f.FileInfo().IsDir() {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		bodies[f.Name] = body
		if f.Comment != "" {
			comment += f.Comment + "\n"
		}
	}
	return names, bodies, zr.Comment + "\n" + comment
}
