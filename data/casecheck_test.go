package data_test

import (
	"context"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"chamberdesk/data"
	"chamberdesk/data/datatest"
	"chamberdesk/data/demo"
)

// caseFixture is a store with one training course of 2026 (3 members and
// 5 others: 8 person-times), one photo of it, and a complete case on it.
type caseFixture struct {
	s     *data.Store
	act   data.Activity
	photo data.Attachment
	c     data.Case
}

func newCaseFixture(t *testing.T) *caseFixture {
	t.Helper()
	ctx := context.Background()
	s := datatest.MustOpen(t)
	datatest.MustOrg(t, s)
	var members []int64
	for _, n := range []string{"张三", "李四", "王五"} {
		id, _, err := s.CreateMember(ctx, data.Member{Kind: data.KindPersonal, Name: n, JoinDate: day(2020, 1, 1)})
		if err != nil {
			t.Fatal(err)
		}
		members = append(members, id)
	}
	act := data.Activity{Title: "电商直播培训班", Type: "培训办班", Date: day(2026, 3, 5), OutsideCount: 5, Attendees: members}
	id, err := s.CreateActivity(ctx, act)
	if err != nil {
		t.Fatal(err)
	}
	act.ID = id
	ph, err := s.AddPhoto(ctx, id, "培训.png", photoBytes(t, 40, 30, "png"), "培训现场", day(2026, 3, 5))
	if err != nil {
		t.Fatal(err)
	}
	lead := "商会今年办班1期，培训覆盖8人次。"
	c := data.Case{Year: 2026, Category: "镇街商会工作", Level: data.LevelBest,
		Title: data.CaseTitle("测试镇商会", "课堂办到会员身边"), Lead: lead,
		Practices: "一是把课堂办到会员身边。\n二是请税务所讲政策。", Results: "会员满意度明显提高。",
		ContactPerson: "赵秘书", ContactOffice: "秘书长", ContactPhone: "13800001111",
		Recommender: "测试区工商联", RecommenderOpinion: "同意推荐。",
		ActivityIDs: []int64{id},
		Photos:      []data.CasePhoto{{AttachmentID: ph.ID, Caption: "会员在培训班上听课"}},
		Figures: []data.CaseFigure{
			{Section: data.SectionLead, MetricKey: "training_sessions", YearFrom: 2026, YearTo: 2026, Value: 1, Unit: "期", Phrasing: "1期"},
			{Section: data.SectionLead, MetricKey: "training_person_times", YearFrom: 2026, YearTo: 2026, Value: 8, Unit: "人次", Phrasing: "8人次"},
		}}
	if c.ID, err = s.SaveCase(ctx, c); err != nil {
		t.Fatal(err)
	}
	return &caseFixture{s: s, act: act, photo: ph, c: c}
}

