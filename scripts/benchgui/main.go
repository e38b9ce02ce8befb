// Command benchgui is `make bench-gui`: the memory and the time to the first
// window of chamberdesk on its members screen (会员), against the bare Fyne
// program of scripts/benchgui/bare doing the same work, under Xvfb.
//
// There are three sides: chamberdesk (BenchmarkGUIMembers10k), the bare
// table (BenchmarkGUIBareTable10k) and the bare table with a row of plain
// buttons above it, bare -buttons (BenchmarkGUIBareButtons10k; 1k and so
// on with other -members). The third is the bare table as any window with a
// toolbar has it: Fyne draws a button's text bold and parses the font once
// per text style, so it measures what that second parse of the Chinese face
// costs, apart from what the program itself adds.
//
// It writes a data file of -members members once (an organization and
// made-up members with names, companies, phones, offices, industries,
// political status and join dates), starts its own Xvfb, then -runs times,
// interleaved (the order of the three rotates each round), runs each side in
// a fresh throwaway HOME on its own copy of the file and:
//
//   - times from starting the process to its window being mapped (polling
//     xdotool search --onlyvisible --name every 10 ms);
//   - waits until the window shows its list: two screen captures 250 ms
//     apart the same. chamberdesk starts on its members screen through the
//     preference it remembers the last screen in (window.screen=members);
//   - moves the pointer over the table and turns the mouse wheel down
//     -scrolls times (xdotool click 5), then waits for the screen to settle
//     the same way;
//   - reads VmRSS and VmHWM from /proc/PID/status and ends the process.
//
// All sides are driven and read the same way. The output is one
// go-test-bench-style line per run, which scripts/bench-summary.sh turns
// into medians and the ratios chamberdesk / bare, chamberdesk / bare with
// buttons and bare with buttons / bare.
//
// With -heapprofile DIR, chamberdesk runs with CHAMBERDESK_HEAPPROFILE set
// and is sent SIGUSR1 after its memory is read, so DIR/heap-N.pprof holds
// its heap at that moment (go tool pprof -top -inuse_space ...).
package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"chamberdesk/data"
	"chamberdesk/data/demo"
)

var (
	program     = flag.String("program", "bin/chamberdesk", "the program")
	bare        = flag.String("bare", "bin/benchgui/bare", "the bare Fyne baseline")
	dbDir       = flag.String("dir", "bin/benchgui", "where the data file is kept between runs")
	members     = flag.Int("members", 10000, "members in the data file")
	runs        = flag.Int("runs", 5, "runs of each side")
	scrolls     = flag.Int("scrolls", 30, "mouse-wheel steps down over the table")
	heapProfile = flag.String("heapprofile", "", "folder for chamberdesk's heap profiles (optional)")
	only        = flag.String("only", "", "run only this side: program, bare or buttons (bare -buttons)")
)

// Each program's window title starts with these.
const (
	programTitle = "商会工作台"
	bareTitle    = "bench-gui bare"
)

