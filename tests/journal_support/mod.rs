//! What the journal tests share: writing to a journal behind the store's back.
#![allow(clippy::unwrap_used)]

use std::io::Write;
use std::path::Path;

use rehab_planner::store::journal::JOURNAL_FILE;

/// Appends bytes to the journal in `dir` as another program (or a crash mid-write) would.
pub fn append_raw(dir: &Path, bytes: &[u8]) {
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(dir.join(JOURNAL_FILE))
        .unwrap();
    f.write_all(bytes).unwrap();
}
