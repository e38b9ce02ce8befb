package data

import (
	"context"
	"path/filepath"
)

// Create makes a new organization file at path and fills it with fill. A
// file that already holds an organization is refused before it is opened
// for writing; a file this call created is removed again when fill fails,
// so nothing half-made is left behind. The store is returned open.
func Create(ctx context.Context, path string, opts OpenOptions, fill func(context.Context, *Store) error) (*Store, error) {
	state, err := Inspect(ctx, path)
	if err != nil {
		return nil, err
	}
	if state == FileHasData {
		return nil, &Error{Code: CodeNotEmpty, Field: "数据文件", Value: filepath.Base(path),
			Msg: "已有数据，未做任何修改；如需新建请换一个文件名", MsgEN: "already holds data; nothing was changed. To start a new file, choose another name", Reason: "file already holds data; nothing changed"}
	}
	opts.Create = true
	s, err := Open(ctx, path, opts)
	if err != nil {
		return nil, err
	}
	if err := fill(ctx, s); err != nil {
		s.Close()
		if state == FileMissing {
			RemoveFile(path)
		}
		return nil, err
	}
	return s, nil
}
