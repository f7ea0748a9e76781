//! rehab-planner: knee rehab and cross-training plans for runners, in the terminal.
//!
//! The model in a few lines: a [`catalog::Catalog`] of exercises and conditions is loaded from
//! RON; [`plan`] turns a condition and a person's settings into weekly plans. Guidance, not a
//! diagnosis.

pub mod cli;
pub mod context;
pub mod tui;

// The layers below, each its own crate (crates/): the domain, the application rules, the store.
pub use rehab_app::{handover, session};
pub use rehab_domain::{
    catalog, clinic, export, figure, journal, library_text, paths, plan, profile, progress, runs,
    screening, text, triage,
};
pub use rehab_store as store;

/// Whether the locale promises UTF-8; when it does not, the app falls back to ASCII.
pub fn locale_is_utf8() -> bool {
    ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
        .is_none_or(|v| {
            let v = v.to_ascii_lowercase();
            v.contains("utf-8") || v.contains("utf8")
        })
}
