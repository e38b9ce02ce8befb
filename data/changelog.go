package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"sort"
)

// Change is one row of the change log.
type Change struct {
	ID       int64
	At       string
	Actor    string
	Entity   string // member, dues, activity, case
	EntityID int64
	Action   string // insert, update, delete
	Detail   map[string]any
}

// fields is a record flattened for the change log; personal values are
// masked before they get here.
type fields map[string]string

// logChange records one write in the same transaction as the write itself,
// so the log can never disagree with the data.
func (s *Store) logChange(ctx context.Context, tx *sql.Tx, entity string, id int64, action string, before, after fields) error {
	detail := map[string]any{}
	switch action {
	case "insert":
		detail["new"] = after
	case "delete":
		detail["old"] = before
	default:
		changed := map[string][2]string{}
		for k, v := range after {
			if before[k] != v {
				changed[k] = [2]string{before[k], v}
			}
		}
		if len(changed) == 0 {
			return nil // nothing changed, nothing to log
		}
		detail["changed"] = changed
	}
	b, err := json.Marshal(detail)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO change_log (at, actor, entity, entity_id, action, detail)
		VALUES (?, ?, ?, ?, ?, ?)`, s.stamp(), s.Actor, entity, id, action, string(b))
	return err
}

// Changes lists the change log of one record (entity "" for all), newest first.
func (s *Store) Changes(ctx context.Context, entity string, id int64) ([]Change, error) {
	q := `SELECT id, at, actor, entity, entity_id, action, detail FROM change_log`
	var args []any
	if entity != "" {
		q += ` WHERE entity = ? AND entity_id = ?`
		args = append(args, entity, id)
	}
	q += ` ORDER BY id DESC`
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Change
	for rows.Next() {
		var c Change
		var detail string
		if err := rows.Scan(&c.ID, &c.At, &c.Actor, &c.Entity, &c.EntityID, &c.Action, &detail); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(detail), &c.Detail); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// ChangedFields lists the field names an update changed, sorted.
func (c Change) ChangedFields() []string {
	m, _ := c.Detail["changed"].(map[string]any)
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
