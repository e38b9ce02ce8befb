package widgets

import (
	"errors"
	"testing"
)

func TestValidators(t *testing.T) {
	short := func(s string) error {
		if len([]rune(s)) > 3 {
			return Problem("太长")
		}
		return nil
	}
	v := All(Required("不能为空"), short)
	for in, want := range map[string]string{"": "不能为空", "  ": "不能为空", "甲乙": "", "甲乙丙丁": "太长"} {
		got := ""
		if err := v(in); err != nil {
			got = err.Error()
		}
		if got != want {
			t.Errorf("All(Required, short)(%q) = %q, want %q", in, got, want)
		}
	}
	o := Optional(short)
	if o("") != nil || o(" ") != nil || o("甲乙丙丁") == nil {
		t.Error("Optional: blank passes, the rest is checked")
	}
	var p Problem
	if !errors.As(error(Problem("x")), &p) || p != "x" {
		t.Error("Problem is an error of its own type")
	}
}
