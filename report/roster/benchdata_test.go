package roster_test

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"chamberdesk/data"
	"chamberdesk/data/datatest"
	"chamberdesk/report/roster"
)

const benchRows = 10_000

// benchMember is one row of the benchmark rosters. Every fifth member is a
// person without a company or credit code, so imports match by name and
// phone as well as by credit code.
type benchMember struct {
	name, company, credit, office, industry, notes string
	phone, join                                    int // phone as Excel keeps it (a number), join as a date serial
}

func benchMembers(edited bool) []benchMember {
	surnames := []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单")
	given := []rune("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华文建国志红春海波宁玉兰德成林晓东亮斌飞鹏辉俊峰鑫宇浩凯昇喆堃淼")
	places := []string{"青禾", "安澜", "江州", "云溪", "石桥", "白沙", "龙泉", "桃源"}
	trades := []string{"建材", "物流", "农业", "电子", "机械", "食品", "纺织", "建筑", "商贸", "旅游"}
	industries := []string{"制造业", "商贸流通", "现代农业", "服务业"}
	ms := make([]benchMember, benchRows)
	for i := range ms {
		m := &ms[i]
		m.name = string(surnames[i%len(surnames)]) + string(given[(i/len(surnames))%len(given)])
		if i%3 == 0 {
			m.name += string(given[(i*7)%len(given)])
		}
		unit := i%5 != 4
		if unit {
			m.company = fmt.Sprintf("%s%s%04d号有限公司", places[i%len(places)], trades[(i/8)%len(trades)], i)
			body := fmt.Sprintf("91360123%09d", i)
			c, _ := data.CreditCodeCheckChar(body)
			m.credit = body + string(c)
		}
		m.office, m.industry = "会员", industries[i%len(industries)]
		if i%20 == 0 {
			m.office = "理事"
		}
		m.phone, m.join = 13800000000+i, 40000+i%5000
		if !edited {
			continue
		}
		// A year later: new industries and notes, new phones (found again by
		// credit code), a few promotions; the rest as they were.
		switch {
		case i%4 == 0:
			m.industry, m.notes = "商贸服务", "2026年复核"
		case i%4 == 1 && unit:
			m.phone = 13900000000 + i
		case i%100 == 2:
			m.office = "理事"
		}
	}
	return ms
}

// reimportCounts is what importing the edited roster over the original
// one must report.
func reimportCounts() importCounts {
	base, edited := benchMembers(false), benchMembers(true)
	var c importCounts
	for i := range base {
		if base[i] == edited[i] {
			c.unchanged++
		} else {
			c.updated++
		}
	}
	return c
}

// rosterFile writes ms as a roster with a title row, dates as serials and
// phones as numbers, the way people's Excel files keep them.
func rosterFile(tb testing.TB, ms []benchMember) []byte {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		tb.Fatal(err)
	}
	must := func(err error) {
		if err != nil {
			tb.Fatal(err)
		}
	}
	orNil := func(s string) any {
		if s == "" {
			return nil
		}
		return s
	}
	must(sw.SetRow("A1", []any{"某镇商会会员名册"}))
	must(sw.SetRow("A2", []any{"序号", "姓名", "企业名称", "统一社会信用代码", "联系电话", "商会职务", "入会日期", "所属行业", "备注"}))
	for i, m := range ms {
		cell, _ := excelize.CoordinatesToCellName(1, i+3)
		must(sw.SetRow(cell, []any{i + 1, m.name, orNil(m.company), orNil(m.credit), m.phone, m.office,
			m.join, m.industry, orNil(m.notes)}))
	}
	must(sw.Flush())
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// Benchmarks run one at a time, so these caches need no lock. They keep
// each fixture and reference import to one build per test binary.
var (
	rosterCache = map[bool][]byte{}
	emptyCache  []byte
	runCache    = map[string]importRun{}
)

func cachedRoster(tb testing.TB, edited bool) []byte {
	tb.Helper()
	if f, ok := rosterCache[edited]; ok {
		return f
	}
	f := rosterFile(tb, benchMembers(edited))
	rosterCache[edited] = f
	return f
}

// emptyDB is a freshly created store file, copied for every import into an
// empty store.
func emptyDB(tb testing.TB) []byte {
	tb.Helper()
	if emptyCache == nil {
		path := filepath.Join(datatest.TempDir(tb), "empty.db")
		datatest.MustOpenPath(tb, path).Close()
		b, err := os.ReadFile(path)
		if err != nil {
			tb.Fatal(err)
		}
		emptyCache = b
	}
	return emptyCache
}

// importCase is one import the two sides are timed on.
type importCase struct {
	name  string
	file  []byte // the roster
	start []byte // the database file before the import
	want  importCounts
}

type importCounts struct{ added, updated, unchanged, skipped int }

func newCase(tb testing.TB) importCase {
	return importCase{name: "New", file: cachedRoster(tb, false), start: emptyDB(tb),
		want: importCounts{added: benchRows}}
}

