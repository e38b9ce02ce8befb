package widgets

import (
	"strings"

	"fyne.io/fyne/v2"
)

// Problem is a field's message as a form shows it under the field: the
// words alone, without the field's name, which the form already shows.
type Problem string

func (p Problem) Error() string { return string(p) }

// Required refuses a blank field with msg, such as 不能为空.
func Required(msg string) fyne.StringValidator {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return Problem(msg)
		}
		return nil
	}
}

// Optional lets a blank field pass and checks any other text with v.
func Optional(v fyne.StringValidator) fyne.StringValidator {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		return v(s)
	}
}

// All checks with each of vs in turn and gives the first problem.
func All(vs ...fyne.StringValidator) fyne.StringValidator {
	return func(s string) error {
		for _, v := range vs {
			if err := v(s); err != nil {
				return err
			}
		}
		return nil
	}
}
