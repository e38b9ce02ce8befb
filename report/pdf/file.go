package pdf

import (
	"io"
	"os"

	"chamberdesk/data"
)

// WriteFile writes a PDF to path whole or not at all, with the program's
// one atomic writer (data.WriteFileAtomic). A printed document is an
// ordinary file the person will share, hence mode 0644.
func WriteFile(path string, write func(io.Writer) error) error {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return data.IsFolderError(path)
	}
	return data.WriteFileAtomic(path, 0o644, write)
}
