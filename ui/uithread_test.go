package ui

import (
	"bytes"
	"fmt"
	"runtime"
	"strconv"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// settleTimeout bounds a wait for background work: long enough for a slow
// -race run on a busy machine, short enough to fail before go test's own
// timeout hides which wait hung.
const settleTimeout = 2 * time.Minute

// threadApp is Fyne's test app with a UI thread. It runs each piece of the
// program's background work (spawn, through backgroundRunner) on a
// goroutine of its own, as the program does, and lets the test's goroutine
// play the program's one UI goroutine: fyne.Do called from background work
// waits in a queue until the test waits (App.wait, waitFor), as the real
// driver queues it for its UI goroutine. Fyne's own test driver runs
// fyne.Do at once on the calling goroutine: background work would touch
// widgets beside the test, and a missing fyne.Do could not be told from a
// present one; running the work in place instead would hide from -race
// everything that runs beside the UI.
type threadApp struct {
	fyne.App
	tb  testing.TB
	drv threadDriver

	mu      sync.Mutex
	queue   []func()        // fyne.Do calls from background work, in order
	bg      map[uint64]bool // goroutines running background work
	running int             // background work not finished yet
	started int             // background work started so far
	wake    chan struct{}   // told when the queue grows or work ends
}

// threadDriver is the test driver with fyne.Do routed through threadApp.
type threadDriver struct {
	fyne.Driver
	app *threadApp
}

// newThreadApp makes Fyne's test app for tb a threadApp and makes it the
// current app.
func newThreadApp(tb testing.TB) *threadApp {
	tb.Helper()
	ta := &threadApp{App: test.NewTempApp(tb), tb: tb, bg: map[uint64]bool{}, wake: make(chan struct{}, 1)}
	ta.drv = threadDriver{Driver: ta.App.Driver(), app: ta}
	fyne.SetCurrentApp(ta)
	return ta
}

func (ta *threadApp) Driver() fyne.Driver { return &ta.drv }

// runBackground is spawn's way in (backgroundRunner).
func (ta *threadApp) runBackground(work func()) {
	ta.mu.Lock()
	ta.started++
	ta.running++
	ta.mu.Unlock()
	go func() {
		id := goroutineID()
		ta.mu.Lock()
		ta.bg[id] = true
		ta.mu.Unlock()
		defer func() {
			ta.mu.Lock()
			delete(ta.bg, id)
			ta.running--
			ta.mu.Unlock()
			ta.notify()
		}()
		work()
	}()
}

// DoFromGoroutine runs f at once unless background work calls it: then f
// waits for the test's goroutine, and fyne.DoAndWait waits with it.
func (d *threadDriver) DoFromGoroutine(f func(), wait bool) {
	ta := d.app
	ta.mu.Lock()
	if !ta.bg[goroutineID()] {
		ta.mu.Unlock()
		f()
		return
	}
	var done chan struct{}
	if wait {
		done = make(chan struct{})
		g := f
		f = func() { defer close(done); g() }
	}
	ta.queue = append(ta.queue, f)
	ta.mu.Unlock()
	ta.notify()
	if done != nil {
		<-done
	}
}

func (ta *threadApp) notify() {
	select {
	case ta.wake <- struct{}{}:
	default:
	}
}

// backgroundStarted is how many pieces of background work have started.
func (ta *threadApp) backgroundStarted() int {
	ta.mu.Lock()
	defer ta.mu.Unlock()
	return ta.started
}

// pump runs the queued fyne.Do calls on the calling goroutine and reports
// whether any ran, and whether background work is still under way.
func (ta *threadApp) pump() (ran, busy bool) {
	ta.mu.Lock()
	q := ta.queue
	ta.queue = nil
	busy = ta.running > 0
	ta.mu.Unlock()
	for _, f := range q {
		f()
	}
	return len(q) > 0, busy || len(q) > 0
}

// settle runs fyne.Do calls from background work until all of it, and
// whatever its results started, has finished.
func (ta *threadApp) settle(tb testing.TB) {
	tb.Helper()
	ta.until(tb, "the background work to finish", func() bool { return false })
}

// waitFor runs fyne.Do calls from background work until cond holds, and
// fails the test if the work finishes, or the deadline passes, first.
// cond runs on the test's goroutine, the UI thread here, so it may read
// widgets and poll the database or files.
func (ta *threadApp) waitFor(tb testing.TB, what string, cond func() bool) {
	tb.Helper()
	if !ta.until(tb, what, cond) {
		tb.Fatalf("the background work finished without %s", what)
	}
}

// until is waitFor's loop; it reports whether cond held. cond is checked
// before anything is waited for, so a widget that background work changed
// without fyne.Do is read beside that work, where -race sees it.
func (ta *threadApp) until(tb testing.TB, what string, cond func() bool) bool {
	tb.Helper()
	deadline := time.NewTimer(settleTimeout)
	defer deadline.Stop()
	for {
		if cond() {
			return true
		}
		ran, busy := ta.pump()
		if !busy {
			return cond()
		}
		if ran {
			continue
		}
		select {
		case <-ta.wake:
		case <-deadline.C:
			tb.Fatalf("waited %v for %s; background work still under way", settleTimeout, what)
		}
	}
}

// threadOf is the test app a's background work runs on.
func threadOf(tb testing.TB, a *App) *threadApp {
	tb.Helper()
	ta, ok := a.fyne.(*threadApp)
	if !ok {
		tb.Fatalf("the window runs on %T, not a threadApp", a.fyne)
	}
	return ta
}

// wait waits for the background work started so far and for what its
// results started, running their fyne.Do calls. Work goes to the current
// app (spawn and fyne.Do both ask it), so that is the one waited for; any
// other app would leave the test nothing to wait on.
func (a *App) wait() {
	ta, ok := fyne.CurrentApp().(*threadApp)
	if !ok {
		panic(fmt.Sprintf("wait: the current app is a %T, not a threadApp (newThreadApp)", fyne.CurrentApp()))
	}
	ta.settle(ta.tb)
}

// goroutineID is the number Go gives the calling goroutine, read from the
// first line of its stack trace ("goroutine 7 [running]:"). Go offers no
// other way to tell which goroutine calls fyne.Do, and the test driver
// needs to know to behave as the real one.
func goroutineID() uint64 {
	var buf [64]byte
	b := buf[:runtime.Stack(buf[:], false)]
	b = bytes.TrimPrefix(b, []byte("goroutine "))
	if i := bytes.IndexByte(b, ' '); i > 0 {
		b = b[:i]
	}
	id, err := strconv.ParseUint(string(b), 10, 64)
	if err != nil {
		panic("cannot read the goroutine's number from " + strconv.Quote(string(buf[:])))
	}
	return id
}
