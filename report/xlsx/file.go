package xlsx

import (
	"io"

	"chamberdesk/data"
)

// WriteFile writes a workbook to path with the program's one atomic writer
// (data.WriteFileAtomic): path is either left as it was or holds the whole
// new file, so an export that fails or is killed half-way never leaves half
// a workbook and never spoils the previous one. An exported table is an
// ordinary document the person will share, hence mode 0644.
func WriteFile(path string, write func(io.Writer) error) error {
	return data.WriteFileAtomic(path, 0o644, write)
}
