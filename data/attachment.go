package data

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // decoders for the photo formats we accept
	_ "image/png"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// MaxPhotoBytes bounds a photo file; larger ones are refused, not loaded.
const MaxPhotoBytes = 40 << 20

// Attachment is a photo kept for an activity.
type Attachment struct {
	ID           int64
	ActivityID   int64
	SHA256       string
	Ext          string
	OriginalName string
	Size         int64
	Width        int
	Height       int
	Caption      string
	TakenDate    time.Time
	Sort         int
}

// FilesDir is the folder beside the database that holds photo files.
func (s *Store) FilesDir() string {
	return strings.TrimSuffix(s.path, filepath.Ext(s.path)) + "_files"
}

// AttachmentPath is where the attachment's file is stored.
func (s *Store) AttachmentPath(a Attachment) string {
	return filepath.Join(s.FilesDir(), "photos", a.SHA256[:2], a.SHA256+a.Ext)
}

// sniffPhoto checks that b is a JPEG or PNG and reads its size without
// decoding the pixels.
func sniffPhoto(name string, b []byte) (ext string, w, h int, err error) {
	switch http.DetectContentType(b) {
	case "image/jpeg":
		ext = ".jpg"
	case "image/png":
		ext = ".png"
	default:
		lower := strings.ToLower(name)
		hint, hintEN := "", ""
		if strings.HasSuffix(lower, ".heic") || strings.HasSuffix(lower, ".heif") {
			hint = "（苹果手机的 HEIC 照片请先在手机上设置为“兼容性最佳”或转换为 JPG）"
			hintEN = " (for an iPhone HEIC photo, set the camera to \"Most Compatible\" or convert it to JPG first)"
		}
		return "", 0, 0, &Error{Code: "photo.format", Field: "照片", Value: filepath.Base(name),
			Msg: "只支持 JPG 和 PNG 照片" + hint, MsgEN: "only JPG and PNG photos are supported" + hintEN, Reason: "photo is not JPEG or PNG"}
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(b))
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 {
		return "", 0, 0, &Error{Code: "photo.corrupt", Field: "照片", Value: filepath.Base(name),
			Msg: "照片文件已损坏，无法读取", MsgEN: "the photo file is damaged and cannot be read", Reason: fmt.Sprintf("photo header unreadable: %v", err)}
	}
	return ext, cfg.Width, cfg.Height, nil
}

// AddPhoto stores a photo for an activity. The file is kept under its
// SHA-256, so the same photo added twice is stored once; it is written to a
// temporary file and renamed, so a crash never leaves half a photo.
func (s *Store) AddPhoto(ctx context.Context, activityID int64, name string, b []byte, caption string, taken time.Time) (Attachment, error) {
	a, err := newAttachment(activityID, name, b, caption, taken)
	if err != nil {
		return Attachment{}, err
	}
	if err := writeFileAtomic(s.AttachmentPath(a), b); err != nil {
		return Attachment{}, failed(CodePhotoSave, "保存照片失败", "the photo could not be saved", "save photo "+s.AttachmentPath(a), err)
	}
	err = s.withTx(ctx, func(tx *sql.Tx) error { return s.insertPhoto(ctx, tx, &a) })
	return a, err
}

// newAttachment checks a photo's bytes and describes it, not yet stored.
func newAttachment(activityID int64, name string, b []byte, caption string, taken time.Time) (Attachment, error) {
	if len(b) > MaxPhotoBytes {
		return Attachment{}, &Error{Code: "photo.too_large", Field: "照片", Value: filepath.Base(name),
			Msg: fmt.Sprintf("照片太大（%d MB），请小于 %d MB", len(b)>>20, MaxPhotoBytes>>20), MsgEN: fmt.Sprintf("the photo is too large (%d MB); it must be under %d MB", len(b)>>20, MaxPhotoBytes>>20),
			Reason: "photo exceeds size limit"}
	}
	ext, w, h, err := sniffPhoto(name, b)
	if err != nil {
		return Attachment{}, err
	}
	sum := sha256.Sum256(b)
	return Attachment{ActivityID: activityID, SHA256: hex.EncodeToString(sum[:]), Ext: ext,
		OriginalName: filepath.Base(name), Size: int64(len(b)), Width: w, Height: h,
		Caption: NormalizeText(caption), TakenDate: taken}, nil
}

