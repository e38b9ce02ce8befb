package fonts_test

import (
	"bytes"
	"os"
	"testing"

	"chamberdesk/assets/fonts"
	"chamberdesk/data/datatest"
)

// rare holds characters of people's names that plain GB2312 fonts lack.
const rare = "䶮昇喆堃淼犇燚"

func TestChinese(t *testing.T) {
	f, err := fonts.Chinese()
	if err != nil {
		missingFont(t, err)
	}
	if f.Name == "" || len(f.TTF) < 1<<20 {
		t.Fatalf("font %q, %d bytes", f.Name, len(f.TTF))
	}
	if bytes.HasPrefix(f.TTF, []byte("ttcf")) {
		t.Fatal("a collection was handed over; the painter and PDF writers need one face")
	}
	if m := f.Missing("商会工作台直角骨画ABCxyz0123（）：" + rare); m != "" {
		t.Fatalf("%s lacks %q", f.Name, m)
	}
	// The extracted face must read back as a font of its own.
	again, err := fonts.Load(f.TTF, 0)
	if err != nil || again.Name != f.Name {
		t.Fatalf("extracted face does not load on its own: %v %q", err, again.Name)
	}
}

func TestLoadRefusesGarbage(t *testing.T) {
	for name, b := range map[string][]byte{
		"empty":     nil,
		"text":      []byte("this is not a font at all"),
		"ttc short": []byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x09"),
		"bad dir":   append([]byte{0, 1, 0, 0, 0, 200}, make([]byte, 30)...),
	} {
		if _, err := fonts.Load(b, 0); err == nil {
			t.Errorf("%s: loaded", name)
		}
	}
}

func TestEnvOverride(t *testing.T) {
	f, err := fonts.Chinese()
	if err != nil {
		missingFont(t, err)
	}
	t.Setenv(fonts.EnvFont, f.Path)
	if c := fonts.Candidates(); len(c) == 0 || c[0].Path != f.Path {
		t.Fatalf("%s not tried first: %v", fonts.EnvFont, c)
	}
	if _, err := os.Stat(f.Path); err != nil {
		t.Fatal(err)
	}
}

func FuzzLoad(f *testing.F) {
	f.Add([]byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x01\x00\x00\x00\x10"))
	f.Add([]byte{0, 1, 0, 0, 0, 1, 0, 16, 0, 0, 0, 0, 'c', 'm', 'a', 'p', 0, 0, 0, 0, 0, 0, 0, 28, 0, 0, 0, 4})
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _ = fonts.Load(b, 0) // must not panic or hang
	})
}

// missingFont stops a test that needs an installed Chinese font: a failure
// under CI, a skip elsewhere.
func missingFont(t *testing.T, err error) {
	t.Helper()
	datatest.Missing(t, "a Chinese font (apt-get install fonts-wqy-zenhei): %v", err)
}
