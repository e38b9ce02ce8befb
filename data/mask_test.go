package data_test

import (
	"testing"

	"chamberdesk/data"
)

func TestMaskPhone(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", "", ""},
		{"mobile", "13812345678", "138****5678"},
		{"eleven digits not mobile", "02812345678", "028****5678"},
		{"landline", "028-12345678", "028*******78"},
		{"seven", "1234567", "123**67"},
		{"six", "123456", "******"},
		{"one", "1", "*"},
		{"twelve digits", "138123456789", "138*******89"},
		{"chinese runes", "电话一二三四五六", "电话一***五六"},
		{"short chinese", "无电话", "***"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := data.MaskPhone(tt.in); got != tt.want {
				t.Errorf("MaskPhone(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestMaskIDNumber(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", "", ""},
		{"eighteen", "11010519491231002X", "110105********002X"},
		{"eighteen digits", "110105199003071239", "110105********1239"},
		{"seventeen", "11010519900307123", "11*************23"},
		{"fifteen", "110105900307123", "11***********23"},
		{"five", "12345", "12*45"},
		{"four", "1234", "****"},
		{"one", "1", "*"},
		{"eighteen runes with chinese", "11010519900307123号", "110105********123号"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := data.MaskIDNumber(tt.in); got != tt.want {
				t.Errorf("MaskIDNumber(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
