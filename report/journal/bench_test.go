package journal_test

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
	"chamberdesk/report/journal"
)

// benchRows is the number of entries of the benchmark journal: a county
// federation's many years, or a big trade chamber's, in one sheet.
const benchRows = 50_000

// benchOpeningFen is the journal's 上年结转.
const benchOpeningFen = 500_000

// benchEntry is one invented line of the benchmark journal.
type benchEntry struct {
	serial                      int // the date, as an Excel serial
	voucher, note, cat, handler string
	in, out, bal                int64 // fen
}

func benchEntries() []benchEntry {
	incomeCats := []string{"会费", "捐赠收入", "活动收入", "利息", "赞助"} // 赞助 is no category: 其他收入
	spendCats := []string{"办公费", "会议费", "差旅费", "招待费", "活动支出", "人员费用"}
	handlers := []string{"李会计", "张出纳", "王秘书长", "赵干事"}
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	out := make([]benchEntry, benchRows)
	bal := int64(benchOpeningFen)
	for i := range out {
		e := &out[i]
		e.serial = int(data.ExcelSerial(start.AddDate(0, 0, i*365/benchRows)))
		e.voucher, e.handler = fmt.Sprintf("记%05d", i+1), handlers[i%len(handlers)]
		if i%3 == 0 {
			e.cat = incomeCats[(i/3)%len(incomeCats)]
			e.in = 10_000 + int64(i*7919)%900_000
			bal += e.in
		} else {
			e.cat = spendCats[i%len(spendCats)]
			e.out = 500 + int64(i*104729)%50_000
			bal -= e.out
		}
		e.bal = bal
		e.note = fmt.Sprintf("%s 第%d笔", e.cat, i+1)
	}
	return out
}

// yuan writes fen as the number a journal's cell holds.
func yuan(fen int64) any {
	if fen == 0 {
		return nil
	}
	if fen%100 == 0 {
		return fen / 100
	}
	return float64(fen) / 100 // the last step only: excelize writes the shortest decimal
}

