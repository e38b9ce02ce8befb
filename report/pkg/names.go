package pkg

import (
	"fmt"
	"strings"
	"unicode"

	"chamberdesk/data"
)

// Name lengths in characters: enough to recognise a unit and a case, short
// enough that the folder plus a photo's name stays well inside Windows'
// 260-character path limit wherever the zip is unpacked.
const (
	maxUnitName    = 20
	maxTitleName   = 24
	maxCaptionName = 30
)

// PackageName is the package's top folder and zip name without ".zip":
// <年度>创新中国案例申报_<单位简称>_<案例简题>.
func PackageName(year int, unit, title string) string {
	if _, short, ok := data.SplitCaseTitle(title); ok {
		title = short
	}
	return fmt.Sprintf("%d创新中国案例申报_%s_%s", year,
		orDefault(CleanName(unit, maxUnitName), "单位"), orDefault(CleanName(title, maxTitleName), "案例"))
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// CleanName makes s safe as part of a file name on Windows, macOS and
// Linux: no / \ : * ? " < > |, no control or invisible formatting
// characters (a right-to-left override could disguise a name), runs of
// spaces made one, no leading or trailing spaces or dots, and at most max
// characters.
func CleanName(s string, max int) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case strings.ContainsRune(`/\:*?"<>|`, r), unicode.IsControl(r), unicode.Is(unicode.Cf, r),
			r == '\uFFFD':
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	out := []rune(strings.Trim(b.String(), " ."))
	if len(out) > max {
		out = out[:max]
	}
	return strings.Trim(string(out), " .")
}

// photoName is a photo's entry name: its number and its caption.
func photoName(i int, caption string) string {
	return fmt.Sprintf("%s/%02d_%s.jpg", DirPhotos, i+1, orDefault(CleanName(caption, maxCaptionName), "照片"))
}