type sample struct {
	windowMS     float64
	rssMB, hwmMB float64
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("bench-gui: ")
	flag.Parse()
	for _, tool := range []string{"Xvfb", "xdotool", "import"} {
		if _, err := exec.LookPath(tool); err != nil {
			log.Fatalf("%s not found (scripts/deps.sh bench-gui installs it)", tool)
		}
	}
	db, err := dataFile()
	if err != nil {
		log.Fatal(err)
	}
	x := &xserver{}
	defer x.stop()
	if *heapProfile != "" {
		if err := os.MkdirAll(*heapProfile, 0o755); err != nil {
			log.Fatal(err)
		}
	}

	fmt.Printf("goos: linux\npkg: chamberdesk/scripts/benchgui\n")
	fmt.Printf("# %d members, %d mouse-wheel steps, %d runs each, under Xvfb\n", *members, *scrolls, *runs)
	name := fmt.Sprintf("%dk", *members/1000)
	if *members%1000 != 0 {
		name = strconv.Itoa(*members)
	}
	sides := []struct {
		only, bench string
		run         func(display string, i int) (sample, error)
	}{
		{"program", "BenchmarkGUIMembers" + name, func(display string, i int) (sample, error) { return runProgram(display, db, i) }},
		{"bare", "BenchmarkGUIBareTable" + name, func(display string, i int) (sample, error) { return runBare(display, db) }},
		{"buttons", "BenchmarkGUIBareButtons" + name, func(display string, i int) (sample, error) { return runBare(display, db, "-buttons") }},
	}
	if *only != "" && *only != "program" && *only != "bare" && *only != "buttons" {
		log.Fatalf("-only %q: want program, bare or buttons", *only)
	}
	failed := false
	for i := range *runs {
		for k := range sides {
			sd := sides[(k+i)%len(sides)] // rotate which goes first
			if *only != "" && sd.only != *only {
				continue
			}
			run := func() (sample, error) {
				display, err := x.ensure()
				if err != nil {
					return sample{}, err
				}
				return sd.run(display, i)
			}
			s, err := run()
			for try := 2; err != nil && try <= 3; try++ {
				log.Printf("%s run %d: %v; trying again (%d of 3)", sd.bench, i+1, err, try)
				s, err = run()
			}
			if err != nil {
				log.Printf("%s run %d: %v", sd.bench, i+1, err)
				failed = true
				continue
			}
			fmt.Printf("%s\t1\t%.1f window-ms\t%.1f rss-MB\t%.1f hwm-MB\n", sd.bench, s.windowMS, s.rssMB, s.hwmMB)
		}
	}
	if failed {
		x.stop()
		os.Exit(1)
	}
}

// dataFile makes the data file of -members members unless it exists, and
// sees that its backups folder holds today's backup.
func dataFile() (string, error) {
	path, err := filepath.Abs(filepath.Join(*dbDir, fmt.Sprintf("members-%d.db", *members)))
	if err != nil {
		return "", err
	}
	if _, err := os.Stat(path); err != nil {
		if err := writeDataFile(path); err != nil {
			return "", err
		}
	}
	// Opening takes the day's backup if there is none yet (creating the
	// file takes none).
	s, err := data.Open(context.Background(), path, data.OpenOptions{Actor: "bench-gui"})
	if err != nil {
		return "", err
	}
	return path, s.Close()
}

