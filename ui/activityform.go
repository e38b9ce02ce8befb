package ui

import (
	"context"
	"fmt"
	"fyne.io/fyne/v2/lang"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
)

// activityOutcomeRow is one outcome figure in the form: a metric and its
// value.
type activityOutcomeRow struct {
	metric    *widget.Select
	value     *formEntry
	unit      *widget.Label
	removeBtn *widget.Button
	box       *fyne.Container
}

// activityForm is the add/edit dialog of one activity: its facts, who took
// part, what it achieved and its photos. Every field checks itself while
// typing; 保存 writes the activity and its photos in one transaction.
type activityForm struct {
	sh     shell
	act    data.Activity // as loaded; ID 0 for a new activity
	saved  func(id int64)
	thumbs *photoThumbs

	kind                         *widget.Select
	title, date, endDate, place  *formEntry
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

// activityLeaderOffice is the lowest office "全体理事及以上" picks.
const activityLeaderOffice = "理事"

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
	f.kind = widget.NewSelect(types, func(string) {
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
	f.minutes = newFormMultiLineEntry(a)
	f.minutes.SetMinRowsVisible(9)
	f.minutes.SetPlaceHolder(lang.L("活动的内容、议程、讲话要点和决定事项"))
	f.title.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errString(lang.L("不能为空"))
		}
		return nil
	}
	f.title.SetPlaceHolder(lang.L("如：2026年第一期电商直播培训班"))
	f.date.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errString(lang.L("请填写活动日期"))
		}
		_, err := data.ParseDate(s)
		return plain(err)
	}
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
	f.outside.Validator = func(s string) error { _, err := activityCount(s); return err }
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
		widget.NewFormItem(lang.L("活动类型"), container.NewVBox(f.kind, f.kindErr)),
		widget.NewFormItem(lang.L("活动名称"), f.title),
		&widget.FormItem{Text: lang.L("日期"), Widget: f.date, HintText: lang.L("也可写 2026.3.5 或 2026年3月5日")},
		&widget.FormItem{Text: lang.L("结束日期"), Widget: f.endDate, HintText: lang.L("多天的活动填最后一天")},
		widget.NewFormItem(lang.L("地点"), f.place),
		widget.NewFormItem(lang.L("主办单位"), f.organizer),
		widget.NewFormItem(lang.L("协办/合作单位"), f.partners),
		&widget.FormItem{Text: lang.L("其他参与人次"), Widget: f.outside, HintText: lang.L("名册以外的参与人次，如企业员工、群众")},
	)
	f.notes = widget.NewForm(widget.NewFormItem(lang.L("内容/纪要"), f.minutes))
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

// activityNumber reads an outcome value: a number of 0 or more, decimals
// allowed (1.5 亿元), thousands separators ignored.
func activityNumber(s string) (float64, error) {
	s = strings.ReplaceAll(strings.TrimSpace(data.NormalizeText(s)), ",", "")
	s = strings.ReplaceAll(s, "，", "")
	if s == "" {
		return 0, errString(lang.L("请填写数值"))
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, errString(lang.L("请填写数字，如 3 或 1.5"))
	}
	if v < 0 {
		return 0, errString(lang.L("不能为负数"))
	}
	return v, nil
}

// fill puts act's values in the fields.
func (f *activityForm) fill(act data.Activity) {
	if act.Type != "" {
		f.kind.SetSelected(act.Type)
	}
	f.title.SetText(act.Title)
	f.date.SetText(data.FormatDateISO(act.Date))
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

// buildPeople makes the participant picker: a search over the roster, a
// list of matches that a tap checks or unchecks, and quick picks.
func (f *activityForm) buildPeople() {
	f.search = newFormEntry(f.sh)
	f.search.SetPlaceHolder(lang.L("搜索姓名、企业或拼音首字母，点一下勾选"))
	f.search.OnChanged = func(string) { f.updateMatches() }
	f.onlyPicked = widget.NewCheck(lang.L("只看已选"), func(bool) { f.updateMatches() })
	f.pickedLabel = widget.NewLabel("")
	f.pickedLabel.TextStyle.Bold = true
	f.memberList = widget.NewList(
		func() int { return len(f.matches) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, widget.NewIcon(theme.CheckButtonIcon()), nil, l)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < 0 || id >= len(f.matches) {
				return
			}
			m := f.matches[id]
			c := o.(*fyne.Container)
			l, icon := c.Objects[0].(*widget.Label), c.Objects[1].(*widget.Icon)
			text := m.Name
			if m.Company != "" {
				text += "　" + m.Company
			}
			text += " · " + m.Office
			if m.Status != data.StatusActive {
				text += lang.L("（已退会）")
			}
			l.Importance = widget.MediumImportance
			if m.Status != data.StatusActive {
				l.Importance = widget.LowImportance
			}
			l.SetText(text)
			if f.picked[m.ID] {
				icon.SetResource(theme.CheckButtonCheckedIcon())
			} else {
				icon.SetResource(theme.CheckButtonIcon())
			}
		})
	f.memberList.OnSelected = func(id widget.ListItemID) {
		if id >= 0 && id < len(f.matches) {
			f.toggle(f.matches[id].ID)
		}
		f.memberList.UnselectAll()
	}
	f.leadersBtn = widget.NewButton(lang.L("全体理事及以上"), f.pickLeaders)
	f.allBtn = widget.NewButton(lang.L("全体会员"), f.pickAll)
	f.clearBtn = widget.NewButton(lang.L("清空"), func() {
		f.picked = map[int64]bool{}
		f.updateMatches()
	})
}

