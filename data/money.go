package data

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Amounts are stored as integer fen (分) so sums of dues never pick up
// floating-point dust; these helpers are the only place yuan text meets fen.

const (
	fieldMoney       = "金额"
	codeMoneyFormat  = "money.format"
	msgMoneyFormat   = "无法识别的金额，请写成 1200、1,200.50 或 0.5万元"
	msgMoneyFormatEN = "not an amount; please write it as 1200 or 1,200.50"
)

// moneyNumberRE accepts plain digits or correctly grouped thousands. Grouping
// is checked so that "1,5" (a European decimal comma) is refused instead of
// being read as 15.
var moneyNumberRE = regexp.MustCompile(`^(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$`)

var (
	moneyPrefixes = []string{"￥", "¥", "人民币", "RMB", "rmb", "CNY"}
	moneySuffixes = []string{"整", "元", "圆", "块"}
)

// ParseYuan reads an amount of money and returns it in fen. Accepted:
// "1200", "1,200.50", "1200元", "1200元整", "￥1200", "RMB 1200",
// "0.5万" / "0.5万元" (5000元), "3亿元", full-width digits. Negative amounts,
// precision finer than one fen, and anything else are refused with Code
// "money.format". Empty input returns 0, nil: the caller decides whether the
// amount is required.
func ParseYuan(s string) (int64, error) {
	raw := normalizeValue(s)
	if raw == "" {
		return 0, nil
	}
	fail := func(msg, msgEN, reason string) (int64, error) {
		e := invalid(fieldMoney, clipValue(raw), msg, msgEN, reason)
		e.Code = codeMoneyFormat
		return 0, e
	}

	t := strings.ReplaceAll(raw, " ", "")
	neg := false
	// A minus may come before or after the currency sign ("-￥5", "￥-5").
	for {
		before := t
		if r, ok := cutMinus(t); ok {
			t, neg = r, true
		}
		for _, p := range moneyPrefixes {
			t = strings.TrimPrefix(t, p)
		}
		if t == before {
			break
		}
	}
	for _, suf := range moneySuffixes {
		t = strings.TrimSuffix(t, suf)
	}
	scale := 2 // decimal digits from yuan to fen
	if r, ok := strings.CutSuffix(t, "万"); ok {
		t, scale = r, 6
	} else if r, ok := strings.CutSuffix(t, "亿"); ok {
		t, scale = r, 10
	}
	if neg {
		return fail("金额不能为负数", "the amount must not be negative", "amount must not be negative")
	}

	m := moneyNumberRE.FindStringSubmatch(t)
	if m == nil {
		return fail(msgMoneyFormat, msgMoneyFormatEN, "unrecognized amount; expected digits with optional thousands commas, up to 2 decimals, optional 元/万/亿")
	}
	intPart, _, _ := strings.Cut(strings.ReplaceAll(t, ",", ""), ".")
	frac := m[1]
	if len(frac) > scale {
		extra := frac[scale:]
		if strings.Trim(extra, "0") != "" {
			return fail("金额最多精确到分（两位小数）", "an amount has at most two decimals (fen)",
				fmt.Sprintf("amount has precision finer than one fen (%d decimals at this unit, at most %d allowed)", len(frac), scale))
		}
		frac = frac[:scale]
	}
	digits := strings.TrimLeft(intPart+frac+strings.Repeat("0", scale-len(frac)), "0")
	if digits == "" {
		return 0, nil
	}
	// 18 digits of fen always fit in int64 (max ≈ 9.2e18) and are far beyond
	// any real amount, so the limit is simple rather than exact.
	if len(digits) > 18 {
		return fail("金额过大", "the amount is too large", "amount too large")
	}
	fen, err := strconv.ParseInt(digits, 10, 64)
	if err != nil {
		return fail(msgMoneyFormat, msgMoneyFormatEN, err.Error())
	}
	return fen, nil
}

// cutMinus removes a leading minus sign, ASCII or the Unicode minus Word
// likes to produce.
func cutMinus(s string) (string, bool) {
	for _, m := range []string{"-", "−", "负"} {
		if r, ok := strings.CutPrefix(s, m); ok {
			return r, true
		}
	}
	return s, false
}

// FormatYuanPlain writes fen as yuan for form fields and exports: "1200" when
// whole, otherwise always two decimals ("1200.50"), never thousands
// separators, so the text parses back with ParseYuan and Excel reads it as a
// number.
func FormatYuanPlain(fen int64) string {
	sign, u := splitSign(fen)
	if u%100 == 0 {
		return sign + strconv.FormatUint(u/100, 10)
	}
	return fmt.Sprintf("%s%d.%02d", sign, u/100, u%100)
}

// FormatWanYuan writes an amount the way Chinese reports do: "8500元" below
// 1万元, "12.5万元" below 1亿元, "3.2亿元" above, rounded half up to two
// decimals of the unit with trailing zeros dropped. Rounding is done before
// the unit is chosen so 99,999,999元 reads "1亿元", not "10000万元".
func FormatWanYuan(fen int64) string {
	sign, u := splitSign(fen)
	const (
		wan = 10000 * 100     // fen in 1万元
		yi  = 100000000 * 100 // fen in 1亿元
	)
	if u < wan {
		return sign + FormatYuanPlain(int64(u)) + "元"
	}
	// Hundredths of the unit, rounded half up.
	if q := (u + wan/200) / (wan / 100); q < 1000000 { // 10000.00万 is 1亿
		return sign + hundredths(q) + "万元"
	}
	return sign + hundredths((u+yi/200)/(yi/100)) + "亿元"
}

// hundredths writes q/100 with up to two decimals and no trailing zeros.
func hundredths(q uint64) string {
	s := strconv.FormatUint(q/100, 10)
	if f := q % 100; f != 0 {
		s += strings.TrimRight(fmt.Sprintf(".%02d", f), "0")
	}
	return s
}

// splitSign returns the sign and magnitude of fen; the magnitude is unsigned
// so math.MinInt64 does not overflow.
func splitSign(fen int64) (string, uint64) {
	if fen < 0 {
		return "-", uint64(-(fen + 1)) + 1
	}
	return "", uint64(fen)
}
