package xlsx_test

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"chamberdesk/data"
	"chamberdesk/report/xlsx"
	"chamberdesk/report/xlsx/xlsxtest"
)

// hostileTexts look like formulas to a spreadsheet: typed by a person as a
// note ("=1+1", "-其他"), pasted from elsewhere ("+86…", "@…"), or planted
// to run when the export is opened (=HYPERLINK, =cmd|…).
var hostileTexts = []string{
	`=HYPERLINK("http://example.invalid/","点此领取")`,
	"+86 571 8888 0000",
	"-其他类",
	"@SUM(1,2)",
	"=cmd|' /C calc'!A0",
}

// TestHostileTextNeverAFormula writes text starting with =, +, - and @ into
// every text field that reaches an export, writes every workbook, and reads
// each back with openpyxl: no cell anywhere is a formula, and each hostile
// text comes back as a string cell with the same value.
func TestHostileTextNeverAFormula(t *testing.T) {
	ctx := context.Background()
	st := mustDemo(t)
	h := hostileTexts
	org, err := st.Organization(ctx)
	if err != nil {
		t.Fatal(err)
	}
	org.Address, org.PartyOrg = h[0], h[3]
	if _, err := st.SaveOrganization(ctx, org); err != nil {
		t.Fatal(err)
	}
	m := data.Member{Kind: data.KindUnit, Name: "公式测", Company: h[3] + "商行", Industry: h[2],
		Notes: h[0], JoinDate: time.Date(2025, 2, 3, 0, 0, 0, 0, time.UTC)}
	if _, _, err := st.CreateMember(ctx, m); err != nil {
		t.Fatal(err)
	}
	types, err := st.ActivityTypes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	act := data.Activity{Title: h[4], Type: types[0], Date: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC),
		Place: h[1], Organizer: h[3], Partners: h[2], Content: h[0]}
	if _, err := st.CreateActivity(ctx, act); err != nil {
		t.Fatal(err)
	}
	cases, err := st.Cases(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) > 0 {
		c := cases[0]
		c.Lead, c.ContactPerson, c.Recommender = h[0], h[2], h[3]
		if _, err := st.SaveCase(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	year := 2025
	if len(cases) > 0 {
		year = cases[0].Year
	}

	books := map[string]func(io.Writer) error{
		"名册.xlsx": func(w io.Writer) error { return xlsx.WriteRoster(ctx, st, w, xlsx.RosterOptions{}) },
		"名册（完整）.xlsx": func(w io.Writer) error {
			return xlsx.WriteRoster(ctx, st, w, xlsx.RosterOptions{Full: true})
		},
		"2025年度汇总.xlsx": func(w io.Writer) error { return xlsx.WriteSummary(ctx, st, 2025, false, w) },
		"申报汇总表.xlsx": func(w io.Writer) error {
			_, err := xlsx.WriteAwardSummary(ctx, st, year, w)
			return err
		},
	}
	found := map[string]bool{}
	for name, write := range books {
		wb := xlsxtest.Read(t, writeTo(t, name, write))
		for _, sh := range wb.Sheets {
			for r, row := range sh.Rows {
				for c, cell := range row {
					if cell.T == "f" {
						t.Errorf("%s!%s row %d col %d is a formula: %v", name, sh.Name, r+1, c+1, cell.V)
					}
					s, _ := cell.V.(string)
					if s != "" && strings.ContainsAny(s[:1], "=+-@") && cell.T != "s" {
						t.Errorf("%s!%s row %d col %d: %q is %q, not a string", name, sh.Name, r+1, c+1, s, cell.T)
					}
					for _, want := range h {
						if cell.T == "s" && strings.Contains(s, want) {
							found[want] = true
						}
					}
				}
			}
		}
	}
	for _, want := range h {
		if !found[want] {
			t.Errorf("%q reached no export as text", want)
		}
	}
}

// TestFormulaCheckCanFail: the reader the test above relies on does report
// a formula cell as one, so a writer that let "=…" through would be caught.
func TestFormulaCheckCanFail(t *testing.T) {
	path := writeTo(t, "公式.xlsx", func(w io.Writer) error {
		f := excelize.NewFile()
		defer f.Close()
		if err := f.SetCellFormula("Sheet1", "A1", "1+1"); err != nil {
			return err
		}
		if err := f.SetCellValue("Sheet1", "A2", "=1+1"); err != nil {
			return err
		}
		return f.Write(w)
	})
	rows := xlsxtest.Read(t, path).Sheets[0].Rows
	if rows[0][0].T != "f" {
		t.Fatalf("a formula read back as %+v", rows[0][0])
	}
	if rows[1][0].T != "s" {
		t.Fatalf("excelize's SetCellValue turned text into %+v", rows[1][0])
	}
}
