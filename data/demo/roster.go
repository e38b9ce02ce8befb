package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"chamberdesk/data"
)

// FillRoster writes an organization and n made-up members, the same ones
// for the same n, inside one transaction: the large roster that the
// members-screen benchmarks and `make bench-gui` measure.
func FillRoster(ctx context.Context, s *data.Store, n int) error {
	return s.InTx(ctx, func(ctx context.Context) error {
		if _, err := s.SaveOrganization(ctx, data.Organization{Name: "测试镇商会", Type: "镇街商会"}); err != nil {
			return err
		}
		family := []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢")
		given := []rune("国华明建军海文平志伟芳丽英秀兰春玉红燕敏静强磊涛斌杰勇峰辉刚鹏婷")
		trades := []string{"建材", "商贸物流", "农产品加工", "机械制造", "餐饮住宿", "电子信息", "种养殖"}
		r := rand.New(rand.NewPCG(7, 11))
		for i := range n {
			name := string(family[r.IntN(len(family))]) + string(given[r.IntN(len(given))])
			if r.IntN(3) > 0 {
				name += string(given[r.IntN(len(given))])
			}
			m := data.Member{Name: name, Phone: fmt.Sprintf("13%d%08d", 6+r.IntN(4), i),
				Office:    data.Offices[min(r.IntN(40), len(data.Offices)-1)],
				Political: data.PoliticalStatuses[r.IntN(len(data.PoliticalStatuses))],
				JoinDate:  time.Date(2012+r.IntN(14), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)}
			if r.IntN(4) > 0 {
				m.Industry = trades[r.IntN(len(trades))]
				m.Company = "江州市青禾" + string(given[r.IntN(len(given))]) + m.Industry + fmt.Sprintf("%d有限公司", i)
			}
			if _, _, err := s.CreateMember(ctx, m); err != nil {
				return err
			}
		}
		return nil
	})
}
