package ui

import (
	"context"
	"crypto/sha256"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"chamberdesk/data"
	"chamberdesk/data/demo"
)

func TestWelcome(t *testing.T) {
	t.Run("ErrInvalidPhoneWritesNothing", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "org.db")
		a := newTestApp(t, path)
		w := a.welcome
		if w == nil || a.store() != nil {
			t.Fatal("a missing file should show the welcome screen")
		}
		test.Type(w.name, "测试镇商会")
		test.Type(w.phone, "12345")
		if w.phone.Validate() == nil {
			t.Fatal("no inline error for a bad phone")
		}
		test.Tap(w.createBtn)
		a.wait()
		if a.store() != nil || topOverlay(a) == nil {
			t.Fatal("a bad profile was accepted")
		}
		if _, err := os.Stat(path); !os.IsNotExist(err) {
			t.Fatal("a refused profile left a file behind")
		}
	})

	t.Run("CreateOrganization", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "org.db")
		a := newTestApp(t, path)
		w := a.welcome
		test.Type(w.name, "石桥街道商会")
		w.orgType.SetValue("镇街商会")
		test.Type(w.region, "江州市石桥区")
		test.Type(w.phone, "13912345678")
		test.Tap(w.createBtn)
		a.wait()
		if a.store() == nil || a.nav == nil {
			t.Fatal("creating the organization did not open the shell")
		}
		org, err := a.store().Organization(context.Background())
		if err != nil || org.Name != "石桥街道商会" || org.Region != "江州市石桥区" || org.ContactPhone != "13912345678" {
			t.Fatalf("stored %+v %v", org, err)
		}
		if a.win.Title() != "商会工作台 — 石桥街道商会" {
			t.Fatalf("title %q", a.win.Title())
		}
	})

	t.Run("OpenDemo", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "demo.db")
		a := newTestApp(t, path)
		test.Tap(a.welcome.demoBtn)
		a.wait()
		if a.store() == nil {
			t.Fatal("demo did not open")
		}
		ms, err := a.store().SearchMembers(context.Background(), "")
		if err != nil || len(ms) != demo.MemberCount {
			t.Fatalf("demo members %d %v", len(ms), err)
		}
	})

	t.Run("ErrForeignFileUntouched", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "notes.db")
		os.WriteFile(path, []byte("这是别的程序的文件"), 0o644)
		refusedUntouched(t, path, "a foreign file")
	})

	t.Run("ErrNewerFileUntouched", func(t *testing.T) {
		path := demoCopy(t)
		s, err := data.Open(context.Background(), path, data.OpenOptions{})
		if err != nil {
			t.Fatal(err)
		}
		s.DB().Exec("PRAGMA user_version = 77")
		s.Close()
		refusedUntouched(t, path, "a newer file")
	})
}

func TestRememberWindowAndScreen(t *testing.T) {
	path := demoCopy(t)
	fa := newThreadApp(t) // the screens load in the background, as in the program
	a := New(fa, Options{DBPath: path})
	a.win.Show()
	a.show("dues")
	a.wait()
	a.Close()
	b := New(fa, Options{DBPath: path})
	defer func() { b.wait(); b.Close() }()
	if b.current() != "dues" {
		t.Fatalf("reopened on %q; want the last screen, dues", b.current())
	}
	if fa.Preferences().Float(prefWidth) <= 0 {
		t.Fatal("window width not remembered")
	}
}

// TestWelcomeIntroWraps: at the default window size the welcome text's
// first line is filled. Wrapping at spaces only ended it after "导出 Excel"
// and pushed the Chinese after it to the next line, half a line empty.
func TestWelcomeIntroWraps(t *testing.T) {
	a := newTestApp(t, filepath.Join(t.TempDir(), "new.db"))
	a.win.Resize(fyne.NewSize(1100, 720))
	var lines []*canvas.Text
	for _, o := range drawn(a.win.Content()) {
		tx, ok := o.(*canvas.Text)
		if !ok {
			continue
		}
		if len(lines) > 0 || strings.HasPrefix(tx.Text, "商会工作台帮助") {
			lines = append(lines, tx)
			if strings.HasSuffix(strings.TrimSpace(tx.Text), "电脑上。") {
				break
			}
		}
	}
	if len(lines) < 2 {
		t.Fatalf("the intro is drawn in %d lines at 1100×720", len(lines))
	}
	width := func(tx *canvas.Text) float32 { return fyne.MeasureText(tx.Text, tx.TextSize, tx.TextStyle).Width }
	widest := float32(0)
	for _, l := range lines {
		widest = max(widest, width(l))
	}
	char := fyne.MeasureText("国", lines[0].TextSize, lines[0].TextStyle).Width
	first := strings.TrimSpace(lines[0].Text)
	if strings.HasSuffix(first, "Excel") || width(lines[0]) < widest-2*char {
		t.Fatalf("first line %q is %v wide of %v: not filled", first, width(lines[0]), widest)
	}
}

// refusedUntouched opens the file at path, which is what: it must be
// refused with a message and left as it was.
func refusedUntouched(t *testing.T, path, what string) {
	t.Helper()
	before, _ := os.ReadFile(path)
	a := newTestApp(t, path)
	if a.store() != nil || topOverlay(a) == nil {
		t.Fatalf("%s was opened, or refused without a message", what)
	}
	after, _ := os.ReadFile(path)
	if sha256.Sum256(before) != sha256.Sum256(after) {
		t.Fatalf("%s was changed", what)
	}
}
