package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"chamberdesk/data"
)

// Registration codes and phone numbers with valid check characters, built
// from the seeded generator so every run gives the same ones.

// creditAlphabet is the GB 32100 character set (no I, O, Z, S, V).
const creditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// orgCodeWeights are the GB 11714 weights of the 8-character body of the
// organization code embedded at positions 9-17 of a credit code.
var orgCodeWeights = [8]int{3, 7, 9, 10, 5, 8, 4, 2}

// orgCodeValue is a character's GB 11714 value: digits 0-9, letters A=10 … Z=35.
func orgCodeValue(c byte) int {
	if c >= '0' && c <= '9' {
		return int(c - '0')
	}
	return int(c-'A') + 10
}

// orgCode builds the 9-character organization code: an 8-character body
// and its GB 11714 check character. Newly issued bodies start with "MA"
// (enterprises) or "MJ" (social organizations), as real ones do.
func orgCode(r *rand.Rand, prefix string) string {
	const bodyChars = "0123456789ABCDEFGHJKLMNPQRTUWXY"
	var b strings.Builder
	b.WriteString(prefix)
	for b.Len() < 8 {
		if b.Len() < 4 {
			b.WriteByte(byte('0' + r.IntN(10)))
		} else {
			b.WriteByte(bodyChars[r.IntN(len(bodyChars))])
		}
	}
	body := b.String()
	sum := 0
	for i := 0; i < 8; i++ {
		sum += orgCodeValue(body[i]) * orgCodeWeights[i]
	}
	switch c := 11 - sum%11; c {
	case 10:
		return body + "X"
	case 11:
		return body + "0"
	default:
		return body + string(rune('0'+c))
	}
}

// creditCode builds a valid 统一社会信用代码: registration authority and
// category (e.g. "91" enterprise, "92" 个体工商户, "93" 农民专业合作社,
// "51" 社会团体), a 6-digit area code, the organization code and the GB 32100
// check character.
func creditCode(r *rand.Rand, kind, area string) string {
	prefix := "MA"
	if kind[0] == '5' {
		prefix = "MJ"
	}
	first17 := kind + area + orgCode(r, prefix)
	check, ok := data.CreditCodeCheckChar(first17)
	if !ok {
		panic("demo: bad credit code body " + first17)
	}
	return first17 + string(check)
}

// spoilCheckChar replaces a credit code's check character with another one,
// as a typo in a paper form would: the store keeps such a code and flags it.
func spoilCheckChar(r *rand.Rand, code string) string {
	for {
		c := creditAlphabet[r.IntN(len(creditAlphabet))]
		if c != code[17] {
			return code[:17] + string(c)
		}
	}
}

// idWeights and idCheckChars are the GB 11643 check digit rule.
var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

const idCheckChars = "10X98765432"

// idNumber builds a valid 18-digit 居民身份证号码 for a person born on birth:
// the area code, the birth date, a 3-digit sequence whose last digit is odd
// for men and even for women, and the check character.
func idNumber(r *rand.Rand, area string, birth time.Time, male bool) string {
	seq := r.IntN(100)*10 + r.IntN(5)*2
	if male {
		seq++
	}
	first17 := fmt.Sprintf("%s%s%03d", area, birth.Format("20060102"), seq)
	sum := 0
	for i := 0; i < 17; i++ {
		sum += int(first17[i]-'0') * idWeights[i]
	}
	return first17 + string(idCheckChars[sum%11])
}

// mobilePrefixes are real mainland number segments; the rest is random.
var mobilePrefixes = []string{
	"130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
	"153", "155", "156", "157", "158", "159", "166", "173", "176", "177", "178", "180",
	"181", "182", "183", "185", "186", "187", "188", "189", "191", "195", "198", "199",
}

// phones hands out distinct mobile numbers.
type phones struct {
	r    *rand.Rand
	used map[string]bool
}

func (p *phones) next() string {
	for {
		n := mobilePrefixes[p.r.IntN(len(mobilePrefixes))] + fmt.Sprintf("%08d", p.r.IntN(100000000))
		// Skip numbers that look made up (runs like 0000 or 8888).
		if p.used[n] || strings.Contains(n[3:], "0000") || hasRun(n[3:], 4) {
			continue
		}
		p.used[n] = true
		return n
	}
}

// hasRun reports whether s holds the same byte n times in a row.
func hasRun(s string, n int) bool {
	run := 1
	for i := 1; i < len(s); i++ {
		if s[i] == s[i-1] {
			run++
			if run >= n {
				return true
			}
		} else {
			run = 1
		}
	}
	return false
}
