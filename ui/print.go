package ui

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/data"
	"chamberdesk/report/pdf"
)

// Printing: a document is written as a PDF into a scratch folder in the
// background and opened in the system's PDF viewer, which prints it; a
// dialog then offers to keep a copy (另存为). The program draws no print
// dialog of its own: every office PC has a viewer that prints well.

// pdfFilter shows PDF files in the file dialogs.
var pdfFilter = storage.NewExtensionFileFilter([]string{".pdf"})

// printDirName is the scratch folder under the system's temporary folder.
const printDirName = "chamberdesk-print"

// printKeep is how long printed files stay in the scratch folder: long
// enough to print again from the viewer, short enough not to pile up.
const printKeep = 24 * time.Hour

// printJob is one document to print.
type printJob struct {
	kind string // 活动简报, 签到表, 活动台账: the dialog's title and the file name's start
	name string // what it is about, for the file name: an activity's title, a year
	// load reads what the document shows and returns its writer; it runs
	// off the UI thread.
	load func(ctx context.Context, s *data.Store) (func(io.Writer) error, error)
}

// fileName is the job's file name, without folder or extension.
func (j printJob) fileName() string {
	return cleanFileName(j.kind + "_" + j.name)
}

// cleanFileName replaces what Windows or Linux refuses in a file name, and
// keeps the name short enough for any file system.
func cleanFileName(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < ' ' || strings.ContainsRune(`\/:*?"<>|`, r) {
			return '_'
		}
		return r
	}, strings.TrimSpace(s))
	if rs := []rune(s); len(rs) > 60 {
		s = string(rs[:60])
	}
	return s
}

// print writes the job's PDF into the scratch folder and opens it.
func (a *App) print(job printJob) {
	st := a.store()
	if st == nil {
		return
	}
	var path string
	a.background(lang.L("正在生成 PDF…"), func(ctx context.Context) error {
		write, err := job.load(ctx, st)
		if err != nil {
			return err
		}
		dir, err := printDir()
		if err != nil {
			return err
		}
		// A new name each time: a viewer still showing the last one (and on
		// Windows locking it) must not stop the next.
		path = filepath.Join(dir, job.fileName()+"_"+st.Now().Format("150405")+".pdf")
		if err := pdf.WriteFile(path, write); err != nil {
			return fmt.Errorf("%s%w", lang.L("PDF 生成失败："), err)
		}
		return nil
	}, func() { a.printed(job, path, a.showPath(path)) })
}

// printDir makes the scratch folder and clears out what is older than
// printKeep.
func printDir() (string, error) {
	dir := filepath.Join(os.TempDir(), printDirName)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("%s%w", lang.L("无法创建临时文件夹："), err)
	}
	if es, err := os.ReadDir(dir); err == nil {
		for _, e := range es {
			if fi, err := e.Info(); err == nil && !e.IsDir() && time.Since(fi.ModTime()) > printKeep {
				_ = os.Remove(filepath.Join(dir, e.Name()))
			}
		}
	}
	return dir, nil
}

// showPath opens path with the system's program for it (the PDF viewer for
// a PDF, the file manager for a folder), or with the opener a test put in
// its place.
func (a *App) showPath(path string) error {
	if a.openPDF != nil {
		return a.openPDF(path)
	}
	u, err := url.Parse(storage.NewFileURI(path).String())
	if err != nil {
		return err
	}
	return a.fyne.OpenURL(u)
}

// printed tells where the PDF is and offers to save a copy elsewhere.
func (a *App) printed(job printJob, path string, openErr error) {
	msg := lang.L("已在系统的 PDF 阅读器中打开，可在阅读器中打印。")
	if openErr != nil {
		msg = lang.L("无法打开 PDF 阅读器，请手动打开下面的文件打印：") + "\n" + openErr.Error()
	}
	where := widget.NewLabel(filepath.Clean(path))
	where.Wrapping = fyne.TextWrapBreak
	where.Importance = widget.LowImportance
	body := container.NewVBox(newLabel(msg), where)
	d := dialog.NewCustomConfirm(job.kind, lang.L("另存为…"), lang.L("关闭"), body, func(save bool) {
		if save {
			a.pickSaveFile(job.fileName()+".pdf", ".pdf", pdfFilter, func(dst string) { a.savePrinted(path, dst) })
		}
	}, a.win)
	d.SetConfirmImportance(widget.MediumImportance)
	a.present(d)
}

// savePrinted copies the printed PDF to dst, whole or not at all.
func (a *App) savePrinted(src, dst string) {
	a.background(lang.L("正在保存…"), func(context.Context) error {
		err := pdf.WriteFile(dst, func(w io.Writer) error {
			f, err := os.Open(src)
			if err != nil {
				return err
			}
			defer f.Close()
			_, err = io.Copy(w, f)
			return err
		})
		if err != nil {
			return fmt.Errorf("%s%w", lang.L("保存失败："), err)
		}
		return nil
	}, func() { a.showInfo(lang.L("保存完成"), lang.L("已保存到 ")+filepath.Clean(dst)) })
}

// Print jobs for the screens.

func activityPrintJob(id int64, title string) printJob {
	return printJob{kind: lang.L("活动简报"), name: title,
		load: func(ctx context.Context, s *data.Store) (func(io.Writer) error, error) {
			d, err := pdf.LoadActivity(ctx, s, id)
			return func(w io.Writer) error { return pdf.WriteActivity(w, d) }, err
		}}
}

func signinPrintJob(id int64, title string) printJob {
	return printJob{kind: lang.L("签到表"), name: title,
		load: func(ctx context.Context, s *data.Store) (func(io.Writer) error, error) {
			d, err := pdf.LoadSignin(ctx, s, id)
			return func(w io.Writer) error { return pdf.WriteSignin(w, d) }, err
		}}
}

func ledgerPrintJob(year int) printJob {
	return printJob{kind: lang.L("活动台账"), name: fmt.Sprintf(lang.L("%d年"), year),
		load: func(ctx context.Context, s *data.Store) (func(io.Writer) error, error) {
			d, err := pdf.LoadLedger(ctx, s, year)
			return func(w io.Writer) error { return pdf.WriteLedger(w, d) }, err
		}}
}

// newActivityPrintButtons makes the activity screen's 打印简报 and 签到表
// buttons; they print the selected activity.
func newActivityPrintButtons(s *activitiesScreen) (summary, signin *widget.Button) {
	on := func(job func(int64, string) printJob) func() {
		return func() {
			if act := s.selectedActivity(); act != nil {
				s.sh.print(job(act.ID, act.Title))
			}
		}
	}
	summary = widget.NewButtonWithIcon(lang.L("打印简报"), theme.DocumentPrintIcon(), on(activityPrintJob))
	signin = widget.NewButtonWithIcon(lang.L("签到表"), theme.DocumentPrintIcon(), on(signinPrintJob))
	return summary, signin
}

// newLedgerPrintButton makes the 报表 screen's 打印活动台账 button, for the
// year chosen there.
func newLedgerPrintButton(s *reportsScreen) *widget.Button {
	return widget.NewButtonWithIcon(lang.L("打印活动台账"), theme.DocumentPrintIcon(), func() {
		if y := s.year.Year(); y > 0 {
			s.sh.print(ledgerPrintJob(y))
		}
	})
}
