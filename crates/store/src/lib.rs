//! All disk I/O: reading library folders, and (in submodules) profiles, journals and exports.
//! Domain modules get text and give back values; only this crate touches files.

// The layers below, named as this crate's own paths use them.
#[allow(unused_imports)]
use rehab_app::{handover, session};
#[allow(unused_imports)]
use rehab_domain::{
    catalog, clinic, figure, library_text, paths, plan, progress, runs, screening, text, triage,
};

pub mod atomic;
pub mod authorized_keys;
pub mod cache;
mod data_error;
pub mod files;
pub mod journal;
mod journal_codec;
mod library;
pub mod overview;
pub mod prescription;
pub mod profile;
pub mod watch_files;

pub use data_error::{StoreError, describe_io};
pub use journal::JournalFile;
pub use library::{read_library_dir, read_library_files};
pub use profile::OpenProfile;
pub mod export;
