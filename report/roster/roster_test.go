package roster_test

import (
	"archive/zip"
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"chamberdesk/data"
	"chamberdesk/data/datatest"
	"chamberdesk/report/roster"
)

// sheet describes one worksheet of a test workbook: rows from row 1, nil
// rows left blank, merges such as "A1:F1".
type sheet struct {
	name   string
	rows   [][]any
	merges []string
}

func book(tb testing.TB, sheets ...sheet) []byte {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				tb.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			tb.Fatal(err)
		}
		for n, r := range s.rows {
			if len(r) == 0 {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(1, n+1)
			if err := f.SetSheetRow(s.name, cell, &r); err != nil {
				tb.Fatal(err)
			}
		}
		for _, m := range s.merges {
			a, b, _ := strings.Cut(m, ":")
			if err := f.MergeCell(s.name, a, b); err != nil {
				tb.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func read(tb testing.TB, b []byte, opts roster.Options) (*roster.Roster, error) {
	tb.Helper()
	return roster.Read(bytes.NewReader(b), int64(len(b)), "名册.xlsx", opts)
}

func mustRead(tb testing.TB, b []byte) *roster.Roster {
	tb.Helper()
	r, err := read(tb, b, roster.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

func mustImport(tb testing.TB, s *data.Store, r *roster.Roster) data.ImportReport {
	tb.Helper()
	rep, err := s.ImportMembers(context.Background(), r.Rows, false)
	if err != nil {
		tb.Fatalf("import: %v", err)
	}
	return rep
}

func members(tb testing.TB, s *data.Store) map[string]data.Member {
	tb.Helper()
	ms, err := s.Members(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	out := map[string]data.Member{}
	for _, m := range ms {
		if _, dup := out[m.Name]; dup {
			tb.Fatalf("member %s is in the store twice", m.Name)
		}
		out[m.Name] = m
	}
	return out
}

func code(first17 string) string {
	c, _ := data.CreditCodeCheckChar(first17)
	return first17 + string(c)
}

var march5 = time.Date(2021, 3, 5, 0, 0, 0, 0, time.UTC)

// Roster 1: a merged title, a subtitle, synonyms, shuffled columns, an
// unknown column and a note in brackets in a header.
func TestMergedTitleSynonymsShuffled(t *testing.T) {
	b := book(t, sheet{name: "2023年", merges: []string{"A1:H1", "A2:H2"}, rows: [][]any{
		{"青禾镇商会会员名册"},
		{"（截至2023年12月）"},
		nil,
		{"序号", "手机号码\n（必填）", "籍贯", "单位名称", "会内职务", "负责人", "入会时间", "信用代码"},
		{1, "13812345678", "浙江", "青禾示例建材有限公司", "副会长", "张三", "2021-03-05", code("91330000MA27XK3Q0")},
		{2, "13912345678", "江苏", "绿野示例农业有限公司", "理事", "李四", "2020.1.8", ""},
	}})
	r := mustRead(t, b)
	if r.HeaderRow != 4 || r.Sheet != "2023年" {
		t.Fatalf("header row %d sheet %q", r.HeaderRow, r.Sheet)
	}
	want := map[string]string{data.ColPhone: "B", data.ColCompany: "D", data.ColOffice: "E", data.ColName: "F",
		data.ColJoinDate: "G", data.ColCreditCode: "H"}
	for k, l := range want {
		if r.Columns[k] != l {
			t.Errorf("column %s at %q, want %s", k, r.Columns[k], l)
		}
	}
	if len(r.Notes) != 1 || !strings.Contains(r.Notes[0], "C「籍贯」") {
		t.Errorf("notes %q should report the unknown column 籍贯", r.Notes)
	}
	s := datatest.MustOpen(t)
	rep := mustImport(t, s, r)
	if rep.Added != 2 {
		t.Fatalf("report %+v", rep)
	}
	ms := members(t, s)
	z := ms["张三"]
	if z.Company != "青禾示例建材有限公司" || z.Office != "副会长" || z.Phone != "13812345678" ||
		!z.JoinDate.Equal(march5) || z.Kind != data.KindUnit || z.CreditCode != code("91330000MA27XK3Q0") {
		t.Errorf("张三 stored as %+v", z)
	}
	if ms["李四"].JoinDate != time.Date(2020, 1, 8, 0, 0, 0, 0, time.UTC) {
		t.Errorf("李四 join date %v", ms["李四"].JoinDate)
	}
}

// Roster 2: every date spelling, including a serial stored as a number and
// a real date cell.
func TestDateSpellings(t *testing.T) {
	dates := []any{44260, 44260.0, "44260", "2021-03-05", "2021.3.5", "2021/3/5", "2021年3月5日",
		"２０２１年３月５日", march5, " 2021-03-05 \n"}
	rows := [][]any{{"姓名", "入会日期", "电话"}}
	for i, d := range dates {
		rows = append(rows, []any{"会员" + string(rune('甲'+i)), d, 13800000000 + i})
	}
	s := datatest.MustOpen(t)
	rep := mustImport(t, s, mustRead(t, book(t, sheet{name: "Sheet1", rows: rows})))
	if rep.Added != len(dates) {
		t.Fatalf("added %d of %d", rep.Added, len(dates))
	}
	for name, m := range members(t, s) {
		if !m.JoinDate.Equal(march5) {
			t.Errorf("%s join date %v, want 2021-03-05", name, m.JoinDate)
		}
	}
}

// Roster 3: phones stored as numbers, in exponent form, with full-width
// digits and spaces; stray spaces and line breaks in text.
func TestNumbersAndStrayText(t *testing.T) {
	b := book(t, sheet{name: "名单", rows: [][]any{
		{"会员姓名", "公司名称", "联系电话", "商会职务"},
		{" 王五 ", "青禾示例\n五金店", 13812340001, "会员"},
		{"赵六\n", "  ", 1.3812340002e10, " 理事 "},
		{"孙七", "", "１３８１２３４０００３", "会员"},
		{"周八", "", "138 1234 0004", ""},
		{"吴九", "", "1.3812340005E+10", ""},
	}})
	s := datatest.MustOpen(t)
	mustImport(t, s, mustRead(t, b))
	ms := members(t, s)
	for i, name := range []string{"王五", "赵六", "孙七", "周八", "吴九"} {
		want := "1381234000" + string(rune('1'+i))
		if ms[name].Phone != want {
			t.Errorf("%s phone %q, want %s", name, ms[name].Phone, want)
		}
	}
	if ms["王五"].Company != "青禾示例 五金店" || ms["赵六"].Office != "理事" || ms["赵六"].Kind != data.KindPersonal {
		t.Errorf("text not tidied: %+v / %+v", ms["王五"], ms["赵六"])
	}
}

// Roster 4: blank rows in the middle, a total row and a numbers-only row.
func TestBlankAndTotalRows(t *testing.T) {
	b := book(t, sheet{name: "Sheet1", rows: [][]any{
		{"序号", "姓名", "企业名称"},
		{1, "郑一", "甲示例公司"},
		nil, nil,
		{2, "郑二", "乙示例公司"},
		{"", "", ""},
		{3, "郑三", "丙示例公司"},
		{"合计", "", "3家"},
		{"", 3},
	}})
	s := datatest.MustOpen(t)
	rep := mustImport(t, s, mustRead(t, b))
	if rep.Added != 3 || rep.Skipped != 2 {
		t.Fatalf("report %+v", rep)
	}
	if len(members(t, s)) != 3 {
		t.Fatal("want 3 members")
	}
	var skipped []int
	for _, l := range rep.Lines {
		if l.Action == data.ActionSkip {
			skipped = append(skipped, l.Row)
		}
	}
	if len(skipped) != 2 || skipped[0] != 8 || skipped[1] != 9 {
		t.Errorf("skipped rows %v, want [8 9]", skipped)
	}
}

// Roster 5: a duplicate of an existing member is updated, not added; the
// same roster imported twice changes nothing the second time.
func TestDuplicateUpdatesAndReimport(t *testing.T) {
	s := datatest.MustOpen(t)
	ctx := context.Background()
	id, _, err := s.CreateMember(ctx, data.Member{Name: "张三", Phone: "13812345678", Office: "会员"})
	if err != nil {
		t.Fatal(err)
	}
	cc := code("91330000MA27XK3Q0")
	if _, _, err := s.CreateMember(ctx, data.Member{Name: "钱二", Company: "旧名示例公司", CreditCode: cc}); err != nil {
		t.Fatal(err)
	}
	b := book(t, sheet{name: "Sheet1", rows: [][]any{
		{"姓名", "手机", "职务", "企业名称", "统一社会信用代码"},
		{"张三", 13812345678, "副会长", "", ""},
		{"钱二", "", "", "新名示例公司", cc},
		{"新人", 13700000001, "", "", ""},
	}})
	rep := mustImport(t, s, mustRead(t, b))
	if rep.Updated != 2 || rep.Added != 1 {
		t.Fatalf("first import %+v", rep)
	}
	ms := members(t, s)
	if len(ms) != 3 || ms["张三"].ID != id || ms["张三"].Office != "副会长" || ms["钱二"].Company != "新名示例公司" {
		t.Fatalf("after import: %+v", ms)
	}
	rep = mustImport(t, s, mustRead(t, b))
	if rep.Unchanged != 3 || rep.Added+rep.Updated != 0 {
		t.Fatalf("second import %+v", rep)
	}
	if len(members(t, s)) != 3 {
		t.Fatal("re-import duplicated members")
	}
}

// Roster 6: bad rows: every problem reported with row, column, value and
// reason; nothing written.
func TestBadRowsWriteNothing(t *testing.T) {
	s := datatest.MustOpen(t)
	b := book(t, sheet{name: "Sheet1", merges: []string{"A1:E1"}, rows: [][]any{
		{"某镇商会会员名册"},
		{"姓名", "联系电话", "入会日期", "统一社会信用代码", "身份证号"},
		{"好人", 13812345678, "2021-03-05", "", ""},
		{"坏电话", 1381234, "", "", ""},
		{"坏日期", "", "2021-02-30", "", ""},
		{"坏代码", "", "", "91330000MA27XK3", ""},
		{"坏身份证", "", "", "", "110105199001011234"},
	}})
	r := mustRead(t, b)
	_, err := s.ImportMembers(context.Background(), r.Rows, false)
	var es data.Errors
	if !asErrors(err, &es) || len(es) != 4 {
		t.Fatalf("want 4 problems, got %v", err)
	}
	want := []struct {
		row int
		col string
	}{{4, "B"}, {5, "C"}, {6, "D"}, {7, "E"}}
	for i, w := range want {
		e := es[i]
		if e.Row != w.row || e.Col != w.col || e.Msg == "" || e.Reason == "" || e.File != "名册.xlsx" {
			t.Errorf("problem %d: %+v, want row %d col %s", i, e, w.row, w.col)
		}
	}
	if strings.Contains(es[3].Value, "19900101") {
		t.Errorf("ID number not masked: %q", es[3].Value)
	}
	if len(members(t, s)) != 0 {
		t.Fatal("a refused import wrote members")
	}
}

func asErrors(err error, es *data.Errors) bool {
	e, ok := err.(data.Errors)
	*es = e
	return ok
}

// Roster 7: two roster-like sheets: the person must choose.
func TestTwoSheetsAskToChoose(t *testing.T) {
	b := book(t,
		sheet{name: "2022年", rows: [][]any{{"姓名", "电话"}, {"甲", 13800000001}}},
		sheet{name: "说明", rows: [][]any{{"本表由秘书处维护"}}},
		sheet{name: "2023年", rows: [][]any{{"姓名", "电话"}, {"乙", 13800000002}, {"丙", 13800000003}}},
	)
	_, err := read(t, b, roster.Options{})
	if !data.IsCode(err, roster.CodeChooseSheet) || !strings.Contains(err.Error(), "2022年、2023年") ||
		!strings.Contains(err.Error(), "--sheet") {
		t.Fatalf("want a choose-sheet error listing both, got %v", err)
	}
	r, err := read(t, b, roster.Options{Sheet: "2023年"})
	if err != nil || len(r.Rows) != 2 {
		t.Fatalf("sheet 2023年: %v, %+v", err, r)
	}
	if _, err := read(t, b, roster.Options{Sheet: "说明"}); !data.IsCode(err, roster.CodeNoHeader) {
		t.Fatalf("sheet without header: %v", err)
	}
	if _, err := read(t, b, roster.Options{Sheet: "2024年"}); !data.IsCode(err, roster.CodeUnknownSheet) {
		t.Fatalf("missing sheet: %v", err)
	}
}

// Roster 8: the template: importing it adds nothing, and its sample row is
// a valid row once unmarked.
func TestTemplateRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := roster.WriteTemplate(&buf); err != nil {
		t.Fatal(err)
	}
	r := mustRead(t, buf.Bytes())
	if r.HeaderRow != 2 || len(r.Columns) != 12 || len(r.Notes) != 0 {
		t.Fatalf("template read as %+v", r)
	}
	s := datatest.MustOpen(t)
	rep := mustImport(t, s, r)
	if rep.Added != 0 || rep.Skipped != 1 || len(members(t, s)) != 0 {
		t.Fatalf("template import %+v", rep)
	}
	r.Rows[0].Skip = ""
	rep = mustImport(t, s, r)
	z := members(t, s)["张三"]
	if rep.Added != 1 || len(rep.Warnings) != 0 || !z.JoinDate.Equal(march5) || z.Phone != "13800000000" {
		t.Fatalf("sample row as data: %+v, %+v", rep, z)
	}
}

// Roster 9: a whole-column-shaped dup inside one file is refused.
func TestSameMemberTwiceInFile(t *testing.T) {
	b := book(t, sheet{name: "Sheet1", rows: [][]any{
		{"姓名", "电话"}, {"甲", 13800000001}, {"甲", "138-0000-0001"},
	}})
	_, err := datatest.MustOpen(t).ImportMembers(context.Background(), mustRead(t, b).Rows, false)
	if e, ok := data.AsError(err); !ok || e.Row != 3 || !strings.Contains(e.Msg, "第2行") {
		t.Fatalf("want row 3 reported as the same as row 2, got %v", err)
	}
}

func TestRefusals(t *testing.T) {
	good := book(t, sheet{name: "Sheet1", rows: [][]any{{"姓名", "电话"}, {"甲", 13800000001}}})
	tests := []struct {
		name string
		b    []byte
		opts roster.Options
		code string
	}{
		{"Text", []byte("姓名,电话\n甲,13800000001\n"), roster.Options{}, roster.CodeNotXLSX},
		{"Empty", nil, roster.Options{}, roster.CodeNotXLSX},
		{"OldXLS", []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0}, roster.Options{}, roster.CodeNotXLSX},
		{"ZipNotWorkbook", zipOf(t, "hello.txt", []byte("hi")), roster.Options{}, roster.CodeCorrupt},
		{"Truncated", good[:len(good)/2], roster.Options{}, roster.CodeCorrupt},
		{"OverSize", good, roster.Options{MaxBytes: 1000}, roster.CodeTooBig},
		{"ZipBombHeader", bombHeader(t), roster.Options{}, roster.CodeTooBig},
		{"ZipBombReal", bombReal(t, 8<<20), roster.Options{MaxUnzipBytes: 4 << 20}, roster.CodeTooBig},
		{"TooManyRows", good, roster.Options{MaxRows: 1}, roster.CodeTooBig},
		{"TooManyCells", good, roster.Options{MaxCells: 3}, roster.CodeTooBig},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := read(t, tt.b, tt.opts)
			if !data.IsCode(err, tt.code) || !roster.IsRefusal(err) {
				t.Fatalf("want %s, got %v", tt.code, err)
			}
			if e, _ := data.AsError(err); e.Msg == "" || e.Reason == "" {
				t.Fatalf("message should be Chinese + English: %+v", e)
			}
		})
	}
}

func zipOf(tb testing.TB, name string, content []byte) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create(name)
	if err != nil {
		tb.Fatal(err)
	}
	w.Write(content)
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// bombHeader is a tiny zip whose entry claims 1 TB uncompressed.
func bombHeader(tb testing.TB) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Store,
		CompressedSize64: 4, UncompressedSize64: 1 << 40})
	if err != nil {
		tb.Fatal(err)
	}
	w.Write([]byte("<x/>"))
	zw.Close()
	return buf.Bytes()
}

// bombReal is a workbook-shaped zip with a highly compressible sheet of n bytes.
func bombReal(tb testing.TB, n int) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		tb.Fatal(err)
	}
	w.Write(bytes.Repeat([]byte{' '}, n))
	zw.Close()
	return buf.Bytes()
}
