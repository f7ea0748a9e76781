//! The shipped clinical library: it validates, it holds what the clinical basis asks for with the
//! exact doses, its links and sources resolve, and the plan builder can use every phase of it.

use std::collections::{BTreeSet, HashSet};

use assert_cmd::Command;
use rehab_planner::catalog::{
    Catalog, Condition, DoseOrigin, Equipment, Exercise, FlagLevel, Frequency, Grade, Kind,
    RunMode, Weight, Work,
};
use rehab_planner::plan::{Overrides, Settings, build_program};

fn catalog() -> Catalog {
    match Catalog::builtin() {
        Ok(catalog) => catalog,
        Err(problems) => {
            let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
            panic!("the built-in library has problems:\n{}", list.join("\n"));
        }
    }
}

fn exercise<'a>(catalog: &'a Catalog, id: &str) -> &'a Exercise {
    catalog
        .exercise(id)
        .unwrap_or_else(|| panic!("the library has no exercise `{id}`"))
}

fn condition<'a>(catalog: &'a Catalog, id: &str) -> &'a Condition {
    catalog
        .conditions
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("the library has no condition `{id}`"))
}

const CONDITIONS: [&str; 5] = [
    "pfps",
    "itbs",
    "patellar-tendinopathy",
    "meniscus",
    "knee-oa",
];

/// Exercise ids scheduled (or listed) in phase `n` (0-based) that the condition avoids until later.
fn avoided_in_phase(c: &Condition, n: usize) -> HashSet<&str> {
    c.avoid_early
        .iter()
        .filter(|a| (n as u32) + 1 < a.until_phase)
        .flat_map(|a| a.exercises.iter().map(|t| t.as_str()))
        .collect()
}

// One test binary (`cargo test --test library`), split into small files by topic.
#[path = "library/conditions.rs"]
mod conditions;
#[path = "library/coverage.rs"]
mod coverage;
#[path = "library/doses.rs"]
mod doses;
#[path = "library/programs.rs"]
mod programs;
#[path = "library/screening.rs"]
mod screening;
