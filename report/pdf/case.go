package pdf

import (
	"io"

	"chamberdesk/data"
)

// CaseDoc is what the case write-up PDF shows.
type CaseDoc struct {
	Org    data.Organization
	Case   data.Case
	Photos []CasePhoto
}

// CasePhoto is one chosen photo of a case, with its caption.
type CasePhoto struct{ Path, Caption string }

// WriteCase writes the award case write-up (申报书) as an A4 PDF to w.
func WriteCase(w io.Writer, doc CaseDoc) error {
	return writeCase(w, doc)
}
