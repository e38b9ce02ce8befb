package ui

import (
	"strings"
	"testing"
)

// TestMembersLoadInBackground: opening 会员 reads the roster and the year's
// dues on a goroutine of its own, not on the UI thread, so the first window
// does not wait for the search index of a large roster. Until the UI thread
// runs the result the table is empty and the count says the roster is
// loading; a refresh overtaken by a newer one is dropped.
func TestMembersLoadInBackground(t *testing.T) {
	path := demoCopy(t)
	a := newTestApp(t, path)
	ta := threadOf(t, a)
	a.show("home")
	a.wait()
	s := a.screens["members"].(*membersScreen)
	started := ta.backgroundStarted()
	a.show("members")
	if ta.backgroundStarted() == started {
		t.Fatal("the roster was not read in the background")
	}
	if len(s.rows) != 0 || !strings.Contains(s.count.Text, "正在读取会员名册") {
		t.Fatalf("before the UI thread ran: %d rows, count %q", len(s.rows), s.count.Text)
	}
	a.wait()
	all := allMembers(t, a)
	if len(s.rows) != len(all) || len(all) < 100 || s.count.Text != "共 120 人" {
		t.Fatalf("after loading: %d rows of %d, count %q", len(s.rows), len(all), s.count.Text)
	}
	if got := s.industry.Options; len(got) < 5 || got[0] != "全部行业" {
		t.Fatalf("industries offered %q", got)
	}

	// Two refreshes under way: only the newer one lands.
	s.refresh()
	first := s.loads
	s.refresh()
	if s.loads != first+1 {
		t.Fatalf("refreshes counted %d, %d", first, s.loads)
	}
	a.wait()
	if len(s.rows) != len(all) {
		t.Fatalf("after two refreshes: %d rows of %d", len(s.rows), len(all))
	}
}
