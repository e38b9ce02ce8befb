package data

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// NormalizeText tidies a value typed or pasted by a person before any other
// check looks at it. Chinese input methods switch to full-width forms easily
// (１２３, ＡＢＣ), Word and web pages leave NBSP and zero-width marks behind,
// and Excel cells often carry line breaks; none of these change what the
// person meant, so they must not make a value "wrong". Full-width letters,
// digits and spaces are folded to ASCII; full-width punctuation （）：is kept,
// because in Chinese text it is the right punctuation.
func NormalizeText(s string) string { return tidy(s, false) }

// normalizeValue is NormalizeText for values that are parsed rather than
// read (codes, phones, dates, money): full-width punctuation such as －
// and ／ is folded too. Prose keeps its （）：, which are correct Chinese.
func normalizeValue(s string) string { return tidy(s, true) }

func tidy(s string, punctuation bool) string {
	var b strings.Builder
	b.Grow(len(s))
	pendingSpace := false
	for _, r := range s {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			// The full-width block mirrors ASCII 0x21..0x7E at a fixed offset.
			if a := r - 0xFEE0; punctuation || isASCIIAlnum(a) {
				r = a
			}
		case r == 0x3000 || r == 0x00A0:
			r = ' '
		case r == 0x200B || r == 0xFEFF:
			continue
		}
		if unicode.IsSpace(r) {
			pendingSpace = true
			continue
		}
		// Spaces are written lazily so leading and trailing runs vanish and
		// inner runs become one.
		if pendingSpace && b.Len() > 0 {
			b.WriteByte(' ')
		}
		pendingSpace = false
		b.WriteRune(r)
	}
	return b.String()
}

// compactUpper normalizes s, drops every space and upper-cases ASCII letters
// only: strings.ToUpper would also turn e.g. 'ı' into 'I' and 'ſ' into 'S',
// quietly letting foreign letters pass as code characters.
func compactUpper(s string) string {
	s = normalizeValue(s)
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ':
			continue
		case c >= 'a' && c <= 'z':
			c -= 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String()
}

// clipValue keeps Error.Value readable when someone pastes a whole paragraph
// into a code field.
func clipValue(s string) string {
	const max = 40
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max]) + "…"
}

// ---------------------------------------------------------------------------
// 统一社会信用代码, GB 32100-2015.

// creditAlphabet is the GB 32100 character set; a character's value is its
// index. I, O, Z, S and V are left out because they are easily mistaken for
// 1, 0, 2, 5 and U.
const creditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// creditWeights are 3^(i-1) mod 31 for positions 1..17.
var creditWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

const (
	fieldCreditCode   = "统一社会信用代码"
	msgCreditFormat   = "应为18位，由数字和大写字母组成（不含I、O、Z、S、V）"
	msgCreditFormatEN = "must be 18 characters of digits and capital letters (no I, O, Z, S or V)"
)

// creditValue returns the GB 32100 value of c, or -1.
func creditValue(c byte) int {
	return strings.IndexByte(creditAlphabet, c)
}

// CreditCodeCheckChar computes the 18th character of a credit code from the
// first 17. It reports false when first17 is not exactly 17 characters of
// the GB 32100 alphabet; the input must already be upper case (CheckCreditCode
// does that normalization).
func CreditCodeCheckChar(first17 string) (byte, bool) {
	if len(first17) != 17 {
		return 0, false
	}
	sum := 0
	for i := 0; i < 17; i++ {
		v := creditValue(first17[i])
		if v < 0 {
			return 0, false
		}
		sum += v * creditWeights[i]
	}
	return creditAlphabet[(31-sum%31)%31], true
}

