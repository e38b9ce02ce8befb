package main

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"chamberdesk/data"
	"chamberdesk/report/pkg"

	"chamberdesk/data/datatest"
)

// The privacy test plants two members with numbers of its own beside the
// demo's 120, and a probe: a phone-shaped number typed into free text
// (company names, an activity, the case) that every output legitimately
// prints. Each output is read back by independent readers and searched for
// every member's full phone and ID number, which must not be there; the
// probe must be, or the readers saw nothing and the search proved nothing.
const (
	privacyProbe = "19912345608"
	// privacyProbeNumber is a phone-shaped yearly figure: the workbooks and
	// JSON write it as a number, so finding it proves the readers look at
	// numbers too.
	privacyProbeNumber = "18612345679"

	plantedNameA  = "隐私核查甲"
	plantedPhoneA = "15307770101"
	plantedIDA    = "44030519880808104X"
	// plantedCreditA has a wrong check character: members add warns and
	// names it, which is the control for what that command prints.
	plantedCreditA = "91440300MA5FAKE123"
	plantedNameB   = "隐私核查乙"
	// B comes in through a roster whose phone cell is a number; B's ID
	// number is all digits, so an export that wrote it as a number would
	// be caught too.
	plantedPhoneB = "18907770202"
	plantedIDB    = "320584197503152016"

	privacyYear = 2026
)

// What the test must have looked at: a change that drops an output, an
// entry of the package or a control fails here rather than passing
// quietly.
const (
	wantOutputsChecked = 70
	wantControlsFound  = 72
)

// privacyFixture is the demo database with the planted records.
type privacyFixture struct {
	dir, db string
	// personal is every member's full phone and ID number, read from the
	// database after planting.
	personal []string
	// contacts are the phones typed into the cases as 联系电话: the award
	// table, the package and the combined list are forms for the award
	// office, which calls that number, so there it is written as entered.
	contacts map[string]bool
	activity int64 // the planted activity
	caseID   int64
}

// privacyRun runs the commands once and keeps count of what was read.
type privacyRun struct {
	f        *privacyFixture
	ran      map[string]bool // usage names of the commands run
	checked  int             // outputs searched for full numbers
	controls int             // outputs whose control was found
}

// privacyOutput is one file, entry or stream to search.
type privacyOutput struct {
	seen     []privacySeen
	controls []string // must be found by every reader marked control
	contacts bool     // the case contact phone may be there (see contacts)
	full     bool     // written with --full: only the controls are checked
}

// usageName is the command as usageText lists it: "members export",
// "metrics explain", "aggregate".
func usageName(args []string) string {
	if len(args) > 1 && !strings.HasPrefix(args[1], "-") && strings.Trim(args[1], "abcdefghijklmnopqrstuvwxyz") == "" {
		return args[0] + " " + args[1]
	}
	return args[0]
}

