// Command testsummary reads `go test -json` on standard input and prints
// what plain `go test` prints (the output of failing tests, build errors,
// one line per package), then every skipped test with its reason and a
// closing line "tests: N passed, N failed, N skipped".
//
// Under CI (any non-empty CI variable) it exits non-zero when a test was
// skipped that the allow-list below does not excuse: a skip there means a
// check did not run, and a green run must not hide that. gotestsum counts
// skips too, but has no such list, so this small reader is ours.
//
// With -windows (`make test-windows`: the tests built for Windows, run under
// Wine) the Windows-only allowances of allow.go apply as well.
//
//	go test -json ./... | go run ./scripts/testsummary
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	windows := flag.Bool("windows", false, "the tests ran as Windows programs: apply the Windows-only allow-list too")
	flag.Parse()
	s, err := Read(os.Stdin, os.Stdout)
	if err != nil {
		fmt.Fprintln(os.Stderr, "testsummary:", err)
		os.Exit(2)
	}
	s.Windows = *windows
	os.Exit(s.Report(os.Stdout, os.Getenv("CI") != ""))
}

// Report prints the skips and the closing counts, and gives the exit code:
// 1 when a test failed, or when ci is set and a skip is not allowed.
func (s *Summary) Report(w io.Writer, ci bool) int {
	code := 0
	if len(s.Skipped) > 0 {
		fmt.Fprintf(w, "\n跳过的测试 skipped tests (%d):\n", len(s.Skipped))
	}
	var unexpected int
	for _, sk := range s.Skipped {
		why, ok := Allowed(sk, s.Windows)
		mark := "未获准 NOT ALLOWED"
		if ok {
			mark = "允许 allowed: " + why
		} else {
			unexpected++
		}
		fmt.Fprintf(w, "  %s %s: %s [%s]\n", sk.Package, sk.Test, sk.Reason, mark)
	}
	if len(s.Failed) > 0 {
		fmt.Fprintf(w, "\n失败的测试 failed tests (%d):\n", len(s.Failed))
		for _, f := range s.Failed {
			fmt.Fprintf(w, "  %s\n", f)
		}
		code = 1
	}
	if s.BuildFailed > 0 {
		fmt.Fprintf(w, "\n%d 个包编译失败 packages failed to build\n", s.BuildFailed)
		code = 1
	}
	fmt.Fprintf(w, "\ntests: %d passed, %d failed, %d skipped\n", s.Passed, len(s.Failed), len(s.Skipped))
	if unexpected > 0 {
		if ci {
			fmt.Fprintf(w, "CI 下不允许跳过测试 %d 个 %d skipped tests are not allowed under CI: install what they name (scripts/deps.sh test)\n", unexpected, unexpected)
			code = 1
		} else {
			fmt.Fprintf(w, "注意 note: %d 个测试被跳过 %d tests were skipped; under CI this fails\n", unexpected, unexpected)
		}
	}
	return code
}
