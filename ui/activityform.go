package ui

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
	"chamberdesk/ui/widgets"
)

// activityForm is the add/edit dialog of one activity: its facts, who took
// part, what it achieved and its photos. Every field checks itself while
// typing; 保存 has the store write the activity and its photos as one.
type activityForm struct {
	sh     shell
	act    data.Activity // as loaded; ID 0 for a new activity
	saved  func(id int64)
	thumbs *photoThumbs

	kind                         *widgets.Choice // the type as stored, shown in the window's language
	state                        *widgets.RadioChoice
	title, date, endDate, place  *formEntry
	startTime, agenda            *formEntry
	organizer, partners, outside *formEntry
	minutes                      *formEntry
	info, notes                  *widget.Form
	kindErr                      *widget.Label  // shown while no type is chosen
	members                      []*data.Member // everyone, shared with the store's index: read-only
	search                       *formEntry
	onlyPicked                   *widget.Check
	matches                      []*data.Member
	picked                       map[int64]bool
	memberList                   *widget.List
	pickedLabel                  *widget.Label
	leadersBtn, allBtn, clearBtn *widget.Button
	outcomeMetrics               []data.Metric
	outcomeLabels                []string
	outcomes                     []*activityOutcomeRow
	outcomeBox                   *fyne.Container
	addOutcomeBtn                *widget.Button
	photos                       *photoEditor
	tabs                         *container.AppTabs
	peopleTab, photoTab          *container.TabItem
	saveBtn, cancelBtn           *widget.Button
	dlg                          *dialog.CustomDialog
	closed, saving               bool
	lastID                       int64 // the activity the last save wrote
}

func newActivityForm(a shell, act data.Activity, thumbs *photoThumbs, saved func(id int64)) (*activityForm, error) {
	st, ctx := a.store(), a.ctx()
	types, err := st.ActivityTypes(ctx)
	if err != nil {
		return nil, err
	}
	metrics, err := st.Metrics(ctx)
	if err != nil {
		return nil, err
	}
	members, err := st.SearchMembers(ctx, "")
	if err != nil {
		return nil, err
	}
	var photos []data.Attachment
	if act.ID != 0 {
		if photos, err = st.Photos(ctx, act.ID); err != nil {
			return nil, err
		}
	}
	f := &activityForm{sh: a, act: act, saved: saved, thumbs: thumbs, members: members, picked: map[int64]bool{}}
	if act.Type != "" && !slices.Contains(types, act.Type) {
		types = append(types, act.Type) // a type since removed from the list stays choosable here
	}
	f.kind = valueChoice(types, func(string) {
		if f.kindErr.Visible() {
			f.kindErr.Hide()
			f.info.Refresh()
		}
	})
	f.kind.PlaceHolder = lang.L("请选择")
	// A form shows hints only under entries; a select's problem gets a line of its own.
	f.kindErr = widget.NewLabel(lang.L("请选择活动类型"))
	f.kindErr.Importance = widget.DangerImportance
	f.kindErr.SizeName = theme.SizeNameCaptionText
	f.kindErr.Hide()
	for _, e := range []**formEntry{&f.title, &f.date, &f.endDate, &f.place, &f.organizer, &f.partners, &f.outside} {
		*e = newFormEntry(a)
	}
	f.state = widgets.NewRadioChoice([]string{data.StateHeld, data.StatePlanned}, valueLabel, nil)
	f.state.Horizontal = true
	f.startTime = newFormEntry(a)
	f.startTime.Validator = checkedBy(data.ParseClock)
	f.startTime.SetPlaceHolder(lang.L("如 14:30，会议通知用"))
	f.agenda = newFormMultiLineEntry(a)
	f.agenda.SetMinRowsVisible(3)
	f.agenda.SetPlaceHolder(lang.L("每行一项，会议通知按顺序编号"))
	f.minutes = newFormMultiLineEntry(a)
	f.minutes.SetMinRowsVisible(9)
	f.minutes.SetPlaceHolder(lang.L("活动的内容、议程、讲话要点和决定事项"))
	f.title.Validator = widgets.Required(lang.L("不能为空"))
	f.title.SetPlaceHolder(lang.L("如：2026年第一期电商直播培训班"))
	f.date.Validator = widgets.All(widgets.Required(lang.L("请填写活动日期")), checkedBy(data.ParseDate))
	f.date.SetPlaceHolder(lang.L("如 2026-03-05"))
	f.date.OnChanged = func(string) {
		if f.endDate.Text != "" {
			f.endDate.Validate()
		}
	}
	f.endDate.Validator = func(s string) error {
		end, err := data.ParseDate(s)
		if err != nil {
			return plain(err)
		}
		if start, err := data.ParseDate(f.date.Text); err == nil && !end.IsZero() && end.Before(start) {
			return errString(lang.L("不能早于开始日期"))
		}
		return nil
	}
	f.endDate.SetPlaceHolder(lang.L("一天的活动不填"))
	f.place.SetPlaceHolder(lang.L("如：镇政府三楼会议室"))
	f.organizer.SetPlaceHolder(lang.L("如：本会"))
	f.partners.SetPlaceHolder(lang.L("多个单位用顿号分开"))
	f.outside.Validator = checkedBy(activityCount)
	f.outside.SetPlaceHolder("0")
	f.outside.OnChanged = func(string) { f.showPicked() }

	f.buildPeople()
	f.buildOutcomes(metrics)
	f.photos = newPhotoEditor(a, thumbs, photos, func() time.Time {
		d, _ := data.ParseDate(f.date.Text)
		return d
	})
	f.fill(act)

	f.info = widget.NewForm(
		&widget.FormItem{Text: lang.L("状态"), Widget: f.state, HintText: lang.L("计划中的活动不计入任何统计；举行后改为“已举行”，再填参加人员和成效")},
		widget.NewFormItem(lang.L("活动类型"), container.NewVBox(f.kind, f.kindErr)),
		widget.NewFormItem(lang.L("活动名称"), f.title),
		&widget.FormItem{Text: lang.L("日期"), Widget: f.date, HintText: lang.L("也可写 2026.3.5 或 2026年3月5日")},
		&widget.FormItem{Text: lang.L("结束日期"), Widget: f.endDate, HintText: lang.L("多天的活动填最后一天")},
		widget.NewFormItem(lang.L("开始时间"), f.startTime),
		widget.NewFormItem(lang.L("地点"), f.place),
		widget.NewFormItem(lang.L("主办单位"), f.organizer),
		widget.NewFormItem(lang.L("协办/合作单位"), f.partners),
		&widget.FormItem{Text: lang.L("其他参与人次"), Widget: f.outside, HintText: lang.L("名册以外的参与人次，如企业员工、群众")},
	)
	f.notes = widget.NewForm(widget.NewFormItem(lang.L("议程"), f.agenda), widget.NewFormItem(lang.L("内容/纪要"), f.minutes))
	f.saveBtn = widget.NewButtonWithIcon(lang.L("保存"), theme.DocumentSaveIcon(), func() { f.submit() })
	f.saveBtn.Importance = widget.HighImportance
	f.cancelBtn = widget.NewButtonWithIcon(lang.L("取消"), theme.CancelIcon(), func() { f.dlg.Hide() })
	return f, nil
}

