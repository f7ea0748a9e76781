//! The journal commands through the real binary: outputs, exit codes, and what lands on disk.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;

use jiff::ToSpan;
use jiff::civil::Date;

/// The profile starts on Monday 2 November 2026 with seven training days a week.
const START: &str = "2026-11-02";

/// "Today" for the tests: the latest day up to 25 November that has items in the library's plan
/// (phases with 3x-a-week exercises leave some days empty), and not the first day.
fn test_today() -> Date {
    use rehab_planner::catalog::Catalog;
    use rehab_planner::plan::Settings;
    use rehab_planner::profile::Profile;
    let catalog = Catalog::builtin().unwrap();
    let mut settings = Settings::new(START.parse().unwrap());
    settings.days_per_week = 7;
    let profile = Profile::new("me", "pfps", settings);
    let mut day: Date = "2026-11-25".parse().unwrap();
    loop {
        let journal = rehab_planner::journal::JournalState::default();
        let week = rehab_planner::progress::week_for(&catalog, &profile, &journal, day)
            .unwrap()
            .plan;
        if week.day(day).is_some_and(|d| !d.items.is_empty()) {
            return day;
        }
        day = day.checked_sub(1.day()).unwrap();
        assert!(
            day > START.parse().unwrap(),
            "no day with items in November"
        );
    }
}

/// Every red-flag question id in the built-in library, in its order.
fn red_flag_ids() -> Vec<String> {
    rehab_planner::catalog::Catalog::builtin()
        .unwrap()
        .red_flags
        .into_iter()
        .map(|f| f.id.into_string())
        .collect()
}

/// Every red-flag id but `yes`, comma-joined: the `--no` of an answer "yes" to `yes` alone.
fn all_ids_but(yes: &str) -> String {
    let ids = red_flag_ids();
    assert!(ids.iter().any(|id| id == yes), "no red flag `{yes}`");
    ids.into_iter()
        .filter(|id| id != yes)
        .collect::<Vec<_>>()
        .join(",")
}

struct Env {
    tmp: tempfile::TempDir,
    today: Date,
}

impl Env {
    /// Profile `me`, with every red-flag question answered "no" today: the plan is open.
    fn new() -> Env {
        let env = Env::unscreened();
        env.screen_all_no();
        env
    }

    /// Profile `me` as `profile new` leaves it in a script: no red-flag answers, so no plan.
    fn unscreened() -> Env {
        let env = Env {
            tmp: tempfile::tempdir().unwrap(),
            today: test_today(),
        };
        // Seven training days a week, so most dates have items whatever the library.
        env.rehab(&[
            "profile",
            "new",
            "me",
            "--condition",
            "pfps",
            "--start",
            START,
            "--days",
            "7",
        ])
        .success()
        .stdout(contains(
            "Next: answer the red-flag questions with `rehab screen`",
        ));
        env
    }

    /// Answers every red-flag question "no", today.
    fn screen_all_no(&self) {
        self.rehab(&["screen", "--no", &red_flag_ids().join(",")])
            .success()
            .stdout(contains("red-flag answers saved"))
            .stdout(contains("the plan goes on"));
    }

    /// Answers `yes` "yes" and every other question "no", on `date`.
    fn screen_yes_on(&self, date: &str, yes: &str) -> assert_cmd::assert::Assert {
        self.rehab_on(date, &["screen", "--yes", yes, "--no", &all_ids_but(yes)])
    }

    /// Today moved by `days`, as typed on a command line.
    fn day(&self, days: i64) -> String {
        self.today.checked_add(days.days()).unwrap().to_string()
    }

    fn data(&self) -> &Path {
        self.tmp.path()
    }

    fn journal(&self) -> PathBuf {
        self.data().join("profiles/me/journal.ron")
    }

    fn journal_text(&self) -> String {
        fs::read_to_string(self.journal()).unwrap_or_default()
    }

    fn rehab(&self, args: &[&str]) -> assert_cmd::assert::Assert {
        self.rehab_on(&self.today.to_string(), args)
    }

