//! All disk I/O: reading library folders, and (in submodules) profiles, journals and exports.
//! Domain modules get text and give back values; only this module touches files.

mod library;

pub use library::{read_library_dir, read_library_files};
pub mod export;
