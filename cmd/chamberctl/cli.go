package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"chamberdesk/assets"
	"chamberdesk/data"
)

// Exit codes.
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

// cli carries what every command needs.
type cli struct {
	ctx    context.Context
	dbPath string
	stdout io.Writer
	stderr io.Writer
}

// usageError is a mistake in the command line itself.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

const usageText = `用法 / usage: chamberctl [--db FILE] COMMAND [参数]

命令 / commands:
  init --name NAME [--type TYPE]   新建数据文件并填写单位信息 / new database with a profile
  demo                             新建演示商会数据文件 / new database with the demo chamber
  check                            检查数据文件 / integrity, foreign keys, schema version
  backup [--out FILE]              备份（默认存入备份文件夹）/ verified backup, into the backups folder by default
  backups                          列出备份 / list the backups, newest first
  restore FILE                     从备份恢复（先备份当前文件）/ restore a backup, the current file backed up first
  members list [--search Q] [--json]
  members add --name N [--company C] [--credit-code X] [--phone P] [--id-number I] [--office O]
  members import ROSTER.xlsx [--dry-run] [--sheet NAME]   导入名册 / import a roster
  members template --out FILE.xlsx                         空白名册模板 / empty roster template
  members export --out FILE.xlsx [--full]                  导出名册 / export the roster
  summary --year Y --out FILE.xlsx                         年度工作簿 / the annual workbook
  award-summary --year Y --out FILE.xlsx                   申报汇总表 / award summary table
  activities list [--year Y] [--json]
  dues list --year Y [--json]                              会费收缴 / a year's dues
  dues pay --member ID --year Y --amount A [--date D] [--receipt R]   登记缴费 / record a payment
  dues unpay --member ID --year Y                          撤销缴费 / undo a payment
  finance add --date D --kind 收入|支出 --category C --amount A [--note N] [--voucher V] [--handler H]
              [--member ID] [--activity ID] [--project P]  记一笔收支（输出编号）/ add an entry, prints its id
  finance edit --id N [同 add 的参数 / flags of add]        修改收支 / change an entry
  finance delete --id N                                    删除收支 / delete an entry
  finance list --year Y [--json]                           收支明细 / the year's entries, running balance
  finance balance --year Y [--json]                        收支汇总 / opening, income, spending, closing
  finance opening --year Y (--amount A | --carry)          年初余额 / set the opening balance
  finance close --year Y                                   结账 / close the year
  finance reopen --year Y --reason R                       反结账 / reopen a closed year
  finance categories [list|add|remove] [--kind K --name N] 收支科目 / the categories
  finance import JOURNAL.xlsx [--dry-run] [--sheet NAME]   导入流水账 / import a cash journal
  finance report --year Y --out FILE.xlsx                  收支表 / the accounts workbook
  print activity --id N --out FILE.pdf                     活动简报（A4 一页）/ one activity's summary
  print ledger --year Y --out FILE.pdf                     年度活动台账 / the year's activity ledger
  print signin --activity N --out FILE.pdf                 签到表 / an activity's sign-in sheet
  notice --activity N (--out FILE.docx|FILE.pdf | --text)  会议通知；--text 为微信群文字版 / meeting notice, or its WeChat text
  share activity --id N --out FILE.png|FILE.jpg [--width 1080]   活动长图（发微信群）/ an activity's long image
  case list [--json]                                       案例列表 / the award cases
  case package --id N --out DIR                            生成申报材料包（输出 zip 路径）/ write a case's package
  aggregate --out FILE.xlsx PACKAGE.zip...                 检查材料包并汇总 / check packages, write the combined list
  metrics --year Y [--json]        年度指标及来源 / a year's figures and their sources
  metrics explain --year Y --key K 指标背后的记录 / the records behind a figure
  version                          显示版本 / print the version

不带 --db 时使用默认数据文件 / without --db the default data file is used.`

