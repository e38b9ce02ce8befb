package main

import (
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"chamberdesk/data"
	"chamberdesk/report/xlsx/xlsxtest"
)

// personal reads every full phone and ID number of the demo's members.
func personal(t *testing.T, db string) []string {
	t.Helper()
	out := column(t, db, "SELECT phone FROM members WHERE phone <> '' UNION SELECT id_number FROM members WHERE id_number <> ''")
	if len(out) < 50 {
		t.Fatalf("the demo has only %d phones and ID numbers", len(out))
	}
	return out
}

// caseContacts are the contact phones typed into the cases.
func caseContacts(t *testing.T, db string) []string {
	t.Helper()
	return column(t, db, "SELECT contact_phone FROM cases")
}

// column reads the one text column query selects, opening db read-only.
func column(t *testing.T, db, query string) []string {
	t.Helper()
	conn, err := sql.Open("sqlite", "file://"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	rows, err := conn.Query(query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// xlsxText is every cell of a workbook as openpyxl reads it, one a line.
func xlsxText(t *testing.T, path string) string {
	t.Helper()
	var b strings.Builder
	for _, sh := range xlsxtest.Read(t, path).Sheets {
		for _, row := range sh.Rows {
			for _, c := range row {
				if s, ok := c.V.(string); ok {
					b.WriteString(s)
				}
				b.WriteString("\t")
			}
			b.WriteString("\n")
		}
	}
	return b.String()
}

func pdfText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext (poppler-utils) is missing")
		}
		t.Skip("pdftotext not installed")
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// leaks lists the full values found in text.
func leaks(text string, values []string) []string {
	var out []string
	for _, v := range values {
		if strings.Contains(text, v) {
			out = append(out, v)
		}
	}
	return out
}

// TestExportsMaskPersonalData greps every export and print of the demo for
// a full phone or ID number: none may appear without --full, and with
// --full they do (so the grep can find them).
func TestExportsMaskPersonalData(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	mustCtl(t, "--db", db, "demo")
	values := personal(t, db)
	out := func(name string) string { return filepath.Join(dir, name) }

	masked := map[string]func() string{
		"members export": func() string {
			mustCtl(t, "--db", db, "members", "export", "--out", out("名册.xlsx"))
			return xlsxText(t, out("名册.xlsx"))
		},
		"summary 2025": func() string {
			mustCtl(t, "--db", db, "summary", "--year", "2025", "--out", out("2025.xlsx"))
			return xlsxText(t, out("2025.xlsx"))
		},
		"summary 2026": func() string {
			mustCtl(t, "--db", db, "summary", "--year", "2026", "--out", out("2026.xlsx"))
			return xlsxText(t, out("2026.xlsx"))
		},
		"award-summary": func() string {
			mustCtl(t, "--db", db, "award-summary", "--year", "2026", "--out", out("申报.xlsx"))
			return xlsxText(t, out("申报.xlsx"))
		},
		"members list": func() string {
			return mustCtl(t, "--db", db, "members", "list") + mustCtl(t, "--db", db, "members", "list", "--json")
		},
		"print ledger": func() string {
			mustCtl(t, "--db", db, "print", "ledger", "--year", "2025", "--out", out("台账.pdf"))
			return pdfText(t, out("台账.pdf"))
		},
		"print signin": func() string {
			mustCtl(t, "--db", db, "print", "signin", "--activity", "1", "--out", out("签到.pdf"))
			return pdfText(t, out("签到.pdf"))
		},
		"print activity": func() string {
			mustCtl(t, "--db", db, "print", "activity", "--id", "1", "--out", out("简报.pdf"))
			return pdfText(t, out("简报.pdf"))
		},
	}
	// The award summary table is the form the award office fills in from:
	// its 联系电话 is the case's contact, given so the office can call, and
	// is written as entered in the case. Every other number must be masked.
	contacts := map[string]bool{}
	for _, v := range caseContacts(t, db) {
		contacts[v] = true
	}
	for name, produce := range masked {
		t.Run(name, func(t *testing.T) {
			check := values
			if name == "award-summary" {
				check = nil
				for _, v := range values {
					if !contacts[v] {
						check = append(check, v)
					}
				}
			}
			if l := leaks(produce(), check); len(l) > 0 {
				t.Errorf("%d full phones or ID numbers, e.g. %s", len(l), data.MaskPhone(l[0]))
			}
		})
	}
	t.Run("with --full they are there", func(t *testing.T) {
		mustCtl(t, "--db", db, "members", "export", "--full", "--out", out("完整.xlsx"))
		if l := leaks(xlsxText(t, out("完整.xlsx")), values); len(l) == 0 {
			t.Fatal("the full export holds no phone or ID number: the grep above proves nothing")
		}
	})
}

// TestErrorsMaskPersonalData runs commands that fail on a bad phone or ID
// number: what they print names the value masked, never in full.
func TestErrorsMaskPersonalData(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "org.db")
	mustCtl(t, "--db", db, "init", "--name", "青禾镇商会")
	badPhone := "12812345678"      // 11 digits, no such mobile prefix
	badID := "110105194912310022"  // wrong check digit
	badID2 := "11010519491231002Y" // not a digit at all
	roster := filepath.Join(dir, "名册.xlsx")
	writeBook(t, roster, map[string][][]any{"Sheet1": {
		{"姓名", "联系电话", "身份证号"},
		{"张三", badPhone, "110105194912310021"},
		{"李四", "13912340001", badID},
		{"王五", "13912340002", badID2},
	}})
	runs := [][]string{
		{"members", "add", "--name", "赵六", "--phone", badPhone},
		{"members", "add", "--name", "赵六", "--id-number", badID},
		{"members", "add", "--name", "赵六", "--id-number", badID2},
		{"members", "import", roster},
		{"members", "import", roster, "--dry-run"},
	}
	for _, args := range runs {
		code, stdout, stderr := ctl(t, append([]string{"--db", db}, args...)...)
		if code == 0 {
			t.Errorf("%v succeeded", args)
		}
		all := stdout + stderr
		for _, v := range []string{badPhone, badID, badID2, "13912340001", "13912340002", "110105194912310021"} {
			if strings.Contains(all, v) {
				t.Errorf("%v printed %s in full:\n%s", args, data.MaskIDNumber(v), all)
			}
		}
		if !strings.Contains(all, data.MaskPhone(badPhone)) && !strings.Contains(all, data.MaskIDNumber(badID)) &&
			!strings.Contains(all, data.MaskIDNumber(badID2)) {
			t.Errorf("%v does not say which value is wrong:\n%s", args, all)
		}
	}
}
