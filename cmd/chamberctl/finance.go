package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"time"

	"chamberdesk/data"
)

// The accounts on the command line: finance add / edit / delete / list /
// balance / opening / close / reopen / categories.

func (c *cli) cmdFinance(args []string) error {
	if len(args) == 0 {
		return usageError{"finance: 需要子命令 add、list、balance 等 / finance needs a subcommand"}
	}
	switch args[0] {
	case "add":
		return c.financeAdd(args[1:])
	case "edit":
		return c.financeEdit(args[1:])
	case "delete":
		return c.financeDelete(args[1:])
	case "list":
		return c.financeList(args[1:])
	case "balance":
		return c.financeBalance(args[1:])
	case "opening":
		return c.financeOpening(args[1:])
	case "close":
		return c.financeClose(args[1:])
	case "reopen":
		return c.financeReopen(args[1:])
	case "categories":
		return c.financeCategories(args[1:])
	case "import":
		return c.financeImport(args[1:])
	case "report":
		return c.financeReport(args[1:])
	}
	return usageError{fmt.Sprintf("finance: 未知子命令 %q / unknown subcommand", args[0])}
}

// entryFlags are the flags of add and edit; text flags left unset keep
// an edited entry's value.
type entryFlags struct {
	date, kind, category, amount, note, voucher, handler, project string
	member, activity                                              int64
	set                                                           map[string]bool
}

func (f *entryFlags) define(fs *flag.FlagSet) {
	fs.StringVar(&f.date, "date", "", "日期 / date")
	fs.StringVar(&f.kind, "kind", "", "收入 或 支出 / 收入 (income) or 支出 (spending)")
	fs.StringVar(&f.category, "category", "", "科目 / category")
	fs.StringVar(&f.amount, "amount", "", "金额（元）/ amount in yuan")
	fs.StringVar(&f.note, "note", "", "摘要 / description")
	fs.StringVar(&f.voucher, "voucher", "", "凭证号 / voucher number")
	fs.StringVar(&f.handler, "handler", "", "经手人 / handled by")
	fs.StringVar(&f.project, "project", "", "捐赠项目 / donation project")
	fs.Int64Var(&f.member, "member", 0, "关联会员编号 / linked member id")
	fs.Int64Var(&f.activity, "activity", 0, "关联活动编号 / linked activity id")
}

func (f *entryFlags) parsed(fs *flag.FlagSet) {
	f.set = map[string]bool{}
	fs.Visit(func(fl *flag.Flag) { f.set[fl.Name] = true })
}

