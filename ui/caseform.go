package ui

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
	"chamberdesk/ui/widgets"
)

// caseForm is the editor of one award case: the application facts, the
// three texts with live character counts and figures inserted from the
// records, the figures' check against the records, the linked activities
// and the chosen photos. 保存 (Ctrl+S) keeps the editor open, since a case
// is written over many sittings; 关闭 asks before unsaved changes are lost.
type caseForm struct {
	sh     shell
	c      data.Case // as loaded or last saved; ID 0 until first saved
	saved  func(id int64)
	limits data.CaseLimits

	year                     *widgets.YearSelect
	category                 *widgets.Choice // award categories, shown in the window's language
	orgName                  *widget.Select
	level                    *widgets.RadioChoice
	short                    *caseEntry // the title after 单位名称：
	titleCount               *widget.Label
	person, office, phone    *formEntry
	recommender              *formEntry
	opinion                  *caseText
	lead, practices, results *caseText

	figures *caseFigures
	links   *caseLinks
	photos  *casePhotos

	tabs                                    *container.AppTabs
	textTab, figureTab, linkTab, photoTab   *container.TabItem
	checkBtn, packageBtn, saveBtn, closeBtn *widget.Button
	note                                    *widget.Label // 已保存 …
	dlg                                     *dialog.CustomDialog
	closed                                  bool
	snapshot                                data.Case // the fields at the last load or save
	lastID                                  int64
	pickDir                                 func(use func(dir string))
	lastPackage                             string // the package last written
}

func newCaseForm(a shell, c data.Case, thumbs *photoThumbs, saved func(id int64)) (*caseForm, error) {
	st, ctx := a.store(), a.ctx()
	limits, err := st.CaseLimits(ctx)
	if err != nil {
		return nil, err
	}
	cats, err := st.AwardCategories(ctx)
	if err != nil {
		return nil, err
	}
	years, err := st.FigureYears(ctx)
	if err != nil {
		return nil, err
	}
	f := &caseForm{sh: a, c: c, saved: saved, limits: limits}
	f.pickDir = f.pickFolder
	if c.Category != "" && !slices.Contains(cats, c.Category) {
		cats = append(cats, c.Category) // a category since removed stays choosable here
	}
	f.year = widgets.NewYearSelect(func(year int) {
		if f.links != nil {
			f.links.setYear(year)
		}
	})
	// the years with records, this year and the case's own
	f.year.SetYears(append(years, membersToday(a).Year()), c.Year)
	f.category = valueChoice(cats, nil)
	f.category.PlaceHolder = lang.L("请选择")
	f.level = widgets.NewRadioChoice([]string{data.LevelBest, data.LevelExcellent}, valueLabel, nil)
	f.level.Horizontal, f.level.Required = true, true
	f.orgName = widget.NewSelect(caseOrgNames(a.org(), c.Title), func(string) { f.countTitle() })
	f.short = newCaseEntry(a, false)
	f.short.SetPlaceHolder(lang.L("如：“课堂+车间”双线服务 让小商会办成大事"))
	f.short.OnChanged = func(string) { f.countTitle() }
	f.titleCount = widget.NewLabel("")
	for _, e := range []**formEntry{&f.person, &f.office, &f.phone, &f.recommender} {
		*e = newFormEntry(a)
	}
	f.phone.Validator = widgets.Optional(checkedBy(data.CheckPhone))
	f.phone.SetPlaceHolder(lang.L("如 13812345678"))
	f.recommender.SetPlaceHolder(lang.L("如：某某区工商联；自荐的填本单位"))
	f.opinion = newCaseText(f, lang.L("推荐单位意见"), "", func() int { return f.limits.Opinion }, 3)
	f.lead = newCaseText(f, lang.L("导语"), data.SectionLead, func() int { return f.limits.Lead }, 4)
	f.practices = newCaseText(f, lang.L("主要做法"), data.SectionPractices, func() int { return f.limits.Practices }, 12)
	f.results = newCaseText(f, lang.L("主要成效"), data.SectionResults, func() int { return f.limits.Results }, 8)
	f.lead.entry.SetPlaceHolder(lang.L("一段话概括：单位概况、做了什么、取得了什么成效"))
	f.practices.entry.SetPlaceHolder(lang.L("分段写，如：一是……\n二是……\n三是……"))
	f.results.entry.SetPlaceHolder(lang.L("用记录中的数字说明成效：点“插入数字”从年度指标中选取"))

	f.figures = newCaseFigures(f)
	if f.links, err = newCaseLinks(f, c.ActivityIDs); err != nil {
		return nil, err
	}
	if f.photos, err = newCasePhotos(f, thumbs, c.Photos); err != nil {
		return nil, err
	}
	f.fill(c)
	f.note = widget.NewLabel("")
	f.note.Importance = widget.LowImportance
	f.checkBtn = widget.NewButtonWithIcon(lang.L("检查"), theme.ConfirmIcon(), func() { f.onCheck() })
	f.packageBtn = widget.NewButtonWithIcon(lang.L("生成申报材料包"), theme.FolderNewIcon(), f.onPackage)
	f.saveBtn = widget.NewButtonWithIcon(lang.L("保存"), theme.DocumentSaveIcon(), func() { f.submit() })
	f.saveBtn.Importance = widget.HighImportance
	f.closeBtn = widget.NewButtonWithIcon(lang.L("关闭"), theme.CancelIcon(), func() { f.onClose() })
	f.snapshot = f.current()
	return f, nil
}

