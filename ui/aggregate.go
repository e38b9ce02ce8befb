package ui

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/report/pkg"
	"chamberdesk/report/xlsx"
	"chamberdesk/ui/widgets"
)

// The case editor writes its packages with the package writer.
func init() { packageCase = pkg.Write }

var zipFilter = storage.NewExtensionFileFilter([]string{".zip"})

// aggregateScreen (汇总审核) is the federation office's desk for the
// packages the chambers under it send: each is checked without being
// unpacked, the good cases are listed in the award's order with the
// problems below them, and the combined list is exported for sending up.
type aggregateScreen struct {
	sh shell

	paths  []string   // the packages chosen, in the order chosen
	result pkg.Result // of the last check
	rows   []aggregateRow

	table                                  *widget.Table
	summary                                *widgets.WrapLabel
	addBtn, folderBtn, clearBtn, exportBtn *widget.Button

	// The dialogs; tests replace them.
	pickPackage func(use func(path string))
	pickFolder  func(use func(dir string))
	pickSave    func(name string, use func(path string))
}

// aggregateRow is one line of the table: a good case or a problem.
type aggregateRow struct {
	good                              bool
	file, unit, category, level, what string
}

// Columns of the table.
const (
	aggColStatus = iota
	aggColFile
	aggColUnit
	aggColCategory
	aggColLevel
	aggColWhat
	aggCols
)

func newAggregateScreen(a shell) *aggregateScreen {
	s := &aggregateScreen{sh: a, summary: newLabel("")}
	s.addBtn = widget.NewButtonWithIcon(lang.L("添加材料包…"), theme.ContentAddIcon(), func() {
		s.pickPackage(func(p string) { s.addPaths(p) })
	})
	s.addBtn.Importance = widget.HighImportance
	s.folderBtn = widget.NewButtonWithIcon(lang.L("添加文件夹中的材料包…"), theme.FolderOpenIcon(), func() {
		s.pickFolder(s.addFolder)
	})
	s.clearBtn = widget.NewButtonWithIcon(lang.L("清空"), theme.ContentClearIcon(), s.onClear)
	s.exportBtn = widget.NewButtonWithIcon(lang.L("导出汇总表…"), theme.DocumentSaveIcon(), s.onExport)
	s.pickPackage = func(use func(string)) { a.pickFile(zipFilter, use) }
	s.pickFolder = s.folderDialog
	s.pickSave = func(name string, use func(string)) {
		a.pickSaveFile(name, ".xlsx", storage.NewExtensionFileFilter([]string{".xlsx"}), use)
	}
	s.table = widget.NewTable(func() (int, int) { return len(s.rows), aggCols }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, s.updateCell)
	s.table.ShowHeaderRow = true
	s.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	s.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		o.(*widget.Label).SetText(aggHeaders()[id.Col])
	}
	s.setButtons()
	return s
}

func aggHeaders() []string {
	return []string{lang.L("检查结果"), lang.L("文件名"), lang.L("申报单位"), lang.L("申报类别"), lang.L("申报等次"),
		lang.L("案例名称 / 问题")}
}

var aggWidths = []float32{90, 220, 180, 150, 90, 360}

func (s *aggregateScreen) content() fyne.CanvasObject {
	h := widget.NewLabelWithStyle(lang.L("汇总审核"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	h.SizeName = theme.SizeNameHeadingText
	intro := newLabel(lang.L("添加所属商会报送的申报材料包（.zip）：程序逐个核对文件是否齐全、是否被改动，不解压任何文件；合格的案例按申报类别和等次排列，导出为推荐汇总表，问题另列一页。"))
	bar := container.NewBorder(nil, nil, nil,
		container.NewHBox(s.addBtn, s.folderBtn, s.clearBtn, s.exportBtn))
	top := container.NewVBox(h, intro, bar)
	body := container.New(&stretchColumn{table: s.table, col: aggColWhat, widths: aggWidths, min: 600}, s.table)
	return container.NewBorder(top, s.summary, nil, nil, body)
}

func (s *aggregateScreen) refresh() { s.setButtons() }

func (s *aggregateScreen) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if id.Row < 0 || id.Row >= len(s.rows) {
		l.SetText("")
		return
	}
	r := s.rows[id.Row]
	l.Importance = widget.MediumImportance
	var text string
	switch id.Col {
	case aggColStatus:
		text = lang.L("合格")
		if !r.good {
			text, l.Importance = lang.L("有问题"), widget.DangerImportance
		}
	case aggColFile:
		text = r.file
	case aggColUnit:
		text = r.unit
	case aggColCategory:
		text = r.category
	case aggColLevel:
		text = r.level
	case aggColWhat:
		text = r.what
	}
	l.SetText(text)
}

func (s *aggregateScreen) setButtons() {
	if len(s.paths) == 0 {
		s.clearBtn.Disable()
	} else {
		s.clearBtn.Enable()
	}
	if len(s.result.Good) == 0 {
		s.exportBtn.Disable()
	} else {
		s.exportBtn.Enable()
	}
}

// folderDialog asks for a folder of packages.
func (s *aggregateScreen) folderDialog(use func(string)) {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil {
			s.sh.showError(err)
			return
		}
		if u != nil {
			use(u.Path())
		}
	}, s.sh.window())
	d.Show()
}

