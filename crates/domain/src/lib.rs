//! rehab-planner's domain: knee rehab and cross-training plans for runners, as values.
//!
//! A [`catalog::Catalog`] of exercises and conditions is loaded from RON; [`plan`] turns a
//! condition and a person's settings into weekly plans; [`journal`] replays what was done;
//! [`progress`] decides each next week by the pain-monitoring rules; [`export`] renders printed
//! plans. Nothing here touches the terminal, the command line or the disk (the crate does not
//! depend on them). Guidance, not a diagnosis.

pub mod catalog;
pub mod clinic;
pub mod export;
pub mod figure;
pub mod journal;
pub mod library_text;
pub mod paths;
pub mod plan;
pub mod profile;
pub mod progress;
pub mod runs;
pub mod screening;
pub mod text;
pub mod triage;
