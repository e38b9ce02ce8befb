package pkg

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// fake describes a package built by hand, for the tests of reading and
// combining packages, which need many small packages fast.
type fake struct {
	unit, short, category, level string
	year                         int
}

type entry struct {
	name string
	body []byte
}

var fakeTime = time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)

// entries are a good package's zip entries, manifest last.
func (f fake) entries() []entry {
	title := f.unit + "：" + f.short
	top := PackageName(f.year, f.unit, title)
	files := []entry{
		{EntryDocx, []byte("docx of " + title)},
		{EntryPDF, []byte("%PDF-1.4 " + title)},
		{EntrySummary, []byte("summary of " + title)},
		{EntryLedger, []byte("ledger of " + title)},
		{photoName(0, "全体会员合影"), []byte("\xff\xd8\xff photo")},
	}
	m := Manifest{Format: Format, Version: Version, CreatedAt: fakeTime.Format(time.RFC3339),
		Generator:    Generator{Name: "ChamberDesk", Version: "test"},
		Organization: Org{Name: f.unit, ShortName: f.unit, Type: "镇街商会", Region: "江州市安澜区"},
		Case: CaseInfo{Year: f.year, Category: f.category, Level: f.level, Title: title,
			MainResults: "办班期数12期", ContactPerson: "联系人", ContactPhone: "13800000000", Recommender: "安澜区工商联"},
		Figures: []FigureRef{{MetricKey: "training_sessions", MetricName: "办班期数", Value: 12, Unit: "期", Phrasing: "12期"}},
	}
	out := []entry{{top + "/", nil}, {top + "/" + DirPhotos + "/", nil}}
	for _, e := range files {
		sum := sha256.Sum256(e.body)
		m.Files = append(m.Files, FileRef{Path: e.name, Size: int64(len(e.body)), SHA256: hex.EncodeToString(sum[:])})
		out = append(out, entry{top + "/" + e.name, e.body})
	}
	b, _ := json.MarshalIndent(m, "", "  ")
	return append(out, entry{top + "/" + EntryManifest, b})
}

// zipOf writes entries as a zip, names as given (archive/zip does not
// check them, which is how a hostile package is made).
func zipOf(tb testing.TB, es []entry) []byte {
	tb.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range es {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: e.name, Method: zip.Deflate, Modified: fakeTime})
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := w.Write(e.body); err != nil {
			tb.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// save writes b into dir as name and returns the path.
func save(tb testing.TB, dir, name string, b []byte) string {
	tb.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

func (f fake) save(tb testing.TB, dir string) string {
	tb.Helper()
	es := f.entries()
	return save(tb, dir, es[0].name[:len(es[0].name)-1]+".zip", zipOf(tb, es))
}
