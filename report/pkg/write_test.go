package pkg_test

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"chamberdesk/data"
	"chamberdesk/data/datatest"
	"chamberdesk/data/demo"
	"chamberdesk/report/docx/docxtest"
	"chamberdesk/report/pkg"
	"chamberdesk/report/xlsx/xlsxtest"
)

var (
	demoOnce  sync.Once
	demoDir   string
	demoStore *data.Store
	demoCase  data.Case
	demoErr   error
)

// demoPackaged is the demo chamber with its draft case given photos: those
// of its first linked activities, and one taken sideways whose EXIF says
// to turn it upright. It is shared by the tests and never changed after.
func demoPackaged(t *testing.T) (*data.Store, data.Case) {
	t.Helper()
	demoOnce.Do(func() { demoStore, demoCase, demoErr = setupDemo() })
	if demoErr != nil {
		t.Fatal(demoErr)
	}
	return demoStore, demoCase
}

func setupDemo() (*data.Store, data.Case, error) {
	ctx := context.Background()
	var err error
	if demoDir, err = os.MkdirTemp("", "chamberdesk-pkg-"); err != nil {
		return nil, data.Case{}, err
	}
	s, err := data.Create(ctx, filepath.Join(demoDir, "demo.db"), data.OpenOptions{Actor: "test"}, demo.Fill)
	if err != nil {
		return nil, data.Case{}, err
	}
	s.Now = func() time.Time { return demo.Clock }
	cases, err := s.Cases(ctx)
	if err != nil || len(cases) == 0 {
		return nil, data.Case{}, err
	}
	c, err := s.Case(ctx, cases[0].ID)
	if err != nil {
		return nil, data.Case{}, err
	}
	if len(c.Photos) == 0 {
		for _, id := range c.ActivityIDs {
			ps, err := s.Photos(ctx, id)
			if err != nil {
				return nil, data.Case{}, err
			}
			if len(ps) > 0 && len(c.Photos) < 3 {
				c.Photos = append(c.Photos, data.CasePhoto{AttachmentID: ps[0].ID})
			}
		}
		a, err := s.AddPhoto(ctx, c.ActivityIDs[0], "sideways.jpg", sidewaysJPEG(), "侧拍的/合影:*?", demo.Clock)
		if err != nil {
			return nil, data.Case{}, err
		}
		c.Photos = append(c.Photos, data.CasePhoto{AttachmentID: a.ID, Caption: "侧拍的/合影:*?"})
		if _, err := s.SaveCase(ctx, c); err != nil {
			return nil, data.Case{}, err
		}
		if c, err = s.Case(ctx, c.ID); err != nil {
			return nil, data.Case{}, err
		}
	}
	return s, c, nil
}

// sidewaysJPEG is a 300×200 picture whose EXIF orientation (6) says it is
// shown turned a quarter clockwise, i.e. 200×300.
func sidewaysJPEG() []byte {
	img := image.NewRGBA(image.Rect(0, 0, 300, 200))
	for y := range 200 {
		for x := range 300 {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), 90, 255})
		}
	}
	var buf bytes.Buffer
	_ = jpeg.Encode(&buf, img, &jpeg.Options{Quality: 80})
	b := buf.Bytes()
	tiff := []byte("II*\x00\x08\x00\x00\x00\x01\x00\x12\x01\x03\x00\x01\x00\x00\x00\x06\x00\x00\x00\x00\x00\x00\x00")
	payload := append([]byte("Exif\x00\x00"), tiff...)
	app1 := []byte{0xFF, 0xE1, 0, 0}
	binary.BigEndian.PutUint16(app1[2:], uint16(len(payload)+2))
	app1 = append(app1, payload...)
	return slices.Concat(b[:2], app1, b[2:])
}

func TestMain(m *testing.M) {
	code := m.Run()
	if demoStore != nil {
		demoStore.Close()
	}
	if demoDir != "" {
		os.RemoveAll(demoDir)
	}
	os.Exit(code)
}

// need finds a tool the test reads the package back with.
func need(t *testing.T, tool string) string {
	t.Helper()
	pkg := map[string]string{"unzip": "unzip", "pdftotext": "poppler-utils", "pdffonts": "poppler-utils"}[tool]
	if pkg == "" {
		pkg = tool
	}
	return datatest.NeedTool(t, tool, pkg)
}

