package data

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Phrasing is how a figure can be stated in a case text: the form the
// program proposes, the exact value, and every other acceptable form.
type Phrasing struct {
	Value    float64
	Unit     string
	Exact    string   // the value as it is, e.g. "13246人次", "1.5321亿元"
	Proposed string   // the official way to say it, e.g. "13200余人次"
	Choices  []string // Proposed first; always holds Exact
}

// nearShare is how close below a round number a value must be to be stated
// as 近<round number>: 648 is 近650, 641 is 640余.
const nearShare = 0.03

// maxPhraseValue bounds a figure: far beyond any chamber's (一百亿 of
// anything), and small enough that 亿元 counted in 元 fits an int64.
const maxPhraseValue = 1e10

// Phrase proposes how a case text states value in unit, the way award cases
// do: small counts exactly ("87期", "16个"), large ones rounded down with 余
// ("3000余人次", "13200余人次") or, just below a round number, with 近
// ("近650亿元"); money in 万元 or 亿元, whichever reads naturally
// (12000万元 is "1.2亿元"). Negative and non-finite values are refused.
//
// The rules, chosen so every figure of the 2021 award list comes out as the
// chambers wrote it:
//   - counts below 100 are stated exactly; 30余 / 30多 / 近100 are offered;
//   - from 100 up, values keep two significant figures (three from 10000,
//     where Chinese readers count in 万 and 13200 reads as 1万3千2, one
//     figure more than 13000), and what is dropped becomes 余;
//   - a value closer to the next round number than to the one below, and
//     within 3% of it, is 近 that number (the coarsest such number wins:
//     9.87亿元 is 近10亿元);
//   - an exact round number is stated as it is, without 余;
//   - money below 100 units keeps one decimal (1.5亿元, 35.2万余元).
func Phrase(value float64, unit string) (Phrasing, error) {
	if math.IsNaN(value) || math.IsInf(value, 0) {
		return Phrasing{}, invalid("数值", fmt.Sprint(value), "不是有效的数字", "is not a valid number", "figure is not a finite number")
	}
	if value < 0 {
		return Phrasing{}, invalid("数值", strconv.FormatFloat(value, 'f', -1, 64), "不能为负数", "must not be negative", "negative figure")
	}
	if value > maxPhraseValue {
		return Phrasing{}, invalid("数值", strconv.FormatFloat(value, 'f', -1, 64), "数值过大，请核对", "the value is too large; please check it",
			"figure too large to phrase")
	}
	unit = strings.TrimSpace(unit)
	var p Phrasing
	if isMoneyUnit(unit) {
		p = phraseMoney(value, unit)
	} else {
		p = phraseCount(value, unit)
	}
	p.Value, p.Unit = value, unit
	return p, nil
}

// MustPhrase is Phrase for values known to be valid; an invalid value gets
// its exact text.
func MustPhrase(value float64, unit string) string {
	p, err := Phrase(value, unit)
	if err != nil {
		return strconv.FormatFloat(value, 'f', -1, 64) + unit
	}
	return p.Proposed
}

func isMoneyUnit(unit string) bool { return unit == "元" || unit == "万元" || unit == "亿元" }

// amount is a non-negative value as an integer count of its smallest unit
// (hundredths of a count, or 元), so that rounding never meets 2.85*10 =
// 28.499999.
type amount struct {
	n    int64              // the value in smallest units
	one  int64              // smallest units in one of what the text counts (1 人次, 1亿元)
	fmt  func(int64) string // number text of a count of smallest units
	unit string             // what follows the number
	// yu places 余 or 多: "3000余人次", "640余亿元", "1.5亿余元", "9亿多元".
	// tens says the number is a whole one of ten or more.
	yu func(num, word string, tens bool) string
}

func (a amount) say(n int64) string { return a.fmt(n) + a.unit }

func (a amount) with(n int64, word string) string {
	return a.yu(a.fmt(n), word, n%a.one == 0 && n >= 10*a.one)
}

// builder collects choices in order without repeats.
type builder struct{ out []string }

func (b *builder) add(s ...string) {
	for _, x := range s {
		if x != "" && !slices.Contains(b.out, x) {
			b.out = append(b.out, x)
		}
	}
}

