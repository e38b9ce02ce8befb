package pkg

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"chamberdesk/data"
)

// Limits bound what Verify reads from a package, whatever its headers claim:
// a package comes from outside, and a crafted zip must neither fill the
// memory nor keep the program busy.
type Limits struct {
	FileBytes     int64 // the zip file itself
	Entries       int   // entries in the zip, folders included
	EntryBytes    int64 // one entry, uncompressed
	TotalBytes    int64 // all entries together, uncompressed
	ManifestBytes int64 // manifest.json
}

// DefaultLimits are far above any real package (a handful of documents and
// a few dozen photos of at most a few MB each) and far below what would
// hurt an office PC.
var DefaultLimits = Limits{
	FileBytes:     1 << 30,   // 1 GB
	Entries:       1000,      //
	EntryBytes:    100 << 20, // 100 MB
	TotalBytes:    1 << 30,   // 1 GB
	ManifestBytes: 1 << 20,   // 1 MB
}

// Package is a package as read: where it is and what its manifest says.
type Package struct {
	Path     string
	Name     string    // the zip's file name
	Top      string    // its top folder
	Manifest *Manifest // nil when the manifest could not be read
}

// Problem is one thing wrong with a package.
type Problem struct {
	File   string // the package's file name
	Entry  string // the entry concerned, "" for the package as a whole
	Msg    string // Chinese: what is wrong
	Cause  string // Chinese: what it means and what to do
	Reason string // English, for logs and scripts
}

func (p Problem) Error() string {
	where := p.File
	if p.Entry != "" {
		where += " " + p.Entry
	}
	return fmt.Sprintf("%s：%s（%s） / %s", where, p.Msg, p.Cause, p.Reason)
}

// Verify reads the package at path and checks it: a zip within the limits,
// safe entry names under one top folder, a manifest in the known format,
// and every file it lists present with its size and SHA-256, and nothing
// else. Nothing is extracted to disk. A package is good when there are no
// problems; a file that is not a package, or is cut off, is a problem, never
// a panic.
func Verify(path string) (Package, []Problem) {
	return verifyFile(path, DefaultLimits)
}

func verifyFile(path string, lim Limits) (Package, []Problem) {
	name := filepath.Base(path)
	pk := Package{Path: path, Name: name}
	f, err := os.Open(path)
	if err != nil {
		return pk, []Problem{{File: name, Msg: "无法打开文件", Cause: "请确认文件存在且没有被其他程序占用",
			Reason: err.Error()}}
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return pk, []Problem{{File: name, Msg: "无法读取文件", Cause: "请确认文件存在且没有被其他程序占用",
			Reason: err.Error()}}
	}
	if fi.IsDir() {
		return pk, []Problem{{File: name, Msg: "这是一个文件夹，不是材料包", Cause: "请选择 .zip 材料包文件",
			Reason: "path is a directory"}}
	}
	if fi.Size() > lim.FileBytes {
		return pk, []Problem{{File: name, Msg: fmt.Sprintf("文件过大（%d MB）", fi.Size()>>20),
			Cause: fmt.Sprintf("材料包不应超过 %d MB，请核对是否选错文件", lim.FileBytes>>20), Reason: "package file too large"}}
	}
	got, ps := verifyReader(f, fi.Size(), name, lim)
	got.Path = path
	return got, ps
}

// verifyReader checks the zip in r. It recovers from a panic in the zip or
// JSON readers, so a file crafted against them is one more problem.
func verifyReader(r io.ReaderAt, size int64, name string, lim Limits) (pk Package, ps []Problem) {
	pk.Name = name
	defer func() {
		if v := recover(); v != nil {
			pk.Manifest = nil
			ps = append(ps, Problem{File: name, Msg: "无法读取材料包", Cause: "文件已损坏或不是本程序生成的材料包",
				Reason: fmt.Sprintf("reader panicked: %v", v)})
		}
	}()
	v := &verifier{name: name, lim: lim}
	zr, err := zip.NewReader(r, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		v.fail("", "不是有效的 zip 材料包，或文件不完整", "文件可能没有下载或拷贝完整，请让报送单位重新发送",
			"not a zip or truncated: "+err.Error())
		return pk, v.ps
	}
	if len(zr.File) > lim.Entries {
		v.fail("", fmt.Sprintf("文件条目过多（%d 个）", len(zr.File)), fmt.Sprintf("材料包最多 %d 个条目", lim.Entries),
			"too many entries")
		return pk, v.ps
	}
	entries, ok := v.entries(zr.File)
	if !ok {
		return pk, v.ps
	}
	pk.Top = v.top
	m := v.manifest(entries)
	if m == nil {
		return pk, v.ps
	}
	pk.Manifest = m
	v.files(m, entries)
	return pk, v.ps
}

