package datatest_test

import (
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"

	"chamberdesk/data/datatest"
)

// probeEnv makes the test, run again as a child, need a program that is not
// installed, so the parent can see what the rule does with it.
const probeEnv = "DATATEST_PROBE_TOOL"

// TestMissingToolFailsUnderCI: with any non-empty CI a missing reader fails
// the test and names itself; without CI it is a skip that says so.
func TestMissingToolFailsUnderCI(t *testing.T) {
	if tool := os.Getenv(probeEnv); tool != "" {
		datatest.NeedTool(t, tool, "some-package")
		t.Fatal("NeedTool went on without the tool")
	}
	const tool = "chamberdesk-no-such-reader"
	for _, tt := range []struct {
		ci       string
		wantFail bool
		word     string
	}{
		{"true", true, "--- FAIL: TestMissingToolFailsUnderCI"},
		{"1", true, "--- FAIL: TestMissingToolFailsUnderCI"},
		{"", false, "--- SKIP: TestMissingToolFailsUnderCI"},
	} {
		t.Run("CI="+tt.ci, func(t *testing.T) {
			if runtime.GOOS == "windows" {
				// The readers are Linux programs: on Windows every CI skips.
				tt.wantFail, tt.word = false, datatest.WindowsLinuxReader
			}
			cmd := exec.Command(os.Args[0], "-test.v", "-test.run", "^TestMissingToolFailsUnderCI$")
			// CI is left out rather than set empty: Windows (and Wine) refuse
			// an empty variable in a new process's environment.
			cmd.Env = append(withoutCI(os.Environ()), probeEnv+"="+tool)
			if tt.ci != "" {
				cmd.Env = append(cmd.Env, "CI="+tt.ci)
			}
			out, err := cmd.CombinedOutput()
			if failed := err != nil; failed != tt.wantFail {
				t.Fatalf("CI=%q: failed=%v (%v), want %v:\n%s", tt.ci, failed, err, tt.wantFail, out)
			}
			for _, want := range []string{tt.word, tool, "some-package"} {
				if !strings.Contains(string(out), want) {
					t.Errorf("CI=%q: output lacks %q:\n%s", tt.ci, want, out)
				}
			}
		})
	}
}

func withoutCI(env []string) []string {
	var out []string
	for _, kv := range env {
		if !strings.HasPrefix(strings.ToUpper(kv), "CI=") {
			out = append(out, kv)
		}
	}
	return out
}
