//! Issue 27 through the binary: `--run-days none`, a removed run, and a day over the minutes
//! said on `rehab today`.

use crate::cli_support;

use cli_support::{all_ids, rehab};

use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

/// A profile from Monday 2 March 2026 with these flags, its questions answered on Tuesday 3rd.
fn profile(flags: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("ok");
    let mut args = vec!["profile", "new", "me", "--start", "2026-03-02"];
    args.extend_from_slice(flags);
    rehab(dir.path(), "2026-03-03", &args).success();
    rehab(dir.path(), "2026-03-03", &["screen", "--no", &all_ids()]).success();
    dir
}

#[test]
fn a_non_runner_has_no_run_and_no_hop_checks() {
    let dir = profile(&["--condition", "knee-oa", "--run-days", "none"]);
    let d = dir.path();
    rehab(d, "2026-03-03", &["profile", "show"])
        .success()
        .stdout(contains("Run days: none (does not run)"));
    // Tuesday is a run day for a runner.
    rehab(d, "2026-03-03", &["today"])
        .success()
        .stdout(contains("run").not());
    rehab(d, "2026-03-03", &["plan", "--weeks", "12"])
        .success()
        .stdout(
            contains("Easy run, if you run now")
                .or(contains("Easy continuous run"))
                .or(contains("Walk-run session"))
                .not(),
        )
        .stdout(contains("single-leg hops").not())
        .stdout(contains("Brisk walking"));
}

/// Someone who does not run gets no running checks, no hop checks, no running topics and no
/// phase named for running, in any condition's printed plan.
#[test]
fn a_non_runner_handout_has_no_running_in_any_condition() {
    for condition in [
        "pfps",
        "itbs",
        "patellar-tendinopathy",
        "meniscus",
        "knee-oa",
    ] {
        let dir = tempfile::tempdir().expect("ok");
        let out = rehab(
            dir.path(),
            "2026-03-03",
            &[
                "plan",
                "--condition",
                condition,
                "--run-days",
                "none",
                "--weeks",
                "30",
                "--start",
                "2026-03-02",
            ],
        )
        .success();
        let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
        for running in [
            "Return-to-running checks",
            "return-to-running checks (below)",
            "continuous running",
            "30-minute runs",
            "single-leg hops each side",
            "Running load",
            "Return to running -",
            "Easy run within the pain rules",
            "Easy run, if you run now",
            "Easy continuous run",
            "Walk-run session",
        ] {
            assert!(
                !text.contains(running),
                "{condition}: `{running}` in\n{text}"
            );
        }
    }
}

#[test]
fn run_days_none_cannot_go_with_days() {
    let dir = tempfile::tempdir().expect("ok");
    rehab(
        dir.path(),
        "2026-03-03",
        &["plan", "--condition", "pfps", "--run-days", "none,tue"],
    )
    .code(2)
    .stderr(contains("`none` cannot go with days"));
}

#[test]
fn a_removed_run_leaves_today_and_the_printed_weeks() {
    let dir = profile(&["--condition", "knee-oa"]);
    let d = dir.path();
    rehab(d, "2026-03-03", &["today"])
        .success()
        .stdout(contains("run-if-you-run-now"));
    rehab(
        d,
        "2026-03-03",
        &["profile", "set", "--remove-exercise", "run-if-you-run-now"],
    )
    .success();
    rehab(d, "2026-03-03", &["today"])
        .success()
        .stdout(contains("run-if-you-run-now").not());
    rehab(d, "2026-03-03", &["plan", "--weeks", "12"])
        .success()
        .stdout(contains("Easy run, if you run now").not());
}

