package pkg

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"math/rand/v2"
	"testing"
)

// BenchmarkVerify checks a package of typical size: the four documents and
// 20 photos of 300 KB (incompressible, as JPEGs are), about 6 MB.
func BenchmarkVerify(b *testing.B) {
	es := town.entries()
	top := es[0].name
	var m Manifest
	if err := json.Unmarshal(es[len(es)-1].body, &m); err != nil {
		b.Fatal(err)
	}
	es = es[:len(es)-1]
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 20 {
		body := make([]byte, 300<<10)
		for j := range body {
			body[j] = byte(rng.Uint32())
		}
		name := photoName(i+1, "现场")
		sum := sha256.Sum256(body)
		m.Files = append(m.Files, FileRef{Path: name, Size: int64(len(body)), SHA256: hex.EncodeToString(sum[:])})
		es = append(es, entry{top + name, body})
	}
	mb, _ := json.Marshal(m)
	z := zipOf(b, append(es, entry{top + EntryManifest, mb}))
	b.SetBytes(int64(len(z)))
	b.ResetTimer()
	for b.Loop() {
		if _, ps := verifyReader(bytes.NewReader(z), int64(len(z)), "bench.zip", DefaultLimits); len(ps) > 0 {
			b.Fatal(ps)
		}
	}
}
