package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"

	"chamberdesk/report/shareimg"
)

// shareFilter offers the two kinds of long picture; JPEG first, as it is
// the smaller and WeChat takes it as it is.
var shareFilter = storage.NewExtensionFileFilter([]string{".jpg", ".jpeg", ".png"})

// onShare asks where to save the selected activity's long picture (活动长图)
// for a WeChat group, draws it in the background and offers its folder.
func (s *activitiesScreen) onShare() {
	a := s.selectedActivity()
	if a == nil {
		return
	}
	id, title := a.ID, a.Title
	s.pickShare(title+lang.L("_活动长图.jpg"), func(path string) {
		format, ok := shareimg.FormatFor(path)
		if !ok {
			format, path = shareimg.JPEG, path+".jpg"
		}
		var size int
		st := s.sh.store()
		s.sh.background(lang.L("正在生成活动长图…"), func(ctx context.Context) error {
			in, err := shareimg.Load(ctx, st, id)
			if err != nil {
				return err
			}
			b, err := shareimg.Render(ctx, in, shareimg.Options{Width: shareimg.DefaultWidth, Format: format})
			if err != nil {
				return err
			}
			size = len(b)
			return shareimg.WriteFile(path, b)
		}, func() {
			s.sh.savedFile(lang.L("活动长图已生成"), path,
				fmt.Sprintf(lang.L("%.1f MB，可直接发到微信群。"), float64(size)/(1<<20)))
		})
	})
}
