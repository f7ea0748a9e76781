//! Profiles on disk: `profiles/<name>/profile.ron` beside the journal. A profile is only ever
//! rewritten whole, atomically, under the folder's lock, and never while its profile or journal
//! file fails to load.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::atomic::{LOCK_FILE, lock_exclusive, lock_shared, sweep_temps_locked, write_atomic};
use super::data_error::StoreError;
use super::journal::{JournalFile, Stamp};
use crate::paths::Paths;
use jiff::civil::Date;
use rehab_app::session::{Change, Standing};
use rehab_domain::catalog::Catalog;
use rehab_domain::profile::{
    Profile, SettingsChange, format_profile, parse_profile, validate_name,
};
use rehab_domain::progress::Memo;

/// The profile's file name in its folder.
pub const PROFILE_FILE: &str = "profile.ron";

/// The folder holding every profile folder.
pub fn profiles_root(paths: &Paths) -> PathBuf {
    paths.data.join("profiles")
}

/// Names of the profile folders, sorted. A missing data folder means no profiles.
pub fn list_profiles(paths: &Paths) -> Result<Vec<String>, StoreError> {
    let root = profiles_root(paths);
    let entries = match fs::read_dir(&root) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(StoreError::io("list", root)(e)),
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|e| e.path().join(PROFILE_FILE).exists())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| validate_name(n).is_ok())
        .collect();
    names.sort();
    Ok(names)
}

/// Reads and checks one profile file.
pub fn read_profile(paths: &Paths, name: &str) -> Result<Profile, StoreError> {
    validate_name(name).map_err(StoreError::Invalid)?;
    let dir = paths.profile_dir(name);
    read_profile_in(&dir, name)
}

fn read_profile_in(dir: &Path, name: &str) -> Result<Profile, StoreError> {
    let path = dir.join(PROFILE_FILE);
    let text = match super::files::read(&path, super::files::Limit::Profile) {
        Ok(bytes) => String::from_utf8(bytes).map_err(|e| {
            let at = text_position(e.as_bytes(), e.utf8_error().valid_up_to());
            StoreError::Profile(rehab_domain::profile::ProfileError::Invalid(
                crate::catalog::Problem::new(
                    &path.display().to_string(),
                    at,
                    "this is not UTF-8 text",
                )
                .hint("fix it in an editor or move the file away"),
            ))
        })?,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(StoreError::NoProfile {
                name: name.to_string(),
                dir: dir.to_path_buf(),
            });
        }
        Err(e) => return Err(StoreError::io("read", path)(e)),
    };
    let mut profile =
        parse_profile(&text, &path.display().to_string()).map_err(StoreError::Profile)?;
    // The folder name is the profile's name, even in a copied folder.
    profile.name = name.to_string();
    Ok(profile)
}

fn text_position(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    (
        line,
        String::from_utf8_lossy(&before[start..]).chars().count() + 1,
    )
}

/// A profile and its journal, loaded and checked: the handle every write goes through.
#[derive(Debug, Clone)]
pub struct OpenProfile {
    pub name: String,
    pub dir: PathBuf,
    pub profile: Profile,
    pub journal: JournalFile,
    /// The profile file as last read, to notice another session's edits.
    profile_stamp: Option<Stamp>,
}

/// The profile's text as it will be written, once it is known to read back: it parses, holds
/// plausible values and fits within the size rehab reads. This is the one gate of every profile
/// write, so no write can leave a file that every later command refuses.
fn checked_text(profile: &Profile) -> Result<String, StoreError> {
    let text = format_profile(profile);
    let limit = super::files::Limit::Profile.bytes();
    if text.len() as u64 > limit {
        return Err(StoreError::Invalid(format!(
            "the profile would be {} bytes, more than a profile may be ({limit}); nothing was \
             written (shorten the patient details or the clinician's changes)",
            text.len()
        )));
    }
    parse_profile(&text, PROFILE_FILE).map_err(|e| StoreError::Invalid(e.to_string()))?;
    Ok(text)
}

fn stamp_of(path: &Path) -> Option<Stamp> {
    fs::metadata(path).ok().map(|m| Stamp::of(&m))
}

impl OpenProfile {
    /// Loads the profile and its whole journal; either failing to load is an error.
    pub fn open(paths: &Paths, name: &str) -> Result<OpenProfile, StoreError> {
        validate_name(name).map_err(StoreError::Invalid)?;
        let dir = paths.profile_dir(name);
        let (profile, profile_stamp) = {
            let _lock = lock_shared(&dir);
            let stamp = stamp_of(&dir.join(PROFILE_FILE));
            (read_profile_in(&dir, name)?, stamp)
        };
        let journal = JournalFile::open(&dir)?;
        Ok(OpenProfile {
            name: name.to_string(),
            dir,
            profile,
            journal,
            profile_stamp,
        })
    }

    /// Creates a new profile folder with its profile file; an existing profile is never touched.
    /// A create that fails (a full disk, a read-only folder) leaves no folder behind: only what
    /// it made is removed, and a folder that holds anything else is kept.
    pub fn create(paths: &Paths, profile: Profile) -> Result<OpenProfile, StoreError> {
        validate_name(&profile.name).map_err(StoreError::Invalid)?;
        // Everything is checked before anything is made: a refused create leaves nothing.
        let text = checked_text(&profile)?;
        let dir = paths.profile_dir(&profile.name);
        let made_folder = !dir.exists();
        fs::create_dir_all(&dir).map_err(StoreError::io("create", &dir))?;
        let written = (|| {
            let _lock =
                lock_exclusive(&dir).map_err(StoreError::io("lock", dir.join(LOCK_FILE)))?;
            let path = dir.join(PROFILE_FILE);
            if fs::symlink_metadata(&path).is_ok() {
                return Err(StoreError::Exists(profile.name.clone()));
            }
            sweep_temps_locked(&dir);
            write_atomic(&path, text.as_bytes()).map_err(StoreError::io("write", &path))
        })();
        if let Err(e) = written {
            if made_folder {
                // Our lock file, then the folder only if nothing else is in it.
                let _ = fs::remove_file(dir.join(LOCK_FILE));
                let _ = fs::remove_dir(&dir);
            }
            return Err(e);
        }
        OpenProfile::open(paths, &profile.name)
    }