func TestWriteDemoCase(t *testing.T) {
	s, c := demoPackaged(t)
	dir := datatest.TempDir(t)
	var steps []string
	var fracs []float64
	path, err := pkg.Write(context.Background(), s, c.ID, dir, func(step string, frac float64) {
		steps, fracs = append(steps, step), append(fracs, frac)
	})
	if err != nil {
		t.Fatal(err)
	}
	top := pkg.PackageName(c.Year, demo.OrgShortName(), c.Title)
	if path != filepath.Join(dir, top+".zip") || !strings.HasPrefix(top, "2026创新中国案例申报_") {
		t.Fatalf("package at %s", path)
	}
	if names := dirNames(t, dir); len(names) != 1 {
		t.Fatalf("the folder holds %v, want the package alone", names)
	}
	if !slices.IsSorted(fracs) || fracs[len(fracs)-1] != 1 || len(steps) < 7 {
		t.Errorf("progress %v %v", steps, fracs)
	}

	files := readZip(t, path, top)
	var m pkg.Manifest
	if err := json.Unmarshal(files[pkg.EntryManifest], &m); err != nil {
		t.Fatal(err)
	}
	t.Run("Manifest", func(t *testing.T) { checkManifest(t, m, files, c) })
	t.Run("Unzip", func(t *testing.T) {
		out, err := exec.Command(need(t, "unzip"), "-t", path).CombinedOutput()
		if err != nil || !strings.Contains(string(out), "No errors detected") {
			t.Fatalf("unzip -t: %v\n%s", err, out)
		}
		// With the UTF-8 flag set, unzip shows the Chinese names as written.
		out, err = exec.Command(need(t, "unzip"), "-l", path).CombinedOutput()
		if err != nil || !strings.Contains(string(out), top+"/05_图片/01_") || !strings.Contains(string(out), pkg.EntryDocx) {
			t.Fatalf("unzip -l: %v\n%s", err, out)
		}
	})
	extracted := datatest.TempDir(t)
	for name, b := range files {
		p := filepath.Join(extracted, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Run("Docx", func(t *testing.T) {
		text := squash(docxtest.Text(t, filepath.Join(extracted, pkg.EntryDocx)))
		for _, want := range append(figurePhrases(c), c.Title, "主要做法", "主要成效", demo.OrgName(), c.ContactPerson) {
			if !strings.Contains(text, squash(want)) {
				t.Errorf("the Word document lacks %q", want)
			}
		}
	})
	t.Run("PDF", func(t *testing.T) {
		out, err := exec.Command(need(t, "pdftotext"), "-enc", "UTF-8", filepath.Join(extracted, pkg.EntryPDF), "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		text := squash(string(out))
		for _, want := range append(figurePhrases(c), c.Title, demo.OrgName()) {
			if !strings.Contains(text, squash(want)) {
				t.Errorf("the PDF lacks %q", want)
			}
		}
	})
	t.Run("Summary", func(t *testing.T) {
		wb := xlsxtest.Read(t, filepath.Join(extracted, pkg.EntrySummary))
		sh := wb.Sheet(t, "申报汇总表")
		rows := sh.Data()
		if len(rows) != 1 || rows[0][sh.Header(t, "案例名称")].Str() != c.Title ||
			rows[0][sh.Header(t, "申报单位")].Str() != demo.OrgName() {
			t.Fatalf("summary rows %v", rows)
		}
		if r := rows[0][sh.Header(t, "主要成效")].Str(); !strings.Contains(r, c.Figures[len(c.Figures)-1].Phrasing) {
			t.Errorf("主要成效 %q", r)
		}
	})
	t.Run("Ledger", func(t *testing.T) { checkLedger(t, filepath.Join(extracted, pkg.EntryLedger), c) })
	t.Run("Photos", func(t *testing.T) {
		var got []string
		for name, b := range files {
			if !strings.HasPrefix(name, pkg.DirPhotos+"/") {
				continue
			}
			got = append(got, name)
			cfg, format, err := image.DecodeConfig(bytes.NewReader(b))
			if err != nil || format != "jpeg" || max(cfg.Width, cfg.Height) > 1920 {
				t.Errorf("%s: %s %dx%d %v", name, format, cfg.Width, cfg.Height, err)
			}
		}
		if len(got) != len(c.Photos) {
			t.Fatalf("photos %v, want %d", got, len(c.Photos))
		}
		checkPhotoUpright(t, files, c)
	})
	t.Run("Verify", func(t *testing.T) {
		if _, ps := pkg.Verify(path); len(ps) > 0 {
			t.Fatalf("the package just written has problems: %v", ps)
		}
	})
}

// readZip reads every file of the package, checking that each entry is
// under top and that every non-ASCII name carries the UTF-8 flag (bit 11).
func readZip(t *testing.T, path, top string) map[string][]byte {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	files := map[string][]byte{}
	for _, f := range zr.File {
		rest, ok := strings.CutPrefix(f.Name, top+"/")
		if !ok {
			t.Errorf("entry %s outside %s", f.Name, top)
		}
		if f.Flags&0x800 == 0 {
			t.Errorf("entry %s lacks the UTF-8 flag", f.Name)
		}
		if strings.HasSuffix(f.Name, "/") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		files[rest] = b
	}
	return files
}

func checkManifest(t *testing.T, m pkg.Manifest, files map[string][]byte, c data.Case) {
	if m.Format != pkg.Format || m.Version != pkg.Version || m.CreatedAt != "2026-11-20T10:00:00Z" || m.Generator.Version == "" {
		t.Errorf("header %+v", m)
	}
	if m.Organization.Name != demo.OrgName() || m.Organization.ShortName != demo.OrgShortName() ||
		m.Organization.Type == "" || m.Organization.Region == "" {
		t.Errorf("organization %+v", m.Organization)
	}
	if m.Case.Title != c.Title || m.Case.Year != c.Year || m.Case.Category != c.Category || m.Case.Photos != len(c.Photos) {
		t.Errorf("case %+v", m.Case)
	}
	if len(m.Figures) != len(c.Figures) {
		t.Fatalf("%d figures, want %d", len(m.Figures), len(c.Figures))
	}
	for i, f := range m.Figures {
		want := c.Figures[i]
		if f.MetricKey != want.MetricKey || f.Value != want.Value || f.Phrasing != want.Phrasing || f.MetricName == "" ||
			f.Source == "" || f.Untraced || f.Stale || f.State != data.FigureChecked || f.Records == 0 {
			t.Errorf("figure %d: %+v", i, f)
		}
	}
	listed := map[string]bool{}
	for _, fr := range m.Files {
		listed[fr.Path] = true
		b, ok := files[fr.Path]
		sum := sha256.Sum256(b)
		if !ok || int64(len(b)) != fr.Size || hex.EncodeToString(sum[:]) != fr.SHA256 {
			t.Errorf("%s: size %d sha256 %x, manifest %d %s", fr.Path, len(b), sum, fr.Size, fr.SHA256)
		}
	}
	for name := range files {
		if !listed[name] && name != pkg.EntryManifest {
			t.Errorf("%s is not in the manifest", name)
		}
	}
	if listed[pkg.EntryManifest] {
		t.Error("the manifest lists itself")
	}
}

func checkLedger(t *testing.T, path string, c data.Case) {
	wb := xlsxtest.Read(t, path)
	if acts := wb.Sheet(t, "活动台账").Data(); len(acts) != len(c.ActivityIDs) {
		t.Errorf("ledger has %d activities, the case links %d", len(acts), len(c.ActivityIDs))
	}
	figs := wb.Sheet(t, "案例数据")
	rows := figs.Data()
	if len(rows) != len(c.Figures) {
		t.Fatalf("%d figure rows, want %d", len(rows), len(c.Figures))
	}
	for i, f := range c.Figures {
		v, ok := rows[i][figs.Header(t, "精确值")].Num()
		if !ok || v != f.Value || rows[i][figs.Header(t, "文中表述")].Str() != f.Phrasing ||
			rows[i][figs.Header(t, "来源")].Str() == "" || rows[i][figs.Header(t, "核对结果")].Str() != "已核对" {
			t.Errorf("figure row %d: %v", i, rows[i])
		}
	}
	recs := wb.Sheet(t, "数据明细")
	total := map[string]float64{}
	for _, r := range recs.Data() {
		v, _ := r[recs.Header(t, "计入数值")].Num()
		total[r[recs.Header(t, "指标")].Str()] += v
	}
	// The records add up to each figure.
	for i, f := range c.Figures {
		name := rows[i][figs.Header(t, "指标")].Str()
		if d := total[name] - f.Value; d > 1e-6 || d < -1e-6 {
			t.Errorf("records of %s add up to %v, the figure is %v", name, total[name], f.Value)
		}
	}
}

func figurePhrases(c data.Case) []string {
	var out []string
	for _, f := range c.Figures {
		out = append(out, f.Phrasing)
	}
	return out
}

// squash drops all white space: converters break lines and pad CJK text
// with spaces where they like.
func squash(s string) string {
	return strings.Join(strings.Fields(s), "")
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

// TestWriteFailureLeavesNothing: a cancelled package, and one whose photo
// file has gone, leave the folder as it was.
func TestWriteFailureLeavesNothing(t *testing.T) {
	s, c := demoPackaged(t)
	dir := datatest.TempDir(t)
	ctx, cancel := context.WithCancel(context.Background())
	_, err := pkg.Write(ctx, s, c.ID, dir, func(step string, frac float64) {
		if frac >= 0.5 {
			cancel()
		}
	})
	if err == nil {
		t.Fatal("a cancelled package was written")
	}
	if names := dirNames(t, dir); len(names) != 0 {
		t.Fatalf("a cancelled package left %v", names)
	}
	if _, err := pkg.Write(context.Background(), s, c.ID, filepath.Join(dir, "没有"), nil); !data.IsCode(err, data.CodeNotFound) {
		t.Fatalf("missing folder: %v", err)
	}
	if _, err := pkg.Write(context.Background(), s, 999999, dir, nil); !data.IsCode(err, data.CodeNotFound) {
		t.Fatalf("missing case: %v", err)
	}
	if names := dirNames(t, dir); len(names) != 0 {
		t.Fatalf("failed packages left %v", names)
	}
}
