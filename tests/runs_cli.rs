//! `rehab runs import` and `rehab runs` on files the tests write: new, known and skipped
//! activities, a broken file refused whole, ticks with the actual minutes, standard input,
//! a run across midnight, and the weekly load with its flags.

use crate::cli_support;
use crate::runs_support;

use std::path::Path;

use cli_support::{all_ids, rehab};
use predicates::prelude::*;
use runs_support::{Act, fit, gpx, tcx};

/// A pfps profile started 2026-11-30 (run days Tue, Thu, Sat), screened all clear.
fn setup(dir: &Path) {
    rehab(
        dir,
        "2026-12-07",
        &[
            "profile",
            "new",
            "me",
            "--condition",
            "pfps",
            "--start",
            "2026-11-30",
        ],
    )
    .success();
    rehab(dir, "2026-12-07", &["screen", "--no", &all_ids()]).success();
}

fn journal(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("data/profiles/me/journal.ron")).expect("a journal")
}

fn out(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stdout).into_owned()
}

#[test]
fn a_folder_imports_once_and_again_changes_nothing() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path();
    setup(dir);
    let watch = dir.join("watch");
    std::fs::create_dir_all(watch.join("sub")).expect("mkdir");
    std::fs::write(
        watch.join("a.gpx"),
        gpx(&[Act::run("2026-12-01T07:00:00Z", 30)]),
    )
    .expect("w");
    std::fs::write(
        watch.join("sub/b.tcx"),
        tcx(&[Act::run("2026-12-03T07:00:00Z", 32)]),
    )
    .expect("w");
    let mut ride = Act::run("2026-12-02T17:00:00Z", 50);
    ride.sport = Some("cycling");
    std::fs::write(watch.join("c.FIT"), fit(&[ride])).expect("w");
    std::fs::write(watch.join("notes.txt"), "not a watch file").expect("w");
    let w = watch.to_str().expect("utf-8");
    let first = rehab(dir, "2026-12-07", &["runs", "import", "--tz", "UTC", w]).success();
    assert!(
        out(&first).contains("3 new, 0 already known, 0 skipped"),
        "{}",
        out(&first)
    );
    let before = journal(dir);
    assert_eq!(before.matches("Activity(").count(), 3, "{before}");
    // The same run as another format is the same run.
    let again = dir.join("again.fit");
    std::fs::write(&again, fit(&[Act::run("2026-12-01T07:00:00Z", 30)])).expect("w");
    let second = rehab(
        dir,
        "2026-12-07",
        &[
            "runs",
            "import",
            "--tz",
            "UTC",
            w,
            again.to_str().expect("utf-8"),
        ],
    )
    .success();
    assert!(
        out(&second).contains("0 new, 4 already known"),
        "{}",
        out(&second)
    );
    assert_eq!(journal(dir), before);
    // No track is kept: no coordinates in the journal.
    assert!(!before.contains("lat") && !before.contains("51.0"));
}

#[test]
fn a_broken_file_is_refused_whole_and_the_others_imported() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path();
    setup(dir);
    let good = dir.join("good.gpx");
    std::fs::write(&good, gpx(&[Act::run("2026-12-01T07:00:00Z", 30)])).expect("w");
    let text = gpx(&[
        Act::run("2026-12-03T07:00:00Z", 30),
        Act::run("2026-12-04T07:00:00Z", 30),
    ]);
    let bad = dir.join("bad.gpx");
    std::fs::write(&bad, &text[..text.len() * 3 / 4]).expect("w");
    let cut_fit = dir.join("cut.fit");
    let bytes = fit(&[Act::run("2026-12-05T07:00:00Z", 30)]);
    std::fs::write(&cut_fit, &bytes[..bytes.len() - 10]).expect("w");
    let args = [
        "runs",
        "import",
        "--tz",
        "UTC",
        good.to_str().expect("utf-8"),
        bad.to_str().expect("utf-8"),
        cut_fit.to_str().expect("utf-8"),
    ];
    let a = rehab(dir, "2026-12-07", &args).code(1);
    let said = out(&a);
    assert!(said.contains("bad.gpx: line "), "{said}");
    assert!(
        said.contains(&format!("cut.fit: byte {}", bytes.len() - 10)),
        "{said}"
    );
    assert!(
        said.contains("1 new, 0 already known, 0 skipped, 2 file(s) refused"),
        "{said}"
    );
    let j = journal(dir);
    assert_eq!(j.matches("Activity(").count(), 1, "{j}");
    assert!(
        !j.contains("2026-12-03") && !j.contains("2026-12-05"),
        "{j}"
    );
}

