// Package xlsxtest reads workbooks back for tests with an independent reader,
// openpyxl run by the system Python, so the exports are checked by something
// other than the library that wrote them.
package xlsxtest

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"chamberdesk/data/datatest"
)

// Python is the interpreter that has Debian's python3-openpyxl; a python3
// earlier on PATH (a virtualenv, pyenv) may not see it.
const Python = "/usr/bin/python3"

// Cell is one cell as openpyxl reads it: T is "s" (text), "n" (number),
// "d" (a date: V is "YYYY-MM-DD"), "f" (a formula: V is its text), "b"
// (boolean) or "" for an empty cell.
type Cell struct {
	T string `json:"t"`
	V any    `json:"v"`
}

// Str is the cell's text, or "" when it is not text.
func (c Cell) Str() string {
	s, _ := c.V.(string)
	if c.T != "s" {
		return ""
	}
	return s
}

// Num is the cell's number, and whether it is one.
func (c Cell) Num() (float64, bool) {
	f, ok := c.V.(float64)
	return f, ok && c.T == "n"
}

// Sheet is one worksheet with the settings the exports promise.
type Sheet struct {
	Name        string             `json:"name"`
	Freeze      string             `json:"freeze"`
	Filter      string             `json:"filter"`
	PrintTitles string             `json:"print_titles"`
	Orientation string             `json:"orientation"`
	Paper       string             `json:"paper"`
	Footer      string             `json:"footer"`
	Merged      []string           `json:"merged"`
	Widths      map[string]float64 `json:"widths"`
	NumFmts     map[string]string  `json:"numfmts"` // of the first data row, by column letter
	Rows        [][]Cell           `json:"rows"`
}

// Workbook is what Read returns.
type Workbook struct {
	Sheets []Sheet `json:"sheets"`
}

// Sheet finds a sheet by name.
func (w *Workbook) Sheet(t testing.TB, name string) *Sheet {
	t.Helper()
	for i := range w.Sheets {
		if w.Sheets[i].Name == name {
			return &w.Sheets[i]
		}
	}
	t.Fatalf("no sheet %q in the workbook", name)
	return nil
}

const script = `
import json, sys, datetime
import openpyxl
from openpyxl.utils import get_column_letter
wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": []}
def cell(c):
    v = c.value
    if v is None:
        return {"t": "", "v": None}
    if c.data_type == "f":
        return {"t": "f", "v": str(v)}
    if isinstance(v, bool):
        return {"t": "b", "v": v}
    if isinstance(v, (datetime.datetime, datetime.date)):
        return {"t": "d", "v": v.strftime("%Y-%m-%d")}
    if isinstance(v, (int, float)):
        return {"t": "n", "v": v}
    return {"t": "s", "v": str(v)}
for ws in wb.worksheets:
    s = {
        "name": ws.title,
        "freeze": ws.freeze_panes or "",
        "filter": ws.auto_filter.ref or "",
        "print_titles": ws.print_title_rows or "",
        "orientation": ws.page_setup.orientation or "",
        "paper": str(ws.page_setup.paperSize or ""),
        "footer": ws.oddFooter.center.text or "",
        "merged": [str(r) for r in ws.merged_cells.ranges],
        "widths": {k: d.width for k, d in ws.column_dimensions.items() if d.width},
        "numfmts": {},
        "rows": [],
    }
    for row in ws.iter_rows():
        s["rows"].append([cell(c) for c in row])
    if ws.max_row >= 3:
        for c in ws[3]:
            s["numfmts"][get_column_letter(c.column)] = c.number_format
    out["sheets"].append(s)
json.dump(out, sys.stdout, ensure_ascii=False)
`

// NeedOpenpyxl stops the test when openpyxl cannot be imported by Python:
// under CI it fails, elsewhere it skips (datatest.Missing).
func NeedOpenpyxl(t testing.TB) {
	t.Helper()
	if out, err := exec.Command(Python, "-c", "import openpyxl").CombinedOutput(); err != nil {
		datatest.Missing(t, "openpyxl (apt-get install python3-openpyxl): %s -c 'import openpyxl': %v %s", Python, err, strings.TrimSpace(string(out)))
	}
}

// Read reads the workbook at path with openpyxl, which must be installed
// (NeedOpenpyxl).
func Read(t testing.TB, path string) *Workbook {
	t.Helper()
	NeedOpenpyxl(t)
	py := filepath.Join(t.TempDir(), "readback.py")
	if err := os.WriteFile(py, []byte(script), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(Python, py, path)
	out, err := cmd.Output()
	if err != nil {
		var stderr []byte
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = ee.Stderr
		}
		t.Fatalf("openpyxl could not read %s: %v\n%s", path, err, stderr)
	}
	var wb Workbook
	if err := json.Unmarshal(out, &wb); err != nil {
		t.Fatalf("reading openpyxl's output: %v", err)
	}
	return &wb
}

// Header finds the column of a header in row 2 (the row below the title);
// it fails the test when there is none.
func (s *Sheet) Header(t testing.TB, name string) int {
	t.Helper()
	if len(s.Rows) >= 2 {
		for i, c := range s.Rows[1] {
			if c.Str() == name {
				return i
			}
		}
	}
	t.Fatalf("sheet %s has no column %q", s.Name, name)
	return -1
}

// Data is the rows below the header.
func (s *Sheet) Data() [][]Cell {
	if len(s.Rows) < 2 {
		return nil
	}
	return s.Rows[2:]
}

// CheckLayout checks what every exported sheet promises: a merged title
// holding want, a header frozen and filtered, print titles, A4 paper and
// page numbers in the footer.
func (s *Sheet) CheckLayout(t testing.TB, title string) {
	t.Helper()
	if len(s.Rows) < 2 || s.Rows[0][0].Str() != title {
		t.Errorf("%s: title %v, want %q", s.Name, s.Rows[0][0], title)
	}
	if len(s.Merged) != 1 || s.Merged[0][:3] != "A1:" {
		t.Errorf("%s: merged %v, want the title row", s.Name, s.Merged)
	}
	if s.Freeze != "A3" {
		t.Errorf("%s: frozen at %q, want A3", s.Name, s.Freeze)
	}
	// excelize writes the range with $ signs, as Excel itself sometimes does.
	s.Filter = strings.ReplaceAll(s.Filter, "$", "")
	if len(s.Filter) < 3 || s.Filter[:3] != "A2:" {
		t.Errorf("%s: filter %q, want the header row", s.Name, s.Filter)
	}
	if s.PrintTitles != "$2:$2" {
		t.Errorf("%s: print titles %q, want $2:$2", s.Name, s.PrintTitles)
	}
	if s.Paper != "9" {
		t.Errorf("%s: paper %q, want A4 (9)", s.Name, s.Paper)
	}
	if s.Footer != "第 &P 页 共 &N 页" {
		t.Errorf("%s: footer %q", s.Name, s.Footer)
	}
	for _, c := range s.Rows[1] {
		if c.T != "s" {
			t.Errorf("%s: header cell %v is not text", s.Name, c)
		}
	}
	for col, w := range s.Widths {
		if w < 6 || w > 52 {
			t.Errorf("%s: column %s width %v", s.Name, col, w)
		}
	}
}
