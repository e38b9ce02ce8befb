package pdf

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"

	"chamberdesk/assets/fonts"
	"chamberdesk/data"
	"chamberdesk/data/demo"
)

// rareChars are the uncommon name characters of the demo roster; 䶮 lies
// in CJK Extension A, which many fonts lack.
const rareChars = "䶮昇喆堃淼犇燚"

func TestLedger(t *testing.T) {
	ld, err := LoadLedger(context.Background(), demoStore, demo.LastYear)
	if err != nil {
		t.Fatal(err)
	}
	p := render(t, "ledger.pdf", func(w io.Writer) error { return WriteLedger(w, ld) })
	checkFonts(t, p)
	n := pdfPages(t, p)
	if n < 2 {
		t.Fatalf("the demo year's ledger takes %d page(s); the test wants one running over pages", n)
	}
	pages := pdfText(t, p)
	if len(pages) != n {
		t.Fatalf("pdftotext found %d pages, pdfinfo %d", len(pages), n)
	}
	for i, page := range pages {
		mustContain(t, fmt.Sprintf("page %d", i+1), page, "序号", "活动名称", "参与人次", "图片数",
			fmt.Sprintf("第 %d 页 共 %d 页", i+1, n))
	}
	all := strings.Join(pages, "")
	mustContain(t, "ledger", all, fmt.Sprintf("%s%d年度活动台账", ld.Org.Name, ld.Year))
	people, photos := 0, 0
	for _, a := range ld.Activities {
		mustContain(t, "ledger", all, a.Title, dateRange(a))
		people += a.PersonTimes()
		photos += ld.Photos[a.ID]
	}
	mustContain(t, "ledger", pages[n-1], fmt.Sprintf("合计：共 %d 场活动", len(ld.Activities)))
	// The totals row holds the year's person-times and photos.
	last := pages[n-1][strings.Index(pages[n-1], "合计"):]
	mustContain(t, "totals row", last, fmt.Sprint(people), fmt.Sprint(photos))
	keep(t, p)
}

func TestSignin(t *testing.T) {
	ctx := context.Background()
	ad := demoActivity(t)
	sd, err := LoadSignin(ctx, demoStore, ad.Activity.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(sd.Expected) != len(ad.Activity.Attendees) {
		t.Fatalf("%d expected, the activity has %d attendees", len(sd.Expected), len(ad.Activity.Attendees))
	}
	p := render(t, "signin.pdf", func(w io.Writer) error { return WriteSignin(w, sd) })
	checkFonts(t, p)
	text := strings.Join(pdfText(t, p), "")
	mustContain(t, "sign-in sheet", text, ad.Activity.Title, "签到表", data.FormatDateCN(ad.Activity.Date),
		ad.Activity.Place, "签名", fmt.Sprint(len(sd.Expected)+walkIns))
	for _, m := range sd.Expected {
		mustContain(t, "sign-in sheet", text, m.Name)
		if m.Phone != "" && strings.Contains(squeeze(text), m.Phone[len(m.Phone)-4:]) {
			t.Errorf("the sheet shows part of %s's phone", m.Name)
		}
	}
	keep(t, p)

	t.Run("NoAttendees", func(t *testing.T) {
		sd := sd
		sd.Activity.Attendees = nil
		members, err := demoStore.Members(ctx)
		if err != nil {
			t.Fatal(err)
		}
		sd.Expected = nil
		for _, m := range members {
			if m.Status == data.StatusActive {
				sd.Expected = append(sd.Expected, m)
			}
		}
		p := render(t, "signin-all.pdf", func(w io.Writer) error { return WriteSignin(w, sd) })
		pages := pdfText(t, p)
		if len(pages) < 3 {
			t.Fatalf("%d members on %d pages", len(sd.Expected), len(pages))
		}
		for i, page := range pages {
			mustContain(t, fmt.Sprintf("page %d", i+1), page, "序号", "姓名", "签名",
				fmt.Sprintf("第 %d 页 共 %d 页", i+1, len(pages)))
		}
		mustContain(t, "sign-in sheet", strings.Join(pages, ""), sd.Expected[len(sd.Expected)-1].Name)
		// The rare characters of the demo's names come out as themselves.
		f, err := fonts.Chinese()
		if err != nil {
			t.Fatal(err)
		}
		// □ stands in for what fpdf cannot print (see printable).
		if m := f.Missing(rareChars + "□"); m != "" {
			t.Fatalf("the font lacks %q", m)
		}
		rare := 0
		for _, m := range sd.Expected {
			if strings.ContainsAny(m.Name, rareChars) {
				rare++
				mustContain(t, "sign-in sheet", strings.Join(pages, ""), m.Name)
			}
		}
		if rare < 5 {
			t.Errorf("only %d active demo members with rare characters", rare)
		}
	})
}

// demoCase is the demo's draft award case with the photos of the
// activities behind it.
func demoCase(tb testing.TB) CaseDoc {
	tb.Helper()
	ctx := context.Background()
	cs, err := demoStore.Cases(ctx)
	if err != nil || len(cs) == 0 {
		tb.Fatalf("demo cases: %v (%d)", err, len(cs))
	}
	c, err := demoStore.Case(ctx, cs[0].ID)
	if err != nil {
		tb.Fatal(err)
	}
	org, err := demoStore.Organization(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	doc := CaseDoc{Org: org, Case: c}
	for _, id := range c.ActivityIDs {
		ps, err := photosOf(ctx, demoStore, id)
		if err != nil {
			tb.Fatal(err)
		}
		if len(ps) > 0 {
			doc.Photos = append(doc.Photos, ps[0])
		}
	}
	return doc
}

func TestCase(t *testing.T) {
	doc := demoCase(t)
	p := render(t, "case.pdf", func(w io.Writer) error { return WriteCase(w, doc) })
	checkFonts(t, p)
	pages := pdfText(t, p)
	all := strings.Join(pages, "")
	c := doc.Case
	mustContain(t, "case", all, "申报书", doc.Org.Name, c.Title, c.Level, c.Category, c.ContactPerson,
		c.ContactPhone, "导语", "主要做法", "主要成效", "推荐单位意见", fmt.Sprintf("第 1 页 共 %d 页", len(pages)))
	for _, part := range []string{c.Lead, c.Practices, c.Results} {
		// Paragraph by paragraph: pdftotext puts line breaks where the layout did.
		for _, para := range splitParagraphs(part) {
			mustContain(t, "case", all, para)
		}
	}
	for _, ph := range doc.Photos {
		mustContain(t, "case", all, ph.Caption)
	}
	keep(t, p)
}

// TestEmpty prints documents with nothing in them: a new chamber's first
// activity, an empty year, a case just started.
func TestEmpty(t *testing.T) {
	a := data.Activity{Title: "第一次活动", Type: "其他"}
	for name, write := range map[string]func(io.Writer) error{
		"activity": func(w io.Writer) error { return WriteActivity(w, ActivityDoc{Activity: a}) },
		"ledger":   func(w io.Writer) error { return WriteLedger(w, LedgerDoc{Year: 2026}) },
		"signin":   func(w io.Writer) error { return WriteSignin(w, SigninDoc{Activity: a}) },
		"case":     func(w io.Writer) error { return WriteCase(w, CaseDoc{}) },
	} {
		t.Run(name, func(t *testing.T) {
			p := render(t, name+".pdf", write)
			if n := pdfPages(t, p); n != 1 {
				t.Errorf("%d pages", n)
			}
			mustContain(t, name, strings.Join(pdfText(t, p), ""), "第 1 页 共 1 页")
		})
	}
}
