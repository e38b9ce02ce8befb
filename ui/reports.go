package ui

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/report/roster"
	"chamberdesk/report/xlsx"
	"chamberdesk/ui/widgets"
)

// reportsScreen (报表) writes the Excel workbooks a chamber hands in, and
// reads a roster in.
type reportsScreen struct {
	sh shell

	year *widgets.YearSelect
	full *widget.Check // whole phones and ID numbers on the roster

	rosterBtn, summaryBtn, awardBtn, templateBtn, importBtn *widget.Button
	ledgerBtn                                               *widget.Button // 打印活动台账 (print.go)
}

func newReportsScreen(a shell) *reportsScreen {
	s := &reportsScreen{sh: a}
	s.year = widgets.NewYearSelect(nil)
	s.full = widget.NewCheck(lang.L("显示完整手机号和身份证号"), nil)
	s.rosterBtn = widget.NewButtonWithIcon(lang.L("导出会员名册…"), theme.DocumentSaveIcon(), s.onRoster)
	s.summaryBtn = widget.NewButtonWithIcon(lang.L("导出年度工作簿…"), theme.DocumentSaveIcon(), s.onSummary)
	s.awardBtn = widget.NewButtonWithIcon(lang.L("导出申报汇总表…"), theme.DocumentSaveIcon(), s.onAward)
	s.templateBtn = widget.NewButtonWithIcon(lang.L("保存空白模板…"), theme.DocumentSaveIcon(), s.onTemplate)
	s.ledgerBtn = newLedgerPrintButton(s)
	s.importBtn = widget.NewButtonWithIcon(lang.L("导入名册…"), theme.UploadIcon(), func() {
		importRoster(a, s.refreshMembers)
	})
	s.importBtn.Importance = widget.HighImportance
	return s
}

