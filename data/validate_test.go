package data_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"chamberdesk/data"
)

// wantErr checks err is a *data.Error with the given code (or nil when code
// is "") and returns it for further checks.
func wantErr(t *testing.T, err error, code string) *data.Error {
	t.Helper()
	if code == "" {
		if err != nil {
			t.Fatalf("unexpected error: %v", err)
		}
		return nil
	}
	if err == nil {
		t.Fatalf("want error %q, got nil", code)
	}
	var e *data.Error
	if !errors.As(err, &e) {
		t.Fatalf("want *data.Error, got %T: %v", err, err)
	}
	if e.Code != code {
		t.Fatalf("code = %q, want %q (%v)", e.Code, code, err)
	}
	if e.Msg == "" || e.Reason == "" || e.Field == "" {
		t.Errorf("error lacks Msg, Reason or Field: %#v", e)
	}
	return e
}

func TestNormalizeText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", "", ""},
		{"plain", "abc", "abc"},
		{"trim", "  abc \t", "abc"},
		{"collapse", "a \r\n\t b", "a b"},
		{"full-width letters and digits", "ＡＢＣ１２３", "ABC123"},
		{"full-width punctuation kept", "青禾建材（集团）有限公司：第一期！", "青禾建材（集团）有限公司：第一期！"},
		{"ideographic space", "张\u3000三", "张 三"},
		{"nbsp", "a\u00a0\u00a0b", "a b"},
		{"zero width", "\ufeff13\u200b8", "138"},
		{"zero width between spaces", "a \u200b b", "a b"},
		{"only spaces", " \u3000\u00a0\n", ""},
		{"chinese kept", "四川省 成都市", "四川省 成都市"},
		{"full-width comma and period kept", "１，２００．５", "1，200．5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := data.NormalizeText(tt.in); got != tt.want {
				t.Errorf("NormalizeText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// refCreditCheck is an independent implementation of the GB 32100 check used
// to cross-check the package: weights are computed as powers of 3 here rather
// than taken from a table.
func refCreditCheck(first17 string) byte {
	const alpha = "0123456789ABCDEFGHJKLMNPQRTUWXY"
	sum, w := 0, 1
	for i := 0; i < 17; i++ {
		sum += strings.IndexByte(alpha, first17[i]) * w
		w = w * 3 % 31
	}
	return alpha[(31-sum%31)%31]
}

func TestCreditCodeCheckChar(t *testing.T) {
	// Expected characters computed separately (Python) from the standard.
	tests := []struct {
		first17 string
		want    byte
		ok      bool
	}{
		{"91350100M000100Y4", '3', true},
		{"91110000600037341", 'L', true},
		{"12100000400000024", 'B', true},
		{"Y1110105MA01ABCDE", 'M', true},
		{"5111010500000000X", 'R', true},
		{"93510105MA6CXXXX1", 'F', true},
		{"00000000000000000", '0', true}, // 31 - 0 = 31, which maps to 0
		{"9135010", 0, false},
		{"91350100M000100Y43", 0, false},
		{"91350100I000100Y4", 0, false},
		{"91350100M000100YZ", 0, false},
		{"91350100m000100Y4", 0, false}, // lower case is CheckCreditCode's job
		{"9135010０M000100Y4", 0, false}, // full-width digit, ditto
		{"91350100M000100Y\x00", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.first17, func(t *testing.T) {
			got, ok := data.CreditCodeCheckChar(tt.first17)
			if ok != tt.ok || got != tt.want {
				t.Errorf("CreditCodeCheckChar(%q) = %q, %v; want %q, %v", tt.first17, got, ok, tt.want, tt.ok)
			}
		})
	}

	t.Run("matches reference", func(t *testing.T) {
		for _, f := range []string{
			"YYYYYYYYYYYYYYYYY", "1234567890ABCDEFG", "HJKLMNPQRTUWXY012",
			"10000000000000000", "00000000000000001", "0000000000000000Y",
			"52510000MJ0000000", "91510100MA6CGXXXX", "Q1510100MA6CGXXXX",
		} {
			got, ok := data.CreditCodeCheckChar(f)
			if want := refCreditCheck(f); !ok || got != want {
				t.Errorf("CreditCodeCheckChar(%q) = %q, %v; reference gives %q", f, got, ok, want)
			}
		}
	})
}

func TestCheckCreditCode(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		want     string
		code     string
		warning  bool
		msgParts []string
	}{
		{name: "valid", in: "91350100M000100Y43", want: "91350100M000100Y43"},
		{name: "valid 2", in: "91110000600037341L", want: "91110000600037341L"},
		{name: "valid Y authority", in: "Y1110105MA01ABCDEM", want: "Y1110105MA01ABCDEM"},
		{name: "lower case", in: "91350100m000100y43", want: "91350100M000100Y43"},
		{name: "full width", in: "９１３５０１００Ｍ０００１００Ｙ４３", want: "91350100M000100Y43"},
		{name: "full width lower", in: "９１１１００００６０００３７３４１ｌ", want: "91110000600037341L"},
		{name: "spaces and zero width", in: " 9135 0100 M000\u200b100Y43\u3000", want: "91350100M000100Y43"},
		{name: "empty", in: "", want: ""},
		{name: "blank", in: " \u3000 ", want: ""},
		{name: "wrong check", in: "91350100M000100Y44", want: "91350100M000100Y44",
			code: "credit_code.check", warning: true, msgParts: []string{"应为3", "已保存并标记"}},
		{name: "wrong check lower", in: "91110000600037341a", want: "91110000600037341A",
			code: "credit_code.check", warning: true, msgParts: []string{"应为L"}},
		{name: "17 chars", in: "91350100M000100Y4", code: "credit_code.format",
			msgParts: []string{"18位", "不含I、O、Z、S、V"}},
		{name: "19 chars", in: "91350100M000100Y433", code: "credit_code.format"},
		{name: "contains I", in: "91350100I000100Y43", code: "credit_code.format", msgParts: []string{"第9位「I」"}},
		{name: "contains O", in: "9135O100M000100Y43", code: "credit_code.format", msgParts: []string{"第5位「O」"}},
		{name: "contains Z", in: "91350100M000100Z43", code: "credit_code.format"},
		{name: "punctuation", in: "91350100-M000100Y4", code: "credit_code.format"},
		{name: "chinese", in: "91350100M000100Y4号", code: "credit_code.format", msgParts: []string{"第18位「号」"}},
		// ToUpper would map 'ı' (dotless i) to 'I' and 'ſ' to 'S'; they must
		// stay foreign characters.
		{name: "dotless i", in: "91350100M000100Yı3", code: "credit_code.format"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := data.CheckCreditCode(tt.in)
			if got != tt.want {
				t.Errorf("code = %q, want %q", got, tt.want)
			}
			e := wantErr(t, err, tt.code)
			if e == nil {
				return
			}
			if e.Warning != tt.warning {
				t.Errorf("Warning = %v, want %v", e.Warning, tt.warning)
			}
			if e.Field != "统一社会信用代码" {
				t.Errorf("Field = %q", e.Field)
			}
			for _, p := range tt.msgParts {
				if !strings.Contains(e.Msg, p) {
					t.Errorf("Msg %q lacks %q", e.Msg, p)
				}
			}
			if !data.IsCode(err, tt.code) {
				t.Errorf("IsCode(err, %q) = false", tt.code)
			}
		})
	}

	t.Run("length reason", func(t *testing.T) {
		_, err := data.CheckCreditCode("91350100M000100Y4")
		e := wantErr(t, err, "credit_code.format")
		if !strings.Contains(e.Reason, "got 17") {
			t.Errorf("Reason %q should give the length", e.Reason)
		}
	})
}

