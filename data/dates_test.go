package data_test

import (
	"strconv"
	"testing"
	"time"

	"chamberdesk/data"
)

func day(y, m, d int) time.Time {
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want time.Time
		code string
	}{
		{"iso", "2021-03-05", day(2021, 3, 5), ""},
		{"dash short", "2021-3-5", day(2021, 3, 5), ""},
		{"dots", "2021.3.5", day(2021, 3, 5), ""},
		{"dots padded", "2021.03.05", day(2021, 3, 5), ""},
		{"slashes", "2021/3/5", day(2021, 3, 5), ""},
		{"chinese 日", "2021年3月5日", day(2021, 3, 5), ""},
		{"chinese 号", "2021年3月5号", day(2021, 3, 5), ""},
		{"chinese padded", "2021年03月05日", day(2021, 3, 5), ""},
		{"chinese spaced", "2021 年 3 月 5 日", day(2021, 3, 5), ""},
		{"chinese no day marker", "2021年3月5", day(2021, 3, 5), ""},
		{"eight digits", "20210305", day(2021, 3, 5), ""},
		{"with time", "2021-03-05 00:00:00", day(2021, 3, 5), ""},
		{"with late time", "2021-03-05 23:59:59", day(2021, 3, 5), ""},
		{"iso utc", "2021-03-05T00:00:00Z", day(2021, 3, 5), ""},
		{"iso offset", "2021-03-05T10:00:00+08:00", day(2021, 3, 5), ""},
		{"iso fraction", "2021-03-05T10:00:00.123Z", day(2021, 3, 5), ""},
		{"excel csv time", "2021/3/5 0:00", day(2021, 3, 5), ""},
		{"full width", "２０２１－０３－０５", day(2021, 3, 5), ""},
		{"full width chinese", "２０２１年３月５日", day(2021, 3, 5), ""},
		{"surrounding space", "\u3000 2021-03-05 \n", day(2021, 3, 5), ""},
		{"serial", "44260", day(2021, 3, 5), ""},
		{"bare year refused", "2021", time.Time{}, "date.format"},
		{"year with a point refused", "2021.5", time.Time{}, "date.format"}, // 2021年5月? serial 1905? neither is a date
		{"year as a number cell refused", "2000.0", time.Time{}, "date.format"},
		{"serial .0", "44260.0", day(2021, 3, 5), ""},
		{"serial .5", "44260.5", day(2021, 3, 5), ""},
		{"serial 1", "1", day(1900, 1, 1), ""},
		{"serial 59", "59", day(1900, 2, 28), ""},
		{"serial 61", "61", day(1900, 3, 1), ""},
		{"serial 2020-02-29", "43890", day(2020, 2, 29), ""},
		{"serial 2100-12-31", "73415", day(2100, 12, 31), ""},
		{"leap 2020", "2020-02-29", day(2020, 2, 29), ""},
		{"leap 2000", "2000-02-29", day(2000, 2, 29), ""},
		{"year 1900", "1900-01-01", day(1900, 1, 1), ""},
		{"year 2100", "2100-12-31", day(2100, 12, 31), ""},
		{"empty", "", time.Time{}, ""},
		{"blank", " \u3000", time.Time{}, ""},

		{"serial 60 fictitious", "60", time.Time{}, "date.invalid"},
		{"serial 0", "0", time.Time{}, "date.invalid"},
		{"serial 0.5", "0.5", time.Time{}, "date.invalid"},
		{"serial past 2100", "73416", time.Time{}, "date.invalid"},
		{"serial max is year 9999", "2958465", time.Time{}, "date.invalid"},
		{"serial too big", "2958466", time.Time{}, "date.invalid"},
		{"not leap 2021", "2021-02-29", time.Time{}, "date.invalid"},
		{"not leap 1900", "1900-02-29", time.Time{}, "date.invalid"},
		{"feb 30", "2021-02-30", time.Time{}, "date.invalid"},
		{"month 13", "2021-13-01", time.Time{}, "date.invalid"},
		{"day 0", "2021-03-00", time.Time{}, "date.invalid"},
		{"april 31", "2021年4月31日", time.Time{}, "date.invalid"},
		{"eight digits bad", "20210230", time.Time{}, "date.invalid"},
		{"year 1899", "1899-12-31", time.Time{}, "date.invalid"},
		{"year 2101", "2101-01-01", time.Time{}, "date.invalid"},
		{"garbage", "明天", time.Time{}, "date.format"},
		{"letters", "abc", time.Time{}, "date.format"},
		{"mixed separators", "2021-3/5", time.Time{}, "date.format"},
		{"month first", "3/5/2021", time.Time{}, "date.format"},
		{"two-digit year", "21-3-5", time.Time{}, "date.format"},
		{"trailing junk", "2021-03-05 abc", time.Time{}, "date.format"},
		{"nine digits", "202103050", time.Time{}, "date.format"},
		{"negative serial", "-5", time.Time{}, "date.format"},
		{"serial exponent", "4.426E+4", time.Time{}, "date.format"},
		{"year month only", "2021-03", time.Time{}, "date.format"},
		{"trailing dot", "2021.3.5.", time.Time{}, "date.format"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := data.ParseDate(tt.in)
			if !got.Equal(tt.want) || got.Location() != time.UTC && !got.IsZero() {
				t.Errorf("ParseDate(%q) = %v, want %v", tt.in, got, tt.want)
			}
			if e := wantErr(t, err, tt.code); e != nil && e.Field != "日期" {
				t.Errorf("Field = %q", e.Field)
			}
		})
	}

	t.Run("format message lists forms", func(t *testing.T) {
		_, err := data.ParseDate("明天")
		e := wantErr(t, err, "date.format")
		if e.Msg != "无法识别的日期，请写成 2021-03-05、2021.3.5 或 2021年3月5日" {
			t.Errorf("Msg = %q", e.Msg)
		}
	})
	t.Run("invalid message", func(t *testing.T) {
		_, err := data.ParseDate("2021-02-29")
		if e := wantErr(t, err, "date.invalid"); e.Msg != "日期不存在" {
			t.Errorf("Msg = %q", e.Msg)
		}
	})
}

