package assets

// Version and Build are the program's version and build number; a test keeps
// them equal to FyneApp.toml's, which `fyne package` and scripts/windows.sh
// read, so a plain `go build` shows the same numbers in 关于.
const (
	Version = "0.1.0"
	Build   = 1
)
