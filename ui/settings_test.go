package ui

import (
	"context"
	"slices"
	"strconv"
	"testing"

	"fyne.io/fyne/v2/test"

	"chamberdesk/data"
)

// TestSettingsLists drives both configurable lists the same way: add a
// name, fail to remove one in use (with a message), remove the new one.
func TestSettingsLists(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	a.show("settings")
	s := a.screens["settings"].(*settingsScreen)
	ctx := context.Background()
	for _, tc := range []struct {
		list        *nameList
		added, used string
		stored      func() []string
	}{
		{s.types, "企业走访", "培训办班", func() []string { v, _ := a.store().ActivityTypes(ctx); return v }},
		{s.categories, "园区商会工作", "镇街商会工作", func() []string { v, _ := a.store().AwardCategories(ctx); return v }},
	} {
		l := tc.list
		test.Type(l.entry, tc.added)
		test.Tap(l.addBtn)
		if !slices.Contains(tc.stored(), tc.added) || !slices.Contains(l.names, tc.added) {
			t.Fatalf("%s not added: %v", tc.added, tc.stored())
		}
		last := topOverlay(a)
		l.list.Select(slices.Index(l.names, tc.used))
		test.Tap(l.delBtn)
		if !slices.Contains(tc.stored(), tc.used) || topOverlay(a) == last {
			t.Fatalf("%s, in use, was removed without a message", tc.used)
		}
		l.list.Select(slices.Index(l.names, tc.added))
		test.Tap(l.delBtn)
		if slices.Contains(tc.stored(), tc.added) {
			t.Fatalf("unused %s not removed", tc.added)
		}
	}
}

// TestSettingsCaseLimits: the limits typed in 设置 are the ones the store
// (and so the case editor and the check) uses; a bad value saves nothing.
func TestSettingsCaseLimits(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	a.show("settings")
	s := a.screens["settings"].(*settingsScreen)
	ctx := context.Background()
	if s.limits.lead.Text != strconv.Itoa(data.DefaultCaseLimits.Lead) {
		t.Fatalf("lead limit shows %q", s.limits.lead.Text)
	}
	s.limits.lead.SetText("")
	test.Type(s.limits.lead, "500")
	test.Tap(s.limits.saveBtn)
	if l, err := a.store().CaseLimits(ctx); err != nil || l.Lead != 500 || l.Results != data.DefaultCaseLimits.Results {
		t.Fatalf("stored %+v %v", l, err)
	}
	s.limits.results.SetText("很多")
	test.Tap(s.limits.saveBtn)
	if l, _ := a.store().CaseLimits(ctx); l.Results != data.DefaultCaseLimits.Results || l.Lead != 500 {
		t.Fatalf("a bad value changed the limits: %+v", l)
	}
}

func TestSettingsSavesProfile(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	a.show("settings")
	s := a.screens["settings"].(*settingsScreen)
	s.party.SetText("")
	test.Type(s.party, "青禾镇商会联合党支部")
	test.Tap(s.saveBtn)
	org, err := a.store().Organization(context.Background())
	if err != nil || org.PartyOrg != "青禾镇商会联合党支部" {
		t.Fatalf("stored %q %v", org.PartyOrg, err)
	}
}
