// Package assets holds the files the binaries embed: the icon, and later font lookup and templates.
package assets

import _ "embed"

// Icon is the application icon, a 256x256 PNG drawn by scripts/genicon.
//
//go:embed icon.png
var Icon []byte