// journalFile writes the benchmark journal: a merged title, the header, an
// opening row, the entries with dates as date serials and amounts as
// numbers, and a 本月合计 row at the end of each month.
func journalFile(tb testing.TB) []byte {
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
	n := 0
	add := func(cells ...any) {
		n++
		cell, _ := excelize.CoordinatesToCellName(1, n)
		must(sw.SetRow(cell, cells))
	}
	must(sw.MergeCell("A1", "H1"))
	add("某县工商联 2025年现金日记账")
	add("日期", "凭证号", "摘要", "收入（借方）", "支出（贷方）", "余额", "科目", "经手人")
	add(nil, nil, "上年结转", nil, nil, yuan(benchOpeningFen))
	es := benchEntries()
	var monthIn, monthOut int64
	for i, e := range es {
		add(e.serial, e.voucher, e.note, yuan(e.in), yuan(e.out), yuan(e.bal), e.cat, e.handler)
		monthIn, monthOut = monthIn+e.in, monthOut+e.out
		if i == len(es)-1 || es[i+1].serial/30 != e.serial/30 {
			add(nil, nil, "本月合计", yuan(monthIn), yuan(monthOut), yuan(e.bal))
			monthIn, monthOut = 0, 0
		}
	}
	must(sw.Flush())
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// benchWant is what both sides must report and store.
type benchWant struct {
	added            int
	income, spending int64
}

func wantOf(es []benchEntry) benchWant {
	w := benchWant{added: len(es)}
	for _, e := range es {
		w.income, w.spending = w.income+e.in, w.spending+e.out
	}
	return w
}

// Benchmarks run one at a time, so these caches need no lock.
var (
	fileCache  []byte
	emptyCache []byte
	refCache   = map[string]stored{}
)

func cachedJournal(tb testing.TB) []byte {
	if fileCache == nil {
		fileCache = journalFile(tb)
	}
	return fileCache
}

// emptyDB is a freshly created store file, copied for every import.
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

type importerKind string

const (
	ours importerKind = "ours"
	bare importerKind = "bare"
)

type importer interface {
	run(ctx context.Context, file []byte) (benchWant, error)
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

func (o oursImporter) run(ctx context.Context, file []byte) (benchWant, error) {
	j, err := journal.Read(bytes.NewReader(file), int64(len(file)), "bench.xlsx", journal.Options{})
	if err != nil {
		return benchWant{}, err
	}
	rep, err := o.s.ImportJournal(ctx, j.Rows, false)
	return benchWant{rep.Added, rep.IncomeFen, rep.SpendingFen}, err
}

func (o oursImporter) db() *sql.DB { return o.s.DB() }
func (o oursImporter) close()      { o.s.Close() }

// BenchmarkImportJournal50k is a whole import of a 50,000-entry journal,
// file to committed store, through journal.Read and Store.ImportJournal;
// BenchmarkBareImportJournal50k does the same by hand.
func BenchmarkImportJournal50k(b *testing.B) { benchImport(b, ours, bare) }

// BenchmarkBareImportJournal50k: see bareImporter for what it does.
func BenchmarkBareImportJournal50k(b *testing.B) { benchImport(b, bare, ours) }

// benchImport times imp importing the journal into a fresh copy of an
// empty store, one copy per iteration. After each iteration, outside the
// timer, it checks the counts and sums imp reports and that the database
// holds exactly what other leaves after the same import.
func benchImport(b *testing.B, imp, other importerKind) {
	ctx := context.Background()
	file := cachedJournal(b)
	want := wantOf(benchEntries())
	ref := runOnce(b, other, want)
	for b.Loop() {
		b.StopTimer()
		path := writeCopy(b, emptyDB(b))
		x := imp.open(b, path)
		b.StartTimer()
		got, err := x.run(ctx, file)
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		if got != want {
			b.Fatalf("%s: %+v, want %+v", imp, got, want)
		}
		st := readStored(b, x.db(), path)
		x.close()
		if d := diffStored(st, ref); d != "" {
			b.Fatalf("%s stored other data than %s: %s", imp, other, d)
		}
		b.StartTimer()
	}
}

// runOnce imports with kind once per test binary, outside any timer, and
// checks the stored sums against the journal's.
func runOnce(tb testing.TB, kind importerKind, want benchWant) stored {
	tb.Helper()
	if st, ok := refCache[string(kind)]; ok {
		return st
	}
	path := writeCopy(tb, emptyDB(tb))
	x := kind.open(tb, path)
	got, err := x.run(context.Background(), cachedJournal(tb))
	if err != nil {
		tb.Fatal(err)
	}
	if got != want {
		tb.Fatalf("%s: %+v, want %+v", kind, got, want)
	}
	var n int
	var in, out int64
	if err := x.db().QueryRow(`SELECT count(*),
		COALESCE(SUM(CASE WHEN kind = '收入' THEN amount_fen END), 0),
		COALESCE(SUM(CASE WHEN kind = '支出' THEN amount_fen END), 0) FROM ledger_entries`).Scan(&n, &in, &out); err != nil {
		tb.Fatal(err)
	}
	if n != want.added || in != want.income || out != want.spending {
		tb.Fatalf("%s stored %d entries, income %d, spending %d; want %+v", kind, n, in, out, want)
	}
	st := readStored(tb, x.db(), path)
	x.close()
	refCache[string(kind)] = st
	return st
}

func writeCopy(tb testing.TB, db []byte) string {
	tb.Helper()
	path := filepath.Join(datatest.TempDir(tb), "chamber.db")
	if err := os.WriteFile(path, db, 0o600); err != nil {
		tb.Fatal(err)
	}
	return path
}

// stored is what an import leaves: every row of the tables it writes, as
// text, and how many backups sit next to the file.
type stored struct {
	tables  map[string][]string
	backups int
}

var storedTables = []string{"ledger_entries", "change_log"}

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
