package xlsx

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"chamberdesk/data"
)

// bareWorkbook writes the annual workbook of sum with excelize alone, the
// way one would without this package: each sheet's cells built from the
// domain values in plain loops that measure column widths as they go, the
// same styles, widths, row heights, title, header, totals row and page
// setup, then one StreamWriter per sheet. benchWorkbooks checks that its
// sheets and styles come out byte for byte like Summary.Write's.
func bareWorkbook(sum *Summary, w io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := bareStyles(f)
	if err != nil {
		return err
	}
	title := func(what string) string { return sum.Org.Name + strconv.Itoa(sum.Year) + "年" + what }
	_ = f.SetDocProps(&excelize.DocProperties{Title: title("年度工作汇总"), Creator: "商会工作台 ChamberDesk", Language: "zh-CN"})
	sheets := []*bareSheet{bareRoster(sum, title("会员名册")), bareLedger(sum, title("活动台账")),
		bareFigures(sum, title("年度指标")), bareDues(sum, title("会费收缴")), bareBalance(sum.Balance, title("收支汇总"))}
	for i, s := range sheets {
		if err := s.write(f, st, i); err != nil {
			return err
		}
	}
	_, err = f.WriteTo(w)
	return err
}

// Style slots, in the order bareStyles makes them.
const (
	sText = iota
	sWrap
	sInt
	sMoney
	sNum
	sDate
	sPercent
	sKinds
)

type bareStyleIDs struct {
	title, header int
	cell, total   [sKinds]int
}

func bareStyles(f *excelize.File) (*bareStyleIDs, error) {
	var ids bareStyleIDs
	border := []excelize.Border{
		{Type: "left", Color: "808080", Style: 1}, {Type: "right", Color: "808080", Style: 1},
		{Type: "top", Color: "808080", Style: 1}, {Type: "bottom", Color: "808080", Style: 1},
	}
	dateFmt, moneyFmt := `yyyy"年"m"月"d"日"`, "0.00"
	mid := &excelize.Alignment{Vertical: "center"}
	styles := []struct {
		dst *int
		s   excelize.Style
	}{
		{&ids.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 16, Family: "宋体"},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}},
		{&ids.header, excelize.Style{Font: &excelize.Font{Bold: true, Size: 11, Family: "宋体"}, Border: border,
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
	}
	for _, bold := range []bool{false, true} {
		dst := &ids.cell
		if bold {
			dst = &ids.total
		}
		font := &excelize.Font{Bold: bold, Size: 11, Family: "宋体"}
		styles = append(styles, []struct {
			dst *int
			s   excelize.Style
		}{
			{&dst[sText], excelize.Style{Font: font, Border: border, Alignment: mid}},
			{&dst[sWrap], excelize.Style{Font: font, Border: border, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}},
			{&dst[sInt], excelize.Style{Font: font, Border: border, Alignment: mid, NumFmt: 1}},
			{&dst[sMoney], excelize.Style{Font: font, Border: border, Alignment: mid, CustomNumFmt: &moneyFmt}},
			{&dst[sNum], excelize.Style{Font: font, Border: border, Alignment: mid, NumFmt: 0}},
			{&dst[sDate], excelize.Style{Font: font, Border: border, Alignment: mid, CustomNumFmt: &dateFmt}},
			{&dst[sPercent], excelize.Style{Font: font, Border: border, Alignment: mid, NumFmt: 10}},
		}...)
	}
	for _, s := range styles {
		id, err := f.NewStyle(&s.s)
		if err != nil {
			return nil, err
		}
		*s.dst = id
	}
	return &ids, nil
}

// bareSheet is one sheet's cells, gathered before streaming because the
// column widths must be set before the first row.
type bareSheet struct {
	name, title string
	landscape   bool
	headers     []string
	styles      []int // style slot of each column
	rows        [][]any
	total       []any
	foot        [][]any // rows below the totals, plain
	widths      []int
}

