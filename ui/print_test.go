package ui

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2/test"

	"chamberdesk/data"
	"chamberdesk/data/datatest"
)

// viewerSpy stands in for the system PDF viewer and records what it was
// asked to open.
type viewerSpy struct {
	mu     sync.Mutex
	opened []string
	err    error
}

func (v *viewerSpy) open(path string) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.opened = append(v.opened, path)
	return v.err
}

// printTestApp opens the demo with the viewer replaced and the scratch
// folder inside the test's own folder.
func printTestApp(t *testing.T) (*App, *viewerSpy) {
	t.Helper()
	db := demoCopy(t) // before TMPDIR moves: the demo is built once for all tests
	t.Setenv("TMPDIR", t.TempDir())
	a := newTestApp(t, db)
	v := &viewerSpy{}
	a.openPDF = v.open
	return a, v
}

// lastOpened checks that the viewer was called once more, with a whole
// PDF in the scratch folder, and returns its path.
func lastOpened(t *testing.T, v *viewerSpy, n int) string {
	t.Helper()
	v.mu.Lock()
	defer v.mu.Unlock()
	if len(v.opened) != n {
		t.Fatalf("viewer called %d times, want %d", len(v.opened), n)
	}
	p := v.opened[n-1]
	if filepath.Dir(p) != filepath.Join(os.TempDir(), printDirName) {
		t.Errorf("printed to %s, not the scratch folder", p)
	}
	b, err := os.ReadFile(p)
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) || !bytes.Contains(b[len(b)-64:], []byte("%%EOF")) {
		t.Fatalf("%s is not a whole PDF: %v", p, err)
	}
	return p
}

// pdfText is the text of the PDF at p as pdftotext reads it, without
// spaces. A PDF it finds no text in fails: every printout has a title.
func pdfText(t *testing.T, p string) string {
	t.Helper()
	tool := datatest.NeedTool(t, "pdftotext", "poppler-utils")
	out, err := exec.Command(tool, p, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", p, err)
	}
	text := strings.Join(strings.Fields(string(out)), "")
	if text == "" {
		t.Fatalf("pdftotext finds no text in %s: the PDF draws nothing a person could read", p)
	}
	return text
}

// selectPrintable selects an activity with attendees and no photos: the
// PDF's photos are tested in report/pdf, and the thumbnails of the detail
// panel would only add background work to wait for.
func selectPrintable(t *testing.T, a *App) *activitiesScreen {
	t.Helper()
	s := openActivities(t, a)
	s.year.SetSelected(activityAllYears)
	row := slices.IndexFunc(s.rows, func(x *data.Activity) bool { return s.photoN[x.ID] == 0 && len(x.Attendees) > 0 })
	if row < 0 {
		t.Fatal("no demo activity without photos")
	}
	s.selectRow(row)
	a.wait()
	return s
}

func TestPrintActivityButtons(t *testing.T) {
	a, v := printTestApp(t)
	s := selectPrintable(t, a)
	act := s.selectedActivity()
	if act == nil {
		t.Fatal("no activity selected")
	}

	test.Tap(s.printBtn)
	a.wait()
	text := openedPDF(t, v, 1, "活动简报")
	if !strings.Contains(text, act.Title) || !strings.Contains(text, "第1页共1页") {
		t.Errorf("summary text lacks the title or the page footer: %s", text)
	}
	if topOverlay(a) == nil {
		t.Error("no dialog after printing")
	}

	test.Tap(s.signinBtn)
	a.wait()
	text = openedPDF(t, v, 2, "签到表")
	if !strings.Contains(text, "签到表") || !strings.Contains(text, "签名") {
		t.Errorf("sign-in sheet text: %s", text)
	}
	for _, id := range act.Attendees[:min(3, len(act.Attendees))] {
		if m := s.names[id]; m != nil && !strings.Contains(text, m.Name) {
			t.Errorf("sign-in sheet lacks %s", m.Name)
		}
	}
}

func TestPrintLedgerButton(t *testing.T) {
	a, v := printTestApp(t)
	s := reportsOf(t, a)
	years := s.year.Years()
	year := years[len(years)-1] // the oldest year offered has activities
	s.year.SetSelectedIndex(len(years) - 1)
	test.Tap(s.ledgerBtn)
	a.wait()
	text := openedPDF(t, v, 1, "活动台账")
	if !strings.Contains(text, "年度活动台账") || !strings.Contains(text, "第1页共") ||
		!strings.Contains(text, strings.TrimSpace(a.org().Name)+strconv.Itoa(year)) {
		t.Errorf("ledger text: %.300s", text)
	}
}

func TestPrintViewerFails(t *testing.T) {
	a, v := printTestApp(t)
	v.err = errors.New("no viewer")
	s := selectPrintable(t, a)
	test.Tap(s.printBtn)
	a.wait()
	// The file is there to open by hand, and the dialog says where.
	lastOpened(t, v, 1)
	if topOverlay(a) == nil {
		t.Fatal("no dialog when the viewer cannot open")
	}
}

func TestSavePrinted(t *testing.T) {
	a, _ := printTestApp(t)
	dir := t.TempDir()
	src := filepath.Join(dir, "src.pdf")
	if err := os.WriteFile(src, []byte("%PDF-1.3 test\n%%EOF\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(dir, "另存.pdf")
	a.savePrinted(src, dst)
	a.wait()
	if b, err := os.ReadFile(dst); err != nil || string(b) != "%PDF-1.3 test\n%%EOF\n" {
		t.Fatalf("saved copy: %q %v", b, err)
	}
	// A source gone missing leaves the destination as it was.
	os.Remove(src)
	a.savePrinted(src, dst)
	a.wait()
	if b, _ := os.ReadFile(dst); string(b) != "%PDF-1.3 test\n%%EOF\n" {
		t.Fatalf("a failed save changed the copy: %q", b)
	}
}

func TestCleanFileName(t *testing.T) {
	for in, want := range map[string]string{
		"活动简报_第三届理事会第九次会议":        "活动简报_第三届理事会第九次会议",
		`签到表_a/b\c:d*e?f"g<h>i|j`: "签到表_a_b_c_d_e_f_g_h_i_j",
		" 活动台账_2026年 ":            "活动台账_2026年",
	} {
		if got := cleanFileName(in); got != want {
			t.Errorf("cleanFileName(%q) = %q, want %q", in, got, want)
		}
	}
	if n := len([]rune(cleanFileName(strings.Repeat("长", 100)))); n != 60 {
		t.Errorf("long name kept %d characters", n)
	}
}

// openedPDF checks that the viewer was asked to open n files, the last one
// named with name, and returns that file's text.
func openedPDF(t *testing.T, v *viewerSpy, n int, name string) string {
	t.Helper()
	p := lastOpened(t, v, n)
	if !strings.Contains(filepath.Base(p), name) {
		t.Errorf("file name %q, want it to name %s", filepath.Base(p), name)
	}
	return pdfText(t, p)
}
