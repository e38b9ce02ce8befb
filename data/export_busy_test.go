package data

import "context"

// OpenNoBusyWait opens (creating) path with SQLite's busy timeout at zero,
// so a write that meets another fails at once with SQLITE_BUSY. Without
// queue the store's write queue is left out as well: nothing but luck then
// keeps two writes of the process apart, which shows whether a load really
// contends.
func OpenNoBusyWait(ctx context.Context, path string, queue bool) (*Store, error) {
	s, err := Open(ctx, path, OpenOptions{Create: true, Actor: "test", noBusyWait: true})
	if err != nil {
		return nil, err
	}
	if !queue {
		s.writer = nil
	}
	return s, nil
}
