package demo_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"chamberdesk/data"
	"chamberdesk/data/datatest"
	"chamberdesk/data/demo"
)

// filled returns a new store holding the demo chamber and how long Fill took.
func filled(t *testing.T) (*data.Store, time.Duration) {
	t.Helper()
	s := datatest.MustOpen(t)
	start := time.Now()
	if err := demo.Fill(context.Background(), s); err != nil {
		t.Fatalf("Fill: %v", err)
	}
	return s, time.Since(start)
}

// shared is one filled store that tests only read, so the suite fills
// fewer stores (Fill is slow under the race detector).
var shared struct {
	once sync.Once
	dir  string
	s    *data.Store
	took time.Duration
	err  error
}

func sharedStore(t *testing.T) (*data.Store, time.Duration) {
	t.Helper()
	shared.once.Do(func() {
		if shared.dir, shared.err = os.MkdirTemp("", "demo-test-"); shared.err != nil {
			return
		}
		ctx := context.Background()
		shared.s, shared.err = data.Open(ctx, filepath.Join(shared.dir, "demo.db"), data.OpenOptions{Create: true, Actor: "test"})
		if shared.err != nil {
			return
		}
		shared.s.Now = func() time.Time { return datatest.Clock }
		start := time.Now()
		shared.err = demo.Fill(ctx, shared.s)
		shared.took = time.Since(start)
	})
	if shared.err != nil {
		t.Fatalf("Fill: %v", shared.err)
	}
	return shared.s, shared.took
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared.s != nil {
		shared.s.Close()
	}
	if shared.dir != "" {
		os.RemoveAll(shared.dir)
	}
	os.Exit(code)
}

