package journal_test

import (
	"bytes"
	"testing"

	"chamberdesk/report/journal"
)

// FuzzReadJournal feeds arbitrary bytes to Read: it may refuse them, never panic.
func FuzzReadJournal(f *testing.F) {
	f.Add([]byte("PK\x03\x04"))
	f.Add(book(f, sheet{name: "Sheet1", rows: [][]any{{"日期", "摘要", "收入", "支出", "余额"},
		{"2025-01-01", "上年结转", nil, nil, 100}, {45000, "a", "1,200", nil, "1300"}}}))
	f.Add(book(f, sheet{name: "2025年", rows: [][]any{{"月", "日", "摘要", "金额", "收支"}, {1, 2, "x", -5, "支"}}}))
	f.Fuzz(func(t *testing.T, b []byte) {
		j, err := journal.Read(bytes.NewReader(b), int64(len(b)), "fuzz.xlsx",
			journal.Options{MaxUnzipBytes: 1 << 20, MaxRows: 2000, MaxCells: 20000})
		if err == nil && j == nil {
			t.Fatal("nil journal without error")
		}
		if err != nil && !journal.IsRefusal(err) {
			t.Fatalf("error is not a refusal: %v", err)
		}
	})
}