func (f *activityForm) toggle(id int64) {
	if f.picked[id] {
		delete(f.picked, id)
	} else {
		f.picked[id] = true
	}
	if f.onlyPicked.Checked {
		f.updateMatches()
		return
	}
	f.memberList.Refresh()
	f.showPicked()
}

// pickable reports whether a quick pick takes m: a member now (在会) who had
// joined by the activity's date when one is given.
func (f *activityForm) pickable(m *data.Member) bool {
	if m.Status != data.StatusActive {
		return false
	}
	if d, err := data.ParseDate(f.date.Text); err == nil && !d.IsZero() && !m.JoinDate.IsZero() && m.JoinDate.After(d) {
		return false
	}
	return true
}

// pickLeaders adds every active member holding 理事 or a higher office.
func (f *activityForm) pickLeaders() {
	limit := data.OfficeRank(activityLeaderOffice)
	for _, m := range f.members {
		if f.pickable(m) && data.OfficeRank(m.Office) <= limit {
			f.picked[m.ID] = true
		}
	}
	f.updateMatches()
}

// pickAll adds every active member.
func (f *activityForm) pickAll() {
	for _, m := range f.members {
		if f.pickable(m) {
			f.picked[m.ID] = true
		}
	}
	f.updateMatches()
}

// updateMatches runs the search and shows its result.
func (f *activityForm) updateMatches() {
	found, err := f.sh.store().SearchMembers(f.sh.ctx(), f.search.Text)
	if err != nil {
		f.sh.showError(err)
		return
	}
	if f.onlyPicked.Checked {
		found = slices.DeleteFunc(found, func(m *data.Member) bool { return !f.picked[m.ID] })
	}
	f.matches = found
	f.memberList.Refresh()
	f.memberList.ScrollToTop()
	f.showPicked()
}

