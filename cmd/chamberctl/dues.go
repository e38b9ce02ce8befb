package main

import (
	"flag"
	"fmt"
	"time"

	"chamberdesk/data"
)

// dues list / pay / unpay: a year's dues and its payments. A payment is
// also the year's 会费 income in the accounts.

func (c *cli) cmdDues(args []string) error {
	if len(args) == 0 {
		return usageError{"dues: 需要子命令 list、pay 或 unpay / dues needs list, pay or unpay"}
	}
	switch args[0] {
	case "list":
		return c.duesList(args[1:])
	case "pay":
		return c.duesPay(args[1:])
	case "unpay":
		return c.duesUnpay(args[1:])
	}
	return usageError{fmt.Sprintf("dues: 未知子命令 %q / unknown subcommand", args[0])}
}

// duesRow is the JSON shape of a member's dues for a year.
type duesRow struct {
	MemberID  int64  `json:"member_id"`
	Name      string `json:"name"`
	Company   string `json:"company"`
	Office    string `json:"office"`
	Status    string `json:"status"`
	DueFen    int64  `json:"due_fen"`
	PaidFen   int64  `json:"paid_fen"`
	PaidDate  string `json:"paid_date"`
	ReceiptNo string `json:"receipt_no"`
}

func (c *cli) duesList(args []string) error {
	var year int
	var asJSON bool
	fs, err := flags("dues list", args, func(fs *flag.FlagSet) {
		fs.IntVar(&year, "year", 0, "年度 / year")
		fs.BoolVar(&asJSON, "json", false, "输出 JSON / print JSON")
	})
	if err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if year == 0 {
		return usageError{"dues list: 需要 --year / --year is required"}
	}
	s, err := c.open()
	if err != nil {
		return err
	}
	defer s.Close()
	lines, err := s.DuesSheet(c.ctx, year)
	if err != nil {
		return err
	}
	rows := make([]duesRow, len(lines))
	var due, paid int64
	for i, l := range lines {
		rows[i] = duesRow{MemberID: l.MemberID, Name: l.Name, Company: l.Company, Office: l.Office, Status: l.Status,
			DueFen: l.DueFen, PaidFen: l.PaidFen, PaidDate: data.FormatDateISO(l.PaidDate), ReceiptNo: l.ReceiptNo}
		due, paid = due+l.DueFen, paid+l.PaidFen
	}
	return printList(c, rows, asJSON, "编号\t姓名\t职务\t应缴(元)\t实缴(元)\t缴费日期\t收据号", func(r duesRow) string {
		return fmt.Sprintf("%d\t%s\t%s\t%s\t%s\t%s\t%s", r.MemberID, r.Name, r.Office,
			data.FormatYuanPlain(r.DueFen), data.FormatYuanPlain(r.PaidFen), r.PaidDate, r.ReceiptNo)
	}, fmt.Sprintf("共 %d 人；应缴 %s 元，实缴 %s 元", len(rows), data.FormatYuanPlain(due), data.FormatYuanPlain(paid)))
}

func (c *cli) duesPay(args []string) error {
	var member int64
	var year int
	var amount, date, receipt string
	fs, err := flags("dues pay", args, func(fs *flag.FlagSet) {
		fs.Int64Var(&member, "member", 0, "会员编号 / member id")
		fs.IntVar(&year, "year", 0, "会费年度 / dues year")
		fs.StringVar(&amount, "amount", "", "缴费金额（元）/ amount paid in yuan")
		fs.StringVar(&date, "date", "", "缴费日期，默认今天 / payment date, default today")
		fs.StringVar(&receipt, "receipt", "", "收据号 / receipt number")
	})
	if err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if member <= 0 || year == 0 || amount == "" {
		return usageError{"dues pay: 需要 --member、--year 和 --amount / --member, --year and --amount are required"}
	}
	fen, err := data.ParseYuan(amount)
	if err != nil {
		return err
	}
	s, err := c.open()
	if err != nil {
		return err
	}
	defer s.Close()
	now := s.Now()
	day := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	if date != "" {
		if day, err = data.ParseDate(date); err != nil {
			return err
		}
	}
	d, err := s.PayDues(c.ctx, member, year, fen, day, receipt)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "已登记 %d年会费 %s 元（应缴 %s 元），缴费日期 %s\n", year,
		data.FormatYuanPlain(d.PaidFen), data.FormatYuanPlain(d.DueFen), data.FormatDateCN(d.PaidDate))
	return nil
}

func (c *cli) duesUnpay(args []string) error {
	var member int64
	var year int
	fs, err := flags("dues unpay", args, func(fs *flag.FlagSet) {
		fs.Int64Var(&member, "member", 0, "会员编号 / member id")
		fs.IntVar(&year, "year", 0, "会费年度 / dues year")
	})
	if err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if member <= 0 || year == 0 {
		return usageError{"dues unpay: 需要 --member 和 --year / --member and --year are required"}
	}
	s, err := c.open()
	if err != nil {
		return err
	}
	defer s.Close()
	return s.UnpayDues(c.ctx, member, year)
}
