package pkg

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"image/jpeg"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"chamberdesk/assets"
	"chamberdesk/data"
	"chamberdesk/report/docx"
	"chamberdesk/report/pdf"
	"chamberdesk/report/xlsx"
)

// CodeEntryFailed: one document of the package could not be made; Err
// holds the cause.
const CodeEntryFailed = "package.entry"

// Packaged photos: long side in pixels (about 200 dpi across an A4 page,
// plenty for printing) and JPEG quality.
const (
	photoSide    = 1920
	photoQuality = 85
)

// Write writes the submission package of a case into dir as
// <年度>创新中国案例申报_<单位简称>_<案例简题>.zip and returns its path. It is
// written to a temporary file and renamed, so a failure, or a cancelled
// ctx, leaves nothing behind (and an older package of the same name as it
// was). progress, when not nil, is called before each step with the share
// of the work done.
func Write(ctx context.Context, s *data.Store, caseID int64, dir string, progress func(step string, frac float64)) (string, error) {
	if progress == nil {
		progress = func(string, float64) {}
	}
	progress("读取案例", 0)
	c, err := s.Case(ctx, caseID)
	if err != nil {
		return "", err
	}
	org, err := s.Organization(ctx)
	if err != nil {
		return "", err
	}
	if strings.TrimSpace(c.Title) == "" || strings.TrimSpace(org.Name) == "" {
		return "", &data.Error{Code: data.CodeInvalid, Field: "案例标题", Msg: "案例标题和单位名称不能为空，请先填写", MsgEN: "the case title and organization name must not be empty; please fill them in first",
			Reason: "case title or organization name is empty"}
	}
	unit := org.ShortName
	if strings.TrimSpace(unit) == "" {
		unit = org.Name
	}
	name := PackageName(c.Year, unit, c.Title)
	path := filepath.Join(dir, name+".zip")
	err = writeAtomic(path, func(w io.Writer) error {
		return build(ctx, s, c, org, name, w, progress)
	})
	if err != nil {
		return "", err
	}
	progress("完成", 1)
	return path, nil
}

// build writes the package's entries in order.
func build(ctx context.Context, s *data.Store, c data.Case, org data.Organization, top string,
	w io.Writer, progress func(string, float64)) error {
	at := s.Now().UTC().Truncate(time.Second)
	pw, err := newPackWriter(w, top, at)
	if err != nil {
		return err
	}
	progress("核对案例数据", 0.05)
	ev, err := xlsx.LoadEvidence(ctx, s, c)
	if err != nil {
		return err
	}
	row, _, err := xlsx.CaseAwardRow(ctx, s, c)
	if err != nil {
		return err
	}
	photos, err := casePhotos(ctx, s, c)
	if err != nil {
		return err
	}
	steps := []struct {
		label string
		frac  float64
		entry string
		write func(io.Writer) error
	}{
		{"生成申报书（Word）", 0.1, EntryDocx, func(w io.Writer) error {
			return docx.WriteCase(w, docx.CaseDoc{Org: org, Case: c, Created: at})
		}},
		{"生成申报书（PDF）", 0.2, EntryPDF, func(w io.Writer) error {
			doc := pdf.CaseDoc{Org: org, Case: c}
			for _, p := range photos {
				doc.Photos = append(doc.Photos, pdf.CasePhoto{Path: p.path, Caption: p.caption})
			}
			return pdf.WriteCase(w, doc)
		}},
		{"生成申报汇总表", 0.45, EntrySummary, func(w io.Writer) error {
			return xlsx.WriteCaseAwardSummary(ctx, s, c, w)
		}},
		{"生成活动台账", 0.5, EntryLedger, ev.Write},
	}
	for _, st := range steps {
		if err := ctx.Err(); err != nil {
			return err
		}
		progress(st.label, st.frac)
		var buf bytes.Buffer
		if err := st.write(&buf); err != nil {
			return &data.Error{Code: CodeEntryFailed, Field: "材料包", Value: st.entry,
				Msg: strings.TrimPrefix(st.label, "生成") + "失败", MsgEN: "could not make " + st.entry,
				Reason: "writing " + st.entry, Err: err}
		}
		if err := pw.add(st.entry, buf.Bytes()); err != nil {
			return err
		}
	}
	if len(photos) > 0 {
		if err := pw.dir(DirPhotos); err != nil {
			return err
		}
	}
	for i, p := range photos {
		if err := ctx.Err(); err != nil {
			return err
		}
		progress(fmt.Sprintf("处理图片 %d/%d", i+1, len(photos)), 0.55+0.4*float64(i)/float64(len(photos)))
		b, err := photoJPEG(p.path)
		if err != nil {
			return err
		}
		if err := pw.add(photoName(i, p.caption), b); err != nil {
			return err
		}
	}
	progress("写入清单", 0.95)
	return pw.finish(manifest(c, org, row.Results, ev, len(photos), at))
}

type photo struct{ path, caption string }