// CheckCreditCode validates a 统一社会信用代码 and returns it normalized
// (no spaces, upper case). The field is optional, so "" is accepted.
//
// A wrong check character is deliberately only a warning: the code is
// returned together with an *Error whose Warning is true. Some codes issued
// during the early pilots are legal yet fail the check, and refusing them
// would leave members unrecordable; the caller keeps and flags the record.
//
// Only the length, alphabet and check character are verified; the internal
// structure (registration authority, area code, embedded organization code)
// is not, for the same reason.
func CheckCreditCode(s string) (string, error) {
	code := compactUpper(s)
	if code == "" {
		return "", nil
	}
	if n := utf8.RuneCountInString(code); n != 18 {
		e := invalid(fieldCreditCode, clipValue(code), msgCreditFormat, msgCreditFormatEN,
			fmt.Sprintf("credit code must be 18 characters, got %d", n))
		e.Code = "credit_code.format"
		return "", e
	}
	pos := 0
	for _, r := range code {
		pos++
		if r >= utf8.RuneSelf || creditValue(byte(r)) < 0 {
			e := invalid(fieldCreditCode, code,
				fmt.Sprintf("第%d位「%c」不是允许的字符；%s", pos, r, msgCreditFormat),
				fmt.Sprintf("character %d \"%c\" is not allowed; %s", pos, r, msgCreditFormatEN),
				fmt.Sprintf("credit code character %q at position %d is not in the GB 32100 alphabet %s", r, pos, creditAlphabet))
			e.Code = "credit_code.format"
			return "", e
		}
	}
	// From here on code is 18 ASCII bytes.
	want, _ := CreditCodeCheckChar(code[:17])
	if code[17] != want {
		e := invalid(fieldCreditCode, code,
			fmt.Sprintf("校验位不符（应为%c），已保存并标记，请核对", want),
			fmt.Sprintf("the check character does not match (it should be %c); saved and flagged, please check", want),
			fmt.Sprintf("credit code check character is %q, GB 32100 mod-31 check gives %q", code[17], want))
		e.Code = "credit_code.check"
		e.Warning = true
		return code, e
	}
	return code, nil
}

// ---------------------------------------------------------------------------
// 居民身份证号码, GB 11643-1999.

var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

const (
	fieldIDNumber = "身份证号码"
	idCheckChars  = "10X98765432"
)