// idToday is the fixed reference date for ID-number tests.
var idToday = time.Date(2024, 6, 1, 15, 0, 0, 0, time.UTC)

func TestCheckIDNumber(t *testing.T) {
	// Fictional numbers; check characters computed separately (Python).
	tests := []struct {
		name string
		in   string
		want string
		code string
	}{
		{name: "valid X", in: "11010519491231002X", want: "11010519491231002X"},
		{name: "valid X 2", in: "11010519880519018X", want: "11010519880519018X"},
		{name: "lower x", in: "11010519491231002x", want: "11010519491231002X"},
		{name: "valid digit", in: "110105199003071239", want: "110105199003071239"},
		{name: "leap day 2000", in: "510105200002294561", want: "510105200002294561"},
		{name: "year 1900", in: "11010519000101001X", want: "11010519000101001X"},
		{name: "born today", in: "110105202406011235", want: "110105202406011235"},
		{name: "full width and spaces", in: "１１０１０５ １９９００３０７ １２３９", want: "110105199003071239"},
		{name: "empty", in: "", want: ""},
		{name: "wrong check", in: "110105199003071238", code: "id_number.check"},
		{name: "wrong check X", in: "11010519900307123X", code: "id_number.check"},
		{name: "feb 30", in: "110105199902301237", code: "id_number.birth"},
		{name: "month 13", in: "110105199913011237", code: "id_number.birth"},
		{name: "before 1900", in: "110105189912311237", code: "id_number.birth"},
		{name: "future far", in: "11010520301231123X", code: "id_number.birth"},
		{name: "tomorrow", in: "110105202406021230", code: "id_number.birth"},
		{name: "17 chars", in: "11010519900307123", code: "id_number.format"},
		{name: "19 chars", in: "1101051990030712390", code: "id_number.format"},
		{name: "old 15 digits", in: "110105900307123", code: "id_number.format"},
		{name: "letters", in: "1101051990O307123X", code: "id_number.format"},
		{name: "bad last char", in: "11010519900307123Y", code: "id_number.format"},
		{name: "chinese", in: "11010519900307123号", code: "id_number.format"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := data.CheckIDNumberAt(tt.in, idToday)
			if got != tt.want {
				t.Errorf("id = %q, want %q", got, tt.want)
			}
			e := wantErr(t, err, tt.code)
			if e == nil {
				return
			}
			if e.Field != "身份证号码" || e.Warning {
				t.Errorf("Field = %q, Warning = %v", e.Field, e.Warning)
			}
			// Privacy: the whole number must appear nowhere in the error,
			// nor its birth date.
			full := strings.ToUpper(data.NormalizeText(strings.ReplaceAll(tt.in, " ", "")))
			full = strings.ReplaceAll(full, " ", "")
			if e.Value != data.MaskIDNumber(full) {
				t.Errorf("Value = %q, want masked %q", e.Value, data.MaskIDNumber(full))
			}
			msg := err.Error()
			if strings.Contains(msg, full) || strings.Contains(e.Value, full) {
				t.Errorf("error leaks the full number: %q", msg)
			}
			if len(full) >= 14 && strings.Contains(msg, full[6:14]) {
				t.Errorf("error leaks the birth date: %q", msg)
			}
		})
	}

	t.Run("birth uses today's calendar date", func(t *testing.T) {
		// "Today" is the calendar date in the reference time's own zone:
		// 00:00:01 on 2 June in UTC+8 is still 1 June in UTC.
		cst := time.FixedZone("CST", 8*3600)
		if _, err := data.CheckIDNumberAt("110105202406021230", time.Date(2024, 6, 2, 0, 0, 1, 0, cst)); err != nil {
			t.Errorf("born on today's date rejected: %v", err)
		}
		if _, err := data.CheckIDNumberAt("110105202406021230", time.Date(2024, 6, 1, 23, 59, 59, 0, cst)); err == nil {
			t.Error("born tomorrow accepted")
		}
	})

}

