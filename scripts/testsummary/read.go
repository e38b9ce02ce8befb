package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
)

// event is one line of `go test -json` (cmd/test2json).
type event struct {
	Action     string
	Package    string
	Test       string
	Output     string
	ImportPath string // build-output and build-fail events
}

// Skip is one skipped test and the message it gave.
type Skip struct {
	Package string
	Test    string
	Reason  string
}

// Summary is what one run did.
type Summary struct {
	Passed      int
	Failed      []string // "package Test"
	Skipped     []Skip
	BuildFailed int
	Windows     bool // the tests ran as Windows programs: the Windows allow-list applies too
}

// Read consumes a `go test -json` stream, echoing to w what plain `go test`
// would have shown: failing tests' output, package result lines and build
// errors. Lines that are not JSON (a build error printed by the go command
// itself) pass through as they are.
func Read(r io.Reader, w io.Writer) (*Summary, error) {
	s := &Summary{}
	held := map[string][]string{} // output of a running test, by package and name
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		line := sc.Bytes()
		var e event
		if len(line) == 0 || line[0] != '{' || json.Unmarshal(line, &e) != nil {
			fmt.Fprintf(w, "%s\n", line)
			continue
		}
		key := e.Package + " " + e.Test
		switch e.Action {
		case "build-output":
			fmt.Fprint(w, e.Output)
		case "build-fail":
			s.BuildFailed++
		case "output":
			if e.Test == "" {
				if strings.TrimSpace(e.Output) != "PASS" {
					fmt.Fprint(w, e.Output)
				}
				continue
			}
			held[key] = append(held[key], e.Output)
		case "pass":
			if e.Test != "" {
				s.Passed++
				delete(held, key)
			}
		case "fail":
			if e.Test != "" {
				s.Failed = append(s.Failed, key)
				for _, o := range held[key] {
					fmt.Fprint(w, o)
				}
				delete(held, key)
			}
		case "skip":
			if e.Test != "" {
				s.Skipped = append(s.Skipped, Skip{Package: e.Package, Test: e.Test, Reason: skipReason(held[key])})
				delete(held, key)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	sort.Slice(s.Skipped, func(i, j int) bool {
		a, b := s.Skipped[i], s.Skipped[j]
		return a.Package+" "+a.Test < b.Package+" "+b.Test
	})
	return s, nil
}

// skipReason is the message a skipped test logged: the indented lines
// between "=== RUN" and "--- SKIP", file positions and all.
func skipReason(out []string) string {
	var msg []string
	for _, o := range out {
		t := strings.TrimSpace(o)
		if t == "" || strings.HasPrefix(t, "=== ") || strings.HasPrefix(t, "--- ") {
			continue
		}
		msg = append(msg, t)
	}
	if len(msg) == 0 {
		return "(没有说明 no reason given)"
	}
	return strings.Join(msg, " / ")
}
