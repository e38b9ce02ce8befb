package data_test

import (
	"slices"
	"testing"

	"chamberdesk/data"
)

// TestPhraseSeedArticle covers every figure the 2021 award article states:
// an exact value a chamber could have had behind it, and the phrasing it
// printed, which must be the proposal or one of the offered choices.
func TestPhraseSeedArticle(t *testing.T) {
	tests := []struct {
		value    float64
		unit     string
		proposed string
		offered  string // the article's form, when not the proposal
	}{
		{3046, "人次", "3000余人次", ""},   // 红色主题教育 参与人次
		{87, "期", "87期", ""},          // 累计办班
		{13246, "人次", "13200余人次", ""}, // 培训覆盖人次
		{32, "户", "32户", "30余户"},      // 重点企业
		{203, "家", "200余家", ""},       // 来眉考察的商会、企业
		{214, "家", "210余家", "200余家"},  // the same, one round coarser
		{123, "条", "120余条", ""},       // 项目信息
		{34, "个", "34个", "30多个"},      // 签约项目
		{648.5, "亿元", "近650亿元", ""},   // 投资额
		{16, "个", "16个", ""},          // 异地商会
		{33, "个", "33个", ""},          // 友好商会
	}
	for _, tt := range tests {
		t.Run(tt.proposed, func(t *testing.T) {
			p, err := data.Phrase(tt.value, tt.unit)
			if err != nil {
				t.Fatal(err)
			}
			if p.Proposed != tt.proposed {
				t.Errorf("Phrase(%v, %s) proposed %q, want %q (choices %q)", tt.value, tt.unit, p.Proposed, tt.proposed, p.Choices)
			}
			if tt.offered != "" && !slices.Contains(p.Choices, tt.offered) {
				t.Errorf("Phrase(%v, %s) choices %q lack %q", tt.value, tt.unit, p.Choices, tt.offered)
			}
			checkChoices(t, p)
		})
	}
}

// checkChoices: the proposal comes first and the exact value is always there.
func checkChoices(t *testing.T, p data.Phrasing) {
	t.Helper()
	if len(p.Choices) == 0 || p.Choices[0] != p.Proposed {
		t.Errorf("choices %q do not start with the proposal %q", p.Choices, p.Proposed)
	}
	if !slices.Contains(p.Choices, p.Exact) {
		t.Errorf("choices %q lack the exact value %q", p.Choices, p.Exact)
	}
	seen := map[string]bool{}
	for _, c := range p.Choices {
		if seen[c] {
			t.Errorf("choice %q twice in %q", c, p.Choices)
		}
		seen[c] = true
	}
}

