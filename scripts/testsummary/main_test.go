package main

import (
	"bytes"
	"strings"
	"testing"
)

// stream is a made-up `go test -json` run: two passes, one failure with its
// output, one allowed skip, one skip for a missing tool, a non-JSON line.
const stream = `{"Action":"run","Package":"p/a","Test":"TestOK"}
{"Action":"output","Package":"p/a","Test":"TestOK","Output":"=== RUN   TestOK\n"}
{"Action":"pass","Package":"p/a","Test":"TestOK"}
{"Action":"run","Package":"p/a","Test":"TestOK/Sub"}
{"Action":"pass","Package":"p/a","Test":"TestOK/Sub"}
{"Action":"output","Package":"p/a","Test":"TestBad","Output":"    a_test.go:9: 写错了 wrong\n"}
{"Action":"fail","Package":"p/a","Test":"TestBad"}
{"Action":"output","Package":"p/a","Output":"FAIL\tp/a\t0.1s\n"}
{"Action":"output","Package":"chamberdesk/data","Test":"TestFilesArePrivate","Output":"=== RUN   TestFilesArePrivate\n"}
{"Action":"output","Package":"chamberdesk/data","Test":"TestFilesArePrivate","Output":"    backups_test.go:373: Unix modes\n"}
{"Action":"output","Package":"chamberdesk/data","Test":"TestFilesArePrivate","Output":"--- SKIP: TestFilesArePrivate (0.00s)\n"}
{"Action":"skip","Package":"chamberdesk/data","Test":"TestFilesArePrivate"}
{"Action":"output","Package":"chamberdesk/data","Test":"TestPDF","Output":"    x_test.go:5: 缺少测试工具 missing test tool: pdftotext\n"}
{"Action":"skip","Package":"chamberdesk/data","Test":"TestPDF"}
{"Action":"output","Package":"chamberdesk/data","Output":"PASS\n"}
{"Action":"output","Package":"chamberdesk/data","Output":"ok  \tchamberdesk/data\t1.0s\n"}
# chamberdesk/x
not json at all
`

func TestRead(t *testing.T) {
	var echo bytes.Buffer
	s, err := Read(strings.NewReader(stream), &echo)
	if err != nil {
		t.Fatal(err)
	}
	if s.Passed != 2 || len(s.Failed) != 1 || len(s.Skipped) != 2 {
		t.Fatalf("passed %d, failed %v, skipped %v", s.Passed, s.Failed, s.Skipped)
	}
	if s.Skipped[1].Test != "TestPDF" || !strings.Contains(s.Skipped[1].Reason, "pdftotext") {
		t.Errorf("skip reason lost: %+v", s.Skipped[1])
	}
	for _, want := range []string{"写错了 wrong", "FAIL\tp/a", "ok  \tchamberdesk/data", "not json at all"} {
		if !strings.Contains(echo.String(), want) {
			t.Errorf("echo lacks %q:\n%s", want, echo.String())
		}
	}
	// A passing test's output and the bare PASS line stay quiet, as in go test.
	for _, quiet := range []string{"=== RUN   TestOK", "PASS\n"} {
		if strings.Contains(echo.String(), quiet) {
			t.Errorf("echo shows %q:\n%s", quiet, echo.String())
		}
	}
}

func TestReport(t *testing.T) {
	tests := []struct {
		name   string
		sum    Summary
		ci     bool
		code   int
		closes string
	}{
		{"AllowedSkipUnderCI", Summary{Passed: 3, Skipped: []Skip{{"chamberdesk/data", "TestFilesArePrivate", "backups_test.go:373: Unix modes"}}}, true, 0, "tests: 3 passed, 0 failed, 1 skipped"},
		{"MissingToolUnderCI", Summary{Passed: 3, Skipped: []Skip{{"chamberdesk/data", "TestPDF", "missing test tool"}}}, true, 1, "tests: 3 passed, 0 failed, 1 skipped"},
		{"MissingToolOffCI", Summary{Passed: 3, Skipped: []Skip{{"chamberdesk/data", "TestPDF", "missing test tool"}}}, false, 0, "tests: 3 passed, 0 failed, 1 skipped"},
		// The allowed test skipping for another reason is not excused.
		{"AllowedTestOtherReason", Summary{Skipped: []Skip{{"chamberdesk/data", "TestFilesArePrivate", "sqlite3 missing"}}}, true, 1, "tests: 0 passed, 0 failed, 1 skipped"},
		// A Linux reader missing in the Windows run is excused there only.
		{"LinuxReaderOnWindows", Summary{Passed: 2, Windows: true, Skipped: []Skip{{"chamberdesk/report/xlsx", "TestRoster/Full", "xlsx_test.go:99: Windows run: Linux reader 需要 Linux 上的读取工具 needs a Linux reader: openpyxl"}}}, true, 0, "tests: 2 passed, 0 failed, 1 skipped"},
		{"LinuxReaderOffWindows", Summary{Passed: 2, Skipped: []Skip{{"chamberdesk/report/xlsx", "TestRoster/Full", "xlsx_test.go:99: Windows run: Linux reader needs a Linux reader: openpyxl"}}}, true, 1, "tests: 2 passed, 0 failed, 1 skipped"},
		// A plain missing tool is still not excused in the Windows run.
		{"MissingToolOnWindows", Summary{Passed: 3, Windows: true, Skipped: []Skip{{"chamberdesk/data", "TestPDF", "missing test tool"}}}, true, 1, "tests: 3 passed, 0 failed, 1 skipped"},
		{"WindowsAllowanceIsPerTest", Summary{Windows: true, Skipped: []Skip{{"chamberdesk/data", "TestOther", "Windows: no read-only folder without ACLs"}}}, true, 1, "tests: 0 passed, 0 failed, 1 skipped"},
		{"Failure", Summary{Passed: 1, Failed: []string{"p TestBad"}}, false, 1, "tests: 1 passed, 1 failed, 0 skipped"},
		{"BuildFailure", Summary{BuildFailed: 1}, false, 1, "tests: 0 passed, 0 failed, 0 skipped"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			if code := tt.sum.Report(&out, tt.ci); code != tt.code {
				t.Errorf("exit %d, want %d:\n%s", code, tt.code, out.String())
			}
			if !strings.Contains(out.String(), "\n"+tt.closes+"\n") {
				t.Errorf("no closing line %q:\n%s", tt.closes, out.String())
			}
		})
	}
}
