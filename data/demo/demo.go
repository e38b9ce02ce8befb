// Package demo fills a store with the fictional demo chamber used by the first run, screenshots and tests.
//
// The chamber, 江州市安澜区青禾镇商会, its town, villages, neighbours, member
// enterprises and people are all invented. Everything is drawn from a seeded
// generator under a fixed clock, so every Fill writes the same rows and the
// same photo bytes.
package demo

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"

	"chamberdesk/data"
)

// The two demo years: activities run from January of the first to mid
// November of the last.
const (
	FirstYear = 2025
	LastYear  = 2026
)

// Years are the demo years in order.
var Years = [2]int{FirstYear, LastYear}

// Clock is the fixed "now" of the demo data: every created_at and updated_at
// is this instant, and no date in the data is later.
var Clock = time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)

// Sizes of what Fill writes, for tests and screenshots.
const (
	MemberCount        = 120 // members on the roster, including those who left
	LeftCount          = 6   // members who left in 2025 or 2026
	FlaggedCreditCodes = 2   // unit members whose credit code fails its check character

	arrearsFirstYear = 3  // members owing for 2025 (and still owing)
	arrearsLastYear  = 20 // about this many owe for 2026
)

// seed fixes the generator: change it and every name, date and photo changes.
const seed1, seed2 = 0x51486865, 0x2025_2026

// OrgName is the demo chamber's full name.
func OrgName() string { return orgName }

// OrgShortName is the demo chamber's short name.
func OrgShortName() string { return orgShortName }

// Fill writes the demo chamber into an empty store: profile, roster, dues,
// activities with photos and outcomes, yearly figures and a draft award
// case. Everything lands in one transaction, or nothing does; photo files
// written before a failure are removed again. A store that already holds
// an organization, members, activities or cases is refused with
// data.CodeNotEmpty and left as it was.
//
// During Fill s.Now is set to Clock and restored afterwards, so Fill must not
// run while other goroutines write through s.
func Fill(ctx context.Context, s *data.Store) (err error) {
	if err := checkEmpty(ctx, s); err != nil {
		return err
	}
	// Everything is drawn in memory first. The photos are rendered and
	// their files written by background workers while the transaction
	// writes the roster, dues and activities; each photo is waited for only
	// when its record is stored.
	p := plan()
	saved := s.Now
	s.Now = func() time.Time { return Clock }
	files := &fileLog{}
	rd := startRendering(p.activities, s, files)
	defer func() {
		rd.stop() // before cleaning up, so no worker writes afterwards
		if err != nil {
			files.removeAll()
		}
		s.Now = saved
	}()
	return s.InTx(ctx, func(ctx context.Context) error {
		// Checked again under the write lock, which BEGIN IMMEDIATE took: no
		// one can fill the file between the check and the writes.
		if err := checkEmpty(ctx, s); err != nil {
			return err
		}
		return p.write(ctx, s)
	})
}

// checkEmpty refuses a store that holds anything a person entered.
func checkEmpty(ctx context.Context, s *data.Store) error {
	empty, err := s.IsEmpty(ctx)
	if err != nil {
		return err
	}
	var n int
	if empty {
		err = s.DB().QueryRowContext(ctx, `SELECT (SELECT count(*) FROM members) +
			(SELECT count(*) FROM activities) + (SELECT count(*) FROM cases)`).Scan(&n)
		if err != nil {
			return err
		}
	}
	if !empty || n > 0 {
		return &data.Error{Code: data.CodeNotEmpty, Field: "数据文件", Value: filepath.Base(s.Path()),
			Msg: "数据文件中已有数据，演示数据只能写入新建的空文件；原有数据未做任何修改", MsgEN: "the data file already holds data; demo data goes only into a new, empty file. Nothing was changed",
			Reason: "demo data is only written into an empty store; nothing was changed"}
	}
	return nil
}

// demoPlan is the whole demo chamber, drawn but not yet written.
type demoPlan struct {
	org        data.Organization
	people     []*person
	dues       []duesRow
	activities []*activityPlan
	manual     []data.ManualValue
	accounts   []plannedEntry
}

// plan draws the demo chamber, all but the photo bytes (see startRendering).
// It is deterministic: same seed, same plan.
func plan() *demoPlan {
	r := rand.New(rand.NewPCG(seed1, seed2))
	ph := &phones{r: r, used: map[string]bool{}}
	p := &demoPlan{}
	p.people = planMembers(r, ph)
	p.dues = planDues(r, p.people)
	p.activities = planActivities(r, p.people)
	p.manual = manualValues
	var secretary *person
	for _, m := range p.people {
		if m.m.Office == "秘书长" {
			secretary = m
		}
	}
	p.org = data.Organization{
		Name:             orgName,
		ShortName:        orgShortName,
		Type:             "镇街商会",
		Region:           city + district + town,
		ParentFederation: federation,
		CreditCode:       creditCode(r, "51", areaCode),
		PartyOrg:         partyBranch,
		ContactPerson:    secretary.m.Name,
		ContactOffice:    "秘书长",
		ContactPhone:     secretary.m.Phone,
		Address:          city + district + town + "禾兴路18号镇商贸中心三楼",
		FoundedDate:      data.FormatDateISO(founded),
	}
	p.accounts = planAccounts(r, p.activities, p.people, secretary.m.Name)
	return p
}

