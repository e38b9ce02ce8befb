package datatest

import (
	"fmt"
	"os"
	"os/exec"
	"testing"
)

// InCI reports whether the tests run under continuous integration. Any
// non-empty CI counts (CI=true, CI=1, CI=yes): a run that is meant to prove
// the program must never turn a missing reader into a skip.
func InCI() bool { return os.Getenv("CI") != "" }

// Missing stops a test that cannot run because something it reads outputs
// back with is not installed: under CI the test fails, naming what is
// missing; on a developer's machine it is skipped with the same words, so
// `make test`'s skip summary lists it.
func Missing(tb testing.TB, format string, args ...any) {
	tb.Helper()
	msg := fmt.Sprintf(format, args...)
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
