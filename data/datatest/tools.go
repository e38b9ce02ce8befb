package datatest

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"testing"

	"chamberdesk/data/datatest/tmpdir"
)

// TempDir is tb.TempDir(), except that on Windows its cleanup also works
// under Wine (see tmpdir.New): tests that run in `make test-windows` use it.
func TempDir(tb testing.TB) string {
	tb.Helper()
	return tmpdir.New(tb)
}

// WindowsLinuxReader is the words a test gives when it skips on Windows
// because what reads its output back is a Linux program; the Windows
// allow-list of scripts/testsummary excuses exactly these words.
const WindowsLinuxReader = "Windows run: Linux reader"

// InCI reports whether the tests run under continuous integration. Any
// non-empty CI counts (CI=true, CI=1, CI=yes): a run that is meant to prove
// the program must never turn a missing reader into a skip.
func InCI() bool { return os.Getenv("CI") != "" }

// Missing stops a test that cannot run because something it reads outputs
// back with is not installed: under CI the test fails, naming what is
// missing; on a developer's machine it is skipped with the same words, so
// `make test`'s skip summary lists it.
//
// On Windows (`make test-windows`, under Wine) the readers are Linux
// programs (python3 with openpyxl, soffice, pdftotext, sqlite3, unzip, go)
// that the Windows side cannot run: the test skips, even under CI, with
// WindowsLinuxReader in its reason, and the Linux run is the one that reads
// these outputs back.
func Missing(tb testing.TB, format string, args ...any) {
	tb.Helper()
	msg := fmt.Sprintf(format, args...)
	if runtime.GOOS == "windows" {
		tb.Skipf("%s 需要 Linux 上的读取工具 needs a Linux reader: %s", WindowsLinuxReader, msg)
	}
	if InCI() {
		tb.Fatalf("缺少测试工具 missing test tool (CI=%q, so this fails instead of skipping): %s", os.Getenv("CI"), msg)
	}
	tb.Skipf("缺少测试工具 missing test tool: %s", msg)
}

// NeedTool returns the path of the program name, or stops the test through
// Missing. pkg is the Debian package that brings it (scripts/deps.sh test
// installs them all).
func NeedTool(tb testing.TB, name, pkg string) string {
	tb.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		Missing(tb, "%s (apt-get install %s): %v", name, pkg, err)
	}
	return p
}