// caseOrgNames offers the organization's full and short names for the
// title's 单位名称, and the one the title already has.
func caseOrgNames(o data.Organization, title string) []string {
	var out []string
	for _, n := range []string{o.Name, o.ShortName} {
		if n != "" && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	if name, _, ok := data.SplitCaseTitle(title); ok && !slices.Contains(out, name) {
		out = append(out, name)
	}
	return out
}

// fill puts c's values in the fields.
func (f *caseForm) fill(c data.Case) {
	if c.Category != "" {
		f.category.SetValue(c.Category)
	}
	level := c.Level
	if level == "" {
		level = data.LevelExcellent
	}
	f.level.SetValue(level)
	name, short, ok := data.SplitCaseTitle(c.Title)
	if !ok {
		name = f.sh.org().Name
		if short == f.sh.org().Name || short == f.sh.org().ShortName {
			short = "" // a title of the unit's name only: nothing written yet
		}
	}
	if name != "" {
		f.orgName.SetSelected(name)
	} else if len(f.orgName.Options) > 0 {
		f.orgName.SetSelectedIndex(0)
	}
	f.short.SetText(short)
	f.person.SetText(c.ContactPerson)
	f.office.SetText(c.ContactOffice)
	f.phone.SetText(c.ContactPhone)
	f.recommender.SetText(c.Recommender)
	f.opinion.entry.SetText(c.RecommenderOpinion)
	f.lead.entry.SetText(c.Lead)
	f.practices.entry.SetText(c.Practices)
	f.results.entry.SetText(c.Results)
	f.figures.set(c.Figures)
	f.countTitle()
}

// caseYear is the year chosen, 0 when none.
func (f *caseForm) caseYear() int { return f.year.Year() }

// current is the case as the fields now describe it.
func (f *caseForm) current() data.Case {
	c := f.c
	c.Year, c.Category, c.Level = f.caseYear(), f.category.Value(), f.level.Value()
	c.Title = data.CaseTitle(f.orgName.Selected, f.short.Text)
	c.ContactPerson, c.ContactOffice, c.ContactPhone = f.person.Text, f.office.Text, f.phone.Text
	c.Recommender, c.RecommenderOpinion = f.recommender.Text, f.opinion.entry.Text
	c.Lead, c.Practices, c.Results = f.lead.entry.Text, f.practices.entry.Text, f.results.entry.Text
	c.Figures = slices.Clone(f.figures.list)
	c.ActivityIDs = f.links.ids()
	c.Photos = f.photos.list()
	return c
}

// dirty reports whether the fields hold changes not yet saved.
func (f *caseForm) dirty() bool { return !reflect.DeepEqual(f.current(), f.snapshot) }

// text is the counted text of a section.
func (f *caseForm) text(section string) *caseText {
	switch section {
	case data.SectionLead:
		return f.lead
	case data.SectionPractices:
		return f.practices
	case data.SectionResults:
		return f.results
	}
	return nil
}

func (f *caseForm) countTitle() {
	if f.titleCount == nil || f.short == nil {
		return
	}
	showCount(f.titleCount, data.CountChars(data.CaseTitle(f.orgName.Selected, f.short.Text)), f.limits.Title)
}

func (f *caseForm) content() fyne.CanvasObject {
	title := container.NewBorder(nil, nil, container.NewHBox(f.orgName, widget.NewLabel("：")), f.titleCount, f.short)
	facts := widget.NewForm(
		widget.NewFormItem(lang.L("申报年度"), container.NewHBox(f.year)),
		widget.NewFormItem(lang.L("申报类别"), f.category),
		widget.NewFormItem(lang.L("申报等次"), f.level),
		&widget.FormItem{Text: lang.L("案例标题"), Widget: title, HintText: lang.L("单位名称：标题，单位名称可选全称或简称")},
	)
	contact := widget.NewForm(
		widget.NewFormItem(lang.L("联系人"), f.person),
		widget.NewFormItem(lang.L("职务"), f.office),
		&widget.FormItem{Text: lang.L("联系电话"), Widget: f.phone, HintText: lang.L("手机或带区号的固定电话")},
		widget.NewFormItem(lang.L("推荐单位"), f.recommender),
	)
	info := container.NewVBox(facts, widget.NewSeparator(), contact, f.opinion.block())
	texts := container.NewVBox(f.lead.block(), f.practices.block(), f.results.block())
	f.textTab = container.NewTabItemWithIcon(lang.L("案例正文"), theme.DocumentIcon(), container.NewVScroll(texts))
	f.figureTab = container.NewTabItemWithIcon("", theme.InfoIcon(), f.figures.content())
	f.linkTab = container.NewTabItemWithIcon("", theme.CalendarIcon(), f.links.content())
	f.photoTab = container.NewTabItemWithIcon("", theme.MediaPhotoIcon(), f.photos.content())
	f.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("申报信息"), theme.AccountIcon(), container.NewVScroll(info)),
		f.textTab, f.figureTab, f.linkTab, f.photoTab)
	f.tabs.OnSelected = func(t *container.TabItem) {
		switch t {
		case f.figureTab:
			f.figures.check()
		case f.photoTab:
			f.photos.refreshChoices()
			f.photos.loadThumbs()
		}
	}
	f.showCounts()
	return f.tabs
}

