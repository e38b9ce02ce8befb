package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
	"chamberdesk/ui/widgets"
)

// openMembers shows the members screen and returns it.
func openMembers(t testing.TB, a *App) *membersScreen {
	t.Helper()
	return openScreen[*membersScreen](t, a, "members")
}

// allMembers reads the roster from the database, not from the screen.
func allMembers(t *testing.T, a *App) []data.Member {
	t.Helper()
	ms, err := a.store().Members(a.ctx())
	if err != nil {
		t.Fatal(err)
	}
	return ms
}

// rowOf is the table row showing the member with id, or -1.
func rowOf(s *membersScreen, id int64) int {
	return slices.IndexFunc(s.rows, func(m *data.Member) bool { return m.ID == id })
}

// selectMember selects a member's row as a tap on one of its cells does.
func selectMember(t *testing.T, s *membersScreen, id int64) {
	t.Helper()
	row := rowOf(s, id)
	if row < 0 {
		t.Fatalf("member %d not listed", id)
	}
	s.selectRow(row)
	if s.selected != id {
		t.Fatalf("selected %d, want %d", s.selected, id)
	}
}

// tapOpens taps b and fails when it opened no dialog.
func tapOpens(t *testing.T, a *App, b *widget.Button) {
	t.Helper()
	before := topOverlay(a)
	test.Tap(b)
	if d := topOverlay(a); d == nil || d == before {
		t.Fatalf("%s opened no dialog", b.Text)
	}
}

// shortcutForm runs the named shortcut, checks that it opened a dialog,
// closes it and opens the same form with open, which is what the shortcut
// runs, to return it.
func shortcutForm[F any](t *testing.T, a *App, name string, open func() *F) *F {
	t.Helper()
	return formOpenedBy(t, a, name, func() { a.runShortcut(name) }, open)
}

// tapForm taps b, checks that it opened a dialog, closes it and opens the
// same form with open, which is what b runs, to return it.
func tapForm[F any](t *testing.T, a *App, b *widget.Button, open func() *F) *F {
	t.Helper()
	return formOpenedBy(t, a, b.Text, func() { test.Tap(b) }, open)
}

func formOpenedBy[F any](t *testing.T, a *App, what string, trigger func(), open func() *F) *F {
	t.Helper()
	before := topOverlay(a)
	trigger()
	d := topOverlay(a)
	if d == nil || d == before {
		t.Fatalf("%s opened no dialog", what)
	}
	tapOnTop(t, a, "取消")
	if topOverlay(a) == d {
		t.Fatalf("取消 left what %s opened open", what)
	}
	return open()
}

// drawnCell is the drawn table cell showing row and col, or nil.
func drawnCell(a *App, row, col int) *widgets.Cell {
	for _, o := range drawn(a.win.Content()) {
		if c, ok := o.(*widgets.Cell); ok && c.Visible() {
			if r, cc := c.At(); r == row && cc == col {
				return c
			}
		}
	}
	return nil
}

// pinyinMatches reports whether any spelling of the member's name or
// company holds q, which is what a pinyin search promises.
func pinyinMatches(m *data.Member, q string) bool {
	for _, text := range []string{m.Name, m.Company} {
		if strings.Contains(text, q) {
			return true
		}
		full, initials := data.PinyinOf(text)
		for _, sp := range append(full, initials...) {
			if strings.Contains(sp, q) {
				return true
			}
		}
	}
	return false
}

// validCredit completes a credit code with its right check character, or
// with a wrong one.
func validCredit(t *testing.T, first17 string, wrong bool) string {
	t.Helper()
	c, ok := data.CreditCodeCheckChar(first17)
	if !ok {
		t.Fatalf("bad credit code base %q", first17)
	}
	if wrong {
		if c == '0' {
			c = '1'
		} else {
			c = '0'
		}
	}
	return first17 + string(c)
}

// validID completes an ID number with its GB 11643 check character.
func validID(first17 string) string {
	weights := []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, w := range weights {
		sum += int(first17[i]-'0') * w
	}
	return first17 + string("10X98765432"[sum%11])
}

func TestMembersSearch(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	s := openMembers(t, a)
	if len(s.rows) != 120 || s.count.Text != "共 120 人" {
		t.Fatalf("all members: %d rows, count %q", len(s.rows), s.count.Text)
	}
	for _, q := range []string{"zs", "wang", "shan"} {
		t.Run(q, func(t *testing.T) {
			s.search.SetText("")
			test.Type(s.search, q)
			if n := len(s.rows); n == 0 || n >= 120 {
				t.Fatalf("%q: %d rows", q, n)
			}
			if s.count.Text != fmt.Sprintf("共 %d 人", len(s.rows)) {
				t.Fatalf("count %q for %d rows", s.count.Text, len(s.rows))
			}
			want, err := a.store().SearchMembers(a.ctx(), q)
			if err != nil {
				t.Fatal(err)
			}
			if len(want) != len(s.rows) {
				t.Fatalf("%q: screen %d rows, store %d", q, len(s.rows), len(want))
			}
			for _, m := range s.rows {
				if !pinyinMatches(m, q) {
					t.Errorf("%q lists %s（%s）, which does not match", q, m.Name, m.Company)
				}
			}
		})
	}
	s.search.SetText("")
	if len(s.rows) != 120 || s.count.Text != "共 120 人" {
		t.Fatalf("after clearing: %d rows, count %q", len(s.rows), s.count.Text)
	}
	// Ctrl+F puts the keyboard in the search box.
	a.win.Canvas().Unfocus()
	a.runShortcut("search")
	if a.win.Canvas().Focused() != s.search {
		t.Fatalf("Ctrl+F focused %v", a.win.Canvas().Focused())
	}
}

