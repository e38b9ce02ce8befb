package data

import (
	"errors"
	"fmt"
	"strings"
)

// Error is a problem fit to show a chamber secretary. Msg is Chinese and names
// the field in words people use; Reason is a precise English explanation for
// logs and scripts. Value must never hold a full ID number or phone: callers
// pass it through MaskPhone or MaskIDNumber when the field is personal.
type Error struct {
	Code    string // stable machine code, e.g. "credit_code.check"
	Field   string // Chinese field name, e.g. "统一社会信用代码"
	Value   string // the offending value (masked when personal)
	Msg     string // Chinese, for people
	Reason  string // English, for logs
	Warning bool   // true: the record is kept and flagged, not refused

	// Where the value came from, when it came from a file.
	File string
	Row  int // 1-based, as the person sees it in Excel; 0 when unknown
	Col  string
}

func (e *Error) Error() string {
	if e.Reason == "" {
		return e.Message()
	}
	return e.Message() + " / " + e.Reason
}

// Message is the Chinese part of the error, for people: where, which field
// and value, and what is wrong.
func (e *Error) Message() string {
	var b strings.Builder
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
)

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

// IsCode reports whether err is, or wraps, an *Error with the given code.
func IsCode(err error, code string) bool {
	e, ok := AsError(err)
	return ok && e.Code == code
}

func invalid(field, value, msg, reason string) *Error {
	return &Error{Code: CodeInvalid, Field: field, Value: value, Msg: msg, Reason: reason}
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