// CodeDemoFailed: a part of the demo data could not be written.
const CodeDemoFailed = "demo.failed"

// demoFailed is the error for a part of the demo that could not be written:
// what (Chinese) and whatEN name the part, the cause says why.
func demoFailed(what, whatEN string, cause error) error {
	return &data.Error{Code: CodeDemoFailed, Msg: "演示数据写入失败（" + what + "）",
		MsgEN: "the demo data could not be written (" + whatEN + ")", Reason: "demo " + whatEN, Err: cause}
}

// write stores the plan through the store's own methods, so every rule the
// program applies to a person's input applies to the demo too.
func (p *demoPlan) write(ctx context.Context, s *data.Store) error {
	if warn, err := s.SaveOrganization(ctx, p.org); err != nil {
		return demoFailed("单位信息", "organization", err)
	} else if len(warn) > 0 {
		return demoFailed("单位信息", "organization", fmt.Errorf("unexpected warning: %w", warn))
	}

	var standards []data.DuesStandard
	for _, y := range Years {
		for _, d := range duesStandards {
			standards = append(standards, data.DuesStandard{Year: y, Office: d.office, Fen: d.yuan * 100})
		}
	}
	if err := s.SetDuesStandards(ctx, standards); err != nil {
		return demoFailed("会费标准", "dues standards", err)
	}

	for _, m := range p.people {
		id, warn, err := s.CreateMember(ctx, m.m)
		if err != nil {
			return demoFailed("会员 "+m.m.Name, "member "+m.m.Name, err)
		}
		if m.flagged != (len(warn) > 0) {
			return demoFailed("会员", "member", fmt.Errorf("%s: warnings %v, flagged on purpose: %v", m.m.Name, warn, m.flagged))
		}
		m.id = id
	}
	for _, m := range p.people {
		if !m.leave.IsZero() {
			if err := s.LeaveMember(ctx, m.id, m.leave, m.reason); err != nil {
				return demoFailed("退会 "+m.m.Name, "leave "+m.m.Name, err)
			}
		}
	}
	for _, row := range p.dues {
		row.d.MemberID = row.p.id
		if _, err := s.SaveDues(ctx, row.d); err != nil {
			return demoFailed(fmt.Sprintf("会费 %s %d", row.p.m.Name, row.d.Year), fmt.Sprintf("dues %s %d", row.p.m.Name, row.d.Year), err)
		}
	}

	for _, a := range p.activities {
		act := a.a
		for _, m := range a.attendees {
			act.Attendees = append(act.Attendees, m.id)
		}
		id, err := s.CreateActivity(ctx, act)
		if err != nil {
			return demoFailed("活动 "+act.Title, "activity "+act.Title, err)
		}
		a.id = id
		for i := range a.photos {
			ph := &a.photos[i]
			select {
			case <-ph.ready:
			case <-ctx.Done():
				return ctx.Err()
			}
			if ph.err != nil {
				return demoFailed("照片 "+ph.name, "photo "+ph.name, ph.err)
			}
			if _, err := s.AddPhoto(ctx, id, ph.name, ph.jpeg, ph.caption, act.Date); err != nil {
				return demoFailed("照片 "+ph.name, "photo "+ph.name, err)
			}
		}
	}

	for _, v := range p.manual {
		if err := s.SetManualValue(ctx, v); err != nil {
			return demoFailed(fmt.Sprintf("指标 %s %d", v.MetricKey, v.Year), fmt.Sprintf("metric %s %d", v.MetricKey, v.Year), err)
		}
	}

	c := draftCase(p)
	if _, err := s.SaveCase(ctx, c); err != nil {
		return demoFailed("案例", "case", err)
	}
	return p.writeAccounts(ctx, s)
}

// fileLog remembers the photo files and folders a Fill created, so a
// failed Fill can take them away again. What existed before is never in it.
type fileLog struct {
	mu    sync.Mutex
	paths []string
}

// writePhoto stores b where AddPhoto will look for it, if it is not there
// yet: through a temporary file, synced and renamed, as AddPhoto does.
// AddPhoto then finds the content-addressed file present and only adds the
// record, which lets the slow file writes run on the render workers.
func (l *fileLog) writePhoto(s *data.Store, b []byte) error {
	sum := sha256.Sum256(b)
	path := s.AttachmentPath(data.Attachment{SHA256: hex.EncodeToString(sum[:]), Ext: ".jpg"})
	l.mu.Lock()
	var missing []string
	for p := path; ; p = filepath.Dir(p) {
		if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
			break
		}
		missing = append(missing, p)
		if p == s.FilesDir() || p == filepath.Dir(p) {
			break
		}
	}
	l.paths = append(l.paths, missing...)
	dirErr := os.MkdirAll(filepath.Dir(path), 0o700)
	l.mu.Unlock()
	if len(missing) == 0 {
		return nil
	}
	if dirErr != nil {
		return dirErr
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-demo-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name()) // no-op after the rename
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

// removeAll deletes what the log holds, deepest paths first, so every
// folder is empty by the time its turn comes.
func (l *fileLog) removeAll() {
	l.mu.Lock()
	defer l.mu.Unlock()
	sort.SliceStable(l.paths, func(i, j int) bool { return len(l.paths[i]) > len(l.paths[j]) })
	for _, p := range l.paths {
		_ = os.Remove(p)
	}
}
