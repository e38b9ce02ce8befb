package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
)

// 会费标准: the dues per office for the year shown, saved together.

func (d *duesScreen) loadStandards() {
	st, err := d.sh.store().DuesStandards(d.sh.ctx(), d.year)
	if err != nil {
		d.sh.showError(err)
		return
	}
	d.stdSaved = map[string]int64{}
	for _, s := range st {
		d.stdSaved[s.Office] = s.Fen
	}
	for i, o := range data.Offices {
		text := ""
		if fen, ok := d.stdSaved[o]; ok {
			text = data.FormatYuanPlain(fen)
		}
		d.stdEntries[i].SetText(text)
		d.stdEntries[i].SetValidationError(nil)
	}
	d.stdMsg.SetText("")
}

// readStandards parses the entries: the standards to save, or the first
// problem as a sentence naming the office.
func (d *duesScreen) readStandards() ([]data.DuesStandard, error) {
	var out []data.DuesStandard
	for i, o := range data.Offices {
		e := d.stdEntries[i]
		if strings.TrimSpace(e.Text) == "" {
			if _, had := d.stdSaved[o]; had {
				return nil, errString(o + lang.L("：标准不能清空；该职务不收会费请填 0"))
			}
			continue
		}
		fen, err := data.ParseYuan(e.Text)
		if err != nil {
			e.SetValidationError(plain(err))
			return nil, errString(o + "：" + plain(err).Error())
		}
		out = append(out, data.DuesStandard{Year: d.year, Office: o, Fen: fen})
	}
	return out, nil
}

func (d *duesScreen) onSaveStandards() {
	st, err := d.readStandards()
	if err != nil {
		d.stdMsg.Importance = widget.DangerImportance
		d.stdMsg.SetText(err.Error())
		return
	}
	if len(st) == 0 {
		d.stdMsg.Importance = widget.DangerImportance
		d.stdMsg.SetText(lang.L("请至少填写一个职务的会费标准"))
		return
	}
	if err := d.sh.store().SetDuesStandards(d.sh.ctx(), st); err != nil {
		d.sh.showError(err)
		return
	}
	d.loadStandards()
	d.stdMsg.Importance = widget.SuccessImportance
	d.stdMsg.SetText(fmt.Sprintf(lang.L("已保存%d年会费标准"), d.year))
	d.loadSheet()
}

// onCopyStandards fills the empty entries from the year before; nothing is
// saved until 保存标准.
func (d *duesScreen) onCopyStandards() {
	st, err := d.sh.store().DuesStandards(d.sh.ctx(), d.year-1)
	if err != nil {
		d.sh.showError(err)
		return
	}
	if len(st) == 0 {
		d.stdMsg.Importance = widget.DangerImportance
		d.stdMsg.SetText(fmt.Sprintf(lang.L("%d年没有会费标准可沿用"), d.year-1))
		return
	}
	for _, s := range st {
		if i := data.OfficeRank(s.Office); i < len(d.stdEntries) && strings.TrimSpace(d.stdEntries[i].Text) == "" {
			d.stdEntries[i].SetText(data.FormatYuanPlain(s.Fen))
		}
	}
	d.stdMsg.Importance = widget.MediumImportance
	d.stdMsg.SetText(fmt.Sprintf(lang.L("已填入%d年标准，核对后请点“保存标准”"), d.year-1))
}
