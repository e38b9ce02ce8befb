package ui

import (
	"context"
	"fmt"
	"log"
	"runtime"
	"slices"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/assets"
	"chamberdesk/assets/fonts"
	"chamberdesk/data"
	"chamberdesk/ui/widgets"
)

// Options say which data file the window opens.
type Options struct {
	DBPath  string // the file to open; the welcome screen offers to create it
	Version string // shown in 关于
}

// screen is one page of the main window.
type screen interface {
	content() fyne.CanvasObject // built once
	refresh()                   // reload from the store; called on the UI thread
}

// navItem is one entry of the navigation.
type navItem struct {
	key, title string
	icon       fyne.Resource
	make       func(sh shell) screen
}

// App is the main window and everything it shows.
type App struct {
	fyne         fyne.App
	win          fyne.Window
	opts         Options
	runCtx       context.Context // ends when the window closes
	stop         context.CancelFunc
	uiFont       *fonts.Font
	db           *data.Store // the open file; nil on the welcome screen
	organization data.Organization

	saving *saveAgain // the save being started on the UI thread (runSave)

	welcome  *welcomeScreen      // set while the welcome screen shows
	nav      *widgets.Nav        // the column of screens on the left; nil on the welcome screen
	body     *fyne.Container     // holds the content of the screen on display
	views    []fyne.CanvasObject // each screen's content, in navItems order; nil until it first shows
	screens  map[string]screen
	shortcut map[string]func() // named actions the keyboard reaches

	busy sync.WaitGroup // background work under way

	form *openForm // the form dialog open now (saveWhileOpen), for quitting

	// openPDF opens a printed PDF or a folder; nil means the system's
	// program for it (showPath in print.go).
	openPDF func(path string) error
}

// Preference keys.
const (
	prefWidth      = "window.width"
	prefHeight     = "window.height"
	prefLastScreen = "window.screen"
)

func navItems() []navItem {
	return []navItem{
		{"home", lang.L("首页"), theme.HomeIcon(), func(sh shell) screen { return newHomeScreen(sh) }},
		{"members", lang.L("会员"), theme.AccountIcon(), func(sh shell) screen { return newMembersScreen(sh) }},
		{"dues", lang.L("会费"), theme.ListIcon(), func(sh shell) screen { return newDuesScreen(sh) }},
		{"finance", lang.L("财务"), theme.StorageIcon(), func(sh shell) screen { return newFinanceScreen(sh) }},
		{"activities", lang.L("活动"), theme.CalendarIcon(), func(sh shell) screen { return newActivitiesScreen(sh) }},
		{"metrics", lang.L("指标"), theme.GridIcon(), func(sh shell) screen { return newMetricsScreen(sh) }},
		{"cases", lang.L("案例申报"), theme.DocumentCreateIcon(), func(sh shell) screen { return newCasesScreen(sh) }},
		{"aggregate", lang.L("汇总审核"), theme.DocumentIcon(), func(sh shell) screen { return newAggregateScreen(sh) }},
		{"reports", lang.L("报表"), theme.DocumentPrintIcon(), func(sh shell) screen { return newReportsScreen(sh) }},
		{"settings", lang.L("设置"), theme.SettingsIcon(), func(sh shell) screen { return newSettingsScreen(sh) }},
	}
}

// New builds the main window on fa. It opens opts.DBPath if it holds an
// organization, otherwise shows the welcome screen.
func New(fa fyne.App, opts Options) *App {
	a := &App{fyne: fa, opts: opts, shortcut: map[string]func(){}}
	applyLanguage(fa.Preferences()) // before any text is made
	a.runCtx, a.stop = context.WithCancel(context.Background())
	th, f, err := newTheme()
	fa.Settings().SetTheme(th)
	a.uiFont = f
	fa.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	a.win = fa.NewWindow(lang.L("商会工作台"))
	p := fa.Preferences()
	a.win.Resize(fyne.NewSize(
		float32(p.FloatWithFallback(prefWidth, 1100)), float32(p.FloatWithFallback(prefHeight, 720))))
	a.win.SetMainMenu(a.menu())
	a.win.SetCloseIntercept(func() { a.requestQuit(a.closeWindow) })
	a.win.SetOnDropped(a.onDropped)
	a.addShortcuts()
	a.onShortcut("quit", func() { a.requestQuit(a.quitApp) })
	a.openPath(opts.DBPath)
	if err != nil {
		a.showInfo(lang.L("缺少中文字体"), lang.L("未找到可用的中文字体，部分文字可能显示为方框。")+"\n"+lang.L(fonts.Advice(runtime.GOOS))+"\n\n"+err.Error())
	}
	return a
}

