//! Weekly running load from the journal's activities (filled in below).
