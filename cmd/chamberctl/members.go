package main

import (
	"flag"
	"fmt"

	"chamberdesk/data"
)

func (c *cli) cmdMembers(args []string) error {
	if len(args) == 0 {
		return usageError{"members: 需要子命令 list 或 add / members needs list or add"}
	}
	switch args[0] {
	case "list":
		return c.membersList(args[1:])
	case "add":
		return c.membersAdd(args[1:])
	case "import":
		return c.membersImport(args[1:])
	case "template":
		return c.membersTemplate(args[1:])
	case "export":
		return c.membersExport(args[1:])
	}
	return usageError{fmt.Sprintf("members: 未知子命令 %q / unknown subcommand", args[0])}
}

// memberRow is the JSON shape of a member; personal values are masked.
type memberRow struct {
	ID        int64  `json:"id"`
	Kind      string `json:"kind"`
	Name      string `json:"name"`
	Company   string `json:"company"`
	Office    string `json:"office"`
	Phone     string `json:"phone"`
	Industry  string `json:"industry"`
	Political string `json:"political_status"`
	Status    string `json:"status"`
	JoinDate  string `json:"join_date"`
}

func (c *cli) membersList(args []string) error {
	var query string
	var asJSON bool
	fs, err := flags("members list", args, func(fs *flag.FlagSet) {
		fs.StringVar(&query, "search", "", "姓名、企业、拼音、电话或信用代码 / search text")
		fs.BoolVar(&asJSON, "json", false, "输出 JSON / print JSON")
	})
	if err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	s, err := c.open()
	if err != nil {
		return err
	}
	defer s.Close()
	ms, err := s.SearchMembers(c.ctx, query)
	if err != nil {
		return err
	}
	rows := make([]memberRow, len(ms))
	for i, m := range ms {
		rows[i] = memberRow{ID: m.ID, Kind: m.Kind, Name: m.Name, Company: m.Company, Office: m.Office,
			Phone: data.MaskPhone(m.Phone), Industry: m.Industry, Political: m.Political,
			Status: m.Status, JoinDate: data.FormatDateISO(m.JoinDate)}
	}
	return printList(c, rows, asJSON, "编号\t姓名\t企业\t职务\t电话\t状态", func(r memberRow) string {
		return fmt.Sprintf("%d\t%s\t%s\t%s\t%s\t%s", r.ID, r.Name, r.Company, r.Office, r.Phone, r.Status)
	}, fmt.Sprintf("共 %d 人", len(rows)))
}

func (c *cli) membersAdd(args []string) error {
	var m data.Member
	var join string
	fs, err := flags("members add", args, func(fs *flag.FlagSet) {
		fs.StringVar(&m.Name, "name", "", "姓名 / name")
		fs.StringVar(&m.Company, "company", "", "企业名称 / company")
		fs.StringVar(&m.CreditCode, "credit-code", "", "统一社会信用代码 / credit code")
		fs.StringVar(&m.Phone, "phone", "", "手机号码 / phone")
		fs.StringVar(&m.IDNumber, "id-number", "", "身份证号码 / ID number")
		fs.StringVar(&m.Office, "office", "会员", "商会职务 / office")
		fs.StringVar(&m.Kind, "kind", "", "单位会员 或 个人会员 / member kind")
		fs.StringVar(&m.Industry, "industry", "", "行业 / industry")
		fs.StringVar(&m.Political, "political", "", "政治面貌 / political status")
		fs.StringVar(&join, "join-date", "", "入会日期 / join date")
	})
	if err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if m.Name == "" {
		return usageError{"members add: 缺少 --name / --name is required"}
	}
	if join != "" {
		if m.JoinDate, err = data.ParseDate(join); err != nil {
			return err
		}
	}
	s, err := c.open()
	if err != nil {
		return err
	}
	defer s.Close()
	id, warnings, err := s.CreateMember(c.ctx, m)
	c.warn(warnings)
	if err != nil {
		return err
	}
	fmt.Fprintln(c.stdout, id)
	return nil
}