func TestCasePhotos(t *testing.T) {
	ctx := context.Background()
	f := newCaseFixture(t)
	s := f.s
	second, err := s.AddPhoto(ctx, f.act.ID, "合影.png", photoBytes(t, 30, 40, "png"), "", day(2026, 3, 5))
	if err != nil {
		t.Fatal(err)
	}
	c := f.c
	c.Photos = []data.CasePhoto{{AttachmentID: second.ID, Caption: " 学员合影 "}, {AttachmentID: f.photo.ID, Caption: "听课"}}
	if _, err := s.SaveCase(ctx, c); err != nil {
		t.Fatal(err)
	}
	got, err := s.Case(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Photos) != 2 || got.Photos[0].AttachmentID != second.ID || got.Photos[0].Caption != "学员合影" ||
		got.Photos[1].AttachmentID != f.photo.ID || got.Photos[1].Sort != 1 {
		t.Fatalf("photos %+v", got.Photos)
	}
	// The sqlite3 program sees the same rows, in the order chosen.
	if out := sqlite3(t, s, "SELECT attachment_id || '|' || caption FROM case_photos ORDER BY sort"); out !=
		strings.Join([]string{strconv.FormatInt(second.ID, 10) + "|学员合影", strconv.FormatInt(f.photo.ID, 10) + "|听课"}, "\n") {
		t.Fatalf("case_photos rows %q", out)
	}

	t.Run("attachment by id", func(t *testing.T) {
		a, err := s.Attachment(ctx, second.ID)
		if err != nil || a.ActivityID != f.act.ID || a.SHA256 != second.SHA256 || a.Width != 30 {
			t.Fatalf("Attachment: %+v %v", a, err)
		}
		if _, err := os.Stat(s.AttachmentPath(a)); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Attachment(ctx, 9999); !data.IsCode(err, data.CodeNotFound) {
			t.Fatalf("missing attachment: %v", err)
		}
	})

	t.Run("unknown photo refused whole", func(t *testing.T) {
		bad := got
		bad.Title = data.CaseTitle("测试镇商会", "改过的标题")
		bad.Photos = append(bad.Photos, data.CasePhoto{AttachmentID: 9999})
		if _, err := s.SaveCase(ctx, bad); !data.IsCode(err, data.CodeInvalid) {
			t.Fatalf("unknown photo: %v", err)
		}
		after, _ := s.Case(ctx, c.ID)
		if after.Title != got.Title || len(after.Photos) != 2 {
			t.Fatalf("a refused save changed the case: %+v", after)
		}
	})

	t.Run("delete keeps the photos", func(t *testing.T) {
		if err := s.DeleteCase(ctx, c.ID); err != nil {
			t.Fatal(err)
		}
		if n := countRows(t, s, "case_photos") + countRows(t, s, "case_figures") + countRows(t, s, "cases"); n != 0 {
			t.Fatalf("%d case rows left", n)
		}
		if n := countRows(t, s, "attachments"); n != 2 {
			t.Fatalf("%d attachments left, want 2", n)
		}
		if _, err := s.Case(ctx, c.ID); !data.IsCode(err, data.CodeNotFound) {
			t.Fatalf("deleted case: %v", err)
		}
	})
}

