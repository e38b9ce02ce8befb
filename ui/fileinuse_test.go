package ui

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"chamberdesk/data"
)

// TestSaveInUseRetry: an export that finds its file open in WPS or Excel
// says so and offers 重试 and 另存为…; once the file is closed, 重试 writes
// the same file again.
func TestSaveInUseRetry(t *testing.T) {
	fa := newThreadApp(t)
	a := openTestApp(t, fa, demoCopy(t))
	path := filepath.Join(t.TempDir(), "会员名册.xlsx")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	held := true // the file is open in WPS until the person closes it
	tries := 0
	use := func(p string) {
		a.background("正在导出…", func(context.Context) error {
			tries++
			if held {
				return &data.Error{Code: data.CodeFileInUse, Value: filepath.Base(p),
					Msg: "请先在 WPS 或 Excel 中关闭「" + filepath.Base(p) + "」再导出", Reason: "held by the test"}
			}
			return data.WriteFileAtomic(p, 0o644, func(w io.Writer) error {
				_, err := w.Write([]byte("new"))
				return err
			})
		}, nil)
	}
	a.runSave("会员名册.xlsx", ".xlsx", nil, use, path)
	fa.settle(t)
	if got := topTexts(a); !strings.Contains(got, "请先在 WPS 或 Excel 中关闭「会员名册.xlsx」再导出") {
		t.Fatalf("dialog shows %q, want the close-it-first message", got)
	}
	top := a.win.Canvas().Overlays().Top()
	if buttonNamed(top, "另存为…") == nil {
		t.Error("no 另存为… button")
	}
	retry := buttonNamed(top, "重试")
	if retry == nil {
		t.Fatal("no 重试 button")
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Fatalf("file changed by the failed write: %q", b)
	}

	held = false
	test.Tap(retry)
	fa.settle(t)
	if tries != 2 {
		t.Fatalf("%d writes, want 2 (the first and the retry)", tries)
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Fatalf("after 重试 the file holds %q, want the new export", b)
	}
	if got := topTexts(a); strings.Contains(got, "再导出") {
		t.Errorf("in-use dialog still shown after a good retry: %q", got)
	}
}