// CheckIDNumberAt validates a 居民身份证号码 and returns it normalized (no
// spaces, check character 'X' upper case). The birth date in positions 7-14
// must exist, be in 1900 or later and not be after today's calendar date (as
// seen in today's location); today is a parameter so tests are deterministic.
// Empty input is accepted as "".
//
// Privacy: every returned *Error carries the number masked by MaskIDNumber,
// and neither Msg nor Reason repeats the number or the birth date, because
// errors end up in logs and on screens other people can see.
func CheckIDNumberAt(s string, today time.Time) (string, error) {
	id := compactUpper(s)
	if id == "" {
		return "", nil
	}
	fail := func(code, msg, msgEN, reason string) (string, error) {
		e := invalid(fieldIDNumber, clipValue(MaskIDNumber(id)), msg, msgEN, reason)
		e.Code = code
		return "", e
	}
	n := utf8.RuneCountInString(id)
	if n == 15 && allDigits(id) {
		// First-generation numbers were withdrawn in 2013; say so instead of
		// a bare "wrong length" that would puzzle the person holding one.
		return fail("id_number.format", "15位旧身份证号码已停用，请填写18位号码", "15-digit ID numbers are no longer valid; please give the 18-character number",
			"15-digit first-generation ID numbers are no longer valid; 18 characters required")
	}
	if n != 18 {
		return fail("id_number.format", "应为18位：17位数字加最后一位数字或X", "must be 18 characters: 17 digits and a last digit or X",
			fmt.Sprintf("ID number must be 18 characters, got %d", n))
	}
	pos := 0
	for _, r := range id {
		pos++
		if pos < 18 && (r < '0' || r > '9') {
			return fail("id_number.format", "前17位应全部是数字", "the first 17 characters must all be digits",
				fmt.Sprintf("ID number position %d is not a digit", pos))
		}
		if pos == 18 && (r < '0' || r > '9') && r != 'X' {
			return fail("id_number.format", "最后一位应为数字或X", "the last character must be a digit or X",
				"ID number check character must be a digit or X")
		}
	}
	// From here on id is 18 ASCII bytes.

	y := atoiDigits(id[6:10])
	m := atoiDigits(id[10:12])
	d := atoiDigits(id[12:14])
	if y < 1900 || !dateExists(y, m, d) {
		return fail("id_number.birth", "第7-14位出生日期不是真实的日期", "the birth date in characters 7-14 is not a real date",
			"ID number positions 7-14 are not a real birth date (YYYYMMDD, year >= 1900)")
	}
	ty, tm, td := today.Date()
	if y*10000+m*100+d > ty*10000+int(tm)*100+td {
		return fail("id_number.birth", "第7-14位出生日期晚于今天", "the birth date in characters 7-14 is after today",
			"ID number birth date (positions 7-14) is after the reference date")
	}

	sum := 0
	for i := 0; i < 17; i++ {
		sum += int(id[i]-'0') * idWeights[i]
	}
	if want := idCheckChars[sum%11]; id[17] != want {
		// Unlike credit codes there are no legal exceptions here, and a
		// wrong ID number is usually a typo worth fixing now.
		return fail("id_number.check", "校验位不符，可能有数字抄错，请核对", "the check character does not match; a digit may be mistyped, please check",
			"ID number fails the GB 11643 mod-11 check")
	}
	return id, nil
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// atoiDigits converts a short all-digit string; callers check allDigits.
func atoiDigits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// dateExists reports whether y-m-d is a real Gregorian date. time.Date would
// silently roll 02-30 over to 03-02, so the round trip is compared.
func dateExists(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Year() == y && int(t.Month()) == m && t.Day() == d
}

// ---------------------------------------------------------------------------
// Phone numbers.

const (
	fieldMobile    = "手机号码"
	fieldPhone     = "电话号码"
	msgMobile      = "应为11位手机号码，如 13812345678"
	msgPhone       = "应为11位手机号码或带区号的固定电话，如 13812345678 或 028-12345678"
	msgMobileEN    = "must be an 11-digit mobile number, e.g. 13812345678"
	msgPhoneEN     = "must be an 11-digit mobile number or a landline with area code, e.g. 13812345678 or 028-12345678"
	reasonMobile   = "mobile number must be 11 digits matching 1[3-9]xxxxxxxxx"
	reasonPhone    = "phone must be an 11-digit mobile (1[3-9]xxxxxxxxx) or a landline with area code (0xx-xxxxxxxx[-ext])"
	phoneErrorCode = "phone.format"
)

// CheckMobile validates a mainland Chinese mobile number and returns its 11
// digits. Spaces, dashes and a +86 / 86 / 0086 country prefix are dropped.
// Values that went through an Excel number cell ("13812345678.0",
// "1.3812345678E+10") are converted exactly. Empty input is accepted as "".
func CheckMobile(s string) (string, error) {
	digits, raw := mobileDigits(s)
	if raw == "" {
		return "", nil
	}
	if isMobile(digits) {
		return digits, nil
	}
	return "", phoneError(fieldMobile, digits, raw, msgMobile, msgMobileEN, reasonMobile)
}

// mobileDigits returns the candidate mobile number from s together with the
// normalized input (for error messages).
func mobileDigits(s string) (digits, raw string) {
	raw = normalizeValue(s)
	var b strings.Builder
	for i := 0; i < len(raw); i++ {
		if c := raw[i]; c != ' ' && c != '-' {
			b.WriteByte(c)
		}
	}
	digits = b.String()
	if v, ok := excelInteger(digits); ok {
		digits = v
	}
	for _, p := range []string{"+86", "0086", "86"} {
		if rest, ok := strings.CutPrefix(digits, p); ok && len(rest) == 11 && allDigits(rest) {
			digits = rest
			break
		}
	}
	return digits, raw
}

func isMobile(s string) bool {
	return len(s) == 11 && s[0] == '1' && s[1] >= '3' && s[1] <= '9' && allDigits(s)
}

// phoneError masks the value when it has the shape of a phone number, which
// is when it could identify a person; anything else is shown as typed so the
// person can see what is wrong with it.
func phoneError(field, digits, raw, msg, msgEN, reason string) *Error {
	v := clipValue(raw)
	if len(digits) == 11 && allDigits(digits) {
		v = MaskPhone(digits)
	}
	e := invalid(field, v, msg, msgEN, reason)
	e.Code = phoneErrorCode
	return e
}

// excelInteger converts the text of an Excel number cell holding an integer
// ("13812345678.0", "1.3812345678E+10") to plain digits. It works on the
// decimal text rather than float64 so nothing is rounded, and refuses values
// that are not whole numbers or would be absurdly long.
func excelInteger(s string) (string, bool) {
	mant, exp := s, 0
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		mant = s[:i]
		es := s[i+1:]
		neg := false
		if es != "" && (es[0] == '+' || es[0] == '-') {
			neg = es[0] == '-'
			es = es[1:]
		}
		if !allDigits(es) || len(es) > 3 {
			return "", false
		}
		exp = atoiDigits(es)
		if neg {
			exp = -exp
		}
	} else if !strings.Contains(s, ".") {
		return "", false // plain digits need no conversion
	}
	ip, fp, _ := strings.Cut(mant, ".")
	if ip == "" || !allDigits(ip) || (fp != "" && !allDigits(fp)) {
		return "", false
	}
	digits := ip + fp
	exp -= len(fp) // value = digits × 10^exp
	if exp < 0 {
		if -exp > len(digits) || strings.Trim(digits[len(digits)+exp:], "0") != "" {
			return "", false
		}
		digits = digits[:len(digits)+exp]
	} else {
		if len(digits)+exp > 20 {
			return "", false
		}
		digits += strings.Repeat("0", exp)
	}
	digits = strings.TrimLeft(digits, "0")
	if digits == "" {
		digits = "0"
	}
	return digits, true
}