    /// As [`Env::rehab`], with "today" being `today`.
    fn rehab_on(&self, today: &str, args: &[&str]) -> assert_cmd::assert::Assert {
        Command::cargo_bin("rehab")
            .unwrap()
            .env("REHAB_DATA_DIR", self.data())
            .env("REHAB_TODAY", today)
            .env_remove("REHAB_PROFILE")
            .env_remove("REHAB_LIBRARY")
            .env("HOME", self.data())
            .args(args)
            .assert()
    }

    /// The first exercise id on the day's list.
    fn first_item(&self, date: &str) -> String {
        let out = self.rehab(&["today", "--date", date]).success();
        let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        let line = text
            .lines()
            .find(|l| l.trim_start().starts_with("1."))
            .unwrap();
        let after_mark = &line[line.find(']').unwrap() + 1..];
        after_mark.split_whitespace().next().unwrap().to_string()
    }
}

#[test]
fn a_tick_shows_in_today_and_survives_reloading() {
    let env = Env::new();
    let id = env.first_item(&env.day(0));
    env.rehab(&["today"])
        .success()
        .stdout(contains(format!("[ ]   {id}")));
    env.rehab(&["done", "1"])
        .success()
        .stdout(contains(format!("done: {id}")));
    env.rehab(&["today", "--ascii"])
        .success()
        .stdout(contains(format!("[x]   {id}")))
        .stdout(contains("1 of "))
        .stdout(contains(" min to go. Tick with "));
    env.rehab(&["undo", &id]).success();
    env.rehab(&["today"])
        .success()
        .stdout(contains(format!("[ ]   {id}")))
        .stdout(contains("0 of "));
    env.rehab(&["skip", "1", "--reason", "time"]).success();
    env.rehab(&["today"])
        .success()
        .stdout(contains("(skipped: time)"))
        .stdout(contains("0 of "))
        .stdout(contains(" done, 1 skipped, "));
    let lines = env.journal_text().lines().count();
    assert_eq!(
        lines,
        5,
        "header + screened + done + undone + skipped:\n{}",
        env.journal_text()
    );
}

#[test]
fn bad_input_is_refused_and_writes_nothing() {
    let env = Env::new();
    env.rehab(&["done", "1"]).success();
    let before = env.journal_text();
    let (tomorrow, yesterday, id) = (env.day(1), env.day(-1), env.first_item(&env.day(0)));
    let cases: [(&[&str], i32, &str); 9] = [
        (&["pain", "--during", "11"], 2, "11"),
        (&["done", "1", "--date", "2026-02-30"], 2, "2026-02-30"),
        (&["done", "no-such-exercise"], 1, "unknown item"),
        (&["done", "1", "99"], 2, "no item 99"),
        (&["done", "1", "--date", &tomorrow], 1, "has not come yet"),
        (&["done", "1", "--sets", "40"], 2, "sets take 1-"),
        (&["pain"], 2, "give a score"),
        (&["note", "  "], 1, "note"),
        (&["undo", &id, "--date", &yesterday], 1, "nothing to undo"),
    ];
    for (args, code, message) in cases {
        env.rehab(args).code(code).stderr(contains(message));
        assert_eq!(env.journal_text(), before, "{args:?} wrote something");
    }
    env.rehab(&["--profile", "../evil", "today"])
        .code(1)
        .stderr(contains("not a profile name"));
    env.rehab(&["--profile", "nobody", "today"])
        .code(1)
        .stderr(contains("rehab profile new nobody"));
    env.rehab(&["profile", "new", "me", "--condition", "pfps"])
        .code(1)
        .stderr(contains("already exists"));
    env.rehab(&["profile", "new", "x", "--condition", "nope"])
        .code(1)
        .stderr(contains("unknown condition"));
}

#[test]
fn pain_without_a_date_puts_the_morning_score_on_yesterday() {
    let env = Env::new();
    env.rehab(&["pain", "--during", "3", "--morning", "2", "--limp"])
        .success()
        .stdout(contains(format!("{}: during 3", env.day(0))))
        .stdout(contains(format!(
            "{}: during -, next morning 2",
            env.day(-1)
        )))
        .stdout(contains("the plan pauses until the red-flag questions"));
    // A limp pauses the plan until the questions are answered again.
    env.rehab(&["today"])
        .code(1)
        .stderr(contains("Plan paused"))
        .stderr(contains("rehab screen"));
    env.screen_all_no();
    env.rehab(&["today"])
        .success()
        .stdout(contains("Pain: during 3, next morning -, limp"));
    env.rehab(&["pain", "--morning", "1", "--date", &env.day(0)])
        .success();
    env.rehab(&["today"])
        .success()
        .stdout(contains("Pain: during 3, next morning 1, limp"));
}

