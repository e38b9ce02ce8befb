package pdf

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"chamberdesk/data/datatest"
)

// TestPDFScreenshots renders each kind of document and turns its pages
// into PNGs with pdftoppm, for a person to look at: `make screenshots`
// writes them to screenshots/pdf (PDF_SCREENSHOTS_DIR); without it they go
// to a temporary folder and are only checked to exist.
func TestPDFScreenshots(t *testing.T) {
	dir := os.Getenv("PDF_SCREENSHOTS_DIR")
	if dir == "" {
		dir = datatest.TempDir(t)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	ad := fourPhotos(t, demoActivity(t))
	long := ad
	long.Activity.Content = longContent()
	ld, err := LoadLedger(t.Context(), demoStore, 2026)
	if err != nil {
		t.Fatal(err)
	}
	sd, err := LoadSignin(t.Context(), demoStore, ad.Activity.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, doc := range []struct {
		name  string
		write func(io.Writer) error
	}{
		{"1_activity", func(w io.Writer) error { return WriteActivity(w, ad) }},
		{"2_activity_long", func(w io.Writer) error { return WriteActivity(w, long) }},
		{"3_ledger", func(w io.Writer) error { return WriteLedger(w, ld) }},
		{"4_signin", func(w io.Writer) error { return WriteSignin(w, sd) }},
		{"5_case", func(w io.Writer) error { return WriteCase(w, demoCase(t)) }},
	} {
		p := render(t, doc.name+".pdf", doc.write)
		poppler(t, "pdftoppm", "-r", "60", "-png", p, filepath.Join(dir, doc.name))
		pngs, _ := filepath.Glob(filepath.Join(dir, doc.name+"-*.png"))
		if n := pdfPages(t, p); len(pngs) != n {
			t.Errorf("%s: %d PNGs for %d pages", doc.name, len(pngs), n)
		}
	}
}
