package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// privacyGUIUses maps each name of a report package the GUI uses to the
// chamberctl command that writes the same output, with the same options,
// in TestOutputsMaskPersonalData; or says why it writes no file.
var privacyGUIUses = map[string]string{
	// 会员名册: the GUI's 完整号码 box is RosterOptions.Full, --full here.
	"xlsx.WriteRoster":   "members export [--full]",
	"xlsx.RosterOptions": "members export [--full]",
	// 年度工作簿: the GUI never sets Summary.Full, as summary without --full.
	"xlsx.LoadSummary":        "summary",
	"xlsx.WriteAwardSummary":  "award-summary",
	"xlsx.WriteFile":          "writes what the functions above write, whole or not at all",
	"roster.WriteTemplate":    "members template",
	"roster.Read":             "reads a roster the person brings, to import it; writes nothing",
	"roster.Options":          "reads a roster the person brings, to import it; writes nothing",
	"roster.Roster":           "reads a roster the person brings, to import it; writes nothing",
	"roster.ChooseSheetError": "reads a roster the person brings, to import it; writes nothing",
	"roster.CodeChooseSheet":  "reads a roster the person brings, to import it; writes nothing",
	"pdf.LoadActivity":        "print activity",
	"pdf.WriteActivity":       "print activity",
	"pdf.LoadSignin":          "print signin",
	"pdf.WriteSignin":         "print signin",
	"pdf.LoadLedger":          "print ledger",
	"pdf.WriteLedger":         "print ledger",
	// 另存为 copies the printed PDF byte for byte.
	"pdf.WriteFile": "writes what the print functions above write",
	// The GUI passes a progress callback, which only reports the steps.
	"pkg.Write": "case package",
	// The GUI reads the categories from the data file, as chamberctl does,
	// and Result.WriteList writes the list.
	"pkg.Aggregate":         "aggregate",
	"pkg.Result":            "aggregate",
	"pkg.DefaultCategories": "aggregate",
	// 会议通知: the GUI writes the same notice the command does, and copies
	// the same text --text prints.
	"notice.Load":       "notice",
	"notice.Notice":     "notice",
	"notice.Addressees": "offers addressees to choose from; writes nothing",
	"docx.WriteNotice":  "notice --out FILE.docx",
	"pdf.WriteNotice":   "notice --out FILE.pdf",
	// 收支: the journal a person brings is read to import it; the accounts
	// workbook is the one finance report writes.
	"journal.Read":             "reads a journal the person brings, to import it; writes nothing",
	"journal.Options":          "reads a journal the person brings, to import it; writes nothing",
	"journal.Journal":          "reads a journal the person brings, to import it; writes nothing",
	"journal.ChooseSheetError": "reads a journal the person brings, to import it; writes nothing",
	"xlsx.WriteFinance":        "finance report",
	// 活动长图: the same picture share activity draws, at its default width.
	"shareimg.Load":         "share activity",
	"shareimg.Render":       "share activity",
	"shareimg.Options":      "share activity",
	"shareimg.FormatFor":    "share activity",
	"shareimg.JPEG":         "share activity",
	"shareimg.DefaultWidth": "share activity",
	"shareimg.WriteFile":    "share activity",
}

// TestPrivacyCoversGUIExports reads the GUI's source for every name it
// uses from the report packages: each must be listed above, so a new
// export in the GUI fails here until the privacy test searches it.
func TestPrivacyCoversGUIExports(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "ui", "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no GUI source found (%v)", err)
	}
	used := map[string][]string{}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		report := map[string]bool{}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if !strings.HasPrefix(p, "chamberdesk/report/") {
				continue
			}
			local := path.Base(p)
			if imp.Name != nil {
				local = imp.Name.Name
			}
			report[local] = true
		}
		ast.Inspect(f, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if id, ok := sel.X.(*ast.Ident); ok && report[id.Name] {
				k := id.Name + "." + sel.Sel.Name
				used[k] = append(used[k], filepath.Base(name))
			}
			return true
		})
	}
	if len(used) < 10 {
		t.Fatalf("found only %d report names in the GUI: the scan is broken", len(used))
	}
	var names []string
	for k := range used {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		if _, ok := privacyGUIUses[k]; !ok {
			t.Errorf("the GUI uses %s (%s): search what it writes in TestOutputsMaskPersonalData and list it in privacyGUIUses",
				k, strings.Join(used[k], ", "))
		}
	}
}
