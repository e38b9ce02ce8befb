package main

import (
	"flag"
	"fmt"

	"chamberdesk/data"
	"chamberdesk/report/pkg"
)

// caseRow is the JSON shape of a case in `case list`.
type caseRow struct {
	ID         int64  `json:"id"`
	Year       int    `json:"year"`
	Category   string `json:"category"`
	Level      string `json:"level"`
	Title      string `json:"title"`
	Status     string `json:"status"`
	Activities int    `json:"activities"`
	Figures    int    `json:"figures"`
	Photos     int    `json:"photos"`
	UpdatedAt  string `json:"updated_at"`
}

func (c *cli) cmdCase(args []string) error {
	if len(args) == 0 {
		return usageError{"case: 需要子命令 list 或 package / case needs list or package"}
	}
	switch args[0] {
	case "list":
		return c.caseList(args[1:])
	case "package":
		return c.casePackage(args[1:])
	}
	return usageError{fmt.Sprintf("case: 未知子命令 %q / unknown subcommand", args[0])}
}

func (c *cli) caseList(args []string) error {
	var asJSON bool
	fs, err := flags("case list", args, func(fs *flag.FlagSet) {
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
	list, err := s.Cases(c.ctx)
	if err != nil {
		return err
	}
	rows := make([]caseRow, 0, len(list))
	for _, l := range list {
		// The list comes without links; the counts need each case whole.
		k, err := s.Case(c.ctx, l.ID)
		if err != nil {
			return err
		}
		rows = append(rows, caseRow{ID: k.ID, Year: k.Year, Category: k.Category, Level: k.Level, Title: k.Title,
			Status: k.Status, Activities: len(k.ActivityIDs), Figures: len(k.Figures), Photos: len(k.Photos),
			UpdatedAt: k.UpdatedAt})
	}
	return printList(c, rows, asJSON, "编号\t年度\t类别\t等次\t状态\t案例名称", func(r caseRow) string {
		return fmt.Sprintf("%d\t%d\t%s\t%s\t%s\t%s", r.ID, r.Year, r.Category, r.Level, r.Status, r.Title)
	}, fmt.Sprintf("共 %d 个案例", len(rows)))
}

// casePackage writes a case's submission package and prints its path. What
// the case still lacks is printed as notes: the package is written anyway,
// so a draft can be looked at, and the person decides what to send.
func (c *cli) casePackage(args []string) error {
	var id int64
	var out string
	fs, err := flags("case package", args, func(fs *flag.FlagSet) {
		fs.Int64Var(&id, "id", 0, "案例编号 / case id")
		fs.StringVar(&out, "out", "", "输出文件夹 / output folder")
	})
	if err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if id <= 0 {
		return usageError{"case package: 需要 --id 案例编号（见 case list）/ --id N is required (see case list)"}
	}
	if out == "" {
		return usageError{"case package: 需要 --out 文件夹 / --out DIR is required"}
	}
	s, err := c.open()
	if err != nil {
		return err
	}
	defer s.Close()
	k, err := s.Case(c.ctx, id)
	if err != nil {
		return err
	}
	problems, err := s.CheckCase(c.ctx, k)
	if err != nil {
		return err
	}
	path, err := pkg.Write(c.ctx, s, id, out, nil)
	if err != nil {
		return fmt.Errorf("申报材料包生成失败 / case package failed: %w", err)
	}
	for _, p := range problems {
		fmt.Fprintf(c.stderr, "注意 / note: %s\n", oneLine(caseNote(p)))
	}
	fmt.Fprintln(c.stdout, path)
	return nil
}

func caseNote(p *data.Error) string {
	return p.Message() + " / " + p.Reason
}
