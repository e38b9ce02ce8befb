package roster

import (
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"chamberdesk/data"
)

// templateColumn is one column of the blank roster we hand out.
type templateColumn struct {
	header string
	width  float64 // in Excel character units; a Chinese character takes about two
	sample any
}

// sampleCreditCode is a fictional credit code with a correct check character,
// so the sample row passes validation as a real row would.
func sampleCreditCode() string {
	const first17 = "91330000MA27XK3Q0"
	c, _ := data.CreditCodeCheckChar(first17)
	return first17 + string(c)
}

func templateColumns() []templateColumn {
	return []templateColumn{
		{"序号", 8, "示例"},
		{"会员类型", 12, data.KindUnit},
		{"企业名称", 30, "青禾示例建材有限公司"},
		{"统一社会信用代码", 22, sampleCreditCode()},
		{"姓名", 10, "张三"},
		{"性别", 6, "男"},
		{"身份证号码", 22, ""},
		{"联系电话", 15, "13800000000"},
		{"政治面貌", 12, "群众"},
		{"商会职务", 12, "会员"},
		{"所属行业", 14, "建筑材料"},
		{"入会日期", 13, time.Date(2021, 3, 5, 0, 0, 0, 0, time.UTC)},
		{"备注", 36, "示例行：导入时自动跳过，可删除"},
	}
}

// WriteTemplate writes an empty roster with our headers and one sample row,
// marked 示例 in the 序号 column so importing the template adds nothing.
func WriteTemplate(w io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "会员名册"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	cols := templateColumns()
	last := colName(len(cols) - 1)
	title, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 16},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	head, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	text, _ := f.NewStyle(&excelize.Style{NumFmt: 49}) // "@": phones and codes stay text
	date, _ := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd")})
	sample, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Color: "808080", Italic: true}, NumFmt: 49})
	sampleDate, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Color: "808080", Italic: true},
		CustomNumFmt: ptr("yyyy-mm-dd")})

	steps := []func() error{
		func() error { return f.SetCellValue(sheet, "A1", "商会会员名册（导入模板）") },
		func() error { return f.MergeCell(sheet, "A1", last+"1") },
		func() error { return f.SetCellStyle(sheet, "A1", last+"1", title) },
		func() error { return f.SetRowHeight(sheet, 1, 28) },
		func() error { return f.SetCellStyle(sheet, "A2", last+"2", head) },
		func() error { return f.SetColStyle(sheet, "A:"+last, text) },
		func() error {
			return f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"})
		},
	}
	for i, c := range cols {
		letter := colName(i)
		steps = append(steps,
			func() error { return f.SetCellValue(sheet, letter+"2", c.header) },
			func() error { return f.SetColWidth(sheet, letter, letter, c.width) },
			func() error { return f.SetCellValue(sheet, letter+"3", c.sample) },
		)
		st := sample
		if _, isDate := c.sample.(time.Time); isDate {
			st = sampleDate
			steps = append(steps, func() error { return f.SetColStyle(sheet, letter, date) })
		}
		steps = append(steps, func() error { return f.SetCellStyle(sheet, letter+"3", letter+"3", st) })
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	_, err := f.WriteTo(w)
	return err
}

func ptr[T any](v T) *T { return &v }