func TestCheckMobile(t *testing.T) {
	tests := []struct {
		name, in, want, code, value string
	}{
		{name: "plain", in: "13812345678", want: "13812345678"},
		{name: "199", in: "19912345678", want: "19912345678"},
		{name: "spaces", in: "138 1234 5678", want: "13812345678"},
		{name: "dashes", in: "138-1234-5678", want: "13812345678"},
		{name: "+86", in: "+86 138 1234 5678", want: "13812345678"},
		{name: "+86-", in: "+86-13812345678", want: "13812345678"},
		{name: "86", in: "8613812345678", want: "13812345678"},
		{name: "0086", in: "008613812345678", want: "13812345678"},
		{name: "full width", in: "１３８１２３４５６７８", want: "13812345678"},
		{name: "full width plus", in: "＋８６　１３８１２３４５６７８", want: "13812345678"},
		{name: "excel .0", in: "13812345678.0", want: "13812345678"},
		{name: "excel .00", in: "13812345678.00", want: "13812345678"},
		{name: "excel E+10", in: "1.3812345678E+10", want: "13812345678"},
		{name: "excel e10", in: "1.3812345678e10", want: "13812345678"},
		{name: "excel E+12 with 86", in: "8.613812345678E+12", want: "13812345678"},
		{name: "excel trailing zero mantissa", in: "1.38123456780E+10", want: "13812345678"},
		{name: "empty", in: "", want: ""},
		{name: "blank", in: "\u3000", want: ""},
		{name: "starts 12", in: "12812345678", code: "phone.format", value: "128****5678"},
		{name: "starts 10", in: "10012345678", code: "phone.format", value: "100****5678"},
		{name: "10 digits", in: "1381234567", code: "phone.format", value: "1381234567"},
		{name: "12 digits", in: "138123456789", code: "phone.format", value: "138123456789"},
		{name: "excel fraction", in: "13812345678.5", code: "phone.format", value: "13812345678.5"},
		{name: "excel E not integer", in: "1.38123456785E+10", code: "phone.format", value: "1.38123456785E+10"},
		{name: "excel E too small", in: "1.3812345678E+9", code: "phone.format", value: "1.3812345678E+9"},
		{name: "letters", in: "abc", code: "phone.format", value: "abc"},
		{name: "landline", in: "028-12345678", code: "phone.format", value: "028****5678"},
		{name: "86 but not mobile after", in: "8612812345678", code: "phone.format", value: "128****5678"},
		{name: "huge exponent", in: "1E+999", code: "phone.format", value: "1E+999"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := data.CheckMobile(tt.in)
			if got != tt.want {
				t.Errorf("CheckMobile(%q) = %q, want %q", tt.in, got, tt.want)
			}
			e := wantErr(t, err, tt.code)
			if e == nil {
				return
			}
			if e.Field != "手机号码" || e.Value != tt.value {
				t.Errorf("Field, Value = %q, %q; want 手机号码, %q", e.Field, e.Value, tt.value)
			}
		})
	}
}

