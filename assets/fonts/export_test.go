package fonts

// CandidatesFor lets the external tests see the lookup of any system.
var CandidatesFor = candidatesFor
