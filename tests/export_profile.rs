//! `rehab plan --profile NAME`: the profile's condition, settings and patient details, the
//! current week, and the logged history with its pain chart.

use assert_cmd::Command;
use jiff::civil::date;
use rehab_planner::journal::{PainReport, Record};
use rehab_planner::paths::Paths;
use rehab_planner::plan::{Day, Settings};
use rehab_planner::profile::{Patient, Profile};
use rehab_planner::store::OpenProfile;
use scraper::{Html, Selector};

/// Profile `jane` with two weeks of ticks and pain, and every red-flag question answered "no"
/// on the first day.
fn setup(dir: &std::path::Path) {
    setup_with(dir, |profile| {
        answer_all(profile, date(2026, 11, 16), &[]);
    });
}

/// Answers every red-flag question of the built-in library on `on`: "yes" to those in `yes`,
/// "no" to the rest.
fn answer_all(profile: &mut Profile, on: jiff::civil::Date, yes: &[&str]) {
    let catalog = rehab_planner::catalog::Catalog::builtin().expect("library");
    profile.red_flags.answered_on = Some(on);
    profile.red_flags.answers = catalog
        .red_flags
        .iter()
        .map(|f| (f.id.to_string(), yes.contains(&f.id.as_str())))
        .collect();
}

/// As [`setup`], with `answers` filling in the red-flag answers (or not).
fn setup_with(dir: &std::path::Path, answers: impl FnOnce(&mut Profile)) {
    let paths = Paths::resolve(Some(dir.join("data")), Some(dir.join("library")));
    let mut settings = Settings::new(date(2026, 11, 2));
    settings.run_days = vec![Day::Tue, Day::Sat];
    let mut profile = Profile::new("jane", "itbs", settings);
    answers(&mut profile);
    profile.patient = Some(Patient {
        name: Some("Jane <Runner>".into()),
        clinician: Some("Sam Physio".into()),
        clinic: None,
        notes: Some("Right knee".into()),
    });
    let mut open = OpenProfile::create(&paths, profile).expect("profile created");
    let monday = date(2026, 11, 2);
    let first_item = rehab_planner::catalog::Catalog::builtin()
        .expect("library")
        .condition("itbs")
        .and_then(|c| c.phases.first())
        .and_then(|p| p.exercises.first())
        .map(|p| p.exercise.clone())
        .expect("an exercise");
    let mut records = Vec::new();
    for (offset, during, morning) in [(0, 3, 2), (1, 2, 2), (7, 4, 3), (8, 1, 1)] {
        let day = monday
            .checked_add(jiff::Span::new().days(offset))
            .expect("date");
        records.push(Record::Done {
            date: day,
            item: first_item.to_string(),
            sets: None,
        });
        records.push(Record::Pain {
            date: day,
            item: None,
            report: PainReport {
                during: Some(during),
                morning: Some(morning),
                ..PainReport::default()
            },
        });
    }
    open.apply(&rehab_planner::session::Change::records(records))
        .expect("journal written");
}

fn rehab(dir: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("rehab").expect("binary");
    cmd.env("REHAB_LIBRARY", dir.join("library"))
        .env("REHAB_DATA_DIR", dir.join("data"))
        .env("REHAB_TODAY", "2026-11-18")
        .env("LC_ALL", "C.UTF-8");
    cmd
}