func run(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	c := &cli{ctx: ctx, stdout: stdout, stderr: stderr}

	fs := flag.NewFlagSet("chamberctl", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&c.dbPath, "db", "", "数据文件 / database file")
	if err := fs.Parse(args); err != nil {
		return c.fail(usageError{err.Error()})
	}
	rest := fs.Args()
	if len(rest) == 0 {
		fmt.Fprintln(stderr, usageText)
		return exitUsage
	}
	if c.dbPath == "" && rest[0] != "version" && rest[0] != "help" {
		p, err := data.DefaultPath()
		if err != nil {
			return c.fail(fmt.Errorf("找不到默认数据文件夹 / no default data folder: %w", err))
		}
		c.dbPath = p
	}
	if c.dbPath != "" {
		// Temporary files a killed run left in the data folder, and beside
		// exports it journalled there, go first.
		_, _ = data.Sweep(filepath.Dir(c.dbPath))
	}
	var err error
	switch rest[0] {
	case "backup":
		err = c.cmdBackup(rest[1:])
	case "backups":
		err = c.cmdBackups(rest[1:])
	case "restore":
		err = c.cmdRestore(rest[1:])
	case "init":
		err = c.cmdInit(rest[1:])
	case "demo":
		err = c.cmdDemo(rest[1:])
	case "check":
		err = c.cmdCheck(rest[1:])
	case "members":
		err = c.cmdMembers(rest[1:])
	case "activities":
		err = c.cmdActivities(rest[1:])
	case "dues":
		err = c.cmdDues(rest[1:])
	case "finance":
		err = c.cmdFinance(rest[1:])
	case "metrics":
		err = c.cmdMetrics(rest[1:])
	case "summary":
		err = c.cmdSummary(rest[1:])
	case "award-summary":
		err = c.cmdAwardSummary(rest[1:])
	case "case":
		err = c.cmdCase(rest[1:])
	case "aggregate":
		err = c.cmdAggregate(rest[1:])
	case "print":
		err = c.cmdPrint(rest[1:])
	case "notice":
		err = c.cmdNotice(rest[1:])
	case "share":
		err = c.cmdShare(rest[1:])
	case "version":
		fmt.Fprintf(stdout, "chamberctl %s (数据版本 / schema %d)\n", assets.Version, data.SchemaVersion())
	case "help", "-h", "--help":
		fmt.Fprintln(stdout, usageText)
	default:
		err = usageError{fmt.Sprintf("未知命令 %q / unknown command %q", rest[0], rest[0])}
	}
	return c.fail(err)
}

// fail prints err as one line, Chinese then English, and picks the exit code.
func (c *cli) fail(err error) int {
	if err == nil {
		return exitOK
	}
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(c.stderr, "用法错误 / usage: %s\n", oneLine(ue.msg))
		fmt.Fprintln(c.stderr, "运行 chamberctl help 查看用法 / run chamberctl help")
		return exitUsage
	}
	fmt.Fprintf(c.stderr, "错误 / error: %s\n", oneLine(err.Error()))
	return exitError
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", "；")), " ")
}

// flags parses a command's own flags; positional arguments are refused
// unless the command asks for them.
func flags(name string, args []string, define func(fs *flag.FlagSet)) (*flag.FlagSet, error) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	define(fs)
	if err := fs.Parse(args); err != nil {
		return nil, usageError{name + ": " + err.Error()}
	}
	return fs, nil
}

func noArgs(fs *flag.FlagSet) error {
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("%s: 多余的参数 %q / unexpected argument", fs.Name(), fs.Arg(0))}
	}
	return nil
}

// open opens the existing database for a command.
func (c *cli) open() (*data.Store, error) {
	return data.Open(c.ctx, c.dbPath, data.OpenOptions{Actor: actor()})
}

func actor() string {
	for _, k := range []string{"USER", "USERNAME", "LOGNAME"} {
		if u := os.Getenv(k); u != "" {
			return "chamberctl:" + u
		}
	}
	return "chamberctl"
}

// printList writes rows as indented JSON, or as a table aligned on tabs
// under header (one line from line per row) closed by the total line, when
// total is not empty.
func printList[T any](c *cli, rows []T, asJSON bool, header string, line func(T) string, total string) error {
	if asJSON {
		enc := json.NewEncoder(c.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	}
	tw := tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, header)
	for _, r := range rows {
		fmt.Fprintln(tw, line(r))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if total != "" {
		fmt.Fprintln(c.stdout, total)
	}
	return nil
}
