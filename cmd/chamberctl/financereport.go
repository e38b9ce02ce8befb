package main

import (
	"fmt"

	"chamberdesk/data"
	"chamberdesk/report/xlsx"
)

// financeReport writes a year's accounts workbook: 收支明细, 收支汇总 and
// 会费收支, through the temporary file and rename every export uses.
func (c *cli) financeReport(args []string) error {
	ef, err := parseExport("finance report", args, true, false)
	if err != nil {
		return err
	}
	st, err := c.open()
	if err != nil {
		return err
	}
	defer st.Close()
	f, err := xlsx.LoadFinance(c.ctx, st, ef.year)
	if err != nil {
		return fmt.Errorf("收支报表读取失败 / reading the accounts failed: %w", err)
	}
	if err := xlsx.WriteFile(ef.out, f.Write); err != nil {
		return fmt.Errorf("收支报表导出失败 / accounts workbook export failed: %w", err)
	}
	b := f.Balance
	fmt.Fprintf(c.stdout, "已导出%d年收支报表 / accounts workbook written: %s（%d 笔；年初 %s 元，收入 %s 元，支出 %s 元，年末 %s 元）\n",
		ef.year, ef.out, len(f.Entries), data.FormatYuanPlain(b.OpeningFen), data.FormatYuanPlain(b.IncomeFen),
		data.FormatYuanPlain(b.SpendingFen), data.FormatYuanPlain(b.ClosingFen))
	return nil
}
