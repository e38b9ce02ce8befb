package data

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Case sections a figure can be quoted in.
const (
	SectionLead      = "lead"
	SectionPractices = "practices"
	SectionResults   = "results"
)

// SectionNames are the Chinese names of the case's text sections.
var SectionNames = map[string]string{SectionLead: "导语", SectionPractices: "主要做法", SectionResults: "主要成效"}

// CaseTitle joins the organization's name and the short title the way the
// award lists print them: 单位名称：标题.
func CaseTitle(orgName, short string) string {
	orgName, short = NormalizeText(orgName), NormalizeText(short)
	if short == "" {
		return orgName
	}
	if orgName == "" {
		return short
	}
	return orgName + "：" + short
}

// SplitCaseTitle takes a title apart at its first colon (full-width or
// not); ok is false when it has no organization part.
func SplitCaseTitle(title string) (orgName, short string, ok bool) {
	title = NormalizeText(title)
	i := strings.IndexAny(title, "：:")
	if i <= 0 {
		return "", title, false
	}
	_, w := utf8.DecodeRuneInString(title[i:])
	return strings.TrimSpace(title[:i]), strings.TrimSpace(title[i+w:]), true
}

// CountChars counts a text the way a word-count limit is meant: every
// character except spaces and line breaks, so 100 Chinese characters in
// three paragraphs count 100 however they are laid out.
func CountChars(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

// CaseLimits are the character limits of a case's texts.
type CaseLimits struct {
	Title     int // 单位名称：标题, as a whole
	Lead      int
	Practices int
	Results   int
	Opinion   int // the recommending unit's opinion
}

// DefaultCaseLimits fit how the award list is published: the title is one
// line of a newspaper column, the lead one paragraph that introduces the
// case, 做法 the body of a one-page write-up and 成效 about half as long;
// the recommending unit's opinion is the box of the application form.
var DefaultCaseLimits = CaseLimits{Title: 40, Lead: 300, Practices: 3000, Results: 1500, Opinion: 200}

// settings keys of the limits
var caseLimitKeys = []struct {
	key   string
	field func(*CaseLimits) *int
}{
	{"case.limit.title", func(l *CaseLimits) *int { return &l.Title }},
	{"case.limit.lead", func(l *CaseLimits) *int { return &l.Lead }},
	{"case.limit.practices", func(l *CaseLimits) *int { return &l.Practices }},
	{"case.limit.results", func(l *CaseLimits) *int { return &l.Results }},
	{"case.limit.opinion", func(l *CaseLimits) *int { return &l.Opinion }},
}

// CaseLimits reads the configured limits; unset or unreadable ones are the
// defaults.
func (s *Store) CaseLimits(ctx context.Context) (CaseLimits, error) {
	l := DefaultCaseLimits
	for _, k := range caseLimitKeys {
		v, err := s.Setting(ctx, k.key)
		if err != nil {
			return l, err
		}
		if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && n > 0 {
			*k.field(&l) = n
		}
	}
	return l, nil
}

// SetCaseLimits stores all limits at once; each must be positive.
func (s *Store) SetCaseLimits(ctx context.Context, l CaseLimits) error {
	for _, k := range caseLimitKeys {
		if n := *k.field(&l); n <= 0 || n > 100000 {
			return invalid("字数限制", strconv.Itoa(n), "应为1到100000之间的整数", "must be a whole number from 1 to 100000", "case limit out of range")
		}
	}
	return s.withTx(ctx, func(tx *sql.Tx) error {
		for _, k := range caseLimitKeys {
			if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
				ON CONFLICT (key) DO UPDATE SET value = excluded.value`, k.key, strconv.Itoa(*k.field(&l))); err != nil {
				return err
			}
		}
		return nil
	})
}

// Figure states.
const (
	FigureChecked  = "checked"  // the records still give the stored value
	FigureStale    = "stale"    // the records now give another value
	FigureUntraced = "untraced" // typed by hand, no metric behind it
	FigureMissing  = "missing"  // its metric is no longer in the catalog
)

// FigureStateNames are the states as the editor shows them.
var FigureStateNames = map[string]string{
	FigureChecked:  "已核对",
	FigureStale:    "已过期（数据已变）",
	FigureUntraced: "未溯源（手工输入）",
	FigureMissing:  "指标已删除",
}

// FigureStatus is one figure of a case checked against the records now.
type FigureStatus struct {
	Index   int // in Case.Figures
	Figure  CaseFigure
	Metric  string // the metric's Chinese name; "" when untraced
	State   string
	Current float64 // what the records give now; the stored value when untraced
}

// sameValue compares figures as the metrics compute them: sums are
// rounded to six places, so closer than that is the same figure.
func sameValue(a, b float64) bool { return math.Abs(a-b) < 5e-7 }

// FigureValue is a metric's figure over the years from..to: a year-end
// count (会员数) is the one at the end of the last year; everything else
// (activities, person-times, outcomes, figures entered for each year) adds
// up over the years.
func (s *Store) FigureValue(ctx context.Context, key string, from, to int) (Figure, error) {
	if to < from {
		from, to = to, from
	}
	if from == 0 {
		from = to
	}
	f, _, err := s.Explain(ctx, to, key)
	if err != nil || from == to || strings.HasSuffix(f.Rule, "_at_year_end") {
		return f, err
	}
	total := f.Value
	for y := from; y < to; y++ {
		g, _, err := s.Explain(ctx, y, key)
		if err != nil {
			return f, err
		}
		total += g.Value
		f.Set = f.Set || g.Set
	}
	f.Value = math.Round(total*1e6) / 1e6
	f.Source = fmt.Sprintf("%d—%d年合计", from, to)
	return f, nil
}

// CaseFigureStatus checks each figure of c against the records: the metric
// is computed again for the figure's years and compared with the value
// stored when the figure was written.
func (s *Store) CaseFigureStatus(ctx context.Context, c Case) ([]FigureStatus, error) {
	out := make([]FigureStatus, 0, len(c.Figures))
	for i, f := range c.Figures {
		st := FigureStatus{Index: i, Figure: f, State: FigureUntraced, Current: f.Value}
		if !f.Untraced() {
			from, to := f.YearFrom, f.YearTo
			if to == 0 {
				to = c.Year
			}
			cur, err := s.FigureValue(ctx, f.MetricKey, from, to)
			switch {
			case IsCode(err, CodeNotFound):
				st.State, st.Metric = FigureMissing, f.MetricKey
			case err != nil:
				return nil, err
			default:
				st.Metric, st.Current, st.State = cur.Name, cur.Value, FigureChecked
				if !sameValue(cur.Value, f.Value) {
					st.State = FigureStale
				}
			}
		}
		out = append(out, st)
	}
	return out, nil
}

// SectionText is the text of a case section (lead, practices, results).
func (c *Case) SectionText(section string) *string {
	switch section {
	case SectionLead:
		return &c.Lead
	case SectionPractices:
		return &c.Practices
	case SectionResults:
		return &c.Results
	}
	return nil
}

// RefreshFigure brings figure i up to value: the stored value and its
// phrasing become the new ones, and the old phrasing in the section's text
// is replaced (its first occurrence), so the text says what the records
// say. The new phrasing is the proposed one.
func (c *Case) RefreshFigure(i int, value float64) error {
	if i < 0 || i >= len(c.Figures) {
		return fmt.Errorf("figure %d out of range", i)
	}
	f := &c.Figures[i]
	p, err := Phrase(value, f.Unit)
	if err != nil {
		return err
	}
	if text := c.SectionText(f.Section); text != nil && f.Phrasing != "" {
		*text = strings.Replace(*text, f.Phrasing, p.Proposed, 1)
	}
	f.Value, f.Phrasing = value, p.Proposed
	return nil
}

// Problem codes of CheckCase.
const (
	CodeCaseMissing  = "case.missing"
	CodeCaseTooLong  = "case.too_long"
	CodeCaseTitle    = "case.title"
	CodeCaseFigure   = "case.figure"
	CodeCasePhoto    = "case.photo"
	CodeCaseActivity = "case.activity"
)

// CheckCase lists everything that keeps c from being packaged: what is
// missing, what is over its limit, a title not in the form 单位名称：标题, a
// phone that is not one. Stale, untraced and vanished figures, and photos
// from activities the case does not link, are warnings: the package can be
// written, but someone should look. The error is for a failure to read
// the store, not for a problem of the case.
func (s *Store) CheckCase(ctx context.Context, c Case) (Errors, error) {
	limits, err := s.CaseLimits(ctx)
	if err != nil {
		return nil, err
	}
	cats, err := s.AwardCategories(ctx)
	if err != nil {
		return nil, err
	}
	org, err := s.Organization(ctx)
	if err != nil {
		return nil, err
	}
	var ps Errors
	missing := func(field, what, whatEN string) {
		ps = append(ps, &Error{Code: CodeCaseMissing, Field: field, Msg: what, MsgEN: whatEN, Reason: "missing " + field})
	}
	text := func(field, v string, limit int, reason string) {
		switch n := CountChars(v); {
		case n == 0:
			missing(field, "请填写", "please fill in")
		case n > limit:
			ps = append(ps, &Error{Code: CodeCaseTooLong, Field: field,
				Msg: fmt.Sprintf("共%d字，超出限制%d字（限%d字）", n, n-limit, limit), MsgEN: fmt.Sprintf("%d characters, %d over the limit of %d", n, n-limit, limit),
				Reason: fmt.Sprintf("%s: %d characters, limit %d", reason, n, limit)})
		}
	}
	switch {
	case strings.TrimSpace(c.Category) == "":
		missing("申报类别", "请选择", "please choose")
	case !contains(cats, c.Category):
		ps = append(ps, invalid("申报类别", c.Category, "不是已设置的申报类别", "is not one of the award categories set up", "unknown award category"))
	}
	if c.Level != LevelBest && c.Level != LevelExcellent {
		missing("申报等次", "请选择最佳案例或优秀案例", "please choose Best case or Excellent case")
	}
	ps = append(ps, checkTitle(c.Title, org)...)
	text("案例标题", c.Title, limits.Title, "title")
	text("导语", c.Lead, limits.Lead, "lead")
	text("主要做法", c.Practices, limits.Practices, "practices")
	text("主要成效", c.Results, limits.Results, "results")
	for _, f := range []struct{ name, v string }{
		{"联系人", c.ContactPerson}, {"联系人职务", c.ContactOffice}, {"推荐单位", c.Recommender},
	} {
		if strings.TrimSpace(f.v) == "" {
			missing(f.name, "请填写", "please fill in")
		}
	}
	if strings.TrimSpace(c.ContactPhone) == "" {
		missing("联系电话", "请填写", "please fill in")
	} else if _, err := CheckPhone(c.ContactPhone); err != nil {
		if e, ok := AsError(err); ok {
			ps = append(ps, e)
		} else {
			return nil, err
		}
	}
	text("推荐单位意见", c.RecommenderOpinion, limits.Opinion, "recommender opinion")
	if len(c.ActivityIDs) == 0 {
		ps = append(ps, &Error{Code: CodeCaseActivity, Field: "关联活动", Msg: "请至少关联一项活动，作为案例的依据", MsgEN: "please link at least one activity as the basis of the case",
			Reason: "no linked activity"})
	}
	photoProblems, err := s.checkCasePhotos(ctx, c)
	if err != nil {
		return nil, err
	}
	ps = append(ps, photoProblems...)
	figs, err := s.CaseFigureStatus(ctx, c)
	if err != nil {
		return nil, err
	}
	for _, st := range figs {
		if p := figureProblem(c, st); p != nil {
			ps = append(ps, p)
		}
	}
	return ps, nil
}

// checkTitle wants 单位名称：标题, with the organization's own name in front.
func checkTitle(title string, org Organization) Errors {
	if strings.TrimSpace(title) == "" {
		return nil // reported as missing with the other texts
	}
	name, short, ok := SplitCaseTitle(title)
	switch {
	case !ok:
		return Errors{{Code: CodeCaseTitle, Field: "案例标题", Value: clipValue(title),
			Msg: "应写成“单位名称：标题”", MsgEN: "should read \"Organization name：Title\"", Reason: "title lacks the organization part"}}
	case short == "":
		return Errors{{Code: CodeCaseTitle, Field: "案例标题", Value: clipValue(title),
			Msg: "冒号后缺少标题", MsgEN: "the title after the colon is missing", Reason: "title has no short title"}}
	case name != org.Name && name != org.ShortName && org.Name != "":
		return Errors{{Code: CodeCaseTitle, Field: "案例标题", Value: name, Warning: true,
			Msg: fmt.Sprintf("单位名称与本单位名称“%s”不一致，请核对", org.Name), MsgEN: fmt.Sprintf("the organization name differs from this organization's name \"%s\"; please check", org.Name), Reason: "title names another organization"}}
	}
	return nil
}

// checkCasePhotos wants at least one photo, each still stored and taken at
// an activity the case links.
func (s *Store) checkCasePhotos(ctx context.Context, c Case) (Errors, error) {
	if len(c.Photos) == 0 {
		return Errors{{Code: CodeCasePhoto, Field: "案例照片", Msg: "请至少选择一张活动照片", MsgEN: "please choose at least one activity photo",
			Reason: "no photo chosen"}}, nil
	}
	linked := map[int64]bool{}
	for _, id := range c.ActivityIDs {
		linked[id] = true
	}
	var ps Errors
	for i, p := range c.Photos {
		att, err := s.Attachment(ctx, p.AttachmentID)
		if IsCode(err, CodeNotFound) {
			ps = append(ps, &Error{Code: CodeCasePhoto, Field: fmt.Sprintf("第%d张照片", i+1),
				Msg: "照片已被删除，请重新选择", MsgEN: "the photo was deleted; please choose again", Reason: "chosen photo no longer stored"})
			continue
		}
		if err != nil {
			return nil, err
		}
		if !linked[att.ActivityID] {
			ps = append(ps, &Error{Code: CodeCasePhoto, Field: fmt.Sprintf("第%d张照片", i+1), Value: p.Caption,
				Warning: true, Msg: "所属活动未关联到本案例", MsgEN: "its activity is not linked to this case", Reason: "photo from an activity the case does not link"})
		}
	}
	return ps, nil
}

// figureProblem is the warning a figure's state calls for, or nil.
func figureProblem(c Case, st FigureStatus) *Error {
	f := st.Figure
	field := "数字“" + f.Phrasing + "”"
	if name := SectionNames[f.Section]; name != "" {
		field = name + "中的" + field
	}
	e := &Error{Code: CodeCaseFigure, Field: field, Warning: true}
	switch st.State {
	case FigureStale:
		p, _ := Phrase(st.Current, f.Unit)
		e.Msg = fmt.Sprintf("%s现在的数据为%s，与写入时的%s不同，请更新",
			st.Metric, p.Exact, strconv.FormatFloat(f.Value, 'f', -1, 64)+f.Unit)
		e.MsgEN = fmt.Sprintf("%s is now %s, not %s as written; please update it",
			LabelEN(st.Metric), strconv.FormatFloat(st.Current, 'f', -1, 64)+" "+LabelEN(f.Unit),
			strconv.FormatFloat(f.Value, 'f', -1, 64)+" "+LabelEN(f.Unit))
		e.Reason = fmt.Sprintf("figure %s is stale: %v now, %v stored", f.MetricKey, st.Current, f.Value)
	case FigureUntraced:
		e.Msg, e.MsgEN, e.Reason = "为手工输入，没有对应的记录可供核对", "typed by hand; no records to check it against", "figure typed by hand"
	case FigureMissing:
		e.Msg, e.MsgEN, e.Reason = "引用的指标已不存在", "the metric it cites no longer exists", fmt.Sprintf("metric %s no longer exists", f.MetricKey)
	default:
		if text := c.SectionText(f.Section); text != nil && f.Phrasing != "" && !strings.Contains(*text, f.Phrasing) {
			e.Msg, e.MsgEN, e.Reason = "已不在正文中，可从数字列表中删除", "no longer in the text; it can be removed from the list of figures", "figure phrasing no longer in its section"
			return e
		}
		return nil
	}
	return e
}
