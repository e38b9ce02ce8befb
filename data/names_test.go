package data_test

import (
	"context"
	"path/filepath"
	"testing"

	"chamberdesk/data"
	"chamberdesk/data/datatest"
)

// TestImportCleansNames imports names padded with spaces: each is stored
// without them and the import says so; a Latin name keeps its space; the
// searches people type find them.
func TestImportCleansNames(t *testing.T) {
	ctx := context.Background()
	s := datatest.MustOpen(t)
	c := map[string]string{data.ColName: "A", data.ColCompany: "B"}
	rep, err := s.ImportMembers(ctx, []data.ImportRow{
		{File: "名册.xlsx", Row: 2, Cols: c, Name: "张 伟", Company: "青禾 科技有限公司"},
		{File: "名册.xlsx", Row: 3, Cols: c, Name: "李　娜"},
		{File: "名册.xlsx", Row: 4, Cols: c, Name: "Anna Lee"},
	}, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Warnings) != 2 {
		t.Fatalf("warnings %v", rep.Warnings)
	}
	for i, want := range []struct {
		row         int
		value, name string
	}{{2, "张 伟", "张伟"}, {3, "李 娜", "李娜"}} { // a full-width space reads as a space
		w := rep.Warnings[i]
		if w.Code != data.CodeNameSpaces || w.Row != want.row || w.Col != "A" || w.Value != want.value ||
			w.Message() != "名册.xlsx 第"+itoa(want.row)+"行 A列 姓名「"+want.value+"」：姓名中的空格已去掉，存为「"+want.name+"」" {
			t.Errorf("warning %d: %q (%+v)", i, w.Message(), w)
		}
	}
	names := map[string]bool{}
	ms, _ := s.Members(ctx)
	for _, m := range ms {
		names[m.Name] = true
	}
	if !names["张伟"] || !names["李娜"] || !names["Anna Lee"] {
		t.Fatalf("stored %v", names)
	}
	for q, want := range map[string]string{"张伟": "张伟", "张 伟": "张伟", "zw": "张伟", "zhangwei": "张伟",
		"青禾科技": "张伟", "青禾 科技": "张伟", "李娜": "李娜", "anna lee": "Anna Lee"} {
		found, err := s.SearchMembers(ctx, q)
		if err != nil || len(found) == 0 || found[0].Name != want {
			t.Errorf("search %q: %v %v", q, found, err)
		}
	}
	// Importing the padded roster again finds the same members.
	rep, err = s.ImportMembers(ctx, []data.ImportRow{{File: "名册.xlsx", Row: 2, Cols: c, Name: "张 伟", Company: "青禾 科技有限公司"}}, false)
	if err != nil || rep.Lines[0].Action != data.ActionUnchanged {
		t.Errorf("re-import %+v %v", rep.Lines, err)
	}
}

// TestMigrationCleansNames opens a file an earlier version wrote with
// padded names: they are cleaned, each change logged, a Latin name kept.
func TestMigrationCleansNames(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(datatest.TempDir(t), "old.db")
	old, err := data.OpenAt(ctx, path, 4)
	if err != nil {
		t.Fatal(err)
	}
	for i, name := range []string{"张 伟", "欧阳　澍", "John Smith", "宓秋禾"} {
		if _, err := old.DB().ExecContext(ctx, `INSERT INTO members (id, name, kind, status, created_at, updated_at)
			VALUES (?, ?, '个人会员', '在会', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')`, i+1, name); err != nil {
			t.Fatal(err)
		}
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}
	s := datatest.MustOpenPath(t, path)
	want := map[int64]string{1: "张伟", 2: "欧阳澍", 3: "John Smith", 4: "宓秋禾"}
	for id, name := range want {
		m, err := s.Member(ctx, id)
		if err != nil || m.Name != name {
			t.Errorf("member %d: %q %v, want %q", id, m.Name, err, name)
		}
		ch, err := s.Changes(ctx, "member", id)
		if err != nil {
			t.Fatal(err)
		}
		cleaned := id <= 2
		if cleaned != (len(ch) == 1) {
			t.Errorf("member %d: change log %+v", id, ch)
		}
		if cleaned {
			pair, _ := ch[0].Detail["changed"].(map[string]any)["name"].([]any)
			if len(pair) != 2 || pair[1] != name || ch[0].Actor != "数据升级" {
				t.Errorf("member %d logged %+v", id, ch[0])
			}
		}
	}
	if found, _ := s.SearchMembers(ctx, "张伟"); len(found) != 1 || found[0].Name != "张伟" {
		t.Errorf("张伟 finds %v", found)
	}
}
