package data

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// PhotoCounts gives the number of photos of each activity that has any,
// with one query, for the activity list's 照片 column.
func (s *Store) PhotoCounts(ctx context.Context) (map[int64]int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT activity_id, count(*) FROM attachments
		WHERE activity_id IS NOT NULL GROUP BY activity_id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]int{}
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		out[id] = n
	}
	return out, rows.Err()
}

// UpdatePhoto changes a photo's caption and the date it was taken (zero
// for unknown).
func (s *Store) UpdatePhoto(ctx context.Context, id int64, caption string, taken time.Time) error {
	return s.withTx(ctx, func(tx *sql.Tx) error { return updatePhoto(ctx, tx, id, 0, caption, taken) })
}

// updatePhoto changes photo id in tx; activityID, unless 0, is the
// activity the photo must belong to.
func updatePhoto(ctx context.Context, tx *sql.Tx, id, activityID int64, caption string, taken time.Time) error {
	q := "UPDATE attachments SET caption = ?, taken_date = ? WHERE id = ?"
	args := []any{NormalizeText(caption), FormatDateISO(taken), id}
	if activityID != 0 {
		q += " AND activity_id = ?"
		args = append(args, activityID)
	}
	res, err := tx.ExecContext(ctx, q, args...)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return &Error{Code: CodeNotFound, Field: "照片", Value: fmt.Sprint(id), Msg: "找不到该照片", MsgEN: "photo not found",
			Reason: fmt.Sprintf("attachment %d not found", id)}
	}
	return nil
}

// AddPhotoFile reads the photo at path (see ReadPhotoFile) and stores it
// for an activity like AddPhoto.
func (s *Store) AddPhotoFile(ctx context.Context, activityID int64, path, caption string, taken time.Time) (Attachment, error) {
	b, err := ReadPhotoFile(path)
	if err != nil {
		return Attachment{}, err
	}
	return s.AddPhoto(ctx, activityID, path, b, caption, taken)
}