func TestMembersFilters(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	s := openMembers(t, a)
	all := allMembers(t, a)
	count := func(keep func(m data.Member) bool) int {
		n := 0
		for _, m := range all {
			if keep(m) {
				n++
			}
		}
		return n
	}
	s.office.SetSelected("理事")
	if want := count(func(m data.Member) bool { return m.Office == "理事" }); len(s.rows) != want || want == 0 {
		t.Fatalf("理事: %d rows, want %d", len(s.rows), want)
	}
	s.office.SetSelectedIndex(0)
	s.political.SetSelected("中共党员")
	for _, m := range s.rows {
		if m.Political != "中共党员" {
			t.Fatalf("党员 filter lists %s (%s)", m.Name, m.Political)
		}
	}
	s.political.SetSelectedIndex(0)
	if !slices.Contains(s.industry.Options, "建材") {
		t.Fatalf("industries offered: %v", s.industry.Options)
	}
	s.industry.SetSelected("建材")
	if want := count(func(m data.Member) bool { return m.Industry == "建材" }); len(s.rows) != want {
		t.Fatalf("建材: %d rows, want %d", len(s.rows), want)
	}
	s.industry.SetSelectedIndex(0)

	owing, err := a.store().Arrears(a.ctx(), membersToday(a).Year())
	if err != nil {
		t.Fatal(err)
	}
	s.dues.SetSelected(memberDuesOwing)
	if len(s.rows) != len(owing) || len(owing) == 0 {
		t.Fatalf("欠缴: %d rows, store has %d in arrears", len(s.rows), len(owing))
	}
	for _, o := range owing {
		if rowOf(s, o.Member.ID) < 0 {
			t.Fatalf("%s owes but is not listed", o.Member.Name)
		}
	}
	s.dues.SetSelected(memberDuesPaid)
	for _, m := range s.rows {
		if slices.ContainsFunc(owing, func(o data.ArrearsMember) bool { return o.Member.ID == m.ID }) {
			t.Fatalf("%s listed as 已缴清 but owes", m.Name)
		}
	}
	if len(s.rows) == 0 {
		t.Fatal("nobody has paid")
	}
}

func TestMembersSort(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	s := openMembers(t, a)
	header := func(title string) *widgets.Header {
		for _, o := range drawn(a.win.Content()) {
			if b, ok := o.(*widgets.Header); ok && b.Title() == title {
				return b
			}
		}
		t.Fatalf("no header %q", title)
		return nil
	}
	joined := func() []time.Time {
		var ts []time.Time
		for _, m := range s.rows {
			ts = append(ts, m.JoinDate)
		}
		return ts
	}
	test.Tap(header("入会日期"))
	if !slices.IsSortedFunc(joined(), func(a, b time.Time) int { return a.Compare(b) }) {
		t.Fatal("入会日期 not ascending")
	}
	first := s.rows[0].ID
	test.Tap(header("入会日期"))
	if !slices.IsSortedFunc(joined(), func(a, b time.Time) int { return b.Compare(a) }) {
		t.Fatal("入会日期 not descending on the second tap")
	}
	if s.rows[0].ID == first {
		t.Fatal("the order did not reverse")
	}
	test.Tap(header("商会职务"))
	if !slices.IsSortedFunc(s.rows, func(a, b *data.Member) int {
		return data.OfficeRank(a.Office) - data.OfficeRank(b.Office)
	}) || s.rows[0].Office != "会长" {
		t.Fatalf("商会职务 not in rank order; first %s", s.rows[0].Office)
	}
	test.Tap(header("姓名"))
	spell := func(m *data.Member) string { full, _ := data.PinyinOf(m.Name); return full[0] }
	for i := 1; i < len(s.rows); i++ {
		if spell(s.rows[i-1]) > spell(s.rows[i]) {
			t.Fatalf("姓名 not in pinyin order: %s before %s", s.rows[i-1].Name, s.rows[i].Name)
		}
	}
	// a search keeps the chosen order
	test.Type(s.search, "wang")
	for i := 1; i < len(s.rows); i++ {
		if spell(s.rows[i-1]) > spell(s.rows[i]) {
			t.Fatalf("search lost the sort: %s before %s", s.rows[i-1].Name, s.rows[i].Name)
		}
	}
}
