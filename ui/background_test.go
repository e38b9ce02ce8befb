package ui

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"chamberdesk/data"
	"chamberdesk/report/pkg"
)

// These tests run the long work of the screens on goroutines of its own,
// as the program does, while the test's goroutine plays the UI thread
// (threadApp). Each first checks what shows while the work is under way —
// results reach the window only through fyne.Do, so none may show before
// the test lets the UI thread run — then waits for the result on screen,
// in the database or on disk.

// photoFrames are the thumbnail images drawn under o.
func photoFrames(o fyne.CanvasObject) []*canvas.Image {
	var out []*canvas.Image
	walk(o, func(c fyne.CanvasObject) {
		if img, ok := c.(*canvas.Image); ok && img.MinSize() == photoTileSize {
			out = append(out, img)
		}
	})
	return out
}

// TestBackgroundThumbnails: selecting an activity shows its photos' tiles
// at once and fills them as each photo is decoded in the background.
func TestBackgroundThumbnails(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	ta := threadOf(t, a)
	s := openActivities(t, a)
	s.year.SetSelected(activityAllYears)
	a.wait()
	// One not shown yet: a shown one's thumbnails come from the cache.
	row := slices.IndexFunc(s.rows, func(x *data.Activity) bool { return s.photoN[x.ID] >= 2 && x.ID != s.selected })
	if row < 0 {
		t.Fatal("no other demo activity with two photos or more")
	}
	started := ta.backgroundStarted()
	s.selectRow(row)
	frames := photoFrames(s.detail)
	if len(frames) != s.photoN[s.selected] {
		t.Fatalf("%d photo tiles for %d photos", len(frames), s.photoN[s.selected])
	}
	if ta.backgroundStarted() == started {
		t.Fatal("no thumbnail was decoded in the background")
	}
	for i, img := range frames {
		if img.Image != nil {
			t.Fatalf("tile %d has its thumbnail before the UI thread ran: it was set off the UI thread", i)
		}
	}
	if !strings.Contains(texts(s.detail), "正在载入") {
		t.Error("the tiles do not say they are loading")
	}

	ta.waitFor(t, "every tile showing its thumbnail", func() bool {
		return !slices.ContainsFunc(frames, func(img *canvas.Image) bool { return img.Image == nil })
	})
	for i, img := range frames {
		if b := img.Image.Bounds(); max(b.Dx(), b.Dy()) != photoThumbSide {
			t.Errorf("tile %d shows a %v image, want a thumbnail of %d pixels", i, b, photoThumbSide)
		}
	}
	if strings.Contains(texts(s.detail), "正在载入") {
		t.Error("a tile still says it is loading")
	}
}

// TestBackgroundImportPreview: a roster is read and dry-run in the
// background behind a progress dialog; the preview then shows the counts
// with nothing written, and 导入 writes the members in the background.
func TestBackgroundImportPreview(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	ta := threadOf(t, a)
	before := memberCount(t, a)
	path := writeRosterBook(t, []string{"会员"}, [][]any{
		{"姓名", "企业名称", "联系电话"},
		{"后台甲", "后台甲有限公司", "13912340101"},
		{"后台乙", "后台乙有限公司", "13912340102"},
	})
	d := importFile(a, path, nil)
	if !strings.Contains(topTexts(a), "正在读取名册") {
		t.Fatalf("no progress dialog while the roster is read; on top: %q", topTexts(a))
	}
	if d.importBtn != nil {
		t.Fatal("the preview showed before the UI thread ran")
	}

	ta.waitFor(t, "the import preview", func() bool { return d.importBtn != nil || d.problems != nil })
	if d.problems != nil {
		t.Fatalf("problems in a good roster: %v", d.problems)
	}
	if got, want := d.counts.Text, importCounts(data.ImportReport{Added: 2}); got != want {
		t.Errorf("preview says %q, want %q", got, want)
	}
	if n := d.table.Length(); n != 2 {
		t.Errorf("preview lists %d rows, want 2", n)
	}
	if !onTop(a, d.table) {
		t.Error("the preview is not the dialog on display")
	}
	if memberCount(t, a) != before {
		t.Fatal("the preview wrote to the database")
	}

	test.Tap(d.importBtn)
	ta.waitFor(t, "both members in the database", func() bool {
		return found(t, a, "后台甲") && found(t, a, "后台乙")
	})
	ta.waitFor(t, "the message that the import is done", func() bool { return strings.Contains(topTexts(a), "已导入名册") })
	if n := memberCount(t, a); n != before+2 {
		t.Errorf("%d members after the import, want %d", n, before+2)
	}
}

