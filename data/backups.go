package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Backups live in a folder beside the database, "<stem>_backups", one
// SQLite file each, named "<stem>_<YYYYMMDD-HHMMSS>_<reason>.db". A backup
// holds the database only; photos sit content-addressed in "<stem>_files"
// and are never rewritten, so the folder stays valid for every backup.

// Backup reasons, the last part of a backup's file name.
const (
	ReasonDaily   = "auto"    // the first start of a day
	ReasonImport  = "import"  // before a roster import
	ReasonMigrate = "migrate" // before the schema is upgraded
	ReasonRestore = "restore" // the file as it was before a restore
	ReasonManual  = "manual"  // 立即备份
	ReasonDamaged = "damaged" // a raw copy of a file too damaged to vacuum
)

// Rotation: the newest backup of each of the last KeepDaily days, of each
// of the last KeepWeekly weeks and of each of the last KeepMonthly months
// is kept, and the KeepNewest newest whatever their day (so the backup
// taken before an import survives a second import the same day).
const (
	KeepDaily   = 7
	KeepWeekly  = 4
	KeepMonthly = 12
	KeepNewest  = 3
)

// CodeDamaged marks a data file that fails SQLite's checks.
const CodeDamaged = "file.damaged"

// BackupInfo is one backup file.
type BackupInfo struct {
	Path   string
	Time   time.Time // when it was taken, local time
	Reason string
	Size   int64
}

const backupStamp = "20060102-150405"

// BackupDir is the backups folder of the database at dbPath.
func BackupDir(dbPath string) string {
	return strings.TrimSuffix(dbPath, filepath.Ext(dbPath)) + "_backups"
}

// BackupDir is the store's backups folder.
func (s *Store) BackupDir() string { return BackupDir(s.path) }

func backupStem(dbPath string) string {
	return strings.TrimSuffix(filepath.Base(dbPath), filepath.Ext(dbPath))
}

// ListBackups lists the backups of the database at dbPath, newest first.
// Files in the folder that are not backups are ignored.
func ListBackups(dbPath string) ([]BackupInfo, error) {
	dir := BackupDir(dbPath)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	prefix := backupStem(dbPath) + "_"
	var out []BackupInfo
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, ".db") {
			continue
		}
		stamp, reason, ok := strings.Cut(strings.TrimSuffix(strings.TrimPrefix(name, prefix), ".db"), "_")
		if !ok {
			continue
		}
		stamp, _, _ = strings.Cut(stamp, "~") // a second backup in the same second
		t, err := time.ParseInLocation(backupStamp, stamp, time.Local)
		if err != nil {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			continue
		}
		out = append(out, BackupInfo{Path: filepath.Join(dir, name), Time: t, Reason: reason, Size: fi.Size()})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Time.Equal(out[j].Time) {
			return out[i].Time.After(out[j].Time)
		}
		return out[i].Path > out[j].Path
	})
	return out, nil
}

// backupTarget names a new backup taken at t for reason.
func backupTarget(dbPath string, t time.Time, reason string) string {
	dir := BackupDir(dbPath)
	stamp := t.In(time.Local).Format(backupStamp)
	base := backupStem(dbPath) + "_" + stamp
	p := filepath.Join(dir, base+"_"+reason+".db")
	for i := 2; ; i++ {
		if _, err := os.Lstat(p); errors.Is(err, os.ErrNotExist) {
			return p
		}
		p = filepath.Join(dir, fmt.Sprintf("%s~%d_%s.db", base, i, reason))
	}
}

// BackupBefore takes a backup into the backups folder before a risky change
// (an import, ReasonImport) and rotates the folder. The import path calls
// it before it writes; when it fails the change must not go ahead.
func (s *Store) BackupBefore(ctx context.Context, reason string) (BackupInfo, error) {
	if reason == "" || strings.ContainsAny(reason, "_~/\\. ") {
		return BackupInfo{}, fmt.Errorf("backup reason %q", reason)
	}
	if err := os.MkdirAll(s.BackupDir(), 0o700); err != nil {
		return BackupInfo{}, failed(CodeBackupFolder, "无法创建备份文件夹", "cannot create the backups folder",
			"cannot create the backups folder "+s.BackupDir(), err)
	}
	dest := backupTarget(s.path, s.Now(), reason)
	if err := s.Backup(ctx, dest); err != nil {
		return BackupInfo{}, err
	}
	fi, err := os.Stat(dest)
	if err != nil {
		return BackupInfo{}, err
	}
	info := BackupInfo{Path: dest, Time: s.Now().In(time.Local), Reason: reason, Size: fi.Size()}
	_ = RotateBackups(s.path, s.Now())
	return info, nil
}