func newBareSheet(name, title string, landscape bool, rows int, cols ...any) *bareSheet {
	s := &bareSheet{name: name, title: title, landscape: landscape, rows: make([][]any, 0, rows)}
	for i := 0; i < len(cols); i += 2 {
		h := cols[i].(string)
		s.headers, s.styles, s.widths = append(s.headers, h), append(s.styles, cols[i+1].(int)), append(s.widths, bareWidth(h))
	}
	return s
}

// add keeps a row, a blank for a zero date, and widens columns to fit it.
func (s *bareSheet) add(vals ...any) []any {
	for i, v := range vals {
		w := 0
		switch x := v.(type) {
		case string:
			w = bareWidth(x)
		case int:
			w = len(strconv.Itoa(x))
		case float64:
			if s.styles[i] == sPercent {
				w = len(strconv.FormatFloat(x*100, 'f', 2, 64)) + 1
			} else {
				w = len(strconv.FormatFloat(x, 'f', 2, 64))
			}
		case time.Time:
			if x.IsZero() {
				vals[i] = nil
			} else {
				w = 14 // 2026年12月31日
			}
		}
		s.widths[i] = max(s.widths[i], w)
	}
	return vals
}

// bareWidth counts a character from the CJK blocks on (U+2E80) as two cells
// and any other as one: curly quotes and the like are narrow.
func bareWidth(s string) int {
	w := 0
	for _, r := range s {
		if r >= 0x2E80 {
			w += 2
		} else {
			w++
		}
	}
	return w
}

func (s *bareSheet) colWidth(i int) float64 { return float64(min(max(s.widths[i]+2, 6), 50)) }

func bareRoster(sum *Summary, title string) *bareSheet {
	s := newBareSheet("会员名册", title, true, len(sum.Members),
		"序号", sInt, "姓名", sText, "会员类型", sText, "企业名称", sText, "统一社会信用代码", sText, "行业", sText,
		"性别", sText, "手机号码", sText, "身份证号码", sText, "政治面貌", sText, "商会职务", sText,
		"入会日期", sDate, "状态", sText, "退会日期", sDate, "备注", sWrap)
	for i, m := range sum.Members {
		phone, id := m.Phone, m.IDNumber
		if !sum.Full {
			phone, id = data.MaskPhone(phone), data.MaskIDNumber(id)
		}
		s.rows = append(s.rows, s.add(i+1, m.Name, m.Kind, m.Company, m.CreditCode, m.Industry, m.Gender, phone, id,
			m.Political, m.Office, m.JoinDate, m.Status, m.LeaveDate, m.Notes))
	}
	return s
}

func bareLedger(sum *Summary, title string) *bareSheet {
	s := newBareSheet("活动台账", title, true, len(sum.Activities),
		"序号", sInt, "日期", sDate, "类型", sText, "活动名称", sWrap, "地点", sText, "主办单位", sText,
		"参与会员数", sInt, "其他参与人次", sInt, "参与人次", sInt, "成效", sWrap, "照片数", sInt)
	for i, a := range sum.Activities {
		var outs []string
		for _, o := range a.Outcomes {
			m, ok := sum.Metrics[o.MetricKey]
			if !ok {
				m.Name = o.MetricKey
			}
			outs = append(outs, m.Name+" "+strconv.FormatFloat(o.Value, 'f', -1, 64)+m.Unit)
		}
		s.rows = append(s.rows, s.add(i+1, a.Date, a.Type, a.Title, a.Place, a.Organizer, len(a.Attendees),
			a.OutsideCount, len(a.Attendees)+a.OutsideCount, strings.Join(outs, "；"), sum.Photos[a.ID]))
	}
	return s
}

func bareFigures(sum *Summary, title string) *bareSheet {
	s := newBareSheet("年度指标", title, false, len(sum.Figures),
		"序号", sInt, "指标", sText, "数值", sNum, "单位", sText, "来源", sWrap)
	for i, f := range sum.Figures {
		var v any
		if f.Set {
			v = f.Value
		}
		s.rows = append(s.rows, s.add(i+1, f.Name, v, f.Unit, f.Source))
	}
	return s
}

