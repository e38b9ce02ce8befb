package main

import (
	"bytes"
	"context"
	"fmt"
	"image"
	_ "image/jpeg"
	_ "image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chamberdesk/data"
	"chamberdesk/data/datatest"
	"chamberdesk/data/demo"
)

func TestShare(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(datatest.TempDir(t), "demo.db")
	st, err := data.Create(ctx, db, data.OpenOptions{}, demo.Fill)
	if err != nil {
		t.Fatal(err)
	}
	acts, err := st.Activities(ctx, demo.LastYear)
	st.Close()
	if err != nil || len(acts) == 0 {
		t.Fatalf("demo activities: %v", err)
	}
	a := acts[0]
	id := fmt.Sprint(a.ID)
	dir := datatest.TempDir(t)

	for _, c := range []struct {
		file, format string
		width        int
		args         []string
	}{
		{"长图.png", "png", 1080, nil},
		{"长图.jpg", "jpeg", 1080, nil},
		{"长图750.JPEG", "jpeg", 750, []string{"--width", "750"}},
	} {
		out := filepath.Join(dir, c.file)
		got := mustCtl(t, append([]string{"--db", db, "share", "activity", "--id", id, "--out", out}, c.args...)...)
		if !strings.Contains(got, out) || !strings.Contains(got, a.Title) {
			t.Errorf("output %q should name the file and the activity", got)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		cfg, format, err := image.DecodeConfig(bytes.NewReader(b))
		if err != nil || format != c.format || cfg.Width != c.width || cfg.Height < cfg.Width {
			t.Errorf("%s reads back as %s %dx%d (%v)", c.file, format, cfg.Width, cfg.Height, err)
		}
		if len(b) > 5<<20 {
			t.Errorf("%s is %d bytes", c.file, len(b))
		}
	}

	// Mistakes write nothing, not even a temporary file.
	before, _ := os.ReadDir(dir)
	for _, c := range []struct {
		code int
		args []string
	}{
		{exitUsage, []string{"share"}},
		{exitUsage, []string{"share", "member", "--id", id, "--out", "x.png"}},
		{exitUsage, []string{"share", "activity", "--out", filepath.Join(dir, "x.png")}},
		{exitUsage, []string{"share", "activity", "--id", id}},
		{exitUsage, []string{"share", "activity", "--id", id, "--out", filepath.Join(dir, "x.gif")}},
		{exitUsage, []string{"share", "activity", "--id", id, "--out", filepath.Join(dir, "x.png"), "--width", "100"}},
		{exitError, []string{"share", "activity", "--id", "999999", "--out", filepath.Join(dir, "x.png")}},
	} {
		code, _, errs := ctl(t, append([]string{"--db", db}, c.args...)...)
		if code != c.code || !strings.Contains(errs, "/") {
			t.Errorf("%v: exit %d, want %d; stderr %q", c.args, code, c.code, errs)
		}
	}
	after, _ := os.ReadDir(dir)
	if len(after) != len(before) {
		t.Errorf("failed runs left files: %d entries before, %d after", len(before), len(after))
	}
}
