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

// Allowed says whether a skip is on the list, and why.
func Allowed(s Skip) (string, bool) {
	for _, a := range allowed {
		if s.Package == a.pkg && s.Test == a.test && strings.Contains(s.Reason, a.reason) {
			return a.why, true
		}
	}
	return "", false
}
