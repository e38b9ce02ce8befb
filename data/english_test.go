package data

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
)

func hasHan(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0
}

// TestMessageEN walks errors a person meets, built the way the store builds
// them: each has an English message, with no Chinese in it (the values in
// them are ASCII here), and a Chinese one.
func TestMessageEN(t *testing.T) {
	var got []error
	add := func(_ any, err error) {
		t.Helper()
		if err == nil {
			t.Fatal("no error")
		}
		got = append(got, err)
	}
	add(CheckCreditCode("91350100M000100Y4"))
	add(CheckCreditCode("91350100M000100Y4I"))
	add(CheckCreditCode("91350100M000100Y40"))
	add(CheckIDNumberAt("11010519491231002", time.Now()))
	add(CheckIDNumberAt("110105194912310021", time.Now()))
	add(CheckIDNumberAt("110105999912310021", time.Now()))
	add(CheckMobile("12345"))
	add(CheckPhone("12345"))
	add(ParseDate("2021"))
	add(ParseDate("hello"))
	add(ParseDate("2021-02-30"))
	add(ParseYuan("-5"))
	add(ParseYuan("abc"))
	add(ParseYuan("1.234"))
	add(ParseMetricValue("x"))
	add(ParseMetricValue(""))
	add(nil, (&Activity{OutsideCount: -1}).Normalize())
	_, err := (&Member{Kind: "x", Office: "x", Political: "x", Gender: "x", Status: "x"}).Normalize(time.Now())
	add(nil, err)
	_, err = (&Organization{Type: "x"}).Normalize()
	add(nil, err)
	add(nil, (&Metric{Unit: "10 x", Kind: "x"}).normalize())
	add(nil, memberNotFound(7))
	add(nil, lockedError("/tmp/a.db"))
	add(nil, notOurs("/tmp/a.db", "bad header"))
	add(nil, newerSchema("/tmp/a.db", 99))
	add(nil, damaged("/tmp/a.db", "bad page"))
	add(nil, fileInUse("/tmp/a.xlsx", errors.New("sharing violation")))
	add(nil, IsFolderError("/tmp/out.pdf"))
	add(nil, failed(CodeBackupFailed, msgBackupFailed, msgBackupFailedEN, "backup failed",
		fileInUse("/tmp/b.db", errors.New("in use"))))
	add(nil, checkMasked(nil, "138****1234", fieldMobile, MaskPhone))
	add(nil, figureProblem(Case{}, FigureStatus{State: FigureUntraced, Figure: CaseFigure{Phrasing: "12", Section: SectionLead}}))
	row := invalid("姓名", "", "不能为空", "must not be empty", "name is empty")
	row.File, row.Row, row.Col = "roster.xlsx", 12, "C"
	add(nil, Errors{row, invalid("第2张照片", "", "x", "gone", "gone")})

	for _, err := range got {
		for _, e := range flatten(err) {
			en := e.MessageEN()
			if e.MsgEN == "" || hasHan(en) {
				t.Errorf("%s: English message %q (Chinese %q)", e.Code, en, e.Message())
			}
			if e.Msg == "" || !hasHan(e.Message()) {
				t.Errorf("%s: Chinese message %q", e.Code, e.Message())
			}
		}
	}
	if s := row.MessageEN(); s != "roster.xlsx, row 12, column C: Name: must not be empty" {
		t.Errorf("location in English: %q", s)
	}
	wrapped := failed(CodeBackupFailed, msgBackupFailed, msgBackupFailedEN, "backup failed",
		fileInUse("/tmp/b.db", errors.New("in use")))
	if !IsCode(wrapped, CodeFileInUse) || !IsCode(wrapped, CodeBackupFailed) {
		t.Error("IsCode does not see the cause's code")
	}
	if s := wrapped.MessageEN(); !strings.Contains(s, "nothing was changed: please close \"b.db\"") {
		t.Errorf("cause's message not in %q", s)
	}
	if s := wrapped.Error(); !strings.Contains(s, "in use") {
		t.Errorf("the log text %q lacks the cause", s)
	}
}

func flatten(err error) []*Error {
	var es Errors
	if errors.As(err, &es) {
		return es
	}
	e, ok := AsError(err)
	if !ok {
		return nil
	}
	return []*Error{e}
}

// TestEveryErrorHasEnglish reads the sources of data and report: every
// Error literal that sets Msg sets MsgEN, and an English literal holds no
// Chinese; every call of invalid and failed passes English without Chinese.
func TestEveryErrorHasEnglish(t *testing.T) {
	fset := token.NewFileSet()
	for _, root := range []string{".", "../report"} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			src, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			f, err := parser.ParseFile(fset, path, src, 0)
			if err != nil {
				return err
			}
			checkEnglish(t, fset, f)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

func checkEnglish(t *testing.T, fset *token.FileSet, f *ast.File) {
	english := func(at ast.Node, x ast.Expr) {
		if lit, ok := x.(*ast.BasicLit); ok && lit.Kind == token.STRING {
			s, _ := strconv.Unquote(lit.Value)
			if s == "" || hasHan(s) {
				t.Errorf("%s: English message %q", fset.Position(at.Pos()), s)
			}
		}
	}
	inErrors := map[ast.Node]bool{} // the elements of Errors{...}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CompositeLit:
			if id, ok := n.Type.(*ast.Ident); ok && id.Name == "Errors" {
				for _, el := range n.Elts {
					inErrors[el] = true
				}
			}
			keys := map[string]ast.Expr{}
			for _, el := range n.Elts {
				if kv, ok := el.(*ast.KeyValueExpr); ok {
					if id, ok := kv.Key.(*ast.Ident); ok {
						keys[id.Name] = kv.Value
					}
				}
			}
			if _, ok := keys["Msg"]; !ok || !(isErrorType(n.Type) || n.Type == nil && inErrors[n]) {
				return true
			}
			if en, ok := keys["MsgEN"]; !ok {
				t.Errorf("%s: an Error with Msg and no MsgEN", fset.Position(n.Pos()))
			} else {
				english(n, en)
			}
		case *ast.CallExpr:
			if id, ok := n.Fun.(*ast.Ident); ok {
				switch {
				case id.Name == "invalid" && len(n.Args) == 5:
					english(n, n.Args[3])
				case id.Name == "failed" && len(n.Args) == 5:
					english(n, n.Args[2])
				}
			}
		}
		return true
	})
}

// isErrorType: Error or data.Error.
func isErrorType(x ast.Expr) bool {
	switch x := x.(type) {
	case *ast.Ident:
		return x.Name == "Error"
	case *ast.SelectorExpr:
		return x.Sel.Name == "Error"
	}
	return false
}
