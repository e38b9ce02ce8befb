package xlsx

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"chamberdesk/data"
)

// Summary is what the annual workbook shows, read from the store in one go
// so writing it (which may be slow for a big year) holds no database
// connection.
type Summary struct {
	Org        data.Organization
	Year       int
	Full       bool          // phones and ID numbers whole on the roster sheet
	Members    []data.Member // members who belonged during the year
	Activities []data.Activity
	Photos     map[int64]int
	Metrics    map[string]data.Metric
	Figures    []data.Figure
	Dues       []data.DuesLine
	Balance    data.LedgerBalance // the year's accounts, for the 收支汇总 sheet
}

// LoadSummary reads a year's annual workbook from the store.
func LoadSummary(ctx context.Context, s *data.Store, year int) (*Summary, error) {
	if err := checkYear(year); err != nil {
		return nil, err
	}
	sum := &Summary{Year: year}
	var err error
	if sum.Org, err = s.Organization(ctx); err != nil {
		return nil, err
	}
	ms, err := s.Members(ctx)
	if err != nil {
		return nil, err
	}
	for _, m := range ms {
		if memberDuring(m, year) {
			sum.Members = append(sum.Members, m)
		}
	}
	if sum.Activities, err = s.Activities(ctx, year); err != nil {
		return nil, err
	}
	if sum.Photos, sum.Metrics, err = ledgerBasics(ctx, s, sum.Activities); err != nil {
		return nil, err
	}
	if sum.Figures, err = s.Figures(ctx, year); err != nil {
		return nil, err
	}
	if sum.Dues, err = s.DuesSheet(ctx, year); err != nil {
		return nil, err
	}
	if sum.Balance, err = s.LedgerBalance(ctx, year); err != nil {
		return nil, err
	}
	return sum, nil
}

// memberDuring applies the dues sheet's rule for belonging to the chamber
// during a year: joined by 31 December (or join date unknown), and still a
// member or left on 1 January or later.
func memberDuring(m data.Member, year int) bool {
	if !m.JoinDate.IsZero() && m.JoinDate.Year() > year {
		return false
	}
	return m.Status == data.StatusActive || (!m.LeaveDate.IsZero() && m.LeaveDate.Year() >= year)
}

// WriteSummary writes a year's annual workbook.
func WriteSummary(ctx context.Context, s *data.Store, year int, full bool, w io.Writer) error {
	sum, err := LoadSummary(ctx, s, year)
	if err != nil {
		return err
	}
	sum.Full = full
	return sum.Write(w)
}

// Write writes the workbook: 会员名册, 活动台账, 年度指标, 会费收缴 and 收支汇总.
func (sum *Summary) Write(w io.Writer) error {
	b, err := newBook(sum.title("年度工作汇总"))
	if err != nil {
		return err
	}
	defer b.close()
	for _, t := range sum.tables() {
		if err := b.write(t); err != nil {
			return err
		}
	}
	return b.finish(w)
}

func (sum *Summary) tables() []*table {
	return []*table{
		rosterTable("会员名册", sum.title("会员名册"), sum.Members, sum.Full),
		sum.ledger(), sum.figures(), sum.dues(), balanceTable(sum.title("收支汇总"), sum.Balance),
	}
}

func (sum *Summary) title(what string) string {
	return fmt.Sprintf("%s%d年%s", sum.Org.Name, sum.Year, what)
}

func (sum *Summary) ledger() *table {
	t := newTable("活动台账", sum.title("活动台账"), true,
		column{"序号", kInt}, column{"日期", kDate}, column{"类型", kText}, column{"活动名称", kWrap},
		column{"地点", kText}, column{"主办单位", kText}, column{"参与会员数", kInt},
		column{"其他参与人次", kInt}, column{"参与人次", kInt}, column{"成效", kWrap}, column{"照片数", kInt})
	t.rows = make([][]any, 0, len(sum.Activities))
	for i := range sum.Activities {
		a := &sum.Activities[i]
		t.add(i+1, a.Date, a.Type, a.Title, a.Place, a.Organizer, len(a.Attendees),
			a.OutsideCount, a.PersonTimes(), sum.outcomes(a.Outcomes), sum.Photos[a.ID])
	}
	return t
}

