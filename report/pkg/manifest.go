// Package pkg writes a case submission package (申报材料包) as one zip, and
// reads packages back: it verifies each one without extracting it and
// combines the good ones into a federation's recommendation list.
package pkg

// Format names the package format in manifest.json; Version is the newest
// version this program writes and reads. docs/package-format.md says what
// each field means and when the version changes.
const (
	Format  = "chamberdesk-case-package"
	Version = 1
)

// Entry names inside the package's top folder.
const (
	EntryDocx     = "01_申报书.docx"
	EntryPDF      = "02_申报书.pdf"
	EntrySummary  = "03_申报汇总表.xlsx"
	EntryLedger   = "04_活动台账.xlsx"
	DirPhotos     = "05_图片"
	EntryManifest = "manifest.json"
)

// requiredEntries must be listed in every package's manifest.
var requiredEntries = []string{EntryDocx, EntryPDF, EntrySummary, EntryLedger}

// Manifest is manifest.json: what the package holds and where it came from.
type Manifest struct {
	Format       string      `json:"format"`
	Version      int         `json:"version"`
	CreatedAt    string      `json:"created_at"` // RFC 3339
	Generator    Generator   `json:"generator"`
	Organization Org         `json:"organization"`
	Case         CaseInfo    `json:"case"`
	Figures      []FigureRef `json:"figures"`
	Files        []FileRef   `json:"files"`
}

// Generator is the program that wrote the package.
type Generator struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Org is the organization that submits the case.
type Org struct {
	Name             string `json:"name"`
	ShortName        string `json:"short_name"`
	Type             string `json:"type"`
	Region           string `json:"region"`
	ParentFederation string `json:"parent_federation"`
}

// CaseInfo is the case itself, as the summary table and the aggregation
// need it.
type CaseInfo struct {
	Year               int    `json:"year"`
	Category           string `json:"category"`
	Level              string `json:"level"`
	Title              string `json:"title"`
	Lead               string `json:"lead"`
	Practices          string `json:"practices"`
	Results            string `json:"results"`
	MainResults        string `json:"main_results"`
	ContactPerson      string `json:"contact_person"`
	ContactOffice      string `json:"contact_office"`
	ContactPhone       string `json:"contact_phone"`
	Recommender        string `json:"recommender"`
	RecommenderOpinion string `json:"recommender_opinion"`
	Status             string `json:"status"`
	Activities         int    `json:"activities"`
	Photos             int    `json:"photos"`
}

// FigureRef is one figure the case quotes, with the exact value and where
// it came from.
type FigureRef struct {
	MetricKey    string  `json:"metric_key"` // "" when typed by hand
	MetricName   string  `json:"metric_name"`
	Section      string  `json:"section"`
	YearFrom     int     `json:"year_from"`
	YearTo       int     `json:"year_to"`
	Value        float64 `json:"value"`
	CurrentValue float64 `json:"current_value"`
	Unit         string  `json:"unit"`
	Phrasing     string  `json:"phrasing"`
	Source       string  `json:"source"`
	State        string  `json:"state"` // checked, stale, untraced, missing
	Untraced     bool    `json:"untraced"`
	Stale        bool    `json:"stale"`
	Records      int     `json:"records"`
}

// FileRef is one file of the package with its size and SHA-256.
type FileRef struct {
	Path   string `json:"path"` // inside the top folder, with forward slashes
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"` // lower-case hex
}
