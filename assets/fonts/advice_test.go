package fonts_test

import (
	"strings"
	"testing"

	"chamberdesk/assets/fonts"
)

// TestAdvice checks each system's wording from any system: a secretary on
// Windows must be told about Windows fonts and folders, never an apt package.
func TestAdvice(t *testing.T) {
	for _, c := range []struct {
		goos      string
		want, not []string
	}{
		{"windows", []string{"微软雅黑", "msyh.ttc", "黑体", "simhei.ttf", "宋体", "simsun.ttc",
			`C:\Windows\Fonts`, `%LOCALAPPDATA%\Microsoft\Windows\Fonts`, fonts.EnvFont}, []string{"apt", "fonts-wqy", "/"}},
		{"linux", []string{"fonts-wqy-zenhei", "apt-get", fonts.EnvFont}, []string{`C:\`, "msyh"}},
		{"darwin", []string{"STHeiti", fonts.EnvFont}, []string{"apt", `C:\`}},
	} {
		t.Run(c.goos, func(t *testing.T) {
			got := fonts.Advice(c.goos)
			for _, w := range c.want {
				if !strings.Contains(got, w) {
					t.Errorf("lacks %q: %s", w, got)
				}
			}
			for _, n := range c.not {
				if strings.Contains(got, n) {
					t.Errorf("has %q: %s", n, got)
				}
			}
		})
	}
	if strings.Contains(fonts.ErrNotFound.Error(), "apt") || strings.Contains(fonts.ErrNotFound.Error(), "fonts-wqy") {
		t.Errorf("ErrNotFound names a remedy of one system: %v", fonts.ErrNotFound)
	}
}

// TestCandidatesWindows checks the Windows lookup from any system: the system
// folder first, then the per-user folder where Windows 10 and 11 install a
// font without administrator rights, every path with backslashes.
func TestCandidatesWindows(t *testing.T) {
	env := map[string]string{`WINDIR`: `D:\WINNT\`, `LOCALAPPDATA`: `C:\Users\王 秘书\AppData\Local`}
	got := fonts.CandidatesFor("windows", func(k string) string { return env[k] })
	var paths []string
	for _, c := range got {
		paths = append(paths, c.Path)
	}
	want := []string{`D:\WINNT\Fonts\msyh.ttc`, `D:\WINNT\Fonts\simhei.ttf`, `D:\WINNT\Fonts\simsun.ttc`, `D:\WINNT\Fonts\Deng.ttf`,
		`C:\Users\王 秘书\AppData\Local\Microsoft\Windows\Fonts\msyh.ttc`, `C:\Users\王 秘书\AppData\Local\Microsoft\Windows\Fonts\simhei.ttf`,
		`C:\Users\王 秘书\AppData\Local\Microsoft\Windows\Fonts\simsun.ttc`, `C:\Users\王 秘书\AppData\Local\Microsoft\Windows\Fonts\Deng.ttf`}
	if strings.Join(paths, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got\n%s\nwant\n%s", strings.Join(paths, "\n"), strings.Join(want, "\n"))
	}

	got = fonts.CandidatesFor("windows", func(k string) string {
		if k == fonts.EnvFont {
			return `E:\字体\my.ttf`
		}
		return ""
	})
	if len(got) != 5 || got[0].Path != `E:\字体\my.ttf` || got[1].Path != `C:\Windows\Fonts\msyh.ttc` {
		t.Fatalf("without WINDIR and LOCALAPPDATA: %v", got)
	}
}