    /// A change that makes a profile (`Change::create`): the profile first (its folder holds
    /// the journal), then the rest of the change as [`OpenProfile::apply`] writes it. A crash
    /// between the two leaves a profile without its records (a screening's answers are asked
    /// again).
    pub fn create_with(paths: &Paths, change: &Change) -> Result<OpenProfile, StoreError> {
        let Some(profile) = &change.creates else {
            return Err(StoreError::Invalid(
                "a change to an existing profile goes through OpenProfile::apply".into(),
            ));
        };
        let mut open = OpenProfile::create(paths, (**profile).clone())?;
        open.apply(&Change {
            creates: None,
            ..change.clone()
        })?;
        Ok(open)
    }

    /// Rewrites the profile under the folder's exclusive lock: re-reads the file (another
    /// session may have changed it), applies `change`, and writes it atomically.
    fn update_locked(
        &mut self,
        change: impl FnOnce(&mut Profile) -> Option<SettingsChange>,
    ) -> Result<Option<SettingsChange>, StoreError> {
        self.journal.refresh_locked()?;
        sweep_temps_locked(&self.dir);
        let mut profile = read_profile_in(&self.dir, &self.name)?;
        let settings_change = change(&mut profile);
        let text = checked_text(&profile)?;
        let path = self.dir.join(PROFILE_FILE);
        write_atomic(&path, text.as_bytes()).map_err(StoreError::io("write", &path))?;
        self.profile = profile;
        self.profile_stamp = stamp_of(&path);
        Ok(settings_change)
    }

    /// Re-reads the profile file (after another session may have changed it).
    pub fn reload_profile(&mut self) -> Result<(), StoreError> {
        let _lock = lock_shared(&self.dir);
        let stamp = stamp_of(&self.dir.join(PROFILE_FILE));
        self.profile = read_profile_in(&self.dir, &self.name)?;
        self.profile_stamp = stamp;
        Ok(())
    }

    /// Whether the profile file or the journal changed since this handle read them (one `stat`
    /// each): a running app checks this before showing or writing anything.
    pub fn has_changed(&self) -> bool {
        stamp_of(&self.dir.join(PROFILE_FILE)) != self.profile_stamp || self.journal.has_changed()
    }

    /// Picks up another session's changes to the profile and the journal.
    pub fn refresh(&mut self) -> Result<(), StoreError> {
        if stamp_of(&self.dir.join(PROFILE_FILE)) != self.profile_stamp {
            self.reload_profile()?;
        }
        self.journal.refresh()?;
        Ok(())
    }

    /// Where the profile stands on `dates` (today, and the day asked about), the weeks worked
    /// out from the progression's memo beside the journal when it still holds; a newer memo is
    /// kept there (best effort). For a look at a day and this week (`Standing::recent`).
    pub fn standing(&self, catalog: &Catalog, dates: (Date, Date)) -> Standing {
        let memo = self.memo();
        let (standing, newer) =
            Standing::recent(catalog, &self.profile, self.journal.state(), dates, &memo);
        if let Some(newer) = newer {
            self.keep_memo(&newer);
        }
        standing
    }

    /// The progression's memo beside the journal (empty when there is none).
    pub fn memo(&self) -> Memo {
        let _lock = lock_shared(&self.dir);
        super::cache::read_memo(&self.dir)
    }

    /// Keeps a newer memo beside the journal; best effort, never an error.
    pub fn keep_memo(&self, memo: &Memo) {
        let _lock = lock_shared(&self.dir);
        super::cache::save_memo(&self.dir, memo);
    }

    /// The one way a profile changes (`session::Change`; one that makes a profile goes
    /// through [`OpenProfile::create_with`]). Refused whole, writing nothing, while the profile or journal
    /// does not load or a record or the patched profile would not read back. In this order,
    /// under the folder's exclusive lock:
    ///
    /// 1. the journal records (one write, one fsync);
    /// 2. the profile: re-read, patched, what it follows of the records kept
    ///    ([`Profile::follow`]), written whole to a temporary file and renamed over.
    ///
    /// A crash between the two loses no record: the journal is the truth the gate reads, and the
    /// next change brings the profile up to it. Records alone (ticks, pain) skip step 2.
    pub fn apply(&mut self, change: &Change) -> Result<Option<SettingsChange>, StoreError> {
        if change.creates.is_some() {
            return Err(StoreError::Invalid(
                "a change that makes a profile goes through OpenProfile::create_with".into(),
            ));
        }
        if stamp_of(&self.dir.join(PROFILE_FILE)) != self.profile_stamp {
            self.reload_profile()?;
        }
        let Change { patch, records, .. } = change;
        if patch.is_empty() && !records.iter().any(Profile::follows) {
            return self.journal.append_all(records).map(|()| None);
        }
        for record in records {
            record.validate_new().map_err(StoreError::Invalid)?;
        }
        // The patched profile must read back before a record is written: all or nothing.
        checked_text(&patch.applied_to(&self.profile))?;
        let _lock =
            lock_exclusive(&self.dir).map_err(StoreError::io("lock", self.dir.join(LOCK_FILE)))?;
        if !records.is_empty() {
            self.journal.append_all_locked(records)?;
        }
        self.update_locked(|p| change.apply_to(p))
    }
}