// writeDataFile writes the data file of -members members at path.
func writeDataFile(path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp := path + ".new"
	os.Remove(tmp)
	log.Printf("writing %s", path)
	s, err := data.Create(context.Background(), tmp, data.OpenOptions{Actor: "bench-gui"},
		func(ctx context.Context, s *data.Store) error {
			return demo.FillRoster(ctx, s, *members)
		})
	if err != nil {
		return err
	}
	if err := s.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// xserver is the Xvfb the programs run on. Other jobs on a shared machine
// may end an Xvfb they did not start, so each run checks that it still
// answers and starts a new one if not.
type xserver struct {
	display string
	stopFn  func()
}

func (x *xserver) ensure() (string, error) {
	if x.display != "" {
		c := exec.Command("xdotool", "getdisplaygeometry")
		c.Env = append(cleanEnv(), "DISPLAY="+x.display)
		if c.Run() == nil {
			return x.display, nil
		}
		log.Printf("Xvfb %s stopped answering; starting another", x.display)
		x.stop()
	}
	d, stop, err := startXvfb()
	if err != nil {
		return "", err
	}
	x.display, x.stopFn = d, stop
	return d, nil
}

func (x *xserver) stop() {
	if x.stopFn != nil {
		x.stopFn()
	}
	x.display, x.stopFn = "", nil
}

// startXvfb starts an Xvfb on a free display and returns its name. The
// display numbers start high and away from other Xvfbs on the machine (a
// test's xvfb-run takes :99, -displayfd alone takes :0 up).
func startXvfb() (string, func(), error) {
	base := 300 + os.Getpid()%300
	var last error
	for n := base; n < base+20; n++ {
		d, stop, err := startXvfbOn(n)
		if err == nil {
			return d, stop, nil
		}
		last = err
	}
	return "", nil, last
}

func startXvfbOn(n int) (string, func(), error) {
	r, w, err := os.Pipe()
	if err != nil {
		return "", nil, err
	}
	defer r.Close()
	cmd := exec.Command("Xvfb", ":"+strconv.Itoa(n), "-displayfd", "3", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{w}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		w.Close()
		return "", nil, err
	}
	w.Close()
	got := make(chan string, 1)
	go func() {
		b := make([]byte, 16)
		n, _ := r.Read(b)
		got <- strings.TrimSpace(string(b[:n]))
	}()
	stop := func() {
		if cmd.Process != nil {
			cmd.Process.Signal(syscall.SIGTERM)
			cmd.Wait()
			cmd.Process = nil
		}
	}
	select {
	case d := <-got:
		if d == "" {
			stop()
			return "", nil, fmt.Errorf("Xvfb :%d did not start", n)
		}
		return ":" + d, stop, nil
	case <-time.After(20 * time.Second):
		stop()
		return "", nil, fmt.Errorf("Xvfb :%d did not start in 20 s", n)
	}
}

func runProgram(display, db string, i int) (sample, error) {
	home, err := os.MkdirTemp("", "bench-gui-home-")
	if err != nil {
		return sample{}, err
	}
	defer os.RemoveAll(home)
	// Start on the members screen, as someone who left the program there.
	prefs := filepath.Join(home, ".config", "fyne", "cn.chamberdesk.app")
	if err := os.MkdirAll(prefs, 0o755); err != nil {
		return sample{}, err
	}
	if err := os.WriteFile(filepath.Join(prefs, "preferences.json"), []byte(`{"window.screen":"members"}`), 0o644); err != nil {
		return sample{}, err
	}
	var env []string
	var profile string
	if *heapProfile != "" {
		abs, err := filepath.Abs(*heapProfile)
		if err != nil {
			return sample{}, err
		}
		profile = filepath.Join(abs, fmt.Sprintf("heap-%d.pprof", i+1))
		os.Remove(profile)
		env = append(env, "CHAMBERDESK_HEAPPROFILE="+profile)
	}
	db, err = copyInto(home, db)
	if err != nil {
		return sample{}, err
	}
	return drive(display, home, programTitle, env, profile, *program, "-db", db)
}

// runBare runs the bare table, with args (-buttons) after its -db.
func runBare(display, db string, args ...string) (sample, error) {
	home, err := os.MkdirTemp("", "bench-gui-home-")
	if err != nil {
		return sample{}, err
	}
	defer os.RemoveAll(home)
	if db, err = copyInto(home, db); err != nil {
		return sample{}, err
	}
	return drive(display, home, bareTitle, nil, "", *bare, append([]string{"-db", db}, args...)...)
}

// copyInto copies the data file and its backups folder into a run's HOME,
// so that each run starts from the same file and what a run leaves beside
// it (its lock, a log) goes with the HOME. The backups hold today's (see
// dataFile), so chamberdesk opens the file as on any but the day's first
// start, without taking the daily backup.
func copyInto(home, db string) (string, error) {
	dst := filepath.Join(home, filepath.Base(db))
	if err := copyFile(db, dst); err != nil {
		return "", err
	}
	src := data.BackupDir(db)
	files, err := os.ReadDir(src)
	if err != nil {
		return "", err
	}
	to := data.BackupDir(dst)
	if err := os.MkdirAll(to, 0o700); err != nil {
		return "", err
	}
	for _, f := range files {
		if f.Type().IsRegular() {
			if err := copyFile(filepath.Join(src, f.Name()), filepath.Join(to, f.Name())); err != nil {
				return "", err
			}
		}
	}
	return dst, nil
}

func copyFile(src, dst string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, b, 0o600)
}

