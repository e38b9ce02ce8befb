// Package data owns ChamberDesk's record of one organization: the SQLite
// store with its embedded migrations, the domain types (members, dues,
// activities, metrics, cases), validation of the values people type, and
// member search. It never imports Fyne.
package data