func bareDues(sum *Summary, title string) *bareSheet {
	s := newBareSheet("会费收缴", title, true, len(sum.Dues),
		"序号", sInt, "姓名", sText, "企业名称", sText, "商会职务", sText, "应缴(元)", sMoney, "实缴(元)", sMoney,
		"缴费日期", sDate, "收据号", sText, "状态", sText, "备注", sWrap)
	var due, paid int64
	for i, l := range sum.Dues {
		due, paid = due+l.DueFen, paid+l.PaidFen
		status := "部分缴纳"
		switch {
		case l.DueFen == 0 && l.PaidFen == 0:
			status = "无应缴"
		case l.PaidFen >= l.DueFen:
			status = "已缴清"
		case l.PaidFen == 0:
			status = "未缴"
		}
		if l.Status == data.StatusLeft {
			status += "（已退会）"
		}
		s.rows = append(s.rows, s.add(i+1, l.Name, l.Company, l.Office, float64(l.DueFen)/100,
			float64(l.PaidFen)/100, l.PaidDate, l.ReceiptNo, status, l.Note))
	}
	note := ""
	if due > paid {
		note = "欠缴 " + data.FormatYuanPlain(due-paid) + " 元"
	}
	s.total = s.add(nil, "合计", fmt.Sprintf("共 %d 人", len(sum.Dues)), nil, float64(due)/100,
		float64(paid)/100, nil, nil, nil, note)
	return s
}

// bareBalance is the 收支汇总 sheet: income categories beside spending
// ones, their totals, then the balance rows.
func bareBalance(b data.LedgerBalance, title string) *bareSheet {
	s := newBareSheet("收支汇总", title, false, len(b.ByCategory),
		"收入科目", sText, "笔数", sInt, "收入金额(元)", sMoney, "支出科目", sText, "笔数", sInt, "支出金额(元)", sMoney)
	var in, out []any
	nIn, nOut := 0, 0
	for _, c := range b.ByCategory {
		cell := []any{c.Category, c.Count, float64(c.Fen) / 100}
		if c.Kind == data.KindIncome {
			in, nIn = append(in, cell...), nIn+c.Count
		} else {
			out, nOut = append(out, cell...), nOut+c.Count
		}
	}
	for i := 0; i < len(in) || i < len(out); i += 3 {
		row := make([]any, 6)
		if i < len(in) {
			copy(row, in[i:i+3])
		}
		if i < len(out) {
			copy(row[3:], out[i:i+3])
		}
		s.rows = append(s.rows, s.add(row...))
	}
	s.total = s.add("收入合计", nIn, float64(b.IncomeFen)/100, "支出合计", nOut, float64(b.SpendingFen)/100)
	opening := "上年结转"
	if b.OpeningSet {
		opening = "本年录入"
		if b.OpeningSet && b.Prior && b.CarriedFen != b.OpeningFen {
			opening += "（上年结转 " + data.FormatYuanPlain(b.CarriedFen) + " 元）"
		}
	}
	closed := "未结账"
	if b.Closed {
		closed = "已结账"
		if at, err := time.Parse(time.RFC3339, b.ClosedAt); err == nil {
			closed += "（" + data.FormatDateCN(at.Local()) + "）"
		}
	}
	s.foot = [][]any{
		s.add("年初余额", nil, float64(b.OpeningFen)/100, opening, nil, nil),
		s.add("本年收入", nIn, float64(b.IncomeFen)/100, nil, nil, nil),
		s.add("本年支出", nOut, float64(b.SpendingFen)/100, nil, nil, nil),
		s.add("年末余额", nil, float64(b.ClosingFen)/100, "年初余额＋本年收入－本年支出", nil, nil),
		s.add("结账状态", nil, nil, closed, nil, nil),
	}
	return s
}

