package ui

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// onDropped opens the roster import for an Excel file dragged onto the
// window, the same dialog as 导入名册: a preview first, nothing written
// until the person confirms.
func (a *App) onDropped(_ fyne.Position, uris []fyne.URI) { a.dropped(uris) }

// dropped is onDropped's work; it returns the import dialog it opened, if any.
func (a *App) dropped(uris []fyne.URI) *importDialog {
	if a.store() == nil {
		a.showInfo(lang.L("导入名册"), lang.L("请先创建或打开数据文件，再导入名册。"))
		return nil
	}
	for _, u := range uris {
		if u.Scheme() == "file" && strings.EqualFold(filepath.Ext(u.Path()), ".xlsx") {
			return importFile(a, u.Path(), a.refreshCurrent)
		}
	}
	a.showInfo(lang.L("导入名册"), lang.L("只能导入 Excel 名册（.xlsx 文件）。"))
	return nil
}

// refreshCurrent reloads the screen on display.
func (a *App) refreshCurrent() {
	if sc := a.screens[a.current()]; sc != nil {
		sc.refresh()
	}
}
