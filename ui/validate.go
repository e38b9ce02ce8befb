package ui

import (
	"fyne.io/fyne/v2"

	"chamberdesk/data"
	"chamberdesk/ui/widgets"
)

// errString is a field's message as the form shows it under the field.
type errString = widgets.Problem

// plain strips the field name from a validation error for inline display.
func plain(err error) error {
	if err == nil {
		return nil
	}
	if e, ok := data.AsError(err); ok {
		return widgets.Problem(errMsg(e))
	}
	return err
}

// checkedBy is the validator of a field that check (data.CheckPhone,
// data.ParseDate…) reads: its message without the field's name.
func checkedBy[T any](check func(string) (T, error)) fyne.StringValidator {
	return func(s string) error {
		_, err := check(s)
		return plain(err)
	}
}

// creditCodeValidator refuses a malformed 统一社会信用代码; a code that only
// fails its check digit is kept and flagged on save.
func creditCodeValidator(s string) error {
	_, err := data.CheckCreditCode(s)
	if e, ok := data.AsError(err); ok && e.Warning {
		return nil
	}
	return plain(err)
}
