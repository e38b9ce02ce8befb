package ui

import (
	"context"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
)

func confirmLast(t *testing.T, a *App) {
	t.Helper()
	if !strings.Contains(topTexts(a), "从备份恢复") {
		t.Fatalf("no confirmation asked: %q", topTexts(a))
	}
	tapOnTop(t, a, "恢复")
	a.wait()
}

// TestSettingsBackups: 设置 lists the backups, 立即备份 adds a verified one,
// and restoring the selected backup (after a confirmation) brings the file
// back to it, with the replaced data kept as another backup.
func TestSettingsBackups(t *testing.T) {
	ctx := context.Background()
	path := demoCopy(t)
	a := newTestApp(t, path)
	a.show("settings")
	s := a.screens["settings"].(*settingsScreen)
	b := s.backups
	if len(b.items) != 1 || b.items[0].Reason != data.ReasonDaily {
		t.Fatalf("backups on first open: %+v", b.items)
	}
	test.Tap(b.nowBtn)
	a.wait()
	if len(b.items) != 2 || b.items[0].Reason != data.ReasonManual {
		t.Fatalf("after 立即备份: %+v", b.items)
	}
	if err := data.VerifyFile(ctx, b.items[0].Path); err != nil {
		t.Fatal(err)
	}
	if _, _, err := a.store().CreateMember(ctx, data.Member{Kind: data.KindPersonal, Name: "备份后新增"}); err != nil {
		t.Fatal(err)
	}

	b.list.Select(0)
	test.Tap(b.restore)
	confirmLast(t, a)
	if a.store() == nil {
		t.Fatal("the file was not reopened after the restore")
	}
	ms, err := a.store().Members(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.Name == "备份后新增" {
			t.Fatal("the restore did not bring the file back")
		}
	}
	list, _ := data.ListBackups(path)
	if list[0].Reason != data.ReasonRestore {
		t.Fatalf("the replaced data was not kept: %+v", list[0])
	}
}

// TestDamagedFileOffersBackup: a damaged data file opens to a message with
// 恢复此备份, which restores the newest good backup and opens it.
func TestDamagedFileOffersBackup(t *testing.T) {
	path := demoCopy(t)
	a := newTestApp(t, path)
	if a.store() == nil {
		t.Fatal("the demo did not open")
	}
	a.Close() // the first open took the day's backup
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(path, fi.Size()/2); err != nil {
		t.Fatal(err)
	}

	b := newTestApp(t, path)
	var offer *widget.Button
	if top := b.win.Canvas().Overlays().Top(); top != nil {
		offer = buttonNamed(top, "恢复此备份")
	}
	if b.store() != nil || offer == nil {
		t.Fatalf("a damaged file opened (%v) or no backup was offered", b.store() != nil)
	}
	test.Tap(offer)
	confirmLast(t, b)
	if b.store() == nil || b.nav == nil {
		t.Fatal("the backup was not restored and opened")
	}
	if problems, err := b.store().Check(context.Background()); err != nil || len(problems) > 0 {
		t.Fatalf("restored file: %v %v", problems, err)
	}
}
