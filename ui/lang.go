package ui

import (
	"embed"
	"encoding/json"
	"fmt"
	"log"
	"slices"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// The window's language. Every user-visible literal in ui is written in
// Chinese inside lang.L("…"): the Chinese text is the key, and
// translations/en.json gives the English. Chinese is the default whatever the
// system's locale, since the people this is for work in Chinese.
const (
	prefLanguage = "language" // preference: langChinese or langEnglish
	langChinese  = "zh"
	langEnglish  = "en"
)

// probeKey is a message whose text is the language code in force, so
// setLanguage can check that lang.L really reads the table it gave.
const probeKey = "chamberdesk.language"

//go:embed translations/*.json
var translationFS embed.FS

var (
	tablesOnce sync.Once
	tables     map[string][]byte // language code -> go-i18n message file
	tablesErr  error

	inUseMu sync.Mutex
	inUse   string // the language last set, so a second window does not set it again
)

// languageOf is the language stored in the preferences, Chinese unless
// English was chosen.
func languageOf(p fyne.Preferences) string {
	if p.StringWithFallback(prefLanguage, langChinese) == langEnglish {
		return langEnglish
	}
	return langChinese
}

// setLanguage makes lang.L answer in code (langChinese or langEnglish) for
// our keys and Fyne's own words (dialog buttons, the file dialog).
//
// Fyne 2.7.1 has no call to choose the language: its localizer follows the
// system locale (the environment on Linux, the user locale on Windows) and
// looks messages up under the closest language it holds translations for,
// falling back to English. So the table for code, which holds every word
// Fyne itself shows too, is registered under English and under the system's
// language as Fyne names it; a probe message checks that lang.L reads it.
func setLanguage(code string) error {
	tablesOnce.Do(func() { tables, tablesErr = buildTables() })
	if tablesErr != nil {
		return tablesErr
	}
	table, ok := tables[code]
	if !ok {
		return fmt.Errorf("unknown language %q", code)
	}
	inUseMu.Lock()
	defer inUseMu.Unlock()
	if inUse == code && lang.X(probeKey, "") == code {
		return nil
	}
	inUse = ""
	sys := lang.SystemLocale()
	for _, loc := range localeCandidates(sys) {
		if err := lang.AddTranslationsForLocale(table, loc); err != nil {
			return err
		}
	}
	if lang.X(probeKey, "") == code {
		inUse = code
		return nil
	}
	// The matcher chose a tag of its own for an unusual locale: use that.
	if err := lang.AddTranslationsForLocale(table, sys); err != nil {
		return err
	}
	if lang.X(probeKey, "") != code {
		return fmt.Errorf("the %s translations are not in use for locale %s", code, sys)
	}
	inUse = code
	return nil
}

// localeCandidates are the locales a table is registered under.
func localeCandidates(sys fyne.Locale) []fyne.Locale {
	l, _, _ := strings.Cut(sys.String(), "-")
	switch l {
	case "", "en":
		return []fyne.Locale{"en"}
	case "zh":
		// Fyne's own Chinese file is zh-Hans; a plain "zh" beside it would
		// be a second Chinese for the matcher to choose between.
		return []fyne.Locale{"en", "zh-Hans"}
	default:
		return []fyne.Locale{"en", fyne.Locale(l)}
	}
}

// buildTables makes one message file per language from the embedded JSON:
// English maps our Chinese keys to en.json and keeps Fyne's words English;
// Chinese maps our keys to themselves and Fyne's words to fyne.zh.json.
func buildTables() (map[string][]byte, error) {
	en, err := readTranslations("translations/en.json")
	if err != nil {
		return nil, err
	}
	fyneZh, err := readTranslations("translations/fyne.zh.json")
	if err != nil {
		return nil, err
	}
	zhTable := map[string]string{probeKey: langChinese}
	enTable := map[string]string{probeKey: langEnglish}
	for k, v := range en {
		zhTable[k], enTable[k] = k, v
	}
	for k, v := range fyneZh {
		zhTable[k], enTable[k] = v, k
	}
	out := map[string][]byte{}
	for code, t := range map[string]map[string]string{langChinese: zhTable, langEnglish: enTable} {
		b, err := json.Marshal(t)
		if err != nil {
			return nil, err
		}
		out[code] = b
	}
	return out, nil
}

func readTranslations(name string) (map[string]string, error) {
	b, err := translationFS.ReadFile(name)
	if err != nil {
		return nil, err
	}
	m := map[string]string{}
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return m, nil
}

// applyLanguage sets the language stored in p, logging (not failing) when
// the translations cannot be used: the window then simply stays Chinese.
func applyLanguage(p fyne.Preferences) string {
	code := languageOf(p)
	if err := setLanguage(code); err != nil {
		log.Printf("language: %v", err)
	}
	return code
}

// languageCard is 设置's 语言 / Language choice. Both names are written in
// their own language so a person who cannot read the current one still
// finds theirs.
func languageCard(a shell) fyne.CanvasObject {
	names := []string{"中文", "English"}
	codes := []string{langChinese, langEnglish}
	sel := widget.NewSelect(names, nil)
	prefs := fyne.CurrentApp().Preferences()
	sel.SetSelectedIndex(slices.Index(codes, languageOf(prefs)))
	sel.OnChanged = func(string) {
		code := codes[sel.SelectedIndex()]
		if code == languageOf(prefs) {
			return
		}
		prefs.SetString(prefLanguage, code)
		a.switchLanguage(code)
	}
	return widget.NewCard(lang.L("语言 / Language"), lang.L("界面文字的语言；数据（会员、活动等）保持原样。"),
		container.NewHBox(sel))
}

// switchLanguage rebuilds the menu and the screens in code, the way opening
// another data file does, and comes back to the screen on display.
func (a *App) switchLanguage(code string) {
	if err := setLanguage(code); err != nil {
		log.Printf("language: %v", err)
		return
	}
	a.win.SetMainMenu(a.menu())
	if a.store() == nil {
		return
	}
	a.fyne.Preferences().SetString(prefLastScreen, a.current())
	a.win.SetTitle(lang.L("商会工作台") + " — " + a.org().Name)
	a.buildShell()
}