// reimportCase starts from the store our import of the original roster
// left: 10,000 members, each with its office term and change-log row.
func reimportCase(tb testing.TB) importCase {
	return importCase{name: "Reimport", file: cachedRoster(tb, true), start: runOnce(tb, newCase(tb), ours).db,
		want: reimportCounts()}
}

// importRun is what one reference import left behind.
type importRun struct {
	stored stored
	db     []byte // the database file afterwards
}

// runOnce imports c with kind once per test binary, outside any timer.
func runOnce(tb testing.TB, c importCase, kind importerKind) importRun {
	tb.Helper()
	key := c.name + "/" + string(kind)
	if r, ok := runCache[key]; ok {
		return r
	}
	path := writeCopy(tb, datatest.TempDir(tb), c.start)
	x := kind.open(tb, path)
	got, err := x.run(context.Background(), c.file)
	if err != nil {
		tb.Fatal(err)
	}
	if got != c.want {
		tb.Fatalf("%s %s: %+v, want %+v", kind, c.name, got, c.want)
	}
	r := importRun{stored: readStored(tb, x.db(), path)}
	x.close()
	if r.db, err = os.ReadFile(path); err != nil {
		tb.Fatal(err)
	}
	runCache[key] = r
	return r
}

func writeCopy(tb testing.TB, dir string, db []byte) string {
	tb.Helper()
	path := filepath.Join(dir, "chamber.db")
	if err := os.WriteFile(path, db, 0o600); err != nil {
		tb.Fatal(err)
	}
	return path
}

// importerKind names one side of a comparison.
type importerKind string

const (
	ours importerKind = "ours"
	bare importerKind = "bare"
)

type importer interface {
	run(ctx context.Context, file []byte) (importCounts, error)
	db() *sql.DB
	close()
}

const (
	benchActor = "test"
	// bareDSN opens the file with the pragmas data.Open uses, so both sides
	// write with the same journal and sync settings.
	bareDSN = "?_pragma=foreign_keys(1)&_pragma=busy_timeout(10000)" +
		"&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_txlock=immediate"
)

func (k importerKind) open(tb testing.TB, path string) importer {
	tb.Helper()
	if k == bare {
		db, err := sql.Open("sqlite", path+bareDSN)
		if err != nil {
			tb.Fatal(err)
		}
		return &bareImporter{sqlDB: db, backup: filepath.Join(data.BackupDir(path), "before-import.db"),
			stamp: datatest.Clock.UTC().Format(time.RFC3339), actor: benchActor}
	}
	s, err := data.Open(context.Background(), path, data.OpenOptions{Actor: benchActor,
		Now: func() time.Time { return datatest.Clock }, NoDailyBackup: true})
	if err != nil {
		tb.Fatal(err)
	}
	return oursImporter{s}
}

type oursImporter struct{ s *data.Store }

func (o oursImporter) run(ctx context.Context, file []byte) (importCounts, error) {
	r, err := roster.Read(bytes.NewReader(file), int64(len(file)), "bench.xlsx", roster.Options{})
	if err != nil {
		return importCounts{}, err
	}
	rep, err := o.s.ImportMembers(ctx, r.Rows, false)
	return importCounts{rep.Added, rep.Updated, rep.Unchanged, rep.Skipped}, err
}

func (o oursImporter) db() *sql.DB { return o.s.DB() }
func (o oursImporter) close()      { o.s.Close() }

// stored is what an import leaves: every row of the tables it writes, as
// text, and how many backups sit next to the file.
type stored struct {
	tables  map[string][]string
	backups int
}

var storedTables = []string{"members", "member_offices", "change_log"}

func readStored(tb testing.TB, db *sql.DB, path string) stored {
	tb.Helper()
	st := stored{tables: map[string][]string{}}
	for _, t := range storedTables {
		rows, err := db.Query("SELECT * FROM " + t + " ORDER BY rowid")
		if err != nil {
			tb.Fatal(err)
		}
		cols, _ := rows.Columns()
		vals := make([]sql.RawBytes, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				tb.Fatal(err)
			}
			var sb strings.Builder
			for i, v := range vals {
				if i > 0 {
					sb.WriteByte('|')
				}
				sb.Write(v)
			}
			st.tables[t] = append(st.tables[t], sb.String())
		}
		if err := rows.Close(); err != nil {
			tb.Fatal(err)
		}
	}
	es, err := os.ReadDir(data.BackupDir(path))
	if err != nil && !os.IsNotExist(err) {
		tb.Fatal(err)
	}
	st.backups = len(es)
	return st
}

// diffStored says where a and b differ first, or "" when they are equal.
func diffStored(a, b stored) string {
	for _, t := range storedTables {
		x, y := a.tables[t], b.tables[t]
		for i := range min(len(x), len(y)) {
			if x[i] != y[i] {
				return fmt.Sprintf("%s row %d:\n  %s\nvs\n  %s", t, i+1, x[i], y[i])
			}
		}
		if len(x) != len(y) {
			return fmt.Sprintf("%s has %d rows vs %d", t, len(x), len(y))
		}
	}
	if a.backups != b.backups {
		return fmt.Sprintf("%d backups vs %d", a.backups, b.backups)
	}
	return ""
}
