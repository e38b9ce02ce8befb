package ui

import (
	"image/color"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"chamberdesk/data"
)

func TestRecentFiles(t *testing.T) {
	p := test.NewTempApp(t).Preferences()
	dir := t.TempDir()
	var files []string
	for i := range 7 {
		f := filepath.Join(dir, string(rune('a'+i))+".db")
		if err := os.WriteFile(f, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
		rememberFile(p, f)
	}
	// Newest first, five kept.
	want := []string{files[6], files[5], files[4], files[3], files[2]}
	if got := recentFiles(p); !slices.Equal(got, want) {
		t.Fatalf("recent %v, want %v", got, want)
	}
	// Opening one again moves it to the front without a duplicate.
	rememberFile(p, files[3])
	want = []string{files[3], files[6], files[5], files[4], files[2]}
	if got := recentFiles(p); !slices.Equal(got, want) {
		t.Fatalf("after reopening: %v, want %v", got, want)
	}
	// A file deleted since is dropped, from the preference too.
	if err := os.Remove(files[6]); err != nil {
		t.Fatal(err)
	}
	want = []string{files[3], files[5], files[4], files[2]}
	if got := recentFiles(p); !slices.Equal(got, want) {
		t.Fatalf("after deleting: %v, want %v", got, want)
	}
	if got := p.StringList(prefRecent); !slices.Equal(got, want) {
		t.Fatalf("preference still %v", got)
	}
}

// TestRecentMenu opens two files in turn: the menu offers the other one,
// and choosing it switches the window to it.
func TestRecentMenu(t *testing.T) {
	first, second := demoCopy(t), demoCopy(t)
	a := newTestApp(t, first)
	a.openOther(second)
	if a.store().Path() != second {
		t.Fatalf("open %q", a.store().Path())
	}
	item := recentItem(t, a)
	if len(item.ChildMenu.Items) != 1 || item.ChildMenu.Items[0].Label != first {
		t.Fatalf("recent menu %v", labels(item.ChildMenu.Items))
	}
	item.ChildMenu.Items[0].Action()
	if a.store().Path() != first {
		t.Fatalf("after choosing the recent file: %q", a.store().Path())
	}
	if got := labels(recentItem(t, a).ChildMenu.Items); !slices.Equal(got, []string{second}) {
		t.Fatalf("recent menu now %v", got)
	}
}

func recentItem(t *testing.T, a *App) *fyne.MenuItem {
	t.Helper()
	for _, it := range a.win.MainMenu().Items[0].Items {
		if it.Label == "打开最近的数据文件" {
			return it
		}
	}
	t.Fatal("文件 menu has no 打开最近的数据文件")
	return nil
}

func labels(items []*fyne.MenuItem) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Label)
	}
	return out
}

// TestDropRoster drops a roster on the window: the import preview opens,
// nothing is written until 导入 is tapped, then the members are there.
func TestDropRoster(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	a.show("members")
	before := memberCount(t, a)
	path := writeRosterBook(t, []string{"会员"}, [][]any{
		{"姓名", "企业名称", "联系电话"},
		{"拖入测试", "拖入测试有限公司", "13912340011"},
	})
	d := a.dropped([]fyne.URI{storage.NewFileURI(filepath.Join(t.TempDir(), "notes.txt")), storage.NewFileURI(path)})
	if d == nil {
		t.Fatal("dropping a roster opened no import")
	}
	a.wait()
	if d.importBtn == nil || !onTop(a, d.importBtn) {
		t.Fatal("no import preview on display")
	}
	if memberCount(t, a) != before {
		t.Fatal("dropping wrote before confirming")
	}
	test.Tap(d.importBtn)
	a.wait()
	if memberCount(t, a) != before+1 || !found(t, a, "拖入测试") {
		t.Fatalf("members after the dropped import: %d (was %d)", memberCount(t, a), before)
	}
	ms := a.screens["members"].(*membersScreen)
	if !slices.ContainsFunc(ms.rows, func(m *data.Member) bool { return m.Name == "拖入测试" }) {
		t.Fatal("the members screen was not refreshed")
	}
}

func TestDropOther(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	before := memberCount(t, a)
	txt := filepath.Join(t.TempDir(), "名单.csv")
	if err := os.WriteFile(txt, []byte("姓名\n张三\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	a.onDropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(txt)})
	if topOverlay(a) == nil {
		t.Fatal("dropping a .csv said nothing")
	}
	if memberCount(t, a) != before {
		t.Fatal("dropping a .csv changed the members")
	}
}

// fixedVariant is the program's theme seen as if the system asked for v.
type fixedVariant struct {
	fyne.Theme
	v fyne.ThemeVariant
}

func (f fixedVariant) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return f.Theme.Color(n, f.v)
}

// TestThemeVariants renders the home screen under the system's light and
// dark variants: the program's theme passes the variant through, so the
// background follows the system.
func TestThemeVariants(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	th := a.fyne.Settings().Theme()
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		want := theme.DefaultTheme().Color(theme.ColorNameBackground, v)
		if got := th.Color(theme.ColorNameBackground, v); !sameColor(got, want) {
			t.Fatalf("variant %d: background %v, want %v", v, got, want)
		}
		a.fyne.Settings().SetTheme(fixedVariant{th, v})
		a.show("home")
		img := a.win.Canvas().Capture()
		if blank(img) {
			t.Fatalf("variant %d: home screen blank", v)
		}
		b := img.Bounds()
		if got := img.At(b.Max.X-3, b.Max.Y-3); !sameColor(got, want) {
			t.Errorf("variant %d: corner pixel %v, want the background %v", v, got, want)
		}
	}
	a.fyne.Settings().SetTheme(th)
}

func sameColor(a, b color.Color) bool {
	r1, g1, b1, a1 := a.RGBA()
	r2, g2, b2, a2 := b.RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
}

// TestWindowSizeRemembered closes a window of a new size; the next window
// opens at that size.
func TestWindowSizeRemembered(t *testing.T) {
	fa := newThreadApp(t)
	path := demoCopy(t)
	a := New(fa, Options{DBPath: path})
	a.win.Resize(fyne.NewSize(1010, 690))
	fa.settle(t)
	a.Close()
	if w, h := fa.Preferences().Float(prefWidth), fa.Preferences().Float(prefHeight); w != 1010 || h != 690 {
		t.Fatalf("saved %vx%v", w, h)
	}
	b := New(fa, Options{DBPath: path})
	defer b.Close()
	defer fa.settle(t)
	if sz := b.win.Canvas().Size(); sz.Width != 1010 || sz.Height != 690 {
		t.Fatalf("reopened at %v", sz)
	}
}