// TestBackgroundPackage: 生成申报材料包 writes the package in the
// background, showing each step, and says where it went; the zip passes
// the same check the aggregate screen applies.
func TestBackgroundPackage(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	ta := threadOf(t, a)
	s := openCases(t, a)
	f := openDemoCase(t, a, s)
	dir := t.TempDir()
	f.pickDir = func(use func(string)) { use(dir) }
	test.Tap(f.packageBtn)
	if b := buttonNamed(topOverlay(a), "仍要生成"); b != nil { // the demo case is a draft with problems
		test.Tap(b)
	}
	if !strings.Contains(topTexts(a), "正在准备") {
		t.Fatalf("no progress dialog while the package is written; on top: %q", topTexts(a))
	}
	if f.lastPackage != "" {
		t.Fatal("the package was reported before the UI thread ran")
	}

	var zip string
	ta.waitFor(t, "the package in the folder", func() bool {
		m, _ := filepath.Glob(filepath.Join(dir, "*.zip"))
		if len(m) == 1 {
			zip = m[0]
		}
		return zip != ""
	})
	ta.waitFor(t, "the message where the package went", func() bool { return strings.Contains(topTexts(a), "材料包已保存到") })
	if f.lastPackage != zip {
		t.Errorf("the editor reports %q, the folder holds %q", f.lastPackage, zip)
	}
	pk, problems := pkg.Verify(zip)
	if len(problems) > 0 {
		t.Fatalf("the written package fails its check: %v", problems)
	}
	c, err := a.store().Case(a.ctx(), f.c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if pk.Manifest == nil || pk.Manifest.Case.Title != c.Title || pk.Manifest.Case.Year != c.Year {
		t.Errorf("package %q is not of the case %q (%d): manifest %+v", pk.Name, c.Title, c.Year, pk.Manifest)
	}
}

// TestBackgroundBackups: 立即备份 and 文件 → 备份… copy the open file in the
// background; the list and a message follow, and each copy opens as a
// whole database.
func TestBackgroundBackups(t *testing.T) {
	ctx := context.Background()
	path := demoCopy(t)
	a := newTestApp(t, path)
	ta := threadOf(t, a)
	a.show("settings")
	b := a.screens["settings"].(*settingsScreen).backups
	listed := len(b.items)

	test.Tap(b.nowBtn)
	if !strings.Contains(topTexts(a), "正在备份") {
		t.Fatalf("no progress dialog while backing up; on top: %q", topTexts(a))
	}
	if len(b.items) != listed {
		t.Fatal("the list changed before the UI thread ran")
	}
	ta.waitFor(t, "a new backup on disk", func() bool {
		list, err := data.ListBackups(path)
		return err == nil && len(list) == listed+1
	})
	ta.waitFor(t, "the new backup listed", func() bool { return len(b.items) == listed+1 })
	ta.waitFor(t, "the message that the backup is done", func() bool { return strings.Contains(topTexts(a), "已备份并校验") })
	if b.items[0].Reason != data.ReasonManual {
		t.Errorf("newest backup %+v, want the manual one", b.items[0])
	}
	if err := data.VerifyFile(ctx, b.items[0].Path); err != nil {
		t.Fatalf("the backup does not open as a database: %v", err)
	}

	dst := filepath.Join(t.TempDir(), "拷贝.db")
	a.backupTo(dst)
	ta.waitFor(t, "the copy on disk", func() bool {
		fi, err := os.Stat(dst)
		return err == nil && fi.Size() > 0
	})
	ta.waitFor(t, "the message where the copy went", func() bool { return strings.Contains(topTexts(a), "已备份到") })
	if err := data.VerifyFile(ctx, dst); err != nil {
		t.Fatalf("the copy does not open as a database: %v", err)
	}
}