func phraseCount(value float64, unit string) Phrasing {
	a := amount{n: int64(math.Round(value * 100)), one: 100, unit: unit,
		fmt: func(n int64) string { return strconv.FormatFloat(float64(n)/100, 'f', -1, 64) },
		yu:  func(num, word string, _ bool) string { return num + word + unit }}
	p := Phrasing{Exact: a.say(a.n)}
	var b builder
	whole := a.n / a.one
	switch {
	case a.n == 0:
		p.Proposed = a.say(0)
		b.add(p.Proposed, "无")
	case whole < 100:
		// Small counts are stated as they are; a reader can check them.
		p.Proposed = p.Exact
		b.add(p.Exact)
		if whole >= 10 && a.n%a.one == 0 {
			rounded(a, 10*a.one, &b)
		}
	default:
		sig := int64(2)
		if whole >= 10000 {
			sig = 3
		}
		step := pow10(digits(whole)-sig) * a.one
		p.Proposed = propose(a, step)
		b.add(p.Proposed, p.Exact)
		for s := step; s <= pow10(digits(whole)-1)*a.one; s *= 10 {
			rounded(a, s, &b)
		}
		if whole >= 10000 {
			// The 万 form some texts prefer: 1.32万余人次.
			w := amount{n: a.n, one: a.one, unit: "万" + unit,
				fmt: func(n int64) string { return strconv.FormatFloat(float64(n)/1e6, 'f', -1, 64) },
				yu:  func(num, word string, _ bool) string { return num + "万" + word + unit }}
			b.add(propose(w, 100*a.one))
		}
	}
	p.Choices = b.out
	return p
}

func phraseMoney(value float64, unit string) Phrasing {
	perUnit := map[string]float64{"元": 1, "万元": 1e4, "亿元": 1e8}[unit]
	yuan := int64(math.Round(value * perUnit))
	base, name := int64(1), "元"
	switch {
	case yuan >= 1e8:
		base, name = 1e8, "亿"
	case yuan >= 1e4 || unit != "元":
		base, name = 1e4, "万"
	}
	if name == "元" {
		name = ""
	}
	a := amount{n: yuan, one: base, unit: name + "元",
		fmt: func(n int64) string { return strconv.FormatFloat(float64(n)/float64(base), 'f', -1, 64) },
		yu: func(num, word string, tens bool) string {
			if tens || name == "" {
				return num + word + name + "元" // 3000余万元, 640余亿元
			}
			return num + name + word + "元" // 1.5亿余元, 9亿多元: not "1.5余亿元"
		}}
	p := Phrasing{Exact: a.say(yuan)}
	var b builder
	x := yuan / base
	switch {
	case yuan == 0:
		p.Proposed, p.Exact = "0"+unit, "0"+unit
		b.add(p.Proposed, "无")
	case x == 0:
		// Less than one 万元: said as it is, and in 元 for those who prefer.
		p.Proposed = p.Exact
		b.add(p.Exact, strconv.FormatInt(yuan, 10)+"元")
	case x < 100 && base > 1:
		// Money below 100万 or 100亿 keeps one decimal: 1.5亿元, 35.2万元.
		p.Proposed = propose(a, base/10)
		b.add(p.Proposed, p.Exact)
		rounded(a, base/10, &b)
		if x >= 1 {
			rounded(a, base, &b)
		}
		if x >= 10 {
			rounded(a, 10*base, &b)
		}
	case x < 100:
		p.Proposed = p.Exact
		b.add(p.Exact)
	default:
		step := pow10(digits(x)-2) * base
		p.Proposed = propose(a, step)
		b.add(p.Proposed, p.Exact)
		for s := step; s <= pow10(digits(x)-1)*base; s *= 10 {
			rounded(a, s, &b)
		}
	}
	// The value as stored, when the text states it in another unit.
	b.add(strconv.FormatFloat(value, 'f', -1, 64) + unit)
	p.Choices = b.out
	return p
}

// propose is the official form of a at the precision step: itself when it
// is round, 近 the next round number when it is just below one, else the
// round number below with 余.
func propose(a amount, step int64) string {
	if a.n%step == 0 {
		return a.say(a.n)
	}
	// The coarsest round number the value is just below.
	near := ""
	for s := step; s <= 1e15 && s <= a.n*10; s *= 10 {
		floor := a.n / s * s
		up := floor + s
		if up-a.n < a.n-floor && float64(up-a.n) <= nearShare*float64(up) {
			near = "近" + a.say(up)
		}
	}
	if near != "" {
		return near
	}
	return a.with(a.n/step*step, "余")
}

// rounded adds the forms of a rounded at step: 余 and 多 below, 近 above.
func rounded(a amount, step int64, b *builder) {
	if a.n%step == 0 || a.n < step {
		return
	}
	floor := a.n / step * step
	b.add(a.with(floor, "余"))
	if floor%a.one == 0 {
		b.add(a.with(floor, "多")) // 30多个; never after a decimal
	}
	if up := floor + step; up-a.n < a.n-floor && float64(up-a.n) <= nearShare*float64(up) {
		b.add("近" + a.say(up))
	}
}

func digits(n int64) int64 {
	d := int64(1)
	for n >= 10 {
		n /= 10
		d++
	}
	return d
}

func pow10(n int64) int64 {
	p := int64(1)
	for ; n > 0; n-- {
		p *= 10
	}
	return p
}