// ctl runs a command on the fixture, which must succeed, and returns what
// it printed, stdout then stderr.
func (r *privacyRun) ctl(t *testing.T, args ...string) string {
	t.Helper()
	r.ran[usageName(args)] = true
	code, out, errs := ctl(t, append([]string{"--db", r.f.db}, args...)...)
	if code != 0 {
		t.Fatalf("chamberctl %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errs)
	}
	return out + "\n" + errs
}

func (r *privacyRun) file(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// check searches one output in a subtest of its own, so a failure names it.
func (r *privacyRun) check(t *testing.T, name string, o privacyOutput) {
	t.Helper()
	t.Run(name, func(t *testing.T) {
		if len(o.controls) == 0 {
			t.Fatal("no control: a search that cannot find anything proves nothing")
		}
		if !o.full {
			r.checked++
			for i := range o.seen {
				s := &o.seen[i]
				var found []string
				for _, v := range r.f.personal {
					if o.contacts && r.f.contacts[v] {
						continue
					}
					if s.has(v) {
						found = append(found, v)
					}
				}
				if len(found) > 0 {
					t.Errorf("%s finds %d full phones or ID numbers, %s", s.by, len(found), examples(found))
				}
			}
		}
		ok, readers := true, 0
		for i := range o.seen {
			s := &o.seen[i]
			if !s.control {
				continue
			}
			readers++
			for _, c := range o.controls {
				if !s.has(c) {
					ok = false
					t.Errorf("%s does not find the control %s: it reads nothing of this output, so finding no number proves nothing",
						s.by, data.MaskIDNumber(c))
				}
			}
		}
		if readers == 0 {
			t.Fatal("no reader checks the control")
		}
		if ok {
			r.controls++
		}
	})
}

// examples names a few of the values found, masked (test logs are logs),
// the planted ones first.
func examples(vs []string) string {
	sort.SliceStable(vs, func(i, j int) bool { return planted(vs[i]) && !planted(vs[j]) })
	var parts []string
	for i, v := range vs {
		if i == 3 {
			parts = append(parts, "…")
			break
		}
		who := "a demo member's"
		if planted(v) {
			who = "a planted member's"
		}
		parts = append(parts, data.MaskIDNumber(v)+" ("+who+")")
	}
	return "e.g. " + strings.Join(parts, ", ")
}

func planted(v string) bool {
	return v == plantedPhoneA || v == plantedIDA || v == plantedPhoneB || v == plantedIDB
}

// newPrivacyFixture makes the demo database and plants the members, the
// activity, the figure and the case details the search relies on.
func newPrivacyFixture(t *testing.T, r *privacyRun) {
	t.Helper()
	f := r.f
	r.check(t, "demo", privacyOutput{seen: textSeen(r.ctl(t, "demo")), controls: []string{f.db}})

	out := r.ctl(t, "members", "add", "--name", plantedNameA, "--company", "探针"+privacyProbe+"科技有限公司",
		"--credit-code", plantedCreditA, "--phone", plantedPhoneA, "--id-number", plantedIDA, "--office", "理事")
	r.check(t, "members add", privacyOutput{seen: textSeen(out), controls: []string{plantedCreditA}})

	roster := filepath.Join(f.dir, "planted.xlsx")
	writeBook(t, roster, map[string][][]any{"Sheet1": {
		{"姓名", "企业名称", "联系电话", "身份证号码", "会员类型"},
		{plantedNameB, "探针" + privacyProbe + "农业合作社", 18907770202, plantedIDB, "个人会员"},
	}})
	out = r.ctl(t, "members", "import", roster)
	r.check(t, "members import", privacyOutput{seen: textSeen(out), controls: []string{plantedNameB}})

	ctx := context.Background()
	s, err := data.Open(ctx, f.db, data.OpenOptions{Actor: "privacy test"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ms, err := s.Members(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var attendees []int64
	for _, m := range ms {
		switch {
		case m.Name == plantedNameA && (m.Phone != plantedPhoneA || m.IDNumber != plantedIDA),
			m.Name == plantedNameB && (m.Phone != plantedPhoneB || m.IDNumber != plantedIDB):
			t.Fatalf("%s was stored with other numbers than planted", m.Name)
		case m.Name == plantedNameA || m.Name == plantedNameB || len(attendees) < 6:
			attendees = append(attendees, m.ID)
		}
	}
	date, err := data.ParseDate(fmt.Sprintf("%d-06-18", privacyYear))
	if err != nil {
		t.Fatal(err)
	}
	if f.activity, err = s.CreateActivity(ctx, data.Activity{
		Title: "探针" + privacyProbe + "政企座谈会", Type: "政企座谈", Date: date, Place: "青禾镇商会会议室",
		Organizer: "青禾镇商会", Content: "座谈纪要：探针编号" + privacyProbe + "。",
		OutsideCount: 2, Attendees: attendees,
	}); err != nil {
		t.Fatal(err)
	}
	n, err := strconv.ParseFloat(privacyProbeNumber, 64)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetManualValue(ctx, data.ManualValue{Year: privacyYear, MetricKey: "jobs_created", Value: n,
		Note: "核查用数字"}); err != nil {
		t.Fatal(err)
	}
	cases, err := s.Cases(ctx)
	if err != nil || len(cases) == 0 {
		t.Fatalf("the demo has no case (%v)", err)
	}
	c, err := s.Case(ctx, cases[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	photos, err := s.Photos(ctx, c.ActivityIDs[0])
	if err != nil || len(photos) == 0 {
		t.Fatalf("the case's first activity has no photo (%v)", err)
	}
	// The short title and the caption name the package's folder and photo
	// entries, so the probe shows in the entry names too.
	c.Title = "青禾镇商会：探针" + privacyProbe + "三线服务"
	c.ActivityIDs = append(c.ActivityIDs, f.activity)
	c.Photos = append(c.Photos, data.CasePhoto{AttachmentID: photos[0].ID, Caption: "探针" + privacyProbe + "座谈合影"})
	if f.caseID, err = s.SaveCase(ctx, c); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	f.personal = privacyColumn(t, f.db, "SELECT phone FROM members WHERE phone <> '' UNION SELECT id_number FROM members WHERE id_number <> ''")
	if len(f.personal) < 120 {
		t.Fatalf("the demo has only %d phones and ID numbers", len(f.personal))
	}
	for _, v := range []string{plantedPhoneA, plantedIDA, plantedPhoneB, plantedIDB} {
		if !slices.Contains(f.personal, v) {
			t.Fatalf("the planted %s is not among the numbers searched for", data.MaskIDNumber(v))
		}
	}
	f.contacts = map[string]bool{}
	for _, v := range privacyColumn(t, f.db, "SELECT contact_phone FROM cases WHERE contact_phone <> ''") {
		f.contacts[v] = true
	}
	for _, v := range append(f.personal, plantedPhoneA, plantedIDA, plantedPhoneB, plantedIDB) {
		if v == privacyProbe || v == privacyProbeNumber || strings.Contains(v, "*") {
			t.Fatalf("a member's number is the probe or masked: %s", data.MaskIDNumber(v))
		}
	}
	for _, v := range []string{plantedPhoneA, plantedIDA, plantedPhoneB, plantedIDB} {
		if f.contacts[v] {
			t.Fatal("a planted number is a case contact: the award outputs would not be searched for it")
		}
	}
}

// privacyColumn reads the one text column query selects, opening db
// read-only.
func privacyColumn(t *testing.T, db, query string) []string {
	t.Helper()
	conn, err := sql.Open("sqlite", datatest.FileURI(db, "mode=ro"))
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

// TestOutputsMaskPersonalData runs every command that prints or writes
// records, reads each file, each entry of the case package and each
// printed stream with independent readers, and finds no member's full
// phone or ID number in any of them; with --full the planted ones are
// found, and every output's control is found.
func TestOutputsMaskPersonalData(t *testing.T) {
	needReaders(t)
	dir := datatest.TempDir(t)
	r := &privacyRun{f: &privacyFixture{dir: dir, db: filepath.Join(dir, "demo.db")}, ran: map[string]bool{}}
	newPrivacyFixture(t, r)
	if t.Failed() {
		t.FailNow()
	}
	out := func(name string) string { return filepath.Join(dir, name) }
	probe := []string{privacyProbe}
	planted := []string{plantedPhoneA, plantedIDA, plantedPhoneB, plantedIDB}
	year := fmt.Sprint(privacyYear)

	t.Run("members list", func(t *testing.T) {
		r.check(t, "text", privacyOutput{seen: textSeen(r.ctl(t, "members", "list")), controls: probe})
		r.check(t, "json", privacyOutput{seen: jsonSeen(t, "members list --json", []byte(r.ctl(t, "members", "list", "--json"))),
			controls: probe})
	})

	// export runs a command that writes one file and checks both the
	// file and what the command printed.
	export := func(name, file string, o privacyOutput, args ...string) {
		t.Run(name, func(t *testing.T) {
			p := out(file)
			printed := r.ctl(t, append(args, "--out", p)...)
			r.check(t, "stdout", privacyOutput{seen: textSeen(printed), controls: []string{p}})
			o.seen = fileSeen(t, file, r.file(t, p))
			r.check(t, file, o)
		})
	}
	export("members export", "名册.xlsx", privacyOutput{controls: probe}, "members", "export")
	export("members export --full", "名册_完整.xlsx", privacyOutput{controls: planted, full: true}, "members", "export", "--full")
	export("members template", "模板.xlsx", privacyOutput{controls: []string{"身份证号码"}}, "members", "template")
	export("summary 2025", "2025.xlsx", privacyOutput{controls: probe}, "summary", "--year", "2025")
	export("summary "+year, year+".xlsx",
		privacyOutput{controls: []string{privacyProbe, privacyProbeNumber}}, "summary", "--year", year)
	export("summary --full", year+"_完整.xlsx", privacyOutput{controls: planted, full: true},
		"summary", "--year", year, "--full")
	export("award-summary", "申报汇总.xlsx", privacyOutput{controls: probe, contacts: true},
		"award-summary", "--year", year)
	act := fmt.Sprint(r.f.activity)
	export("print activity", "简报.pdf", privacyOutput{controls: probe}, "print", "activity", "--id", act)
	export("print ledger", "台账.pdf", privacyOutput{controls: probe}, "print", "ledger", "--year", year)
	export("print signin", "签到.pdf", privacyOutput{controls: probe}, "print", "signin", "--activity", act)
	// The notice names its contact with a phone to call: that one is meant
	// to be read, as the award forms' contact is.
	export("notice pdf", "通知.pdf", privacyOutput{controls: probe, contacts: true}, "notice", "--activity", act)
	export("notice docx", "通知.docx", privacyOutput{controls: probe, contacts: true}, "notice", "--activity", act)
	t.Run("notice text", func(t *testing.T) {
		r.check(t, "text", privacyOutput{seen: textSeen(r.ctl(t, "notice", "--activity", act, "--text")), controls: probe, contacts: true})
	})
	t.Run("share activity", func(t *testing.T) {
		// The long image is pixels, with no text a reader can take out:
		// its bytes are searched all the same, and what the command prints
		// (the title, with the probe, and the file) is the control. The
		// picture shows how many took part, never who.
		p := out("长图.png")
		printed := r.ctl(t, "share", "activity", "--id", act, "--out", p)
		seen := append(textSeen(printed), privacySeen{by: "image bytes", text: string(r.file(t, p))})
		r.check(t, "stdout and image", privacyOutput{seen: seen, controls: []string{p, privacyProbe}})
	})

	// lists runs a command that prints a list, as text and as JSON.
	lists := func(name string, controls []string, args ...string) {
		t.Run(name, func(t *testing.T) {
			r.check(t, "text", privacyOutput{seen: textSeen(r.ctl(t, args...)), controls: controls})
			js := r.ctl(t, append(args, "--json")...)
			r.check(t, "json", privacyOutput{seen: jsonSeen(t, name+" --json", []byte(js)), controls: controls})
		})
	}
	lists("activities list", probe, "activities", "list")
	lists("metrics", []string{privacyProbeNumber}, "metrics", "--year", year)
	lists("case list", probe, "case", "list")

	t.Run("metrics explain", func(t *testing.T) {
		// Every figure's records, one key after another: 会员数 lists the
		// members by name and company, 参与人次 the activities.
		var text, js strings.Builder
		for _, key := range privacyColumn(t, r.f.db, "SELECT key FROM metrics ORDER BY sort") {
			text.WriteString(r.ctl(t, "metrics", "explain", "--year", year, "--key", key))
			js.WriteString(r.ctl(t, "metrics", "explain", "--year", year, "--key", key, "--json"))
		}
		r.check(t, "text", privacyOutput{seen: textSeen(text.String()), controls: probe})
		r.check(t, "json", privacyOutput{seen: jsonSeen(t, "metrics explain --json", []byte(js.String())), controls: probe})
	})

	var zipPath string
	t.Run("case package", func(t *testing.T) {
		dst := out("材料包")
		if err := os.Mkdir(dst, 0o755); err != nil {
			t.Fatal(err)
		}
		printed := r.ctl(t, "case", "package", "--id", fmt.Sprint(r.f.caseID), "--out", dst)
		r.check(t, "stdout", privacyOutput{seen: textSeen(printed), controls: probe})
		zipPath = strings.TrimSpace(strings.SplitN(printed, "\n", 2)[0])
		b := r.file(t, zipPath)
		names, bodies, comments := zipEntries(t, b)
		r.check(t, "entry names", privacyOutput{seen: []privacySeen{
			{by: "zip entry names and comments", text: strings.Join(names, "\n") + "\n" + comments, control: true},
			{by: "zip bytes", text: string(b)},
		}, controls: probe})
		var photos []privacySeen
		var photoNames []string
		seenEntries := map[string]bool{}
		for _, name := range names {
			body, isFile := bodies[name]
			base := path.Base(name)
			switch {
			case !isFile:
			case path.Base(path.Dir(name)) == pkg.DirPhotos:
				photoNames = append(photoNames, base)
				photos = append(photos, privacySeen{by: "bytes of " + base, text: string(body)})
			default:
				seenEntries[base] = true
				r.check(t, base, privacyOutput{seen: fileSeen(t, name, body), controls: probe, contacts: true})
			}
		}
		for _, e := range []string{pkg.EntryDocx, pkg.EntryPDF, pkg.EntrySummary, pkg.EntryLedger, pkg.EntryManifest} {
			if !seenEntries[e] {
				t.Errorf("the package has no %s", e)
			}
		}
		if len(photos) == 0 {
			t.Fatal("the package has no photo: the case was given one")
		}
		photos = append(photos, privacySeen{by: "photo names", text: strings.Join(photoNames, "\n"), control: true})
		r.check(t, pkg.DirPhotos, privacyOutput{seen: photos, controls: probe})
	})

	t.Run("aggregate", func(t *testing.T) {
		if zipPath == "" {
			t.Fatal("no package to aggregate")
		}
		// A second, broken package named with the probe: its problem line
		// is the control for what the command prints.
		broken := out("探针" + privacyProbe + ".zip")
		if err := os.WriteFile(broken, []byte("not a zip"), 0o600); err != nil {
			t.Fatal(err)
		}
		list := out("推荐汇总.xlsx")
		printed := r.ctl(t, "aggregate", "--out", list, zipPath, broken)
		r.check(t, "stdout and stderr", privacyOutput{seen: textSeen(printed), controls: probe})
		r.check(t, "推荐汇总.xlsx", privacyOutput{seen: fileSeen(t, list, r.file(t, list)), controls: probe, contacts: true})
	})

	t.Run("accounts", func(t *testing.T) {
		// A dues payment and an entry linked to the planted member, whose
		// company carries the probe: the dues list shows the company, the
		// entry's 摘要 carries the probe, and the balance prints figures only.
		ids := privacyColumn(t, r.f.db, "SELECT id FROM members WHERE name = '"+plantedNameA+"'")
		if len(ids) != 1 {
			t.Fatalf("planted member: %v", ids)
		}
		paid := r.ctl(t, "dues", "pay", "--member", ids[0], "--year", year, "--amount", "500", "--date", year+"-06-20")
		r.check(t, "dues pay", privacyOutput{seen: textSeen(paid), controls: []string{"500"}})
		id := strings.TrimSpace(r.ctl(t, "finance", "add", "--date", year+"-06-21", "--kind", "收入", "--category", "捐赠收入",
			"--amount", "1,000", "--note", "探针"+privacyProbe+"捐款", "--member", ids[0]))
		r.check(t, "finance add", privacyOutput{seen: textSeen(id), controls: []string{id}})
		lists("dues list", []string{plantedNameA}, "dues", "list", "--year", year)
		lists("finance list", probe, "finance", "list", "--year", year)
		lists("finance balance", []string{"捐赠收入"}, "finance", "balance", "--year", year)
		lists("finance categories", []string{"捐赠收入"}, "finance", "categories")
		export("finance report", "收支表.xlsx", privacyOutput{controls: probe}, "finance", "report", "--year", year)
		journal := out("流水账.xlsx")
		writeBook(t, journal, map[string][][]any{"现金日记账": {
			{"日期", "凭证号", "摘要", "收入", "支出"},
			{year + "-06-22", "记9", "探针" + privacyProbe + "赞助", "2,000", nil},
		}})
		r.check(t, "finance import", privacyOutput{seen: textSeen(r.ctl(t, "finance", "import", journal)), controls: probe})
		quiet := [][]string{{"finance", "edit", "--id", id, "--note", "探针" + privacyProbe + "捐款（更正）"},
			{"finance", "opening", "--year", year, "--carry"}, {"finance", "close", "--year", year},
			{"finance", "reopen", "--year", year, "--reason", "补记"}, {"finance", "delete", "--id", id},
			{"dues", "unpay", "--member", ids[0], "--year", year}}
		for _, args := range quiet {
			r.check(t, strings.Join(args[:2], " "), privacyOutput{seen: textSeen(r.ctl(t, args...) + "\n" + id),
				controls: []string{id}})
		}
	})

	t.Run("upkeep", func(t *testing.T) {
		// These print no record, only states and paths; what they print is
		// searched all the same. The backup file itself is the database,
		// full numbers and all, which is what a backup is for.
		r.check(t, "check", privacyOutput{seen: textSeen(r.ctl(t, "check")), controls: []string{"ok"}})
		b := out("备份.db")
		r.check(t, "backup", privacyOutput{seen: textSeen(r.ctl(t, "backup", "--out", b)), controls: []string{b}})
		r.check(t, "backups", privacyOutput{seen: textSeen(r.ctl(t, "backups")), controls: []string{"backups folder"}})
	})

	t.Run("change log", func(t *testing.T) {
		// The change log keeps who changed what, for the member history: a
		// log, where personal numbers never go.
		details := strings.Join(privacyColumn(t, r.f.db, "SELECT detail FROM change_log"), "\n")
		r.check(t, "detail", privacyOutput{seen: jsonSeen(t, "change_log.detail", []byte(details)), controls: probe})
	})

	if t.Failed() {
		return
	}
	t.Run("every command", func(t *testing.T) {
		for _, name := range usageCommands(t) {
			why, skip := privacyNotRun[name]
			switch {
			case r.ran[name] && skip:
				t.Errorf("%s runs, yet is listed as not run (%s)", name, why)
			case !r.ran[name] && !skip:
				t.Errorf("%s is not run: run it here and search what it writes, or say in privacyNotRun why it prints no record", name)
			}
		}
	})
	if r.checked != wantOutputsChecked || r.controls != wantControlsFound {
		t.Errorf("searched %d outputs and found %d controls, want %d and %d: an output was added or lost",
			r.checked, r.controls, wantOutputsChecked, wantControlsFound)
	}
	t.Logf("%d outputs searched for %d full numbers, %d controls found", r.checked, len(r.f.personal), r.controls)
}

// privacyNotRun are the commands the test does not run, and why they print
// no member's number.
var privacyNotRun = map[string]string{
	"init":    "makes an empty data file from the profile on its command line: no member exists yet",
	"restore": "puts a backup in place of the data file and prints the two file names",
	"version": "prints the program and schema version and opens no data file",
}

// usageCommands lists the commands usageText documents, as usageName
// names them.
func usageCommands(t *testing.T) []string {
	t.Helper()
	_, list, ok := strings.Cut(usageText, "命令 / commands:")
	if !ok {
		t.Fatal("usageText has no command list")
	}
	seen := map[string]bool{}
	for _, line := range strings.Split(list, "\n") {
		if !strings.HasPrefix(line, "  ") {
			continue
		}
		f := strings.Fields(line)
		if len(f) == 0 || f[0][0] < 'a' || f[0][0] > 'z' {
			continue
		}
		seen[usageName(f)] = true
	}
	var out []string
	for n := range seen {
		out = append(out, n)
	}
	sort.Strings(out)
	if len(out) < 20 {
		t.Fatalf("only %d commands read from usageText: %v", len(out), out)
	}
	return out
}

// TestErrorsMaskPersonalData runs commands that fail on a bad phone or ID
// number: what they print names the value masked, never in full.
func TestErrorsMaskPersonalData(t *testing.T) {
	dir := datatest.TempDir(t)
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
