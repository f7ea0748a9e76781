//! rehab-planner's application rules, over the domain: where a profile stands on a day and the
//! commands that change it ([`session`]), and what a clinician receives ([`handover`]). Pure:
//! values in, records and texts out; the store writes them.

// The domain's modules, named as this crate's own paths use them.
#[allow(unused_imports)]
use rehab_domain::{
    catalog, clinic, export, figure, journal, library_text, paths, plan, profile, progress, runs,
    screening, text, triage,
};

pub mod handover;
pub mod session;
