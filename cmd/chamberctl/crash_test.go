package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"chamberdesk/data/datatest"
)

// The crash harness runs the real chamberctl binary and kills it with
// SIGKILL during an import and two exports, then checks what the next
// start finds: a database that passes integrity_check and holds the old
// rows or all the new ones, an export that is the old file or the complete
// new one, and no temporary file left once the next run has started.
//
// A kill only counts once it has landed: the process was still running
// and died of it. Most kills are aimed inside the moments that matter (the
// import's transaction, an export's write-and-rename), which the program
// announces on stderr when the test turns its markers on, and enough of
// them must land there; a timer alone could land every kill before the
// work even started and still pass.

var (
	ctlOnce sync.Once
	ctlBin  string
	ctlErr  error
)

// ctlBinary builds chamberctl once per test run, into the temporary
// folder of the first test that asks (the crash test).
func ctlBinary(t *testing.T) string {
	t.Helper()
	ctlOnce.Do(func() {
		ctlBin = filepath.Join(datatest.TempDir(t), "chamberctl")
		cmd := exec.Command("go", "build", "-o", ctlBin, ".")
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			ctlErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if ctlErr != nil {
		t.Fatal(ctlErr)
	}
	return ctlBin
}

// ctlExec runs the binary to the end.
func ctlExec(t *testing.T, args ...string) string {
	t.Helper()
	cmd := exec.Command(ctlBinary(t), args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("chamberctl %v: %v\n%s%s", args, err, out.String(), errb.String())
	}
	return out.String()
}

// bigRoster writes n new members as a roster workbook.
func bigRoster(t *testing.T, path string, n int) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	if err := sw.SetRow("A1", []any{"序号", "姓名", "企业名称", "联系电话", "商会职务", "入会日期"}); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= n; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		row := []any{i, fmt.Sprintf("导入会员%05d", i), fmt.Sprintf("青禾导入测试第%05d号有限公司", i),
			fmt.Sprintf("139%08d", i), "会员", "2024-03-05"}
		if err := sw.SetRow(cell, row); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// dbState checks the database the way a second program would find it:
// integrity_check through any log left, and the member count.
func dbState(t *testing.T, path string) int {
	t.Helper()
	n, err := dbCount(path)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func dbCount(path string) (int, error) {
	db, err := sql.Open("sqlite", datatest.FileURI(path, "mode=ro"))
	if err != nil {
		return 0, err
	}
	defer db.Close()
	var res string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
		return 0, fmt.Errorf("integrity_check: %q %v", res, err)
	}
	var n int
	err = db.QueryRow("SELECT count(*) FROM members").Scan(&n)
	return n, err
}

// leftovers lists temporary files of the atomic writer and SQLite's
// rollback journals under dir.
func leftovers(dir string) []string {
	var out []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		n := d.Name()
		if strings.HasSuffix(n, ".cdtmp") || strings.Contains(n, ".cdtmp-") || strings.HasSuffix(n, "-journal") {
			out = append(out, p)
		}
		return nil
	})
	return out
}

