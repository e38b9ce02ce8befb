package data

import (
	"context"
	"crypto/rand"
	"database/sql"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// ApplicationID marks a SQLite file as ours ("CHMD"), so a file from another
// program is refused before anything is written to it.
const ApplicationID = 0x43484D44

//go:embed migrations/*.sql
var migrationFS embed.FS

// Store is one organization's database file. It is safe for concurrent use.
type Store struct {
	db   *sql.DB
	path string

	// Now is the clock; tests replace it for deterministic timestamps.
	Now func() time.Time
	// Actor is recorded in the change log as the one who made a change.
	Actor string

	mu     sync.Mutex
	idx    *memberIndex // nil until first search; dropped after member writes
	idxGen int          // bumped by every drop, so a stale build is not kept

	lock      *writerLock   // the one-writer lock on the file
	writer    chan struct{} // one write transaction at a time in this process
	closeOnce sync.Once
}

// writerWait bounds how long a write waits for another write of this
// process; only a write nested wrongly inside another could wait this long.
const writerWait = 2 * time.Minute

// OpenOptions tune Open.
type OpenOptions struct {
	// Create allows a missing or empty file to be created and migrated.
	Create bool
	// Actor names who is changing data, for the change log.
	Actor string
	// Now is the clock (nil: time.Now); it also dates the automatic backups.
	Now func() time.Time
	// NoDailyBackup skips the first-start-of-the-day backup (a backup before
	// a schema upgrade is still taken).
	NoDailyBackup bool

	// noBusyWait sets SQLite's busy timeout to zero, so a write that meets
	// another fails with SQLITE_BUSY at once instead of waiting. Only tests
	// set it: the 10 s wait would hide whether the write queue keeps this
	// process's writers apart.
	noBusyWait bool
}

// SchemaVersion is the newest migration this program knows.
func SchemaVersion() int {
	ms, err := migrations()
	if err != nil || len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].version
}

// Open opens (and, with opts.Create, creates) the database at path and
// brings its schema up to date. A file that is not ours, was written by a
// newer program, or fails SQLite's quick_check is refused before it is
// opened for writing, so it stays byte-for-byte as it was; a damaged one's
// error offers the newest good backup (OfferedBackup). A file another
// program has open is refused too (one writer). Opening an existing file
// sweeps leftover temporary files and takes the day's first backup, and a
// backup before any schema upgrade.
func Open(ctx context.Context, path string, opts OpenOptions) (*Store, error) {
	return openAt(ctx, path, opts, SchemaVersion())
}

// openAt opens path and migrates it up to version target (tests build older
// files with a smaller target).
func openAt(ctx context.Context, path string, opts OpenOptions, target int) (*Store, error) {
	if strings.ContainsAny(path, "?#") {
		return nil, &Error{Code: CodeInvalid, Field: "数据文件", Value: path,
			Msg: "文件路径不能包含 ? 或 #", MsgEN: "the file path must not contain ? or #", Reason: "database path must not contain '?' or '#'"}
	}
	fi, err := os.Stat(path)
	existing := false
	switch {
	case errors.Is(err, os.ErrNotExist) || (err == nil && fi.Size() == 0):
		if !opts.Create {
			return nil, &Error{Code: CodeNotFound, Field: "数据文件", Value: path,
				Msg: "数据文件不存在", MsgEN: "the data file does not exist", Reason: "database file does not exist"}
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, failed(CodeFolder, "无法创建数据文件夹", "cannot create the data folder",
				"cannot create the data folder "+filepath.Dir(path), err)
		}
	case err != nil:
		return nil, err
	case fi.IsDir():
		return nil, &Error{Code: CodeNotOurs, Field: "数据文件", Value: path,
			Msg: "这是一个文件夹，不是数据文件", MsgEN: "this is a folder, not a data file", Reason: "path is a directory"}
	default:
		if busyElsewhere(path) {
			return nil, lockedError(path)
		}
		if err := probe(ctx, path); err != nil {
			return nil, err
		}
		existing = true
	}
	lock, err := acquireWriter(path)
	if err != nil {
		return nil, err
	}
	_, _ = Sweep(filepath.Dir(path)) // what a killed run left; never fatal
	if err := privateFile(path); err != nil {
		lock.release()
		return nil, err
	}

	busyMS := 10000
	if opts.noBusyWait {
		busyMS = 0
	}
	dsn := path + "?_pragma=foreign_keys(1)&_pragma=busy_timeout(" + strconv.Itoa(busyMS) + ")" +
		"&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		lock.release()
		return nil, err
	}
	s := &Store{db: db, path: path, Now: time.Now, Actor: opts.Actor, lock: lock, writer: make(chan struct{}, 1)}
	if opts.Now != nil {
		s.Now = opts.Now
	}
	if s.Actor == "" {
		s.Actor = "chamberdesk"
	}
	if existing {
		if err := s.startBackup(ctx, target, opts.NoDailyBackup); err != nil {
			s.Close()
			return nil, err
		}
	}
	if err := s.migrate(ctx, target); err != nil {
		s.Close()
		return nil, err
	}
	if target > 0 {
		_ = s.ensureFileID(ctx) // a guard, not a reason to refuse the file
	}
	return s, nil
}

