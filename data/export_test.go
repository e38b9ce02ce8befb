package data

import "context"

// OpenAt opens a store migrated only up to version target, to build files
// as an older program left them.
func OpenAt(ctx context.Context, path string, target int) (*Store, error) {
	return openAt(ctx, path, OpenOptions{Create: true, Actor: "test"}, target)
}

// DropIndex forgets the member search index, as a bulk job does.
func (s *Store) DropIndex() { s.dropIndex() }

// SetRename makes the atomic writer's last step call rename instead of
// os.Rename until the test ends, so a test can make that step fail.
func SetRename(tb interface{ Cleanup(func()) }, rename func(oldpath, newpath string) error) {
	old := renameFile
	renameFile = rename
	tb.Cleanup(func() { renameFile = old })
}
