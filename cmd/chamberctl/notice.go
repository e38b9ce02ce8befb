package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"chamberdesk/report/docx"
	"chamberdesk/report/notice"
	"chamberdesk/report/pdf"
)

// cmdNotice writes an activity's meeting notice (会议通知) as .docx or .pdf,
// or prints the WeChat text with --text.
func (c *cli) cmdNotice(args []string) error {
	var id int64
	var out string
	var text bool
	fs, err := flags("notice", args, func(fs *flag.FlagSet) {
		fs.Int64Var(&id, "activity", 0, "活动编号 / activity id")
		fs.StringVar(&out, "out", "", "输出文件 .docx 或 .pdf / output .docx or .pdf file")
		fs.BoolVar(&text, "text", false, "输出微信群文字版 / print the WeChat text")
	})
	if err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	ext := strings.ToLower(filepath.Ext(out))
	switch {
	case id <= 0:
		return usageError{"notice: 需要 --activity 活动编号（见 activities list）/ --activity N is required"}
	case out == "" && !text:
		return usageError{"notice: 需要 --out FILE.docx|FILE.pdf 或 --text / --out or --text is required"}
	case out != "" && ext != ".docx" && ext != ".pdf":
		return usageError{fmt.Sprintf("notice: 输出文件须以 .docx 或 .pdf 结尾 / --out must end in .docx or .pdf: %q", out)}
	}
	st, err := c.open()
	if err != nil {
		return err
	}
	defer st.Close()
	now := st.Now()
	n, err := notice.Load(c.ctx, st, id, time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC))
	if err != nil {
		return err
	}
	if text {
		fmt.Fprint(c.stdout, n.Text())
	}
	if out == "" {
		return nil
	}
	write := func(w io.Writer) error { return pdf.WriteNotice(w, n) }
	if ext == ".docx" {
		write = func(w io.Writer) error { return docx.WriteNotice(w, n, now) }
	}
	if err := pdf.WriteFile(out, write); err != nil {
		return fmt.Errorf("会议通知生成失败 / writing the notice failed: %w", err)
	}
	if !text {
		fmt.Fprintf(c.stdout, "已生成会议通知「%s」：%s\n", n.Title(), out)
	}
	return nil
}
