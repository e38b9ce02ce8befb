package pkg

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"chamberdesk/data"
	"chamberdesk/report/xlsx"
)

// DefaultCategories is the award's category order as the program seeds it,
// for a caller without a data file to read the configured order from.
var DefaultCategories = []string{"省级工商联工作", "副省级城市和地市级工商联工作", "区县级工商联工作",
	"综合性商会工作", "行业商会工作", "异地商会工作", "镇街商会工作"}

// Result is what a federation's check of the packages it received found.
type Result struct {
	Good     []Package // in list order: category, then level (最佳 first)
	Problems []Problem
	Checked  int // packages read
}

// Aggregate verifies each package and orders the good ones by category (in
// the order of categories; others after, by name), then level, then unit
// and title. A case sent twice is listed once, and the copy is reported.
// progress, when not nil, is called after each package; a cancelled ctx
// stops the work and reports the packages not checked.
func Aggregate(ctx context.Context, paths []string, categories []string, progress func(done, total int)) Result {
	var r Result
	seen := map[string]string{}
	for i, path := range paths {
		if err := ctx.Err(); err != nil {
			for _, p := range paths[i:] {
				r.Problems = append(r.Problems, Problem{File: filepath.Base(p), Msg: "未检查", Cause: "检查已取消", Reason: err.Error()})
			}
			break
		}
		pk, ps := Verify(path)
		r.Checked++
		switch {
		case len(ps) > 0:
			r.Problems = append(r.Problems, ps...)
		default:
			m := pk.Manifest
			key := fmt.Sprintf("%d\x00%s\x00%s", m.Case.Year, m.Organization.Name, m.Case.Title)
			if first, dup := seen[key]; dup {
				r.Problems = append(r.Problems, Problem{File: pk.Name, Msg: "与 " + first + " 是同一个案例",
					Cause: "同一单位的同一案例只列入一次，请核对是否重复报送", Reason: "duplicate case"})
				break
			}
			seen[key] = pk.Name
			r.Good = append(r.Good, pk)
		}
		if progress != nil {
			progress(i+1, len(paths))
		}
	}
	rank := func(c string) int {
		if i := slices.Index(categories, c); i >= 0 {
			return i
		}
		return len(categories)
	}
	level := func(l string) int {
		switch l {
		case data.LevelBest:
			return 0
		case data.LevelExcellent:
			return 1
		}
		return 2
	}
	slices.SortStableFunc(r.Good, func(a, b Package) int {
		x, y := a.Manifest, b.Manifest
		return cmp.Or(
			cmp.Compare(rank(x.Case.Category), rank(y.Case.Category)),
			strings.Compare(x.Case.Category, y.Case.Category),
			cmp.Compare(level(x.Case.Level), level(y.Case.Level)),
			strings.Compare(x.Organization.Name, y.Organization.Name),
			strings.Compare(x.Case.Title, y.Case.Title))
	})
	return r
}

// Rows are the good cases as rows of the recommendation list.
func (r Result) Rows() []xlsx.RecommendRow {
	out := make([]xlsx.RecommendRow, 0, len(r.Good))
	for _, pk := range r.Good {
		m := pk.Manifest
		out = append(out, xlsx.RecommendRow{
			Unit: m.Organization.Name, UnitType: m.Organization.Type, Title: m.Case.Title, Level: m.Case.Level,
			Region: m.Organization.Region, Recommender: m.Case.Recommender, Contact: m.Case.ContactPerson,
			ContactPhone: m.Case.ContactPhone, Results: m.Case.MainResults, File: pk.Name,
		})
	}
	return out
}

// ProblemRows are the problems as rows of the 问题 sheet.
func (r Result) ProblemRows() []xlsx.ProblemRow {
	out := make([]xlsx.ProblemRow, 0, len(r.Problems))
	for _, p := range r.Problems {
		what := p.Msg
		if p.Entry != "" {
			what = p.Entry + "：" + p.Msg
		}
		out = append(out, xlsx.ProblemRow{File: p.File, Problem: what, Reason: p.Cause})
	}
	return out
}

// Title is the list's title: the federation's name (may be empty) and the
// award year when all good cases share one.
func (r Result) Title(federation string) string {
	year := 0
	for _, pk := range r.Good {
		switch y := pk.Manifest.Case.Year; {
		case year == 0:
			year = y
		case year != y:
			year = -1
		}
	}
	t := "“创新中国”工商联（商会）工作案例推荐汇总表"
	if year > 0 {
		t = fmt.Sprintf("%d年%s", year, t)
	}
	return strings.TrimSpace(federation) + t
}

// WriteList writes the recommendation list and the 问题 sheet.
func (r Result) WriteList(w io.Writer, federation string) error {
	return xlsx.WriteRecommendList(w, r.Title(federation), r.Rows(), r.ProblemRows())
}
