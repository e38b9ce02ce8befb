package data_test

import (
	"math"
	"testing"

	"chamberdesk/data"
)

func TestParseYuan(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want int64
		bad  bool
	}{
		{"integer", "1200", 120000, false},
		{"zero", "0", 0, false},
		{"thousands and fen", "1,200.50", 120050, false},
		{"one decimal", "1200.5", 120050, false},
		{"yuan suffix", "1200元", 120000, false},
		{"yuan zheng", "1200元整", 120000, false},
		{"wan yuan", "0.5万元", 500000, false},
		{"wan", "0.5万", 500000, false},
		{"wan precise", "1.2345万元", 1234500, false},
		{"wan to fen", "0.000001万", 1, false},
		{"yi", "3亿元", 30000000000, false},
		{"full-width yen", "￥1200", 120000, false},
		{"yen", "¥1,200", 120000, false},
		{"rmb", "RMB 1200.00", 120000, false},
		{"renminbi", "人民币1200元", 120000, false},
		{"full-width digits", "１２００．５０元", 120050, false},
		{"full-width comma", "１，２００", 120000, false},
		{"spaces", " 1 200 元 ", 120000, false},
		{"trailing zero decimals", "1200.500", 120050, false},
		{"leading zeros", "001200", 120000, false},
		{"big", "1,234,567,890.12", 123456789012, false},
		{"empty", "", 0, false},

		{"negative", "-100", 0, true},
		{"negative after yen", "￥-100", 0, true},
		{"negative before yen", "-￥100", 0, true},
		{"unicode minus", "−100", 0, true},
		{"fu", "负100元", 0, true},
		{"three decimals", "1.005", 0, true},
		{"wan too precise", "0.0000001万", 0, true},
		{"bad grouping", "1,5", 0, true},
		{"bad grouping 2", "12,00", 0, true},
		{"garbage", "一千二", 0, true},
		{"letters", "abc", 0, true},
		{"only unit", "元", 0, true},
		{"only yen", "￥", 0, true},
		{"dot only", ".", 0, true},
		{"leading dot", ".5", 0, true},
		{"two dots", "1.2.3", 0, true},
		{"exponent", "1E3", 0, true},
		{"too large", "100000000000000000", 0, true},
		{"too large yi", "99999999999亿", 0, true},
		{"wan and yi", "1万亿", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := data.ParseYuan(tt.in)
			if got != tt.want {
				t.Errorf("ParseYuan(%q) = %d, want %d", tt.in, got, tt.want)
			}
			code := ""
			if tt.bad {
				code = "money.format"
			}
			if e := wantErr(t, err, code); e != nil && e.Field != "金额" {
				t.Errorf("Field = %q", e.Field)
			}
		})
	}
}

func TestFormatYuanPlain(t *testing.T) {
	tests := []struct {
		in   int64
		want string
	}{
		{0, "0"},
		{100, "1"},
		{120000, "1200"},
		{120050, "1200.50"},
		{120005, "1200.05"},
		{1, "0.01"},
		{-120050, "-1200.50"},
		{math.MaxInt64, "92233720368547758.07"},
		{math.MinInt64, "-92233720368547758.08"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			got := data.FormatYuanPlain(tt.in)
			if got != tt.want {
				t.Errorf("FormatYuanPlain(%d) = %q, want %q", tt.in, got, tt.want)
			}
			if tt.in >= 0 && tt.in < 1e17 {
				if back, err := data.ParseYuan(got); err != nil || back != tt.in {
					t.Errorf("ParseYuan(%q) = %d, %v", got, back, err)
				}
			}
		})
	}
}

func TestFormatWanYuan(t *testing.T) {
	tests := []struct {
		in   int64
		want string
	}{
		{0, "0元"},
		{850000, "8500元"},
		{850050, "8500.50元"},
		{999999, "9999.99元"},
		{1000000, "1万元"},
		{12500000, "12.5万元"},
		{12340000, "12.34万元"},
		{12345000, "12.35万元"},     // half up
		{12344999, "12.34万元"},     // just below half
		{10050000, "10.05万元"},     // inner zero kept
		{999999999, "1000万元"},     // 9999999.99元 rounds up within 万
		{9999990000, "9999.99万元"}, // largest 万 value
		{9999994999, "9999.99万元"},
		{9999995000, "1亿元"}, // rounds to 10000万, shown as 亿
		{9999999999, "1亿元"},
		{10000000000, "1亿元"},
		{32000000000, "3.2亿元"},
		{1234500000000, "123.45亿元"},
		{-12500000, "-12.5万元"},
		{math.MaxInt64, "922337203.69亿元"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := data.FormatWanYuan(tt.in); got != tt.want {
				t.Errorf("FormatWanYuan(%d) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzParseYuan(f *testing.F) {
	for _, s := range []string{"1200", "1,200.50", "0.5万元", "￥1200", "-1", "1.005", "１２００元整"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fen, err := data.ParseYuan(s)
		if err != nil {
			if fen != 0 || !data.IsCode(err, "money.format") {
				t.Fatalf("ParseYuan(%q) = %d, %v", s, fen, err)
			}
			return
		}
		if fen < 0 {
			t.Fatalf("ParseYuan(%q) = %d, negative", s, fen)
		}
		plain := data.FormatYuanPlain(fen)
		if back, err := data.ParseYuan(plain); err != nil || back != fen {
			t.Fatalf("%q -> %d -> %q -> %d, %v", s, fen, plain, back, err)
		}
		_ = data.FormatWanYuan(fen)
	})
}
