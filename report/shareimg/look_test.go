package shareimg

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// TestLook writes the demo picture at 1080 and 750 pixels, PNG and JPEG,
// into $SHAREIMG_KEEP_DIR for a person to look at; without it, it only
// checks they are made.
func TestLook(t *testing.T) {
	needFont(t)
	in := demoInput(t)
	dir := os.Getenv("SHAREIMG_KEEP_DIR")
	for _, c := range []struct {
		name string
		opts Options
	}{
		{"longimage.png", Options{}},
		{"longimage.jpg", Options{Format: JPEG}},
		{"longimage750.png", Options{Width: 750}},
	} {
		b, err := Render(context.Background(), in, c.opts)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d bytes", c.name, len(b))
		if dir != "" {
			if err := os.WriteFile(filepath.Join(dir, c.name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestLookEdges draws what stretches the layout — a long title and place,
// several days, a long Latin word, a photo taken upright, a missing one, a
// long caption, many figures with long names and large values — into
// $SHAREIMG_KEEP_DIR as longimage-edges.png; without it, it only checks
// the picture is made at the width asked.
func TestLookEdges(t *testing.T) {
	needFont(t)
	in := demoInput(t)
	in.Title = "关于召开江州市安澜区青禾镇商会第三届会员大会第二次会议暨2026年度“青禾论坛”（第五期）的活动纪实"
	in.Place = "江州市安澜区青禾镇人民政府三楼大会议室（镇商贸中心北侧，青禾大道188号）"
	in.EndDate = in.Date.AddDate(0, 0, 2)
	in.Content += "\n会上介绍了 https://www.example.org/chamber/2026/annual-meeting-materials-download 的资料下载方式。\n\t第三段以制表符开头，含英文 Excel、WPS 和数字 1,200.50 万元。"
	in.Photos = []Photo{
		{Name: "upright.jpg", Bytes: orientedJPEG(t, 800, 600, 6), Caption: "竖拍照片（EXIF 方向 6），应当竖着显示，红边在右"},
		{Name: "gone.jpg", Caption: "这张照片的文件已经不在数据文件夹里"},
		in.Photos[0],
	}
	in.Photos[2].Caption = "一段很长的照片说明：会长、常务副会长、副会长、监事长、秘书长和全体理事在会后合影留念，并与到会的镇党委、镇政府领导及兄弟商会代表交流，说明会被截断成三行以内"
	in.Outcomes = append(in.Outcomes, Figure{Name: "培训覆盖会员主体人次数（含线上）", Value: "13200", Unit: "人次"},
		Figure{Name: "捐款捐物金额", Value: "1234.56", Unit: "万元"})
	b, err := Render(context.Background(), in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("SHAREIMG_KEEP_DIR"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, "longimage-edges.png"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
