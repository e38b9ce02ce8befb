package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"chamberdesk/report/xlsx"
)

// exportFlags are what every export takes: where to write, and for the
// yearly ones, which year.
type exportFlags struct {
	out  string
	year int
	full bool
}

func parseExport(name string, args []string, withYear, withFull bool) (exportFlags, error) {
	var ef exportFlags
	fs, err := flags(name, args, func(fs *flag.FlagSet) {
		fs.StringVar(&ef.out, "out", "", "输出文件 / output .xlsx file")
		if withYear {
			fs.IntVar(&ef.year, "year", 0, "年度 / year")
		}
		if withFull {
			fs.BoolVar(&ef.full, "full", false, "导出完整手机号码和身份证号码 / unmasked phones and ID numbers")
		}
	})
	if err != nil {
		return ef, err
	}
	if err := noArgs(fs); err != nil {
		return ef, err
	}
	if ef.out == "" {
		return ef, usageError{name + ": 需要 --out 文件 / --out FILE.xlsx is required"}
	}
	if !strings.HasSuffix(strings.ToLower(ef.out), ".xlsx") {
		return ef, usageError{fmt.Sprintf("%s: 输出文件须以 .xlsx 结尾 / --out must end in .xlsx: %q", name, ef.out)}
	}
	if withYear && (ef.year < 1900 || ef.year > 2100) {
		return ef, usageError{name + ": 需要 --year 年度，如 --year 2026 / --year YEAR is required"}
	}
	return ef, nil
}

// membersExport writes the roster workbook.
func (c *cli) membersExport(args []string) error {
	ef, err := parseExport("members export", args, false, true)
	if err != nil {
		return err
	}
	st, err := c.open()
	if err != nil {
		return err
	}
	defer st.Close()
	err = xlsx.WriteFile(ef.out, func(w io.Writer) error {
		return xlsx.WriteRoster(c.ctx, st, w, xlsx.RosterOptions{Full: ef.full})
	})
	if err != nil {
		return fmt.Errorf("会员名册导出失败 / roster export failed: %w", err)
	}
	note := "手机号码和身份证号码已隐去中间位 / phones and ID numbers masked"
	if ef.full {
		note = "含完整手机号码和身份证号码，请妥善保管 / full phones and ID numbers: keep the file safe"
	}
	fmt.Fprintf(c.stdout, "已导出会员名册 / roster written: %s（%s）\n", ef.out, note)
	return nil
}

// cmdSummary writes the annual workbook.
func (c *cli) cmdSummary(args []string) error {
	ef, err := parseExport("summary", args, true, true)
	if err != nil {
		return err
	}
	st, err := c.open()
	if err != nil {
		return err
	}
	defer st.Close()
	sum, err := xlsx.LoadSummary(c.ctx, st, ef.year)
	if err != nil {
		return fmt.Errorf("年度汇总读取失败 / reading the annual summary failed: %w", err)
	}
	sum.Full = ef.full
	if err := xlsx.WriteFile(ef.out, sum.Write); err != nil {
		return fmt.Errorf("年度汇总导出失败 / annual workbook export failed: %w", err)
	}
	fmt.Fprintf(c.stdout, "已导出%d年度汇总 / annual workbook written: %s（会员 %d 名，活动 %d 场，指标 %d 项，会费 %d 行）\n",
		ef.year, ef.out, len(sum.Members), len(sum.Activities), len(sum.Figures), len(sum.Dues))
	return nil
}

// cmdAwardSummary writes the award submission summary table.
func (c *cli) cmdAwardSummary(args []string) error {
	ef, err := parseExport("award-summary", args, true, false)
	if err != nil {
		return err
	}
	st, err := c.open()
	if err != nil {
		return err
	}
	defer st.Close()
	var n int
	err = xlsx.WriteFile(ef.out, func(w io.Writer) error {
		var err error
		n, err = xlsx.WriteAwardSummary(c.ctx, st, ef.year, w)
		return err
	})
	if err != nil {
		return fmt.Errorf("申报汇总表导出失败 / award summary export failed: %w", err)
	}
	fmt.Fprintf(c.stdout, "已导出%d年申报汇总表 / award summary written: %s（%d 个案例）\n", ef.year, ef.out, n)
	if n == 0 {
		fmt.Fprintf(c.stderr, "注意：%d年没有案例，表中只有表头 / note: no case in %d, the table has headers only\n", ef.year, ef.year)
	}
	return nil
}
