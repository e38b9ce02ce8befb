package data

import (
	"fmt"
	"path/filepath"
)

// CodeFileInUse: the file to be replaced is open in another program (on
// Windows, WPS or Excel hold an open workbook without delete sharing, so it
// cannot be replaced until it is closed).
const CodeFileInUse = "file.in_use"

// fileInUse is the error for a target another program holds open. The old
// file is untouched; the person closes it and tries again, or saves under
// another name.
func fileInUse(target string, cause error) *Error {
	name := filepath.Base(target)
	return &Error{
		Code:  CodeFileInUse,
		Value: name,
		Msg:   fmt.Sprintf("请先在 WPS 或 Excel 中关闭「%s」再导出", name), MsgEN: fmt.Sprintf("please close \"%s\" in WPS or Excel first, then export again", name),
		Reason: fmt.Sprintf("close %s in WPS or Excel first; the old file is unchanged (%v)", name, cause),
	}
}
