package pkg

import (
	"bytes"
	"testing"
)

// fuzzLimits keep each input fast: a crafted zip can claim anything, but
// Verify reads no more than these.
var fuzzLimits = Limits{FileBytes: 8 << 20, Entries: 64, EntryBytes: 1 << 20, TotalBytes: 4 << 20, ManifestBytes: 64 << 10}

// FuzzVerify feeds arbitrary bytes to Verify: it must not panic or hang,
// and it calls a package good only with a manifest in our format. The
// seeds in testdata are a good package, a truncated one and one with a
// ../ entry.
func FuzzVerify(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		pk, ps := verifyReader(bytes.NewReader(b), int64(len(b)), "fuzz.zip", fuzzLimits)
		for _, p := range ps {
			if p.File != "fuzz.zip" || p.Msg == "" {
				t.Fatalf("problem %+v", p)
			}
			if p.Reason != "" && bytes.Contains([]byte(p.Reason), []byte("panicked")) {
				t.Fatalf("the reader panicked: %s", p.Reason)
			}
		}
		if len(ps) == 0 && (pk.Manifest == nil || pk.Manifest.Format != Format) {
			t.Fatalf("good without a manifest: %+v", pk)
		}
	})
}