func TestDateExcelSerial(t *testing.T) {
	cst := time.FixedZone("CST", 8*3600)
	tests := []struct {
		name string
		in   time.Time
		want float64
	}{
		{"2021-03-05", day(2021, 3, 5), 44260},
		{"1900-01-01", day(1900, 1, 1), 1},
		{"1900-02-28", day(1900, 2, 28), 59},
		{"1900-03-01", day(1900, 3, 1), 61},
		{"9999-12-31", day(9999, 12, 31), 2958465},
		{"noon", time.Date(2021, 3, 5, 12, 0, 0, 0, time.UTC), 44260.5},
		{"local date counts", time.Date(2021, 3, 5, 6, 0, 0, 0, cst), 44260.25},
		{"before 1900", day(1899, 12, 31), 0},
		{"zero", time.Time{}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := data.ExcelSerial(tt.in); got != tt.want {
				t.Errorf("ExcelSerial(%v) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}

	t.Run("round trip every serial to 2100", func(t *testing.T) {
		for n := 1; n <= 73415; n++ {
			d, err := data.ParseDate(strconv.Itoa(n))
			if n >= 1900 && n <= 2100 { // bare years are refused, not read as 1905
				if err == nil {
					t.Errorf("bare year %d accepted as %v", n, d)
				}
				continue
			}
			if n == 60 {
				if err == nil {
					t.Errorf("serial 60 accepted as %v", d)
				}
				continue
			}
			if err != nil {
				t.Fatalf("serial %d: %v", n, err)
			}
			if got := data.ExcelSerial(d); got != float64(n) {
				t.Fatalf("serial %d -> %v -> %v", n, d, got)
			}
		}
	})
}

func TestFormatDate(t *testing.T) {
	tests := []struct {
		name    string
		in      time.Time
		cn, iso string
	}{
		{"plain", day(2021, 3, 5), "2021年3月5日", "2021-03-05"},
		{"two-digit parts", day(2021, 12, 25), "2021年12月25日", "2021-12-25"},
		{"1900", day(1900, 1, 1), "1900年1月1日", "1900-01-01"},
		{"zero", time.Time{}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := data.FormatDateCN(tt.in); got != tt.cn {
				t.Errorf("FormatDateCN = %q, want %q", got, tt.cn)
			}
			if got := data.FormatDateISO(tt.in); got != tt.iso {
				t.Errorf("FormatDateISO = %q, want %q", got, tt.iso)
			}
			for _, s := range []string{tt.cn, tt.iso} {
				back, err := data.ParseDate(s)
				if err != nil || !back.Equal(tt.in) {
					t.Errorf("ParseDate(%q) = %v, %v; want %v", s, back, err, tt.in)
				}
			}
		})
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2021-03-05", "2021年3月5号", "20210305", "44260.5", "60", "2021-02-29", "2021-03-05T00:00:00Z", "明天"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := data.ParseDate(s)
		if err != nil {
			if !d.IsZero() {
				t.Fatalf("error %v with date %v", err, d)
			}
			if !data.IsCode(err, "date.format") && !data.IsCode(err, "date.invalid") {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		if d.IsZero() {
			if data.NormalizeText(s) != "" {
				t.Fatalf("%q parsed to the zero time without error", s)
			}
			return
		}
		if d.Location() != time.UTC || d.Hour()+d.Minute()+d.Second()+d.Nanosecond() != 0 {
			t.Fatalf("%q parsed to %v, not UTC midnight", s, d)
		}
		if y := d.Year(); y < 1900 || y > 2100 {
			t.Fatalf("%q parsed to year %d", s, y)
		}
		for _, again := range []string{data.FormatDateISO(d), data.FormatDateCN(d), strconv.FormatFloat(data.ExcelSerial(d), 'f', -1, 64)} {
			back, err := data.ParseDate(again)
			if err != nil || !back.Equal(d) {
				t.Fatalf("%q -> %v -> %q -> %v, %v", s, d, again, back, err)
			}
		}
	})
}
