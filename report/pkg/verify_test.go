package pkg

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"
	"testing"

	"chamberdesk/data/datatest"
)

var town = fake{unit: "青禾镇商会", short: "三线服务", category: "镇街商会工作", level: "优秀案例", year: 2026}

func verifyBytes(b []byte) (Package, []Problem) {
	return verifyReader(bytes.NewReader(b), int64(len(b)), "test.zip", DefaultLimits)
}

func TestVerifyGood(t *testing.T) {
	path := town.save(t, datatest.TempDir(t))
	pk, ps := Verify(path)
	if len(ps) > 0 {
		t.Fatalf("problems in a good package: %v", ps)
	}
	if pk.Manifest == nil || pk.Manifest.Case.Title != "青禾镇商会：三线服务" || pk.Top != "2026创新中国案例申报_青禾镇商会_三线服务" {
		t.Fatalf("package %+v", pk)
	}
}

// mutate returns town's entries changed by f.
func mutate(f func(es []entry) []entry) []entry { return f(town.entries()) }

func TestVerifyProblems(t *testing.T) {
	top := town.entries()[0].name
	add := func(name string, body string) func([]entry) []entry {
		return func(es []entry) []entry { return append(es, entry{name, []byte(body)}) }
	}
	without := func(suffix string) func([]entry) []entry {
		return func(es []entry) []entry {
			var out []entry
			for _, e := range es {
				if !strings.HasSuffix(e.name, suffix) {
					out = append(out, e)
				}
			}
			return out
		}
	}
	manifest := func(change func(m *Manifest)) func([]entry) []entry {
		return func(es []entry) []entry {
			last := &es[len(es)-1]
			var m Manifest
			if err := json.Unmarshal(last.body, &m); err != nil {
				t.Fatal(err)
			}
			change(&m)
			last.body, _ = json.Marshal(m)
			return es
		}
	}
	good := zipOf(t, town.entries())
	for _, tc := range []struct {
		name   string
		zip    []byte
		msg    string // in some problem's Msg
		reason string // in that problem's Reason
	}{
		{"Tampered", zipOf(t, mutate(func(es []entry) []entry {
			for i := range es {
				if strings.HasSuffix(es[i].name, EntryDocx) {
					es[i].body = []byte("docx of someone else")
				}
			}
			return es
		})), "已被改动", "sha256"},
		{"Missing", zipOf(t, mutate(without(EntrySummary))), "缺少文件", "missing"},
		{"Extra", zipOf(t, mutate(add(top+"说明.exe", "MZ"))), "多出的文件", "not in manifest"},
		{"DotDot", zipOf(t, mutate(add(top+"../../evil.txt", "x"))), "不安全的文件名", "dot path"},
		{"DotDotFirst", zipOf(t, append([]entry{{"../evil.txt", []byte("x")}}, town.entries()...)), "不安全的文件名", "dot path"},
		{"Absolute", zipOf(t, mutate(add("/tmp/evil.txt", "x"))), "不安全的文件名", "absolute"},
		{"Backslash", zipOf(t, mutate(add(`..\evil.txt`, "x"))), "不安全的文件名", "backslash"},
		{"Drive", zipOf(t, mutate(add("C:/Windows/evil.txt", "x"))), "不安全的文件名", "drive"},
		{"DeviceCON", zipOf(t, mutate(add(top+"CON.txt", "x"))), "不安全的文件名", "device"},
		{"DeviceCOM1", zipOf(t, mutate(add(top+"05_图片/com1", "x"))), "不安全的文件名", "device"},
		{"DeviceNul", zipOf(t, mutate(add(top+"nul.jpg", "x"))), "不安全的文件名", "device"},
		{"ControlChar", zipOf(t, mutate(add(top+"a\x01b", "x"))), "不安全的文件名", "control"},
		{"Duplicate", zipOf(t, append(town.entries(), town.entries()[3])), "文件名重复", "duplicate"},
		{"OutsideTop", zipOf(t, mutate(add("readme.txt", "x"))), "不在材料包的文件夹中", "top folder"},
		{"NoManifest", zipOf(t, mutate(without(EntryManifest))), "缺少 manifest.json", "no manifest"},
		{"Truncated", good[:len(good)/2], "不是有效的 zip", "truncated"},
		{"Empty", nil, "不是有效的 zip", "truncated"},
		{"NotZip", []byte("PK\x03\x04 but not really a zip file at all"), "不是有效的 zip", "not a zip"},
		{"ForeignZip", zipOf(t, []entry{{"word/document.xml", []byte("<w:document/>")}}), "缺少 manifest.json", "no manifest"},
		{"BadJSON", zipOf(t, mutate(func(es []entry) []entry { es[len(es)-1].body = []byte("{"); return es })), "清单格式错误", "JSON"},
		{"OtherFormat", zipOf(t, mutate(manifest(func(m *Manifest) { m.Format = "something-else" }))), "不是“创新中国”案例材料包", "format"},
		{"Newer", zipOf(t, mutate(manifest(func(m *Manifest) { m.Version = Version + 1 }))), "较新", "newer"},
		{"NoTitle", zipOf(t, mutate(manifest(func(m *Manifest) { m.Case.Title = "" }))), "清单缺少案例名称", "lacks"},
		{"BadLevel", zipOf(t, mutate(manifest(func(m *Manifest) { m.Case.Level = "特等奖" }))), "申报等次", "level"},
		{"UnlistedRequired", zipOf(t, mutate(manifest(func(m *Manifest) { m.Files = m.Files[1:] }))), "缺少文件", "not listed"},
		{"ManifestEscape", zipOf(t, mutate(manifest(func(m *Manifest) {
			m.Files = append(m.Files, FileRef{Path: "../../etc/passwd", Size: 1})
		}))), "清单中的文件名不正确", "bad file path"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.msg == "" || tc.reason == "" {
				// an empty expectation is contained in every problem
				t.Fatalf("case %s names no problem to expect", tc.name)
			}
			pk, ps := verifyBytes(tc.zip)
			if len(ps) == 0 {
				t.Fatalf("no problem found; manifest %v", pk.Manifest != nil)
			}
			for _, p := range ps {
				if strings.Contains(p.Msg, tc.msg) && strings.Contains(p.Reason, tc.reason) {
					if p.File != "test.zip" {
						t.Errorf("problem names file %q", p.File)
					}
					return
				}
			}
			t.Fatalf("want a problem %q / %q, got %v", tc.msg, tc.reason, ps)
		})
	}
}

