package pdf

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"chamberdesk/data"
	"chamberdesk/data/datatest"
	"chamberdesk/data/demo"
)

// demoStore is the demo chamber, built once for all tests of the package:
// they only read it, or write to copies.
var demoStore *data.Store

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "pdftest")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	demoStore, err = data.Create(context.Background(), filepath.Join(dir, "demo.db"), data.OpenOptions{}, demo.Fill)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	demoStore.Close()
	os.RemoveAll(dir)
	os.Exit(code)
}

// needTool finds a poppler program the PDFs are checked with.
func needTool(tb testing.TB, name string) string {
	tb.Helper()
	return datatest.NeedTool(tb, name, "poppler-utils")
}

// render writes a document to a file in the test's folder.
func render(tb testing.TB, name string, write func(io.Writer) error) string {
	tb.Helper()
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	p := filepath.Join(datatest.TempDir(tb), name)
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		tb.Fatal(err)
	}
	return p
}

func poppler(tb testing.TB, tool string, args ...string) string {
	tb.Helper()
	out, err := exec.Command(needTool(tb, tool), args...).CombinedOutput()
	if err != nil {
		tb.Fatalf("%s %v: %v\n%s", tool, args, err, out)
	}
	return string(out)
}

// pdfText is the text pdftotext reads back, page by page.
func pdfText(tb testing.TB, path string) []string {
	tb.Helper()
	pages := strings.Split(poppler(tb, "pdftotext", "-layout", path, "-"), "\f")
	return pages[:len(pages)-1] // after the last form feed there is nothing
}

var pagesRE = regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`)

func pdfPages(tb testing.TB, path string) int {
	tb.Helper()
	m := pagesRE.FindStringSubmatch(poppler(tb, "pdfinfo", path))
	if m == nil {
		tb.Fatalf("pdfinfo gave no page count for %s", path)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// checkFonts asserts every font of the file is embedded as a subset.
func checkFonts(tb testing.TB, path string) {
	tb.Helper()
	lines := strings.Split(strings.TrimSpace(poppler(tb, "pdffonts", path)), "\n")
	if len(lines) < 3 {
		tb.Fatalf("pdffonts lists no font:\n%s", strings.Join(lines, "\n"))
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		// name type… encoding emb sub uni object ID
		if n := len(f); n < 7 || f[n-5] != "yes" || f[n-4] != "yes" || !strings.Contains(f[0], "+") {
			tb.Errorf("font not embedded as a subset: %s", l)
		}
	}
}

// squeeze drops the spaces pdftotext puts between characters and columns,
// so a check does not depend on how it spaced a line.
func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

func mustContain(tb testing.TB, what, text string, wants ...string) {
	tb.Helper()
	t := squeeze(text)
	for _, w := range wants {
		if !strings.Contains(t, squeeze(w)) {
			tb.Errorf("%s lacks %q", what, w)
		}
	}
}

// keep copies a test's PDF into $PDF_KEEP_DIR, when set, to look at.
func keep(tb testing.TB, path string) {
	dir := os.Getenv("PDF_KEEP_DIR")
	if dir == "" {
		return
	}
	b, err := os.ReadFile(path)
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, tb.Name()+".pdf"), b, 0o644)
	}
	if err != nil {
		tb.Error(err)
	}
}