func TestCaseFigureStatus(t *testing.T) {
	ctx := context.Background()
	f := newCaseFixture(t)
	s := f.s
	c := f.c
	c.Figures = append(c.Figures, data.CaseFigure{Section: data.SectionResults, Value: 95, Unit: "%", Phrasing: "95%"})
	st, err := s.CaseFigureStatus(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{data.FigureChecked, data.FigureChecked, data.FigureUntraced}
	for i, w := range want {
		if st[i].State != w {
			t.Errorf("figure %d: %s, want %s (%+v)", i, st[i].State, w, st[i])
		}
	}
	if st[1].Metric != "培训覆盖人次" || st[1].Current != 8 {
		t.Errorf("traced figure %+v", st[1])
	}

	// Two more people come to the course: the figure in the lead is stale.
	act := f.act
	act.OutsideCount = 7
	if err := s.UpdateActivity(ctx, act); err != nil {
		t.Fatal(err)
	}
	if st, err = s.CaseFigureStatus(ctx, c); err != nil {
		t.Fatal(err)
	}
	if st[0].State != data.FigureChecked || st[1].State != data.FigureStale || st[1].Current != 10 {
		t.Fatalf("after the change: %+v", st)
	}
	if err := c.RefreshFigure(1, st[1].Current); err != nil {
		t.Fatal(err)
	}
	if c.Figures[1].Value != 10 || c.Figures[1].Phrasing != "10人次" || c.Lead != "商会今年办班1期，培训覆盖10人次。" {
		t.Fatalf("refreshed: %+v %q", c.Figures[1], c.Lead)
	}
	if st, _ = s.CaseFigureStatus(ctx, c); st[1].State != data.FigureChecked {
		t.Fatalf("after refresh: %+v", st[1])
	}
}

// TestFigureValueRange: counts over several years add up; a year-end count
// is the one at the end.
func TestFigureValueRange(t *testing.T) {
	ctx := context.Background()
	s := datatest.MustOpen(t)
	for _, d := range []time.Time{day(2025, 5, 1), day(2026, 5, 1), day(2026, 6, 1)} {
		if _, err := s.CreateActivity(ctx, data.Activity{Title: "培训", Type: "培训办班", Date: d}); err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.CreateMember(ctx, data.Member{Kind: data.KindPersonal, Name: "会员", JoinDate: d}); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct {
		key      string
		from, to int
		want     float64
	}{
		{"training_sessions", 2025, 2026, 3},
		{"training_sessions", 2026, 2026, 2},
		{"training_sessions", 0, 2025, 1},
		{"members_new", 2025, 2026, 3},
		{"members_total", 2025, 2026, 3}, // at the end of 2026, not 1 + 3
	} {
		f, err := s.FigureValue(ctx, tt.key, tt.from, tt.to)
		if err != nil || f.Value != tt.want {
			t.Errorf("FigureValue(%s, %d, %d) = %v %v, want %v", tt.key, tt.from, tt.to, f.Value, err, tt.want)
		}
	}
}

func TestCheckCase(t *testing.T) {
	ctx := context.Background()
	f := newCaseFixture(t)
	s := f.s
	ps, err := s.CheckCase(ctx, f.c)
	if err != nil || len(ps) != 0 {
		t.Fatalf("a complete case: %v %v", ps.Message(), err)
	}
	long := strings.Repeat("商会", 151) // 302 characters
	tests := []struct {
		name    string
		change  func(c *data.Case)
		field   string
		code    string
		warning bool
	}{
		{"no category", func(c *data.Case) { c.Category = "" }, "申报类别", data.CodeCaseMissing, false},
		{"odd category", func(c *data.Case) { c.Category = "年度人物" }, "申报类别", data.CodeInvalid, false},
		{"no level", func(c *data.Case) { c.Level = "" }, "申报等次", data.CodeCaseMissing, false},
		{"no title", func(c *data.Case) { c.Title = "" }, "案例标题", data.CodeCaseMissing, false},
		{"title without unit", func(c *data.Case) { c.Title = "课堂办到会员身边" }, "案例标题", data.CodeCaseTitle, false},
		{"title without short part", func(c *data.Case) { c.Title = "测试镇商会：" }, "案例标题", data.CodeCaseTitle, false},
		{"title of another unit", func(c *data.Case) { c.Title = "别的商会：标题" }, "案例标题", data.CodeCaseTitle, true},
		{"title too long", func(c *data.Case) { c.Title = "测试镇商会：" + strings.Repeat("长", 40) }, "案例标题", data.CodeCaseTooLong, false},
		{"no lead", func(c *data.Case) { c.Lead = " \n " }, "导语", data.CodeCaseMissing, false},
		{"lead too long", func(c *data.Case) { c.Lead += long }, "导语", data.CodeCaseTooLong, false},
		{"no practices", func(c *data.Case) { c.Practices = "" }, "主要做法", data.CodeCaseMissing, false},
		{"no results", func(c *data.Case) { c.Results = "" }, "主要成效", data.CodeCaseMissing, false},
		{"no contact", func(c *data.Case) { c.ContactPerson = "" }, "联系人", data.CodeCaseMissing, false},
		{"no office", func(c *data.Case) { c.ContactOffice = "" }, "联系人职务", data.CodeCaseMissing, false},
		{"no phone", func(c *data.Case) { c.ContactPhone = "" }, "联系电话", data.CodeCaseMissing, false},
		{"bad phone", func(c *data.Case) { c.ContactPhone = "1380000" }, "", "", false},
		{"no recommender", func(c *data.Case) { c.Recommender = "" }, "推荐单位", data.CodeCaseMissing, false},
		{"no opinion", func(c *data.Case) { c.RecommenderOpinion = "" }, "推荐单位意见", data.CodeCaseMissing, false},
		{"opinion too long", func(c *data.Case) { c.RecommenderOpinion = long[:3*201] }, "推荐单位意见", data.CodeCaseTooLong, false},
		{"no activity", func(c *data.Case) { c.ActivityIDs = nil }, "关联活动", data.CodeCaseActivity, false},
		{"no photo", func(c *data.Case) { c.Photos = nil }, "案例照片", data.CodeCasePhoto, false},
		{"photo gone", func(c *data.Case) { c.Photos = []data.CasePhoto{{AttachmentID: 9999}} }, "第1张照片", data.CodeCasePhoto, false},
		{"untraced figure", func(c *data.Case) {
			c.Results += "满意率95%。"
			c.Figures = append(c.Figures, data.CaseFigure{Section: data.SectionResults, Value: 95, Unit: "%", Phrasing: "95%"})
		}, "主要成效中的数字“95%”", data.CodeCaseFigure, true},
		{"stale figure", func(c *data.Case) { c.Figures[1].Value = 7 }, "导语中的数字“8人次”", data.CodeCaseFigure, true},
		{"figure edited out", func(c *data.Case) { c.Lead = "商会今年办班1期。" }, "导语中的数字“8人次”", data.CodeCaseFigure, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := f.c
			c.Figures = append([]data.CaseFigure(nil), f.c.Figures...)
			tt.change(&c)
			ps, err := s.CheckCase(ctx, c)
			if err != nil {
				t.Fatal(err)
			}
			// An empty lead loses its 2 figures too; an unlinked activity its photo.
			want := map[string]int{"no lead": 3, "no activity": 2}[tt.name]
			if want = max(want, 1); len(ps) != want {
				t.Fatalf("%d problems, want %d:\n%s", len(ps), want, ps.Message())
			}
			p := ps[0]
			if tt.code == "" {
				tt.code, tt.field = p.Code, p.Field // the phone check's own words
				if !strings.Contains(p.Field, "手机") && !strings.Contains(p.Field, "电话") {
					t.Errorf("bad phone reported as %q", p.Message())
				}
			}
			if p.Field != tt.field || p.Code != tt.code || p.Warning != tt.warning || p.Msg == "" || p.Reason == "" {
				t.Errorf("problem %+v, want field %q code %q warning %v", p, tt.field, tt.code, tt.warning)
			}
		})
	}
	t.Run("limits from settings", func(t *testing.T) {
		l, err := s.CaseLimits(ctx)
		if err != nil || l != data.DefaultCaseLimits {
			t.Fatalf("defaults %+v %v", l, err)
		}
		l.Lead = 10
		if err := s.SetCaseLimits(ctx, l); err != nil {
			t.Fatal(err)
		}
		ps, _ := s.CheckCase(ctx, f.c)
		if len(ps) != 1 || ps[0].Code != data.CodeCaseTooLong || ps[0].Msg != "共17字，超出限制7字（限10字）" {
			t.Fatalf("lead over a limit of 10: %s", ps.Message())
		}
		l.Opinion = 0
		if err := s.SetCaseLimits(ctx, l); !data.IsCode(err, data.CodeInvalid) {
			t.Fatalf("zero limit: %v", err)
		}
		if got, _ := s.CaseLimits(ctx); got.Lead != 10 || got.Opinion != data.DefaultCaseLimits.Opinion {
			t.Fatalf("limits after a refused change %+v", got)
		}
	})
}

func TestCaseTitle(t *testing.T) {
	if got := data.CaseTitle(" 青禾镇商会 ", "三线服务"); got != "青禾镇商会：三线服务" {
		t.Fatalf("CaseTitle = %q", got)
	}
	for _, tt := range []struct {
		in, org, short string
		ok             bool
	}{
		{"青禾镇商会：三线服务", "青禾镇商会", "三线服务", true},
		{"青禾镇商会: 三线服务", "青禾镇商会", "三线服务", true},
		{"青禾镇商会：“三化”举措：推进", "青禾镇商会", "“三化”举措：推进", true},
		{"三线服务", "", "三线服务", false},
		{"：三线服务", "", "：三线服务", false},
	} {
		org, short, ok := data.SplitCaseTitle(tt.in)
		if org != tt.org || short != tt.short || ok != tt.ok {
			t.Errorf("SplitCaseTitle(%q) = %q %q %v", tt.in, org, short, ok)
		}
	}
	if n := data.CountChars("一二三 \n四五\tab"); n != 7 {
		t.Errorf("CountChars = %d", n)
	}
}

func TestAwardCategories(t *testing.T) {
	ctx := context.Background()
	f := newCaseFixture(t)
	s := f.s
	cats, _ := s.AwardCategories(ctx)
	if len(cats) != 7 || cats[0] != "省级工商联工作" || cats[6] != "镇街商会工作" {
		t.Fatalf("seeded categories %v", cats)
	}
	if err := s.AddAwardCategory(ctx, " 园区商会工作 "); err != nil {
		t.Fatal(err)
	}
	if err := s.AddAwardCategory(ctx, "园区商会工作"); !data.IsCode(err, data.CodeConflict) {
		t.Fatalf("duplicate: %v", err)
	}
	if err := s.AddAwardCategory(ctx, ""); !data.IsCode(err, data.CodeInvalid) {
		t.Fatalf("empty: %v", err)
	}
	if cats, _ = s.AwardCategories(ctx); len(cats) != 8 || cats[7] != "园区商会工作" {
		t.Fatalf("after add %v", cats)
	}
	if err := s.RemoveAwardCategory(ctx, "镇街商会工作"); !data.IsCode(err, data.CodeConflict) {
		t.Fatalf("removing a used category: %v", err)
	}
	if err := s.RemoveAwardCategory(ctx, "园区商会工作"); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveAwardCategory(ctx, "园区商会工作"); !data.IsCode(err, data.CodeNotFound) {
		t.Fatalf("removing twice: %v", err)
	}
}

// TestDemoCaseFigures: every figure of the demo case is traced and still
// agrees with the demo records.
func TestDemoCaseFigures(t *testing.T) {
	ctx := context.Background()
	s := datatest.MustOpen(t)
	if err := demo.Fill(ctx, s); err != nil {
		t.Fatal(err)
	}
	cs, err := s.Cases(ctx)
	if err != nil || len(cs) == 0 {
		t.Fatalf("cases %v %v", cs, err)
	}
	c, err := s.Case(ctx, cs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	st, err := s.CaseFigureStatus(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range st {
		if x.State != data.FigureChecked {
			t.Errorf("demo figure %s: %s (records %v, case %v)", x.Figure.MetricKey, x.State, x.Current, x.Figure.Value)
		}
	}
}

// sqlite3 runs a query with the sqlite3 program on the store's file.
func sqlite3(t *testing.T, s *data.Store, q string) string {
	t.Helper()
	bin := datatest.NeedTool(t, "sqlite3", "sqlite3")
	// The store writes ahead in a log; sqlite3 reads it too.
	out, err := exec.Command(bin, "-readonly", s.Path(), q).CombinedOutput()
	if err != nil {
		t.Fatalf("sqlite3: %v\n%s", err, out)
	}
	return strings.TrimSpace(string(out))
}

// BenchmarkCaseFigureStatus is the check the editor runs on the UI thread
// after each inserted figure: the demo case's 8 figures over two years.
func BenchmarkCaseFigureStatus(b *testing.B) {
	ctx := context.Background()
	s := datatest.MustOpen(b)
	if err := demo.Fill(ctx, s); err != nil {
		b.Fatal(err)
	}
	cs, _ := s.Cases(ctx)
	c, err := s.Case(ctx, cs[0].ID)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.CaseFigureStatus(ctx, c); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPhrase(b *testing.B) {
	for b.Loop() {
		_, _ = data.Phrase(13246, "人次")
		_, _ = data.Phrase(648.5, "亿元")
	}
}
