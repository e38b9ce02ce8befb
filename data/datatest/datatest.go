// Package datatest holds helpers shared by the tests of packages that use
// the store: a fresh database per test, and a fixed clock.
package datatest

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"chamberdesk/data"
)

// Clock is the fixed time tests run at.
var Clock = time.Date(2026, 3, 15, 9, 30, 0, 0, time.UTC)

// MustOpen opens a new, empty store in a temporary folder with a fixed clock
// and closes it when the test ends.
func MustOpen(tb testing.TB) *data.Store {
	tb.Helper()
	return MustOpenPath(tb, filepath.Join(TempDir(tb), "test.db"))
}

// MustOpenPath opens (creating) the store at path, closed at test end.
func MustOpenPath(tb testing.TB, path string) *data.Store {
	tb.Helper()
	s, err := data.Open(context.Background(), path, data.OpenOptions{Create: true, Actor: "test"})
	if err != nil {
		tb.Fatalf("open %s: %v", path, err)
	}
	s.Now = func() time.Time { return Clock }
	tb.Cleanup(func() { s.Close() })
	return s
}

// MustOrg gives the store a town chamber profile.
func MustOrg(tb testing.TB, s *data.Store) {
	tb.Helper()
	if _, err := s.SaveOrganization(context.Background(), data.Organization{
		Name: "测试镇商会", Type: "镇街商会", Region: "测试市测试区测试镇",
	}); err != nil {
		tb.Fatal(err)
	}
}