// attendees lists the picked members in roster order.
func (f *activityForm) attendees() []int64 {
	var ids []int64
	for _, m := range f.members {
		if f.picked[m.ID] {
			ids = append(ids, m.ID)
		}
	}
	// members the index does not hold (none expected) are kept too
	for id := range f.picked {
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids
}

func (f *activityForm) showPicked() {
	n := len(f.picked)
	text := fmt.Sprintf(lang.L("已选 %d 人"), n)
	if out, err := activityCount(f.outside.Text); err == nil && out > 0 {
		text += fmt.Sprintf(lang.L("，加其他参与 %d 人次，共 %d 人次"), out, n+out)
	}
	f.pickedLabel.SetText(text)
	if f.peopleTab != nil {
		f.peopleTab.Text = fmt.Sprintf(lang.L("参与会员（%d）"), n)
		f.tabs.Refresh()
	}
}

// buildOutcomes offers the outcome metrics as "name（unit）".
func (f *activityForm) buildOutcomes(metrics []data.Metric) {
	for _, m := range metrics {
		if m.Kind == data.MetricOutcome {
			f.outcomeMetrics = append(f.outcomeMetrics, m)
			f.outcomeLabels = append(f.outcomeLabels, activityMetricLabel(m))
		}
	}
	f.outcomeBox = container.NewVBox()
	f.addOutcomeBtn = widget.NewButtonWithIcon(lang.L("添加成效"), theme.ContentAddIcon(), func() {
		r := f.addOutcome("", 0)
		f.sh.window().Canvas().Focus(r.value)
	})
	f.addOutcomeBtn.Importance = widget.LowImportance
}

func activityMetricLabel(m data.Metric) string {
	return m.Name + "（" + m.Unit + "）"
}

// addOutcome adds a row; key "" leaves the metric to choose.
func (f *activityForm) addOutcome(key string, value float64) *activityOutcomeRow {
	r := &activityOutcomeRow{value: newFormEntry(f.sh), unit: widget.NewLabel("")}
	r.metric = widget.NewSelect(f.outcomeLabels, func(string) {
		if m, ok := f.metricOf(r); ok {
			r.unit.SetText(m.Unit)
		}
	})
	r.metric.PlaceHolder = lang.L("选择成效指标")
	r.value.Validator = func(s string) error { _, err := activityNumber(s); return err }
	r.value.SetPlaceHolder(lang.L("数值"))
	if key != "" {
		i := slices.IndexFunc(f.outcomeMetrics, func(m data.Metric) bool { return m.Key == key })
		if i >= 0 {
			r.metric.SetSelectedIndex(i)
		}
		r.value.SetText(strconv.FormatFloat(value, 'f', -1, 64))
	}
	r.removeBtn = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		i := slices.Index(f.outcomes, r)
		if i >= 0 {
			f.outcomes = slices.Delete(f.outcomes, i, i+1)
			f.outcomeBox.Remove(r.box)
		}
	})
	r.removeBtn.Importance = widget.LowImportance
	unitBox := container.NewGridWrap(fyne.NewSize(widget.NewLabel("亿元").MinSize().Width, r.value.MinSize().Height), r.unit)
	r.box = container.NewBorder(nil, nil, nil, container.NewHBox(unitBox, r.removeBtn),
		container.NewGridWithColumns(2, r.metric, r.value))
	f.outcomes = append(f.outcomes, r)
	f.outcomeBox.Add(r.box)
	return r
}

func (f *activityForm) metricOf(r *activityOutcomeRow) (data.Metric, bool) {
	i := r.metric.SelectedIndex()
	if i < 0 || i >= len(f.outcomeMetrics) {
		return data.Metric{}, false
	}
	return f.outcomeMetrics[i], true
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
	f.dlg = dialog.NewCustomWithoutButtons(title, f.content(), f.sh.window())
	f.dlg.SetButtons([]fyne.CanvasObject{f.cancelBtn, f.saveBtn})
	f.sh.saveWhileOpen(f.dlg, func() { f.submit() }, func() { f.closed = true })
	ws := f.sh.window().Canvas().Size()
	f.dlg.Resize(fyne.NewSize(min(1040, ws.Width-40), min(680, ws.Height-40)))
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
	}{{lang.L("活动名称"), f.title}, {lang.L("日期"), f.date}, {lang.L("结束日期"), f.endDate}, {lang.L("其他参与人次"), f.outside}} {
		c.e.SetValidationError(nil) // so a problem in an untouched field shows too
		note(c.name, c.e.Validate())
	}
	if f.kind.Selected == "" {
		f.kindErr.Show()
		f.info.Refresh()
		note(lang.L("活动类型"), errString(lang.L("请选择")))
	}
	act := f.act
	act.Type, act.Title = f.kind.Selected, f.title.Text
	act.Date, _ = data.ParseDate(f.date.Text)
	act.EndDate, _ = data.ParseDate(f.endDate.Text)
	act.Place, act.Organizer, act.Partners = f.place.Text, f.organizer.Text, f.partners.Text
	act.Content = f.minutes.Text
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
// are read and stored in the background, in the same transaction as the
// activity.
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
	plan, err := f.photos.plan()
	if err != nil {
		f.tabs.Select(f.photoTab)
		f.sh.showError(err)
		return false
	}
	st := f.sh.store()
	var id int64
	save := func(ctx context.Context) error {
		write := func(ctx context.Context) (err error) {
			id = act.ID
			if id == 0 {
				id, err = st.CreateActivity(ctx, act)
			} else {
				err = st.UpdateActivity(ctx, act)
			}
			if err != nil {
				return err
			}
			return plan.apply(ctx, st, id)
		}
		if plan.empty() {
			return write(ctx)
		}
		return st.InTx(ctx, write)
	}
	if len(plan.add) == 0 {
		if err := save(f.sh.ctx()); err != nil {
			f.sh.showError(err)
			return false
		}
		f.done(id)
		return true
	}
	f.saving = true
	f.saveBtn.Disable()
	var saveErr error
	f.sh.background(lang.L("正在保存活动和照片…"), func(ctx context.Context) error {
		saveErr = save(ctx)
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