// dailyBackup takes the day's first backup, unless one exists already.
func (s *Store) dailyBackup(ctx context.Context) error {
	list, err := ListBackups(s.path)
	if err != nil {
		return err
	}
	today := dayKey(s.Now())
	for _, b := range list {
		if b.Reason != ReasonDamaged && dayKey(b.Time) == today {
			return nil
		}
	}
	_, err = s.BackupBefore(ctx, ReasonDaily)
	return err
}

func dayKey(t time.Time) string { return t.In(time.Local).Format("2006-01-02") }

func weekKey(t time.Time) string {
	y, w := t.In(time.Local).ISOWeek()
	return fmt.Sprintf("%d-W%02d", y, w)
}

func monthKey(t time.Time) string { return t.In(time.Local).Format("2006-01") }

// RotateBackups deletes the backups of dbPath that the rotation no longer
// keeps (see KeepDaily). Raw copies of damaged files are never deleted.
func RotateBackups(dbPath string, now time.Time) error {
	list, err := ListBackups(dbPath)
	if err != nil {
		return err
	}
	var first error
	for _, b := range backupsToDrop(list, now) {
		if err := os.Remove(b.Path); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// backupsToDrop picks, from list (newest first), what the rotation drops.
func backupsToDrop(list []BackupInfo, now time.Time) []BackupInfo {
	keep := map[string]bool{}
	var rotating []BackupInfo
	for _, b := range list {
		if b.Reason == ReasonDamaged || b.Time.After(now) {
			keep[b.Path] = true // evidence, or a clock that was set back: leave alone
			continue
		}
		rotating = append(rotating, b)
	}
	for i := 0; i < len(rotating) && i < KeepNewest; i++ {
		keep[rotating[i].Path] = true
	}
	for _, rule := range []struct {
		n   int
		key func(time.Time) string
	}{{KeepDaily, dayKey}, {KeepWeekly, weekKey}, {KeepMonthly, monthKey}} {
		seen := map[string]bool{}
		for _, b := range rotating {
			k := rule.key(b.Time)
			if seen[k] {
				continue
			}
			if len(seen) == rule.n {
				break
			}
			seen[k] = true
			keep[b.Path] = true
		}
	}
	var drop []BackupInfo
	for _, b := range rotating {
		if !keep[b.Path] {
			drop = append(drop, b)
		}
	}
	return drop
}

// NewestGoodBackup is the newest backup of dbPath that passes VerifyFile.
func NewestGoodBackup(ctx context.Context, dbPath string) (BackupInfo, bool) {
	list, _ := ListBackups(dbPath)
	for _, b := range list {
		if b.Reason == ReasonDamaged {
			continue
		}
		if VerifyFile(ctx, b.Path) == nil {
			return b, true
		}
	}
	return BackupInfo{}, false
}

// roURI is a SQLite URI that opens path read-only. immutable also tells
// SQLite that nobody else writes the file, so it creates no side files.
func roURI(path string, immutable bool) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x → /C:/x
	}
	p = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(p)
	uri := "file://" + p + "?mode=ro"
	if immutable {
		uri += "&immutable=1"
	}
	return uri + "&_pragma=busy_timeout(5000)"
}

// VerifyFile checks, without writing anything, that path is a complete
// ChamberDesk database this program can open: SQLite, our application_id,
// a schema version not newer than ours, and a clean integrity_check. It is
// meant for files nobody has open: backups, and files to restore.
func VerifyFile(ctx context.Context, path string) error {
	if err := checkHeader(path); err != nil {
		return err
	}
	db, err := sql.Open("sqlite", roURI(path, true))
	if err != nil {
		return err
	}
	defer db.Close()
	if err := checkIdentity(ctx, db, path); err != nil {
		return err
	}
	return runCheck(ctx, db, path, "integrity_check")
}