// apply puts the flags given onto e; every bad value is reported at once.
func (f *entryFlags) apply(e *data.LedgerEntry) error {
	var errs data.Errors
	keep := func(err error) {
		if d, ok := data.AsError(err); ok {
			errs = append(errs, d)
		}
	}
	if f.set["date"] {
		d, err := data.ParseDate(f.date)
		keep(err)
		e.Date = d
	}
	if f.set["amount"] {
		fen, err := data.ParseYuan(f.amount)
		keep(err)
		e.Fen = fen
	}
	text := map[string]*string{"kind": &e.Kind, "category": &e.Category, "note": &e.Note,
		"voucher": &e.Voucher, "handler": &e.Handler, "project": &e.Project}
	vals := map[string]string{"kind": f.kind, "category": f.category, "note": f.note,
		"voucher": f.voucher, "handler": f.handler, "project": f.project}
	for k, p := range text {
		if f.set[k] {
			*p = vals[k]
		}
	}
	if f.set["member"] {
		e.MemberID = f.member
	}
	if f.set["activity"] {
		e.ActivityID = f.activity
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

func (c *cli) financeAdd(args []string) error {
	var f entryFlags
	fs, err := flags("finance add", args, f.define)
	if err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	f.parsed(fs)
	for _, k := range []string{"date", "kind", "category", "amount"} {
		if !f.set[k] {
			return usageError{fmt.Sprintf("finance add: 需要 --%s / --%s is required", k, k)}
		}
	}
	var e data.LedgerEntry
	if err := f.apply(&e); err != nil {
		return err
	}
	s, err := c.open()
	if err != nil {
		return err
	}
	defer s.Close()
	id, err := s.SaveLedgerEntry(c.ctx, e)
	if err != nil {
		return err
	}
	fmt.Fprintln(c.stdout, id)
	return nil
}

func (c *cli) financeEdit(args []string) error {
	var f entryFlags
	var id int64
	fs, err := flags("finance edit", args, func(fs *flag.FlagSet) {
		fs.Int64Var(&id, "id", 0, "收支记录编号 / entry id")
		f.define(fs)
	})
	if err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if id <= 0 {
		return usageError{"finance edit: 需要 --id / --id is required"}
	}
	f.parsed(fs)
	s, err := c.open()
	if err != nil {
		return err
	}
	defer s.Close()
	e, err := s.LedgerEntry(c.ctx, id)
	if err != nil {
		return err
	}
	if err := f.apply(&e); err != nil {
		return err
	}
	_, err = s.SaveLedgerEntry(c.ctx, e)
	return err
}

func (c *cli) financeDelete(args []string) error {
	var id int64
	fs, err := flags("finance delete", args, func(fs *flag.FlagSet) {
		fs.Int64Var(&id, "id", 0, "收支记录编号 / entry id")
	})
	if err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if id <= 0 {
		return usageError{"finance delete: 需要 --id / --id is required"}
	}
	s, err := c.open()
	if err != nil {
		return err
	}
	defer s.Close()
	return s.DeleteLedgerEntry(c.ctx, id)
}

// entryRow is the JSON shape of an entry; balance_fen is the running
// balance after it.
type entryRow struct {
	ID         int64  `json:"id"`
	Date       string `json:"date"`
	Kind       string `json:"kind"`
	Category   string `json:"category"`
	AmountFen  int64  `json:"amount_fen"`
	Note       string `json:"note"`
	Voucher    string `json:"voucher"`
	Handler    string `json:"handler"`
	Project    string `json:"project"`
	MemberID   int64  `json:"member_id,omitempty"`
	ActivityID int64  `json:"activity_id,omitempty"`
	Source     string `json:"source"`
	BalanceFen int64  `json:"balance_fen"`
}

func (c *cli) financeList(args []string) error {
	var year int
	var asJSON bool
	fs, err := flags("finance list", args, func(fs *flag.FlagSet) {
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
		return usageError{"finance list: 需要 --year / --year is required"}
	}
	s, err := c.open()
	if err != nil {
		return err
	}
	defer s.Close()
	bal, err := s.LedgerBalance(c.ctx, year)
	if err != nil {
		return err
	}
	es, err := s.LedgerEntries(c.ctx, year)
	if err != nil {
		return err
	}
	rows := make([]entryRow, len(es))
	run := bal.OpeningFen
	for i, e := range es {
		run += e.Signed()
		rows[i] = entryRow{ID: e.ID, Date: data.FormatDateISO(e.Date), Kind: e.Kind, Category: e.Category,
			AmountFen: e.Fen, Note: e.Note, Voucher: e.Voucher, Handler: e.Handler, Project: e.Project,
			MemberID: e.MemberID, ActivityID: e.ActivityID, Source: e.Source, BalanceFen: run}
	}
	return printList(c, rows, asJSON, "编号\t日期\t收支\t科目\t金额(元)\t余额(元)\t摘要", func(r entryRow) string {
		return fmt.Sprintf("%d\t%s\t%s\t%s\t%s\t%s\t%s", r.ID, r.Date, r.Kind, r.Category,
			data.FormatYuanPlain(r.AmountFen), data.FormatYuanPlain(r.BalanceFen), r.Note)
	}, fmt.Sprintf("共 %d 笔；年初余额 %s 元，年末余额 %s 元", len(rows),
		data.FormatYuanPlain(bal.OpeningFen), data.FormatYuanPlain(run)))
}

// balanceRow is the JSON shape of a year's account.
type balanceRow struct {
	Year        int           `json:"year"`
	OpeningFen  int64         `json:"opening_fen"`
	OpeningSet  bool          `json:"opening_set"`
	CarriedFen  int64         `json:"carried_fen"`
	IncomeFen   int64         `json:"income_fen"`
	SpendingFen int64         `json:"spending_fen"`
	ClosingFen  int64         `json:"closing_fen"`
	Entries     int           `json:"entries"`
	Prior       bool          `json:"prior"`
	Closed      bool          `json:"closed"`
	ClosedAt    string        `json:"closed_at,omitempty"`
	Categories  []categoryRow `json:"categories"`
}

type categoryRow struct {
	Kind      string `json:"kind"`
	Category  string `json:"category"`
	AmountFen int64  `json:"amount_fen"`
	Count     int    `json:"count"`
}

func (c *cli) financeBalance(args []string) error {
	var year int
	var asJSON bool
	fs, err := flags("finance balance", args, func(fs *flag.FlagSet) {
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
		return usageError{"finance balance: 需要 --year / --year is required"}
	}
	s, err := c.open()
	if err != nil {
		return err
	}
	defer s.Close()
	b, err := s.LedgerBalance(c.ctx, year)
	if err != nil {
		return err
	}
	r := balanceRow{Year: b.Year, OpeningFen: b.OpeningFen, OpeningSet: b.OpeningSet, CarriedFen: b.CarriedFen, Prior: b.Prior,
		IncomeFen: b.IncomeFen, SpendingFen: b.SpendingFen, ClosingFen: b.ClosingFen, Entries: b.Entries,
		Closed: b.Closed, ClosedAt: b.ClosedAt, Categories: []categoryRow{}}
	for _, t := range b.ByCategory {
		r.Categories = append(r.Categories, categoryRow{t.Kind, t.Category, t.Fen, t.Count})
	}
	if asJSON {
		enc := json.NewEncoder(c.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	y := func(fen int64) string { return data.FormatYuanPlain(fen) + " 元" }
	state := "未结账"
	if b.Closed {
		state = "已结账"
		if t, err := time.Parse(time.RFC3339, b.ClosedAt); err == nil {
			state += "，" + data.FormatDateCN(t.In(time.Local))
		}
	}
	fmt.Fprintf(c.stdout, "%d年收支（%s）\n年初余额\t%s\n", year, state, y(b.OpeningFen))
	for _, kind := range []string{data.KindIncome, data.KindSpending} {
		for _, t := range b.ByCategory {
			if t.Kind == kind && t.Count > 0 {
				fmt.Fprintf(c.stdout, "  %s·%s\t%s（%d 笔）\n", kind, t.Category, y(t.Fen), t.Count)
			}
		}
	}
	fmt.Fprintf(c.stdout, "本年收入\t%s\n本年支出\t%s\n年末余额\t%s\n", y(b.IncomeFen), y(b.SpendingFen), y(b.ClosingFen))
	if b.OpeningMismatch() {
		fmt.Fprintf(c.stdout, "注意：年初余额与上年结转 %s 不符 / the opening differs from last year's closing\n", y(b.CarriedFen))
	}
	return nil
}

func (c *cli) financeOpening(args []string) error {
	var year int
	var amount string
	var carry bool
	fs, err := flags("finance opening", args, func(fs *flag.FlagSet) {
		fs.IntVar(&year, "year", 0, "年度 / year")
		fs.StringVar(&amount, "amount", "", "年初余额（元）/ opening balance in yuan")
		fs.BoolVar(&carry, "carry", false, "改回结转上年年末余额 / carry last year's closing again")
	})
	if err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if year == 0 || (amount == "") == !carry {
		return usageError{"finance opening: 需要 --year 和 --amount 或 --carry 之一 / --year and one of --amount or --carry"}
	}
	fen, err := parseSignedYuan(amount)
	if err != nil {
		return err
	}
	s, err := c.open()
	if err != nil {
		return err
	}
	defer s.Close()
	return s.SetOpeningBalance(c.ctx, year, fen, !carry)
}

// parseSignedYuan reads an amount that may be negative (an overdrawn
// opening balance).
func parseSignedYuan(s string) (int64, error) {
	t := strings.TrimSpace(s)
	if r, ok := strings.CutPrefix(t, "-"); ok {
		fen, err := data.ParseYuan(r)
		return -fen, err
	}
	return data.ParseYuan(t)
}

func (c *cli) financeClose(args []string) error {
	var year int
	fs, err := flags("finance close", args, func(fs *flag.FlagSet) {
		fs.IntVar(&year, "year", 0, "年度 / year")
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
	return s.CloseLedgerYear(c.ctx, year)
}

func (c *cli) financeReopen(args []string) error {
	var year int
	var reason string
	fs, err := flags("finance reopen", args, func(fs *flag.FlagSet) {
		fs.IntVar(&year, "year", 0, "年度 / year")
		fs.StringVar(&reason, "reason", "", "反结账原因 / reason for reopening")
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
	return s.ReopenLedgerYear(c.ctx, year, reason)
}

func (c *cli) financeCategories(args []string) error {
	action := "list"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		action, args = args[0], args[1:]
	}
	var kind, name string
	var asJSON bool
	fs, err := flags("finance categories "+action, args, func(fs *flag.FlagSet) {
		fs.StringVar(&kind, "kind", "", "收入 或 支出 / 收入 or 支出")
		fs.StringVar(&name, "name", "", "科目名称 / category name")
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
	switch action {
	case "list":
		cats, err := s.LedgerCategories(c.ctx)
		if err != nil {
			return err
		}
		type row struct {
			Kind string `json:"kind"`
			Name string `json:"name"`
		}
		rows := make([]row, len(cats))
		for i, ct := range cats {
			rows[i] = row{ct.Kind, ct.Name}
		}
		return printList(c, rows, asJSON, "收支\t科目", func(r row) string { return r.Kind + "\t" + r.Name }, "")
	case "add":
		return s.AddLedgerCategory(c.ctx, kind, name)
	case "remove":
		return s.RemoveLedgerCategory(c.ctx, kind, name)
	}
	return usageError{"finance categories: 子命令为 list、add 或 remove / list, add or remove: " + strconv.Quote(action)}
}