// showCounts puts the number of figures, activities and photos in the tabs.
func (f *caseForm) showCounts() {
	if f.tabs == nil {
		return
	}
	f.figureTab.Text = fmt.Sprintf(lang.L("数字核对（%d）"), len(f.figures.list))
	f.linkTab.Text = fmt.Sprintf(lang.L("关联活动（%d）"), len(f.links.picked))
	f.photoTab.Text = fmt.Sprintf(lang.L("图片（%d）"), len(f.photos.items))
	f.tabs.Refresh()
}

func (f *caseForm) show() {
	title := lang.L("新建案例")
	if f.c.ID != 0 {
		title = lang.L("编辑案例") + " — " + f.c.Title
	}
	f.dlg = dialog.NewCustomWithoutButtons(title, f.content(), f.sh.window())
	f.dlg.SetButtons([]fyne.CanvasObject{f.checkBtn, f.packageBtn, f.note, layout.NewSpacer(), f.closeBtn, f.saveBtn})
	f.sh.editWhileOpen(f.dlg, func() { f.submit() }, func() { f.closed = true }, f.dirty)
	f.dlg.Resize(fitWindow(f.sh, 1100, 760))
	f.sh.present(f.dlg)
	f.sh.window().Canvas().Focus(f.short)
	f.links.load()
	f.figures.check()
	f.photos.refreshChoices()
	f.photos.loadThumbs() // last: nothing is built after
}