// Window is the main window.
func (a *App) Window() fyne.Window { return a.win }

// ShowAndRun shows the window and runs the event loop.
func (a *App) ShowAndRun() { a.win.ShowAndRun() }

// Close remembers the window and closes the store, flushing it to disk.
func (a *App) Close() {
	sz := a.win.Canvas().Size()
	if sz.Width > 0 && sz.Height > 0 {
		a.fyne.Preferences().SetFloat(prefWidth, float64(sz.Width))
		a.fyne.Preferences().SetFloat(prefHeight, float64(sz.Height))
	}
	a.closeStore()
	a.stop()
}

func (a *App) closeStore() {
	if a.store() != nil {
		if err := a.store().Close(); err != nil {
			log.Printf("close store: %v", err)
		}
		a.db = nil
	}
}

// openPath opens path: its organization in the shell, or the welcome screen
// when it holds none yet. A foreign or newer file is refused untouched.
func (a *App) openPath(path string) {
	state, err := data.Inspect(a.ctx(), path)
	if err != nil {
		a.showWelcome(path)
		a.showOpenError(path, err)
		return
	}
	if state != data.FileHasData {
		a.showWelcome(path)
		return
	}
	s, err := data.Open(a.ctx(), path, data.OpenOptions{Actor: actor()})
	if err != nil {
		a.showWelcome(path)
		a.showOpenError(path, err)
		return
	}
	a.useStore(s)
}

// useStore makes s the open file and shows the shell on it.
func (a *App) useStore(s *data.Store) {
	a.closeStore()
	a.welcome = nil
	a.db = s
	org, err := s.Organization(a.ctx())
	if err != nil {
		a.showError(err)
	}
	a.organization = org
	a.opts.DBPath = s.Path()
	a.noteOpened(s.Path())
	a.win.SetTitle(lang.L("商会工作台") + " — " + org.Name)
	a.buildShell()
}

func (a *App) buildShell() {
	a.screens = map[string]screen{}
	a.views = nil
	var entries []widgets.NavItem
	for _, n := range navItems() {
		sc := n.make(a)
		a.screens[n.key] = sc
		// A screen's content is built when it first shows (onNav): the
		// first window waits for one screen, not nine.
		a.views = append(a.views, nil)
		entries = append(entries, widgets.NavItem{Title: n.title, Icon: n.icon})
	}
	a.body = container.NewStack()
	a.nav = widgets.NewNav(entries, a.onNav)
	a.win.SetContent(container.NewBorder(nil, nil, container.NewHBox(a.nav, widget.NewSeparator()), nil, a.body))
	last := a.fyne.Preferences().StringWithFallback(prefLastScreen, "home")
	a.show(last)
}

// onNav puts screen i of navItems on display, remembers it and reloads it.
func (a *App) onNav(i int) {
	key := navItems()[i].key
	a.fyne.Preferences().SetString(prefLastScreen, key)
	if a.views[i] == nil {
		a.views[i] = a.screens[key].content()
	}
	a.body.Objects = []fyne.CanvasObject{a.views[i]}
	a.body.Refresh()
	if sc := a.screens[key]; sc != nil {
		sc.refresh()
	}
}

// show switches to the screen named key, or the first one for a key
// unknown, and reloads it.
func (a *App) show(key string) {
	if a.nav == nil {
		return
	}
	i := slices.IndexFunc(navItems(), func(n navItem) bool { return n.key == key })
	a.nav.Select(max(i, 0))
}