type verifier struct {
	name  string
	lim   Limits
	top   string
	total int64 // bytes read so far
	ps    []Problem
}

func (v *verifier) fail(entry, msg, cause, reason string) {
	v.ps = append(v.ps, Problem{File: v.name, Entry: entry, Msg: msg, Cause: cause, Reason: reason})
}

// entries checks every entry name and maps the files below the top folder
// by their path inside it. An unsafe name refuses the whole package.
func (v *verifier) entries(files []*zip.File) (map[string]*zip.File, bool) {
	out := map[string]*zip.File{}
	seen := map[string]bool{}
	safe := true
	for _, f := range files {
		if why := unsafeName(f.Name); why != "" {
			v.fail(printable(f.Name), "不安全的文件名，已拒绝整个材料包",
				"材料包中的文件名可能在解压时写到别处，请勿解压，并联系报送单位", "unsafe entry name: "+why)
			safe = false
			continue
		}
		lower := strings.ToLower(strings.TrimSuffix(f.Name, "/"))
		if seen[lower] {
			v.fail(f.Name, "文件名重复", "同一个文件出现了两次，材料包可能被改动过", "duplicate entry name")
			safe = false
			continue
		}
		seen[lower] = true
	}
	if !safe {
		return nil, false
	}
	// The top folder is the first entry's; a stray file at the top level
	// does not get to name it.
	for _, f := range files {
		if top, _, ok := strings.Cut(f.Name, "/"); ok {
			v.top = top
			break
		}
	}
	for _, f := range files {
		top, rest, _ := strings.Cut(f.Name, "/")
		if top != v.top || (rest == "" && !strings.HasSuffix(f.Name, "/")) {
			v.fail(f.Name, "文件不在材料包的文件夹中", "材料包应只有一个顶层文件夹，请让报送单位用本程序重新生成",
				"entry outside the single top folder")
			continue
		}
		if strings.HasSuffix(f.Name, "/") {
			if f.UncompressedSize64 > 0 {
				v.fail(f.Name, "文件夹条目带有内容", "材料包可能被改动过", "directory entry with data")
			}
			continue
		}
		out[rest] = f
	}
	if v.top == "" {
		if len(files) == 0 {
			v.fail("", "材料包是空的", "请让报送单位重新生成", "empty zip")
		}
		return nil, false
	}
	return out, true
}

// manifest reads and checks manifest.json.
func (v *verifier) manifest(entries map[string]*zip.File) *Manifest {
	f := entries[EntryManifest]
	if f == nil {
		v.fail("", "缺少 manifest.json 清单", "这不是本程序生成的材料包，或清单已被删除", "no manifest.json")
		return nil
	}
	b, err := v.read(f, v.lim.ManifestBytes)
	if err != nil {
		v.fail(f.Name, "无法读取清单", readCause(err), "manifest: "+err.Error())
		return nil
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		v.fail(f.Name, "清单格式错误", "清单已损坏或被改动，请让报送单位重新生成", "manifest is not valid JSON: "+err.Error())
		return nil
	}
	switch {
	case m.Format != Format:
		v.fail(f.Name, "不是“创新中国”案例材料包", "清单的格式名不符", fmt.Sprintf("format %q, want %q", clip(m.Format), Format))
		return nil
	case m.Version > Version:
		v.fail(f.Name, fmt.Sprintf("材料包格式版本 %d 较新", m.Version), "请升级商会工作台后再检查",
			fmt.Sprintf("package version %d is newer than %d", m.Version, Version))
		return nil
	case m.Version < 1:
		v.fail(f.Name, "材料包格式版本不正确", "清单已损坏或被改动", fmt.Sprintf("package version %d", m.Version))
		return nil
	}
	c := m.Case
	for _, req := range []struct{ field, value string }{
		{"单位名称", m.Organization.Name}, {"案例名称", c.Title}, {"申报类别", c.Category},
	} {
		if strings.TrimSpace(req.value) == "" {
			v.fail(f.Name, "清单缺少"+req.field, "请让报送单位补全后重新生成", "manifest lacks "+req.field)
		}
	}
	if c.Level != data.LevelBest && c.Level != data.LevelExcellent {
		v.fail(f.Name, fmt.Sprintf("申报等次“%s”不正确", clip(c.Level)), "应为最佳案例或优秀案例", "unknown level")
	}
	if c.Year < 2000 || c.Year > 2100 {
		v.fail(f.Name, fmt.Sprintf("申报年度 %d 不正确", c.Year), "清单已损坏或被改动", "year out of range")
	}
	return &m
}