func TestCheckPhone(t *testing.T) {
	tests := []struct {
		name, in, want, code, value string
	}{
		{name: "mobile", in: "138 1234 5678", want: "13812345678"},
		{name: "mobile excel", in: "1.3812345678E+10", want: "13812345678"},
		{name: "dash", in: "028-12345678", want: "028-12345678"},
		{name: "parens", in: "(028)1234567", want: "028-1234567"},
		{name: "full-width parens", in: "（０２８）１２３４５６７８", want: "028-12345678"},
		{name: "parens dash", in: "(028)-12345678", want: "028-12345678"},
		{name: "four digit area ext", in: "0838-1234567-801", want: "0838-1234567-801"},
		{name: "ext 转", in: "0838-1234567转801", want: "0838-1234567-801"},
		{name: "ext #", in: "028-12345678#12", want: "028-12345678-12"},
		{name: "space", in: "028 1234 5678", want: "028-12345678"},
		{name: "no separator 02x", in: "02812345678", want: "028-12345678"},
		{name: "no separator 010", in: "01012345678", want: "010-12345678"},
		{name: "no separator 4-digit area", in: "08381234567", want: "0838-1234567"},
		{name: "no separator with ext", in: "02812345678-801", want: "028-12345678-801"},
		{name: "empty", in: "", want: ""},
		{name: "no area code", in: "12345678", code: "phone.format", value: "12345678"},
		{name: "area without 0", in: "828-12345678", code: "phone.format", value: "828****5678"},
		{name: "number too short", in: "028-123456", code: "phone.format", value: "028-123456"},
		{name: "number too long", in: "028-123456789", code: "phone.format", value: "028-123456789"},
		{name: "ext too long", in: "028-12345678-1234567", code: "phone.format", value: "028-12345678-1234567"},
		{name: "empty ext", in: "028-12345678-", code: "phone.format", value: "028****5678"},
		{name: "open paren", in: "(02812345678", code: "phone.format", value: "(02812345678"},
		{name: "letters", in: "phone", code: "phone.format", value: "phone"},
		{name: "bad 11-digit masked", in: "12812345678", code: "phone.format", value: "128****5678"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := data.CheckPhone(tt.in)
			if got != tt.want {
				t.Errorf("CheckPhone(%q) = %q, want %q", tt.in, got, tt.want)
			}
			e := wantErr(t, err, tt.code)
			if e == nil {
				return
			}
			if e.Value != tt.value {
				t.Errorf("Value = %q, want %q", e.Value, tt.value)
			}
			if !strings.Contains(e.Msg, "手机") || !strings.Contains(e.Msg, "固定电话") {
				t.Errorf("Msg %q should mention 手机 and 固定电话", e.Msg)
			}
		})
	}
}

