//! Days done are history (issue 27), through the real binary: `rehab profile set` says from when
//! a change plans and leaves the days before as they were; a start moved over days already over
//! says what it counts as missed (or leaves out) and changes nothing without `--yes`.
#![allow(clippy::unwrap_used)]

use crate::cli_support;
use cli_support::all_ids;

use std::fs;
use std::path::PathBuf;

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;

/// Mondays of the weeks used, and the Friday of the issue.
const MON_16: &str = "2026-11-16";
const FRI_20: &str = "2026-11-20";

struct Env {
    tmp: tempfile::TempDir,
}

impl Env {
    /// Profile `me` starting on `start`, made that day, its questions answered every Monday
    /// up to the 23rd so the plan stands.
    fn new(start: &str) -> Env {
        let env = Env {
            tmp: tempfile::tempdir().unwrap(),
        };
        env.rehab_on(
            start,
            &[
                "profile",
                "new",
                "me",
                "--condition",
                "pfps",
                "--start",
                start,
            ],
        )
        .success();
        let ids = all_ids();
        for monday in ["2026-11-02", "2026-11-09", MON_16, "2026-11-23"] {
            if monday >= start {
                env.rehab_on(monday, &["screen", "--no", &ids]).success();
            }
        }
        env
    }

    fn profile_file(&self) -> PathBuf {
        self.tmp.path().join("profiles/me/profile.ron")
    }

    fn rehab_on(&self, today: &str, args: &[&str]) -> assert_cmd::assert::Assert {
        Command::cargo_bin("rehab")
            .unwrap()
            .env("REHAB_DATA_DIR", self.tmp.path())
            .env("REHAB_TODAY", today)
            .env_remove("REHAB_PROFILE")
            .env_remove("REHAB_LIBRARY")
            .env("HOME", self.tmp.path())
            .args(args)
            .assert()
    }

    fn stdout(&self, today: &str, args: &[&str]) -> String {
        let out = self.rehab_on(today, args).success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    }

    /// Ticks every item on `date`'s list, that day.
    fn tick_all(&self, date: &str) -> usize {
        let today = self.stdout(date, &["today"]);
        let n = today
            .lines()
            .filter(|l| {
                l.trim_start()
                    .split('.')
                    .next()
                    .is_some_and(|n| n.parse::<u32>().is_ok())
            })
            .count();
        assert!(n > 0, "no items on {date}:\n{today}");
        let numbers: Vec<String> = (1..=n).map(|i| i.to_string()).collect();
        let mut args = vec!["done"];
        args.extend(numbers.iter().map(String::as_str));
        self.rehab_on(date, &args).success();
        n
    }
}

#[test]
fn minutes_changed_on_a_friday_say_from_when_and_leave_the_week_as_it_was() {
    let env = Env::new("2026-11-02");
    let n = env.tick_all(MON_16);
    let history = |today| env.stdout(today, &["history", "--weeks", "3"]);
    let monday = |today| env.stdout(today, &["today", "--date", MON_16]);
    let (history_before, monday_before) = (history(FRI_20), monday(FRI_20));
    assert!(
        monday_before.contains(&format!("{n} of {n} done")),
        "{monday_before}"
    );

    env.rehab_on(FRI_20, &["profile", "set", "--minutes", "45"])
        .success()
        .stdout(contains(
            "The new settings apply from Mon 23 Nov 2026, the next Monday",
        ))
        .stdout(contains("the days before it keep the plan they had"));
    assert_eq!(history(FRI_20), history_before);
    assert_eq!(monday(FRI_20), monday_before);
    // Weeks later the days done are still as they were.
    let later = env.stdout("2026-11-27", &["history", "--weeks", "4"]);
    let ticks = history_before
        .lines()
        .find(|l| l.starts_with("  Mon 16"))
        .unwrap();
    assert!(ticks.contains(&"✓".repeat(n)), "{history_before}");
    assert!(later.lines().any(|l| l == ticks), "{later}");
    env.rehab_on(FRI_20, &["profile", "show"])
        .success()
        .stdout(contains("Minutes per session: 45"))
        .stdout(contains(
            "Before 2026-11-23: 4 training days, 30 min, run days Tue, Thu, Sat",
        ));
}

#[test]
fn a_start_moved_back_says_what_it_counts_as_missed_and_waits_for_yes() {
    let env = Env::new(MON_16);
    let before = fs::read(env.profile_file()).unwrap();
    env.rehab_on(FRI_20, &["profile", "set", "--start", "2026-11-02"])
        .code(2)
        .stderr(contains("--start: Moving the start back counts"))
        .stderr(contains("as missed"))
        .stderr(contains("Mon 2 Nov"))
        .stderr(contains("Sun 15 Nov"))
        .stderr(contains("Nothing was changed; add --yes"));
    assert_eq!(
        fs::read(env.profile_file()).unwrap(),
        before,
        "written without --yes"
    );

    env.rehab_on(
        FRI_20,
        &["profile", "set", "--start", "2026-11-02", "--yes"],
    )
    .success()
    .stdout(contains("Moving the start back counts"))
    .stdout(contains("Start: 2026-11-02"));
    env.rehab_on(FRI_20, &["history", "--weeks", "3"])
        .success()
        .stdout(contains("Week 1 (from Mon 2 Nov)"));
}

#[test]
fn a_start_moved_later_over_logged_days_says_so_and_waits_for_yes() {
    let env = Env::new(MON_16);
    env.tick_all(MON_16);
    let before = fs::read(env.profile_file()).unwrap();
    env.rehab_on(FRI_20, &["profile", "set", "--start", "2026-11-23"])
        .code(2)
        .stderr(contains("leaves 1 logged day before it"))
        .stderr(contains("Mon 16 Nov"));
    assert_eq!(fs::read(env.profile_file()).unwrap(), before);
    // A start moved with nothing over to count asks nothing.
    let fresh = Env::new("2026-11-23");
    fresh
        .rehab_on(MON_16, &["profile", "set", "--start", "2026-11-30"])
        .success()
        .stdout(contains("Start: 2026-11-30"))
        .stdout(contains("missed").not());
}

#[test]
fn a_prescription_imported_over_a_profile_plans_from_the_next_monday() {
    let env = Env::new("2026-11-02");
    let n = env.tick_all(MON_16);
    let file = env.tmp.path().join("me.ron");
    env.rehab_on(FRI_20, &["profile", "export", "-o", file.to_str().unwrap()])
        .success();
    env.rehab_on(FRI_20, &["profile", "set", "--minutes", "45"])
        .success();
    let history_before = env.stdout("2026-11-27", &["history", "--weeks", "4"]);
    env.rehab_on(
        "2026-11-27",
        &["profile", "import", file.to_str().unwrap(), "--force"],
    )
    .success()
    .stdout(contains("The new settings apply from Mon 30 Nov 2026"))
    .stdout(contains("Minutes per session: 30"));
    assert_eq!(
        env.stdout("2026-11-27", &["history", "--weeks", "4"]),
        history_before
    );
    let text = fs::read_to_string(env.profile_file()).unwrap();
    assert_eq!(text.matches("EarlierSettings(").count(), 2, "{text}");
    assert!(history_before.contains(&"✓".repeat(n)), "{history_before}");
}
