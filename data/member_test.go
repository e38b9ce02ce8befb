package data_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"chamberdesk/data"
	"chamberdesk/data/datatest"
)

// validCredit builds a credit code with a correct check character.
func validCredit(t testing.TB, first17 string) string {
	c, ok := data.CreditCodeCheckChar(first17)
	if !ok {
		t.Fatalf("bad code body %q", first17)
	}
	return first17 + string(c)
}

func countRows(t testing.TB, s *data.Store, table string) int {
	t.Helper()
	var n int
	if err := s.DB().QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestCreateMember(t *testing.T) {
	ctx := context.Background()
	good := validCredit(t, "91360123MA35A1B2C")

	t.Run("OK", func(t *testing.T) {
		s := datatest.MustOpen(t)
		id, warnings, err := s.CreateMember(ctx, data.Member{
			Name: " 王 喆 ", Company: "青禾建材有限公司", CreditCode: strings.ToLower(good),
			Phone: "138 1234 5678", Office: "副会长", Political: "中共党员",
			JoinDate: time.Date(2019, 5, 1, 0, 0, 0, 0, time.UTC),
		})
		// The space padded into the name goes, and says so.
		if err != nil || len(warnings) != 1 || warnings[0].Code != data.CodeNameSpaces || warnings[0].Value != "王 喆" {
			t.Fatalf("create: %v %v", warnings, err)
		}
		m, err := s.Member(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if m.Name != "王喆" || m.Kind != data.KindUnit || m.CreditCode != good || m.Phone != "13812345678" ||
			m.Status != data.StatusActive || m.CreditCodeFlag != "" {
			t.Fatalf("stored %+v", m)
		}
		hist, err := s.OfficeHistory(ctx, id)
		if err != nil || len(hist) != 1 || hist[0].Office != "副会长" || hist[0].From != "2019-05-01" {
			t.Fatalf("office history %+v %v", hist, err)
		}
	})

	t.Run("CheckCharacterWarningStillSaves", func(t *testing.T) {
		s := datatest.MustOpen(t)
		bad := good[:17] + "0"
		if bad == good {
			bad = good[:17] + "1"
		}
		id, warnings, err := s.CreateMember(ctx, data.Member{Name: "刘老板", Company: "试点企业", CreditCode: bad})
		if err != nil {
			t.Fatal(err)
		}
		if len(warnings) != 1 || !warnings[0].Warning {
			t.Fatalf("warnings = %v", warnings)
		}
		m, _ := s.Member(ctx, id)
		if m.CreditCode != bad || m.CreditCodeFlag == "" {
			t.Fatalf("flagged member stored as %+v", m)
		}
	})

	for _, tc := range []struct {
		name  string
		m     data.Member
		field string
	}{
		{"ErrPhone", data.Member{Name: "张三", Phone: "12345"}, "手机"},
		{"ErrIDNumber", data.Member{Name: "张三", IDNumber: "110105199001011234"}, "身份证"},
		{"ErrCreditLength", data.Member{Name: "张三", Company: "某厂", CreditCode: "91360123MA35A1B2"}, "统一社会信用代码"},
		{"ErrNoName", data.Member{Company: "某厂"}, "姓名"},
		{"ErrOffice", data.Member{Name: "张三", Office: "董事长"}, "商会职务"},
		{"ErrUnitWithoutCompany", data.Member{Name: "张三", Kind: data.KindUnit}, "企业名称"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := datatest.MustOpen(t)
			_, _, err := s.CreateMember(ctx, tc.m)
			if err == nil || !strings.Contains(err.Error(), tc.field) {
				t.Fatalf("err = %v; want a problem with %s", err, tc.field)
			}
			if strings.Contains(err.Error(), "110105199001011234") {
				t.Fatal("error message leaks the full ID number")
			}
			if n := countRows(t, s, "members"); n != 0 {
				t.Fatalf("%d members written after a refusal", n)
			}
			if n := countRows(t, s, "change_log"); n != 0 {
				t.Fatalf("%d change log rows after a refusal", n)
			}
		})
	}
}

func TestUpdateAndLeave(t *testing.T) {
	ctx := context.Background()
	s := datatest.MustOpen(t)
	id, _, err := s.CreateMember(ctx, data.Member{Name: "陈昇", Company: "安澜物流", Phone: "13800001234",
		IDNumber: idNumber(t, "36012319800101123"), Office: "理事", JoinDate: day(2018, 3, 1)})
	if err != nil {
		t.Fatal(err)
	}
	m, _ := s.Member(ctx, id)
	m.Office, m.Phone = "副会长", "13900005678"
	if _, err := s.UpdateMember(ctx, m); err != nil {
		t.Fatal(err)
	}
	if err := s.LeaveMember(ctx, id, day(2026, 2, 1), "企业迁出本镇"); err != nil {
		t.Fatal(err)
	}
	m, _ = s.Member(ctx, id)
	if m.Status != data.StatusLeft || !m.LeaveDate.Equal(day(2026, 2, 1)) || m.LeaveReason != "企业迁出本镇" {
		t.Fatalf("after leave: %+v", m)
	}
	if err := s.LeaveMember(ctx, id, day(2026, 3, 1), "again"); !data.IsCode(err, data.CodeConflict) {
		t.Fatalf("leaving twice: %v", err)
	}
	hist, _ := s.OfficeHistory(ctx, id)
	if len(hist) != 2 || hist[0].Office != "理事" || hist[0].To != "2026-03-15" ||
		hist[1].Office != "副会长" || hist[1].To != "2026-02-01" {
		t.Fatalf("office history %+v", hist)
	}

	t.Run("ChangeLog", func(t *testing.T) {
		changes, err := s.Changes(ctx, "member", id)
		if err != nil {
			t.Fatal(err)
		}
		if len(changes) != 3 {
			t.Fatalf("%d changes; want insert, update, update", len(changes))
		}
		if changes[2].Action != "insert" || changes[1].Action != "update" || changes[0].Action != "update" {
			t.Fatalf("actions %s %s %s", changes[2].Action, changes[1].Action, changes[0].Action)
		}
		if got := strings.Join(changes[1].ChangedFields(), ","); got != "office,phone" {
			t.Errorf("first update changed %s; want office,phone", got)
		}
		if got := strings.Join(changes[0].ChangedFields(), ","); got != "leave_date,leave_reason,status" {
			t.Errorf("leave changed %s", got)
		}
		for _, c := range changes {
			if c.Actor != "test" || c.At != "2026-03-15T09:30:00Z" {
				t.Errorf("change %d by %q at %q", c.ID, c.Actor, c.At)
			}
		}
		var all string
		s.DB().QueryRow("SELECT group_concat(detail) FROM change_log").Scan(&all)
		for _, secret := range []string{"13800001234", "13900005678", idNumber(t, "36012319800101123")} {
			if strings.Contains(all, secret) {
				t.Errorf("change log holds the full value %s", secret)
			}
		}
		if !strings.Contains(all, "139****5678") {
			t.Errorf("change log should hold the masked phone: %s", all)
		}
	})

	t.Run("UnchangedUpdateIsNotLogged", func(t *testing.T) {
		before := countRows(t, s, "change_log")
		m, _ := s.Member(ctx, id)
		if _, err := s.UpdateMember(ctx, m); err != nil {
			t.Fatal(err)
		}
		if countRows(t, s, "change_log") != before {
			t.Fatal("an update that changed nothing was logged")
		}
	})
}

// idNumber completes 17 digits with the GB 11643 check character.
func idNumber(t testing.TB, first17 string) string {
	t.Helper()
	w := []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, c := range first17 {
		sum += int(c-'0') * w[i]
	}
	return first17 + string("10X98765432"[sum%11])
}