// CheckPhone accepts either a mobile number (see CheckMobile) or a landline
// with its area code, returned as "028-12345678" or "0838-1234567-801".
// Accepted landline spellings include "028-12345678", "(028)1234567",
// "028 12345678", "02812345678" and an extension after '-', "转" or "#".
// Empty input is accepted as "".
func CheckPhone(s string) (string, error) {
	digits, raw := mobileDigits(s)
	if raw == "" {
		return "", nil
	}
	if isMobile(digits) {
		return digits, nil
	}
	if v, ok := landline(raw); ok {
		return v, nil
	}
	return "", phoneError(fieldPhone, digits, raw, msgPhone, msgPhoneEN, reasonPhone)
}

// landline parses an area-code landline from normalized text.
func landline(s string) (string, bool) {
	s = strings.ToLower(strings.ReplaceAll(s, " ", ""))
	for _, sep := range []string{"转", "#", "ext.", "ext"} {
		s = strings.Replace(s, sep, "-", 1)
	}
	var area, rest string
	if inner, ok := strings.CutPrefix(s, "("); ok {
		a, r, ok := strings.Cut(inner, ")")
		if !ok {
			return "", false
		}
		area, rest = a, strings.TrimPrefix(r, "-")
	} else if i := strings.IndexByte(s, '-'); i == 3 || i == 4 {
		area, rest = s[:i], s[i+1:]
	} else {
		// No separator after the area code: use the real numbering plan,
		// where Beijing (010) and the 02x cities have three-digit area codes
		// and all others four.
		n := 4
		if strings.HasPrefix(s, "01") || strings.HasPrefix(s, "02") {
			n = 3
		}
		if len(s) < n {
			return "", false
		}
		area, rest = s[:n], s[n:]
	}
	if len(area) < 3 || len(area) > 4 || area[0] != '0' || !allDigits(area) {
		return "", false
	}
	number, ext, hasExt := strings.Cut(rest, "-")
	if len(number) < 7 || len(number) > 8 || !allDigits(number) {
		return "", false
	}
	out := area + "-" + number
	if hasExt {
		if len(ext) < 1 || len(ext) > 6 || !allDigits(ext) {
			return "", false
		}
		out += "-" + ext
	}
	return out, true
}

func isASCIIAlnum(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z'
}
