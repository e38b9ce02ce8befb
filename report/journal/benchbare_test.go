package journal_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// bareImporter is the import a programmer would write for this one journal
// layout with excelize and database/sql: columns at fixed places, no header
// detection, no validation beyond what the numbers need, no messages. It
// stores what ImportJournal stores, so the two can be compared: a backup of
// the file first (VACUUM INTO), then in one transaction each entry with the
// same import key (the digest of date, kind, amount, voucher and 摘要 and
// the occurrence number) and its change-log row, the category checked
// against the configured ones (else 其他收入 / 其他支出), the running
// balance checked as it goes. It leaves out what a file from a person needs
// on top: finding the header and the sheet, other spellings of dates and
// amounts, the 月/日 layout, messages in two languages, closed years, a
// re-import's lookup, and a check of the backup.
type bareImporter struct {
	sqlDB                *sql.DB
	backup, stamp, actor string
}

func (x *bareImporter) db() *sql.DB { return x.sqlDB }
func (x *bareImporter) close()      { x.sqlDB.Close() }

var bareEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

func (x *bareImporter) run(ctx context.Context, file []byte) (n benchWant, err error) {
	f, err := excelize.OpenReader(bytes.NewReader(file))
	if err != nil {
		return n, err
	}
	defer f.Close()
	rows, err := f.Rows("Sheet1")
	if err != nil {
		return n, err
	}
	defer rows.Close()
	cats := map[string]bool{}
	crows, err := x.sqlDB.QueryContext(ctx, `SELECT kind, name FROM ledger_categories`)
	if err != nil {
		return n, err
	}
	for crows.Next() {
		var k, name string
		if err := crows.Scan(&k, &name); err != nil {
			return n, err
		}
		cats[k+"\x00"+name] = true
	}
	if err := crows.Close(); err != nil {
		return n, err
	}
	if err := os.MkdirAll(filepath.Dir(x.backup), 0o700); err != nil {
		return n, err
	}
	if _, err := x.sqlDB.ExecContext(ctx, "VACUUM INTO ?", x.backup); err != nil {
		return n, err
	}
	tx, err := x.sqlDB.BeginTx(ctx, nil)
	if err != nil {
		return n, err
	}
	defer tx.Rollback()
	insert, err := tx.PrepareContext(ctx, `INSERT INTO ledger_entries (date, kind, category, amount_fen, note,
		handler, voucher, member_id, activity_id, project, source, dues_id, import_key)
		VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, '', 'import', NULL, ?)`)
	if err != nil {
		return n, err
	}
	logRow, err := tx.PrepareContext(ctx, `INSERT INTO change_log (at, actor, entity, entity_id, action, detail)
		VALUES (?, ?, 'ledger', ?, 'insert', ?)`)
	if err != nil {
		return n, err
	}
	seen := map[string]int{}
	var bal int64
	raw := excelize.Options{RawCellValue: true}
	for r := 1; rows.Next(); r++ {
		cells, err := rows.Columns(raw)
		if err != nil {
			return n, err
		}
		if r <= 2 { // the title and the header
			continue
		}
		cell := func(i int) string {
			if i < len(cells) {
				return cells[i]
			}
			return ""
		}
		// 日期 凭证号 摘要 收入 支出 余额 科目 经手人
		switch cell(2) {
		case "上年结转":
			if bal, err = bareFen(cell(5)); err != nil {
				return n, err
			}
			continue
		case "本月合计":
			continue
		}
		serial, err := strconv.Atoi(cell(0))
		if err != nil {
			return n, err
		}
		date := bareEpoch.AddDate(0, 0, serial).Format("2006-01-02")
		in, err := bareFen(cell(3))
		if err != nil {
			return n, err
		}
		out, err := bareFen(cell(4))
		if err != nil {
			return n, err
		}
		kind, fen, other := "收入", in, "其他收入"
		if out > 0 {
			kind, fen, other = "支出", out, "其他支出"
			bal -= out
		} else {
			bal += in
		}
		if given, err := bareFen(cell(5)); err != nil || given != bal {
			return n, fmt.Errorf("row %d: balance %d, want %d (%v)", r, given, bal, err)
		}
		cat := cell(6)
		if !cats[kind+"\x00"+cat] {
			cat = other
		}
		voucher, note, handler := cell(1), cell(2), cell(7)
		content := strings.Join([]string{date, kind, strconv.FormatInt(fen, 10), voucher, note}, "\x00")
		seen[content]++
		sum := sha256.Sum256([]byte(content))
		key := fmt.Sprintf("j1:%x:%d", sum[:16], seen[content])
		res, err := insert.ExecContext(ctx, date, kind, cat, fen, note, handler, voucher, key)
		if err != nil {
			return n, err
		}
		id, err := res.LastInsertId()
		if err != nil {
			return n, err
		}
		detail, err := json.Marshal(map[string]any{"new": map[string]string{
			"date": date, "kind": kind, "category": cat, "amount": bareYuan(fen), "note": note,
			"handler": handler, "voucher": voucher, "project": "", "source": "import"}})
		if err != nil {
			return n, err
		}
		if _, err := logRow.ExecContext(ctx, x.stamp, x.actor, id, string(detail)); err != nil {
			return n, err
		}
		n.added++
		if kind == "收入" {
			n.income += fen
		} else {
			n.spending += fen
		}
	}
	if err := rows.Error(); err != nil {
		return n, err
	}
	return n, tx.Commit()
}

// bareFen reads a number cell of yuan with at most two decimals as fen.
func bareFen(s string) (int64, error) {
	if s == "" {
		return 0, nil
	}
	ip, fp, _ := strings.Cut(s, ".")
	if len(fp) > 2 {
		return 0, fmt.Errorf("amount %q", s)
	}
	fp += strings.Repeat("0", 2-len(fp))
	return strconv.ParseInt(ip+fp, 10, 64)
}

// bareYuan writes fen as the change log does: "1200" or "1200.50".
func bareYuan(fen int64) string {
	if fen%100 == 0 {
		return strconv.FormatInt(fen/100, 10)
	}
	return fmt.Sprintf("%d.%02d", fen/100, fen%100)
}
