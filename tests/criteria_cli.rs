//! Issue 27 through the binary: a clinician lists and records each of a phase's exit checks,
//! the last one met records the phase's exit, and a check withdrawn withdraws it.

use crate::cli_support;

use std::path::Path;

use cli_support::all_ids;

use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

fn rehab(dir: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    cli_support::rehab(dir, "2026-03-03", args)
}

#[test]
fn each_exit_check_is_listed_recorded_and_withdrawn() {
    let dir = tempfile::tempdir().expect("ok");
    let d = dir.path();
    let new = ["profile", "new", "me", "--start", "2026-03-02"];
    rehab(d, &[&new[..], &["--condition", "pfps"]].concat()).success();
    rehab(d, &["screen", "--no", &all_ids()]).success();
    // The built-in runner's knee phase 1 has two exit checks, listed in its words.
    rehab(d, &["criteria"])
        .success()
        .stdout(contains(
            "[ ] phase-1-exit-1   Phase 1 check 1 of 2: Stairs hurt",
        ))
        .stdout(contains("[ ] phase-1-exit-2 "));
    rehab(d, &["criteria", "--met", "phase-1-exit-1"])
        .success()
        .stdout(contains("Every exit check").not());
    rehab(d, &["criteria"])
        .success()
        .stdout(contains("[x] phase-1-exit-1"))
        .stdout(contains("[ ] phase-1-exit "));
    rehab(d, &["criteria", "--met", "phase-1-exit-2"])
        .success()
        .stdout(contains("Every exit check of phase 1 is met"));
    rehab(d, &["criteria"])
        .success()
        .stdout(contains("[x] phase-1-exit "));
    rehab(d, &["criteria", "--not-met", "phase-1-exit-2"])
        .success()
        .stdout(contains("Phase 1's exit is withdrawn"));
    rehab(d, &["criteria"])
        .success()
        .stdout(contains("[ ] phase-1-exit "))
        .stdout(contains("[x] phase-1-exit-1"))
        .stdout(contains("[ ] phase-1-exit-2"));
    // A check the phase does not have is refused, with the ones it has.
    rehab(d, &["criteria", "--met", "phase-1-exit-3"])
        .failure()
        .stderr(contains("phase-1-exit-2"));
}

#[test]
fn a_check_the_log_can_prove_says_what_the_log_shows() {
    let dir = tempfile::tempdir().expect("ok");
    let d = dir.path();
    let new = ["profile", "new", "me", "--start", "2026-03-02"];
    rehab(d, &[&new[..], &["--condition", "pfps"]].concat()).success();
    rehab(d, &["screen", "--no", &all_ids()]).success();
    // Phase 3's check is three continuous 30-minute runs: no run is logged yet, and the
    // calendar alone ticks nothing.
    rehab(d, &["profile", "set", "--pin-phase", "3"]).success();
    rehab(d, &["criteria"])
        .success()
        .stdout(contains("[ ] phase-3-exit-1"))
        .stdout(contains(
            "    The log shows no continuous run of 30 min within the pain rule in this phase yet.",
        ));
}
