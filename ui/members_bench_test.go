package ui

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"chamberdesk/data"
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
		return s.InTx(ctx, func(ctx context.Context) error { return fillRoster(ctx, s, 10000) })
	}))
}

// fillRoster writes an organization and n members with made-up names.
func fillRoster(ctx context.Context, s *data.Store, n int) error {
	if _, err := s.SaveOrganization(ctx, data.Organization{Name: "测试镇商会", Type: "镇街商会"}); err != nil {
		return err
	}
	family := []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢")
	given := []rune("国华明建军海文平志伟芳丽英秀兰春玉红燕敏静强磊涛斌杰勇峰辉刚鹏婷")
	trades := []string{"建材", "商贸物流", "农产品加工", "机械制造", "餐饮住宿", "电子信息", "种养殖"}
	r := rand.New(rand.NewPCG(7, 11))
	for i := 0; i < n; i++ {
		name := string(family[r.IntN(len(family))]) + string(given[r.IntN(len(given))])
		if r.IntN(3) > 0 {
			name += string(given[r.IntN(len(given))])
		}
		m := data.Member{Name: name, Phone: fmt.Sprintf("13%d%08d", 6+r.IntN(4), i),
			Office:    data.Offices[min(r.IntN(40), len(data.Offices)-1)],
			Political: data.PoliticalStatuses[r.IntN(len(data.PoliticalStatuses))],
			JoinDate:  time.Date(2012+r.IntN(14), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)}
		if r.IntN(4) > 0 {
			m.Industry = trades[r.IntN(len(trades))]
			m.Company = "青禾" + string(given[r.IntN(len(given))]) + m.Industry + fmt.Sprintf("%d有限公司", i)
		}
		if _, _, err := s.CreateMember(ctx, m); err != nil {
			return err
		}
	}
	return nil
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
