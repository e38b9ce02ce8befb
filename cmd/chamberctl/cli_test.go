package main

import (
	"bytes"
	"crypto/sha256"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"chamberdesk/assets"
	"chamberdesk/data"

	"chamberdesk/data/datatest"
)

// ctl runs chamberctl in-process and returns exit code, stdout and stderr.
func ctl(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func mustCtl(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errs := ctl(t, args...)
	if code != 0 {
		t.Fatalf("chamberctl %v: exit %d\n%s%s", args, code, out, errs)
	}
	return out
}

func sum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestInit(t *testing.T) {
	db := filepath.Join(datatest.TempDir(t), "org.db")
	out := mustCtl(t, "--db", db, "init", "--name", "青禾镇商会", "--type", "镇街商会")
	if !strings.Contains(out, db) {
		t.Errorf("init output %q should name the file", out)
	}
	if got := mustCtl(t, "--db", db, "check"); got != "ok\n" {
		t.Fatalf("check printed %q", got)
	}

	t.Run("ErrFileHoldsData", func(t *testing.T) {
		before := sum(t, db)
		for _, args := range [][]string{{"init", "--name", "另一个商会"}, {"demo"}} {
			code, _, errs := ctl(t, append([]string{"--db", db}, args...)...)
			if code != exitError || !strings.Contains(errs, "已有数据") || !strings.Contains(errs, "already holds data") {
				t.Fatalf("%v: exit %d, stderr %q", args, code, errs)
			}
			if strings.Count(strings.TrimSpace(errs), "\n") != 0 {
				t.Errorf("error should be one line: %q", errs)
			}
		}
		if sum(t, db) != before {
			t.Fatal("refused init changed the file")
		}
	})

	t.Run("ErrBadType", func(t *testing.T) {
		other := filepath.Join(datatest.TempDir(t), "bad.db")
		code, _, errs := ctl(t, "--db", other, "init", "--name", "某商会", "--type", "合作社")
		if code != exitError || !strings.Contains(errs, "单位类别") {
			t.Fatalf("exit %d, %q", code, errs)
		}
		if _, err := os.Stat(other); !os.IsNotExist(err) {
			t.Fatal("a refused init left a file behind")
		}
	})

	t.Run("ErrUsage", func(t *testing.T) {
		for _, args := range [][]string{{"init"}, {"frobnicate"}, {"members"}, {"members", "add"}, {"check", "extra"}} {
			code, _, errs := ctl(t, append([]string{"--db", db}, args...)...)
			if code != exitUsage || errs == "" {
				t.Errorf("%v: exit %d, stderr %q; want usage error", args, code, errs)
			}
		}
	})
}

func TestMembers(t *testing.T) {
	db := filepath.Join(datatest.TempDir(t), "m.db")
	mustCtl(t, "--db", db, "init", "--name", "测试商会")
	code, _ := data.CreditCodeCheckChar("91360123MA35A1B2C")
	credit := "91360123MA35A1B2C" + string(code)
	id := strings.TrimSpace(mustCtl(t, "--db", db, "members", "add", "--name", "曾小贤",
		"--company", "江州电子科技有限公司", "--credit-code", credit, "--phone", "13812341234", "--office", "副会长"))
	if id != "1" {
		t.Fatalf("new id %q", id)
	}

	t.Run("ListJSON", func(t *testing.T) {
		out := mustCtl(t, "--db", db, "members", "list", "--search", "zxx", "--json")
		var rows []map[string]any
		if err := json.Unmarshal([]byte(out), &rows); err != nil {
			t.Fatalf("%v: %s", err, out)
		}
		if len(rows) != 1 {
			t.Fatalf("rows %v", rows)
		}
		r := rows[0]
		if r["id"] != float64(1) || r["name"] != "曾小贤" || r["company"] != "江州电子科技有限公司" ||
			r["office"] != "副会长" || r["phone"] != "138****1234" {
			t.Fatalf("row %v", r)
		}
		if strings.Contains(out, "13812341234") {
			t.Fatal("list printed a full phone number")
		}
		if out := mustCtl(t, "--db", db, "members", "list", "--search", "nobody", "--json"); strings.TrimSpace(out) != "[]" {
			t.Fatalf("empty search printed %q", out)
		}
	})

	t.Run("ListText", func(t *testing.T) {
		out := mustCtl(t, "--db", db, "members", "list", "--search", "zengxiaoxian")
		if !strings.Contains(out, "曾小贤") || !strings.Contains(out, "共 1 人") {
			t.Fatalf("text list %q", out)
		}
	})

	t.Run("WarningStillSaves", func(t *testing.T) {
		bad := credit[:17] + map[bool]string{true: "1", false: "0"}[credit[17] == '0']
		code, out, errs := ctl(t, "--db", db, "members", "add", "--name", "试点企业主", "--company", "试点企业", "--credit-code", bad)
		if code != 0 || strings.TrimSpace(out) != "2" || !strings.Contains(errs, "校验") {
			t.Fatalf("exit %d out %q err %q", code, out, errs)
		}
	})

	for _, tc := range []struct {
		name  string
		args  []string
		field string
	}{
		{"ErrPhone", []string{"--name", "王五", "--phone", "1381234"}, "手机"},
		{"ErrCreditCode", []string{"--name", "王五", "--company", "某厂", "--credit-code", "ABC"}, "统一社会信用代码"},
		{"ErrIDNumber", []string{"--name", "王五", "--id-number", "110105199001011230"}, "身份证"},
		{"ErrOffice", []string{"--name", "王五", "--office", "总经理"}, "商会职务"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := count(t, db)
			code, out, errs := ctl(t, append([]string{"--db", db, "members", "add"}, tc.args...)...)
			if code != exitError || out != "" || !strings.Contains(errs, tc.field) {
				t.Fatalf("exit %d out %q err %q", code, out, errs)
			}
			if strings.Contains(errs, "110105199001011230") {
				t.Fatal("error leaked the ID number")
			}
			if count(t, db) != before {
				t.Fatal("a refused add wrote a member")
			}
		})
	}
}

