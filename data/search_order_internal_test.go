package data

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"chamberdesk/data/datatest/tmpdir"
)

// TestIndexLoadsInRankOrder checks that SQLite hands the index its members
// already in memberLess order (active first, office rank, join date, id),
// so loading the index has nothing to sort, and that the index is in that
// order either way.
func TestIndexLoadsInRankOrder(t *testing.T) {
	ctx := context.Background()
	s, err := Create(ctx, filepath.Join(tmpdir.New(t), "order.db"), OpenOptions{Actor: "test"},
		func(ctx context.Context, s *Store) error {
			_, err := s.SaveOrganization(ctx, Organization{Name: "测试镇商会", Type: OrgTypes[0]})
			return err
		})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var ids []int64
	for i := range 60 {
		m := Member{Name: fmt.Sprintf("会员%d", i), Office: Offices[(i*7)%len(Offices)]}
		if i%5 != 0 { // every fifth has no join date
			m.JoinDate = time.Date(2015+i%4, time.Month(1+i%12), 1+i%27, 0, 0, 0, 0, time.UTC)
		}
		id, _, err := s.CreateMember(ctx, m)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	for _, id := range ids[:10] {
		if err := s.LeaveMember(ctx, id, time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC), "迁出"); err != nil {
			t.Fatal(err)
		}
	}
	order, args := rankOrderSQL()
	rows, err := s.db.QueryContext(ctx, "SELECT "+memberColumns+" FROM members ORDER BY "+order, args...)
	if err != nil {
		t.Fatal(err)
	}
	var got []Member
	for rows.Next() {
		m, err := scanMember(rows)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, m)
	}
	rows.Close()
	if len(got) != 60 {
		t.Fatalf("%d members", len(got))
	}
	for i := 1; i < len(got); i++ {
		if memberLess(&got[i], &got[i-1]) {
			t.Fatalf("SQLite order differs from memberLess at %d: %+v before %+v", i, got[i-1], got[i])
		}
	}
	idx, err := s.index(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !sort.SliceIsSorted(idx.entries, func(i, j int) bool { return memberLess(&idx.entries[i].m, &idx.entries[j].m) }) {
		t.Fatal("the index is not in rank order")
	}
}
