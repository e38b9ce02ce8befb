package ui

import (
	"context"
	"image"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"chamberdesk/assets/fonts"
	"chamberdesk/data"
)

// TestDemoTextCovered checks every character the demo chamber shows against
// the font's character map: no name, company, title or minute may fall back
// to a box.
func TestDemoTextCovered(t *testing.T) {
	f, err := fonts.Chinese()
	if err != nil {
		t.Fatalf("no Chinese font (make test installs fonts-wqy-zenhei): %v", err)
	}
	ctx := context.Background()
	s, err := data.Open(ctx, demoCopy(t), data.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var b strings.Builder
	org, _ := s.Organization(ctx)
	b.WriteString(org.Name + org.Region + org.ParentFederation + org.PartyOrg)
	ms, _ := s.SearchMembers(ctx, "")
	for _, m := range ms {
		b.WriteString(m.Name + m.Company + m.Industry + m.Office + m.Political + m.LeaveReason + m.Notes)
	}
	acts, _ := s.Activities(ctx, 0)
	for _, a := range acts {
		b.WriteString(a.Title + a.Type + a.Place + a.Organizer + a.Partners + a.Content)
	}
	cases, _ := s.Cases(ctx)
	for _, c := range cases {
		c, _ = s.Case(ctx, c.ID)
		b.WriteString(c.Title + c.Lead + c.Practices + c.Results + c.Recommender)
	}
	for _, n := range navItems() {
		b.WriteString(n.title)
	}
	text := b.String()
	for _, r := range "䶮昇喆堃" {
		if !strings.ContainsRune(text, r) {
			t.Errorf("demo data should include the rare name character %c", r)
		}
	}
	if missing := f.Missing(text); missing != "" {
		t.Fatalf("%s has no glyph for %q used in the demo data", f.Name, missing)
	}
}

// TestRareCharactersRender draws rare name characters with the program's
// theme and compares them with a character no font has (drawn as a box):
// each must differ from the box and from each other.
func TestRareCharactersRender(t *testing.T) {
	fa := test.NewTempApp(t)
	th, _, err := newTheme()
	if err != nil {
		t.Fatal(err)
	}
	fa.Settings().SetTheme(th)
	render := func(s string) image.Image {
		w := fa.NewWindow("")
		txt := canvas.NewText(s, nil)
		txt.TextSize = 48
		w.SetContent(txt)
		w.Resize(fyne.NewSize(80, 80))
		img := w.Canvas().Capture()
		w.Close()
		return img
	}
	box := render("\U000F0000") // a private-use character: no glyph anywhere
	seen := map[string]image.Image{}
	for _, r := range []string{"䶮", "昇", "喆", "堃", "直"} {
		img := render(r)
		if sameImage(img, box) {
			t.Errorf("%s renders as a missing-glyph box", r)
		}
		for other, o := range seen {
			if sameImage(img, o) {
				t.Errorf("%s and %s render the same", r, other)
			}
		}
		seen[r] = img
	}
}

func sameImage(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			r1, g1, b1, _ := a.At(x, y).RGBA()
			r2, g2, b2, _ := b.At(x, y).RGBA()
			if r1 != r2 || g1 != g2 || b1 != b2 {
				return false
			}
		}
	}
	return true
}
