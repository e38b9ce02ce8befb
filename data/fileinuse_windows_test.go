//go:build windows

package data_test

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"golang.org/x/sys/windows"

	"chamberdesk/data"
)

// holdNoShare is the second program: it opens path with no sharing, as WPS
// and Excel hold an open workbook, says "held", and keeps it until its
// input closes or it is killed.
func holdNoShare(path string) int {
	p, err := windows.UTF16PtrFromString(path)
	if err != nil {
		fmt.Println("bad path:", err)
		return 4
	}
	h, err := windows.CreateFile(p, windows.GENERIC_READ, 0, nil, windows.OPEN_EXISTING, windows.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		fmt.Println("open failed:", err)
		return 4
	}
	fmt.Println("held")
	_, _ = bufio.NewReader(os.Stdin).ReadString('\n')
	_ = windows.CloseHandle(h)
	return 0
}

// holdFile has a second program hold path with no sharing (holdNoShare)
// and returns a release that lets it go.
func holdFile(t *testing.T, path string) func() {
	t.Helper()
	line, kill, release := secondProgram(t, holdNoShareEnv, path)
	if line != "held" {
		kill()
		t.Fatalf("holder did not hold %s: %q", path, line)
	}
	return func() {
		if err := release(); err != nil {
			t.Errorf("holder: %v", err)
		}
	}
}

// TestHeldFileInUse: a secretary re-exports while the last export is open
// in WPS or Excel. Every writer says to close it first (CodeFileInUse),
// leaves the old file and no temporary one; once it is closed, the retry
// succeeds.
func TestHeldFileInUse(t *testing.T) {
	eachWriterFailingOnce(t, holdFile, func(t *testing.T, err error) {
		if !data.IsCode(err, data.CodeFileInUse) {
			t.Fatalf("write to a held file: %v, want %s", err, data.CodeFileInUse)
		}
		var e *data.Error
		if errors.As(err, &e) && !strings.Contains(e.Message(), "WPS 或 Excel 中关闭") {
			t.Errorf("message %q does not say to close the file", e.Message())
		}
	})
}