func TestPhraseRules(t *testing.T) {
	tests := []struct {
		name     string
		value    float64
		unit     string
		exact    string
		proposed string
		offered  []string
		absent   []string
	}{
		{"zero count", 0, "个", "0个", "0个", []string{"无"}, nil},
		{"zero money", 0, "万元", "0万元", "0万元", []string{"无"}, nil},
		{"one", 1, "期", "1期", "1期", nil, []string{"余", "多"}},
		{"round ten", 30, "个", "30个", "30个", nil, []string{"30余个", "30多个"}},
		{"just below 100", 97, "家", "97家", "97家", []string{"90余家", "90多家", "近100家"}, nil},
		{"round hundred", 200, "家", "200家", "200家", nil, []string{"200余家"}},
		{"round thousand", 3000, "人次", "3000人次", "3000人次", nil, []string{"3000余人次"}},
		{"round 13200", 13200, "人次", "13200人次", "13200人次", []string{"1.32万人次"}, []string{"13200余人次"}},
		{"just below 3000", 2980, "人次", "2980人次", "近3000人次", []string{"2900余人次"}, nil},
		{"near the lower round", 641, "人", "641人", "640余人", []string{"600余人", "600多人"}, []string{"近650人"}},
		{"in 万 too", 13246, "人次", "13246人次", "13200余人次", []string{"1.32万余人次", "13000余人次"}, nil},
		{"decimal count", 12.5, "个", "12.5个", "12.5个", nil, nil},
		{"万元 to 亿元", 12000, "万元", "1.2亿元", "1.2亿元", []string{"12000万元"}, nil},
		{"亿元 decimal", 1.5, "亿元", "1.5亿元", "1.5亿元", []string{"1亿余元"}, []string{"1余亿元", "1.5亿余元"}},
		{"亿元 two decimals", 1.53, "亿元", "1.53亿元", "1.5亿余元", []string{"1亿余元", "1亿多元"}, nil},
		{"亿元 just below 10", 9.87, "亿元", "9.87亿元", "近10亿元", []string{"9.8亿余元", "9亿余元", "9亿多元"}, []string{"9余亿元"}},
		{"亿元 below one", 0.35, "亿元", "3500万元", "3500万元", []string{"0.35亿元"}, []string{"3500余万元"}},
		{"万元 decimal", 35.2, "万元", "35.2万元", "35.2万元", []string{"35余万元", "35多万元", "30余万元", "30多万元"}, []string{"35.2万余元"}},
		{"万元 more decimals", 35.23, "万元", "35.23万元", "35.2万余元", nil, nil},
		{"万元 large", 3046, "万元", "3046万元", "3000余万元", []string{"3000多万元"}, nil},
		{"万元 below one", 0.35, "万元", "0.35万元", "0.35万元", []string{"3500元"}, nil},
		{"元", 3500, "元", "3500元", "3500元", nil, nil},
		{"元 large", 123456, "元", "12.3456万元", "12.3万余元", []string{"123456元"}, nil},
		{"float noise", 2.85, "亿元", "2.85亿元", "2.8亿余元", nil, nil},
		{"sum noise", 1.2 + 0.1, "亿元", "1.3亿元", "1.3亿元", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := data.Phrase(tt.value, tt.unit)
			if err != nil {
				t.Fatal(err)
			}
			if p.Exact != tt.exact || p.Proposed != tt.proposed {
				t.Errorf("Phrase(%v, %s) = exact %q proposed %q, want %q %q (choices %q)",
					tt.value, tt.unit, p.Exact, p.Proposed, tt.exact, tt.proposed, p.Choices)
			}
			for _, o := range tt.offered {
				if !slices.Contains(p.Choices, o) {
					t.Errorf("choices %q lack %q", p.Choices, o)
				}
			}
			for _, a := range tt.absent {
				for _, c := range p.Choices {
					if c == a || (len(a) <= 3 && containsWord(c, a)) {
						t.Errorf("choices %q hold %q", p.Choices, a)
					}
				}
			}
			checkChoices(t, p)
		})
	}
}

func containsWord(s, w string) bool {
	for i := 0; i+len(w) <= len(s); i++ {
		if s[i:i+len(w)] == w {
			return true
		}
	}
	return false
}

func TestPhraseRefused(t *testing.T) {
	for _, v := range []float64{-1, -0.5, 1e11} {
		if _, err := data.Phrase(v, "个"); !data.IsCode(err, data.CodeInvalid) {
			t.Errorf("Phrase(%v) error %v", v, err)
		}
	}
	if got := data.MustPhrase(-3, "个"); got != "-3个" {
		t.Errorf("MustPhrase(-3) = %q", got)
	}
}

func FuzzPhrase(f *testing.F) {
	for _, v := range []float64{0, 3, 87, 97, 648.5, 13246, 0.35, 1e9} {
		f.Add(v, "人次")
		f.Add(v, "亿元")
	}
	f.Fuzz(func(t *testing.T, v float64, unit string) {
		p, err := data.Phrase(v, unit)
		if err != nil {
			if v >= 0 && v <= 1e10 {
				t.Fatalf("Phrase(%v, %q): %v", v, unit, err)
			}
			return
		}
		checkChoices(t, p)
	})
}
