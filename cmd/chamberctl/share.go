package main

import (
	"bytes"
	"flag"
	"fmt"
	"image"

	"chamberdesk/report/shareimg"
)

const shareUsage = "share: 需要 activity / share needs activity"

// cmdShare writes an activity's long picture (活动长图) for WeChat groups,
// as PNG or JPEG by the --out file's extension.
func (c *cli) cmdShare(args []string) error {
	if len(args) == 0 {
		return usageError{shareUsage}
	}
	if args[0] != "activity" {
		return usageError{fmt.Sprintf("share: 未知的内容 %q / unknown item %q", args[0], args[0])}
	}
	var id int64
	var out string
	var width int
	name := "share " + args[0]
	fs, err := flags(name, args[1:], func(fs *flag.FlagSet) {
		fs.Int64Var(&id, "id", 0, "活动编号 / activity id")
		fs.StringVar(&out, "out", "", "输出文件 / output .png or .jpg file")
		fs.IntVar(&width, "width", shareimg.DefaultWidth, "图片宽度（像素）/ width in pixels")
	})
	if err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	format, ok := shareimg.FormatFor(out)
	switch {
	case id <= 0:
		return usageError{name + ": 需要 --id 活动编号（见 activities list）/ --id N is required"}
	case out == "":
		return usageError{name + ": 需要 --out 文件 / --out FILE.png or FILE.jpg is required"}
	case !ok:
		return usageError{fmt.Sprintf("%s: 输出文件须以 .png 或 .jpg 结尾 / --out must end in .png or .jpg: %q", name, out)}
	case width < shareimg.MinWidth || width > shareimg.MaxWidth:
		return usageError{fmt.Sprintf("%s: --width 须在 %d 到 %d 之间 / --width must be %d to %d",
			name, shareimg.MinWidth, shareimg.MaxWidth, shareimg.MinWidth, shareimg.MaxWidth)}
	}
	st, err := c.open()
	if err != nil {
		return err
	}
	defer st.Close()
	in, err := shareimg.Load(c.ctx, st, id)
	if err != nil {
		return err
	}
	b, err := shareimg.Render(c.ctx, in, shareimg.Options{Width: width, Format: format})
	if err != nil {
		return fmt.Errorf("活动长图生成失败 / the long image failed: %w", err)
	}
	if err := shareimg.WriteFile(out, b); err != nil {
		return fmt.Errorf("活动长图生成失败 / the long image failed: %w", err)
	}
	size := "?"
	if cfg, _, err := image.DecodeConfig(bytes.NewReader(b)); err == nil {
		size = fmt.Sprintf("%d×%d", cfg.Width, cfg.Height)
	}
	fmt.Fprintf(c.stdout, "已生成活动长图 / long image「%s」（%s，%d KB）：%s\n", in.Title, size, (len(b)+1023)/1024, out)
	return nil
}
