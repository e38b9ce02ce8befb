package widgets

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestImportsFyneOnly: the package's own files, tests included, import
// the standard library and Fyne only: never chamberdesk/data, package ui or
// anything else of the program.
func TestImportsFyneOnly(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("no Go files here: %v", err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, src, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			program := path == "chamberdesk" || strings.HasPrefix(path, "chamberdesk/")
			stdlib := !program && !strings.Contains(strings.Split(path, "/")[0], ".")
			if !stdlib && !strings.HasPrefix(path, "fyne.io/fyne/v2") {
				t.Errorf("%s imports %s: package widgets builds on Fyne alone", name, path)
			}
		}
	}
}
