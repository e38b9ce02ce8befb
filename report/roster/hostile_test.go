package roster_test

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"io"
	"runtime"
	"runtime/metrics"
	"strconv"
	"testing"
	"time"

	"chamberdesk/data"
	"chamberdesk/report/roster"
)

// rawBook is the smallest workbook excelize opens, whose only sheet is the
// XML that rows writes: hostile row numbers and sizes are built by hand
// here because no spreadsheet program would write them.
func rawBook(tb testing.TB, rows func(w io.Writer)) []byte {
	tb.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	// The million-row sheet is mostly time spent compressing; speed matters
	// more than size here.
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.BestSpeed)
	})
	part := func(name, body string) {
		w, err := zw.Create(name)
		if err != nil {
			tb.Fatal(err)
		}
		io.WriteString(w, body)
	}
	part("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`)
	part("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	part("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="名册" sheetId="1" r:id="rId1"/></sheets></workbook>`)
	part("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`)
	w, err := zw.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		tb.Fatal(err)
	}
	io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	io.WriteString(w, `<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>联系电话</t></is></c></row>`)
	rows(w)
	io.WriteString(w, `</sheetData></worksheet>`)
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// maxReadHeap bounds the live heap while Read refuses a hostile sheet.
const maxReadHeap = 256 << 20

// heapPeak samples the live heap until the returned function is called,
// which gives the highest value seen.
func heapPeak() func() uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	stop, done := make(chan struct{}), make(chan uint64)
	go func() {
		top := read()
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				done <- max(top, read())
				return
			case <-tick.C:
				top = max(top, read())
			}
		}
	}()
	return func() uint64 { close(stop); return <-done }
}

func memberRow(w io.Writer, r int) {
	n := strconv.Itoa(r)
	io.WriteString(w, `<row r="`+n+`"><c r="A`+n+`" t="inlineStr"><is><t>会员`+n+`</t></is></c><c r="B`+n+
		`"><v>`+strconv.Itoa(13800000000+r%100000000)+`</v></c></row>`)
}

// TestHostileSheets: row numbers and sizes no spreadsheet program writes
// are refused with a message, never a crash, a hang or a huge allocation.
func TestHostileSheets(t *testing.T) {
	tests := []struct {
		name string
		rows func(w io.Writer)
		opts roster.Options
		code string // "" = read, rows checked below
	}{
		{"MaxRowsPlusOne", func(w io.Writer) { // 1,048,577 rows, one past Excel's last
			for r := 2; r <= 1_048_577; r++ {
				memberRow(w, r)
			}
		}, roster.Options{}, roster.CodeTooBig},
		{"RowPastExcel", func(w io.Writer) { memberRow(w, 1_048_577) }, roster.Options{}, roster.CodeCorrupt},
		{"HugeRowIndex", func(w io.Writer) { memberRow(w, 1<<40) }, roster.Options{}, roster.CodeCorrupt},
		{"NegativeRowIndex", func(w io.Writer) { memberRow(w, -5) }, roster.Options{}, roster.CodeCorrupt},
		{"ZeroRowIndex", func(w io.Writer) { memberRow(w, 0) }, roster.Options{}, roster.CodeCorrupt},
		{"ColumnPastXFD", func(w io.Writer) {
			io.WriteString(w, `<row r="2"><c r="XFE2" t="inlineStr"><is><t>甲</t></is></c></row>`)
		}, roster.Options{}, roster.CodeCorrupt},
		{"RowsBackwards", func(w io.Writer) { memberRow(w, 5); memberRow(w, 3) }, roster.Options{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := rawBook(t, tt.rows)
			runtime.GC()
			peak := heapPeak()
			r, err := read(t, b, tt.opts)
			top := peak()
			t.Logf("%s: %d bytes zipped, live heap peaked at %.0f MB while reading", tt.name, len(b), float64(top)/(1<<20))
			// Worksheets over 16 MB are spooled to disk by excelize and rows
			// stop at MaxRows, so reading stays far below this bound whatever
			// the sheet claims.
			if top > maxReadHeap {
				t.Errorf("heap peaked at %d MB, bound %d MB", top>>20, maxReadHeap>>20)
			}
			if tt.code == "" {
				if err != nil {
					t.Fatalf("want rows, got %v", err)
				}
				if len(r.Rows) == 0 {
					t.Fatal("no rows read")
				}
				return
			}
			if !data.IsCode(err, tt.code) {
				t.Fatalf("want %s, got %v", tt.code, err)
			}
			if e, _ := data.AsError(err); e.Msg == "" || e.Reason == "" {
				t.Fatalf("message should be Chinese + English: %+v", e)
			}
		})
	}
}