// current is the key of the screen on display.
func (a *App) current() string {
	if a.nav == nil || a.nav.Selected() < 0 {
		return ""
	}
	return navItems()[a.nav.Selected()].key
}

func (a *App) menu() *fyne.MainMenu {
	quit := fyne.NewMenuItem(lang.L("退出"), func() { a.requestQuit(a.quitApp) })
	quit.IsQuit = true
	return fyne.NewMainMenu(
		fyne.NewMenu(lang.L("文件"),
			fyne.NewMenuItem(lang.L("新建数据文件…"), a.newFileDialog),
			fyne.NewMenuItem(lang.L("打开数据文件…"), a.openFileDialog),
			a.recentMenu(),
			fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem(lang.L("备份…"), a.backupDialog),
			fyne.NewMenuItemSeparator(),
			quit,
		),
		fyne.NewMenu(lang.L("帮助"), fyne.NewMenuItem(lang.L("关于"), a.about)),
	)
}

func (a *App) addShortcuts() {
	bind := func(key fyne.KeyName, name string) {
		a.win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault},
			func(fyne.Shortcut) { a.runShortcut(name) })
	}
	for key, name := range shortcutKeys {
		bind(key, name)
	}
}

// onShortcut registers what a named shortcut (new, search, save) does
// whatever screen shows; an open form binds "save" this way. f nil unbinds.
func (a *App) onShortcut(name string, f func()) { a.shortcut[name] = f }

// saveWhileOpen makes Ctrl+S run submit while the form dialog d is open
// and gives the shortcut back when it closes; closed (may be nil) runs then.
// It is the one place forms register: quitting asks to save an open form
// with changes (quit.go), so d must already hold the form's filled fields.
func (a *App) saveWhileOpen(d dialog.Dialog, submit, closed func()) {
	a.editWhileOpen(d, submit, closed, nil)
}

// editWhileOpen is saveWhileOpen for a form that tells by changed whether
// it holds unsaved changes; nil compares its fields with when it opened.
func (a *App) editWhileOpen(d dialog.Dialog, submit, closed func(), changed func() bool) {
	prev, prevForm := a.shortcut["save"], a.form
	f := trackForm(d, submit, changed)
	a.form = f
	a.onShortcut("save", submit)
	d.SetOnClosed(func() {
		f.closed = true
		if closed != nil {
			closed()
		}
		a.onShortcut("save", prev)
		a.form = prevForm
	})
}

// bindShortcut makes a named shortcut run f while the screen key shows.
func (a *App) bindShortcut(key, name string, f func()) { a.shortcut[key+"/"+name] = f }

// runShortcut runs what the shortcut means now: an open form's action
// first, else the screen on display's.
func (a *App) runShortcut(name string) {
	if f := a.shortcut[name]; f != nil {
		f()
		return
	}
	if f := a.shortcut[a.current()+"/"+name]; f != nil {
		f()
	}
}

func (a *App) about() {
	v := a.fyne.Metadata().Version
	if v == "" {
		v = a.opts.Version
	}
	if v == "" {
		v = assets.Version
	}
	build := a.fyne.Metadata().Build
	if build == 0 {
		build = assets.Build
	}
	font := lang.L("未找到中文字体")
	if a.uiFont != nil {
		font = a.uiFont.Name + "（" + a.uiFont.Path + "）"
	}
	a.showInfo(lang.L("关于商会工作台"), fmt.Sprintf(lang.L("商会工作台 ChamberDesk\n版本 %s（构建 %d，数据版本 %d）\n\n为镇街商会和工商联编写的会员、活动与案例申报工具。\n字体：%s"),
		v, build, data.SchemaVersion(), font))
}

func actor() string { return "chamberdesk" }

// newLabel is a wrapping label for explanations: it wraps Chinese and
// mixed Chinese/Latin text by characters (widgets.WrapLabel).
func newLabel(text string) *widgets.WrapLabel { return widgets.NewWrapLabel(text) }

// yearText is a year as the window writes it: 2026年, or 2026 in English.
func yearText(y int) string { return widgets.YearText(y) }