// privateFile makes the database file readable by its owner only (members'
// personal data) before SQLite opens it, so the -wal and -shm files SQLite
// creates with the same mode are private too.
func privateFile(path string) error {
	if _, err := os.Stat(path); err != nil {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
		if err != nil {
			return err
		}
		f.Close()
	}
	if runtime.GOOS != "windows" {
		_ = os.Chmod(path, 0o600) // not fatal: a file on read-only media still opens
	}
	return nil
}

// startBackup takes the backup an opening file needs: before a schema
// upgrade always (no upgrade without one), else the day's first.
func (s *Store) startBackup(ctx context.Context, target int, noDaily bool) error {
	v, err := s.SchemaVersionOf(ctx)
	if err != nil || v == 0 {
		return nil // a blank file: nothing to keep
	}
	if v < target {
		if _, err := s.BackupBefore(ctx, ReasonMigrate); err != nil {
			return failed(CodeUpgradeBackup, "升级数据文件前的备份失败，未做任何修改",
				"the backup before upgrading the data file failed; nothing was changed", "backup before upgrade failed", err)
		}
		return nil
	}
	if !noDaily {
		_ = s.dailyBackup(ctx) // a full disk must not keep the secretary out
	}
	return nil
}

// probe inspects an existing file read-only: is it SQLite, is it ours, is
// its schema one we can handle, and is it whole? A refusal of a file that
// has good backups names the newest. A refused file is left as it was
// found: SQLite reads through a log only with its shared-memory index,
// which it makes beside the file, so an index that was not there before is
// removed again (it holds nothing the log does not).
func probe(ctx context.Context, path string) error {
	_, err := os.Lstat(path + "-shm")
	hadIndex := err == nil
	if err = probeFile(ctx, path); err != nil && !hadIndex {
		_ = os.Remove(path + "-shm")
	}
	return err
}

func probeFile(ctx context.Context, path string) error {
	if err := checkHeader(path); err != nil {
		e, ok := err.(*Error)
		if !ok {
			return err
		}
		return offerBackup(ctx, path, asDamagedIfBackedUp(ctx, path, e))
	}
	// Without a log, the file is read as immutable so SQLite creates no side
	// files beside it; a log must be read through, so that SQLite sees what
	// a read-write open would make of the file.
	walFile, _ := os.Stat(path + "-wal")
	hasWAL := walFile != nil && walFile.Size() > 0
	db, err := sql.Open("sqlite", roURI(path, !hasWAL))
	if err != nil {
		return err
	}
	defer db.Close()
	if err := checkIdentity(ctx, db, path); err != nil {
		e := err.(*Error)
		switch {
		case e.Code == CodeNewerSchema:
			return e
		case e.Code == CodeNotOurs && isBlank(ctx, db):
			return nil // an empty SQLite file: fine to initialize
		}
		return offerBackup(ctx, path, asDamagedIfBackedUp(ctx, path, e))
	}
	if err := checkLength(path); err != nil {
		return offerBackup(ctx, path, err)
	}
	// A write-ahead log left by a crash (or copied in from elsewhere) is
	// what a read-write open would fold into the file: check it all, and
	// check that it belongs to this file.
	pragma := "quick_check"
	if hasWAL {
		pragma = "integrity_check"
		if err := checkLogOwner(ctx, db, path); err != nil {
			return offerBackup(ctx, path, err)
		}
	}
	if err := runCheck(ctx, db, path, pragma); err != nil {
		return offerBackup(ctx, path, err.(*Error))
	}
	return nil
}

