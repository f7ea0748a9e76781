//! What can go wrong with a profile on disk, in words a person can act on.

use std::io;
use std::path::PathBuf;

use rehab_domain::journal::JournalError;
use rehab_domain::profile::ProfileError;

/// A profile or journal that could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "there is no profile `{name}` (looked in {}); create it with \
         `rehab profile new {name} --condition ID` or pick another with --profile",
        crate::text::path(dir)
    )]
    NoProfile { name: String, dir: PathBuf },
    #[error("a profile `{0}` already exists; `rehab profile show {0}` shows it")]
    Exists(String),
    /// A bad profile name or a record out of range: nothing was written.
    #[error("{0}")]
    Invalid(String),
    #[error("{0}\n  `rehab doctor` explains how to fix it")]
    Profile(ProfileError),
    #[error("{0}\n  `rehab doctor` explains how to fix it")]
    Journal(JournalError),
    #[error("cannot {doing} {}: {}", crate::text::path(path), describe_io(source))]
    Io {
        doing: &'static str,
        path: PathBuf,
        source: io::Error,
    },
}

impl StoreError {
    pub fn io(doing: &'static str, path: impl Into<PathBuf>) -> impl FnOnce(io::Error) -> Self {
        let path = path.into();
        move |source| StoreError::Io {
            doing,
            path,
            source,
        }
    }

    /// The problem itself, without the advice the command line adds (the app's load-error
    /// screen gives its own).
    pub fn detail(&self) -> String {
        match self {
            StoreError::Profile(e) => e.to_string(),
            StoreError::Journal(e) => e.to_string(),
            other => other.to_string(),
        }
    }

    /// A file that exists but cannot be used as it is (it needs a person, not a retry).
    pub fn is_damaged_file(&self) -> bool {
        match self {
            StoreError::Profile(_) | StoreError::Journal(_) => true,
            StoreError::Io { source, .. } => super::files::Refused::of(source).is_some(),
            _ => false,
        }
    }
}

/// The error in plain words, naming the usual causes of a failed write.
pub fn describe_io(e: &io::Error) -> String {
    if let Some(refused) = super::files::Refused::of(e) {
        return refused.reason();
    }
    let what = match e.kind() {
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
            "the disk is full; free some space and try again"
        }
        io::ErrorKind::ReadOnlyFilesystem => {
            "the data folder is on a read-only file system; use --data-dir or REHAB_DATA_DIR \
             to pick a writable one"
        }
        io::ErrorKind::PermissionDenied => {
            "permission denied (is the data folder read-only or owned by someone else?)"
        }
        _ => return format!("{e}; nothing already saved was changed"),
    };
    format!("{what} ({e}); nothing already saved was changed")
}
