//! What a red session changes (clinical basis §1.1 and §1.5), through the real binary as a
//! runner would: a red run eases the next run, a warning sign pauses the plan until the
//! questions are clear and then brings the day back one step easier, and a second warning
//! sign within 14 days needs a clinician.

#![allow(clippy::unwrap_used)]

use crate::pty_support;

use crate::cli_support;

use cli_support::{all_ids, rehab};

use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

/// An IT band profile from Monday 23 November, running Tue/Thu/Sat, its questions answered.
fn itbs_runner() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    rehab(
        dir.path(),
        "2026-11-23",
        &[
            "profile",
            "new",
            "me",
            "--condition",
            "itbs",
            "--start",
            "2026-11-23",
            "--run-days",
            "tue,thu,sat",
            "--days",
            "5",
        ],
    )
    .success();
    rehab(dir.path(), "2026-11-23", &["screen", "--no", &all_ids()]).success();
    dir
}

fn run_line(out: &str) -> String {
    out.lines()
        .find(|l| l.contains("run-within-pain-rules"))
        .unwrap_or_else(|| panic!("no run in:\n{out}"))
        .to_string()
}

#[test]
fn a_red_run_on_tuesday_makes_thursdays_run_easier_and_the_decision_says_why() {
    let dir = itbs_runner();
    let d = dir.path();
    let tuesday = rehab(d, "2026-11-24", &["today"]).success();
    let planned = run_line(&String::from_utf8_lossy(&tuesday.get_output().stdout));
    assert!(planned.contains("1 x 30 min"), "{planned}");
    rehab(d, "2026-11-24", &["done", "run-within-pain-rules"]).success();
    rehab(
        d,
        "2026-11-24",
        &["pain", "--during", "5", "--item", "run-within-pain-rules"],
    )
    .success();

    let thursday = rehab(d, "2026-11-26", &["today"]).success();
    let text = String::from_utf8_lossy(&thursday.get_output().stdout).to_string();
    let run = run_line(&text);
    assert!(
        run.contains("1 x 20 min"),
        "Thursday's run is not shorter:\n{text}"
    );
    assert!(
        text.contains("one step easier after a painful run on 2026-11-24"),
        "{text}"
    );
    rehab(d, "2026-11-26", &["history"])
        .success()
        .stdout(contains(
            "runs after a painful run eased one step each time (2026-11-24)",
        ));

    // Next week (the questions answered again): the runs stay a step shorter.
    rehab(d, "2026-11-30", &["screen", "--no", &all_ids()]).success();
    let next = rehab(d, "2026-12-01", &["today"]).success();
    let text = String::from_utf8_lossy(&next.get_output().stdout).to_string();
    assert!(run_line(&text).contains("1 x 20 min"), "{text}");
}

#[test]
fn sharp_pain_pauses_then_the_day_comes_back_easier_and_a_second_sign_needs_a_clinician() {
    let dir = itbs_runner();
    let d = dir.path();
    rehab(d, "2026-11-24", &["done", "run-within-pain-rules"]).success();
    rehab(
        d,
        "2026-11-24",
        &["pain", "--during", "6", "--sharp", "--swelling"],
    )
    .success();
    // Wednesday: paused until the questions are answered again.
    rehab(d, "2026-11-25", &["today"])
        .code(1)
        .stderr(contains("Plan paused: sharp pain, new swelling or a limp"));
    rehab(d, "2026-11-25", &["screen", "--no", &all_ids()]).success();
    // Thursday: the plan is back, one step down: a shorter run, said why.
    let thursday = rehab(d, "2026-11-26", &["today"]).success();
    let text = String::from_utf8_lossy(&thursday.get_output().stdout).to_string();
    assert!(run_line(&text).contains("1 x 20 min"), "{text}");
    assert!(text.contains("easier"), "{text}");

    // New swelling again within 14 days: see a clinician, whatever is answered.
    rehab(d, "2026-11-28", &["pain", "--swelling"]).success();
    rehab(d, "2026-11-28", &["screen", "--no", &all_ids()]).code(1);
    rehab(d, "2026-11-29", &["today"])
        .code(1)
        .stderr(contains("logged on 2026-11-24 and again on 2026-11-28"))
        .stderr(contains("--assessed-on").not());
    // The clinician records the assessment: the plan is back, and the history keeps both.
    rehab(
        d,
        "2026-11-29",
        &[
            "profile",
            "set",
            "--assessed-on",
            "2026-11-29",
            "--assessed-by",
            "B. Physio",
        ],
    )
    .success();
    rehab(d, "2026-11-29", &["today"])
        .success()
        .stdout(contains("Plan paused").not());
    rehab(d, "2026-11-29", &["report"])
        .success()
        .stdout(contains("2026-11-24"))
        .stdout(contains("2026-11-28"))
        .stdout(contains("B. Physio"));
}

/// The weekly check on a terminal: every question is shown with last week's answer, and "n"
/// (nothing has changed) saves them all again in one key; until then the week has no items.
#[test]
fn the_weekly_check_on_a_terminal_shows_every_question_and_keeps_them_in_one_key() {
    let dir = itbs_runner();
    let d = dir.path();
    rehab(d, "2026-12-01", &["today"])
        .code(1)
        .stderr(contains("This week's safety questions are due"));
    let mut cmd = portable_pty::CommandBuilder::new(env!("CARGO_BIN_EXE_rehab"));
    cmd.arg("screen");
    cmd.cwd(d);
    cmd.env("REHAB_DATA_DIR", d.join("data"));
    cmd.env("HOME", d);
    cmd.env("REHAB_TODAY", "2026-12-01");
    cmd.env("LC_ALL", "C.UTF-8");
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("REHAB_PROFILE");
    cmd.env_remove("REHAB_LIBRARY");
    let mut pty = pty_support::Pty::spawn(cmd);
    pty.wait_for("Has anything changed?");
    // Every question was on the screen before the key (the last ones are still visible).
    let last = rehab_planner::catalog::Catalog::builtin().unwrap();
    let shown = last.red_flags.len();
    pty.wait_for(&format!("{shown}. [no ]"));
    pty.send("n\r");
    pty.wait_for("red-flag answers saved for 2026-12-01");
    let (status, _, _) = pty.finish();
    assert!(status.success());
    rehab(d, "2026-12-01", &["today"])
        .success()
        .stdout(contains("run-within-pain-rules"));
    let journal = std::fs::read_to_string(d.join("data/profiles/me/journal.ron")).unwrap();
    assert_eq!(journal.matches("Screened(").count(), 2, "{journal}");
}
