package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"chamberdesk/data"
	"chamberdesk/report/roster"
	"chamberdesk/report/xlsx"
)

// membersImport reads a roster workbook into the members table.
func (c *cli) membersImport(args []string) error {
	var dryRun bool
	var sheet string
	fs, err := flags("members import", args, func(fs *flag.FlagSet) {
		fs.BoolVar(&dryRun, "dry-run", false, "只检查并报告，不写入 / report only, write nothing")
		fs.StringVar(&sheet, "sheet", "", "工作表名 / sheet to read")
	})
	if err != nil {
		return err
	}
	// Allow flags after the file name too: members import x.xlsx --dry-run.
	var path string
	if fs.NArg() > 0 {
		path = fs.Arg(0)
		if fs, err = flags("members import", fs.Args()[1:], func(fs *flag.FlagSet) {
			fs.BoolVar(&dryRun, "dry-run", dryRun, "")
			fs.StringVar(&sheet, "sheet", sheet, "")
		}); err != nil {
			return err
		}
		if err := noArgs(fs); err != nil {
			return err
		}
	}
	if path == "" {
		return usageError{"members import: 需要名册文件 ROSTER.xlsx / needs a roster file"}
	}
	ros, err := readRoster(path, sheet)
	if err != nil {
		return err
	}
	s, err := c.open()
	if err != nil {
		return err
	}
	defer s.Close()
	rep, err := s.ImportMembers(c.ctx, ros.Rows, dryRun)
	var problems data.Errors
	if errors.As(err, &problems) {
		printProblems(c.stderr, problems)
		return fmt.Errorf("名册有 %d 处问题，未导入任何数据，数据文件未改动 / %d problems, nothing imported, database unchanged",
			len(problems), len(problems))
	}
	if err != nil {
		return err
	}
	printReport(c.stdout, ros, rep, dryRun)
	return nil
}

func readRoster(path, sheet string) (*roster.Roster, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("无法打开名册文件 / cannot open roster: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("无法读取名册文件 / cannot stat roster: %w", err)
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("「%s」不是文件 / not a regular file", path)
	}
	return roster.Read(f, st.Size(), filepath.Base(path), roster.Options{Sheet: sheet})
}

// printProblems writes every problem as 行 / 列 / 值 / 原因, so the person can
// fix them all in one pass.
func printProblems(w io.Writer, problems data.Errors) {
	for _, e := range problems {
		col := e.Col
		if col == "" {
			col = "-"
		}
		fmt.Fprintf(w, "行 %d / 列 %s（%s）/ 值 %q / 原因 %s (%s)\n", e.Row, col, e.Field, e.Value, e.Msg, e.Reason)
	}
}

func printReport(w io.Writer, ros *roster.Roster, rep data.ImportReport, dryRun bool) {
	if dryRun {
		fmt.Fprintln(w, "试导入（未写入）/ dry run, nothing written")
	}
	fmt.Fprintf(w, "工作表「%s」，表头在第%d行 / sheet %q, header row %d\n", ros.Sheet, ros.HeaderRow, ros.Sheet, ros.HeaderRow)
	fmt.Fprintf(w, "新增 %d、更新 %d、未变 %d、跳过 %d / added %d, updated %d, unchanged %d, skipped %d\n",
		rep.Added, rep.Updated, rep.Unchanged, rep.Skipped, rep.Added, rep.Updated, rep.Unchanged, rep.Skipped)
	for _, l := range rep.Lines {
		switch l.Action {
		case data.ActionUnchanged:
		case data.ActionSkip:
			fmt.Fprintf(w, "  第%d行 %s：%s\n", l.Row, l.Action, l.Note)
		default:
			fmt.Fprintf(w, "  第%d行 %s %s\n", l.Row, l.Action, l.Name)
		}
	}
	for _, e := range rep.Warnings {
		fmt.Fprintf(w, "提示 / warning: %s\n", e.Error())
	}
	for _, n := range ros.Notes {
		fmt.Fprintf(w, "注意 / note: %s\n", n)
	}
}

// membersTemplate writes an empty roster workbook with our headers.
func (c *cli) membersTemplate(args []string) error {
	var out string
	fs, err := flags("members template", args, func(fs *flag.FlagSet) {
		fs.StringVar(&out, "out", "", "输出文件 FILE.xlsx / output file")
	})
	if err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if out == "" {
		return usageError{"members template: 需要 --out FILE.xlsx / needs --out FILE.xlsx"}
	}
	// The program's one atomic writer: a failure leaves no half file, and a
	// template still open in WPS or Excel is reported as such.
	if err := xlsx.WriteFile(out, roster.WriteTemplate); err != nil {
		return fmt.Errorf("写模板失败 / writing the template failed: %w", err)
	}
	fmt.Fprintf(c.stdout, "已写出名册模板 / template written: %s\n", out)
	return nil
}