// withListed is town's package with files added under its top folder and
// listed in its manifest with their true sizes and SHA-256, so nothing but
// their names can make it bad.
func withListed(t *testing.T, files ...entry) []entry {
	t.Helper()
	es := town.entries()
	top, man := es[0].name, es[len(es)-1]
	var m Manifest
	if err := json.Unmarshal(man.body, &m); err != nil {
		t.Fatal(err)
	}
	out := es[:len(es)-1]
	for _, f := range files {
		sum := sha256.Sum256(f.body)
		m.Files = append(m.Files, FileRef{Path: f.name, Size: int64(len(f.body)), SHA256: hex.EncodeToString(sum[:])})
		out = append(out, entry{top + f.name, f.body})
	}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return append(out, entry{man.name, b})
}

// TestVerifyCaseDuplicate: names that differ only in letter case are one
// file on Windows and macOS, so unpacking would let one overwrite the other.
func TestVerifyCaseDuplicate(t *testing.T) {
	top := town.entries()[0].name
	if _, ps := verifyBytes(zipOf(t, withListed(t, entry{"A.txt", []byte("upper")}, entry{"b.txt", []byte("lower")}))); len(ps) > 0 {
		t.Fatalf("two listed files with distinct names: %v", ps)
	}
	_, ps := verifyBytes(zipOf(t, withListed(t, entry{"A.txt", []byte("upper")}, entry{"a.txt", []byte("lower")})))
	if len(ps) != 1 {
		t.Fatalf("A.txt and a.txt: want the one duplicate-name problem, got %d: %v", len(ps), ps)
	}
	if p := ps[0]; p.Reason != "duplicate entry name" || p.Msg != "文件名重复" || p.Entry != top+"a.txt" || p.File != "test.zip" {
		t.Fatalf("A.txt and a.txt: want 文件名重复 / duplicate entry name on %sa.txt, got %+v", top, p)
	}
}

// TestVerifyLimits checks that a package over a limit is refused from what
// is read, not from what its headers claim.
func TestVerifyLimits(t *testing.T) {
	big := mutate(func(es []entry) []entry {
		for i := range es {
			if strings.HasSuffix(es[i].name, EntryPDF) {
				es[i].body = bytes.Repeat([]byte("0"), 4<<20) // compresses to a few KB
			}
		}
		return es
	})
	lim := DefaultLimits
	lim.EntryBytes = 1 << 20
	b := zipOf(t, big)
	_, ps := verifyReader(bytes.NewReader(b), int64(len(b)), "big.zip", lim)
	found := false
	for _, p := range ps {
		found = found || strings.Contains(p.Reason, "size limit")
	}
	if !found {
		t.Fatalf("an entry over the limit was not refused: %v", ps)
	}
	lim = DefaultLimits
	lim.Entries = 3
	_, ps = verifyReader(bytes.NewReader(b), int64(len(b)), "many.zip", lim)
	if len(ps) != 1 || !strings.Contains(ps[0].Reason, "too many entries") {
		t.Fatalf("too many entries: %v", ps)
	}
}

func TestUnsafeName(t *testing.T) {
	for _, ok := range []string{"a/", "a/b.jpg", "2026创新中国案例申报_青禾_题/05_图片/01_合影.jpg", "a/com10.txt", "a/console.txt"} {
		if why := unsafeName(ok); why != "" {
			t.Errorf("%q refused: %s", ok, why)
		}
	}
	for _, bad := range []string{"", "../a", "a/../b", "a/./b", "/a", "a//b", `a\b`, "C:a", "a/b:c", "a/CON", "a/aux.tar.gz",
		"a/LPT9.txt", "a/COM¹", "a/b.", "a/b ", "a/\x00", "\xff/a", "a/b?", "a/b*"} {
		if unsafeName(bad) == "" {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestCleanName(t *testing.T) {
	for in, want := range map[string]string{
		`青禾镇商会`:                 "青禾镇商会",
		` a/b\c:d*e?f"g<h>i|j `: "abcdefghij",
		"..隐藏.":                 "隐藏",
		"双  空格\t和\n换行":          "双 空格 和 换行",
		"反向\u202Egpj.exe":       "反向gpj.exe",
		"一二三四五六七八九十一二三四五六七八九十一二三四五六": "一二三四五六七八九十一二三四五六七八九十",
	} {
		if got := CleanName(in, 20); got != want {
			t.Errorf("CleanName(%q) = %q, want %q", in, got, want)
		}
	}
	if got := PackageName(2026, "青禾镇商会", "青禾镇商会：“课堂+车间”三线服务/试点"); got != "2026创新中国案例申报_青禾镇商会_“课堂+车间”三线服务试点" {
		t.Errorf("PackageName %q", got)
	}
	if got := PackageName(2026, " ", ""); got != "2026创新中国案例申报_单位_案例" {
		t.Errorf("PackageName of nothing %q", got)
	}
}
