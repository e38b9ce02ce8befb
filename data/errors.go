package data

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Error is a problem fit to show a chamber secretary. Msg is Chinese and names
// the field in words people use; MsgEN says the same in English for the
// English window; Reason is a precise English explanation for logs and
// scripts, and Err the cause, if any, for the log and errors.Is/As. Value
// must never hold a full ID number or phone: callers pass it through
// MaskPhone or MaskIDNumber when the field is personal.
//
// Message and MessageEN are what a person is shown; Error (and ForLog) is
// for the log. Every Error built in data and report fills both Msg and
// MsgEN; one built in the ui from words already in the window's language
// may leave MsgEN empty, and MessageEN then shows Msg.
type Error struct {
	Code    string // stable machine code, e.g. "credit_code.check"
	Field   string // Chinese field name, e.g. "统一社会信用代码"
	Value   string // the offending value (masked when personal)
	Msg     string // Chinese, for people
	MsgEN   string // English, for people: the same as Msg
	Reason  string // English, for logs
	Warning bool   // true: the record is kept and flagged, not refused
	Err     error  // the cause, for logs and errors.Is/As; nil when none

	// Where the value came from, when it came from a file.
	File string
	Row  int // 1-based, as the person sees it in Excel; 0 when unknown
	Col  string
}

// Error is the text for logs: the Chinese message, the Reason and the cause.
func (e *Error) Error() string {
	s := e.own(false)
	if e.Reason != "" {
		s += " / " + e.Reason
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap gives the cause, so errors.Is and errors.As see through e.
func (e *Error) Unwrap() error { return e.Err }

// Message is the Chinese part of the error, for people: where, which field
// and value, and what is wrong; when the cause is itself an Error (or a
// list of them), its (first) message follows.
func (e *Error) Message() string { return e.message(false) }

// MessageEN is Message in English: the location ("row 12", "column C"), the
// field's English name and MsgEN; a message that begins with MsgEN begins
// with a capital.
func (e *Error) MessageEN() string {
	s := e.message(true)
	if e.File != "" || e.Row > 0 || e.Col != "" || e.Field != "" {
		return s // begins with a name, kept as written
	}
	if r, n := utf8.DecodeRuneInString(s); unicode.IsLower(r) {
		s = string(unicode.ToUpper(r)) + s[n:]
	}
	return s
}

func (e *Error) message(english bool) string {
	s := e.own(english)
	if inner, ok := AsError(e.Err); ok {
		if english {
			s += ": " + inner.message(true)
		} else {
			s += "：" + inner.Message()
		}
	}
	return s
}

// own is e's message without its cause's.
func (e *Error) own(english bool) string {
	var b strings.Builder
	if english {
		var where []string
		if e.File != "" {
			where = append(where, e.File)
		}
		if e.Row > 0 {
			where = append(where, fmt.Sprintf("row %d", e.Row))
		}
		if e.Col != "" {
			where = append(where, "column "+e.Col)
		}
		if len(where) > 0 {
			b.WriteString(strings.Join(where, ", "))
			b.WriteString(": ")
		}
		if e.Field != "" {
			b.WriteString(FieldEN(e.Field))
			if e.Value != "" {
				fmt.Fprintf(&b, " \"%s\"", e.Value)
			}
			b.WriteString(": ")
		}
		if e.MsgEN != "" {
			b.WriteString(e.MsgEN)
		} else {
			b.WriteString(e.Msg)
		}
		return b.String()
	}
	if e.File != "" {
		b.WriteString(e.File)
		b.WriteString(" ")
	}
	if e.Row > 0 {
		fmt.Fprintf(&b, "第%d行 ", e.Row)
	}
	if e.Col != "" {
		fmt.Fprintf(&b, "%s列 ", e.Col)
	}
	if e.Field != "" {
		b.WriteString(e.Field)
		if e.Value != "" {
			fmt.Fprintf(&b, "「%s」", e.Value)
		}
		b.WriteString("：")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Errors collects several problems, e.g. every bad row of an import, so the
// person can fix them all at once.
type Errors []*Error

func (es Errors) Error() string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "\n")
}

// Message lists the Chinese messages, one a line.
func (es Errors) Message() string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = e.Message()
	}
	return strings.Join(parts, "\n")
}

// MessageEN lists the English messages, one a line.
func (es Errors) MessageEN() string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = e.MessageEN()
	}
	return strings.Join(parts, "\n")
}

// Err returns es as an error, or nil when it holds nothing.
func (es Errors) Err() error {
	if len(es) == 0 {
		return nil
	}
	return es
}

