//! rehab-planner: knee rehab and cross-training plans for runners, in the terminal.
//!
//! The model in a few lines: a [`catalog::Catalog`] of exercises and conditions is loaded from
//! RON; [`plan`] turns a condition and a person's settings into weekly plans. Guidance, not a
//! diagnosis.

pub mod catalog;
pub mod cli;
pub mod clinic;
pub mod export;
pub mod figure;
pub mod handover;
pub mod journal;
pub mod library_text;
pub mod paths;
pub mod plan;
pub mod profile;
pub mod progress;
pub mod runs;
pub mod screening;
pub mod session;
pub mod store;
pub mod text;
pub mod triage;
pub mod tui;

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
