package assets_test

import (
	"os"
	"regexp"
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
}