// submit saves the case and keeps the editor open. On a problem nothing is
// written and the store's message says what is wrong.
func (f *caseForm) submit() bool {
	if f.closed {
		return false
	}
	f.phone.SetValidationError(nil)
	if err := f.phone.Validate(); err != nil {
		f.sh.showError(&data.Error{Code: data.CodeInvalid, Field: lang.L("联系电话"), Msg: err.Error()})
		return false
	}
	c := f.current()
	id, err := f.sh.store().SaveCase(f.sh.ctx(), c)
	if err != nil {
		f.sh.showError(err)
		return false
	}
	saved, err := f.sh.store().Case(f.sh.ctx(), id)
	if err != nil {
		f.sh.showError(err)
		return false
	}
	f.c, f.lastID = saved, id
	f.snapshot = f.current()
	f.note.SetText(fmt.Sprintf(lang.L("已保存 %s"), f.sh.store().Now().Format("15:04")))
	f.figures.check()
	if f.saved != nil {
		f.saved(id)
	}
	return true
}

// onClose closes the editor, asking first when there are unsaved changes;
// it returns the question, nil when it closed without asking.
func (f *caseForm) onClose() *dialog.CustomDialog {
	if !f.dirty() {
		f.dlg.Hide()
		return nil
	}
	var d *dialog.CustomDialog
	save := widget.NewButton(lang.L("保存并关闭"), func() {
		d.Hide()
		if f.submit() {
			f.dlg.Hide()
		}
	})
	save.Importance = widget.HighImportance
	discard := widget.NewButton(lang.L("不保存"), func() { d.Hide(); f.dlg.Hide() })
	discard.Importance = widget.DangerImportance
	stay := widget.NewButton(lang.L("继续编辑"), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(lang.L("案例尚未保存"),
		newLabel(lang.L("案例有修改尚未保存。关闭前要保存吗？")), f.sh.window())
	d.SetButtons([]fyne.CanvasObject{stay, discard, save})
	f.sh.present(d)
	return d
}

// onCheck lists what keeps the case from being packaged, and returns it.
func (f *caseForm) onCheck() data.Errors {
	ps, err := f.sh.store().CheckCase(f.sh.ctx(), f.current())
	if err != nil {
		f.sh.showError(err)
		return nil
	}
	f.figures.check()
	if len(ps) == 0 {
		f.sh.showInfo(lang.L("检查"), lang.L("检查通过：各项内容齐全，字数未超出限制，数字都与记录一致。"))
		return ps
	}
	f.sh.showInfo(lang.L("检查"), caseProblemText(ps))
	return ps
}

// caseProblemText lists the problems, those to fix first, then warnings.
func caseProblemText(ps data.Errors) string {
	var must, warn []string
	for _, p := range ps {
		if p.Warning {
			warn = append(warn, "· "+errMessage(p))
		} else {
			must = append(must, "· "+errMessage(p))
		}
	}
	var b strings.Builder
	if len(must) > 0 {
		fmt.Fprintf(&b, lang.L("需要补充或修改（%d项）：")+"\n%s", len(must), strings.Join(must, "\n"))
	}
	if len(warn) > 0 {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		fmt.Fprintf(&b, lang.L("请核对（%d项）：")+"\n%s", len(warn), strings.Join(warn, "\n"))
	}
	return b.String()
}