func FuzzNormalizeText(f *testing.F) {
	for _, s := range []string{"", " a  b ", "ＡＢＣ\u3000１２３", "\ufeffx\u200by", "\xff\xfe", "a\r\n\tb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := data.NormalizeText(s)
		if again := data.NormalizeText(n); again != n {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, n, again)
		}
		if strings.TrimSpace(n) != n || strings.Contains(n, "  ") {
			t.Fatalf("untidy spaces in %q", n)
		}
	})
}

func FuzzCheckCreditCode(f *testing.F) {
	for _, s := range []string{"91350100M000100Y43", "91350100m000100y44", "９１３５０１００Ｍ０００１００Ｙ４３", "91350100I000100Y43", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		code, err := data.CheckCreditCode(s)
		if err != nil {
			e, ok := data.AsError(err)
			if !ok {
				t.Fatalf("error is %T, not *data.Error", err)
			}
			switch {
			case e.Code == "credit_code.check" && e.Warning && code != "":
			case e.Code == "credit_code.format" && !e.Warning && code == "":
			default:
				t.Fatalf("inconsistent result %q, %#v", code, e)
			}
		}
		if code == "" {
			return
		}
		if len(code) != 18 {
			t.Fatalf("returned code %q is not 18 bytes", code)
		}
		again, err2 := data.CheckCreditCode(code)
		if again != code || (err == nil) != (err2 == nil) || err != nil && err.Error() != err2.Error() {
			t.Fatalf("round trip differs: %q,%v -> %q,%v", code, err, again, err2)
		}
		want, ok := data.CreditCodeCheckChar(code[:17])
		if !ok || (want == code[17]) != (err == nil) {
			t.Fatalf("check char %q,%v disagrees with result for %q (err %v)", want, ok, code, err)
		}
	})
}

func FuzzCheckIDNumber(f *testing.F) {
	for _, s := range []string{"11010519491231002X", "11010519491231002x", "110105199902301237", "11010520301231123X", "110105900307123", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, err := data.CheckIDNumberAt(s, idToday)
		if err == nil {
			if id == "" {
				return
			}
			if len(id) != 18 {
				t.Fatalf("returned %q is not 18 bytes", id)
			}
			if again, err := data.CheckIDNumberAt(id, idToday); again != id || err != nil {
				t.Fatalf("round trip: %q -> %q, %v", id, again, err)
			}
			return
		}
		if id != "" {
			t.Fatalf("error %v with result %q", err, id)
		}
		e, ok := data.AsError(err)
		if !ok || e.Field != "身份证号码" {
			t.Fatalf("bad error %#v", err)
		}
		// The value is always masked: MaskIDNumber stars at least one rune.
		if !strings.Contains(e.Value, "*") {
			t.Fatalf("Value %q is not masked", e.Value)
		}
		// Only digit strings can be compared: a word could match the
		// English reason by chance.
		if c := strings.ReplaceAll(s, " ", ""); len(c) >= 5 && strings.Trim(c, "0123456789Xx") == "" && strings.Contains(err.Error(), c) {
			t.Fatalf("error %q contains the input", err.Error())
		}
	})
}
