package main

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	var exes []string
	for _, n := range []string{"chamberdesk.exe", "chamberctl.exe"} {
		p := filepath.Join(dir, n)
		if err := os.WriteFile(p, []byte("MZ "+n), 0o644); err != nil {
			t.Fatal(err)
		}
		exes = append(exes, p)
	}
	readme := filepath.Join(dir, "readme.txt")
	if err := os.WriteFile(readme, []byte("第一行\n第二行\r\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "p.zip")
	if err := write(out, "ChamberDesk", readme, exes); err != nil {
		t.Fatal(err)
	}

	r, err := zip.OpenReader(out)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	want := []string{"ChamberDesk/", "ChamberDesk/chamberdesk.exe", "ChamberDesk/chamberctl.exe",
		"ChamberDesk/data/", "ChamberDesk/" + ReadmeName}
	if len(r.File) != len(want) {
		t.Fatalf("%d entries, want %v", len(r.File), want)
	}
	for i, f := range r.File {
		if f.Name != want[i] {
			t.Fatalf("entry %d is %q, want %q", i, f.Name, want[i])
		}
	}
	// Bit 11: the name is UTF-8, so Windows does not read it as GBK.
	if f := r.File[4]; f.Flags&0x800 == 0 {
		t.Fatalf("%s lacks the UTF-8 name flag (flags %#x)", f.Name, f.Flags)
	}
	rc, err := r.File[4].Open()
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(rc)
	rc.Close()
	if want := []byte("\ufeff第一行\r\n第二行\r\n"); !bytes.Equal(got, want) {
		t.Fatalf("read-me %q, want %q", got, want)
	}
}

func TestForNotepad(t *testing.T) {
	for _, in := range []string{"a\nb\n", "a\r\nb\r\n", "\ufeffa\nb\r\n"} {
		if got := string(ForNotepad([]byte(in))); got != "\ufeffa\r\nb\r\n" {
			t.Errorf("ForNotepad(%q) = %q", in, got)
		}
	}
}
