package data

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode"
)

// memberIndex keeps every member with pre-lowered search keys in memory, so a
// search on each keystroke scans a slice instead of running SQL: 10,000
// members fit in a few megabytes. Writes patch it in place; bulk jobs drop it.
type memberIndex struct {
	entries []indexEntry // in SortMembers order
}

type indexEntry struct {
	m Member
	// text is the lowered name and company without spaces (queries lose
	// theirs too); pyName and pyCompany hold each
	// pinyin spelling and initials, each preceded by \x00 so "\x00"+q finds
	// a spelling that starts with q.
	name, company     string
	pyName, pyCompany string
	phone, credit     string
}

func newIndexEntry(m Member, k pinyinKeys) indexEntry {
	join := func(parts ...string) string {
		var b strings.Builder
		for _, p := range parts {
			for _, w := range strings.Fields(p) {
				b.WriteByte(0)
				b.WriteString(w)
			}
		}
		return b.String()
	}
	return indexEntry{
		m:         m,
		name:      strings.ToLower(stripSpaces(m.Name)),
		company:   strings.ToLower(stripSpaces(m.Company)), // 青禾 科技 is found by 青禾科技
		pyName:    join(k.namePinyin, k.nameInitials),
		pyCompany: join(k.companyPinyin, k.companyInitials),
		phone:     m.Phone,
		credit:    strings.ToLower(m.CreditCode),
	}
}

// dropIndex forgets the cached index; the next search reloads it.
func (s *Store) dropIndex() {
	s.mu.Lock()
	s.idx = nil
	s.idxGen++
	s.mu.Unlock()
}

// patchIndex puts one member's committed state into a loaded index.
func (s *Store) patchIndex(m Member) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.idxGen++
	if s.idx == nil {
		return
	}
	e := newIndexEntry(m, pinyinKeysOf(m.Name, m.Company))
	// copy on write: a search running now keeps the slice it has
	entries := make([]indexEntry, 0, len(s.idx.entries)+1)
	replaced := false
	for _, x := range s.idx.entries {
		if x.m.ID == m.ID {
			x, replaced = e, true
		}
		entries = append(entries, x)
	}
	if !replaced {
		entries = append(entries, e)
	}
	sort.SliceStable(entries, func(i, j int) bool { return memberLess(&entries[i].m, &entries[j].m) })
	s.idx = &memberIndex{entries: entries}
}

func (s *Store) index(ctx context.Context) (*memberIndex, error) {
	s.mu.Lock()
	idx, gen := s.idx, s.idxGen
	s.mu.Unlock()
	if idx != nil {
		return idx, nil
	}
	// The count sizes the slice once: an entry is a few hundred bytes, and
	// growing by appending copies them and keeps up to a quarter unused.
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM members").Scan(&n); err != nil {
		return nil, err
	}
	// SQLite returns them in rank order (memberLess), so the check below
	// usually finds nothing left to sort.
	order, args := rankOrderSQL()
	rows, err := s.db.QueryContext(ctx, "SELECT "+memberColumns+
		", name_pinyin, name_initials, company_pinyin, company_initials FROM members ORDER BY "+order, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	idx = &memberIndex{entries: make([]indexEntry, 0, n)}
	for rows.Next() {
		var k pinyinKeys
		m, err := scanMemberWith(rows, &k.namePinyin, &k.nameInitials, &k.companyPinyin, &k.companyInitials)
		if err != nil {
			return nil, err
		}
		idx.entries = append(idx.entries, newIndexEntry(m, k))
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	less := func(i, j int) bool { return memberLess(&idx.entries[i].m, &idx.entries[j].m) }
	if !sort.SliceIsSorted(idx.entries, less) { // a join date SQLite orders otherwise
		sort.SliceStable(idx.entries, less)
	}
	s.mu.Lock()
	if s.idxGen == gen { // no write committed while we were reading
		s.idx = idx
	}
	s.mu.Unlock()
	return idx, nil
}

// SearchMembers finds members by any part of the name or company, by pinyin
// initials (zs) or full pinyin (zhangsan), by phone or by credit code. An
// empty query returns everyone. Better matches come first: the name itself,
// then its start or a pinyin spelling's start, then anything else; ties keep
// rank order.
//
// The members returned are shared with the index so that a search on every
// keystroke copies nothing: treat them as read-only, and load a member with
// Store.Member before changing it.
func (s *Store) SearchMembers(ctx context.Context, query string) ([]*Member, error) {
	idx, err := s.index(ctx)
	if err != nil {
		return nil, err
	}
	return idx.search(query), nil
}

// normalizeQuery lowers a query and drops spaces and punctuation that people
// type between syllables or digits ("zhang san", "138-1234").
func normalizeQuery(q string) string {
	q = strings.ToLower(normalizeValue(q))
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '-' || r == '\'' {
			return -1
		}
		return r
	}, q)
}

