package datatest

import (
	"path/filepath"
	"strings"
)

// FileURI is the SQLite URI of path followed by query (such as
// "mode=ro&immutable=1"), on every system: "file://" plus the path works on
// Unix only, as a Windows path (C:\…) would read as the URI's authority.
// The product builds its own read-only URI the same way (data.roURI).
func FileURI(path, query string) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x → /C:/x
	}
	p = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(p)
	return "file://" + p + "?" + query
}
