// Command portablezip writes the portable Windows zip (make windows-portable):
// one folder holding the programs, an empty "data" folder, which switches
// them to portable mode (data/paths.go), and the 使用说明.txt read-me.
//
// It is written in Go rather than with the zip tool because Go's archive/zip
// marks every non-ASCII name as UTF-8 (general purpose flag bit 11), which the
// zip support of Windows, 7-Zip and the Chinese archivers read as such; and
// the read-me is turned into what Notepad on older Windows shows correctly:
// UTF-8 with a byte-order mark and CRLF line ends.
//
//	go run ./scripts/portablezip -out ZIP -folder NAME -readme TEXT EXE...
package main

import (
	"archive/zip"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// ReadmeName is the read-me's name inside the zip.
const ReadmeName = "使用说明.txt"

func main() {
	out := flag.String("out", "", "the zip to write")
	folder := flag.String("folder", "ChamberDesk", "the folder inside the zip")
	readme := flag.String("readme", "", "the read-me text (UTF-8)")
	flag.Parse()
	if *out == "" || *readme == "" || flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "用法 usage: portablezip -out ZIP [-folder NAME] -readme TEXT EXE...")
		os.Exit(2)
	}
	if err := write(*out, *folder, *readme, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "错误 / error:", err)
		os.Exit(1)
	}
}

// write builds the zip beside out and renames it into place, so an
// interrupted run leaves no half-written zip under the real name.
func write(out, folder, readme string, exes []string) error {
	text, err := os.ReadFile(readme)
	if err != nil {
		return err
	}
	stamp, err := modTime(exes)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(out), ".portablezip-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := fill(tmp, folder, text, exes, stamp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	// CreateTemp makes the file private; a release file is for everyone.
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), out)
}

// modTime is the time every entry carries: SOURCE_DATE_EPOCH when set, so
// two builds of the same programs give the same zip, else the newest
// program's.
func modTime(exes []string) (time.Time, error) {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH: %w", err)
		}
		return time.Unix(n, 0), nil
	}
	var t time.Time
	for _, e := range exes {
		fi, err := os.Stat(e)
		if err != nil {
			return time.Time{}, err
		}
		if fi.ModTime().After(t) {
			t = fi.ModTime()
		}
	}
	return t, nil
}

func fill(w io.Writer, folder string, text []byte, exes []string, stamp time.Time) error {
	if folder == "" {
		return errors.New("empty folder name")
	}
	z := zip.NewWriter(w)
	entry := func(name string, method uint16) (io.Writer, error) {
		return z.CreateHeader(&zip.FileHeader{Name: name, Method: method, Modified: stamp})
	}
	if _, err := entry(folder+"/", zip.Store); err != nil {
		return err
	}
	for _, e := range exes {
		f, err := os.Open(e)
		if err != nil {
			return err
		}
		dst, err := entry(folder+"/"+filepath.Base(e), zip.Deflate)
		if err == nil {
			_, err = io.Copy(dst, f)
		}
		f.Close()
		if err != nil {
			return err
		}
	}
	if _, err := entry(folder+"/data/", zip.Store); err != nil {
		return err
	}
	dst, err := entry(folder+"/"+ReadmeName, zip.Deflate)
	if err != nil {
		return err
	}
	if _, err := dst.Write(ForNotepad(text)); err != nil {
		return err
	}
	return z.Close()
}

// ForNotepad returns text as UTF-8 with a byte-order mark and CRLF line ends,
// however it was stored.
func ForNotepad(text []byte) []byte {
	text = bytes.TrimPrefix(text, []byte("\ufeff"))
	text = bytes.ReplaceAll(text, []byte("\r\n"), []byte("\n"))
	text = bytes.ReplaceAll(text, []byte("\n"), []byte("\r\n"))
	return append([]byte("\ufeff"), text...)
}
