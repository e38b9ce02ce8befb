package ui

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"chamberdesk/data"
)

// TestCasePackageButton: without a package writer the button says so; with
// one it runs in the background with its progress shown.
func TestCasePackageButton(t *testing.T) {
	a := newTestApp(t, demoCopy(t))
	s := openCases(t, a)
	f := openDemoCase(t, a, s)
	saved := packageCase
	t.Cleanup(func() { packageCase = saved })

	packageCase = nil
	test.Tap(f.packageBtn)
	if !dialogSays(a, "生成材料包功能暂不可用") {
		t.Fatal("no notice that packages cannot be written")
	}

	dir := t.TempDir()
	var steps []string
	packageCase = func(ctx context.Context, st *data.Store, id int64, into string, progress func(string, float64)) (string, error) {
		c, err := st.Case(ctx, id)
		if err != nil {
			return "", err
		}
		for i, step := range []string{"申报书", "汇总表", "图片"} {
			progress(step, float64(i+1)/3)
			steps = append(steps, step)
		}
		p := filepath.Join(into, c.Title+".zip")
		return p, os.WriteFile(p, []byte("zip"), 0o600)
	}
	f.pickDir = func(use func(string)) { use(dir) }
	test.Tap(f.packageBtn)
	// The demo case is a draft with problems: the editor asks first.
	problems, err := a.store().CheckCase(a.ctx(), f.current())
	if err != nil {
		t.Fatal(err)
	}
	if buttonNamed(topOverlay(a), "仍要生成") == nil || len(problems) == 0 || !dialogSays(a, problems[0].Message()) {
		t.Fatalf("no question about the draft's problems (%q, %d problems)", topTexts(a), len(problems))
	}
	tapOnTop(t, a, "仍要生成")
	a.wait()
	if len(steps) != 3 || f.lastPackage == "" {
		t.Fatalf("package steps %v, path %q", steps, f.lastPackage)
	}
	if _, err := os.Stat(f.lastPackage); err != nil {
		t.Fatal(err)
	}
}
