package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"chamberdesk/data"
	"chamberdesk/data/datatest"
	"chamberdesk/data/demo"
	"chamberdesk/report/docx/docxtest"
)

// plannedAssembly plans the demo chamber's next 会员大会 with its notice and
// returns the data file and the activity id.
func plannedAssembly(t *testing.T) (string, int64) {
	t.Helper()
	ctx := context.Background()
	db := filepath.Join(datatest.TempDir(t), "demo.db")
	s, err := data.Open(ctx, db, data.OpenOptions{Create: true, Actor: "test", Now: func() time.Time { return demo.Clock }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := demo.Fill(ctx, s); err != nil {
		t.Fatal(err)
	}
	id, err := s.CreateActivity(ctx, data.Activity{Title: "第四届会员大会第一次会议", Type: "会员大会", Planned: true,
		Date: time.Date(2026, 12, 18, 0, 0, 0, 0, time.UTC), StartTime: "14:30", Place: "镇商贸中心三楼会议室",
		Agenda: "审议2026年度工作报告\n审议2026年度财务收支情况报告\n选举产生第四届理事会、监事会"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveActivityNotice(ctx, data.Notice{ActivityID: id, DocNo: "青禾商发〔2026〕12号",
		Bring: "本人身份证\n会员证", ReplyBy: time.Date(2026, 12, 15, 0, 0, 0, 0, time.UTC),
		Contact: "宓秋禾", ContactPhone: "0571-86001234", Issued: time.Date(2026, 12, 8, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	return db, id
}

// TestNoticeText checks the WeChat text line by line.
func TestNoticeText(t *testing.T) {
	db, id := plannedAssembly(t)
	got := mustCtl(t, "--db", db, "notice", "--activity", fmt.Sprint(id), "--text")
	want := []string{
		"【会议通知】关于召开第四届会员大会第一次会议的通知",
		"",
		"各位会员：",
		"经研究，定于2026年12月18日（星期五）14:30在镇商贸中心三楼会议室召开第四届会员大会第一次会议。现将有关事项通知如下：",
		"",
		"时间：2026年12月18日（星期五）14:30",
		"地点：镇商贸中心三楼会议室",
		"参加人员：全体会员",
		"议程：",
		"1. 审议2026年度工作报告",
		"2. 审议2026年度财务收支情况报告",
		"3. 选举产生第四届理事会、监事会",
		"请携带：本人身份证、会员证。",
		"请于2026年12月15日（星期二）前将回执报商会秘书处，以便安排会务。",
		"联系人：宓秋禾，电话：0571-86001234",
		"",
		demo.OrgName(),
		"2026年12月8日",
	}
	lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	for i := range max(len(lines), len(want)) {
		var g, w string
		if i < len(lines) {
			g = lines[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			t.Errorf("line %d: %q, want %q", i+1, g, w)
		}
	}
	if strings.ContainsAny(got, "*#<>`") {
		t.Errorf("the text carries markup: %q", got)
	}
}

// TestNoticeFiles writes the notice as .docx and .pdf and reads both back
// with LibreOffice and pdftotext.
func TestNoticeFiles(t *testing.T) {
	db, id := plannedAssembly(t)
	dir := datatest.TempDir(t)
	wants := []string{"青禾商发〔2026〕12号", "关于召开第四届会员大会第一次会议的通知", "2026年12月18日（星期五）14:30",
		"镇商贸中心三楼会议室", "审议2026年度工作报告", "审议2026年度财务收支情况报告", "选举产生第四届理事会、监事会",
		"回执", "单位名称", "是否参加", demo.OrgName()}
	docxPath := filepath.Join(dir, "会议通知.docx")
	mustCtl(t, "--db", db, "notice", "--activity", fmt.Sprint(id), "--out", docxPath)
	text := docxtest.Text(t, docxPath)
	for _, w := range wants {
		if !strings.Contains(strings.ReplaceAll(text, "　", ""), w) {
			t.Errorf("the .docx read by LibreOffice lacks %q", w)
		}
	}
	pdfPath := filepath.Join(dir, "会议通知.pdf")
	if keep := os.Getenv("NOTICE_DIR"); keep != "" {
		pdfPath = filepath.Join(keep, "会议通知.pdf")
	}
	mustCtl(t, "--db", db, "notice", "--activity", fmt.Sprint(id), "--out", pdfPath)
	bin := datatest.NeedTool(t, "pdftotext", "poppler-utils")
	out, err := exec.Command(bin, "-enc", "UTF-8", pdfPath, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	squeezed := strings.Join(strings.Fields(string(out)), "")
	for _, w := range wants {
		if !strings.Contains(squeezed, strings.ReplaceAll(w, " ", "")) {
			t.Errorf("the PDF read by pdftotext lacks %q", w)
		}
	}
	if pages := strings.Count(string(out), "\f"); pages != 1 {
		t.Errorf("the notice runs to %d pages, want 1", pages)
	}
	code, _, _ := ctl(t, "--db", db, "notice", "--activity", fmt.Sprint(id), "--out", filepath.Join(dir, "x.txt"))
	if code != exitUsage {
		t.Errorf("a .txt output: exit %d", code)
	}
}