#[test]
fn the_worst_pain_of_a_day_stands_and_over_the_ceiling_says_so() {
    use rehab_planner::catalog::Catalog;
    let env = Env::new();
    let ceiling = Catalog::builtin()
        .unwrap()
        .condition("pfps")
        .unwrap()
        .ceilings
        .exercise;
    let over = (ceiling + 2).min(10);
    let under = ceiling.saturating_sub(1);
    assert!(under < over);
    env.rehab(&["pain", "--during", &over.to_string()])
        .success()
        .stdout(contains(format!(
            "Pain {over} is over your ceiling of {ceiling} for exercise: "
        )));
    // A later, lower score the same day does not replace the worse one.
    env.rehab(&["pain", "--during", &under.to_string()])
        .success()
        .stdout(contains("over your ceiling").not());
    env.rehab(&["today"])
        .success()
        .stdout(contains(format!("Pain: during {over}, next morning -")));
    // Within the ceiling says nothing of it; the plan is not paused by a score alone.
    env.rehab(&[
        "pain",
        "--during",
        &ceiling.to_string(),
        "--date",
        &env.day(-1),
    ])
    .success()
    .stdout(contains("over your ceiling").not());
    env.rehab(&["today", "--date", &env.day(-1)])
        .success()
        .stdout(contains(format!("Pain: during {ceiling}, next morning -")));
}

#[test]
fn a_damaged_journal_is_explained_and_never_touched() {
    let env = Env::new();
    env.rehab(&["done", "1"]).success();
    let mut text = env.journal_text();
    text.push_str("Done(date:\"2026-11-25\",item:\"x\",sets:Some(\"two\"))\n");
    text.push_str("Note(date:\"2026-11-25\",text:\"after\")\n");
    fs::write(env.journal(), &text).unwrap();
    // Line 1 is the header, 2 the red-flag answers, 3 the tick: the bad line is 4.
    env.rehab(&["done", "1"])
        .code(1)
        .stderr(contains("journal.ron:4:"))
        .stderr(contains("rehab doctor"));
    env.rehab(&["profile", "set", "--minutes", "45"]).code(1);
    env.rehab(&["doctor"])
        .code(1)
        .stdout(contains("journal.ron:4:"))
        .stdout(contains("fix:"))
        .stdout(contains(".broken"));
    assert_eq!(env.journal_text(), text);
    // Moving the file away, as doctor suggests, makes the profile usable again.
    fs::rename(
        env.journal(),
        env.data().join("profiles/me/journal.ron.broken"),
    )
    .unwrap();
    env.rehab(&["done", "1"]).success();
    env.rehab(&["doctor"])
        .success()
        .stdout(contains("All good: no file needs fixing."));
}

#[test]
fn a_damaged_profile_and_a_newer_version_are_refused() {
    let env = Env::new();
    let path = env.data().join("profiles/me/profile.ron");
    let good = fs::read_to_string(&path).unwrap();
    let journal = env.journal_text();
    let newer = good.replace("format: 1", "format: 3");
    fs::write(&path, &newer).unwrap();
    env.rehab(&["today"]).code(1).stderr(contains("newer"));
    env.rehab(&["doctor"])
        .code(1)
        .stdout(contains("newer rehab"));
    let broken = good.replace("minutes: 30", "minutes: 30 30");
    assert_ne!(broken, good, "the edit must break the file");
    fs::write(&path, &broken).unwrap();
    env.rehab(&["done", "1"])
        .code(1)
        .stderr(contains("profile.ron:"));
    env.rehab(&["profile", "list"])
        .success()
        .stdout(contains("does not load"));
    assert_eq!(fs::read_to_string(&path).unwrap(), broken);
    assert_eq!(
        env.journal_text(),
        journal,
        "a refused tick wrote to the journal"
    );
}

