package ui

import (
	"os"
	"path/filepath"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// prefRecent holds the data files opened last, newest first.
const prefRecent = "files.recent"

// recentMax is how many recent data files 文件 > 打开最近的数据文件 offers.
const recentMax = 5

// recentFiles are the remembered data files that still exist, newest first;
// files moved or deleted since are dropped from the preference too.
func recentFiles(p fyne.Preferences) []string {
	all := p.StringList(prefRecent)
	keep := make([]string, 0, len(all))
	for _, f := range all {
		if fi, err := os.Stat(f); err == nil && fi.Mode().IsRegular() && !slices.Contains(keep, f) {
			keep = append(keep, f)
		}
	}
	if len(keep) > recentMax {
		keep = keep[:recentMax]
	}
	if !slices.Equal(keep, all) {
		p.SetStringList(prefRecent, keep)
	}
	return keep
}

// rememberFile puts path first in the recent list.
func rememberFile(p fyne.Preferences, path string) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	list := slices.DeleteFunc(p.StringList(prefRecent), func(f string) bool { return f == path })
	list = append([]string{path}, list...)
	if len(list) > recentMax {
		list = list[:recentMax]
	}
	p.SetStringList(prefRecent, list)
}

// noteOpened remembers the file just opened and refreshes the menu that
// lists it.
func (a *App) noteOpened(path string) {
	rememberFile(a.fyne.Preferences(), path)
	a.win.SetMainMenu(a.menu())
}

// recentMenu is 文件 > 打开最近的数据文件: the other recent files, or one
// disabled line when there are none.
func (a *App) recentMenu() *fyne.MenuItem {
	var items []*fyne.MenuItem
	for _, f := range recentFiles(a.fyne.Preferences()) {
		if a.store() != nil && f == a.store().Path() {
			continue
		}
		items = append(items, fyne.NewMenuItem(f, func() { a.openOther(f) }))
	}
	if len(items) == 0 {
		none := fyne.NewMenuItem(lang.L("（没有其他最近的文件）"), nil)
		none.Disabled = true
		items = append(items, none)
	}
	item := fyne.NewMenuItem(lang.L("打开最近的数据文件"), nil)
	item.ChildMenu = fyne.NewMenu("", items...)
	return item
}