func queryInt(t *testing.T, s *data.Store, q string, args ...any) int {
	t.Helper()
	var n int
	if err := s.DB().QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

func TestFill(t *testing.T) {
	ctx := context.Background()
	s, took := sharedStore(t)
	t.Logf("Fill took %v", took)
	if got := s.Now(); !got.Equal(datatest.Clock) {
		t.Errorf("s.Now not restored: %v", got)
	}
	members, err := s.Members(ctx)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[int64]data.Member{}
	for _, m := range members {
		byID[m.ID] = m
	}

	t.Run("organization", func(t *testing.T) {
		o, err := s.Organization(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if o.Name != demo.OrgName() || o.ShortName != demo.OrgShortName() || o.Type != "镇街商会" {
			t.Errorf("profile %+v", o)
		}
		if o.ParentFederation != "安澜区工商联" || o.PartyOrg == "" || o.ContactOffice != "秘书长" {
			t.Errorf("profile %+v", o)
		}
		if _, err := data.CheckCreditCode(o.CreditCode); err != nil || !strings.HasPrefix(o.CreditCode, "51") {
			t.Errorf("credit code %s: %v", o.CreditCode, err)
		}
		if _, err := data.CheckMobile(o.ContactPhone); err != nil || o.ContactPhone == "" {
			t.Errorf("contact phone %q: %v", o.ContactPhone, err)
		}
		var secretary *data.Member
		for i := range members {
			if members[i].Office == "秘书长" {
				secretary = &members[i]
			}
		}
		if secretary == nil || secretary.Name != o.ContactPerson || secretary.Phone != o.ContactPhone {
			t.Errorf("contact %s %s is not the 秘书长 %+v", o.ContactPerson, o.ContactPhone, secretary)
		}
	})

	t.Run("roster", func(t *testing.T) {
		if len(members) != demo.MemberCount {
			t.Fatalf("%d members, want %d", len(members), demo.MemberCount)
		}
		offices := map[string]int{}
		kinds := map[string]int{}
		party, left := 0, 0
		joined := map[int]int{}
		phones := map[string]bool{}
		for _, m := range members {
			offices[m.Office]++
			kinds[m.Kind]++
			if data.IsPartyMember(m.Political) {
				party++
			}
			if !contains(data.PoliticalStatuses, m.Political) {
				t.Errorf("%s: political status %q", m.Name, m.Political)
			}
			if m.Gender != "男" && m.Gender != "女" {
				t.Errorf("%s: gender %q", m.Name, m.Gender)
			}
			joined[m.JoinDate.Year()]++
			if m.JoinDate.Before(time.Date(2012, 1, 1, 0, 0, 0, 0, time.UTC)) || m.JoinDate.After(demo.Clock) {
				t.Errorf("%s joined %v", m.Name, m.JoinDate)
			}
			if m.Status == data.StatusLeft {
				left++
				if y := m.LeaveDate.Year(); (y != 2025 && y != 2026) || m.LeaveReason == "" || m.LeaveDate.After(demo.Clock) {
					t.Errorf("%s left %v because %q", m.Name, m.LeaveDate, m.LeaveReason)
				}
			} else if !m.LeaveDate.IsZero() {
				t.Errorf("%s is active with a leave date", m.Name)
			}

			p, err := data.CheckMobile(m.Phone)
			if err != nil || p != m.Phone {
				t.Errorf("%s: phone %q: %v", m.Name, m.Phone, err)
			}
			if phones[m.Phone] {
				t.Errorf("%s: phone %s used twice", m.Name, m.Phone)
			}
			phones[m.Phone] = true

			switch m.Kind {
			case data.KindUnit:
				if m.Company == "" || m.Industry == "" || m.CreditCode == "" || m.IDNumber != "" {
					t.Errorf("unit member %+v", m)
				}
			case data.KindPersonal:
				if m.Company != "" || m.CreditCode != "" {
					t.Errorf("personal member %+v", m)
				}
				id, err := data.CheckIDNumberAt(m.IDNumber, demo.Clock)
				if err != nil || id != m.IDNumber {
					t.Errorf("%s: ID number: %v", m.Name, err)
					continue
				}
				if male := (id[16]-'0')%2 == 1; male != (m.Gender == "男") {
					t.Errorf("%s: ID number gender digit disagrees with %s", m.Name, m.Gender)
				}
			}
		}
		want := map[string]int{"会长": 1, "常务副会长": 2, "副会长": 8, "监事长": 1, "监事": 2, "秘书长": 1, "副秘书长": 2, "理事": 25}
		rest := demo.MemberCount
		for o, n := range want {
			rest -= n
			if offices[o] != n {
				t.Errorf("%d %s, want %d", offices[o], o, n)
			}
		}
		if offices["会员"] != rest {
			t.Errorf("%d 会员, want %d", offices["会员"], rest)
		}
		if kinds[data.KindUnit] < 90 || kinds[data.KindPersonal] < 15 {
			t.Errorf("kinds %v", kinds)
		}
		if share := float64(party) / float64(len(members)); share < 0.25 || share > 0.32 {
			t.Errorf("party share %.2f", share)
		}
		if left != demo.LeftCount {
			t.Errorf("%d left, want %d", left, demo.LeftCount)
		}
		if joined[2025] == 0 || joined[2026] == 0 || joined[2012] == 0 {
			t.Errorf("joins by year %v", joined)
		}
		// member_offices: one term each, closed for those who left.
		if n := queryInt(t, s, `SELECT count(*) FROM member_offices o JOIN members m ON m.id = o.member_id
			WHERE o.to_date <> m.leave_date`); n != 0 {
			t.Errorf("%d office terms disagree with leave dates", n)
		}
	})

	t.Run("names", func(t *testing.T) {
		var all strings.Builder
		for _, m := range members {
			all.WriteString(m.Name + " ")
		}
		for _, c := range []string{"䶮", "昇", "喆", "堃", "淼", "犇", "燚"} {
			if !strings.Contains(all.String(), c) {
				t.Errorf("no member name contains %s", c)
			}
		}
		for _, sn := range []string{"单", "曾", "欧阳"} {
			if !strings.Contains(" "+all.String(), " "+sn) {
				t.Errorf("no member has the surname %s", sn)
			}
		}
		// 单 is found by its surname reading.
		found, err := s.SearchMembers(ctx, "shanzhe")
		if err != nil || len(found) != 1 || found[0].Name != "单喆" {
			t.Errorf("search shanzhe: %v %v", found, err)
		}
	})

	t.Run("credit codes", func(t *testing.T) {
		flagged := 0
		for _, m := range members {
			if m.CreditCode == "" {
				continue
			}
			_, err := data.CheckCreditCode(m.CreditCode)
			if m.CreditCodeFlag != "" {
				flagged++
				e, ok := data.AsError(err)
				if !ok || !e.Warning || m.CreditCodeFlag != e.Code || m.Kind != data.KindUnit {
					t.Errorf("%s: flag %q, check %v", m.Name, m.CreditCodeFlag, err)
				}
			} else if err != nil {
				t.Errorf("%s: %s: %v", m.Name, m.CreditCode, err)
			}
		}
		if flagged != demo.FlaggedCreditCodes {
			t.Errorf("%d flagged credit codes, want %d", flagged, demo.FlaggedCreditCodes)
		}
	})

	acts, err := s.Activities(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}

	t.Run("activities", func(t *testing.T) {
		if len(acts) < 70 {
			t.Fatalf("%d activities, want at least 70", len(acts))
		}
		types, _ := s.ActivityTypes(ctx)
		perYear := map[int]map[string]int{}
		seen := map[string]bool{}
		first, last := day(2025, 1, 1), day(2026, 11, 16)
		for _, a := range acts {
			if a.Date.Before(first) || a.Date.After(last) {
				t.Errorf("%s on %v, outside the demo period", a.Title, a.Date)
			}
			if !contains(types, a.Type) {
				t.Errorf("%s: type %s", a.Title, a.Type)
			}
			key := a.Date.Format(time.DateOnly) + a.Type
			if seen[key] {
				t.Errorf("two %s on %v", a.Type, a.Date)
			}
			seen[key] = true
			if perYear[a.Date.Year()] == nil {
				perYear[a.Date.Year()] = map[string]int{}
			}
			perYear[a.Date.Year()][a.Type]++
			if a.Place == "" || a.Organizer == "" || len([]rune(a.Content)) < 60 || strings.ContainsAny(a.Content, "{}") {
				t.Errorf("%s: place %q organizer %q content %q", a.Title, a.Place, a.Organizer, a.Content)
			}
			if len(a.Attendees) == 0 {
				t.Errorf("%s: nobody attended", a.Title)
			}
			if a.Type == "培训办班" && (a.OutsideCount < 10 || a.OutsideCount > 120) {
				t.Errorf("%s: %d from outside", a.Title, a.OutsideCount)
			}
			for _, m := range a.Attendees {
				mem, ok := byID[m]
				if !ok {
					t.Errorf("%s: attendee %d is not a member", a.Title, m)
					continue
				}
				if mem.JoinDate.After(a.Date) || (!mem.LeaveDate.IsZero() && !mem.LeaveDate.After(a.Date)) {
					t.Errorf("%s on %v: %s was not a member (joined %v, left %v)", a.Title, a.Date, mem.Name,
						mem.JoinDate, mem.LeaveDate)
				}
			}
		}
		for _, y := range demo.Years {
			n := 0
			for _, c := range perYear[y] {
				n += c
			}
			if n < 35 || perYear[y]["会长办公会"] != 4 || perYear[y]["理事会"] != 2 || perYear[y]["会员大会"] != 1 ||
				perYear[y]["培训办班"] < 4 || perYear[y]["招商引资/考察"] < 3 {
				t.Errorf("%d: %d activities %v", y, n, perYear[y])
			}
		}
		// The same, straight from the tables.
		if n := queryInt(t, s, `SELECT count(*) FROM attendance t JOIN activities a ON a.id = t.activity_id
			JOIN members m ON m.id = t.member_id
			WHERE m.join_date > a.date OR (m.leave_date <> '' AND m.leave_date <= a.date)`); n != 0 {
			t.Errorf("%d attendances by non-members", n)
		}
		if n := queryInt(t, s, `SELECT count(*) FROM activity_outcomes o JOIN activities a ON a.id = o.activity_id
			WHERE a.type = '招商引资/考察'`); n < 10 {
			t.Errorf("only %d outcomes on visits", n)
		}
		for _, key := range []string{"visits_companies", "project_leads", "projects_signed", "investment", "donations", "companies_served"} {
			if n := queryInt(t, s, `SELECT count(*) FROM activity_outcomes WHERE metric_key = ?`, key); n == 0 {
				t.Errorf("no activity has outcome %s", key)
			}
		}
	})

	t.Run("dues", func(t *testing.T) {
		want := map[string]int64{"会长": 20000, "常务副会长": 10000, "副会长": 5000, "监事长": 5000, "监事": 2000,
			"秘书长": 2000, "副秘书长": 2000, "理事": 2000, "会员": 500}
		for _, y := range demo.Years {
			st, err := s.DuesStandards(ctx, y)
			if err != nil || len(st) != len(want) {
				t.Fatalf("%d standards: %v %v", y, st, err)
			}
			for _, d := range st {
				if d.Fen != want[d.Office]*100 {
					t.Errorf("%d %s: %d fen", y, d.Office, d.Fen)
				}
			}
			dues, err := s.DuesOfYear(ctx, y)
			if err != nil {
				t.Fatal(err)
			}
			has := map[int64]bool{}
			receipts := map[string]bool{}
			re := regexp.MustCompile(fmt.Sprintf(`^QH%d-\d{3}$`, y))
			for _, d := range dues {
				has[d.MemberID] = true
				if d.PaidFen > 0 {
					if !re.MatchString(d.ReceiptNo) || receipts[d.ReceiptNo] || d.PaidDate.Year() != y || d.PaidDate.After(demo.Clock) {
						t.Errorf("%d member %d: receipt %q paid %v", y, d.MemberID, d.ReceiptNo, d.PaidDate)
					}
					receipts[d.ReceiptNo] = true
					m := byID[d.MemberID]
					if d.PaidDate.Before(m.JoinDate) || (!m.LeaveDate.IsZero() && !d.PaidDate.Before(m.LeaveDate)) {
						t.Errorf("%s paid on %v outside membership", m.Name, d.PaidDate)
					}
				}
			}
			// Everyone who was a member in the year has a row.
			for _, m := range members {
				in := m.JoinDate.Year() <= y && (m.LeaveDate.IsZero() || m.LeaveDate.Year() >= y)
				if in != has[m.ID] {
					t.Errorf("%d: %s (joined %v, left %v) has dues row: %v", y, m.Name, m.JoinDate, m.LeaveDate, has[m.ID])
				}
			}
		}
		a25, err := s.Arrears(ctx, 2025)
		if err != nil {
			t.Fatal(err)
		}
		a26, err := s.Arrears(ctx, 2026)
		if err != nil {
			t.Fatal(err)
		}
		if len(a25) == 0 || len(a25) > 5 {
			t.Errorf("%d members owe for 2025, want a few", len(a25))
		}
		if len(a26) < 15 || len(a26) > 25 {
			t.Errorf("%d members owe for 2026, want 15-25", len(a26))
		}
		partly := 0
		for _, a := range a26 {
			if a.PaidFen > 0 {
				partly++
			}
			if a.Member.Status != data.StatusActive {
				t.Errorf("%s owes but left", a.Member.Name)
			}
		}
		if partly == 0 || partly == len(a26) {
			t.Errorf("%d of %d arrears partly paid", partly, len(a26))
		}
	})

	t.Run("manual values", func(t *testing.T) {
		for _, y := range demo.Years {
			vs, err := s.ManualValues(ctx, y)
			if err != nil || len(vs) != 3 {
				t.Fatalf("%d: %v %v", y, vs, err)
			}
			for _, v := range vs {
				if v.Value <= 0 || v.Note == "" {
					t.Errorf("%d %+v", y, v)
				}
			}
		}
	})

	t.Run("photos", func(t *testing.T) {
		with, total := 0, 0
		for _, a := range acts {
			ps, err := s.Photos(ctx, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			if len(ps) > 3 {
				t.Errorf("%s: %d photos", a.Title, len(ps))
			}
			if len(ps) > 0 {
				with++
			}
			for _, p := range ps {
				total++
				b, err := os.ReadFile(s.AttachmentPath(p))
				if err != nil {
					t.Fatal(err)
				}
				sum := sha256.Sum256(b)
				if hex.EncodeToString(sum[:]) != p.SHA256 || int64(len(b)) != p.Size {
					t.Errorf("%s: file does not match its record", p.OriginalName)
				}
				if p.Width != 480 || p.Height != 320 || p.Ext != ".jpg" || p.Size > 25<<10 || p.Caption == "" ||
					!p.TakenDate.Equal(a.Date) {
					t.Errorf("%s: %+v", a.Title, p)
				}
			}
		}
		if share := float64(with) / float64(len(acts)); share < 0.7 || share > 0.95 {
			t.Errorf("%d of %d activities have photos", with, len(acts))
		}
		t.Logf("%d photos on %d of %d activities", total, with, len(acts))
		if n := queryInt(t, s, `SELECT count(DISTINCT sha256) FROM attachments`); n != total {
			t.Errorf("%d distinct photos of %d", n, total)
		}
		if tmp := filesUnder(t, s.FilesDir(), ".tmp"); len(tmp) > 0 {
			t.Errorf("temporary files left: %v", tmp)
		}
	})

	t.Run("case", func(t *testing.T) {
		cs, err := s.Cases(ctx)
		if err != nil || len(cs) != 1 {
			t.Fatalf("cases %v %v", cs, err)
		}
		c, err := s.Case(ctx, cs[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		if c.Year != 2026 || c.Category != "镇街商会工作" || c.Level != data.LevelExcellent || c.Status != "草稿" ||
			!strings.HasPrefix(c.Title, demo.OrgShortName()) || c.Recommender != "安澜区工商联" ||
			c.ContactOffice != "秘书长" || c.ContactPhone == "" {
			t.Errorf("case %+v", c)
		}
		if len(c.ActivityIDs) < 8 || len(c.ActivityIDs) > 14 {
			t.Errorf("%d linked activities", len(c.ActivityIDs))
		}
		if n := strings.Count(c.Practices, "\n") + 1; n != 3 {
			t.Errorf("%d paragraphs of 做法", n)
		}
		text := c.Lead + c.Practices + c.Results
		keys := map[string]bool{}
		for _, f := range c.Figures {
			keys[f.MetricKey] = true
			if f.Untraced() || f.YearFrom != 2025 || f.YearTo != 2026 || f.Unit == "" {
				t.Errorf("figure %+v", f)
			}
			want := metricValue(t, s, f.MetricKey, f.YearFrom, f.YearTo)
			if math.Abs(f.Value-want) > 1e-9 {
				t.Errorf("%s: case says %v, records give %v", f.MetricKey, f.Value, want)
			}
			if !strings.Contains(text, f.Phrasing) || !strings.HasSuffix(f.Phrasing, f.Unit) {
				t.Errorf("%s: phrasing %q (unit %s) not in the text", f.MetricKey, f.Phrasing, f.Unit)
			}
		}
		for _, k := range []string{"training_sessions", "training_person_times", "projects_signed", "investment"} {
			if !keys[k] {
				t.Errorf("no figure for %s", k)
			}
		}
	})

	t.Run("integrity", func(t *testing.T) {
		problems, err := s.Check(ctx)
		if err != nil || len(problems) > 0 {
			t.Errorf("Check: %v %v", problems, err)
		}
	})

	t.Run("second fill refused", func(t *testing.T) {
		before, files := dump(t, s), filesUnder(t, s.FilesDir(), "")
		err := demo.Fill(ctx, s)
		if !data.IsCode(err, data.CodeNotEmpty) {
			t.Fatalf("second Fill: %v", err)
		}
		if e, _ := data.AsError(err); e.Msg == "" || e.Msg == e.Reason {
			t.Errorf("message %+v", e)
		}
		if dump(t, s) != before || strings.Join(filesUnder(t, s.FilesDir(), ""), "\n") != strings.Join(files, "\n") {
			t.Error("a refused Fill changed the store")
		}
	})
}

// metricValue computes a metric from the records, independently of the
// demo generator, following the rules in the metrics table.
func metricValue(t *testing.T, s *data.Store, key string, from, to int) float64 {
	t.Helper()
	var kind, rule string
	if err := s.DB().QueryRow(`SELECT kind, rule FROM metrics WHERE key = ?`, key).Scan(&kind, &rule); err != nil {
		t.Fatalf("metric %s: %v", key, err)
	}
	lo, hi := fmt.Sprintf("%d-01-01", from), fmt.Sprintf("%d-12-31", to)
	var v sql.NullFloat64
	var err error
	what, typ, _ := strings.Cut(rule, ":")
	typeCond := "(? = '' OR a.type = ?)"
	switch {
	case kind == data.MetricOutcome:
		err = s.DB().QueryRow(`SELECT sum(o.value) FROM activity_outcomes o JOIN activities a ON a.id = o.activity_id
			WHERE o.metric_key = ? AND a.date BETWEEN ? AND ?`, key, lo, hi).Scan(&v)
	case what == "activities.count":
		err = s.DB().QueryRow(`SELECT count(*) FROM activities a WHERE a.date BETWEEN ? AND ? AND `+typeCond,
			lo, hi, typ, typ).Scan(&v)
	case what == "activities.person_times":
		err = s.DB().QueryRow(`SELECT (SELECT count(*) FROM attendance t JOIN activities a ON a.id = t.activity_id
			WHERE a.date BETWEEN ? AND ? AND `+typeCond+`) + (SELECT COALESCE(sum(outside_count), 0)
			FROM activities a WHERE a.date BETWEEN ? AND ? AND `+typeCond+`)`,
			lo, hi, typ, typ, lo, hi, typ, typ).Scan(&v)
	case what == "members.joined_in_year":
		err = s.DB().QueryRow(`SELECT count(*) FROM members WHERE join_date BETWEEN ? AND ?`, lo, hi).Scan(&v)
	default:
		t.Fatalf("metric %s: rule %q not handled by the test", key, rule)
	}
	if err != nil {
		t.Fatal(err)
	}
	return math.Round(v.Float64*100) / 100
}

func TestFillIsDeterministic(t *testing.T) {
	a, _ := sharedStore(t)
	b, _ := filled(t)
	da, db := dump(t, a), dump(t, b)
	if da != db {
		la, lb := strings.Split(da, "\n"), strings.Split(db, "\n")
		for i := range min(len(la), len(lb)) {
			if la[i] != lb[i] {
				t.Fatalf("dumps differ at line %d:\n%s\n%s", i+1, la[i], lb[i])
			}
		}
		t.Fatalf("dumps differ in length: %d and %d lines", len(la), len(lb))
	}
	if len(da) < 100000 {
		t.Errorf("dump is only %d bytes", len(da))
	}
	// The photo files are the same bytes too (their names are their hashes).
	fa, fb := filesUnder(t, a.FilesDir(), ""), filesUnder(t, b.FilesDir(), "")
	if strings.Join(fa, "\n") != strings.Join(fb, "\n") || len(fa) < 70 {
		t.Errorf("photo files differ: %d and %d", len(fa), len(fb))
	}
}

func TestFillRefusesStoreWithData(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := datatest.MustOpen(t)
	// No profile yet, but a member: still not empty.
	if _, _, err := s.CreateMember(ctx, data.Member{Name: "张三", Phone: "13812341234"}); err != nil {
		t.Fatal(err)
	}
	err := demo.Fill(ctx, s)
	if !data.IsCode(err, data.CodeNotEmpty) {
		t.Fatalf("Fill into a store with a member: %v", err)
	}
	if n := queryInt(t, s, "SELECT count(*) FROM members"); n != 1 {
		t.Errorf("%d members", n)
	}
	if files := filesUnder(t, s.FilesDir(), ""); len(files) > 0 {
		t.Errorf("files written: %v", files)
	}
}

// A Fill that fails, early or at its very last write, leaves the store as
// empty as it was: no rows, no photo files.
func TestFillFailureLeavesStoreEmpty(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name  string
		setup func(t *testing.T, s *data.Store) context.Context
	}{
		{"no activity types", func(t *testing.T, s *data.Store) context.Context {
			mustExec(t, s, "DELETE FROM activity_types")
			return context.Background()
		}},
		{"no award category", func(t *testing.T, s *data.Store) context.Context {
			// The case is the last thing written: everything else, photos
			// included, is in by then.
			mustExec(t, s, "DELETE FROM award_categories WHERE name = '镇街商会工作'")
			return context.Background()
		}},
		{"cancelled", func(t *testing.T, s *data.Store) context.Context {
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			return ctx
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := datatest.MustOpen(t)
			ctx := c.setup(t, s)
			err := demo.Fill(ctx, s)
			if err == nil {
				t.Fatal("Fill succeeded")
			}
			t.Logf("Fill: %v", err)
			for _, table := range []string{"organization", "members", "member_offices", "dues_standards", "dues",
				"activities", "attendance", "attachments", "metric_values", "cases", "change_log"} {
				if n := queryInt(t, s, "SELECT count(*) FROM "+table); n != 0 {
					t.Errorf("%s: %d rows after a failed Fill", table, n)
				}
			}
			if empty, err := s.IsEmpty(context.Background()); !empty || err != nil {
				t.Errorf("IsEmpty: %v %v", empty, err)
			}
			if files := filesUnder(t, s.FilesDir(), ""); len(files) > 0 {
				t.Errorf("%d files left, e.g. %s", len(files), files[0])
			}
			if _, err := os.Stat(s.FilesDir()); err == nil {
				t.Errorf("photo folder left behind")
			}
			if !s.Now().Equal(datatest.Clock) {
				t.Errorf("clock not restored")
			}
		})
	}
}

func mustExec(t *testing.T, s *data.Store, q string) {
	t.Helper()
	if _, err := s.DB().Exec(q); err != nil {
		t.Fatal(err)
	}
}

// dump writes every row of the tables Fill writes, in a fixed order.
func dump(t *testing.T, s *data.Store) string {
	t.Helper()
	var b strings.Builder
	for _, table := range []string{"organization", "settings", "members", "member_offices", "dues_standards", "dues",
		"activities", "attendance", "attachments", "activity_outcomes", "metric_values", "cases",
		"case_activities", "case_photos", "case_figures", "change_log"} {
		q := "SELECT * FROM " + table
		if table == "settings" {
			// file.id tells two data files apart (a stray -wal must not be
			// applied to another file), so it differs between fills by design.
			q += " WHERE key <> 'file.id'"
		}
		rows, err := s.DB().Query(q + " ORDER BY 1, 2")
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "%s", table)
			for _, v := range vals {
				fmt.Fprintf(&b, "\t%v", v)
			}
			b.WriteByte('\n')
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
	}
	return b.String()
}

// filesUnder lists the files below dir whose names contain part, with sizes.
func filesUnder(t *testing.T, dir, part string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.Contains(d.Name(), part) {
			info, err := d.Info()
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(dir, p)
			out = append(out, fmt.Sprintf("%s %d", rel, info.Size()))
		}
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return out
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
