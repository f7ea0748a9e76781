//! The weekly decisions as a person meets them on the command line: `rehab history` shows each
//! week's decision and reason, from what was logged.

use assert_cmd::Command;
use predicates::str::contains;

fn rehab(dir: &std::path::Path, today: &str) -> Command {
    let mut cmd = Command::cargo_bin("rehab").expect("binary");
    cmd.env("REHAB_DATA_DIR", dir.join("data"))
        .env("REHAB_LIBRARY", dir.join("library"))
        .env("REHAB_TODAY", today)
        .env("LC_ALL", "C.UTF-8");
    cmd
}

fn history(dir: &std::path::Path, today: &str) -> String {
    let out = rehab(dir, today)
        .args(["history", "--weeks", "3"])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// Every red-flag question id in the built-in library, comma-joined.
fn all_red_flag_ids() -> String {
    rehab_planner::catalog::Catalog::builtin()
        .expect("library")
        .red_flags
        .iter()
        .map(|f| f.id.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

/// Every red-flag question answered "no" on `today`.
fn screen_all_no(dir: &std::path::Path, today: &str) {
    rehab(dir, today)
        .args(["screen", "--no", &all_red_flag_ids()])
        .assert()
        .success();
}

/// A data folder with profile `me`: runner's knee from Monday 23 November, seven days a week,
/// with every red-flag question answered "no" that day.
fn pfps_profile() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    rehab(dir.path(), "2026-11-23")
        .args(["profile", "new", "me", "--condition", "pfps"])
        .args(["--start", "2026-11-23", "--days", "7"])
        .assert()
        .success();
    screen_all_no(dir.path(), "2026-11-23");
    dir
}

#[test]
fn history_says_why_each_week_held_or_stepped_back() {
    let dir = pfps_profile();
    let d = dir.path();

    // Nothing logged: a week without logs holds, never progresses.
    let quiet = history(d, "2026-12-01");
    assert!(quiet.contains("week 1: held: no logs this week"), "{quiet}");

    // Two red sessions in week 1: pain over the ceiling, then new swelling.
    rehab(d, "2026-12-01")
        .args(["pain", "--during", "6", "--date", "2026-11-24"])
        .assert()
        .success()
        .stdout(contains("Pain 6 is over your ceiling of 3 for exercise: "));
    rehab(d, "2026-12-01")
        .args([
            "pain",
            "--during",
            "1",
            "--swelling",
            "--date",
            "2026-11-26",
        ])
        .assert()
        .success()
        .stdout(contains(
            "the plan pauses until the red-flag questions are answered again",
        ));
    let red = history(d, "2026-12-01");
    assert!(
        red.contains("week 1: stepped back: 2 red sessions (2026-11-24: exercise pain 6, ceiling 3; 2026-11-26: new swelling)"),
        "{red}"
    );
    assert!(
        red.contains("! sharp pain, new swelling or a limp logged on 2026-11-26"),
        "{red}"
    );
    assert!(
        red.contains("week 2 (so far, if it ended today): "),
        "the running week is marked: {red}"
    );

    // The swelling paused the plan until the questions are answered again.
    rehab(d, "2026-12-01")
        .arg("today")
        .assert()
        .code(1)
        .stderr(contains("Plan paused: sharp pain, new swelling or a limp"));
    screen_all_no(d, "2026-12-01");
    rehab(d, "2026-12-01")
        .arg("today")
        .assert()
        .success()
        .stdout(contains(" 1. "));
    let after = history(d, "2026-12-01");
    assert!(
        after.contains("week 1: stepped back: 2 red sessions"),
        "{after}"
    );
}

#[test]
fn a_clinicians_dose_change_reaches_the_plan_and_bad_ones_write_nothing() {
    let dir = pfps_profile();
    let d = dir.path();
    let profile = d.join("data/profiles/me/profile.ron");
    let before = std::fs::read(&profile).expect("profile");
    let bad = rehab(d, "2026-11-23")
        .args(["profile", "set", "--dose", "clamshell=0x10"])
        .output()
        .expect("runs");
    assert!(!bad.status.success());
    assert!(
        String::from_utf8_lossy(&bad.stderr).contains("--dose"),
        "{}",
        String::from_utf8_lossy(&bad.stderr)
    );
    assert_eq!(
        std::fs::read(&profile).expect("profile"),
        before,
        "a refused change writes nothing"
    );

    rehab(d, "2026-11-23")
        .args(["profile", "set", "--dose", "clamshell=2x8"])
        .assert()
        .success();
    let out = rehab(d, "2026-11-23")
        .args(["plan", "--profile", "me", "--week", "1"])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(text.contains("Clamshell"), "{text}");
    assert!(
        text.contains("2 x 8 reps per side"),
        "the changed dose is printed:\n{text}"
    );
}