// Codes used across the store.
const (
	CodeNotFound    = "not_found"
	CodeNewerSchema = "schema.newer"
	CodeNotOurs     = "file.foreign"
	CodeNotEmpty    = "file.not_empty"
	CodeInvalid     = "invalid"
	CodeConflict    = "conflict"

	// A file or folder could not be written; Err holds the cause.
	CodeIsFolder    = "file.is_folder" // the target is a folder
	CodeFileCreate  = "file.create"    // no new file in the target's folder
	CodeFileWrite   = "file.write"     // the new file could not be written out
	CodeFileSave    = "file.save"      // the new file could not take the target's name
	CodeFileJournal = "file.journal"   // the list of temporary files could not be written
	CodeFolder      = "store.folder"   // the data folder could not be made
	CodeLockFailed  = "lock.failed"    // the data file could not be locked (not: held by another program)
	CodeSchemaRead  = "schema.read"    // the data version could not be read
	CodePhotoSave   = "photo.save"     // a photo's file could not be saved

	// Backups, upgrades, restores and imports that did not happen.
	CodeBackupFolder  = "backup.folder"  // the backups folder could not be made
	CodeBackupFailed  = "backup.failed"  // the copy could not be made
	CodeBackupCheck   = "backup.check"   // the copy failed its integrity check
	CodeUpgradeBackup = "upgrade.backup" // the backup before an upgrade failed
	CodeUpgradeFailed = "upgrade.failed" // a migration failed; the file is unchanged
	CodeRestoreOpen   = "restore.open"   // the data file is open here
	CodeRestoreRead   = "restore.read"   // the backup could not be read
	CodeRestoreBackup = "restore.backup" // the current file could not be backed up first
	CodeImportBackup  = "import.backup"  // the backup before an import failed
	CodeImportRow     = "import.row"     // a row could not be written; nothing was imported
)

const (
	msgBackupFailed   = "备份失败，未做任何修改"
	msgBackupFailedEN = "the backup failed; nothing was changed"
	msgRestoreRead    = "无法读取备份文件，未做任何修改"
	msgRestoreReadEN  = "cannot read the backup; nothing was changed"
)

// IsFolderError is the error for writing a file over a folder.
func IsFolderError(path string) *Error {
	return &Error{Code: CodeIsFolder, Field: "文件", Value: filepath.Base(path),
		Msg: "是文件夹，不能写成文件", MsgEN: "is a folder, not a file", Reason: path + " is a folder, not a file"}
}

// AsError extracts a *Error from err, if there is one; from a list of
// problems it gives the first.
func AsError(err error) (*Error, bool) {
	var e *Error
	if errors.As(err, &e) {
		return e, true
	}
	var es Errors
	if errors.As(err, &es) && len(es) > 0 {
		return es[0], true
	}
	return nil, false
}

// IsCode reports whether err is, or wraps, an *Error with the given code:
// the first of a list of problems, or any Error along the chain of causes
// (a failed backup whose cause is a file open in Excel is both).
func IsCode(err error, code string) bool {
	e, ok := AsError(err)
	for ok {
		if e.Code == code {
			return true
		}
		e, ok = AsError(e.Err)
	}
	return false
}

func invalid(field, value, msg, msgEN, reason string) *Error {
	return &Error{Code: CodeInvalid, Field: field, Value: value, Msg: msg, MsgEN: msgEN, Reason: reason}
}

// failed is the error for an operation that failed on cause: the words for
// people in both languages, and the detail (paths, the cause) for the log.
func failed(code, msg, msgEN, reason string, cause error) *Error {
	return &Error{Code: code, Msg: msg, MsgEN: msgEN, Reason: reason, Err: cause}
}

// ForLog renders err for a log file: the same text, with every value a
// person typed or a file held replaced by its mask, so a log shared for
// support never carries a member's phone or ID number. The dialog a person
// sees keeps the value, since it is theirs and they need it to find the cell.
func ForLog(err error) string {
	if err == nil {
		return ""
	}
	text := err.Error()
	var hidden []*Error
	var walk func(error)
	walk = func(err error) {
		switch e := err.(type) {
		case nil:
			return
		case *Error:
			hidden = append(hidden, e)
		case Errors:
			for _, x := range e {
				hidden = append(hidden, x)
			}
			return
		}
		switch u := err.(type) {
		case interface{ Unwrap() error }:
			walk(u.Unwrap())
		case interface{ Unwrap() []error }:
			for _, x := range u.Unwrap() {
				walk(x)
			}
		}
	}
	walk(err)
	for _, e := range hidden {
		if personal(e) {
			text = strings.ReplaceAll(text, "「"+e.Value+"」", "「"+maskKeep(e.Value, 1, 1, 7)+"」")
		}
	}
	return text
}

// personal reports whether an error's value may be a member's phone, ID or
// credit number: a field named so, or a value with a run of many digits.
// Names of types, sheets or categories stay readable in the log.
func personal(e *Error) bool {
	if e.Value == "" {
		return false
	}
	for _, f := range []string{"电话", "手机", "身份证", "证件", "联系方式", "信用代码"} {
		if strings.Contains(e.Field, f) {
			return true
		}
	}
	run := 0
	for _, r := range e.Value {
		if r >= '0' && r <= '9' {
			if run++; run >= 7 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}
