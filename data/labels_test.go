package data_test

import (
	"context"
	"strings"
	"testing"
	"unicode"

	"chamberdesk/data"
	"chamberdesk/data/datatest"
)

// TestLabelEN gives every fixed value the data holds an English label with
// no Chinese in it: the lists in data, and the activity types, award
// categories, metrics and units a new data file starts with.
func TestLabelEN(t *testing.T) {
	lists := map[string][]string{
		"Offices":           data.Offices,
		"PoliticalStatuses": data.PoliticalStatuses,
		"OrgTypes":          data.OrgTypes,
		"MetricUnits":       data.MetricUnits,
		"kinds":             {data.KindUnit, data.KindPersonal},
		"statuses":          {data.StatusActive, data.StatusLeft},
		"genders":           {"男", "女"},
		"levels":            {data.LevelBest, data.LevelExcellent},
		"case statuses":     {"草稿", "已定稿"},
		"actions":           {data.ActionAdd, data.ActionUpdate, data.ActionUnchanged, data.ActionSkip},
		"metric kinds":      {data.MetricDerived, data.MetricOutcome, data.MetricManual},
	}
	for _, m := range []map[string]string{data.SectionNames, data.FigureStateNames} {
		for _, v := range m {
			lists["names"] = append(lists["names"], v)
		}
	}
	ctx := context.Background()
	s := datatest.MustOpen(t)
	var err error
	if lists["activity types"], err = s.ActivityTypes(ctx); err != nil {
		t.Fatal(err)
	}
	if lists["award categories"], err = s.AwardCategories(ctx); err != nil {
		t.Fatal(err)
	}
	ms, err := s.Metrics(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		lists["metrics"] = append(lists["metrics"], m.Name, m.Unit)
	}
	for name, vs := range lists {
		if len(vs) == 0 {
			t.Errorf("%s: empty", name)
		}
		for _, v := range vs {
			l := data.LabelEN(v)
			if strings.TrimSpace(l) == "" || strings.IndexFunc(l, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0 {
				t.Errorf("%s: %q has English label %q", name, v, l)
			}
		}
	}
	if got := data.LabelEN("企业走访"); got != "企业走访" {
		t.Errorf("a chamber's own type became %q", got)
	}
}
