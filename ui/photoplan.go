package ui

import (
	"strings"

	"fyne.io/fyne/v2/lang"

	"chamberdesk/data"
)

// plan reads the grid into what saving the form does to the photos, on
// the UI thread so the background save touches no widget. A photo date
// that cannot be read is an error shown under its field.
func (e *photoEditor) plan() (data.PhotoChanges, error) {
	var p data.PhotoChanges
	p.Remove = append(p.Remove, e.removed...)
	var first error
	for _, it := range e.items {
		taken, err := data.ParseDate(it.taken.Text)
		if err != nil {
			it.taken.SetValidationError(nil)
			it.taken.Validate()
			if first == nil {
				first = &data.Error{Code: data.CodeInvalid, Field: lang.L("拍摄日期"), Value: it.att.OriginalName,
					Msg: plain(err).Error()}
			}
			continue
		}
		caption := strings.TrimSpace(it.caption.Text)
		switch {
		case it.att.ID == 0:
			p.Add = append(p.Add, data.NewPhoto{Path: it.path, Name: it.att.OriginalName, Bytes: it.bytes,
				Caption: caption, Taken: taken})
		case caption != it.att.Caption || !taken.Equal(it.att.TakenDate):
			p.Update = append(p.Update, data.PhotoEdit{ID: it.att.ID, Caption: caption, Taken: taken})
		}
	}
	return p, first
}
