package main

import "strings"

// allowance excuses one skip: the test's name and a piece of the message
// it must have given, so the same test skipping for another reason is not
// excused.
type allowance struct {
	pkg, test, reason, why string
}

// allowed is the short list of skips that say the platform cannot do what
// the test checks, never that a tool was missing.
var allowed = []allowance{
	// Unix file modes do not exist on Windows; the Windows run checks where
	// the files live instead.
	{"chamberdesk/data", "TestFilesArePrivate", "Unix modes", "仅 Unix 有文件权限位 Unix file modes only"},
	// Some file systems (FAT on a USB stick, a Windows account without the
	// privilege) cannot make symbolic links.
	{"chamberdesk/data", "TestPortableDir/SymlinkedExe", "no symlinks here", "文件系统不支持符号链接 no symlinks on this file system"},
}

// allowedOnWindows excuses, in `make test-windows` only (testsummary
// -windows), skips of tests that run as Windows programs under Wine and
// check something only Linux can check there. An empty pkg or test matches
// any; the reason fragment must always match.
var allowedOnWindows = []allowance{
	// datatest.Missing on Windows: the readers (python3 with openpyxl,
	// soffice, pdftotext, sqlite3, unzip, go) are Linux programs; `make test`
	// on Linux reads the same outputs back, and fails under CI without them.
	{"", "", "Windows run: Linux reader", "读取工具是 Linux 程序，由 Linux 上的 make test 读回 needs a Linux reader; the Linux run reads it back"},
	// A folder's read-only attribute does not stop Windows creating files in
	// it; only an ACL does, which the test cannot set under Wine.
	{"chamberdesk/data", "TestCanWrite/ReadOnlyFolder", "Windows: no read-only folder without ACLs", "Windows 上只读文件夹要靠 ACL read-only folders need ACLs on Windows"},
	// The crash harness builds chamberctl with the go command and counts a
	// kill by the SIGKILL in the wait status; a Windows test binary has no go
	// command, and TerminateProcess leaves an exit code only. The Linux run
	// kills chamberctl mid-import and mid-export.
	{"chamberdesk/cmd/chamberctl", "TestCrashDuringImportAndExport", "Windows: crash harness needs go build and SIGKILL", "崩溃测试靠 go 命令和 SIGKILL，由 Linux 上运行 the crash harness needs go and SIGKILL; the Linux run does it"},
}

// Allowed says whether a skip is on the list, and why. windows adds the
// Windows-only list.
func Allowed(s Skip, windows bool) (string, bool) {
	list := allowed
	if windows {
		list = append(append([]allowance(nil), allowed...), allowedOnWindows...)
	}
	for _, a := range list {
		if (a.pkg == "" || s.Package == a.pkg) && (a.test == "" || s.Test == a.test) && strings.Contains(s.Reason, a.reason) {
			return a.why, true
		}
	}
	return "", false
}
