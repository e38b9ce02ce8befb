//go:build !unix

package main

// onSignal does nothing: there is no SIGUSR1; the profile is written at quit.
func onSignal(func()) {}
