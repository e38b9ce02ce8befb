package data

import (
	"context"
	"database/sql"
	"embed"
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
}

// OpenOptions tune Open.
type OpenOptions struct {
	// Create allows a missing or empty file to be created and migrated.
	Create bool
	// Actor names who is changing data, for the change log.
	Actor string
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
// brings its schema up to date. A file that is not ours, or was written by a
// newer program, is refused before it is opened for writing, so it stays
// byte-for-byte as it was.
func Open(ctx context.Context, path string, opts OpenOptions) (*Store, error) {
	return openAt(ctx, path, opts, SchemaVersion())
}

// openAt opens path and migrates it up to version target (tests build older
// files with a smaller target).
func openAt(ctx context.Context, path string, opts OpenOptions, target int) (*Store, error) {
	if strings.ContainsAny(path, "?#") {
		return nil, &Error{Code: CodeInvalid, Field: "数据文件", Value: path,
			Msg: "文件路径不能包含 ? 或 #", Reason: "database path must not contain '?' or '#'"}
	}
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist) || (err == nil && fi.Size() == 0):
		if !opts.Create {
			return nil, &Error{Code: CodeNotFound, Field: "数据文件", Value: path,
				Msg: "数据文件不存在", Reason: "database file does not exist"}
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, fmt.Errorf("创建数据文件夹失败 / create data folder: %w", err)
		}
	case err != nil:
		return nil, err
	case fi.IsDir():
		return nil, &Error{Code: CodeNotOurs, Field: "数据文件", Value: path,
			Msg: "这是一个文件夹，不是数据文件", Reason: "path is a directory"}
	default:
		if err := probe(ctx, path); err != nil {
			return nil, err
		}
	}

	dsn := path + "?_pragma=foreign_keys(1)&_pragma=busy_timeout(10000)" +
		"&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, path: path, Now: time.Now, Actor: opts.Actor}
	if s.Actor == "" {
		s.Actor = "chamberdesk"
	}
	if err := s.migrate(ctx, target); err != nil {
		db.Close()
		return nil, err
	}
	if runtime.GOOS != "windows" {
		// Members' personal data: readable by the owner only.
		_ = os.Chmod(path, 0o600)
	}
	return s, nil
}

// probe inspects an existing file read-only: is it SQLite, is it ours, and is
// its schema one we can handle?
func probe(ctx context.Context, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	head := make([]byte, 100)
	n, _ := io.ReadFull(f, head)
	f.Close()
	if n < 100 || string(head[:16]) != "SQLite format 3\x00" {
		return &Error{Code: CodeNotOurs, Field: "数据文件", Value: filepath.Base(path),
			Msg: "不是商会工作台的数据文件，未做任何修改", Reason: "not a SQLite database"}
	}
	appID := int64(head[68])<<24 | int64(head[69])<<16 | int64(head[70])<<8 | int64(head[71])
	userVersion := int64(head[60])<<24 | int64(head[61])<<16 | int64(head[62])<<8 | int64(head[63])
	// A WAL file may hold a newer header than the main file; ask SQLite too.
	db, err := sql.Open("sqlite", path+"?mode=ro&_pragma=busy_timeout(5000)")
	if err == nil {
		defer db.Close()
		var a, v int64
		if err := db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&a); err == nil {
			appID = a
		}
		if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err == nil {
			userVersion = v
		}
	}
	if appID != ApplicationID {
		if appID == 0 && userVersion == 0 && isEmptySchema(ctx, db) {
			return nil // an empty SQLite file: fine to initialize
		}
		return &Error{Code: CodeNotOurs, Field: "数据文件", Value: filepath.Base(path),
			Msg:    "不是商会工作台的数据文件，未做任何修改",
			Reason: fmt.Sprintf("application_id is %#x, want %#x", appID, ApplicationID)}
	}
	if int(userVersion) > SchemaVersion() {
		return &Error{Code: CodeNewerSchema, Field: "数据文件", Value: filepath.Base(path),
			Msg: fmt.Sprintf("此文件由较新版本的商会工作台创建（数据版本 %d，本程序支持到 %d），请升级程序；文件未做任何修改",
				userVersion, SchemaVersion()),
			Reason: fmt.Sprintf("schema version %d is newer than this program's %d", userVersion, SchemaVersion())}
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
		return fmt.Errorf("读取数据版本失败 / read schema version: %w", err)
	}
	if current > SchemaVersion() {
		return &Error{Code: CodeNewerSchema, Field: "数据文件",
			Msg:    "此文件由较新版本的商会工作台创建，请升级程序",
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
			return fmt.Errorf("升级数据文件失败，文件保持原样 / upgrade failed, file unchanged: %w", err)
		}
	}
	return nil
}

// Close flushes the write-ahead log into the main file and closes it.
func (s *Store) Close() error {
	_, _ = s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	return s.db.Close()
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
			Msg: "这是一个文件夹，不是数据文件", Reason: "path is a directory"}
	}
	if err := probe(ctx, path); err != nil {
		return 0, err
	}
	db, err := sql.Open("sqlite", path+"?mode=ro&_pragma=busy_timeout(5000)")
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