// fileIDKey is the settings key of a file's identity: a random value
// written once, when the file is first opened by this program.
const fileIDKey = "file.id"

// ensureFileID gives the file its identity if it has none yet.
func (s *Store) ensureFileID(ctx context.Context) error {
	var rnd [16]byte
	if _, err := rand.Read(rnd[:]); err != nil {
		return err
	}
	return s.withTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)",
			fileIDKey, hex.EncodeToString(rnd[:]))
		return err
	})
}

func readFileID(ctx context.Context, db *sql.DB) string {
	var id string
	_ = db.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", fileIDKey).Scan(&id)
	return id
}

// checkLogOwner refuses a write-ahead log from another database: SQLite
// would fold any valid log into the file, and a log copied in with the
// wrong file holds whole pages of that other file, which may well pass
// integrity_check when both files share a schema. The identity read from
// the file alone must match the one read through the log (when the file
// alone holds one), and the log must not shrink the file.
func checkLogOwner(ctx context.Context, withLog *sql.DB, path string) *Error {
	alone, err := sql.Open("sqlite", roURI(path, true))
	if err != nil {
		return nil
	}
	defer alone.Close()
	foreign := func(reason string) *Error {
		e := damaged(path, "the -wal file belongs to another database: "+reason)
		e.Msg = "文件旁的日志文件（" + filepath.Base(path) + "-wal）属于另一个数据文件，为免损失未做任何修改"
		e.MsgEN = "the log file beside it (" + filepath.Base(path) + "-wal) belongs to another data file; nothing was changed, to avoid any loss"
		return e
	}
	own, seen := readFileID(ctx, alone), readFileID(ctx, withLog)
	if own != "" && seen != own {
		return foreign(fmt.Sprintf("file id %s, the log shows %q", own, seen))
	}
	// The file never shrinks (nothing here runs VACUUM or auto_vacuum on a
	// live file), so a log of its own never ends with fewer pages than the
	// file already has; a smaller database's log does.
	var filePages, logPages int64
	if alone.QueryRowContext(ctx, "PRAGMA page_count").Scan(&filePages) == nil &&
		withLog.QueryRowContext(ctx, "PRAGMA page_count").Scan(&logPages) == nil && logPages < filePages {
		return foreign(fmt.Sprintf("the log ends with %d pages, the file has %d", logPages, filePages))
	}
	return nil
}

// asDamagedIfBackedUp calls a file that has our backups damaged rather than
// foreign: that path held our data before.
func asDamagedIfBackedUp(ctx context.Context, path string, e *Error) *Error {
	if e.Code != CodeNotOurs {
		return e
	}
	if _, ok := NewestGoodBackup(ctx, path); !ok {
		return e
	}
	d := damaged(path, e.Reason)
	d.Msg = "不是有效的数据文件（可能已损坏），为免损失未做任何修改"
	d.MsgEN = "not a valid data file (it may be damaged); nothing was changed, to avoid any loss"
	return d
}

// isBlank reports a SQLite file with no schema and no application id.
func isBlank(ctx context.Context, db *sql.DB) bool {
	var appID, v int64
	if db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID) != nil ||
		db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v) != nil {
		return false
	}
	return appID == 0 && v == 0 && isEmptySchema(ctx, db)
}