#[test]
fn a_run_ticks_the_days_run_item_with_its_minutes() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path();
    setup(dir);
    // Tuesday 8 December has a 30-minute run; 45 minutes were run.
    let file = dir.join("long.gpx");
    std::fs::write(&file, gpx(&[Act::run("2026-12-08T07:00:00Z", 45)])).expect("w");
    let a = rehab(
        dir,
        "2026-12-08",
        &["runs", "import", "--tz", "UTC", file.to_str().expect("p")],
    )
    .success();
    let said = out(&a);
    assert!(
        said.contains("ticks run-within-pain-rules on 2026-12-08: 45 min, 15 min longer"),
        "{said}"
    );
    assert!(journal(dir).contains("Done(date:\"2026-12-08\",item:\"run-within-pain-rules\")"));
    rehab(dir, "2026-12-08", &["today"])
        .success()
        .stdout(predicate::str::is_match(r"\[(x|✓)\]\s+run-within-pain-rules").expect("re"))
        .stdout(predicate::str::contains(
            "From the watch: run 8.10 km in 45:00",
        ));
    // A run on a day without a run item is extra running: recorded, nothing ticked.
    let extra = dir.join("extra.gpx");
    std::fs::write(&extra, gpx(&[Act::run("2026-12-07T07:00:00Z", 20)])).expect("w");
    let a = rehab(
        dir,
        "2026-12-08",
        &["runs", "import", "--tz", "UTC", extra.to_str().expect("p")],
    )
    .success();
    assert!(!out(&a).contains("ticks"), "{}", out(&a));
    assert!(
        out(&a).contains("not planned that day; logged as run-within-pain-rules and counted with the week's running"),
        "{}",
        out(&a)
    );
}

#[test]
fn standard_input_reads_one_file() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path();
    setup(dir);
    let bytes = fit(&[Act::run("2026-12-05T09:00:00Z", 30)]);
    let a = assert_cmd::Command::cargo_bin("rehab")
        .expect("bin")
        .env("REHAB_DATA_DIR", dir.join("data"))
        .env("REHAB_TODAY", "2026-12-07")
        .env("HOME", dir)
        .env_remove("REHAB_PROFILE")
        .args(["runs", "import", "--tz", "UTC", "-"])
        .write_stdin(bytes)
        .assert()
        .success();
    assert!(out(&a).contains("1 new"), "{}", out(&a));
    assert!(journal(dir).contains("date:\"2026-12-05\""));
}

#[test]
fn the_zone_decides_the_day_of_a_run_near_midnight() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path();
    setup(dir);
    // 23:30 UTC on the 3rd is 00:30 on the 4th at +01:00.
    let file = dir.join("late.fit");
    std::fs::write(&file, fit(&[Act::run("2026-12-03T23:30:00Z", 60)])).expect("w");
    rehab(
        dir,
        "2026-12-07",
        &[
            "runs",
            "import",
            "--tz",
            "+01:00",
            file.to_str().expect("p"),
        ],
    )
    .success();
    assert!(
        journal(dir).contains("Activity((date:\"2026-12-04\""),
        "{}",
        journal(dir)
    );
    rehab(
        dir,
        "2026-12-07",
        &["runs", "import", "--tz", "Mars/Olympus", "x.gpx"],
    )
    .code(2)
    .stderr(predicate::str::contains("--tz"));
}

#[test]
fn unknown_sports_are_skipped_unless_a_kind_is_given() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path();
    setup(dir);
    let mut act = Act::run("2026-12-02T07:00:00Z", 30);
    act.sport = None;
    let file = dir.join("plain.gpx");
    std::fs::write(&file, gpx(&[act])).expect("w");
    let p = file.to_str().expect("p");
    let a = rehab(dir, "2026-12-07", &["runs", "import", "--tz", "UTC", p]).success();
    assert!(
        out(&a).contains("0 new, 0 already known, 1 skipped"),
        "{}",
        out(&a)
    );
    assert!(out(&a).contains("--kind"), "{}", out(&a));
    let a = rehab(
        dir,
        "2026-12-07",
        &["runs", "import", "--tz", "UTC", "--kind", "walk", p],
    )
    .success();
    assert!(out(&a).contains("1 new"), "{}", out(&a));
    assert!(journal(dir).contains("kind:Walk"));
}

