package pdf

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chamberdesk/assets/fonts"
	"chamberdesk/data"

	"chamberdesk/data/datatest"
)

// demoActivity picks a demo activity with attendees, outcomes and photos.
func demoActivity(tb testing.TB) ActivityDoc {
	tb.Helper()
	ctx := context.Background()
	acts, err := demoStore.Activities(ctx, 2026)
	if err != nil {
		tb.Fatal(err)
	}
	counts, err := demoStore.PhotoCounts(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	for _, a := range acts {
		if len(a.Attendees) > 5 && len(a.Outcomes) > 0 && counts[a.ID] >= 2 && a.OutsideCount > 0 {
			d, err := LoadActivity(ctx, demoStore, a.ID)
			if err != nil {
				tb.Fatal(err)
			}
			return d
		}
	}
	tb.Fatal("no demo activity with attendees, outcomes and photos")
	return ActivityDoc{}
}

func TestActivity(t *testing.T) {
	ad := demoActivity(t)
	p := render(t, "activity.pdf", func(w io.Writer) error { return WriteActivity(w, ad) })
	if n := pdfPages(t, p); n != 1 {
		t.Errorf("a normal demo activity takes %d pages, want 1", n)
	}
	checkFonts(t, p)
	text := strings.Join(pdfText(t, p), "")
	a := ad.Activity
	mustContain(t, "activity summary", text, ad.Org.Name, a.Title, a.Type, data.FormatDateCN(a.Date), a.Place,
		personTimes(a), ad.Members[0].Name, ad.Members[len(ad.Members)-1].Name, "第 1 页 共 1 页")
	for _, o := range a.Outcomes {
		mustContain(t, "activity summary", text, outcome(o, ad.Metrics))
	}
	keep(t, p)
}

// fourPhotos gives ad four photos, borrowing demo photos of other activities.
func fourPhotos(tb testing.TB, ad ActivityDoc) ActivityDoc {
	tb.Helper()
	ctx := context.Background()
	acts, err := demoStore.Activities(ctx, 2025)
	if err != nil {
		tb.Fatal(err)
	}
	ps := append([]Photo(nil), ad.Photos...)
	for _, a := range acts {
		more, err := photosOf(ctx, demoStore, a.ID)
		if err != nil {
			tb.Fatal(err)
		}
		ps = append(ps, more...)
		if len(ps) >= 4 {
			break
		}
	}
	ad.Photos = ps[:4]
	return ad
}

func TestActivityFourPhotos(t *testing.T) {
	ad := fourPhotos(t, demoActivity(t))
	p := render(t, "activity4.pdf", func(w io.Writer) error { return WriteActivity(w, ad) })
	if n := pdfPages(t, p); n != 1 {
		t.Errorf("an activity with four photos takes %d pages, want 1", n)
	}
	text := strings.Join(pdfText(t, p), "")
	for _, ph := range ad.Photos {
		mustContain(t, "captions", text, ph.Caption)
	}
	if out := poppler(t, "pdfimages", "-list", p); strings.Count(out, "jpeg") != 4 {
		t.Errorf("want 4 JPEG images:\n%s", out)
	}
	if fi, err := os.Stat(p); err != nil || fi.Size() > 2<<20 {
		t.Errorf("page with four photos: %v, %d bytes (want under 2 MB)", err, fi.Size())
	}
	keep(t, p)
}

// longContent is minutes long enough to run over the first page.
func longContent() string {
	var b strings.Builder
	for i := range 14 {
		fmt.Fprintf(&b, "第%d项：会议听取了各专业委员会的工作汇报，围绕会员企业用工、融资、市场拓展等方面的困难逐一讨论，"+
			"明确由秘书处牵头对接镇政府相关部门，限期答复并在下次会议上通报办理结果（责任人：秘书处）。\n\n", i+1)
	}
	return b.String()
}

func TestActivityLongContent(t *testing.T) {
	ad := fourPhotos(t, demoActivity(t))
	ad.Activity.Content = longContent()
	p := render(t, "long.pdf", func(w io.Writer) error { return WriteActivity(w, ad) })
	if n := pdfPages(t, p); n != 2 {
		t.Fatalf("an activity with long minutes takes %d pages, want 2", n)
	}
	pages := pdfText(t, p)
	mustContain(t, "page 1", pages[0], "第 1 页 共 2 页", "第1项")
	mustContain(t, "page 2", pages[1], "第 2 页 共 2 页", "第14项", "活动图片", ad.Photos[3].Caption)
	if strings.Contains(squeeze(pages[0]), "活动图片") {
		t.Error("photos printed before the end of the text")
	}
	// Every paragraph arrives whole, however the lines and pages broke.
	all := squeeze(strings.Join(pages, ""))
	for _, para := range splitParagraphs(ad.Activity.Content) {
		if !strings.Contains(all, squeeze(para)) {
			t.Errorf("paragraph lost or cut: %q", para)
		}
	}
	keep(t, p)
}

func TestActivityMissingPhotos(t *testing.T) {
	ad := demoActivity(t)
	bad := filepath.Join(datatest.TempDir(t), "broken.jpg")
	if err := os.WriteFile(bad, []byte("\xff\xd8\xff\xe0 not really a photo"), 0o644); err != nil {
		t.Fatal(err)
	}
	ad.Photos = []Photo{
		{Path: filepath.Join(datatest.TempDir(t), "gone.jpg"), Caption: "文件已删除"},
		{Path: bad, Caption: "文件已损坏"},
		ad.Photos[0],
	}
	p := render(t, "missing.pdf", func(w io.Writer) error { return WriteActivity(w, ad) })
	text := strings.Join(pdfText(t, p), "")
	mustContain(t, "missing photos", text, "文件已删除", "文件已损坏", ad.Photos[2].Caption)
	if n := strings.Count(squeeze(text), "图片缺失"); n != 2 {
		t.Errorf("%d photos marked 图片缺失, want 2", n)
	}
	if out := poppler(t, "pdfimages", "-list", p); strings.Count(out, "jpeg") != 1 {
		t.Errorf("want the one good photo embedded:\n%s", out)
	}
	keep(t, p)
}

func TestLoadActivityNotFound(t *testing.T) {
	_, err := LoadActivity(context.Background(), demoStore, 999999)
	if !data.IsCode(err, data.CodeNotFound) {
		t.Fatalf("unknown activity: %v", err)
	}
}

func TestNoFont(t *testing.T) {
	saved := chineseFont
	chineseFont = func() (*fonts.Font, error) { return nil, fonts.ErrNotFound }
	defer func() { chineseFont = saved }()
	ad := demoActivity(t)
	var buf bytes.Buffer
	err := WriteActivity(&buf, ad)
	e, ok := data.AsError(err)
	if !ok || e.Code != CodeNoFont || !strings.Contains(e.Message(), "中文字体") || e.Reason == "" {
		t.Fatalf("without a font: %v", err)
	}
	if buf.Len() > 0 {
		t.Errorf("%d bytes written without a font", buf.Len())
	}
}
