//! The one way the command-line tests run the real binary: in a throwaway home and data
//! folder, on a given day, with none of the caller's profile, library or colour settings.

#![allow(dead_code)]

use std::path::Path;

use assert_cmd::Command;

/// `rehab ARGS` with `dir` as home (data under `dir/data`) on `today`.
pub fn rehab(dir: &Path, today: &str, args: &[&str]) -> assert_cmd::assert::Assert {
    Command::cargo_bin("rehab")
        .expect("the rehab binary")
        .env("REHAB_DATA_DIR", dir.join("data"))
        .env("REHAB_TODAY", today)
        .env("HOME", dir)
        .env_remove("REHAB_PROFILE")
        .env_remove("REHAB_LIBRARY")
        .env_remove("NO_COLOR")
        .args(args)
        .assert()
}

/// Every built-in red-flag id, comma-separated: `rehab screen --no` with it answers all "no".
pub fn all_ids() -> String {
    rehab_planner::catalog::Catalog::builtin()
        .expect("the built-in library")
        .red_flags
        .iter()
        .map(|f| f.id.to_string())
        .collect::<Vec<_>>()
        .join(",")
}