#[test]
fn a_week_over_the_minutes_says_so_first_on_today_and_the_print() {
    // Jumper's knee at 15 minutes: the holds and strength work need about 21 minutes on the
    // exercise days; the run is a session of its own and does not count.
    let dir = profile(&["--condition", "patellar-tendinopathy", "--minutes", "15"]);
    let d = dir.path();
    let today = rehab(d, "2026-03-03", &["today"]).success();
    let out = String::from_utf8_lossy(&today.get_output().stdout).to_string();
    let line = "! This week needs up to 21 min of exercises on Mon, Wed and Fri, more than your \
                15 min a session.";
    assert!(out.contains(line), "{out}");
    assert_eq!(out.matches("more than your").count(), 1, "said once: {out}");
    assert!(out.contains("Choose: allow 25 min"), "{out}");
    // The day's time, the run apart from the exercises.
    assert!(
        out.contains("Time: 44 min: 14 exercises + 30 run."),
        "{out}"
    );
    rehab(d, "2026-03-03", &["plan", "--week", "1"])
        .success()
        .stdout(contains("PLEASE NOTE"))
        .stdout(contains("This week needs up to 21 min of exercises"));
    // With the minutes it needs, nothing is said: from next Monday, as the change says; the
    // days of this week keep the plan they had (days done are history).
    rehab(d, "2026-03-03", &["profile", "set", "--minutes", "25"])
        .success()
        .stdout(contains("apply from Mon 9 Mar 2026"));
    rehab(d, "2026-03-03", &["today"])
        .success()
        .stdout(contains("more than your 15 min a session"));
    rehab(d, "2026-03-10", &["screen", "--no", &all_ids()]).success();
    rehab(d, "2026-03-10", &["today"])
        .success()
        .stdout(contains("more than your").not());
}

#[test]
fn running_now_sets_where_the_runs_start() {
    let dir = profile(&["--condition", "pfps", "--running-now", "2x20"]);
    let d = dir.path();
    rehab(d, "2026-03-03", &["profile", "show"])
        .success()
        .stdout(contains("Running now: 2 runs a week of 20 min"));
    // Runner's knee starts at about two thirds of the usual run, two runs a week.
    rehab(d, "2026-03-03", &["plan", "--week", "1"])
        .success()
        .stdout(contains("1 x 13 min"))
        .stdout(contains("Running: 26 min in all this week (Tue, Thu)."));
    // Changed before the program begins, the change plans from its start.
    rehab(
        d,
        "2026-02-27",
        &["profile", "set", "--running-now", "4x45"],
    )
    .success()
    .stdout(contains(
        "apply from the start of the program, Mon 2 Mar 2026",
    ));
    rehab(d, "2026-03-03", &["plan", "--week", "1"])
        .success()
        .stdout(contains("1 x 29 min"));
}

#[test]
fn not_running_now_has_no_runs_until_the_walk_run_levels() {
    let dir = profile(&["--condition", "pfps", "--running-now", "none"]);
    let d = dir.path();
    rehab(d, "2026-03-03", &["profile", "show"])
        .success()
        .stdout(contains("Running now: not running now"));
    rehab(d, "2026-03-03", &["plan", "--week", "1"])
        .success()
        .stdout(contains("Easy run within the pain").not());
    // The return-to-running checks stay for someone who will run again.
    rehab(d, "2026-03-03", &["criteria"])
        .success()
        .stdout(contains("return-to-run"));
}

#[test]
fn a_non_runner_has_no_return_to_running_check_to_record() {
    let dir = profile(&["--condition", "pfps", "--run-days", "none"]);
    rehab(dir.path(), "2026-03-03", &["criteria"])
        .success()
        .stdout(contains("phase-1-exit"))
        .stdout(contains("return-to-run").not());
}

#[test]
fn bad_running_now_names_the_flag() {
    let dir = tempfile::tempdir().expect("ok");
    for bad in ["3x", "fast", "9x30", "3x2"] {
        rehab(
            dir.path(),
            "2026-03-03",
            &["plan", "--condition", "pfps", "--running-now", bad],
        )
        .code(2)
        .stderr(contains("--running-now"));
    }
    rehab(
        dir.path(),
        "2026-03-03",
        &[
            "plan",
            "--condition",
            "pfps",
            "--running-now",
            "3x30",
            "--run-days",
            "none",
        ],
    )
    .code(2)
    .stderr(contains("--running-now cannot go with --run-days none"));
}