#[test]
fn a_torn_last_line_warns_and_the_next_tick_lands() {
    let env = Env::new();
    env.rehab(&["done", "1"]).success();
    let mut text = env.journal_text();
    text.push_str("Note(date:\"2026-11-25\",te"); // kill -9 mid-write
    fs::write(env.journal(), &text).unwrap();
    env.rehab(&["note", "after the crash"])
        .success()
        .stderr(contains("warning"))
        .stderr(contains("journal.ron:4: ignored"));
    assert!(env.journal_text().starts_with(&text));
    env.rehab(&["today"])
        .success()
        .stdout(contains("[✓]"))
        .stdout(contains("Note: after the crash"));
    env.rehab(&["doctor"])
        .success()
        .stdout(contains("cut short"));
}

#[test]
fn profile_set_changes_settings_patient_and_overrides() {
    let env = Env::new();
    let id = env.first_item(&env.day(0));
    // Stored free text refuses control characters on the way in (issue 17), writing nothing.
    env.rehab(&[
        "profile",
        "set",
        "--minutes",
        "50",
        "--patient",
        "Ann \u{1b}[31mB",
    ])
    .code(2)
    .stderr(contains("--patient"));
    env.rehab(&[
        "profile",
        "set",
        "--minutes",
        "45",
        "--patient",
        "Ann [31mB",
        "--clinic",
        "North",
        "--pin-phase",
        "1",
        "--remove-exercise",
        &id,
    ])
    .success();
    env.rehab(&["profile", "show"])
        .success()
        .stdout(contains("Minutes per session: 45"))
        .stdout(contains("Patient: Ann [31mB"))
        .stdout(contains(format!("removed: {id}")))
        .stdout(contains("\u{1b}").not());
    env.rehab(&["profile", "set", "--pin-phase", "99"])
        .code(1)
        .stderr(contains("--pin-phase"));
    env.rehab(&["profile", "set", "--add-exercise", "nope"])
        .code(1);
    env.rehab(&[
        "profile",
        "set",
        "--clear-overrides",
        "--ceiling-running",
        "3",
    ])
    .success()
    .stdout(contains("removed:").not())
    .stdout(contains("pain ceiling for running: 3"));
    env.rehab(&["profile", "list"])
        .success()
        .stdout(contains("patient: Ann"));
}

#[test]
fn history_and_export_hold_what_was_logged() {
    let env = Env::new();
    let (today, week) = (
        env.day(0),
        rehab_planner::journal::week_number(START.parse().unwrap(), env.today).unwrap(),
    );
    env.rehab(&["done", "1", "--date", &today]).success();
    env.rehab(&["pain", "--during", "4", "--date", &today])
        .success();
    env.rehab(&["note", "=cmd|' /C calc'!A0", "--date", &today])
        .success();
    env.rehab(&["history", "--weeks", "2"])
        .success()
        .stdout(contains(format!("Week {}", week - 1)))
        .stdout(contains(format!("Week {week}")))
        .stdout(contains("adherence"))
        .stdout(contains("pain 4"));
    let json = env.rehab(&["export-data", "--format", "json"]).success();
    let value: serde_json::Value = serde_json::from_slice(&json.get_output().stdout).unwrap();
    assert_eq!(value["profile"]["condition"], "pfps");
    let records = value["records"].as_array().unwrap();
    assert_eq!(records.len(), 4, "screened + done + pain + note");
    assert!(records[0]["Screened"].is_object(), "{}", records[0]);
    env.rehab(&["export-data", "--format", "csv"])
        .success()
        .stdout(contains("date,kind,item"))
        .stdout(contains("'=cmd"));
    env.rehab(&["export-data"])
        .success()
        .stdout(contains("records: ["));
}

