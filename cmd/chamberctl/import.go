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
	path, dryRun, sheet, err := importArgs("members import", "名册文件 ROSTER.xlsx / needs a roster file", args)
	if err != nil {
		return err
	}
	ros, err := readWorkbookFile(path, "名册文件", "the roster", func(r io.ReaderAt, size int64, name string) (*roster.Roster, error) {
		return roster.Read(r, size, name, roster.Options{Sheet: sheet})
	})
	if err != nil {
		return err
	}
	s, err := c.open()
	if err != nil {
		return err
	}
	defer s.Close()
	rep, err := s.ImportMembers(c.ctx, ros.Rows, dryRun)
	if err := c.importProblems(err, "名册"); err != nil {
		return err
	}
	printReport(c.stdout, ros, rep, dryRun)
	return nil
}

// importArgs reads an import's FILE.xlsx [--dry-run] [--sheet NAME], with
// the flags before or after the file; need says what file is missing.
func importArgs(name, need string, args []string) (path string, dryRun bool, sheet string, err error) {
	fs, err := flags(name, args, func(fs *flag.FlagSet) {
		fs.BoolVar(&dryRun, "dry-run", false, "只检查并报告，不写入 / report only, write nothing")
		fs.StringVar(&sheet, "sheet", "", "工作表名 / sheet to read")
	})
	if err != nil {
		return "", false, "", err
	}
	// Allow flags after the file name too: members import x.xlsx --dry-run.
	if fs.NArg() > 0 {
		path = fs.Arg(0)
		if fs, err = flags(name, fs.Args()[1:], func(fs *flag.FlagSet) {
			fs.BoolVar(&dryRun, "dry-run", dryRun, "")
			fs.StringVar(&sheet, "sheet", sheet, "")
		}); err != nil {
			return "", false, "", err
		}
		if err := noArgs(fs); err != nil {
			return "", false, "", err
		}
	}
	if path == "" {
		return "", false, "", usageError{name + ": 需要" + need}
	}
	return path, dryRun, sheet, nil
}

// readWorkbookFile opens the file at path (what and whatEN name it in
// messages) and hands it to read with its size and base name.
func readWorkbookFile[T any](path, what, whatEN string, read func(r io.ReaderAt, size int64, name string) (T, error)) (T, error) {
	var zero T
	f, err := os.Open(path)
	if err != nil {
		return zero, fmt.Errorf("无法打开%s / cannot open %s: %w", what, whatEN, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return zero, fmt.Errorf("无法读取%s / cannot stat %s: %w", what, whatEN, err)
	}
	if !st.Mode().IsRegular() {
		return zero, fmt.Errorf("「%s」不是文件 / not a regular file", path)
	}
	return read(f, st.Size(), filepath.Base(path))
}

// importProblems prints the problems of a refused import and says that
// nothing was written; other errors pass through.
func (c *cli) importProblems(err error, what string) error {
	var problems data.Errors
	if errors.As(err, &problems) {
		printProblems(c.stderr, problems)
		return fmt.Errorf("%s有 %d 处问题，未导入任何数据，数据文件未改动 / %d problems, nothing imported, database unchanged",
			what, len(problems), len(problems))
	}
	return err
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
