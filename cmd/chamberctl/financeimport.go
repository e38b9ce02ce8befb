package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"chamberdesk/data"
	"chamberdesk/report/journal"
)

// financeImport reads a cash journal (流水账) workbook into the accounts:
// chamberctl finance import FILE.xlsx [--dry-run] [--sheet NAME].
func (c *cli) financeImport(args []string) error {
	var dryRun bool
	var sheet string
	fs, err := flags("finance import", args, func(fs *flag.FlagSet) {
		fs.BoolVar(&dryRun, "dry-run", false, "只检查并报告，不写入 / report only, write nothing")
		fs.StringVar(&sheet, "sheet", "", "工作表名 / sheet to read")
	})
	if err != nil {
		return err
	}
	// Allow flags after the file name too: finance import x.xlsx --dry-run.
	var path string
	if fs.NArg() > 0 {
		path = fs.Arg(0)
		if fs, err = flags("finance import", fs.Args()[1:], func(fs *flag.FlagSet) {
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
		return usageError{"finance import: 需要流水账文件 FILE.xlsx / needs a journal file"}
	}
	j, err := readJournal(path, sheet)
	if err != nil {
		return err
	}
	s, err := c.open()
	if err != nil {
		return err
	}
	defer s.Close()
	rep, err := s.ImportJournal(c.ctx, j.Rows, dryRun)
	var problems data.Errors
	if errors.As(err, &problems) {
		printProblems(c.stderr, problems)
		return fmt.Errorf("流水账有 %d 处问题，未导入任何数据，数据文件未改动 / %d problems, nothing imported, database unchanged",
			len(problems), len(problems))
	}
	if err != nil {
		return err
	}
	printJournalReport(c.stdout, j, rep, dryRun)
	return nil
}

func readJournal(path, sheet string) (*journal.Journal, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("无法打开流水账文件 / cannot open the journal: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("无法读取流水账文件 / cannot stat the journal: %w", err)
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("「%s」不是文件 / not a regular file", path)
	}
	return journal.Read(f, st.Size(), filepath.Base(path), journal.Options{Sheet: sheet})
}

// printJournalReport writes every row's action, then the counts and sums.
func printJournalReport(w io.Writer, j *journal.Journal, rep data.JournalReport, dryRun bool) {
	if dryRun {
		fmt.Fprintln(w, "试导入（未写入）/ dry run, nothing written")
	}
	fmt.Fprintf(w, "工作表「%s」，表头在第%d行 / sheet %q, header row %d\n", j.Sheet, j.HeaderRow, j.Sheet, j.HeaderRow)
	for _, l := range rep.Lines {
		if l.Action == data.ActionSkip {
			fmt.Fprintf(w, "  第%d行 %s：%s\n", l.Row, l.Action, l.Note)
			continue
		}
		e := l.Entry
		fmt.Fprintf(w, "  第%d行 %s %s %s %s %s元 %s\n", l.Row, l.Action, data.FormatDateISO(e.Date), e.Kind,
			e.Category, data.FormatYuanPlain(e.Fen), e.Note)
		if l.Note != "" {
			fmt.Fprintf(w, "        %s\n", l.Note)
		}
	}
	fmt.Fprintf(w, "新增 %d 笔、未变 %d 笔、跳过 %d 行 / added %d, unchanged %d, skipped %d\n",
		rep.Added, rep.Unchanged, rep.Skipped, rep.Added, rep.Unchanged, rep.Skipped)
	in, out := data.FormatYuanPlain(rep.IncomeFen), data.FormatYuanPlain(rep.SpendingFen)
	fmt.Fprintf(w, "收入合计 %s 元、支出合计 %s 元 / income %s yuan, spending %s yuan\n", in, out, in, out)
	for _, e := range rep.Warnings {
		fmt.Fprintf(w, "提示 / warning: %s\n", e.Message())
	}
	for _, n := range j.Notes {
		fmt.Fprintf(w, "注意 / note: %s\n", n)
	}
}