// checkLength catches a file cut short: its header says how many pages it
// has (when the header's size is valid), and a file without a write-ahead
// log must hold them all.
func checkLength(path string) *Error {
	f, err := os.Open(path)
	if err != nil {
		return damaged(path, err.Error())
	}
	defer f.Close()
	h := make([]byte, 100)
	if _, err := io.ReadFull(f, h); err != nil {
		return damaged(path, "header: "+err.Error())
	}
	fi, err := f.Stat()
	if err != nil {
		return damaged(path, err.Error())
	}
	be := func(b []byte) int64 { return int64(b[0])<<24 | int64(b[1])<<16 | int64(b[2])<<8 | int64(b[3]) }
	pageSize := int64(h[16])<<8 | int64(h[17])
	if pageSize == 1 {
		pageSize = 65536
	}
	pages, counter, validFor := be(h[28:32]), be(h[24:28]), be(h[92:96])
	if pages == 0 || counter != validFor {
		return nil // SQLite derives the size from the file itself
	}
	if wal, err := os.Stat(path + "-wal"); err == nil && wal.Size() > 0 {
		return nil // the log may hold the rest
	}
	if pages*pageSize > fi.Size() {
		e := damaged(path, fmt.Sprintf("file has %d bytes, header says %d pages of %d", fi.Size(), pages, pageSize))
		e.Msg = "文件不完整（可能复制或保存时被截断），为免损失未做任何修改"
		e.MsgEN = "the file is incomplete (perhaps cut short while copied or saved); nothing was changed, to avoid any loss"
		return e
	}
	return nil
}

func isEmptySchema(ctx context.Context, db *sql.DB) bool {
	if db == nil {
		return false
	}
	var n int
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master").Scan(&n); err != nil {
		return false
	}
	return n == 0
}

type migration struct {
	version int
	name    string
	sql     string
}

func migrations() ([]migration, error) {
	entries, err := migrationFS.ReadDir("migrations")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %q: name must start with a number", e.Name())
		}
		b, err := migrationFS.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: e.Name(), sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	return ms, nil
}

// migrate applies every migration newer than the file's user_version, each
// in its own transaction together with the version bump.
func (s *Store) migrate(ctx context.Context, target int) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	var current int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&current); err != nil {
		return failed(CodeSchemaRead, "无法读取数据版本，未做任何修改", "cannot read the data version; nothing was changed",
			"read schema version", err)
	}
	if current > SchemaVersion() {
		return &Error{Code: CodeNewerSchema, Field: "数据文件",
			Msg: "此文件由较新版本的商会工作台创建，请升级程序", MsgEN: "this file was made by a newer version of ChamberDesk; please update the program",
			Reason: fmt.Sprintf("schema version %d is newer than %d", current, SchemaVersion())}
	}
	for _, m := range ms {
		if m.version <= current || m.version > target {
			continue
		}
		err := s.withTx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return fmt.Errorf("migration %s: %w", m.name, err)
			}
			if _, err := tx.ExecContext(ctx,
				"INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)",
				m.version, s.stamp()); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", ApplicationID)); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version))
			return err
		})
		if err != nil {
			return failed(CodeUpgradeFailed, "升级数据文件失败，文件保持原样", "upgrading the data file failed; the file is unchanged",
				"migration "+m.name+" failed, file unchanged", err)
		}
	}
	return nil
}

// Close flushes the write-ahead log into the main file, closes it and
// gives up the one-writer lock. Closing twice is harmless.
func (s *Store) Close() error {
	var err error
	s.closeOnce.Do(func() {
		_, _ = s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
		err = s.db.Close()
		s.lock.release()
	})
	return err
}

// Path is the database file's location.
func (s *Store) Path() string { return s.path }

// DB exposes the connection pool for report code that streams large reads.
// Writes must go through Store methods.
func (s *Store) DB() *sql.DB { return s.db }

type txKey struct{}

// InTx runs fn so that every store method called with the context it is
// given joins one transaction: a bulk job (an import, the demo chamber)
// lands whole or not at all.
func (s *Store) InTx(ctx context.Context, fn func(ctx context.Context) error) error {
	defer s.dropIndex()
	return s.withTx(ctx, func(tx *sql.Tx) error {
		return fn(context.WithValue(ctx, txKey{}, tx))
	})
}