func (s *bareSheet) write(f *excelize.File, st *bareStyleIDs, n int) error {
	if n == 0 {
		if err := f.SetSheetName(f.GetSheetName(0), s.name); err != nil {
			return err
		}
	} else if _, err := f.NewSheet(s.name); err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(len(s.headers))
	if err := s.pageSetup(f, last); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(s.name)
	if err != nil {
		return err
	}
	for i := range s.headers {
		if err := sw.SetColWidth(i+1, i+1, s.colWidth(i)); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: st.title, Value: s.title}}, excelize.RowOpts{Height: 30}); err != nil {
		return err
	}
	if err := sw.MergeCell("A1", last+"1"); err != nil {
		return err
	}
	row := make([]any, len(s.headers))
	for i, h := range s.headers {
		row[i] = excelize.Cell{StyleID: st.header, Value: h}
	}
	if err := sw.SetRow("A2", row, excelize.RowOpts{Height: 24}); err != nil {
		return err
	}
	r := 3
	for _, vals := range s.rows {
		if err := s.writeRow(sw, r, vals, &st.cell, row); err != nil {
			return err
		}
		r++
	}
	if s.total != nil {
		if err := s.writeRow(sw, r, s.total, &st.total, row); err != nil {
			return err
		}
		r++
	}
	for _, vals := range s.foot {
		if err := s.writeRow(sw, r, vals, &st.cell, row); err != nil {
			return err
		}
		r++
	}
	return sw.Flush()
}

// writeRow streams one row, taller when wrapped text needs more lines:
// Excel and WPS do not grow a row for text a program wrote.
func (s *bareSheet) writeRow(sw *excelize.StreamWriter, r int, vals []any, styles *[sKinds]int, row []any) error {
	lines := 1
	for i, v := range vals {
		row[i] = excelize.Cell{StyleID: styles[s.styles[i]], Value: v}
		if text, ok := v.(string); ok && s.styles[i] == sWrap {
			width := int(s.colWidth(i)) - 1
			n, w := 1, 0
			for _, c := range text {
				if c == '\n' {
					n, w = n+1, 0
					continue
				}
				cw := 1
				if c >= 0x2E80 {
					cw = 2
				}
				if w+cw > width {
					n, w = n+1, 0
				}
				w += cw
			}
			lines = max(lines, n)
		}
	}
	cell, _ := excelize.CoordinatesToCellName(1, r)
	if lines > 1 {
		return sw.SetRow(cell, row, excelize.RowOpts{Height: float64(min(lines, 27)) * 14.5})
	}
	return sw.SetRow(cell, row)
}

func (s *bareSheet) pageSetup(f *excelize.File, last string) error {
	if err := f.AutoFilter(s.name, fmt.Sprintf("A2:%s%d", last, 2+len(s.rows)), nil); err != nil {
		return err
	}
	a4, fit, tall, orient := 9, 1, 0, "portrait"
	if s.landscape {
		orient = "landscape"
	}
	if err := f.SetPageLayout(s.name, &excelize.PageLayoutOptions{Size: &a4, Orientation: &orient,
		FitToWidth: &fit, FitToHeight: &tall}); err != nil {
		return err
	}
	yes := true
	if err := f.SetSheetProps(s.name, &excelize.SheetPropsOptions{FitToPage: &yes}); err != nil {
		return err
	}
	side, top, hf := 0.5, 0.75, 0.3
	if err := f.SetPageMargins(s.name, &excelize.PageLayoutMarginsOptions{Left: &side, Right: &side,
		Top: &top, Bottom: &top, Header: &hf, Footer: &hf, Horizontally: &yes}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(s.name, &excelize.HeaderFooterOptions{OddFooter: "&C第 &P 页 共 &N 页"}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles",
		RefersTo: fmt.Sprintf("'%s'!$2:$2", s.name), Scope: s.name})
}
