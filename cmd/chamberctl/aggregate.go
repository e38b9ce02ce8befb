package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"chamberdesk/data"
	"chamberdesk/report/pkg"
	"chamberdesk/report/xlsx"
)

// cmdAggregate checks the packages a federation received and writes the
// combined recommendation list. Packages are read, never unpacked: the only
// file written is --out. A problem in some packages is reported and does
// not fail the command; no good package at all does, and then nothing is
// written.
func (c *cli) cmdAggregate(args []string) error {
	var out string
	paths, err := flagsAnywhere("aggregate", args, func(fs *flag.FlagSet) {
		fs.StringVar(&out, "out", "", "输出文件 / output .xlsx file")
	})
	if err != nil {
		return err
	}
	if out == "" || !strings.HasSuffix(strings.ToLower(out), ".xlsx") {
		return usageError{"aggregate: 需要 --out 文件.xlsx / --out FILE.xlsx is required"}
	}
	if len(paths) == 0 {
		return usageError{"aggregate: 需要至少一个材料包 / at least one PACKAGE.zip is required"}
	}
	cats, federation := c.aggregateContext()
	r := pkg.Aggregate(c.ctx, paths, cats, nil)
	for _, p := range r.Problems {
		fmt.Fprintf(c.stderr, "问题 / problem: %s\n", oneLine(p.Error()))
	}
	if len(r.Good) == 0 {
		return fmt.Errorf("检查了 %d 个材料包，没有合格的，未生成汇总表 / none of %d packages is good, nothing written",
			r.Checked, r.Checked)
	}
	if err := xlsx.WriteFile(out, func(w io.Writer) error { return r.WriteList(w, federation) }); err != nil {
		return fmt.Errorf("推荐汇总表导出失败 / recommendation list failed: %w", err)
	}
	fmt.Fprintf(c.stdout, "已写出推荐汇总表 / list written: %s（合格 %d 个，问题 %d 条）\n", out, len(r.Good), len(r.Problems))
	return nil
}

// aggregateContext reads the configured category order and, for a
// federation's own data file, its name for the title. Without a data file
// the award's default order is used; the data file is only read.
func (c *cli) aggregateContext() ([]string, string) {
	if state, err := data.Inspect(c.ctx, c.dbPath); err != nil || state != data.FileHasData {
		return pkg.DefaultCategories, ""
	}
	s, err := c.open()
	if err != nil {
		fmt.Fprintf(c.stderr, "注意 / note: 未能读取数据文件，按默认类别顺序排列 / default category order: %s\n", oneLine(err.Error()))
		return pkg.DefaultCategories, ""
	}
	defer s.Close()
	cats, err := s.AwardCategories(c.ctx)
	if err != nil || len(cats) == 0 {
		cats = pkg.DefaultCategories
	}
	federation := ""
	if org, err := s.Organization(c.ctx); err == nil && org.IsFederation() {
		federation = org.Name
	}
	return cats, federation
}

// flagsAnywhere parses a command whose flags may come before, between or
// after its positional arguments, and returns the positional ones.
func flagsAnywhere(name string, args []string, define func(fs *flag.FlagSet)) ([]string, error) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	define(fs)
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, usageError{name + ": " + err.Error()}
		}
		if fs.NArg() == 0 {
			return rest, nil
		}
		left := fs.Args()
		if i := len(args) - len(left) - 1; i >= 0 && args[i] == "--" {
			return append(rest, left...), nil // after "--" nothing is a flag
		}
		rest, args = append(rest, left[0]), left[1:]
	}
}
