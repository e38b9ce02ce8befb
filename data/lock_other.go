//go:build !(linux || darwin || freebsd || openbsd || netbsd || dragonfly || windows)

package data

import "os"

// Systems without a file lock we know of run without the one-writer guard.
func tryLock(*os.File) error  { return nil }
func lockWait(*os.File) error { return nil }
func unlock(*os.File) error   { return nil }
