package tmpdir

import (
	"os"
	"path/filepath"
	"testing"
)

// TestRemoveEach: the Windows fallback removes a nested tree whole, and
// says so when something cannot go.
func TestRemoveEach(t *testing.T) {
	dir := filepath.Join(New(t), "tree")
	for _, p := range []string{"a/b/c", "a/d", "名册 2026"} {
		if err := os.MkdirAll(filepath.Join(dir, p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, p, "f.txt"), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := removeEach(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(dir); !os.IsNotExist(err) {
		t.Fatalf("%s still there: %v", dir, err)
	}
	if err := removeEach(dir); err == nil {
		t.Fatal("a missing folder reported removed")
	}
}

func TestPattern(t *testing.T) {
	if got := pattern("TestA/子 测试"); got != "TestA_____*" {
		t.Errorf("pattern = %q", got)
	}
}
