package assets_test

import (
	"os"
	"regexp"
	"strconv"
	"testing"

	"chamberdesk/assets"
)

func TestVersionMatchesFyneAppToml(t *testing.T) {
	b, err := os.ReadFile("../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*Version\s*=\s*"([^"]+)"`).FindSubmatch(b)
	if m == nil {
		t.Fatal("FyneApp.toml has no Version")
	}
	if string(m[1]) != assets.Version {
		t.Fatalf("FyneApp.toml says %s, assets.Version %s", m[1], assets.Version)
	}
	m = regexp.MustCompile(`(?m)^\s*Build\s*=\s*([0-9]+)`).FindSubmatch(b)
	if m == nil {
		t.Fatal("FyneApp.toml has no Build")
	}
	if n, _ := strconv.Atoi(string(m[1])); n != assets.Build {
		t.Fatalf("FyneApp.toml says build %s, assets.Build %d", m[1], assets.Build)
	}
}
