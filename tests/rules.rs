//! The rules below both front ends: the library, plans, the progression, the journal and its caches, exports, and every view telling one story.
//!
//! One test binary for several test files (issue 32: a link each for 70 binaries dominated
//! the build); each file stays a module of its own, named as before.

#![allow(clippy::unwrap_used)]

// Helpers shared by the files below, once for the binary.
#[path = "cli_support/mod.rs"]
mod cli_support;
#[path = "export_support/mod.rs"]
mod export_support;
#[path = "journal_support/mod.rs"]
mod journal_support;
#[path = "progress_support/mod.rs"]
mod progress_support;
#[path = "runs_support/mod.rs"]
mod runs_support;
#[path = "tui_common/mod.rs"]
mod tui_common;

#[test]
fn every_test_file_is_in_one_test_binary() {
    // A file under tests/ that no binary names would never run.
    let binaries = ["app", "cli", "rules"];
    let lists: Vec<String> = binaries
        .iter()
        .map(|b| {
            std::fs::read_to_string(format!("{}/tests/{b}.rs", env!("CARGO_MANIFEST_DIR"))).unwrap()
        })
        .collect();
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests")).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let Some(module) = name.strip_suffix(".rs") else {
            continue;
        };
        if binaries.contains(&module) {
            continue;
        }
        let line = format!("#[path = \"{name}\"]\nmod {module};");
        let count = lists.iter().filter(|l| l.contains(&line)).count();
        assert_eq!(
            count, 1,
            "tests/{name} is declared in {count} of {binaries:?} (add it to one)"
        );
    }
}

#[path = "catalog_errors.rs"]
mod catalog_errors;
#[path = "export_escaping.rs"]
mod export_escaping;
#[path = "export_handout.rs"]
mod export_handout;
#[path = "export_html_structure.rs"]
mod export_html_structure;
#[path = "export_snapshots.rs"]
mod export_snapshots;
#[path = "figures_check.rs"]
mod figures_check;
#[path = "figures_terminal.rs"]
mod figures_terminal;
#[path = "journal_cache.rs"]
mod journal_cache;
#[path = "journal_fuzz.rs"]
mod journal_fuzz;
#[path = "journal_model.rs"]
mod journal_model;
#[path = "journal_store.rs"]
mod journal_store;
#[path = "library.rs"]
mod library;
#[path = "one_prescription.rs"]
mod one_prescription;
#[path = "plan_fit.rs"]
mod plan_fit;
#[path = "plan_invariants.rs"]
mod plan_invariants;
#[path = "plan_running_now.rs"]
mod plan_running_now;
#[path = "progress_api.rs"]
mod progress_api;
#[path = "progress_builtin.rs"]
mod progress_builtin;
#[path = "progress_journal.rs"]
mod progress_journal;
#[path = "progress_properties.rs"]
mod progress_properties;
#[path = "progress_running.rs"]
mod progress_running;
#[path = "progress_scenarios.rs"]
mod progress_scenarios;
#[path = "runs_parse.rs"]
mod runs_parse;
#[path = "safety_properties.rs"]
mod safety_properties;
#[path = "settings_history.rs"]
mod settings_history;
#[path = "sources_honest.rs"]
mod sources_honest;
#[path = "story_properties.rs"]
mod story_properties;