// casePhotos are the case's chosen photos with their files; the caption
// chosen for the case wins over the activity's.
func casePhotos(ctx context.Context, s *data.Store, c data.Case) ([]photo, error) {
	var out []photo
	for _, p := range c.Photos {
		a, err := s.Attachment(ctx, p.AttachmentID)
		if err != nil {
			return nil, err
		}
		caption := strings.TrimSpace(p.Caption)
		if caption == "" {
			caption = a.Caption
		}
		out = append(out, photo{path: s.AttachmentPath(a), caption: caption})
	}
	return out, nil
}

// photoJPEG re-encodes a photo upright (its EXIF orientation applied, since
// not every viewer reads it) and no larger than the package needs.
func photoJPEG(path string) ([]byte, error) {
	img, err := data.Thumbnail(path, photoSide)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: photoQuality}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func manifest(c data.Case, org data.Organization, mainResults string, ev *xlsx.Evidence, photos int, at time.Time) *Manifest {
	rec := c.Recommender
	if rec == "" {
		rec = org.ParentFederation
	}
	m := &Manifest{
		Format: Format, Version: Version, CreatedAt: at.Format(time.RFC3339),
		Generator: Generator{Name: "ChamberDesk", Version: assets.Version},
		Organization: Org{Name: org.Name, ShortName: org.ShortName, Type: org.Type, Region: org.Region,
			ParentFederation: org.ParentFederation},
		Case: CaseInfo{Year: c.Year, Category: c.Category, Level: c.Level, Title: c.Title, Lead: c.Lead,
			Practices: c.Practices, Results: c.Results, MainResults: mainResults,
			ContactPerson: c.ContactPerson, ContactOffice: c.ContactOffice, ContactPhone: c.ContactPhone,
			Recommender: rec, RecommenderOpinion: c.RecommenderOpinion, Status: c.Status,
			Activities: len(c.ActivityIDs), Photos: photos},
		Figures: []FigureRef{},
	}
	for _, f := range ev.Figures {
		m.Figures = append(m.Figures, FigureRef{
			MetricKey: f.MetricKey, MetricName: f.Name, Section: f.Section, YearFrom: f.YearFrom, YearTo: f.YearTo,
			Value: f.Value, CurrentValue: f.Current, Unit: f.Unit, Phrasing: f.Phrasing, Source: f.Source,
			State: f.State, Untraced: f.Untraced(), Stale: f.Stale(), Records: len(f.Records),
		})
	}
	return m
}

// packWriter writes a package's zip entries under its top folder and keeps
// each file's size and SHA-256 for the manifest.
type packWriter struct {
	zw    *zip.Writer
	top   string
	at    time.Time
	files []FileRef
}

func newPackWriter(w io.Writer, top string, at time.Time) (*packWriter, error) {
	p := &packWriter{zw: zip.NewWriter(w), top: top, at: at}
	return p, p.dir("")
}

// dir adds a folder entry; unzip tools make folders without them, but some
// Windows tools show an empty listing for a zip that has none.
func (p *packWriter) dir(name string) error {
	full := p.top + "/"
	if name != "" {
		full += name + "/"
	}
	_, err := p.zw.CreateHeader(&zip.FileHeader{Name: full, Method: zip.Store, Modified: p.at})
	return err
}

// add writes one file. archive/zip flags a non-ASCII name as UTF-8 (bit
// 11), which is what lets Windows' Explorer and unzip show the Chinese
// names instead of mojibake.
func (p *packWriter) add(name string, b []byte) error {
	method := zip.Deflate
	if strings.HasSuffix(name, ".jpg") {
		method = zip.Store // JPEG does not compress further
	}
	f, err := p.zw.CreateHeader(&zip.FileHeader{Name: p.top + "/" + name, Method: method, Modified: p.at})
	if err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		return err
	}
	sum := sha256.Sum256(b)
	p.files = append(p.files, FileRef{Path: name, Size: int64(len(b)), SHA256: hex.EncodeToString(sum[:])})
	return nil
}

// finish writes the manifest, listing every file added, and closes the zip.
func (p *packWriter) finish(m *Manifest) error {
	m.Files = p.files
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	f, err := p.zw.CreateHeader(&zip.FileHeader{Name: p.top + "/" + EntryManifest, Method: zip.Deflate, Modified: p.at})
	if err != nil {
		return err
	}
	if _, err := f.Write(append(b, '\n')); err != nil {
		return err
	}
	return p.zw.Close()
}

// writeAtomic writes path with the program's one atomic writer: path
// either keeps what it held or gets the whole new file.
func writeAtomic(path string, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return &data.Error{Code: data.CodeNotFound, Field: "保存位置", Value: dir, Msg: "文件夹不存在", MsgEN: "the folder does not exist",
			Reason: "output folder does not exist"}
	}
	// A package is a document the person will share: 0644.
	return data.WriteFileAtomic(path, 0o644, func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 1<<20)
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	})
}