// outcomes writes an activity's figures the way a ledger states them:
// "签约项目数 3个；投资额 1.2亿元".
func (sum *Summary) outcomes(outs []data.Outcome) string {
	if len(outs) == 0 {
		return ""
	}
	var sb strings.Builder
	for i, o := range outs {
		if i > 0 {
			sb.WriteString("；")
		}
		m, ok := sum.Metrics[o.MetricKey]
		if !ok {
			m = data.Metric{Name: o.MetricKey}
		}
		sb.WriteString(m.Name)
		sb.WriteByte(' ')
		sb.WriteString(strconv.FormatFloat(o.Value, 'f', -1, 64))
		sb.WriteString(m.Unit)
	}
	return sb.String()
}

func (sum *Summary) figures() *table {
	t := newTable("年度指标", sum.title("年度指标"), false,
		column{"序号", kInt}, column{"指标", kText}, column{"数值", kNum}, column{"单位", kText}, column{"来源", kWrap})
	for i, f := range sum.Figures {
		var v any
		if f.Set {
			v = f.Value
		}
		t.add(i+1, f.Name, v, f.Unit, f.Source)
	}
	return t
}

func (sum *Summary) dues() *table {
	t := newTable("会费收缴", sum.title("会费收缴"), true,
		column{"序号", kInt}, column{"姓名", kText}, column{"企业名称", kText}, column{"商会职务", kText},
		column{"应缴(元)", kMoney}, column{"实缴(元)", kMoney}, column{"缴费日期", kDate},
		column{"收据号", kText}, column{"状态", kText}, column{"备注", kWrap})
	var due, paid int64
	for i, l := range sum.Dues {
		due += l.DueFen
		paid += l.PaidFen
		t.add(i+1, l.Name, l.Company, l.Office, yuan(l.DueFen), yuan(l.PaidFen), l.PaidDate,
			l.ReceiptNo, duesStatus(l), l.Note)
	}
	note := ""
	if due > paid {
		note = "欠缴 " + data.FormatYuanPlain(due-paid) + " 元"
	}
	t.setTotal(nil, "合计", fmt.Sprintf("共 %d 人", len(sum.Dues)), nil, yuan(due), yuan(paid), nil, nil, nil, note)
	return t
}

// yuan turns fen into a number of yuan for a money cell; the cell's format
// shows the two decimals.
func yuan(fen int64) float64 { return float64(fen) / 100 }

func duesStatus(l data.DuesLine) string {
	var s string
	switch {
	case l.DueFen == 0 && l.PaidFen == 0:
		s = "无应缴"
	case l.PaidFen >= l.DueFen:
		s = "已缴清"
	case l.PaidFen == 0:
		s = "未缴"
	default:
		s = "部分缴纳"
	}
	if l.Status == data.StatusLeft {
		s += "（已退会）"
	}
	return s
}

// ledgerBasics puts activities in the order they happened (the store lists
// newest first) and reads what every ledger row needs besides them: the
// photo count of each activity and the metrics by key.
func ledgerBasics(ctx context.Context, s *data.Store, acts []data.Activity) (map[int64]int, map[string]data.Metric, error) {
	slices.SortStableFunc(acts, func(a, b data.Activity) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.ID, b.ID))
	})
	photos, err := s.PhotoCounts(ctx)
	if err != nil {
		return nil, nil, err
	}
	list, err := s.Metrics(ctx)
	if err != nil {
		return nil, nil, err
	}
	metrics := make(map[string]data.Metric, len(list))
	for _, m := range list {
		metrics[m.Key] = m
	}
	return photos, metrics, nil
}