// withTx runs fn in one transaction, rolling back on any error or panic.
// Inside InTx it joins the outer transaction instead.
func (s *Store) withTx(ctx context.Context, fn func(tx *sql.Tx) error) (err error) {
	if tx, ok := ctx.Value(txKey{}).(*sql.Tx); ok {
		return fn(tx)
	}
	// Writers of this process queue here rather than in SQLite's busy
	// handler, which gives up after its timeout: many goroutines writing at
	// once each wait their turn and none sees SQLITE_BUSY.
	if s.writer != nil {
		wait := time.NewTimer(writerWait)
		defer wait.Stop()
		select {
		case s.writer <- struct{}{}:
			defer func() { <-s.writer }()
		case <-ctx.Done():
			return ctx.Err()
		case <-wait.C:
			return &Error{Code: CodeLocked, Field: "数据文件", Msg: "数据文件忙，请稍后再试", MsgEN: "the data file is busy; please try again shortly",
				Reason: "timed out waiting for another write of this program"}
		}
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if p := recover(); p != nil {
			_ = tx.Rollback()
			panic(p)
		}
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	if err = fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// stamp is the current time as stored.
func (s *Store) stamp() string {
	return s.Now().UTC().Format(time.RFC3339)
}

// SchemaVersionOf reports the file's applied schema version.
func (s *Store) SchemaVersionOf(ctx context.Context) (int, error) {
	var v int
	err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	return v, err
}

// IsEmpty reports whether the file holds no organization yet.
func (s *Store) IsEmpty(ctx context.Context) (bool, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM organization").Scan(&n); err != nil {
		return false, err
	}
	return n == 0, nil
}

// Check runs SQLite's integrity and foreign key checks and compares the
// schema version; it returns every problem found.
func (s *Store) Check(ctx context.Context) ([]string, error) {
	var problems []string
	rows, err := s.db.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			rows.Close()
			return nil, err
		}
		if line != "ok" {
			problems = append(problems, "完整性 / integrity: "+line)
		}
	}
	rows.Close()
	rows, err = s.db.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var table, parent string
		var rowid sql.NullInt64
		var fkid int
		if err := rows.Scan(&table, &rowid, &parent, &fkid); err != nil {
			rows.Close()
			return nil, err
		}
		problems = append(problems, fmt.Sprintf("外键 / foreign key: %s 第 %d 行引用的 %s 不存在", table, rowid.Int64, parent))
	}
	rows.Close()
	v, err := s.SchemaVersionOf(ctx)
	if err != nil {
		return nil, err
	}
	if v != SchemaVersion() {
		problems = append(problems, fmt.Sprintf("数据版本 / schema version %d, 应为 / want %d", v, SchemaVersion()))
	}
	return problems, nil
}

// FileState describes a path before anything is opened for writing.
type FileState int

// File states reported by Inspect.
const (
	FileMissing FileState = iota // no file, or an empty one: free to create
	FileEmptyDB                  // ours (or blank SQLite) with no organization yet
	FileHasData                  // ours, holding an organization
)

// Inspect tells, without writing anything, whether path is free for a new
// organization. A foreign or newer file is an error.
func Inspect(ctx context.Context, path string) (FileState, error) {
	fi, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) || (err == nil && fi.Size() == 0) {
		return FileMissing, nil
	}
	if err != nil {
		return 0, err
	}
	if fi.IsDir() {
		return 0, &Error{Code: CodeNotOurs, Field: "数据文件", Value: path,
			Msg: "这是一个文件夹，不是数据文件", MsgEN: "this is a folder, not a data file", Reason: "path is a directory"}
	}
	if busyElsewhere(path) {
		return 0, lockedError(path)
	}
	if err := probe(ctx, path); err != nil {
		return 0, err
	}
	db, err := sql.Open("sqlite", roURI(path, false))
	if err != nil {
		return 0, err
	}
	defer db.Close()
	var n int
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM organization").Scan(&n); err != nil {
		// No organization table: a blank SQLite file, or a schema not yet created.
		return FileEmptyDB, nil
	}
	if n > 0 {
		return FileHasData, nil
	}
	return FileEmptyDB, nil
}
