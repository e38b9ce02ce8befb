package ui

import (
	"context"
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestSettingsActivityTypes(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	a.show("settings")
	s := a.screens["settings"].(*settingsScreen)
	test.Type(s.newType, "企业走访")
	test.Tap(s.addTypeBtn)
	types, _ := a.store.ActivityTypes(context.Background())
	if !slices.Contains(types, "企业走访") || !slices.Contains(s.typeNames, "企业走访") {
		t.Fatalf("type not added: %v", types)
	}
	// A type the demo uses cannot go.
	s.types.Select(slices.Index(s.typeNames, "培训办班"))
	test.Tap(s.delTypeBtn)
	if types, _ := a.store.ActivityTypes(context.Background()); !slices.Contains(types, "培训办班") || a.Dialog() == nil {
		t.Fatal("a type in use was removed without a message")
	}
	s.types.Select(slices.Index(s.typeNames, "企业走访"))
	test.Tap(s.delTypeBtn)
	if types, _ := a.store.ActivityTypes(context.Background()); slices.Contains(types, "企业走访") {
		t.Fatal("unused type not removed")
	}
}

func TestSettingsSavesProfile(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	a.show("settings")
	s := a.screens["settings"].(*settingsScreen)
	s.party.SetText("")
	test.Type(s.party, "青禾镇商会联合党支部")
	test.Tap(s.saveBtn)
	org, err := a.store.Organization(context.Background())
	if err != nil || org.PartyOrg != "青禾镇商会联合党支部" {
		t.Fatalf("stored %q %v", org.PartyOrg, err)
	}
}