#[test]
fn two_processes_appending_at_once_both_land() {
    let env = Env::new();
    let per_process = 25;
    let bin = assert_cmd::cargo::cargo_bin("rehab");
    let workers: Vec<_> = ["a", "b"]
        .into_iter()
        .map(|who| {
            let (bin, data, today) = (bin.clone(), env.data().to_path_buf(), env.day(0));
            std::thread::spawn(move || {
                // One long-lived loop of real processes per "SSH session".
                for i in 0..per_process {
                    let status = std::process::Command::new(&bin)
                        .env("REHAB_DATA_DIR", &data)
                        .env("REHAB_TODAY", &today)
                        .args(["note", &format!("{who}-{i}")])
                        .stdout(std::process::Stdio::null())
                        .status()
                        .unwrap();
                    assert!(status.success());
                }
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    let text = env.journal_text();
    for who in ["a", "b"] {
        let seen: Vec<String> = text
            .lines()
            .filter_map(|l| l.split("text:\"").nth(1))
            .filter(|t| t.starts_with(who))
            .map(|t| t.trim_end_matches("\")").to_string())
            .collect();
        let want: Vec<String> = (0..per_process).map(|i| format!("{who}-{i}")).collect();
        assert_eq!(seen, want, "{who}'s notes lost or interleaved:\n{text}");
    }
    assert_eq!(
        text.lines().count(),
        2 + 2 * per_process,
        "header + screened + notes"
    );
    env.rehab(&["doctor"]).success();
}

#[test]
fn a_lost_profile_file_keeps_its_journal_and_doctor_says_how_to_recreate_it() {
    let env = Env::new();
    env.rehab(&["note", "keep me"]).success();
    fs::remove_file(env.data().join("profiles/me/profile.ron")).unwrap();
    env.rehab(&["doctor"])
        .code(1)
        .stdout(contains("rehab profile new me"))
        .stdout(contains("journal.ron: ok (2 record(s)"));
    env.rehab(&["profile", "new", "me", "--condition", "pfps", "--days", "7"])
        .success();
    // The answers lived in the lost profile: the new one has none, so no plan until they are
    // given again, and doctor says why without calling the files broken.
    env.rehab(&["today"])
        .code(1)
        .stderr(contains("rehab screen"));
    env.rehab(&["doctor"])
        .success()
        .stdout(contains("plan on hold: No plan yet"))
        .stdout(contains("All good: no file needs fixing."));
    env.screen_all_no();
    env.rehab(&["today"])
        .success()
        .stdout(contains("Note: keep me"));
}

#[test]
fn red_flag_answers_gate_the_day_plan() {
    use rehab_planner::profile::{format_profile, parse_profile};
    let env = Env::unscreened();
    let (answered, before, after) = (env.day(-2), env.day(-3), env.day(-1));
    let unanswered = red_flag_ids().len();

    // Never answered: no plan, and the way out is named.
    env.rehab(&["today"])
        .code(1)
        .stderr(contains(format!(
            "No plan yet: {unanswered} safety question(s) not answered"
        )))
        .stderr(contains("`rehab screen`"))
        .stdout(contains(" 1. ").not());

    // Answers must name every question; a partial set is refused and saves nothing.
    env.rehab(&["screen", "--no", "hot-swollen-knee"])
        .code(2)
        .stderr(contains("every red-flag question needs an answer"));
    env.rehab(&["today"])
        .code(1)
        .stderr(contains("No plan yet"));

    // A "get care now" answer: no plan, the flag's own message says what to do. (The answers
    // below go forward in time: this one, an assessment, newer answers, later assessments.)
    env.screen_yes_on(&env.day(-4), "hot-swollen-knee")
        .code(1)
        .stderr(contains("Get medical care today"));
    env.rehab(&["today"])
        .code(1)
        .stderr(contains("No plan: Get medical care today"))
        .stderr(contains("Answering the questions again does not lift this"))
        .stderr(contains("they record the assessment"))
        .stdout(contains(" 1. ").not());
    // Answering "no" to everything later does not lift it: only a clinician does.
    env.rehab(&["screen", "--no", &red_flag_ids().join(",")])
        .code(1)
        .stderr(contains("No plan: Get medical care today"));
    env.rehab(&["today"])
        .code(1)
        .stderr(contains("No plan: Get medical care today"));
    // A clinician's assessment needs the clinician's name.
    env.rehab(&["profile", "set", "--assessed-on", &before])
        .code(2)
        .stderr(contains("--assessed-by"));
    env.rehab(&[
        "profile",
        "set",
        "--assessed-on",
        &before,
        "--assessed-by",
        "Dr A",
    ])
    .success()
    .stdout(contains(format!("assessment recorded: Dr A on {before}")));

    // A "see a clinician first" answer: no plan until an assessment after it is recorded.
    env.screen_yes_on(&answered, "locked-knee")
        .code(1)
        .stderr(contains("No plan until a clinician has assessed the knee"));
    env.rehab(&["today"])
        .code(1)
        .stderr(contains("No plan until a clinician has assessed the knee"))
        .stderr(contains("they record the assessment"))
        .stderr(contains("--assessed-on").not())
        .stdout(contains(" 1. ").not());

    // The profile's own field does not lift it: only an assessment in the journal does.
    let path = env.data().join("profiles/me/profile.ron");
    let mut p = parse_profile(&fs::read_to_string(&path).unwrap(), "p").unwrap();
    p.red_flags.assessed_by_clinician = Some(after.parse().unwrap());
    fs::write(&path, format_profile(&p)).unwrap();
    env.rehab(&["today"])
        .code(1)
        .stderr(contains("No plan until a clinician has assessed the knee"));

    // The assessment dated before the answers does not count, and the refusal says so.
    env.rehab(&["today"])
        .code(1)
        .stderr(contains("No plan until a clinician has assessed the knee"))
        .stderr(contains(format!(
            "(Dr A on {before}) came before these answers ({answered})"
        )));
    // One dated after the answers lifts it, and Today says who cleared the plan.
    env.rehab(&[
        "profile",
        "set",
        "--assessed-on",
        &after,
        "--assessed-by",
        "Dr K",
    ])
    .success()
    .stdout(contains(format!("assessment recorded: Dr K on {after}")));
    env.rehab(&["today"])
        .success()
        .stdout(contains(format!(
            "Note: Plan cleared after an assessment by Dr K on {after}"
        )))
        .stdout(contains(" 1. "));
    assert!(
        env.journal_text().contains("Assessed("),
        "the assessment is in the journal:\n{}",
        env.journal_text()
    );

    // The same answer given again after that assessment needs a new one.
    env.screen_yes_on(&env.day(0), "locked-knee")
        .code(1)
        .stderr(contains("came before these answers"));
    env.rehab(&["today"]).code(1);
    // An assessment the same day, recorded after the answers, counts.
    let assess_today = || {
        env.rehab(&[
            "profile",
            "set",
            "--assessed-on",
            &env.day(0),
            "--assessed-by",
            "Dr K",
        ])
        .success();
    };
    assess_today();
    env.rehab(&["today"]).success().stdout(contains(" 1. "));
    // But one ticked the same day before answering "yes" is not a visit.
    env.screen_yes_on(&env.day(0), "giving-way").code(1);
    env.rehab(&["today"])
        .code(1)
        .stderr(contains("came before these answers"));
    assess_today();

    // An "advise" answer: the plan goes on with the advice on screen.
    env.screen_yes_on(&env.day(0), "persistent-unassessed")
        .success()
        .stdout(contains("Advice: "));
    env.rehab(&["today"])
        .success()
        .stdout(contains(
            "Advice: You can use the plan, but book an assessment",
        ))
        .stdout(contains("Red flag:").not())
        .stdout(contains(" 1. "));
}

#[test]
fn while_the_plan_is_held_nothing_hands_out_or_logs_plan_items() {
    let env = Env::new();
    let id = env.first_item(&env.day(0));
    env.rehab(&["done", "1"]).success();
    // Sharp pain pauses the plan until the questions are answered again.
    env.rehab(&["pain", "--sharp"])
        .success()
        .stdout(contains("the plan pauses"));
    env.rehab(&["today"])
        .code(1)
        .stderr(contains("Plan paused: sharp pain, new swelling or a limp"));
    let out = env.tmp.path().join("plan.html");
    let out = out.to_str().unwrap();
    let before = env.journal_text();
    let refused: [&[&str]; 8] = [
        &["done", "2"],
        &["done", &id, "--date", &env.day(-1)],
        &["skip", "2", "--reason", "time"],
        &["pain", "--during", "2", "--item", "1"],
        &["plan", "--profile", "me", "--format", "text"],
        &["plan", "--profile", "me", "--format", "markdown"],
        &["plan", "--profile", "me", "--format", "html"],
        &["plan", "--profile", "me", "-o", out],
    ];
    for args in refused {
        env.rehab(args)
            .code(1)
            .stderr(contains("Plan paused"))
            .stdout(predicate::str::is_empty());
        assert_eq!(env.journal_text(), before, "{args:?} wrote something");
    }
    assert!(!Path::new(out).exists(), "a refused plan was written");
    // Taking back, notes and plain pain are still taken: none of them hands out an item.
    // (By id: while the plan is held the day lists no items to number.)
    env.rehab(&["undo", &id])
        .success()
        .stdout(contains(format!("undone: {id}")));
    env.rehab(&["note", "knee felt odd"]).success();
    env.rehab(&["pain", "--morning", "2"]).success();
    env.rehab(&["doctor"])
        .success()
        .stdout(contains("plan on hold: Plan paused"));
    // Answering again opens the plan, with the untick kept.
    env.screen_all_no();
    env.rehab(&["today"])
        .success()
        .stdout(contains(format!("[ ]   {id}")))
        .stdout(contains("Note: knee felt odd"));
    env.rehab(&["plan", "--profile", "me", "--format", "text"])
        .success()
        .stdout(contains("WEEK "));
}

#[test]
fn a_profile_never_screened_gets_no_plan_items_anywhere() {
    let env = Env::unscreened();
    let before = env.journal_text();
    let refused: [&[&str]; 6] = [
        &["today"],
        &["done", "1"],
        &["skip", "1", "--reason", "time"],
        &["pain", "--during", "2", "--item", "1"],
        &["plan", "--profile", "me"],
        &["plan", "--profile", "me", "--format", "html"],
    ];
    for args in refused {
        env.rehab(args)
            .code(1)
            .stderr(contains("No plan yet"))
            .stderr(contains("rehab screen"))
            .stdout(predicate::str::is_empty());
        assert_eq!(env.journal_text(), before, "{args:?} wrote something");
    }
    env.rehab(&["note", "first day"]).success();
    env.rehab(&["pain", "--during", "1"]).success();
    // A script cannot be asked the questions: it must name every one.
    env.rehab(&["screen"])
        .code(2)
        .stderr(contains("--yes"))
        .stderr(contains("--no"));
    let listed = env.rehab(&["screen", "--list"]).success();
    let listed = String::from_utf8(listed.get_output().stdout.clone()).unwrap();
    let ids: Vec<&str> = listed
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(ids, red_flag_ids(), "--list shows every id, in order");
    env.rehab(&["screen", "--no", &ids.join(",")]).success();
    env.rehab(&["today"])
        .success()
        .stdout(contains(" 1. "))
        .stdout(contains("Note: first day"));
}

#[test]
fn a_writer_killed_at_any_moment_leaves_a_journal_that_loads() {
    let env = Env::new();
    let bin = assert_cmd::cargo::cargo_bin("rehab");
    let (mut finished, attempts) = (0, 40);
    for i in 0..attempts {
        let mut child = std::process::Command::new(&bin)
            .env("REHAB_DATA_DIR", env.data())
            .env("REHAB_TODAY", env.day(0))
            .args(["note", &format!("n{i} {}", "x".repeat(3000))])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Kill at a different moment each time: before, during or after the write.
        std::thread::sleep(std::time::Duration::from_millis(i));
        let _ = child.kill(); // SIGKILL
        if child.wait().unwrap().success() {
            finished += 1;
        }
    }
    eprintln!("{finished} of {attempts} writers finished before the kill");
    env.rehab(&["doctor"]).success();
    let out = env.rehab(&["export-data", "--format", "csv"]).success();
    let notes = String::from_utf8_lossy(&out.get_output().stdout)
        .lines()
        .filter(|l| l.contains(",note,"))
        .count() as u64;
    assert!(
        (finished..=attempts).contains(&notes),
        "{notes} notes, {finished} writers finished"
    );
}