func count(t *testing.T, db string) int {
	t.Helper()
	conn, err := sql.Open("sqlite", db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var n int
	if err := conn.QueryRow("SELECT count(*) FROM members").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestDemo(t *testing.T) {
	db := filepath.Join(datatest.TempDir(t), "demo.db")
	mustCtl(t, "--db", db, "demo")
	if got := mustCtl(t, "--db", db, "check"); got != "ok\n" {
		t.Fatalf("check printed %q", got)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(mustCtl(t, "--db", db, "members", "list", "--json")), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) < 100 {
		t.Fatalf("demo has %d members", len(rows))
	}
	sqlite3 := datatest.NeedTool(t, "sqlite3", "sqlite3")
	out, err := exec.Command(sqlite3, db, "PRAGMA integrity_check").CombinedOutput()
	if err != nil || string(out) != "ok\n" {
		t.Fatalf("sqlite3 integrity_check: %q %v", out, err)
	}
}

func TestCheckRefusesNewerFile(t *testing.T) {
	db := filepath.Join(datatest.TempDir(t), "newer.db")
	mustCtl(t, "--db", db, "init", "--name", "测试商会")
	conn, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec("PRAGMA user_version = 42"); err != nil {
		t.Fatal(err)
	}
	conn.Close()
	before := sum(t, db)
	for _, args := range [][]string{{"check"}, {"members", "list"}, {"members", "add", "--name", "王五"}} {
		code, _, errs := ctl(t, append([]string{"--db", db}, args...)...)
		if code != exitError || !strings.Contains(errs, "较新版本") || !strings.Contains(errs, "newer") {
			t.Fatalf("%v: exit %d, %q", args, code, errs)
		}
	}
	if sum(t, db) != before {
		t.Fatal("newer file was changed")
	}
}

func TestDefaultDataFile(t *testing.T) {
	home := datatest.TempDir(t)
	t.Setenv("XDG_DATA_HOME", home)
	t.Setenv("HOME", home)
	t.Setenv("AppData", home)
	mustCtl(t, "init", "--name", "默认文件商会")
	want, err := data.DefaultPath()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(want, home) {
		t.Fatalf("default path %s is not under the data folder %s", want, home)
	}
	if _, err := os.Stat(want); err != nil {
		t.Fatalf("init without --db did not create %s: %v", want, err)
	}
	if got := mustCtl(t, "check"); got != "ok\n" {
		t.Fatalf("check %q", got)
	}
}

func TestMissingFile(t *testing.T) {
	db := filepath.Join(datatest.TempDir(t), "none.db")
	code, _, errs := ctl(t, "--db", db, "members", "list")
	if code != exitError || !strings.Contains(errs, "不存在") {
		t.Fatalf("exit %d %q", code, errs)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Fatal("listing a missing file created it")
	}
}

func TestActivitiesAndMetrics(t *testing.T) {
	db := filepath.Join(datatest.TempDir(t), "demo.db")
	mustCtl(t, "--db", db, "demo")
	var acts []activityRow
	if err := json.Unmarshal([]byte(mustCtl(t, "--db", db, "activities", "list", "--year", "2026", "--json")), &acts); err != nil {
		t.Fatal(err)
	}
	training, trainingTimes, signed := 0, 0, 0.0
	for _, a := range acts {
		if !strings.HasPrefix(a.Date, "2026-") {
			t.Fatalf("activity %d dated %s in the 2026 list", a.ID, a.Date)
		}
		if a.PersonTimes != a.Attendees+a.OutsideCount {
			t.Fatalf("activity %d person-times %d", a.ID, a.PersonTimes)
		}
		if a.Type == "培训办班" {
			training++
			trainingTimes += a.PersonTimes
		}
		signed += a.Outcomes["projects_signed"]
	}
	var figs []figureRow
	if err := json.Unmarshal([]byte(mustCtl(t, "--db", db, "metrics", "--year", "2026", "--json")), &figs); err != nil {
		t.Fatal(err)
	}
	byKey := map[string]figureRow{}
	for _, f := range figs {
		byKey[f.Key] = f
	}
	if byKey["activities_total"].Value != float64(len(acts)) || byKey["training_sessions"].Value != float64(training) ||
		byKey["training_person_times"].Value != float64(trainingTimes) || byKey["projects_signed"].Value != signed {
		t.Fatalf("metrics disagree with the activity list: %+v", byKey)
	}
	out := mustCtl(t, "--db", db, "metrics", "explain", "--year", "2026", "--key", "training_sessions")
	if strings.Count(out, "培训办班") != training+1 { // the heading line names the type too
		t.Fatalf("explain lists %d lines for %d classes:\n%s", strings.Count(out, "培训办班"), training, out)
	}
	if code, _, _ := ctl(t, "--db", db, "metrics"); code != exitUsage {
		t.Fatal("metrics without --year should be a usage error")
	}
	if code, _, errs := ctl(t, "--db", db, "metrics", "explain", "--year", "2026", "--key", "nope"); code != exitError || !strings.Contains(errs, "没有这个指标") {
		t.Fatalf("unknown key: %d %q", code, errs)
	}
}

// TestVersion: the version printed is the one FyneApp.toml and the Windows
// setup carry (assets.Version), not a copy that a release could forget.
func TestVersion(t *testing.T) {
	out := mustCtl(t, "version")
	want := fmt.Sprintf("chamberctl %s (数据版本 / schema %d)\n", assets.Version, data.SchemaVersion())
	if out != want {
		t.Fatalf("version printed %q, want %q", out, want)
	}
}
