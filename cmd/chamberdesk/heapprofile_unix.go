//go:build unix

package main

import (
	"os"
	"os/signal"
	"syscall"
)

// onSignal runs f on every SIGUSR1.
func onSignal(f func()) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGUSR1)
	go func() {
		for range c {
			f()
		}
	}()
}
