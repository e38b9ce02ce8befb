package docx_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"chamberdesk/data"
	"chamberdesk/report/docx"
	"chamberdesk/report/docx/docxtest"

	"chamberdesk/data/datatest"
)

func sample() docx.CaseDoc {
	return docx.CaseDoc{
		Org: data.Organization{Name: "测试镇商会", Type: "镇街商会", Region: "江州市安澜区测试镇",
			ParentFederation: "安澜区工商联"},
		Case: data.Case{
			Year: 2026, Category: "镇街商会工作", Level: data.LevelBest,
			Title:         "测试镇商会：“课堂+车间” <双线> 服务 & 发展",
			Lead:          "导语第一段，累计办班87期。\n\n导语第二段\x01带一个控制字符。",
			Practices:     "一是党建引领。\n二是\t培训下沉，覆盖13200余人次。",
			Results:       "签约项目30多个，投资额近650亿元。\r\n新增会员12家\uFFFE。",
			ContactPerson: "王秘书", ContactOffice: "秘书长", ContactPhone: "13800000000",
			RecommenderOpinion: "同意推荐。",
		},
		Created: time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC),
	}
}

func write(t *testing.T, doc docx.CaseDoc) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := docx.WriteCase(&buf, doc); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestParts checks that every part is well-formed XML and the parts Word
// needs are present.
func TestParts(t *testing.T) {
	b := write(t, sample())
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"[Content_Types].xml": false, "_rels/.rels": false, "word/document.xml": false,
		"word/styles.xml": false, "word/_rels/document.xml.rels": false, "docProps/core.xml": false,
		"docProps/app.xml": false}
	var doc string
	for _, f := range zr.File {
		want[f.Name] = true
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		d := xml.NewDecoder(bytes.NewReader(body))
		for {
			if _, err := d.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("%s is not well-formed XML: %v", f.Name, err)
			}
		}
		if f.Name == "word/document.xml" {
			doc = string(body)
		}
	}
	for name, ok := range want {
		if !ok {
			t.Errorf("part %s missing", name)
		}
	}
	for _, s := range []string{`w:w="11906"`, `w:h="16838"`, "&lt;双线&gt;", "&amp;", "<w:tab/>"} {
		if !strings.Contains(doc, s) {
			t.Errorf("document.xml lacks %q", s)
		}
	}
	if strings.ContainsAny(doc, "\x01\uFFFE") {
		t.Error("characters invalid in XML 1.0 were written")
	}
}

func TestSameBytes(t *testing.T) {
	if !bytes.Equal(write(t, sample()), write(t, sample())) {
		t.Fatal("the same case wrote different bytes")
	}
}

// TestLibreOffice opens the document in LibreOffice and finds the form, the
// title, the headings and the figures.
func TestLibreOffice(t *testing.T) {
	path := filepath.Join(datatest.TempDir(t), "申报书.docx")
	if err := os.WriteFile(path, write(t, sample()), 0o644); err != nil {
		t.Fatal(err)
	}
	text := docxtest.Text(t, path)
	for _, want := range []string{
		"2026年度“创新中国”工商联（商会）工作案例申报书",
		"申报单位", "测试镇商会", "单位类别", "镇街商会", "推荐单位", "安澜区工商联", "推荐单位意见", "同意推荐。",
		"测试镇商会：“课堂+车间” <双线> 服务 & 发展",
		"一、主要做法", "二、主要成效", "累计办班87期", "13200余人次", "近650亿元", "新增会员12家",
		"导语第二段带一个控制字符。",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("LibreOffice text lacks %q", want)
		}
	}
	if t.Failed() {
		t.Logf("text:\n%s", text)
	}
}

func TestParagraphs(t *testing.T) {
	got := docx.Paragraphs(" 一 \r\n\n二\n  \n三")
	if strings.Join(got, "|") != "一|二|三" {
		t.Fatalf("%q", got)
	}
}