// insertPhoto records a, whose file is stored, as the last photo of its
// activity, setting its ID and Sort.
func (s *Store) insertPhoto(ctx context.Context, tx *sql.Tx, a *Attachment) error {
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(max(sort), 0) + 1 FROM attachments
		WHERE activity_id = ?`, a.ActivityID).Scan(&a.Sort); err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO attachments (activity_id, sha256, ext, original_name,
		size, width, height, caption, taken_date, sort, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.ActivityID, a.SHA256, a.Ext, a.OriginalName, a.Size, a.Width, a.Height, a.Caption,
		FormatDateISO(a.TakenDate), a.Sort, s.stamp())
	if err != nil {
		if isForeignKey(err) {
			return &Error{Code: CodeNotFound, Field: "活动", Value: fmt.Sprint(a.ActivityID),
				Msg: "找不到该活动", MsgEN: "activity not found", Reason: "activity not found"}
		}
		return err
	}
	a.ID, err = res.LastInsertId()
	return err
}

// writeFileAtomic writes b to path through the shared atomic writer; an
// existing file with the same name is left alone because content-addressed
// names mean it already holds these bytes.
func writeFileAtomic(path string, b []byte) error {
	if _, err := os.Stat(path); err == nil {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	return WriteFileAtomic(path, 0o600, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
}

const attachmentColumns = `id, COALESCE(activity_id, 0), sha256, ext, original_name, size, width,
	height, caption, taken_date, sort`

func scanAttachment(r scanner) (Attachment, error) {
	var a Attachment
	var taken string
	err := r.Scan(&a.ID, &a.ActivityID, &a.SHA256, &a.Ext, &a.OriginalName, &a.Size, &a.Width,
		&a.Height, &a.Caption, &taken, &a.Sort)
	a.TakenDate, _ = time.Parse(time.DateOnly, taken)
	return a, err
}

// Photos lists an activity's photos in order.
func (s *Store) Photos(ctx context.Context, activityID int64) ([]Attachment, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+attachmentColumns+` FROM attachments
		WHERE activity_id = ? ORDER BY sort, id`, activityID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Attachment
	for rows.Next() {
		a, err := scanAttachment(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// Attachment loads one photo record by id; AttachmentPath gives its file.
func (s *Store) Attachment(ctx context.Context, id int64) (Attachment, error) {
	a, err := scanAttachment(s.db.QueryRowContext(ctx, "SELECT "+attachmentColumns+" FROM attachments WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return a, &Error{Code: CodeNotFound, Field: "照片", Value: fmt.Sprint(id), Msg: "找不到该照片", MsgEN: "photo not found",
			Reason: fmt.Sprintf("attachment %d not found", id)}
	}
	return a, err
}

// RemovePhoto forgets a photo record; the file stays while other records
// may share it.
func (s *Store) RemovePhoto(ctx context.Context, id int64) error {
	return s.withTx(ctx, func(tx *sql.Tx) error { return removePhoto(ctx, tx, id, 0) })
}

// removePhoto forgets photo id in tx; activityID, unless 0, is the
// activity the photo must belong to. A photo already gone is no error.
func removePhoto(ctx context.Context, tx *sql.Tx, id, activityID int64) error {
	q, args := "DELETE FROM attachments WHERE id = ?", []any{id}
	if activityID != 0 {
		q += " AND activity_id = ?"
		args = append(args, activityID)
	}
	_, err := tx.ExecContext(ctx, q, args...)
	return err
}