#[test]
fn profile_plan_prints_the_current_week_with_history() {
    let dir = tempfile::tempdir().expect("temp dir");
    setup(dir.path());
    let out = rehab(dir.path())
        .args(["--profile", "jane", "plan", "--format", "html"])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = String::from_utf8(out.stdout).expect("UTF-8");
    let doc = Html::parse_document(&html);
    let sel = |s: &str| Selector::parse(s).expect("selector");
    // 18 Nov 2026 is in week 3 of a program that started on 2 Nov.
    let weeks: Vec<_> = doc
        .select(&sel("section.week"))
        .filter_map(|w| w.value().attr("data-week"))
        .collect();
    assert_eq!(weeks, ["3"]);
    assert!(
        html.contains("Jane &lt;Runner&gt;"),
        "patient from the profile"
    );
    assert!(html.contains("(itbs)"), "the profile's condition");
    let rows = doc.select(&sel("table.adherence tbody tr")).count();
    assert_eq!(rows, 2, "two logged weeks");
    let decided = doc
        .select(&sel("table.adherence tbody td strong"))
        .filter(|d| d.text().any(|t| t == "hold"))
        .count();
    assert_eq!(decided, 2, "a decision for each finished week");
    assert_eq!(doc.select(&sel("figure.pain-chart svg rect")).count(), 4);
    let why: Vec<String> = doc
        .select(&sel("section.week p.goal"))
        .map(|p| p.text().collect())
        .filter(|t: &String| t.starts_with("Why this week: "))
        .collect();
    assert_eq!(why.len(), 1, "week 3 names the decision that shaped it");
    assert!(
        why[0].starts_with("Why this week: after week 2: hold: "),
        "{}",
        why[0]
    );

    let text = rehab(dir.path())
        .args([
            "--profile",
            "jane",
            "plan",
            "--weeks",
            "2",
            "--patient",
            "Override Name",
        ])
        .output()
        .expect("runs");
    assert!(text.status.success());
    let text = String::from_utf8(text.stdout).expect("UTF-8");
    assert!(text.contains("Patient:   Override Name"));
    assert!(text.contains("Notes:     Right knee"));
    assert_eq!(text.lines().filter(|l| l.starts_with("WEEK ")).count(), 2);
    assert!(text.contains("HISTORY"));
    // Weeks 1 and 2 are over by 18 Nov, so each has a decision; so few ticks cannot progress.
    for week in ["Week 1 (2 Nov 2026): ", "Week 2 (9 Nov 2026): "] {
        let line = text
            .lines()
            .find(|l| l.starts_with(week))
            .unwrap_or_else(|| panic!("no history line for {week}"));
        assert!(line.contains("% done - hold: "), "{line}");
    }
    assert!(text.contains("pain during"));
    // Week 2 follows week 1's decision; week 1 follows none.
    assert_eq!(
        text.matches("Why this week: after week 1: hold: ").count(),
        1
    );
    assert!(!text.contains("after week 0"));
}

/// No printout hands out what the screens withhold: while the red-flag answers hold the plan,
/// `plan --profile` is refused in every format and writes no file.
#[test]
fn a_profile_plan_is_refused_while_the_red_flags_hold_it() {
    type Answers = fn(&mut Profile);
    let holds: [(&str, Answers, &str); 3] = [
        ("never answered", |_| {}, "No plan yet"),
        (
            "see a clinician first",
            |p| answer_all(p, date(2026, 11, 2), &["locked-knee"]),
            "No plan until a clinician has assessed the knee",
        ),
        (
            "get care today",
            |p| answer_all(p, date(2026, 11, 2), &["hot-swollen-knee"]),
            "Get medical care today",
        ),
    ];
    for (case, answers, said) in holds {
        let dir = tempfile::tempdir().expect("temp dir");
        setup_with(dir.path(), answers);
        for format in ["text", "markdown", "html"] {
            let out = rehab(dir.path())
                .args(["--profile", "jane", "plan", "--format", format])
                .output()
                .expect("runs");
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{case}, {format}: {stderr}");
            assert!(stderr.contains(said), "{case}, {format}: {stderr}");
            assert!(out.stdout.is_empty(), "{case}, {format}: printed a plan");
        }
        let file = dir.path().join("plan.html");
        let out = rehab(dir.path())
            .args(["--profile", "jane", "plan", "-o"])
            .arg(&file)
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(1), "{case}, -o");
        assert!(!file.exists(), "{case}: a refused plan was written");
    }
}
