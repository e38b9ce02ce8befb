package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"chamberdesk/report/pdf"
)

const printUsage = "print: 需要 activity、ledger 或 signin / print needs activity, ledger or signin"

// cmdPrint writes one of the printable PDFs: an activity summary, the
// year's ledger, or an activity's sign-in sheet.
func (c *cli) cmdPrint(args []string) error {
	if len(args) == 0 {
		return usageError{printUsage}
	}
	var id int64
	var year int
	var out string
	name := "print " + args[0]
	fs, err := flags(name, args[1:], func(fs *flag.FlagSet) {
		fs.StringVar(&out, "out", "", "输出文件 / output .pdf file")
		switch args[0] {
		case "activity":
			fs.Int64Var(&id, "id", 0, "活动编号 / activity id")
		case "signin":
			fs.Int64Var(&id, "activity", 0, "活动编号 / activity id")
		case "ledger":
			fs.IntVar(&year, "year", 0, "年度 / year")
		}
	})
	if err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	switch {
	case args[0] != "activity" && args[0] != "signin" && args[0] != "ledger":
		return usageError{fmt.Sprintf("print: 未知的打印内容 %q / unknown document %q", args[0], args[0])}
	case out == "":
		return usageError{name + ": 需要 --out 文件 / --out FILE.pdf is required"}
	case !strings.HasSuffix(strings.ToLower(out), ".pdf"):
		return usageError{fmt.Sprintf("%s: 输出文件须以 .pdf 结尾 / --out must end in .pdf: %q", name, out)}
	case args[0] == "activity" && id <= 0:
		return usageError{name + ": 需要 --id 活动编号（见 activities list）/ --id N is required"}
	case args[0] == "signin" && id <= 0:
		return usageError{name + ": 需要 --activity 活动编号（见 activities list）/ --activity N is required"}
	case args[0] == "ledger" && (year < 1900 || year > 2100):
		return usageError{name + ": 需要 --year 年度，如 --year 2026 / --year YEAR is required"}
	}
	st, err := c.open()
	if err != nil {
		return err
	}
	defer st.Close()

	var write func(io.Writer) error
	var what string
	switch args[0] {
	case "activity":
		d, err := pdf.LoadActivity(c.ctx, st, id)
		if err != nil {
			return err
		}
		write = func(w io.Writer) error { return pdf.WriteActivity(w, d) }
		what = fmt.Sprintf("活动简报 / activity summary「%s」", d.Activity.Title)
	case "signin":
		d, err := pdf.LoadSignin(c.ctx, st, id)
		if err != nil {
			return err
		}
		write = func(w io.Writer) error { return pdf.WriteSignin(w, d) }
		what = fmt.Sprintf("签到表 / sign-in sheet「%s」（%d 人）", d.Activity.Title, len(d.Expected))
	case "ledger":
		d, err := pdf.LoadLedger(c.ctx, st, year)
		if err != nil {
			return err
		}
		write = func(w io.Writer) error { return pdf.WriteLedger(w, d) }
		what = fmt.Sprintf("%d年活动台账 / activity ledger（%d 场活动）", year, len(d.Activities))
	}
	if err := pdf.WriteFile(out, write); err != nil {
		return fmt.Errorf("打印文件生成失败 / printing failed: %w", err)
	}
	fmt.Fprintf(c.stdout, "已生成%s：%s\n", what, out)
	return nil
}
