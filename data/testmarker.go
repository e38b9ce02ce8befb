package data

import "os"

// The crash harness (cmd/chamberctl/crash_test.go) kills chamberctl and
// must know whether a kill landed where it matters: inside the import
// transaction, or between creating an atomic writer's temporary file and
// renaming it. A timer alone cannot tell, so with CHAMBERDESK_TEST_MARKERS=1
// in its environment the program says when it enters and leaves those
// windows, one line on stderr each:
//
//	@@marker tx-begin import       the import transaction has begun
//	@@marker tx-commit import      it has committed
//	@@marker write-begin NAME      the temporary file for NAME exists
//	@@marker rename-done NAME      it has been renamed to NAME
//
// NAME is the target's base name. Without the variable nothing is printed.

// testMarkersEnv turns the markers on when it is "1".
const testMarkersEnv = "CHAMBERDESK_TEST_MARKERS"

// markersOn is read once: a marker sits on paths that run per file written.
var markersOn = os.Getenv(testMarkersEnv) == "1"

// testMarker prints one marker line, in one write so that a kill right
// after it still leaves the whole line in the pipe.
func testMarker(name, detail string) {
	if markersOn {
		_, _ = os.Stderr.WriteString("@@marker " + name + " " + detail + "\n")
	}
}
