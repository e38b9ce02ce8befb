package ui

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// untranslated are Chinese literals in ui/*.go that stay Chinese in every
// language, with the reason: values stored in the data file or compared with
// it, and sample texts that only size a column.
var untranslated = map[string]string{
	"男": "gender value stored", "女": "gender value stored",
	"会员":   "office value stored for a new member",
	"理事":   "office value the leader pick compares with",
	"会员大会": "activity type compared with records",
	"亿元":   "unit sample sizing the unit column",
	// Leave reasons offered as text the member record keeps.
	"企业注销": "stored reason", "迁出本镇": "stored reason", "经营转型": "stored reason",
	"个人原因": "stored reason", "长期未缴会费": "stored reason",
	// Filter and radio values compared with what the widgets hold.
	"全部行业": "filter value", "已缴清": "filter value", "欠缴": "filter value",
	"手工填写": "radio value", "活动成效": "radio value",
	"全部年份": "filter value", "全部类型": "filter value", "全部": "filter value",
	"指标名称": "field name of a data.Error compared",
	"中文":   "the language's own name, shown in every language",
	// Samples that only size the roster's columns.
	"欧阳志强": "sample", "江州市安澜区青禾文化旅游开发有限公司": "sample", "常务副会长": "sample",
	"农产品加工": "sample", "中共预备党员": "sample", "2021年12月25日": "sample", "在会": "sample",
	"政治学习/理想信念教育": "sample", "2026年12月25日": "sample", "招商引资/考察": "sample",
	"镇政府三楼会议室": "sample", "2026年": "sample", "已定稿": "sample",
	"2026年12月31日 23:59　每日自动备份　999.9 MB": "sample",
}

// shownTables are package tables built before the language is chosen; their
// Chinese words go through lang.L where shown, so they must all be in en.json.
func shownTables() []string {
	var out []string
	for _, c := range memberCols {
		out = append(out, c.title)
	}
	out = append(out, duesHeaders[:]...)
	out = append(out, financeHeaders[:]...)
	out = append(out, journalPreviewHeaders...)
	for _, f := range memberLogFields {
		out = append(out, f[1])
	}
	return append(out, stateSettled, statePartial, stateUnpaid, stateExempt, stateNoStandard)
}

// tableDecls are the declarations whose literals shownTables covers, and
// data tables whose words are values kept in the data file.
var tableDecls = []string{"memberCols", "duesHeaders", "financeHeaders", "journalPreviewHeaders", "memberLogFields", "stateSettled",
	"caseCategoryOf"}

func hasHan(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0
}

func readEnglish(t *testing.T) map[string]string {
	t.Helper()
	b, err := os.ReadFile("translations/en.json")
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("en.json: %v", err)
	}
	return m
}

// TestTranslationsCoverUI reads every ui/*.go: each lang.L/lang.X key must
// be in en.json, and no Chinese literal may be shown without going through
// lang (save the explicit list above).
func TestTranslationsCoverUI(t *testing.T) {
	en := readEnglish(t)
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		checkFile(t, fset, f, en)
	}
	for _, k := range shownTables() {
		if _, ok := en[k]; !ok {
			t.Errorf("en.json lacks %q (a table word shown through lang.L)", k)
		}
	}
}

func checkFile(t *testing.T, fset *token.FileSet, f *ast.File, en map[string]string) {
	var stack []ast.Node
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		stack = append(stack, n)
		if call, ok := n.(*ast.CallExpr); ok && langCall(call) != "" && len(call.Args) > 0 {
			if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				key, _ := strconv.Unquote(lit.Value)
				if _, ok := en[key]; !ok {
					t.Errorf("%s: en.json lacks %q", fset.Position(lit.Pos()), key)
				}
			} else if b, ok := call.Args[0].(*ast.BinaryExpr); ok && b.Op == token.ADD {
				// "甲" + "乙" is looked up whole at run time, but no key in
				// en.json can be checked against it here: one literal per key.
				t.Errorf("%s: a key joined with +: write it as one string literal", fset.Position(b.Pos()))
			}
			return true
		}
		lit, ok := n.(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return true
		}
		s, _ := strconv.Unquote(lit.Value)
		if !hasHan(s) || untranslated[s] != "" || insideLang(stack) || inTable(stack) {
			return true
		}
		t.Errorf("%s: %s is shown untranslated: wrap it in lang.L", fset.Position(lit.Pos()), lit.Value)
		return true
	})
}

// langCall is the lang function call calls, or "".
func langCall(call *ast.CallExpr) string {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	if id, ok := sel.X.(*ast.Ident); ok && id.Name == "lang" {
		return sel.Sel.Name
	}
	return ""
}

func insideLang(stack []ast.Node) bool {
	for _, n := range stack {
		if call, ok := n.(*ast.CallExpr); ok && langCall(call) != "" {
			return true
		}
	}
	return false
}