// fileSize is the size of the file at path, or -1 if it cannot be read.
func fileSize(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		return -1
	}
	return fi.Size()
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func copyTo(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// The markers data/testmarker.go prints on stderr when markersEnv is "1":
// they say when a run enters and leaves the stretch a kill is aimed at.
const (
	markersEnv   = "CHAMBERDESK_TEST_MARKERS"
	markerPrefix = "@@marker "
)

func marker(name, detail string) string { return markerPrefix + name + " " + detail }

const (
	importKills = 20
	exportKills = 10 // for each of the two exports

	// exportRows members more than the demo chamber's keep an export's
	// write window open for 80 to 900 ms on a loaded 2-core machine. The
	// demo chamber's alone lasted 18 to 155 ms, and a timer woken late by
	// the load now and then overshot it; ten thousand made every after-kill
	// check take seconds.
	exportRows = 2000

	// Of the planned kills, 16 of the import's and 8 of each export's are
	// aimed at a random moment inside the window; the others fall before
	// it opens and after it closes, so they land outside. Measured on a
	// loaded 2-core machine over eight runs (load average 3 to 8, two runs
	// with four extra busy loops): every aimed kill landed inside, 16 of 20
	// and 8 of 10 each time. The floors leave one aimed miss of slack.
	minImportInside = 15
	minExportInside = 7

	// The latest an aimed kill falls, as a share of the window's shortest
	// calibrated width. The import's window lasts seconds and its killed
	// runs go two at a time, slower than the calibration runs; an export's
	// lasts a tenth of that and varied twofold between runs a moment
	// apart.
	importReach = 0.8
	exportReach = 0.5

	// Whole runs timed before the kills: an export run is cheap, and more
	// of them make it likelier that the fastest is as fast as a killed run
	// can be.
	importCalibrations = 2
	exportCalibrations = 5

	// maxTries bounds the runs spent on one planned kill whose kill keeps
	// coming after the run has ended. A kill right after an export's
	// rename has a few milliseconds before the run ends, and now and then
	// the load makes it miss them.
	maxTries = 6

	// runLimit is longer than any run here takes; a run still going then
	// has hung.
	runLimit = 3 * time.Minute
)

// window is the stretch of a run that kills are aimed at: from the run
// printing the begin marker to its printing the end marker.
type window struct{ begin, end string }

// timing is what a whole run showed of its window: when the window opened,
// how long it stayed open, and how long the run went on after it closed.
type timing struct{ open, width, tail time.Duration }

// aim says when to kill one run: delay after the anchor marker is read, or
// after the start when anchor is "".
type aim struct {
	anchor string
	delay  time.Duration
}

func (a aim) String() string {
	at := "the start"
	if a.anchor != "" {
		at = strings.TrimPrefix(a.anchor, markerPrefix)
	}
	return fmt.Sprintf("%v after %s", a.delay.Round(100*time.Microsecond), at)
}

// earlier is the next try when a kill came after the run had ended: half
// the delay after the same anchor. A kill right at its anchor is tried
// again as it is, as runs vary in speed.
func (a aim) earlier() aim {
	a.delay /= 2
	return a
}

// plan lays out the kills of one run whose window w showed timing tm:
// before kills spread over the time until the window opens, inside kills
// at random moments in its first reach share, and after kills spread over
// the time the run goes on once it has closed. The kills outside the
// window make the after-kill checks see every state a kill can leave.
func plan(rng *rand.Rand, w window, tm timing, reach float64, before, inside, after int) []aim {
	var out []aim
	for i := range before {
		out = append(out, aim{delay: tm.open * time.Duration(i+1) / time.Duration(before+1)})
	}
	for range inside {
		out = append(out, aim{anchor: w.begin, delay: time.Duration(rng.Float64() * reach * float64(tm.width))})
	}
	for i := range after {
		out = append(out, aim{anchor: w.end, delay: tm.tail * time.Duration(i) / time.Duration(after+1)})
	}
	return out
}

// outcome is how one run ended.
type outcome struct {
	landed bool                     // alive when killed, and died of that SIGKILL
	status string                   // how it ended, as the OS tells
	lines  []string                 // all it wrote to stderr
	seen   map[string]time.Duration // when each marker was read, from the start
	exit   time.Duration            // when its stderr closed, from the start
}

func (o outcome) saw(line string) bool {
	_, ok := o.seen[line]
	return ok
}

// in reports whether the run died inside w. Its stderr is read to the end
// after the kill, so a marker printed just before the kill still counts.
func (o outcome) in(w window) bool { return o.saw(w.begin) && !o.saw(w.end) }

// said is what the run wrote to stderr, for a failure message.
func (o outcome) said() string { return strings.Join(o.lines, "\n") }

// runAimed starts chamberctl with the markers on and, unless a is nil,
// SIGKILLs it when a says, if it is still running then. A run that fails
// by itself, or ends without printing a's anchor, is an error: killing it
// earlier would change neither.
func runAimed(a *aim, args ...string) (outcome, error) {
	o := outcome{seen: map[string]time.Duration{}}
	cmd := exec.Command(ctlBin, args...)
	cmd.Env = append(os.Environ(), markersEnv+"=1")
	pipe, err := cmd.StderrPipe()
	if err != nil {
		return o, err
	}
	anchored, eof := make(chan struct{}), make(chan struct{})
	if a != nil && a.anchor == "" {
		close(anchored)
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return o, err
	}
	go func() {
		defer close(eof)
		r := bufio.NewReader(pipe)
		for {
			l, err := r.ReadString('\n')
			if l = strings.TrimSuffix(l, "\n"); l != "" {
				o.lines = append(o.lines, l)
				if _, again := o.seen[l]; strings.HasPrefix(l, markerPrefix) && !again {
					o.seen[l] = time.Since(start)
					if a != nil && l == a.anchor {
						close(anchored)
					}
				}
			}
			if err != nil {
				return
			}
		}
	}()
	hang := time.NewTimer(runLimit)
	defer hang.Stop()
	killed, hung := false, false
	if a != nil {
		select {
		case <-anchored:
			kill := time.NewTimer(a.delay)
			select {
			case <-kill.C:
				killed = cmd.Process.Signal(syscall.SIGKILL) == nil
			case <-eof:
				kill.Stop()
			}
		case <-eof:
		case <-hang.C:
			hung = true
		}
	}
	if !hung {
		select {
		case <-eof:
		case <-hang.C:
			hung = true
		}
	}
	if hung {
		_ = cmd.Process.Kill()
		<-eof
		_ = cmd.Wait()
		return o, fmt.Errorf("chamberctl %v still running after %v", args, runLimit)
	}
	o.exit = time.Since(start)
	werr := cmd.Wait()
	o.status = cmd.ProcessState.String()
	ws, _ := cmd.ProcessState.Sys().(syscall.WaitStatus)
	// A process that has exited but is not yet reaped takes the signal
	// without complaint; only the wait status tells whether it died of it.
	o.landed = killed && ws.Signaled() && ws.Signal() == syscall.SIGKILL
	switch {
	case o.landed:
	case werr != nil:
		return o, fmt.Errorf("chamberctl %v ended by itself (%s):\n%s", args, o.status, o.said())
	case a != nil && a.anchor != "" && !o.saw(a.anchor):
		return o, fmt.Errorf("chamberctl %v ended (%s) without printing %q, where its kill was aimed:\n%s",
			args, o.status, a.anchor, o.said())
	}
	return o, nil
}

// killLanding kills a run as a says, trying again earlier each time the
// run ends first, until a kill lands. prepare puts the files back before
// each try, since a try that ran to its end has changed them, and gives
// the try's arguments.
func killLanding(a aim, prepare func() ([]string, error)) (outcome, []aim, error) {
	var tried []aim
	for range maxTries {
		args, err := prepare()
		if err != nil {
			return outcome{}, tried, err
		}
		tried = append(tried, a)
		o, err := runAimed(&a, args...)
		if err != nil || o.landed {
			return o, tried, err
		}
		a = a.earlier()
	}
	return outcome{}, tried, fmt.Errorf("no kill landed in %d tries (%v): each run had ended first", maxTries, tried)
}

// calibrate runs whole runs and reports the shortest of each span they
// showed of w, since a delay must fit in the fastest run: the calibration
// runs have the machine to themselves, the killed ones may be quicker
// still when the load of other programs drops. prepare sets up each run and
// gives its arguments; check looks at what a whole run left. A whole run
// that does not print both markers fails the test: no kill could then be
// aimed, or counted as inside.
func calibrate(t *testing.T, w window, runs int, prepare func() ([]string, error), check func()) timing {
	t.Helper()
	var tm timing
	for i := range runs {
		args, err := prepare()
		if err != nil {
			t.Fatal(err)
		}
		o, err := runAimed(nil, args...)
		if err != nil {
			t.Fatal(err)
		}
		check()
		b, okb := o.seen[w.begin]
		e, oke := o.seen[w.end]
		if !okb || !oke || e < b {
			t.Fatalf("a whole run printed the markers %v; want %q, then %q", o.seen, w.begin, w.end)
		}
		t.Logf("a whole run takes %v; %q after %v, for %v; %v after that",
			o.exit.Round(time.Millisecond), strings.TrimPrefix(w.begin, markerPrefix),
			b.Round(time.Millisecond), (e - b).Round(time.Millisecond), (o.exit - e).Round(time.Millisecond))
		if i == 0 {
			tm = timing{open: b, width: e - b, tail: o.exit - e}
		}
		tm = timing{open: min(tm.open, b), width: min(tm.width, e-b), tail: min(tm.tail, o.exit-e)}
	}
	return tm
}

// tally counts the kills of one command that landed and passed the
// after-kill checks.
type tally struct {
	mu                      sync.Mutex
	passed, inside, retries int
	states                  map[string]int
}

// add counts a kill that landed on try number tries.
func (c *tally) add(inside bool, state string, tries int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.states == nil {
		c.states = map[string]int{}
	}
	c.passed++
	c.retries += tries - 1
	if inside {
		c.inside++
	}
	c.states[state]++
}

// check fails unless every planned kill landed and passed, and enough of
// them landed inside.
func (c *tally) check(t *testing.T, what string, planned, minInside int) {
	t.Helper()
	t.Logf("%s: %d of %d kills landed and passed the checks, %d inside, after %d retries; %v",
		what, c.passed, planned, c.inside, c.retries, c.states)
	if c.passed != planned {
		t.Errorf("%s: %d of %d planned kills landed and passed the checks", what, c.passed, planned)
	}
	if c.inside < minInside {
		t.Errorf("%s: %d kills landed inside the window, want at least %d of %d", what, c.inside, minInside, planned)
	}
}

func TestCrashDuringImportAndExport(t *testing.T) {
	if testing.Short() {
		t.Skip("the crash harness runs chamberctl many times")
	}
	if runtime.GOOS == "windows" {
		// The harness builds chamberctl with the go command and tells a
		// landed kill by the SIGKILL in the wait status; a Windows test
		// binary has neither (TerminateProcess leaves an exit code only).
		t.Skip("Windows: crash harness needs go build and SIGKILL wait status")
	}
	seed := uint64(time.Now().UnixNano())
	t.Logf("kill moments from seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 0))
	work := datatest.TempDir(t)
	pristine := filepath.Join(work, "pristine.db")
	ctlExec(t, "--db", pristine, "demo")
	before := dbState(t, pristine)
	roster := filepath.Join(work, "名册.xlsx")
	const rows = 10000
	bigRoster(t, roster, rows)

	var imports, rosters, summaries tally
	t.Run("import", func(t *testing.T) {
		// Whole imports, each on a fresh copy, set the kill moments.
		var db string
		prepare := func() ([]string, error) {
			db = filepath.Join(datatest.TempDir(t), "chamber.db")
			copyTo(t, pristine, db)
			return []string{"--db", db, "members", "import", roster}, nil
		}
		check := func() {
			if n := dbState(t, db); n != before+rows {
				t.Fatalf("a whole import left %d members, want %d", n, before+rows)
			}
		}
		w := window{marker("tx-begin", "import"), marker("tx-commit", "import")}
		tm := calibrate(t, w, importCalibrations, prepare, check)
		aims := plan(rng, w, tm, importReach, 2, importKills-4, 2)
		// Two at a time: the machine has two cores.
		moments := make(chan aim)
		var wg sync.WaitGroup
		for range 2 {
			wg.Go(func() {
				for a := range moments {
					state, inside, tries, err := importKill(t, pristine, roster, a, w, before, rows)
					if err != nil {
						t.Errorf("kill %v: %v", a, err)
						continue
					}
					imports.add(inside, state, tries)
				}
			})
		}
		for _, a := range aims {
			moments <- a
		}
		close(moments)
		wg.Wait()
		imports.check(t, "import", importKills, minImportInside)
	})

	// The exports write from a chamber of exportRows more members, so that
	// their write window outlasts a scheduling hiccup.
	exportFrom := filepath.Join(work, "exports.db")
	copyTo(t, pristine, exportFrom)
	more := filepath.Join(work, "更多会员.xlsx")
	bigRoster(t, more, exportRows)
	ctlExec(t, "--db", exportFrom, "members", "import", more)
	if n := dbState(t, exportFrom); n != before+exportRows {
		t.Fatalf("the export chamber has %d members, want %d", n, before+exportRows)
	}

	killExport := func(t *testing.T, c *tally, name string, args ...string) {
		dir := datatest.TempDir(t)
		db := filepath.Join(dir, "chamber.db")
		copyTo(t, exportFrom, db)
		out := filepath.Join(datatest.TempDir(t), name)
		full := append([]string{"--db", db}, append(args, "--out", out)...)
		w := window{marker("write-begin", name), marker("rename-done", name)}
		// The "old" file: a recognisable earlier version.
		old := []byte("上一次导出的文件 / the previous export")
		prepare := func() ([]string, error) { return full, os.WriteFile(out, old, 0o644) }
		whole := int64(-1) // the size of the smallest whole export
		tm := calibrate(t, w, exportCalibrations, prepare, func() {
			b := mustRead(t, out)
			assertWholeXLSX(t, b)
			if whole < 0 || int64(len(b)) < whole {
				whole = int64(len(b))
			}
		})
		// Kills inside that find the temporary file shorter than a whole
		// export: they landed while it was being written, not only while
		// it was synced and renamed. A begin marker printed too late would
		// still see kills inside, but none of these.
		midWrite := 0
		for _, a := range plan(rng, w, tm, exportReach, 1, exportKills-2, 1) {
			o, tried, err := killLanding(a, prepare)
			if err != nil {
				t.Fatalf("kill %v: %v", a, err)
			}
			got, err := os.ReadFile(out)
			if err != nil {
				t.Fatalf("kill %v: the export is gone: %v", tried, err)
			}
			state := "old file"
			switch {
			case o.in(w):
				// The rename is the moment the export changes, and its marker
				// comes just after: a kill in between finds the new file.
				// Either way the temporary file is there exactly until the
				// rename.
				state = "old file, inside"
				temps := leftovers(filepath.Dir(out))
				temp := len(temps) > 0
				if temp && fileSize(temps[0]) < whole {
					midWrite++
					state += ", mid-write"
				}
				switch {
				case bytes.Equal(got, old) && !temp:
					t.Fatalf("kill %v: killed while writing, yet no temporary file beside the export", tried)
				case !bytes.Equal(got, old) && temp:
					t.Fatalf("kill %v: the export was replaced, yet its temporary file is still there", tried)
				case !bytes.Equal(got, old):
					state = "new file, inside (just renamed)"
					assertWholeXLSX(t, got)
				}
			case o.saw(w.end):
				state = "new file"
				if bytes.Equal(got, old) {
					t.Fatalf("kill %v: killed after the rename, yet the export is the old file", tried)
				}
				assertWholeXLSX(t, got)
			case !bytes.Equal(got, old):
				t.Fatalf("kill %v: killed before writing began, yet the export was replaced", tried)
			}
			if n := dbState(t, db); n != before+exportRows {
				t.Fatalf("an export changed the members: %d, want %d", n, before+exportRows)
			}
			ctlExec(t, "--db", db, "check")
			for _, d := range []string{dir, filepath.Dir(out)} {
				if left := leftovers(d); len(left) > 0 {
					t.Fatalf("left after the next start: %v", left)
				}
			}
			if a.anchor == w.begin && !o.in(w) {
				state += ", aimed inside"
			}
			c.add(o.in(w), state, len(tried))
		}
		c.check(t, name, exportKills, minExportInside)
		if midWrite < minExportInside {
			t.Errorf("%s: %d kills found the export half-written, want at least %d of %d",
				name, midWrite, minExportInside, exportKills)
		}
	}
	t.Run("members export", func(t *testing.T) { killExport(t, &rosters, "名册.xlsx", "members", "export") })
	t.Run("summary", func(t *testing.T) { killExport(t, &summaries, "年度汇总.xlsx", "summary", "--year", "2025") })
	// Each part has checked its own count; -run may have picked some.
	t.Logf("kills landed and survived: %d", imports.passed+rosters.passed+summaries.passed)
}

// importKill kills an import of roster into a fresh copy of pristine as a
// says and checks what is left: the old rows if the kill came before the
// commit, all new ones after it, and no leftover once the next run has
// started.
func importKill(t *testing.T, pristine, roster string, a aim, w window, before, rows int) (state string, inside bool, tries int, err error) {
	var dir, db string
	prepare := func() ([]string, error) {
		d, err := os.MkdirTemp(datatest.TempDir(t), "kill-")
		if err != nil {
			return nil, err
		}
		dir, db = d, filepath.Join(d, "chamber.db")
		b, err := os.ReadFile(pristine)
		if err != nil {
			return nil, err
		}
		return []string{"--db", db, "members", "import", roster}, os.WriteFile(db, b, 0o600)
	}
	o, tried, err := killLanding(a, prepare)
	if err != nil {
		return "", false, len(tried), err
	}
	n, err := dbCount(db)
	switch {
	case err != nil:
		return "", false, len(tried), err
	case n == before:
		state = "old rows"
	case n == before+rows:
		state = "all new rows"
	default:
		return "", false, len(tried), fmt.Errorf("%d members, want %d or %d", n, before, before+rows)
	}
	// A kill inside may leave either: the commit itself happens before
	// the end marker. Before the begin marker nothing can be in, and once
	// the end marker is out everything must be.
	inside = o.in(w)
	switch {
	case !o.saw(w.begin) && n != before:
		return "", false, len(tried), fmt.Errorf("killed before the transaction (tries %v), yet %d members: new rows are in", tried, n)
	case o.saw(w.end) && n != before+rows:
		return "", false, len(tried), fmt.Errorf("killed after the commit (tries %v), yet %d members: the new rows are lost", tried, n)
	}
	switch {
	case inside:
		state += ", inside"
	case a.anchor == w.begin:
		state += ", aimed inside"
	}
	if out, err := exec.Command(ctlBin, "--db", db, "check").CombinedOutput(); err != nil {
		return "", false, len(tried), fmt.Errorf("the next start: %v\n%s", err, out)
	}
	if left := leftovers(dir); len(left) > 0 {
		return "", false, len(tried), fmt.Errorf("left after the next start: %v", left)
	}
	return state, inside, len(tried), nil
}

// assertWholeXLSX fails unless b is a complete workbook: a zip whose every
// entry reads back with a good checksum, with a workbook and a sheet.
func assertWholeXLSX(t *testing.T, b []byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("neither the old file nor a whole workbook: %v", err)
	}
	seen := map[string]bool{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		h := sha256.New()
		if _, err := bytes.NewBuffer(nil).ReadFrom(teeReader{rc, h}); err != nil {
			t.Fatalf("entry %s: %v", f.Name, err)
		}
		rc.Close()
		seen[f.Name] = true
	}
	if !seen["xl/workbook.xml"] || !seen["xl/worksheets/sheet1.xml"] {
		t.Fatalf("workbook parts missing: %v", seen)
	}
}

type teeReader struct {
	r interface{ Read([]byte) (int, error) }
	w interface{ Write([]byte) (int, error) }
}

func (t teeReader) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	if n > 0 {
		t.w.Write(p[:n])
	}
	return n, err
}