// queryKind tells which keys a query can match: letters may be pinyin,
// digits a phone, letters and digits a credit code.
func queryKind(q string) (letters, digits, alnum bool) {
	letters, digits, alnum = true, true, true
	for i := 0; i < len(q); i++ {
		switch c := q[i]; {
		case c >= 'a' && c <= 'z':
			digits = false
		case c >= '0' && c <= '9':
			letters = false
		default:
			return false, false, false
		}
	}
	return letters, digits, alnum
}

const tiers = 4

func (idx *memberIndex) search(query string) []*Member {
	q := normalizeQuery(query)
	if q == "" {
		out := make([]*Member, len(idx.entries))
		for i := range idx.entries {
			out[i] = &idx.entries[i].m
		}
		return out
	}
	letters, digits, alnum := queryKind(q)
	wordStart := "\x00" + q
	// Bucket by tier instead of sorting: entries are already in rank order.
	var buckets [tiers][]int32
	for i := range idx.entries {
		e := &idx.entries[i]
		tier := -1
		switch {
		case e.name == q:
			tier = 0
		case strings.HasPrefix(e.name, q):
			tier = 1
		case letters && strings.Contains(e.pyName, wordStart):
			tier = 1
		case strings.Contains(e.name, q):
			tier = 2
		case strings.Contains(e.company, q):
			tier = 3
		case letters && (strings.Contains(e.pyName, q) || strings.Contains(e.pyCompany, q)):
			tier = 3
		case digits && len(q) >= 3 && strings.Contains(e.phone, q):
			tier = 3
		case alnum && len(q) >= 4 && strings.Contains(e.credit, q):
			tier = 3
		}
		if tier >= 0 {
			buckets[tier] = append(buckets[tier], int32(i))
		}
	}
	n := 0
	for _, b := range buckets {
		n += len(b)
	}
	out := make([]*Member, 0, n)
	for _, b := range buckets {
		for _, i := range b {
			out = append(out, &idx.entries[i].m)
		}
	}
	return out
}

// SortMembers orders active members first, then by office rank, join date and id.
func SortMembers(ms []Member) {
	sort.SliceStable(ms, func(i, j int) bool { return memberLess(&ms[i], &ms[j]) })
}

// rankOrderSQL is memberLess as an ORDER BY clause and its arguments:
// active first, then office rank, join date (ISO text) and id.
func rankOrderSQL() (string, []any) {
	var b strings.Builder
	args := []any{StatusActive}
	b.WriteString("status <> ?, CASE office")
	for i, o := range Offices {
		fmt.Fprintf(&b, " WHEN ? THEN %d", i)
		args = append(args, o)
	}
	fmt.Fprintf(&b, " ELSE %d END, join_date, id", len(Offices))
	return b.String(), args
}

func memberLess(a, b *Member) bool {
	if (a.Status == StatusActive) != (b.Status == StatusActive) {
		return a.Status == StatusActive
	}
	if ra, rb := OfficeRank(a.Office), OfficeRank(b.Office); ra != rb {
		return ra < rb
	}
	if !a.JoinDate.Equal(b.JoinDate) {
		return a.JoinDate.Before(b.JoinDate)
	}
	return a.ID < b.ID
}
