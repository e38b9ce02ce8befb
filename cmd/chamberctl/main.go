// Command chamberctl does ChamberDesk's jobs without a window, for scripts,
// tests and batch work: chamberctl [--db FILE] COMMAND.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
