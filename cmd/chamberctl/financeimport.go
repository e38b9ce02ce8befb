package main

import (
	"fmt"
	"io"

	"chamberdesk/data"
	"chamberdesk/report/journal"
)

// financeImport reads a cash journal (流水账) workbook into the accounts:
// chamberctl finance import FILE.xlsx [--dry-run] [--sheet NAME].
func (c *cli) financeImport(args []string) error {
	path, dryRun, sheet, err := importArgs("finance import", "流水账文件 FILE.xlsx / needs a journal file", args)
	if err != nil {
		return err
	}
	j, err := readWorkbookFile(path, "流水账文件", "the journal", func(r io.ReaderAt, size int64, name string) (*journal.Journal, error) {
		return journal.Read(r, size, name, journal.Options{Sheet: sheet})
	})
	if err != nil {
		return err
	}
	s, err := c.open()
	if err != nil {
		return err
	}
	defer s.Close()
	rep, err := s.ImportJournal(c.ctx, j.Rows, dryRun)
	if err := c.importProblems(err, "流水账"); err != nil {
		return err
	}
	printJournalReport(c.stdout, j, rep, dryRun)
	return nil
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
