//! Prescription files on disk: read by the regular-file rules of `store::files`, written like a
//! printed plan (never over an existing file without `--force`, never through a link, never
//! half a file), and imported into a profile folder through `OpenProfile`'s locked, atomic
//! writes.

use std::io;
use std::path::Path;

use super::data_error::StoreError;
use super::export::{WriteError, write_plan};
use super::files::{Limit, read};
use super::profile::OpenProfile;
use crate::handover::prescription::Imported;
use crate::paths::Paths;

/// The text of a prescription file. A file that is not UTF-8 is refused with its position.
pub fn read_prescription(path: &Path) -> Result<String, StoreError> {
    let bytes = read(path, Limit::Profile).map_err(StoreError::io("read", path))?;
    String::from_utf8(bytes).map_err(|e| {
        let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
        let (line, column) = crate::text::line_column(&lossy, e.utf8_error().valid_up_to());
        StoreError::Invalid(format!(
            "{}:{line}:{column}: this is not UTF-8 text\n  hint: export the file again with \
             `rehab profile export`",
            crate::text::path(path)
        ))
    })
}

/// Writes a prescription's text to `path`: a new file, or over a regular one with `force`.
pub fn write_prescription(path: &Path, text: &str, force: bool) -> Result<(), WriteError> {
    write_plan(path, text, force)
}

/// What an import did.
#[derive(Debug)]
pub struct ImportDone {
    pub open: OpenProfile,
    /// An existing profile's settings were replaced (its journal and answers kept).
    pub replaced: bool,
    /// The assessment was written to the journal (it was not there already).
    pub assessment_recorded: bool,
    /// Into an existing profile: from when its new settings plan.
    pub settings_change: Option<rehab_domain::profile::SettingsChange>,
}

/// Creates the profile an import checked, or with `force` replaces an existing profile's
/// condition, settings, overrides and patient fields, keeping its red-flag answers and journal.
/// Without `force` an existing profile is never touched. The file's assessment is recorded in
/// a new profile's journal; an existing profile's holds are never lifted by an import.
pub fn import_profile(
    paths: &Paths,
    imported: &Imported,
    force: bool,
) -> Result<ImportDone, StoreError> {
    let name = &imported.profile.name;
    let exists = match super::profile::read_profile(paths, name) {
        Ok(_) => true,
        Err(StoreError::NoProfile { .. }) => false,
        // A damaged profile is never replaced by an import: `rehab doctor` first.
        Err(e) => return Err(e),
    };
    if exists && !force {
        return Err(StoreError::Exists(name.clone()));
    }
    // The journal record is checked before the profile is made or changed: all or nothing.
    let record = imported
        .assessment
        .as_ref()
        .map(|a| rehab_domain::journal::Record::Assessed {
            date: a.date,
            by: a.by.clone(),
        });
    if let Some(record) = &record {
        record.validate_new().map_err(StoreError::Invalid)?;
    }
    let mut settings_change = None;
    let mut open = if exists {
        let mut open = OpenProfile::open(paths, name)?;
        // Days done are history: the days before keep the settings they had.
        settings_change = open.apply(&imported.replacing_plan())?;
        open
    } else {
        OpenProfile::create(paths, imported.profile.clone())?
    };
    let mut assessment_recorded = false;
    // §1.5: an import never lifts a hold. A new profile has no answers for the file's
    // assessment to lift, so it is kept as history; into an existing profile it is not
    // written (its clinician records their own).
    if let Some(record) = &record
        && let rehab_domain::journal::Record::Assessed { date, .. } = record
        && !exists
        && !open.journal.state().assessments.contains(date)
    {
        open.apply(&rehab_app::session::Change::records(vec![record.clone()]))?;
        assessment_recorded = true;
    }
    Ok(ImportDone {
        open,
        replaced: exists,
        assessment_recorded,
        settings_change,
    })
}

/// Whether a path names standard output (`-`).
pub fn is_stdout(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// The error for a missing import file, in words.
pub fn describe_read_error(e: &StoreError) -> String {
    match e {
        StoreError::Io { source, path, .. } if source.kind() == io::ErrorKind::NotFound => {
            format!("{}: there is no such file", crate::text::path(path))
        }
        other => other.to_string(),
    }
}
