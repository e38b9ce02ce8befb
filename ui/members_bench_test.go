package ui

import (
	"context"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"chamberdesk/data"
	"chamberdesk/data/demo"
)

// TestMembersScreenshot renders the members screen, the edit form with an
// error, the 档案 and the add form, checks each is drawn and shows its
// title, and writes them as PNGs to SHOT_DIR when set.
func TestMembersScreenshot(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	s := openMembers(t, a)
	// The screen has no heading: its table's 姓名 header says what it is.
	screen := func(name string) { t.Helper(); checkShot(t, a.win, screenRegion(a), name, "姓名") }
	dlg := func(name, title string) { t.Helper(); checkShot(t, a.win, dialogRegion(t, a), name, title) }
	selectMember(t, s, s.rows[3].ID)
	screen("members.png")
	a.win.Resize(fyne.NewSize(1100, 720)) // the window's default size
	s.onSort(6)
	s.onSort(6)
	test.Type(s.search, "li")
	screen("members_sorted.png")
	s.search.SetText("")
	s.status.SetSelected(data.StatusLeft)
	screen("members_left.png")
	s.status.SetSelectedIndex(0)
	a.win.Resize(fyne.NewSize(1280, 800))
	s.onSort(2)
	selectMember(t, s, s.rows[3].ID)
	f := s.onEdit()
	f.phone.SetText("")
	test.Type(f.phone, "12345")
	f.credit.SetText(validCredit(t, "91360131MA35T8K2X", true))
	dlg("members_form.png", "编辑会员")
	f.dlg.Hide()
	h := s.onHistory()
	dlg("members_history.png", "会员档案")
	h.tabs.SelectIndex(2)
	dlg("members_history_dues.png", "会员档案")
	h.tabs.SelectIndex(3)
	dlg("members_history_activities.png", "会员档案")
	h.tabs.SelectIndex(4)
	dlg("members_history_log.png", "会员档案")
	h.dlg.Hide()
	test.Tap(s.addBtn)
	dlg("members_new.png", "新增会员")
}

var bigDB fixture

// bigRoster is a database with 10,000 generated members, built once.
func bigRoster(tb testing.TB) string {
	tb.Helper()
	return bigDB.get(tb, "big.db", createDB("bench", func(ctx context.Context, s *data.Store) error {
		return demo.FillRoster(ctx, s, 10000)
	}))
}

// BenchmarkMembersFilterKeystroke measures one keystroke in the search box
// over 10,000 members: from setting the text to the table's rows being ready
// and the table told to redraw. It reports the 95th percentile of the whole
// keystroke (p95-ms) and of its data part alone, search + filters + sort
// (load-p95-ms); one frame is 16 ms.
func BenchmarkMembersFilterKeystroke(b *testing.B) {
	for _, sorted := range []bool{false, true} {
		name := "search-order"
		if sorted {
			name = "sorted-by-name"
		}
		b.Run(name, func(b *testing.B) {
			a := openTestApp(b, newThreadApp(b), bigRoster(b))
			s := openMembers(b, a)
			if len(s.rows) != 10000 {
				b.Fatalf("%d rows", len(s.rows))
			}
			if sorted {
				s.onSort(0)
			}
			queries := []string{"z", "zh", "zha", "zhang", "zs", "王", "王建", "建材", "青禾", "138", "1370000", "lj", "wangjun", "有限公司", "xyz", ""}
			var whole, load []time.Duration
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				q := queries[i%len(queries)]
				start := time.Now()
				s.search.SetText(q)
				whole = append(whole, time.Since(start))
				start = time.Now()
				if _, err := s.load(); err != nil {
					b.Fatal(err)
				}
				load = append(load, time.Since(start))
			}
			b.StopTimer()
			p95 := func(ds []time.Duration) float64 {
				slices.Sort(ds)
				return float64(ds[len(ds)*95/100].Microseconds()) / 1000
			}
			b.ReportMetric(p95(whole), "p95-ms")
			b.ReportMetric(p95(load), "load-p95-ms")
		})
	}
}