func (s *reportsScreen) content() fyne.CanvasObject {
	h := widget.NewLabelWithStyle(lang.L("报表"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	h.SizeName = theme.SizeNameHeadingText
	card := func(title, text string, objs ...fyne.CanvasObject) fyne.CanvasObject {
		box := container.NewVBox(newLabel(text))
		for _, o := range objs {
			box.Add(o)
		}
		return widget.NewCard(title, "", box)
	}
	cards := container.NewAdaptiveGrid(2,
		card(lang.L("会员名册"), lang.L("全部会员的名册，可直接报送或打印。默认隐去手机号和身份证号的中间位，便于通过微信、邮件传送。"),
			s.full, container.NewHBox(s.rosterBtn)),
		card(lang.L("年度工作簿"), lang.L("所选年度的会员名册、活动台账、年度指标、会费收缴四张表，合在一个工作簿中。"),
			container.NewHBox(s.summaryBtn)),
		card(lang.L("打印活动台账"), lang.L("所选年度的活动台账，A4横向排版，每页重复表头并有页码，在PDF阅读器中打开后直接打印。"),
			container.NewHBox(s.ledgerBtn)),
		card(lang.L("申报汇总表"), lang.L("所选年度“创新中国”工作案例的申报汇总表。"),
			container.NewHBox(s.awardBtn)),
		card(lang.L("空白名册模板"), lang.L("带标准表头和一行示例的空白名册，分发给会员单位填写后可直接导入。"),
			container.NewHBox(s.templateBtn)),
		card(lang.L("导入名册"), lang.L("从Excel或WPS名册导入会员：先预览新增、更新的人数和问题，确认后才写入。"),
			container.NewHBox(s.importBtn)),
	)
	top := container.NewVBox(h, container.NewHBox(widget.NewLabel(lang.L("年度")), s.year))
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(container.NewPadded(cards)))
}

// refresh offers this year and the years that have activities, keeping the
// selection when it can.
func (s *reportsScreen) refresh() {
	a := s.sh
	if a.store() == nil {
		return
	}
	this := membersToday(a).Year()
	acts, err := a.store().Activities(a.ctx(), 0)
	if err != nil {
		a.showError(err)
	}
	var years []int
	for _, act := range acts {
		if y := act.Date.Year(); y > 1 {
			years = append(years, y)
		}
	}
	cur := s.year.Year()
	if !slices.Contains(years, cur) {
		cur = this
	}
	s.year.SetYears(years, cur)
}

func (s *reportsScreen) refreshMembers() {
	s.sh.refreshScreen("members")
}

// orgName is the chamber's short name for file names.
func (s *reportsScreen) orgName() string { return orgShortName(s.sh) }

// orgShortName is the open file's chamber as file names call it: its short
// name, else its name.
func orgShortName(sh shell) string {
	if n := strings.TrimSpace(sh.org().ShortName); n != "" {
		return n
	}
	if n := strings.TrimSpace(sh.org().Name); n != "" {
		return n
	}
	return lang.L("商会")
}

// saveAs asks where to write a workbook and calls write with the path.
func (s *reportsScreen) saveAs(name string, write func(path string)) {
	a := s.sh
	if a.store() == nil {
		return
	}
	a.pickSaveFile(name, ".xlsx", xlsxFilter, write)
}

func (s *reportsScreen) onRoster() {
	full := s.full.Checked
	name := fmt.Sprintf(lang.L("%s_会员名册_%s.xlsx"), s.orgName(), membersToday(s.sh).Format("20060102"))
	s.saveAs(name, func(path string) { s.exportRoster(path, full) })
}

func (s *reportsScreen) onSummary() {
	y := s.year.Year()
	s.saveAs(fmt.Sprintf(lang.L("%s_%d年度工作簿.xlsx"), s.orgName(), y), func(path string) { s.exportSummary(path, y) })
}

func (s *reportsScreen) onAward() {
	y := s.year.Year()
	s.saveAs(fmt.Sprintf(lang.L("%s_%d年申报汇总表.xlsx"), s.orgName(), y), func(path string) { s.exportAward(path, y) })
}

func (s *reportsScreen) onTemplate() {
	s.saveAs(fmt.Sprintf(lang.L("%s_会员名册模板.xlsx"), s.orgName()), s.writeTemplate)
}

// exportRoster writes the roster workbook to path; full leaves phones and
// ID numbers whole.
func (s *reportsScreen) exportRoster(path string, full bool) {
	a := s.sh
	st := a.store()
	a.background(lang.L("正在导出会员名册…"), func(ctx context.Context) error {
		err := xlsx.WriteFile(path, func(w io.Writer) error {
			return xlsx.WriteRoster(ctx, st, w, xlsx.RosterOptions{Full: full})
		})
		if err != nil {
			return fmt.Errorf(lang.L("会员名册导出失败：%w"), err)
		}
		return nil
	}, func() {
		note := lang.L("手机号和身份证号已隐去中间位。")
		if full {
			note = lang.L("含完整手机号和身份证号，请妥善保管。")
		}
		a.showInfo(lang.L("导出完成"), lang.L("已导出到 ")+filepath.Clean(path)+"\n"+note)
	})
}

// exportSummary writes the annual workbook of year to path.
func (s *reportsScreen) exportSummary(path string, year int) {
	a := s.sh
	st := a.store()
	var n string
	a.background(lang.L("正在导出年度工作簿…"), func(ctx context.Context) error {
		sum, err := xlsx.LoadSummary(ctx, st, year)
		if err != nil {
			return fmt.Errorf(lang.L("年度数据读取失败：%w"), err)
		}
		if err := xlsx.WriteFile(path, sum.Write); err != nil {
			return fmt.Errorf(lang.L("年度工作簿导出失败：%w"), err)
		}
		n = fmt.Sprintf(lang.L("会员 %d 名，活动 %d 场，指标 %d 项，会费 %d 行。"),
			len(sum.Members), len(sum.Activities), len(sum.Figures), len(sum.Dues))
		return nil
	}, func() {
		a.showInfo(lang.L("导出完成"), fmt.Sprintf(lang.L("已导出到 %s\n%d年度：%s"), filepath.Clean(path), year, n))
	})
}

// exportAward writes the award summary table of year to path.
func (s *reportsScreen) exportAward(path string, year int) {
	a := s.sh
	st := a.store()
	var n int
	a.background(lang.L("正在导出申报汇总表…"), func(ctx context.Context) error {
		err := xlsx.WriteFile(path, func(w io.Writer) error {
			var err error
			n, err = xlsx.WriteAwardSummary(ctx, st, year, w)
			return err
		})
		if err != nil {
			return fmt.Errorf(lang.L("申报汇总表导出失败：%w"), err)
		}
		return nil
	}, func() {
		msg := fmt.Sprintf(lang.L("已导出到 %s\n%d年共 %d 个案例。"), filepath.Clean(path), year, n)
		if n == 0 {
			msg = fmt.Sprintf(lang.L("已导出到 %s\n注意：%d年没有案例，表中只有表头。"), filepath.Clean(path), year)
		}
		a.showInfo(lang.L("导出完成"), msg)
	})
}

// writeTemplate writes the empty roster template to path.
func (s *reportsScreen) writeTemplate(path string) {
	a := s.sh
	a.background(lang.L("正在保存模板…"), func(context.Context) error {
		if err := xlsx.WriteFile(path, roster.WriteTemplate); err != nil {
			return fmt.Errorf(lang.L("模板保存失败：%w"), err)
		}
		return nil
	}, func() {
		a.showInfo(lang.L("导出完成"), lang.L("已导出到 ")+filepath.Clean(path)+lang.L("\n填写后可在「导入名册」中导入。"))
	})
}