// drive starts one program, times its window, scrolls its table, reads its
// memory and ends it.
func drive(display, home, title string, env []string, profile string, prog string, args ...string) (sample, error) {
	var s sample
	cmd := exec.Command(prog, args...)
	cmd.Env = append(cleanEnv(), "DISPLAY="+display, "HOME="+home,
		"XDG_CONFIG_HOME="+filepath.Join(home, ".config"), "XDG_DATA_HOME="+filepath.Join(home, ".local", "share"),
		"XDG_CACHE_HOME="+filepath.Join(home, ".cache"))
	cmd.Env = append(cmd.Env, env...)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return s, err
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	end := func() {
		cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-exited
		}
	}
	fail := func(err error) (sample, error) {
		end()
		if out := strings.TrimSpace(stderr.String()); out != "" {
			err = fmt.Errorf("%w\n%s", err, out)
		}
		return s, err
	}

	x := func(args ...string) (string, error) {
		c := exec.Command("xdotool", args...)
		c.Env = append(cleanEnv(), "DISPLAY="+display)
		out, err := c.Output()
		return strings.TrimSpace(string(out)), err
	}
	var win string
	for deadline := start.Add(60 * time.Second); ; {
		if out, err := x("search", "--onlyvisible", "--name", "^"+title); err == nil && out != "" {
			win = strings.Fields(out)[0]
			break
		}
		select {
		case err := <-exited:
			exited <- err
			return fail(fmt.Errorf("exited before its window showed: %v", err))
		default:
		}
		if time.Now().After(deadline) {
			return fail(errors.New("no window in 60 s"))
		}
		time.Sleep(10 * time.Millisecond)
	}
	s.windowMS = float64(time.Since(start).Microseconds()) / 1000

	if err := settle(display, win); err != nil {
		return fail(err)
	}
	// Over the table in every window: the bare table fills its window (below
	// the buttons with -buttons); the program's sits right of the
	// navigation, below the search and filters.
	if _, err := x("mousemove", "--window", win, "650", "450"); err != nil {
		return fail(fmt.Errorf("xdotool mousemove: %w", err))
	}
	for range *scrolls {
		if _, err := x("click", "5"); err != nil {
			return fail(fmt.Errorf("xdotool click: %w", err))
		}
		time.Sleep(40 * time.Millisecond)
	}
	if err := settle(display, win); err != nil {
		return fail(err)
	}
	st, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", cmd.Process.Pid))
	if err != nil {
		return fail(err)
	}
	s.rssMB, s.hwmMB = statusMB(st, "VmRSS:"), statusMB(st, "VmHWM:")
	if profile != "" {
		cmd.Process.Signal(syscall.SIGUSR1)
		for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(100 * time.Millisecond) {
			if fi, err := os.Stat(profile); err == nil && fi.Size() > 0 {
				time.Sleep(200 * time.Millisecond) // let the write finish
				break
			}
			if time.Now().After(deadline) {
				return fail(errors.New("no heap profile written in 20 s"))
			}
		}
	}
	end()
	return s, nil
}

// settle waits until two captures of the window 250 ms apart are the same,
// for at most 20 s: the window has drawn what it was asked to.
func settle(display, win string) error {
	var last [32]byte
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(250 * time.Millisecond) {
		c := exec.Command("import", "-silent", "-window", win, "rgb:-")
		c.Env = append(cleanEnv(), "DISPLAY="+display)
		out, err := c.Output()
		if err != nil {
			return fmt.Errorf("import -window %s: %w", win, err)
		}
		sum := sha256.Sum256(out)
		if sum == last {
			return nil
		}
		last = sum
	}
	log.Printf("window %s still changing after 20 s; going on", win)
	return nil
}

// statusMB reads one "Vm…: N kB" line of /proc/PID/status, in MB.
func statusMB(status []byte, key string) float64 {
	for _, line := range strings.Split(string(status), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == key {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}

// cleanEnv is the environment without what the driver sets itself.
func cleanEnv() []string {
	var out []string
	for _, e := range os.Environ() {
		k, _, _ := strings.Cut(e, "=")
		switch k {
		case "DISPLAY", "HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "CHAMBERDESK_HEAPPROFILE", "WAYLAND_DISPLAY":
			continue
		}
		out = append(out, e)
	}
	return out
}