func inTable(stack []ast.Node) bool {
	for _, n := range stack {
		if vs, ok := n.(*ast.ValueSpec); ok {
			for _, id := range vs.Names {
				if slices.Contains(tableDecls, id.Name) {
					return true
				}
			}
		}
		if gd, ok := n.(*ast.GenDecl); ok && gd.Tok == token.CONST {
			for _, s := range gd.Specs {
				for _, id := range s.(*ast.ValueSpec).Names {
					if slices.Contains(tableDecls, id.Name) {
						return true
					}
				}
			}
		}
	}
	return false
}

var hanRun = regexp.MustCompile(`\p{Han}+`)

var verb = regexp.MustCompile(`%[-+# 0]*[0-9]*(?:\.[0-9]+)?[a-zA-Z%]`)

// TestEnglishTable checks each English text: present, free of Chinese, and
// holding the same formatting verbs in the same order as its key, so a
// translated fmt.Sprintf format still fits its arguments.
func TestEnglishTable(t *testing.T) {
	for k, v := range readEnglish(t) {
		if v == "" {
			t.Errorf("%q has an empty English text", k)
			continue
		}
		// Chinese may stay only where the key has it too, e.g. an example
		// of a date the way people write it.
		for _, run := range hanRun.FindAllString(v, -1) {
			if !strings.Contains(k, run) {
				t.Errorf("%q: English text %q holds Chinese", k, v)
			}
		}
		if a, b := verb.FindAllString(k, -1), verb.FindAllString(v, -1); !slices.Equal(a, b) {
			t.Errorf("%q: verbs %v, English %q has %v", k, a, v, b)
		}
		if strings.Count(k, "\n") != strings.Count(v, "\n") {
			t.Errorf("%q: line breaks differ in English %q", k, v)
		}
	}
}

// TestSetLanguage switches between the two languages and checks both our
// words and Fyne's own, whatever the machine's locale.
func TestSetLanguage(t *testing.T) {
	t.Cleanup(func() { _ = setLanguage(langChinese) })
	for _, c := range []struct{ code, members, cancel string }{
		{langEnglish, "Members", "Cancel"},
		{langChinese, "会员", "取消"},
		{langEnglish, "Members", "Cancel"},
	} {
		if err := setLanguage(c.code); err != nil {
			t.Fatal(err)
		}
		if got := lang.L("会员"); got != c.members {
			t.Errorf("%s: 会员 -> %q, want %q", c.code, got, c.members)
		}
		if got := lang.L("Cancel"); got != c.cancel {
			t.Errorf("%s: Cancel -> %q, want %q", c.code, got, c.cancel)
		}
	}
}

func TestLocaleCandidates(t *testing.T) {
	for in, want := range map[fyne.Locale]string{
		"zh-CN": "en zh-Hans", "zh-TW": "en zh-Hans", "en-US": "en", "de-DE": "en de", "": "en",
	} {
		var got []string
		for _, l := range localeCandidates(in) {
			got = append(got, string(l))
		}
		if strings.Join(got, " ") != want {
			t.Errorf("localeCandidates(%q) = %v, want %s", in, got, want)
		}
	}
}

// TestLanguagePreference opens the window once in English and once with no
// preference: the navigation follows, and Chinese is the default.
func TestLanguagePreference(t *testing.T) {
	t.Cleanup(func() { _ = setLanguage(langChinese) })
	path := demoCopy(t)
	fa := newThreadApp(t)
	fa.Preferences().SetString(prefLanguage, langEnglish)
	a := New(fa, Options{DBPath: path})
	if got := a.nav.Title(1); got != "Members" {
		t.Errorf("English window shows %q", got)
	}
	fa.settle(t)
	a.Close()
	b := newTestApp(t, path)
	if got := b.nav.Title(1); got != "会员" {
		t.Errorf("default window shows %q", got)
	}
}

// TestSwitchLanguageNow picks English in 设置's language choice: the
// preference is stored and the window is rebuilt in English at once, on the
// same screen.
func TestSwitchLanguageNow(t *testing.T) {
	t.Cleanup(func() { _ = setLanguage(langChinese) })
	a := newTestApp(t, demoCopy(t))
	a.show("settings")
	card := languageCard(a).(*widget.Card)
	sel := card.Content.(*fyne.Container).Objects[0].(*widget.Select)
	if sel.Selected != "中文" {
		t.Fatalf("language shown %q", sel.Selected)
	}
	sel.SetSelected("English")
	if got := a.fyne.Preferences().String(prefLanguage); got != langEnglish {
		t.Fatalf("preference %q", got)
	}
	if got := a.nav.Title(1); got != "Members" {
		t.Fatalf("navigation still %q", got)
	}
	if a.current() != "settings" {
		t.Fatalf("back on %q", a.current())
	}
	if got := a.win.MainMenu().Items[0].Label; got != "File" {
		t.Fatalf("menu %q", got)
	}
}