// activityCount reads 其他参与人次: a whole number, 0 when empty.
func activityCount(s string) (int, error) {
	s = strings.TrimSpace(data.NormalizeText(s))
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		if f, ferr := strconv.ParseFloat(s, 64); ferr == nil && f < 0 {
			return 0, errString(lang.L("不能为负数"))
		}
		return 0, errString(lang.L("请填写整数，如 20"))
	}
	if n < 0 {
		return 0, errString(lang.L("不能为负数"))
	}
	return n, nil
}

// fill puts act's values in the fields.
func (f *activityForm) fill(act data.Activity) {
	if act.Type != "" {
		f.kind.SetValue(act.Type)
	}
	f.state.SetValue(act.State())
	f.title.SetText(act.Title)
	f.date.SetText(data.FormatDateISO(act.Date))
	f.startTime.SetText(act.StartTime)
	f.agenda.SetText(act.Agenda)
	f.endDate.SetText(data.FormatDateISO(act.EndDate))
	f.place.SetText(act.Place)
	f.organizer.SetText(act.Organizer)
	f.partners.SetText(act.Partners)
	if act.OutsideCount != 0 || act.ID != 0 {
		f.outside.SetText(strconv.Itoa(act.OutsideCount))
	}
	f.minutes.SetText(act.Content)
	for _, id := range act.Attendees {
		f.picked[id] = true
	}
	for _, o := range act.Outcomes {
		f.addOutcome(o.MetricKey, o.Value)
	}
	f.updateMatches()
}

func (f *activityForm) content() fyne.CanvasObject {
	outcomes := container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabelWithStyle(lang.L("成效"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			f.addOutcomeBtn),
		f.outcomeBox)
	infoTab := container.NewGridWithColumns(2,
		container.NewVScroll(f.info),
		container.NewVScroll(container.NewVBox(f.notes, outcomes)))
	quick := container.NewHBox(f.leadersBtn, f.allBtn, f.clearBtn, f.onlyPicked)
	people := container.NewBorder(
		container.NewVBox(f.search, container.NewBorder(nil, nil, quick, nil, f.pickedLabel)),
		nil, nil, nil, f.memberList)
	f.peopleTab = container.NewTabItemWithIcon("", theme.AccountIcon(), people)
	f.photoTab = container.NewTabItemWithIcon("", theme.MediaPhotoIcon(), f.photos.content())
	f.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("活动信息"), theme.DocumentIcon(), infoTab),
		f.peopleTab, f.photoTab)
	f.photos.changed = f.showPhotoCount
	f.showPicked()
	f.showPhotoCount()
	return f.tabs
}