// files checks each listed file's size and SHA-256, and that the package
// holds nothing the manifest does not list.
func (v *verifier) files(m *Manifest, entries map[string]*zip.File) {
	listed := map[string]bool{EntryManifest: true}
	for _, fr := range m.Files {
		entry := v.top + "/" + fr.Path
		if why := unsafeName(entry); why != "" || fr.Path == EntryManifest || listed[fr.Path] {
			v.fail(printable(fr.Path), "清单中的文件名不正确", "清单已损坏或被改动", "bad file path in manifest")
			continue
		}
		listed[fr.Path] = true
		f := entries[fr.Path]
		if f == nil {
			v.fail(entry, "缺少文件", "清单中列出的文件不在材料包里，请让报送单位重新生成", "listed file missing")
			continue
		}
		b, err := v.read(f, v.lim.EntryBytes)
		if err != nil {
			v.fail(entry, "文件无法读取", readCause(err), err.Error())
			continue
		}
		sum := sha256.Sum256(b)
		if int64(len(b)) != fr.Size || !strings.EqualFold(hex.EncodeToString(sum[:]), fr.SHA256) {
			v.fail(entry, "文件与清单不符（已被改动）", "文件在生成材料包之后被修改或替换，请让报送单位重新生成",
				fmt.Sprintf("size %d sha256 %x, manifest says size %d sha256 %s", len(b), sum, fr.Size, clip(fr.SHA256)))
		}
	}
	for _, req := range requiredEntries {
		if !listed[req] {
			v.fail(v.top+"/"+req, "缺少文件", "材料包必须包含申报书（Word 和 PDF）、申报汇总表和活动台账",
				"required file not listed")
		}
	}
	for rest, f := range entries {
		if !listed[rest] {
			v.fail(f.Name, "清单之外多出的文件", "材料包生成后被加入了文件，请核对", "file not in manifest")
		}
	}
}

// errTooLarge is an entry that holds more than its limit allows.
var errTooLarge = errors.New("entry exceeds size limit")

// read reads one entry whole, stopping at max bytes and at the package's
// total; the header's sizes are not trusted.
func (v *verifier) read(f *zip.File, max int64) ([]byte, error) {
	if f.UncompressedSize64 > uint64(max) {
		return nil, errTooLarge
	}
	left := v.lim.TotalBytes - v.total
	if int64(f.UncompressedSize64) > left {
		return nil, errTooLarge
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	var buf bytes.Buffer
	n, err := io.Copy(&buf, io.LimitReader(rc, min(max, left)+1))
	v.total += n
	if err != nil {
		return nil, err
	}
	if n > min(max, left) {
		return nil, errTooLarge
	}
	return buf.Bytes(), nil
}

func readCause(err error) string {
	if errors.Is(err, errTooLarge) {
		return "文件超出大小限制，请核对是否选错文件"
	}
	return "文件已损坏或不完整，请让报送单位重新发送"
}

// unsafeName says why an entry name could write outside the folder it is
// unpacked into, or cannot be unpacked on Windows; "" when it is safe.
func unsafeName(name string) string {
	switch {
	case name == "":
		return "empty name"
	case !utf8.ValidString(name):
		return "not UTF-8"
	case strings.ContainsRune(name, '\\'):
		return "backslash"
	case strings.HasPrefix(name, "/"):
		return "absolute path"
	case strings.ContainsRune(name, ':'):
		return "drive letter or colon"
	}
	parts := strings.Split(strings.TrimSuffix(name, "/"), "/")
	for _, p := range parts {
		switch {
		case p == "":
			return "empty path element"
		case p == "." || p == "..":
			return "dot path element"
		case strings.ContainsAny(p, `*?"<>|`):
			return "character Windows forbids"
		case strings.TrimRight(p, " .") != p:
			return "trailing dot or space"
		case reservedDevice(p):
			return "Windows device name"
		}
		for _, r := range p {
			if r < 0x20 || r == 0x7f {
				return "control character"
			}
		}
	}
	return ""
}

// reservedDevice reports a Windows device name (CON, NUL, COM1 …), which
// stays a device whatever extension follows it.
func reservedDevice(p string) bool {
	base, _, _ := strings.Cut(p, ".")
	base = strings.ToUpper(strings.TrimRight(base, " "))
	switch base {
	case "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$":
		return true
	}
	if len(base) == 4 && (strings.HasPrefix(base, "COM") || strings.HasPrefix(base, "LPT")) {
		return base[3] >= '0' && base[3] <= '9'
	}
	// COM¹, COM², COM³ are devices too.
	if strings.HasPrefix(base, "COM") || strings.HasPrefix(base, "LPT") {
		switch base[3:] {
		case "¹", "²", "³":
			return true
		}
	}
	return false
}

// printable is a name for a message: control characters shown as ?, and
// cut short.
func printable(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == utf8.RuneError {
			return '?'
		}
		return r
	}, strings.ToValidUTF8(s, "?"))
	return clip(s)
}

func clip(s string) string {
	if r := []rune(s); len(r) > 80 {
		return string(r[:80]) + "…"
	}
	return s
}
