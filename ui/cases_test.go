package ui

import (
	"image"
	"os/exec"
	"strings"
	"testing"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"chamberdesk/data/datatest"
)

// openCases shows the 案例申报 screen and returns it.
func openCases(t *testing.T, a *App) *casesScreen {
	t.Helper()
	return openScreen[*casesScreen](t, a, "cases")
}

// openDemoCase opens the demo case in the editor, as a double check of the
// list: select its row, then 编辑.
func openDemoCase(t *testing.T, a *App, s *casesScreen) *caseForm {
	t.Helper()
	if len(s.cases) != 1 {
		t.Fatalf("%d cases listed, want the demo's 1", len(s.cases))
	}
	s.list.Select(0)
	test.Tap(s.editBtn)
	if s.form == nil || s.form.closed {
		t.Fatal("编辑 did not open the editor")
	}
	a.wait()
	return s.form
}

// sqlite3Query asks the sqlite3 program, which knows nothing of our code.
func sqlite3Query(t *testing.T, path, q string) string {
	t.Helper()
	bin := datatest.NeedTool(t, "sqlite3", "sqlite3")
	out, err := exec.Command(bin, "-readonly", path, q).CombinedOutput()
	if err != nil {
		t.Fatalf("sqlite3: %v\n%s", err, out)
	}
	return strings.TrimSpace(string(out))
}

// TestCaseDelete asks first and removes the case only.
func TestCaseDelete(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	s := openCases(t, a)
	s.list.Select(0)
	n := func(table string) int {
		var k int
		_ = a.store().DB().QueryRow("SELECT count(*) FROM " + table).Scan(&k)
		return k
	}
	acts := n("activities")
	test.Tap(s.deleteBtn)
	if !strings.Contains(topTexts(a), "确定删除") || buttonNamed(a.win.Canvas().Overlays().Top(), "取消") == nil {
		t.Fatalf("no confirmation: %q", topTexts(a))
	}
	test.Tap(buttonNamed(a.win.Canvas().Overlays().Top(), "取消"))
	if n("cases") != 1 {
		t.Fatal("取消 deleted the case")
	}
	test.Tap(s.deleteBtn)
	test.Tap(buttonNamed(a.win.Canvas().Overlays().Top(), "删除"))
	if n("cases") != 0 || n("case_figures") != 0 || n("activities") != acts || len(s.cases) != 0 {
		t.Fatalf("after 删除: %d cases, %d figures, %d activities", n("cases"), n("case_figures"), n("activities"))
	}
}

// caseEditorShots renders the editor on the demo case: its text page and
// its figure check, by file name.
func caseEditorShots(t *testing.T, a *App) map[string]image.Image {
	t.Helper()
	s := openCases(t, a)
	f := openDemoCase(t, a, s)
	shots := map[string]image.Image{}
	for name, tab := range map[string]*container.TabItem{
		"20_case_editor_text.png": f.textTab, "21_case_editor_figures.png": f.figureTab,
	} {
		f.tabs.Select(tab)
		img := a.win.Canvas().Capture()
		if blank(img) {
			t.Errorf("case editor %s rendered blank", name)
		}
		shots[name] = img
	}
	test.Tap(f.closeBtn)
	return shots
}
