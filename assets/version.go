package assets

// Version is the program's version; a test keeps it equal to FyneApp.toml's,
// which `fyne package` reads, so plain `go build` shows the same number.
const Version = "0.1.0"
