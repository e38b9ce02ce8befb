// Command bare is the baseline of `make bench-gui`: a bare Fyne window doing
// what the members screen (会员) of chamberdesk does, with nothing else.
//
// It uses the program's font (found and loaded by chamberdesk/assets/fonts,
// the same single Chinese face the program's theme gives Fyne for every
// text style), opens a window of the program's default size (1100×720)
// and shows a widget.Table with a header row and the nine columns of the
// members list (姓名, 企业名称, 商会职务, 行业, 政治面貌, 手机号码 masked as
// 138****1234, 入会日期 as 2021年12月25日, 状态, 会费) for every member.
//
// The rows are the same data file's members, read with one plain SQL query
// through modernc.org/sqlite (the driver the program uses), not through
// chamberdesk/data: the baseline holds the nine strings per row and nothing
// the program adds (search index, pinyin keys, member structs). The 会费
// column shows "—" for every member: the benchmark's data file has no dues
// rows, so the program shows "—" too.
//
// With -buttons it also puts one row of plain widget.Button above the table,
// as any window's toolbar has (the members screen's 新增会员, 编辑, 退会,
// 会员档案; no icons, no handlers): the benchmark's third side. Fyne draws
// a button's text bold, and it parses a font once per text style it is
// asked for, so a window with a button parses the Chinese face twice,
// even though the theme gives the same face for every style; the difference
// between the two bare runs is what that costs.
//
//	bare -db members.db [-buttons]
package main

import (
	"database/sql"
	"flag"
	"fmt"
	"image/color"
	"log"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	_ "modernc.org/sqlite"

	"chamberdesk/assets/fonts"
)

// Title is the window's title, which the driver waits for.
const Title = "bench-gui bare"

var columns = []struct {
	title string
	width float32
}{
	{"姓名", 90}, {"企业名称", 300}, {"商会职务", 100}, {"行业", 100}, {"政治面貌", 110},
	{"手机号码", 120}, {"入会日期", 140}, {"状态", 60}, {"会费", 70},
}

type fontTheme struct{ font fyne.Resource }

func (t fontTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return theme.DefaultTheme().Color(n, v)
}
func (t fontTheme) Font(fyne.TextStyle) fyne.Resource { return t.font }
func (t fontTheme) Icon(n fyne.ThemeIconName) fyne.Resource {
	return theme.DefaultTheme().Icon(n)
}
func (t fontTheme) Size(n fyne.ThemeSizeName) float32 { return theme.DefaultTheme().Size(n) }

func main() {
	db := flag.String("db", "", "the data file whose members to show")
	buttons := flag.Bool("buttons", false, "put a row of buttons above the table")
	flag.Parse()
	rows, err := readMembers(*db)
	if err != nil {
		log.Fatal(err)
	}

	a := app.NewWithID("cn.chamberdesk.benchgui.bare")
	f, err := fonts.Chinese()
	if err != nil {
		log.Fatal(err)
	}
	a.Settings().SetTheme(fontTheme{fyne.NewStaticResource("chinese.ttf", f.TTF)})

	w := a.NewWindow(Title)
	t := widget.NewTable(
		func() (int, int) { return len(rows), len(columns) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) { o.(*widget.Label).SetText(rows[id.Row][id.Col]) })
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject { return widget.NewLabel("") }
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(columns) {
			o.(*widget.Label).SetText(columns[id.Col].title)
		}
	}
	for i, c := range columns {
		t.SetColumnWidth(i, c.width)
	}
	var content fyne.CanvasObject = t
	if *buttons {
		bar := container.NewHBox()
		for _, text := range []string{"新增会员", "编辑", "退会", "会员档案"} {
			bar.Add(widget.NewButton(text, func() {}))
		}
		content = container.NewBorder(bar, nil, nil, nil, t)
	}
	w.SetContent(content)
	w.Resize(fyne.NewSize(1100, 720))
	w.ShowAndRun()
}

// readMembers returns each member's nine cells, in the program's default
// order (active first, then by join date).
func readMembers(path string) ([][]string, error) {
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	q, err := db.Query(`SELECT name, company, office, industry, political_status, phone, join_date, status
		FROM members ORDER BY status <> '在会', join_date, id`)
	if err != nil {
		return nil, err
	}
	defer q.Close()
	var out [][]string
	for q.Next() {
		r := make([]string, len(columns))
		var phone, join string
		if err := q.Scan(&r[0], &r[1], &r[2], &r[3], &r[4], &phone, &join, &r[7]); err != nil {
			return nil, err
		}
		r[5], r[6], r[8] = maskPhone(phone), dateCN(join), "—"
		out = append(out, r)
	}
	if err := q.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no members", path)
	}
	return out, nil
}

func maskPhone(s string) string {
	if utf8.RuneCountInString(s) == 11 {
		return s[:3] + "****" + s[7:]
	}
	return s
}

// dateCN writes 2021-03-05 as 2021年3月5日.
func dateCN(iso string) string {
	var y, m, d int
	if _, err := fmt.Sscanf(strings.TrimSpace(iso), "%d-%d-%d", &y, &m, &d); err != nil {
		return iso
	}
	return fmt.Sprintf("%d年%d月%d日", y, m, d)
}
