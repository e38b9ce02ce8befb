package ui

import (
	"cmp"
	"context"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
)

// Values of the filters and of the 会费 column.
const (
	memberAllIndustries = "全部行业"
	memberDuesPaid      = "已缴清"
	memberDuesOwing     = "欠缴"
	memberDuesNone      = "—"
)

// memberDuesStates works out every member's 会费 state for year once, so
// the column and the filter only look it up. It touches no widget.
func memberDuesStates(ctx context.Context, st *data.Store, year int) (map[int64]string, error) {
	owing, err := st.Arrears(ctx, year)
	if err != nil {
		return nil, err
	}
	rows, err := st.DuesOfYear(ctx, year)
	if err != nil {
		return nil, err
	}
	state := make(map[int64]string, len(rows)+len(owing))
	for _, d := range rows {
		if d.DueFen > 0 && !d.Arrears() {
			state[d.MemberID] = memberDuesPaid
		}
	}
	for _, a := range owing {
		state[a.Member.ID] = memberDuesOwing
	}
	return state, nil
}

func (s *membersScreen) duesOf(m *data.Member) string {
	if st, ok := s.duesState[m.ID]; ok {
		return st
	}
	return memberDuesNone
}

// offerIndustries offers names, the industries the roster holds, keeping
// the one chosen if it is still there.
func (s *membersScreen) offerIndustries(names []string) {
	s.quietly(func() {
		cur := s.industry.Selected
		all := lang.L(memberAllIndustries)
		s.industry.SetOptions(append([]string{all}, names...))
		if !slices.Contains(names, cur) {
			cur = all
		}
		s.industry.SetSelected(cur)
		fitSelect(s.industry)
	})
}

// fitSelect makes a select wide enough for its longest option: Fyne sizes a
// select by its placeholder, which never shows here since one option is
// always selected.
func fitSelect(w *widget.Select) {
	longest, width := "", float32(0)
	for _, o := range w.Options {
		if ow := fyne.MeasureText(o, theme.TextSize(), fyne.TextStyle{}).Width; ow > width {
			longest, width = o, ow
		}
	}
	w.PlaceHolder = longest
	w.Refresh()
}

// industriesOf lists the distinct industries of ms in pinyin order.
func (s *membersScreen) industriesOf(ms []*data.Member) []string {
	seen := map[string]bool{}
	var names []string
	for _, m := range ms {
		if m.Industry != "" && !seen[m.Industry] {
			seen[m.Industry] = true
			names = append(names, m.Industry)
		}
	}
	slices.SortFunc(names, func(a, b string) int { return cmp.Compare(s.textKey(a).s, s.textKey(b).s) })
	return names
}

// load is the data half of a keystroke: search, filter and sort. It
// touches no widget state other than reading the filters.
func (s *membersScreen) load() ([]*data.Member, error) {
	if s.sh.store() == nil {
		return nil, nil
	}
	found, err := s.sh.store().SearchMembers(s.sh.ctx(), s.search.Text)
	if err != nil {
		return nil, err
	}
	f := memberFilter{office: s.office.Value(), status: s.status.Value(),
		industry: filterValue(s.industry), political: s.political.Value(), dues: s.dues.Value()}
	rows := found[:0] // found is a fresh slice; the members in it are shared
	for _, m := range found {
		if f.keep(m, s.duesOf(m)) {
			rows = append(rows, m)
		}
	}
	s.sortRows(rows)
	return rows, nil
}

// memberFilter holds the selected filter values; "" lets everything through.
type memberFilter struct{ office, status, industry, political, dues string }

// filterValue is a filter's selected value, or "" while its first option,
// the one that lets everyone through, is selected.
func filterValue(w *widget.Select) string {
	if w.SelectedIndex() <= 0 {
		return ""
	}
	return w.Selected
}

func (f memberFilter) keep(m *data.Member, dues string) bool {
	ok := func(want, have string) bool { return want == "" || want == have }
	return ok(f.office, m.Office) && ok(f.status, m.Status) && ok(f.industry, m.Industry) &&
		ok(f.political, m.Political) && ok(f.dues, dues)
}
