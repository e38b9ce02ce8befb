package data

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"time"
)

// PhotoChanges is what saving an activity does to its photos: stored ones
// removed or re-captioned, new ones added after the others in the order
// given.
type PhotoChanges struct {
	Remove []int64     // stored photos of the activity to forget
	Update []PhotoEdit // stored photos whose caption or date changed
	Add    []NewPhoto  // photos to store, in order
}

// PhotoEdit is a stored photo's new caption and date taken (zero for
// unknown).
type PhotoEdit struct {
	ID      int64
	Caption string
	Taken   time.Time
}

// NewPhoto is a photo to store: the file at Path, read when the activity
// is saved, or, with no Path, Bytes under the name Name.
type NewPhoto struct {
	Path    string
	Name    string
	Bytes   []byte
	Caption string
	Taken   time.Time
}

// Empty reports whether c changes no photo.
func (c PhotoChanges) Empty() bool { return len(c.Remove)+len(c.Update)+len(c.Add) == 0 }

// SaveActivity creates (a.ID 0) or updates the activity with its
// attendance and outcomes and applies photos to it, in one transaction:
// all of it lands or none does. A photo file stored for this save is
// removed again when the save fails, unless a record already uses it. It
// returns the activity's id.
func (s *Store) SaveActivity(ctx context.Context, a Activity, photos PhotoChanges) (int64, error) {
	if err := a.Normalize(); err != nil {
		return 0, err
	}
	var created []Attachment // files this save wrote to the files folder
	id := a.ID
	err := s.withTx(ctx, func(tx *sql.Tx) (err error) {
		if id == 0 {
			if id, err = s.createActivity(ctx, tx, a); err != nil {
				return err
			}
		} else if err = s.updateActivity(ctx, tx, a); err != nil {
			return err
		}
		for _, rid := range photos.Remove {
			if err := removePhoto(ctx, tx, rid, id); err != nil {
				return err
			}
		}
		for _, u := range photos.Update {
			if err := updatePhoto(ctx, tx, u.ID, id, u.Caption, u.Taken); err != nil {
				return err
			}
		}
		for _, p := range photos.Add {
			att, fresh, err := s.storePhoto(id, p)
			if fresh {
				created = append(created, att)
			}
			if err != nil {
				return err
			}
			if err := s.insertPhoto(ctx, tx, &att); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		s.removeUnused(created)
		if a.ID == 0 {
			id = 0
		}
		return id, err
	}
	return id, nil
}

// storePhoto reads and checks p and writes its file for activity id;
// fresh reports whether the file is new to the files folder.
func (s *Store) storePhoto(id int64, p NewPhoto) (att Attachment, fresh bool, err error) {
	b, name := p.Bytes, p.Name
	if p.Path != "" {
		if b, err = ReadPhotoFile(p.Path); err != nil {
			return att, false, err
		}
		name = p.Path
	}
	if att, err = newAttachment(id, name, b, p.Caption, p.Taken); err != nil {
		return att, false, err
	}
	path := s.AttachmentPath(att)
	if _, err := os.Stat(path); err == nil {
		return att, false, nil // the same photo is stored already
	}
	if err := writeFileAtomic(path, b); err != nil {
		return att, false, failed(CodePhotoSave, "保存照片失败", "the photo could not be saved", "save photo "+path, err)
	}
	return att, true, nil
}

// removeUnused deletes the files of atts that no attachment record uses,
// with their folder when it is left empty.
func (s *Store) removeUnused(atts []Attachment) {
	for _, a := range atts {
		var n int
		err := s.db.QueryRow("SELECT count(*) FROM attachments WHERE sha256 = ? AND ext = ?", a.SHA256, a.Ext).Scan(&n)
		if err != nil || n > 0 {
			continue
		}
		path := s.AttachmentPath(a)
		if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
			continue
		}
		_ = os.Remove(filepath.Dir(path)) // only when empty
	}
}
