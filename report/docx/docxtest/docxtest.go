// Package docxtest reads Word documents back for tests with an independent
// reader, LibreOffice run headless, so the hand-written .docx is checked by
// an office suite and not only by the code that wrote it.
package docxtest

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"chamberdesk/data/datatest"
)

// Text converts the document at path to plain text with LibreOffice and
// returns it. LibreOffice must be installed (datatest.NeedTool).
func Text(t testing.TB, path string) string {
	t.Helper()
	soffice := datatest.NeedTool(t, "soffice", "libreoffice-writer-nogui")
	dir := t.TempDir()
	// A profile of its own, so this conversion neither waits for nor
	// disturbs another LibreOffice running at the same time.
	profile := "file://" + filepath.ToSlash(filepath.Join(dir, "profile"))
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation="+profile, "--headless", "--norestore",
		"--convert-to", "txt:Text (encoded):UTF8", "--outdir", dir, path)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("LibreOffice could not convert %s: %v\n%s", path, err, out.String())
	}
	txt := filepath.Join(dir, strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))+".txt")
	b, err := os.ReadFile(txt)
	if err != nil {
		t.Fatalf("LibreOffice wrote no text for %s (%v)\n%s", path, err, out.String())
	}
	return strings.TrimPrefix(string(b), "\ufeff")
}
