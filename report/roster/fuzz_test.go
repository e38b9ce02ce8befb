package roster_test

import (
	"bytes"
	"testing"

	"chamberdesk/report/roster"
)

// FuzzReadRoster feeds arbitrary bytes to Read: it may refuse them, never panic.
func FuzzReadRoster(f *testing.F) {
	f.Add([]byte("PK\x03\x04"))
	f.Add(book(f, sheet{name: "Sheet1", rows: [][]any{{"姓名", "电话", "入会日期"}, {"甲", 13800000001, 44260}}}))
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := roster.Read(bytes.NewReader(b), int64(len(b)), "fuzz.xlsx",
			roster.Options{MaxUnzipBytes: 1 << 20, MaxRows: 2000, MaxCells: 20000})
		if err == nil && r == nil {
			t.Fatal("nil roster without error")
		}
		if err != nil && !roster.IsRefusal(err) {
			t.Fatalf("error is not a refusal: %v", err)
		}
	})
}