// checkHeader reads the first 100 bytes: a SQLite file or not.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && !fi.Mode().IsRegular() {
		return notOurs(path, "not a regular file")
	}
	head := make([]byte, 100)
	n, _ := io.ReadFull(f, head)
	if n < 100 || string(head[:16]) != "SQLite format 3\x00" {
		return notOurs(path, "not a SQLite database")
	}
	return nil
}

func notOurs(path, reason string) *Error {
	return &Error{Code: CodeNotOurs, Field: "数据文件", Value: filepath.Base(path),
		Msg: "不是商会工作台的数据文件，未做任何修改", MsgEN: "not a ChamberDesk data file; nothing was changed", Reason: reason}
}

// checkIdentity refuses a file of another program or a newer version.
func checkIdentity(ctx context.Context, db *sql.DB, path string) error {
	var appID, version int64
	if err := db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return damaged(path, err.Error())
	}
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return damaged(path, err.Error())
	}
	if appID != ApplicationID {
		return notOurs(path, fmt.Sprintf("application_id is %#x, want %#x", appID, ApplicationID))
	}
	if int(version) > SchemaVersion() {
		return newerSchema(path, version)
	}
	return nil
}

func newerSchema(path string, v int64) *Error {
	return &Error{Code: CodeNewerSchema, Field: "数据文件", Value: filepath.Base(path),
		Msg: fmt.Sprintf("此文件由较新版本的商会工作台创建（数据版本 %d，本程序支持到 %d），请升级程序；文件未做任何修改",
			v, SchemaVersion()), MsgEN: fmt.Sprintf("this file was made by a newer version of ChamberDesk (data version %d, this program reads up to %d); please update the program. The file is unchanged",
			v, SchemaVersion()),
		Reason: fmt.Sprintf("schema version %d is newer than this program's %d", v, SchemaVersion())}
}

// runCheck runs PRAGMA quick_check or integrity_check on db.
func runCheck(ctx context.Context, db *sql.DB, path, pragma string) error {
	rows, err := db.QueryContext(ctx, "PRAGMA "+pragma)
	if err != nil {
		return damaged(path, err.Error())
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return damaged(path, err.Error())
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		return damaged(path, err.Error())
	}
	if len(problems) > 0 {
		if len(problems) > 3 {
			problems = append(problems[:3], fmt.Sprintf("… %d more", len(problems)-3))
		}
		return damaged(path, pragma+": "+strings.Join(problems, "; "))
	}
	return nil
}

func damaged(path, reason string) *Error {
	return &Error{Code: CodeDamaged, Field: "数据文件", Value: filepath.Base(path),
		Msg: "文件已损坏，为免损失未做任何修改", MsgEN: "the file is damaged; nothing was changed, to avoid any loss", Reason: "damaged: " + reason}
}

// BackupOffer is a refusal to open a file that comes with the newest good
// backup of it, which the person may restore.
type BackupOffer struct {
	Err    *Error
	Backup BackupInfo
}

func (o *BackupOffer) Error() string { return o.Err.Error() }
func (o *BackupOffer) Unwrap() error { return o.Err }

// OfferedBackup reports the backup err offers, if it offers one.
func OfferedBackup(err error) (BackupInfo, bool) {
	var o *BackupOffer
	if errors.As(err, &o) {
		return o.Backup, true
	}
	return BackupInfo{}, false
}

// offerBackup adds the newest good backup of path to a refusal, if there
// is one; the message then names it.
func offerBackup(ctx context.Context, path string, e *Error) error {
	b, ok := NewestGoodBackup(ctx, path)
	if !ok {
		return e
	}
	e.Msg += fmt.Sprintf("。最近的完好备份是 %s（%s %s），可以从备份恢复",
		filepath.Base(b.Path), FormatDateCN(b.Time), b.Time.Format("15:04"))
	e.MsgEN += fmt.Sprintf(". The newest good backup is %s (%s); you can restore from it",
		filepath.Base(b.Path), b.Time.Format("2006-01-02 15:04"))
	return &BackupOffer{Err: e, Backup: b}
}
