package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"sync"
)

// EnvHeapProfile names a file for a heap profile, for finding where the
// program's memory goes. Unset (the default) nothing is written. Set, the
// program writes the live heap there (after a garbage collection) when it
// quits and, on Linux and macOS, whenever it receives SIGUSR1, which
// `make bench-gui` sends after reading the program's memory. Read it with
// `go tool pprof -top -inuse_space bin/chamberdesk FILE` (or -alloc_space
// for everything allocated since the start).
const EnvHeapProfile = "CHAMBERDESK_HEAPPROFILE"

var heapMu sync.Mutex

// startHeapProfile arranges the SIGUSR1 profile when EnvHeapProfile is set,
// and returns what writes the profile at quit (nothing when it is unset).
func startHeapProfile() (atQuit func()) {
	path := os.Getenv(EnvHeapProfile)
	if path == "" {
		return func() {}
	}
	write := func() {
		if err := writeHeapProfile(path); err != nil {
			fmt.Fprintln(os.Stderr, "heap profile:", err)
		}
	}
	onSignal(write)
	return write
}

func writeHeapProfile(path string) error {
	heapMu.Lock()
	defer heapMu.Unlock()
	runtime.GC() // the profile shows the heap as of the last collection
	f, err := os.Create(path + ".tmp")
	if err != nil {
		return err
	}
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(path+".tmp", path)
}
