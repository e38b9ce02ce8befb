//go:build windows

package data

import (
	"errors"

	"golang.org/x/sys/windows"
)

// isInUse reports whether err, from replacing a file, means another program
// holds the file open: MoveFileEx fails with a sharing violation, or with
// access denied when the holder did not allow delete sharing.
func isInUse(err error) bool {
	return errors.Is(err, windows.ERROR_SHARING_VIOLATION) ||
		errors.Is(err, windows.ERROR_ACCESS_DENIED) ||
		errors.Is(err, windows.ERROR_LOCK_VIOLATION)
}
