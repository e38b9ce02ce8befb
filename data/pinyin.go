package data

import (
	"strings"
	"unicode"

	"github.com/mozillazg/go-pinyin"
)

// surnameReadings gives the reading a character has as a surname where it
// differs from the character's most common reading (单 is shan as a surname,
// not dan). Compound surnames are read as a whole.
var surnameReadings = map[string][]string{
	"单": {"shan"}, "曾": {"zeng"}, "仇": {"qiu"}, "区": {"ou"}, "解": {"xie"},
	"朴": {"piao"}, "查": {"zha"}, "盖": {"ge"}, "乐": {"yue", "le"}, "尉": {"yu", "wei"},
	"缪": {"miao"}, "翟": {"zhai"}, "覃": {"qin", "tan"}, "召": {"shao"}, "秘": {"bi"},
	"种": {"chong"}, "繁": {"po"}, "员": {"yun"}, "长": {"chang"}, "重": {"chong"},
	"万": {"wan"}, "沈": {"shen"}, "柏": {"bai"}, "藏": {"zang"}, "宿": {"su"},
	"句": {"gou"}, "阚": {"kan"}, "燕": {"yan"}, "华": {"hua"}, "纪": {"ji"},
	"过": {"guo"}, "祭": {"zhai"}, "能": {"nai"}, "姓": {"xing"}, "相": {"xiang"},
	"折": {"she"}, "隗": {"wei"}, "逄": {"pang"}, "冼": {"xian"}, "蕃": {"pi"},
	// compound surnames: one reading, a syllable per character
	"尉迟": {"yu chi"}, "万俟": {"mo qi"}, "长孙": {"zhang sun"}, "澹台": {"tan tai"},
	"单于": {"chan yu"}, "令狐": {"ling hu"}, "欧阳": {"ou yang"}, "司马": {"si ma"},
	"上官": {"shang guan"}, "诸葛": {"zhu ge"}, "皇甫": {"huang fu"}, "东方": {"dong fang"},
	"宇文": {"yu wen"}, "慕容": {"mu rong"}, "夏侯": {"xia hou"}, "公孙": {"gong sun"},
}

// maxVariants bounds the readings kept per name so a name full of 多音字
// cannot blow up the index.
const maxVariants = 8

var pinyinArgs = func() pinyin.Args {
	a := pinyin.NewArgs()
	a.Style = pinyin.Normal
	a.Heteronym = true
	return a
}()

// readings lists the toneless readings of one rune: the first is the most
// common. Letters and digits stand for themselves; anything else has none.
func readings(r rune) []string {
	if r < unicode.MaxASCII {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return []string{strings.ToLower(string(r))}
		}
		return nil
	}
	return pinyin.SinglePinyin(r, pinyinArgs)
}

// namePinyin returns the full-pinyin and initials spellings of a person's
// name: the surname as a surname is read, and the other characters in up to
// maxVariants combinations of their readings.
func namePinyin(name string) (full, initials []string) {
	name = strings.TrimSpace(name)
	var syllables [][]string
	rest := name
	for _, sn := range []int{2, 1} {
		rs := []rune(name)
		if len(rs) <= sn {
			continue
		}
		rd, ok := surnameReadings[string(rs[:sn])]
		if !ok {
			continue
		}
		if sn == 2 {
			for _, syl := range strings.Fields(rd[0]) {
				syllables = append(syllables, []string{syl})
			}
		} else {
			// keep the dictionary's first reading too: people type what they hear
			alts := append([]string{}, rd...)
			if common := readings(rs[0]); len(common) > 0 {
				alts = appendUnique(alts, common[0])
			}
			syllables = append(syllables, alts)
		}
		rest = string(rs[sn:])
		break
	}
	for _, r := range rest {
		if rd := readings(r); len(rd) > 0 {
			syllables = append(syllables, rd)
		}
	}
	return spell(syllables)
}

// textPinyin spells a company or other text with each character's most
// common reading.
func textPinyin(s string) (full, initials string) {
	var fb, ib strings.Builder
	for _, r := range s {
		rd := readings(r)
		if len(rd) == 0 {
			continue
		}
		fb.WriteString(rd[0])
		ib.WriteByte(rd[0][0])
	}
	return fb.String(), ib.String()
}

// spell expands per-syllable alternatives into whole spellings, at most maxVariants.
func spell(syllables [][]string) (full, initials []string) {
	combos := [][]string{{}}
	for _, alts := range syllables {
		var next [][]string
		for _, c := range combos {
			for _, a := range alts {
				if len(next) >= maxVariants {
					break
				}
				n := append(append([]string{}, c...), a)
				next = append(next, n)
			}
		}
		combos = next
	}
	for _, c := range combos {
		if len(c) == 0 {
			continue
		}
		var ib strings.Builder
		for _, s := range c {
			ib.WriteByte(s[0])
		}
		full = appendUnique(full, strings.Join(c, ""))
		initials = appendUnique(initials, ib.String())
	}
	return full, initials
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// pinyinKeys are the stored search spellings of a member; alternatives are
// separated by spaces so a substring never spans two of them.
type pinyinKeys struct {
	namePinyin, nameInitials, companyPinyin, companyInitials string
}

func pinyinKeysOf(name, company string) pinyinKeys {
	f, i := namePinyin(name)
	cf, ci := textPinyin(company)
	return pinyinKeys{
		namePinyin:      strings.Join(f, " "),
		nameInitials:    strings.Join(i, " "),
		companyPinyin:   cf,
		companyInitials: ci,
	}
}

// PinyinOf returns the full pinyin and initials a name is found by, for
// display and tests: e.g. 张三 -> ["zhangsan"], ["zs"].
func PinyinOf(name string) (full, initials []string) { return namePinyin(name) }