#[test]
fn the_weekly_load_flags_a_rise_over_thirty_percent_in_two_weeks() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path();
    setup(dir);
    // Two 30-minute runs a week for the weeks of 9 and 16 November, then three 40-minute
    // runs in the weeks of 23 and 30 November: +100% over two weeks.
    let mut acts = Vec::new();
    for (day, minutes) in [(10, 30), (12, 30), (17, 30), (19, 30)] {
        acts.push(Act::run(&format!("2026-11-{day}T07:00:00Z"), minutes));
    }
    for day in [24, 26, 28] {
        acts.push(Act::run(&format!("2026-11-{day}T07:00:00Z"), 40));
    }
    for day in ["2026-12-01", "2026-12-03", "2026-12-05"] {
        acts.push(Act::run(&format!("{day}T07:00:00Z"), 40));
    }
    let file = dir.join("many.gpx");
    std::fs::write(&file, gpx(&acts)).expect("w");
    rehab(
        dir,
        "2026-12-07",
        &["runs", "import", "--tz", "UTC", file.to_str().expect("p")],
    )
    .success();
    let a = rehab(dir, "2026-12-07", &["runs", "--weeks", "3"]).success();
    let said = out(&a);
    // 3 x 40 min at 3 m/s = 21.6 km in the week of 30 November.
    assert!(
        said.contains("2026-11-30     3  2:00:00   21.60 km"),
        "{said}"
    );
    assert!(
        said.contains("over two weeks") && said.contains("NIELSEN14"),
        "{said}"
    );
    assert!(said.contains("baseline 170 steps/min"), "{said}");
    // This week has only begun: its fall from last week is "so far", not -100%.
    assert!(
        said.contains("2026-12-07     0     0:00    0.00 km  1:30:00   16.20 km  so far"),
        "{said}"
    );
    // The week before the rise has no flag: the flag follows the numbers.
    let flagged_weeks = said.matches("! up").count();
    assert_eq!(flagged_weeks, 2, "{said}");

    // The report and the clinic overview show the same figures.
    let report = out(&rehab(
        dir,
        "2026-12-07",
        &["report", "--weeks", "3", "--format", "text"],
    )
    .success());
    let week =
        "week of 2026-11-30: 3 runs, 2:00:00, 21.60 km (4 weeks before: 1:00:00, 10.80 km a week)";
    assert!(
        report.contains("Running (from a watch)") && report.contains(week),
        "{report}"
    );
    assert!(report.contains("up 100% over two weeks"), "{report}");
    assert!(report.contains("step rate baseline 170"), "{report}");
    let html = out(&rehab(
        dir,
        "2026-12-07",
        &["report", "--weeks", "3", "--format", "html"],
    )
    .success());
    assert!(html.contains(week), "{html}");
    // On Sunday 6 December the week's running is flagged for the clinic.
    let overview = out(&rehab(dir, "2026-12-06", &["clinic"]).success());
    // Wrapped at words to 80 columns, under the row.
    assert!(
        overview.lines().all(|l| l.chars().count() <= 80),
        "{overview}"
    );
    let unwrapped = overview.replace("\n    ", " ");
    assert!(
        unwrapped.contains(&format!("running: {week}")),
        "{overview}"
    );
    assert!(overview.contains("running load flagged"), "{overview}");
}

/// A locked clinic session (`rehab --locked NAME`, as a patient's ssh key runs it).
fn locked(dir: &Path, line: &str) -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("rehab").expect("bin");
    c.env("REHAB_TODAY", "2026-12-07")
        .env("HOME", dir)
        .env_remove("REHAB_DATA_DIR")
        .env("SSH_ORIGINAL_COMMAND", line)
        .args(["--locked", "me", "--data-dir"])
        .arg(dir.join("data"));
    c
}

#[test]
fn a_locked_session_imports_from_standard_input_only() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path();
    setup(dir);
    let bytes = fit(&[Act::run("2026-12-05T09:00:00Z", 30)]);
    let a = locked(dir, "runs import --tz=UTC -")
        .write_stdin(bytes.clone())
        .assert()
        .success();
    assert!(out(&a).contains("1 new"), "{}", out(&a));
    let before = journal(dir);
    // A file on the server is never read, whatever its name.
    let on_server = dir.join("x.fit");
    std::fs::write(&on_server, fit(&[Act::run("2026-12-06T09:00:00Z", 30)])).expect("w");
    locked(dir, "runs import x.fit")
        .current_dir(dir)
        .assert()
        .failure()
        .stderr(predicate::str::contains("standard input"));
    // A broken file sent is refused whole, with where it broke.
    let a = locked(dir, "runs import -")
        .write_stdin(&bytes[..bytes.len() / 2])
        .assert()
        .code(1);
    assert!(out(&a).contains("standard input: byte "), "{}", out(&a));
    assert_eq!(journal(dir), before);
    locked(dir, "runs --weeks 2")
        .assert()
        .success()
        .stdout(predicate::str::contains("Running load"));
}
