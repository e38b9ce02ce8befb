package xlsx

import "testing"

// TestLead: the unit is said once, after the number.
func TestLead(t *testing.T) {
	for _, tt := range []struct{ name, unit, want string }{
		{"红色教育参与人次", "人次", "红色教育参与"},
		{"办班期数", "期", "办班"},
		{"签约项目数", "个", "签约项目"},
		{"投资额", "亿元", "投资额"},
		{"人次", "人次", "人次"}, // a name that is only the unit stays
		{"新增会员", "家", "新增会员"},
		{"", "个", ""},
	} {
		if got := lead(tt.name, tt.unit); got != tt.want {
			t.Errorf("lead(%q, %q) = %q, want %q", tt.name, tt.unit, got, tt.want)
		}
	}
}
