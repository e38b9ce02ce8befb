package pkg

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chamberdesk/report/xlsx/xlsxtest"

	"chamberdesk/data/datatest"
)

// TestAggregate: three good packages and one tampered give three rows in
// category and level order and one problem.
func TestAggregate(t *testing.T) {
	dir := datatest.TempDir(t)
	good := []fake{
		{unit: "青禾镇商会", short: "三线服务", category: "镇街商会工作", level: "优秀案例", year: 2026},
		{unit: "安澜区建材商会", short: "链上服务", category: "行业商会工作", level: "优秀案例", year: 2026},
		{unit: "石桥街道商会", short: "楼宇党建", category: "镇街商会工作", level: "最佳案例", year: 2026},
	}
	var paths []string
	for _, f := range good {
		paths = append(paths, f.save(t, dir))
	}
	bad := fake{unit: "禾塘镇商会", short: "乡村振兴", category: "镇街商会工作", level: "最佳案例", year: 2026}
	es := bad.entries()
	for i := range es {
		if strings.HasSuffix(es[i].name, EntrySummary) {
			es[i].body = append(es[i].body, " edited"...)
		}
	}
	tampered := save(t, dir, "禾塘镇商会.zip", zipOf(t, es))
	paths = append(paths[:1], append([]string{tampered}, paths[1:]...)...)

	var calls int
	r := Aggregate(context.Background(), paths, DefaultCategories, func(done, total int) { calls++ })
	if r.Checked != 4 || calls != 4 || len(r.Good) != 3 || len(r.Problems) != 1 {
		t.Fatalf("checked %d, calls %d, good %d, problems %v", r.Checked, calls, len(r.Good), r.Problems)
	}
	if p := r.Problems[0]; p.File != "禾塘镇商会.zip" || !strings.Contains(p.Entry, EntrySummary) || !strings.Contains(p.Msg, "改动") {
		t.Fatalf("problem %+v", p)
	}
	var order []string
	for _, pk := range r.Good {
		order = append(order, pk.Manifest.Organization.Name)
	}
	// 行业商会 comes before 镇街商会 in the award's order; 最佳 before 优秀.
	if strings.Join(order, ",") != "安澜区建材商会,石桥街道商会,青禾镇商会" {
		t.Fatalf("order %v", order)
	}

	out := filepath.Join(datatest.TempDir(t), "汇总.xlsx")
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.WriteList(f, "安澜区工商联"); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	wb := xlsxtest.Read(t, out)
	list := wb.Sheet(t, "推荐汇总表")
	list.CheckLayout(t, "安澜区工商联2026年“创新中国”工商联（商会）工作案例推荐汇总表")
	rows := list.Data()
	if len(rows) != 3 {
		t.Fatalf("%d rows", len(rows))
	}
	for i, name := range order {
		row := rows[i]
		if n, _ := row[list.Header(t, "序号")].Num(); int(n) != i+1 || row[list.Header(t, "申报单位")].Str() != name ||
			!strings.HasSuffix(row[list.Header(t, "文件名")].Str(), ".zip") || row[list.Header(t, "主要成效")].Str() == "" ||
			row[list.Header(t, "联系电话")].Str() != "13800000000" {
			t.Errorf("row %d: %v", i, row)
		}
	}
	probs := wb.Sheet(t, "问题")
	if pr := probs.Data(); len(pr) != 1 || pr[0][probs.Header(t, "文件")].Str() != "禾塘镇商会.zip" ||
		pr[0][probs.Header(t, "原因")].Str() == "" {
		t.Fatalf("问题 %v", pr)
	}
}

func TestAggregateDuplicateAndUnknownCategory(t *testing.T) {
	dir := datatest.TempDir(t)
	a := town.save(t, dir)
	b, err := os.ReadFile(a)
	if err != nil {
		t.Fatal(err)
	}
	copyPath := save(t, dir, "副本.zip", b)
	other := fake{unit: "外地商会", short: "新类别", category: "新设类别", level: "最佳案例", year: 2026}.save(t, dir)
	r := Aggregate(context.Background(), []string{other, a, copyPath}, DefaultCategories, nil)
	if len(r.Good) != 2 || len(r.Problems) != 1 || !strings.Contains(r.Problems[0].Msg, "同一个案例") {
		t.Fatalf("good %d problems %v", len(r.Good), r.Problems)
	}
	if r.Good[1].Manifest.Case.Category != "新设类别" {
		t.Fatal("a category the list does not know should come last")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if r := Aggregate(ctx, []string{a}, nil, nil); len(r.Good) != 0 || len(r.Problems) != 1 {
		t.Fatalf("cancelled: %+v", r)
	}
}