func (f *activityForm) showPhotoCount() {
	if f.photoTab != nil {
		f.photoTab.Text = fmt.Sprintf(lang.L("照片（%d）"), f.photos.count())
		f.tabs.Refresh()
	}
}

func (f *activityForm) show() {
	title := lang.L("新增活动")
	if f.act.ID != 0 {
		title = lang.L("编辑活动 — ") + f.act.Title
	}
	f.dlg = formDialog(f.sh, title, f.content(), []fyne.CanvasObject{f.cancelBtn, f.saveBtn},
		func() { f.submit() }, func() { f.closed = true })
	f.dlg.Resize(fitWindow(f.sh, 1040, 680))
	f.sh.present(f.dlg)
	f.sh.window().Canvas().Focus(f.title)
}

// activity is the activity as the fields describe it. Each field is
// checked so every problem shows under its field; the first is returned.
func (f *activityForm) activity() (data.Activity, error) {
	var first error
	note := func(field string, err error) {
		if err != nil && first == nil {
			first = &data.Error{Code: data.CodeInvalid, Field: field, Msg: err.Error()}
		}
	}
	for _, c := range []struct {
		name string
		e    *formEntry
	}{{lang.L("活动名称"), f.title}, {lang.L("日期"), f.date}, {lang.L("结束日期"), f.endDate},
		{lang.L("开始时间"), f.startTime}, {lang.L("其他参与人次"), f.outside}} {
		c.e.SetValidationError(nil) // so a problem in an untouched field shows too
		note(c.name, c.e.Validate())
	}
	if f.kind.Value() == "" {
		f.kindErr.Show()
		f.info.Refresh()
		note(lang.L("活动类型"), errString(lang.L("请选择")))
	}
	act := f.act
	act.Type, act.Title = f.kind.Value(), f.title.Text
	act.Date, _ = data.ParseDate(f.date.Text)
	act.EndDate, _ = data.ParseDate(f.endDate.Text)
	act.Place, act.Organizer, act.Partners = f.place.Text, f.organizer.Text, f.partners.Text
	act.Content = f.minutes.Text
	act.Planned = f.state.Value() == data.StatePlanned
	act.StartTime, act.Agenda = f.startTime.Text, f.agenda.Text
	act.OutsideCount, _ = activityCount(f.outside.Text)
	act.Attendees = f.attendees()
	act.Outcomes = nil
	seen := map[string]bool{}
	for _, r := range f.outcomes {
		m, ok := f.metricOf(r)
		if !ok && strings.TrimSpace(r.value.Text) == "" {
			continue // an empty row is left out
		}
		r.value.SetValidationError(nil)
		v, err := activityNumber(r.value.Text)
		r.value.SetValidationError(err)
		switch {
		case !ok:
			note(lang.L("成效"), errString(lang.L("请选择成效指标")))
		case err != nil:
			note(m.Name, err)
		case seen[m.Key]:
			note(m.Name, errString(lang.L("重复填写，请合并为一行")))
		default:
			seen[m.Key] = true
			act.Outcomes = append(act.Outcomes, data.Outcome{MetricKey: m.Key, Value: v})
		}
	}
	if first != nil {
		return act, first
	}
	probe := act
	return act, probe.Normalize() // the store's own words for anything left
}

// submit saves the activity with its photos and closes the form. While a
// field is invalid nothing is written and the form stays open. New photos
// are read and stored in the background; the store writes them with the
// activity, all or nothing.
func (f *activityForm) submit() bool {
	if f.closed || f.saving {
		return false
	}
	act, err := f.activity()
	if err != nil {
		f.tabs.SelectIndex(0)
		f.sh.showError(err)
		return false
	}
	photos, err := f.photos.plan()
	if err != nil {
		f.tabs.Select(f.photoTab)
		f.sh.showError(err)
		return false
	}
	st := f.sh.store()
	if len(photos.Add) == 0 {
		id, err := st.SaveActivity(f.sh.ctx(), act, photos)
		if err != nil {
			f.sh.showError(err)
			return false
		}
		f.done(id)
		return true
	}
	f.saving = true
	f.saveBtn.Disable()
	var id int64
	var saveErr error
	f.sh.background(lang.L("正在保存活动和照片…"), func(ctx context.Context) error {
		id, saveErr = st.SaveActivity(ctx, act, photos)
		return nil
	}, func() {
		f.saving = false
		f.saveBtn.Enable()
		if saveErr != nil {
			f.sh.showError(saveErr)
			return
		}
		f.done(id)
	})
	return true
}

func (f *activityForm) done(id int64) {
	f.lastID = id
	f.dlg.Hide()
	if f.saved != nil {
		f.saved(id)
	}
}