// addFolder adds every .zip directly in dir.
func (s *aggregateScreen) addFolder(dir string) {
	es, err := os.ReadDir(dir)
	if err != nil {
		s.sh.showError(err)
		return
	}
	var paths []string
	for _, e := range es {
		if !e.IsDir() && strings.EqualFold(filepath.Ext(e.Name()), ".zip") {
			paths = append(paths, filepath.Join(dir, e.Name()))
		}
	}
	if len(paths) == 0 {
		s.sh.showInfo(lang.L("汇总审核"), fmt.Sprintf(lang.L("文件夹 %s 中没有 .zip 材料包。"), dir))
		return
	}
	s.addPaths(paths...)
}

// addPaths adds packages not chosen yet and checks them all again.
func (s *aggregateScreen) addPaths(paths ...string) {
	for _, p := range paths {
		if p = filepath.Clean(p); !slices.Contains(s.paths, p) {
			s.paths = append(s.paths, p)
		}
	}
	s.check()
}

func (s *aggregateScreen) onClear() {
	s.paths, s.result, s.rows = nil, pkg.Result{}, nil
	s.summary.SetText("")
	s.table.Refresh()
	s.setButtons()
}

// check verifies the chosen packages off the UI thread, with a progress
// bar; the table shows the result when it is done.
func (s *aggregateScreen) check() {
	a := s.sh
	cats := pkg.DefaultCategories
	if a.store() != nil {
		if c, err := a.store().AwardCategories(a.ctx()); err == nil && len(c) > 0 {
			cats = c
		}
	}
	paths := slices.Clone(s.paths)
	bar := widget.NewProgressBar()
	d := dialog.NewCustomWithoutButtons(lang.L("正在检查材料包"), bar, a.window())
	d.Resize(fyne.NewSize(420, d.MinSize().Height))
	d.Show()
	s.addBtn.Disable()
	s.folderBtn.Disable()
	a.inBackground(func() {
		r := pkg.Aggregate(a.ctx(), paths, cats, func(done, total int) {
			fyne.Do(func() { bar.SetValue(float64(done) / float64(total)) })
		})
		fyne.Do(func() {
			d.Hide()
			s.addBtn.Enable()
			s.folderBtn.Enable()
			s.show(r)
		})
	})
}

// show puts a check's result in the table: good cases first, in list
// order, then the problems.
func (s *aggregateScreen) show(r pkg.Result) {
	s.result = r
	s.rows = s.rows[:0]
	for _, pk := range r.Good {
		m := pk.Manifest
		s.rows = append(s.rows, aggregateRow{good: true, file: pk.Name, unit: m.Organization.Name,
			category: m.Case.Category, level: m.Case.Level, what: m.Case.Title})
	}
	for _, p := range r.Problems {
		what := p.Msg
		if p.Entry != "" {
			what = p.Entry + "：" + what
		}
		s.rows = append(s.rows, aggregateRow{file: p.File, what: what + "（" + p.Cause + "）"})
	}
	s.summary.SetText(fmt.Sprintf(lang.L("共检查 %d 个材料包：合格案例 %d 个，问题 %d 条。"), r.Checked, len(r.Good), len(r.Problems)))
	s.table.Refresh()
	s.setButtons()
}

// federation is the name the list is headed with: the open file's, when it
// is a federation's.
func (s *aggregateScreen) federation() string {
	if s.sh.org().IsFederation() {
		return s.sh.org().Name
	}
	return ""
}

func (s *aggregateScreen) onExport() {
	if len(s.result.Good) == 0 {
		return
	}
	s.pickSave(s.result.Title(s.federation())+".xlsx", s.export)
}

// export writes the combined list to path in the background.
func (s *aggregateScreen) export(path string) {
	r, fed := s.result, s.federation()
	s.sh.background(lang.L("正在导出汇总表…"), func(context.Context) error {
		return xlsx.WriteFile(path, func(w io.Writer) error { return r.WriteList(w, fed) })
	}, func() {
		s.sh.showInfo(lang.L("已导出汇总表"), fmt.Sprintf(lang.L("推荐汇总表已保存到：\n%s"), filepath.Clean(path)))
	})
}
