//! The safety gate's specification: every front-end command, through the command line (the real
//! binary) and through the app (keys), against every gate state, with one expected outcome per
//! pair. `expected` matches on both enums with no wildcard, so a new state or a new command does
//! not compile until its row is written.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::path::Path;

use assert_cmd::Command;
use jiff::civil::{Date, date};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use rehab_planner::catalog::{Catalog, FlagLevel};
use rehab_planner::journal::{PainReport, Record};
use rehab_planner::paths::Paths;
use rehab_planner::plan::Settings;
use rehab_planner::profile::Profile;
use rehab_planner::session::Change;
use rehab_planner::store::OpenProfile;
use rehab_planner::tui::app::{App, Overlay, View};
use rehab_planner::tui::disk::Disk;
use rehab_planner::tui::keymap::Keymap;
use rehab_planner::tui::theme::Theme;

/// Wednesday of week 4; the program runs seven days a week, so today has items.
const TODAY: Date = date(2026, 11, 25);
const START: Date = date(2026, 11, 2);
/// When the questions were answered, in the states that have answers: this week's Monday.
const ANSWERED: Date = date(2026, 11, 23);
/// A day of last week, for answers that this week's check has not yet renewed.
const LAST_WEEK: Date = date(2026, 11, 20);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    NeverAnswered,
    Stop,
    /// A "get care" answer, then every question answered "no" the next day.
    StopThenAllNo,
    Block,
    /// A "see a clinician first" answer, then every question answered "no".
    BlockThenAllNo,
    BlockAssessedBefore,
    BlockAssessedAfter,
    /// Knee surgery or an injection in the last 6 weeks (row 15).
    RecentSurgery,
    /// Signs of a bone stress injury (row 16).
    BoneStress,
    Advise,
    RescreenAfterSharpPain,
    /// Sharp pain, then the questions answered clear.
    SharpPainThenClear,
    /// New swelling twice within 14 days, the questions answered clear after each.
    SecondSwellingWithin14Days,
    /// Answered last week; this week's questions not yet.
    WeeklyScreenDue,
    /// Answered last week and again this week.
    WeeklyScreenDone,
    SeeClinicianDecision,
}

const STATES: [State; 16] = [
    State::NeverAnswered,
    State::Stop,
    State::StopThenAllNo,
    State::Block,
    State::BlockThenAllNo,
    State::BlockAssessedBefore,
    State::BlockAssessedAfter,
    State::RecentSurgery,
    State::BoneStress,
    State::Advise,
    State::RescreenAfterSharpPain,
    State::SharpPainThenClear,
    State::SecondSwellingWithin14Days,
    State::WeeklyScreenDue,
    State::WeeklyScreenDone,
    State::SeeClinicianDecision,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Door {
    CliToday,
    CliDone,
    CliSkip,
    CliUndo,
    CliPain,
    CliPainForItem,
    CliNote,
    CliPlanProfile,
    CliPlanProfileHtml,
    CliCriteria,
    AppToday,
    AppTick,
    AppSkip,
    AppPain,
    AppExport,
    AppCriteria,
}

const DOORS: [Door; 16] = [
    Door::CliToday,
    Door::CliDone,
    Door::CliSkip,
    Door::CliUndo,
    Door::CliPain,
    Door::CliPainForItem,
    Door::CliNote,
    Door::CliPlanProfile,
    Door::CliPlanProfileHtml,
    Door::CliCriteria,
    Door::AppToday,
    Door::AppTick,
    Door::AppSkip,
    Door::AppPain,
    Door::AppExport,
    Door::AppCriteria,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    /// Plan items are shown or taken.
    Allowed,
    /// Refused, saying why; nothing is written.
    Refused,
}

/// The specification.
fn expected(state: State, door: Door) -> Outcome {
    use Outcome::*;
    let plan_open = match state {
        State::NeverAnswered
        | State::Stop
        | State::StopThenAllNo
        | State::Block
        | State::BlockThenAllNo
        | State::BlockAssessedBefore
        | State::RecentSurgery
        | State::BoneStress
        | State::RescreenAfterSharpPain
        | State::SecondSwellingWithin14Days
        | State::WeeklyScreenDue => false,
        State::BlockAssessedAfter
        | State::Advise
        | State::SharpPainThenClear
        | State::WeeklyScreenDone
        | State::SeeClinicianDecision => true,
    };
    match door {
        // Plan items: shown and taken only while the gate is open.
        Door::CliToday
        | Door::CliDone
        | Door::CliSkip
        | Door::CliPainForItem
        | Door::CliPlanProfile
        | Door::CliPlanProfileHtml
        | Door::AppToday
        | Door::AppTick
        | Door::AppSkip
        | Door::AppExport => {
            if plan_open {
                Allowed
            } else {
                Refused
            }
        }
        // Saying how the knee is, writing a note, or taking back a tick hands out nothing: a
        // person on hold must still be able to say the knee swelled.
        Door::CliUndo | Door::CliPain | Door::CliNote | Door::AppPain => Allowed,
        // A clinician's check at a visit is recorded whatever the gate says; the plan reads it
        // only once the gate is open.
        Door::CliCriteria | Door::AppCriteria => Allowed,
    }
}

/// What must be said beside the plan in the states that allow one.
fn standing_text(state: State) -> Option<String> {
    let catalog = Catalog::builtin().unwrap();
    match state {
        State::Advise => Some(
            catalog
                .red_flags
                .iter()
                .find(|f| f.level == FlagLevel::Advise)
                .map(|f| f.message.to_string())
                .unwrap(),
        ),
        State::SeeClinicianDecision => Some("See a clinician".into()),
        State::SharpPainThenClear => Some("exercises are easier: eased one step".into()),
        State::BlockAssessedAfter => Some("Dr Lane".into()),
        _ => None,
    }
}

fn all_answers(catalog: &Catalog, yes: &[&str]) -> BTreeMap<String, bool> {
    catalog
        .red_flags
        .iter()
        .map(|f| (f.id.to_string(), yes.contains(&f.id.as_str())))
        .collect()
}

fn first_of(catalog: &Catalog, level: FlagLevel) -> String {
    catalog
        .red_flags
        .iter()
        .find(|f| f.level == level)
        .map(|f| f.id.to_string())
        .unwrap()
}

fn sharp(date: Date) -> Record {
    Record::Pain {
        date,
        item: None,
        report: PainReport {
            during: Some(3),
            sharp: Some(true),
            ..PainReport::default()
        },
    }
}

fn swelling(date: Date) -> Record {
    Record::Pain {
        date,
        item: None,
        report: PainReport {
            swelling: Some(true),
            ..PainReport::default()
        },
    }
}

/// A data folder holding profile `me` in `state`, with one tick today (for undo).
fn setup(dir: &Path, state: State) -> Paths {
    let catalog = Catalog::builtin().unwrap();
    let paths = Paths::resolve(Some(dir.join("data")), Some(dir.join("library")));
    let mut settings = Settings::new(START);
    settings.days_per_week = 7;
    let mut profile = Profile::new("me", "pfps", settings);
    let mut records = Vec::new();
    let answer = |profile: &mut Profile, records: &mut Vec<Record>, on: Date, yes: &[&str]| {
        let answers = all_answers(&catalog, yes);
        profile.red_flags.answered_on = Some(on);
        profile.red_flags.answers = answers.clone();
        records.push(Record::Screened { date: on, answers });
    };
    let stop = first_of(&catalog, FlagLevel::Stop);
    let block = first_of(&catalog, FlagLevel::Block);
    let advise = first_of(&catalog, FlagLevel::Advise);
    match state {
        State::NeverAnswered => {}
        State::Stop => answer(&mut profile, &mut records, ANSWERED, &[&stop]),
        State::StopThenAllNo => {
            answer(&mut profile, &mut records, ANSWERED, &[&stop]);
            answer(&mut profile, &mut records, date(2026, 11, 24), &[]);
        }
        State::Block => answer(&mut profile, &mut records, ANSWERED, &[&block]),
        State::BlockThenAllNo => {
            answer(&mut profile, &mut records, ANSWERED, &[&block]);
            answer(&mut profile, &mut records, date(2026, 11, 24), &[]);
        }
        State::RecentSurgery => answer(
            &mut profile,
            &mut records,
            ANSWERED,
            &["recent-surgery-or-injection"],
        ),
        State::BoneStress => answer(&mut profile, &mut records, ANSWERED, &["bone-stress-signs"]),
        State::SharpPainThenClear => {
            answer(&mut profile, &mut records, ANSWERED, &[]);
            records.push(sharp(date(2026, 11, 23)));
            answer(&mut profile, &mut records, date(2026, 11, 24), &[]);
        }
        State::SecondSwellingWithin14Days => {
            answer(&mut profile, &mut records, date(2026, 11, 16), &[]);
            records.push(swelling(date(2026, 11, 17)));
            answer(&mut profile, &mut records, date(2026, 11, 18), &[]);
            answer(&mut profile, &mut records, ANSWERED, &[]);
            records.push(swelling(date(2026, 11, 24)));
            answer(&mut profile, &mut records, date(2026, 11, 24), &[]);
        }
        State::WeeklyScreenDue => answer(&mut profile, &mut records, LAST_WEEK, &[]),
        State::WeeklyScreenDone => {
            answer(&mut profile, &mut records, LAST_WEEK, &[]);
            answer(&mut profile, &mut records, ANSWERED, &[]);
        }
        State::BlockAssessedBefore => {
            answer(&mut profile, &mut records, ANSWERED, &[&block]);
            records.push(Record::Assessed {
                date: date(2026, 11, 19),
                by: None,
            });
        }
        State::BlockAssessedAfter => {
            answer(&mut profile, &mut records, ANSWERED, &[&block]);
            records.push(Record::Assessed {
                date: date(2026, 11, 24),
                by: Some("Dr Lane".into()),
            });
        }
        State::Advise => answer(&mut profile, &mut records, ANSWERED, &[&advise]),
        State::RescreenAfterSharpPain => {
            answer(&mut profile, &mut records, ANSWERED, &[]);
            records.push(sharp(date(2026, 11, 24)));
        }
        State::SeeClinicianDecision => {
            // Pain over the ceiling on two days of weeks 1 and 2: a step back, then a second
            // one, which makes week 2's decision "see a clinician" until an assessment.
            answer(&mut profile, &mut records, START, &[]);
            answer(&mut profile, &mut records, ANSWERED, &[]);
            for day in [3, 4, 10, 11] {
                records.push(Record::Pain {
                    date: date(2026, 11, day),
                    item: None,
                    report: PainReport {
                        during: Some(6),
                        ..PainReport::default()
                    },
                });
            }
        }
    }
    let mut open = OpenProfile::create(&paths, profile).unwrap();
    open.apply(&Change::records(records)).unwrap();
    // A tick today to take back.
    open.apply(&Change::records(vec![Record::Done {
        date: TODAY,
        item: "quad-set".into(),
        sets: None,
    }]))
    .unwrap();
    paths
}

fn cli(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::cargo_bin("rehab")
        .unwrap()
        .env("REHAB_DATA_DIR", dir.join("data"))
        .env("REHAB_LIBRARY", dir.join("library"))
        .env("REHAB_TODAY", TODAY.to_string())
        .env_remove("REHAB_PROFILE")
        .env_remove("NO_COLOR")
        .args(args)
        .output()
        .unwrap()
}

fn journal_len(dir: &Path) -> usize {
    std::fs::read_to_string(dir.join("data/profiles/me/journal.ron"))
        .unwrap()
        .lines()
        .count()
}

/// The door through the command line: its outcome, and everything it printed.
fn through_cli(dir: &Path, door: Door) -> (Outcome, String) {
    let before = journal_len(dir);
    let out = match door {
        Door::CliToday => cli(dir, &["today"]),
        Door::CliDone => cli(dir, &["done", "1"]),
        Door::CliSkip => cli(dir, &["skip", "1", "--reason", "time"]),
        Door::CliUndo => cli(dir, &["undo", "quad-set"]),
        Door::CliPain => cli(dir, &["pain", "--during", "2"]),
        Door::CliPainForItem => cli(dir, &["pain", "--during", "2", "--item", "1"]),
        Door::CliNote => cli(dir, &["note", "felt fine"]),
        Door::CliPlanProfile => cli(dir, &["plan"]),
        Door::CliPlanProfileHtml => cli(dir, &["plan", "--format", "html"]),
        Door::CliCriteria => cli(dir, &["criteria", "--met", "return-to-run"]),
        _ => unreachable!("{door:?} is an app door"),
    };
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let wrote = journal_len(dir) > before;
    let outcome = match out.status.code() {
        Some(0) => Outcome::Allowed,
        Some(1) => {
            assert!(!wrote, "{door:?} refused but wrote: {text}");
            Outcome::Refused
        }
        code => panic!("{door:?}: exit {code:?}: {text}"),
    };
    if outcome == Outcome::Allowed
        && !matches!(
            door,
            Door::CliToday | Door::CliPlanProfile | Door::CliPlanProfileHtml
        )
    {
        assert!(wrote, "{door:?} succeeded but wrote nothing: {text}");
    }
    (outcome, text)
}

/// A key through the app's own loop functions (`tui::key_actions` then `tui::act`, as
/// `tui::run` calls them between two frames), with the disk code the app uses.
fn press(app: &mut App, disk: &mut Disk, code: KeyCode) -> rehab_planner::tui::Turn {
    let mut key = Some(KeyEvent::new(code, KeyModifiers::NONE));
    let mut turn = rehab_planner::tui::Turn::default();
    while let Some(event) = key.take() {
        let actions = rehab_planner::tui::key_actions(app, disk, event, &mut key);
        turn = rehab_planner::tui::act(app, disk, actions);
        if turn.quit {
            break;
        }
    }
    turn
}

/// The door through the app: keys in, effects performed by the same disk code the app uses.
fn through_app(dir: &Path, paths: &Paths, door: Door) -> (Outcome, String) {
    let catalog = std::sync::Arc::new(Catalog::builtin().unwrap());
    let mut app = App::new(
        catalog.clone(),
        Keymap::default(),
        Theme::new(false, true),
        TODAY,
        "me".into(),
    );
    let mut disk = Disk::new(paths.clone(), catalog);
    for action in disk.open_at_start("me", OpenProfile::open(paths, "me")) {
        app.update(action);
    }
    // Where the app opens: Today, or the questions again after sharp pain. Leave the questions
    // unanswered, as a person pressing Esc would.
    if !matches!(app.screen(), rehab_planner::tui::app::Screen::Main) {
        press(&mut app, &mut disk, KeyCode::Esc);
    }
    assert!(matches!(
        app.screen(),
        rehab_planner::tui::app::Screen::Main
    ));
    let before = journal_len(dir);
    let outcome = match door {
        Door::AppToday => {
            if app.today_items().is_empty() {
                Outcome::Refused
            } else {
                Outcome::Allowed
            }
        }
        Door::AppTick | Door::AppSkip => {
            // The second item: the first may be the one ticked in the set-up.
            press(&mut app, &mut disk, KeyCode::Down);
            let key = if door == Door::AppTick {
                KeyCode::Char(' ')
            } else {
                KeyCode::Char('x')
            };
            press(&mut app, &mut disk, key);
            if matches!(app.overlay(), Some(Overlay::Skip { .. })) {
                press(&mut app, &mut disk, KeyCode::Enter);
            }
            if journal_len(dir) > before {
                Outcome::Allowed
            } else {
                Outcome::Refused
            }
        }
        Door::AppPain => {
            press(&mut app, &mut disk, KeyCode::Char('p'));
            press(&mut app, &mut disk, KeyCode::Char('2'));
            press(&mut app, &mut disk, KeyCode::Enter);
            if journal_len(dir) > before {
                Outcome::Allowed
            } else {
                Outcome::Refused
            }
        }
        Door::AppCriteria => {
            while app.view() != View::Program {
                press(&mut app, &mut disk, KeyCode::Tab);
            }
            // The last row: the return-to-running checks.
            for _ in 0..app.criteria_rows().len().saturating_sub(1) {
                press(&mut app, &mut disk, KeyCode::Down);
            }
            press(&mut app, &mut disk, KeyCode::Char(' '));
            if journal_len(dir) > before {
                Outcome::Allowed
            } else {
                Outcome::Refused
            }
        }
        Door::AppExport => {
            while app.view() != View::Export {
                press(&mut app, &mut disk, KeyCode::Tab);
            }
            let path = dir.join("export.txt");
            // The third format, and the path typed over the one shown.
            press(&mut app, &mut disk, KeyCode::Right);
            press(&mut app, &mut disk, KeyCode::Right);
            press(&mut app, &mut disk, KeyCode::Char('e'));
            for c in path.display().to_string().chars() {
                press(&mut app, &mut disk, KeyCode::Char(c));
            }
            press(&mut app, &mut disk, KeyCode::Enter);
            assert_eq!(app.views().export.format, 2);
            assert_eq!(app.views().export.path, path.display().to_string().as_str());
            press(&mut app, &mut disk, KeyCode::Enter);
            // What the person sees: the file and the path said, or an error and no file.
            let error = app.status().is_some_and(|s| s.error);
            match (path.exists(), app.views().export.exported.is_some(), error) {
                (true, true, false) => Outcome::Allowed,
                (false, false, true) => Outcome::Refused,
                other => panic!("{other:?}: {:?}", app.status()),
            }
        }
        _ => unreachable!("{door:?} is a command-line door"),
    };
    let mut said = app.status().map(|s| s.text.clone()).unwrap_or_default();
    if let Some((_, banner)) = app.banner() {
        said.push_str(&banner);
    }
    said.push_str(&app.week_flags().join(" "));
    (outcome, said)
}

#[test]
fn every_door_against_every_gate_state() {
    let mut failures = Vec::new();
    for state in STATES {
        for door in DOORS {
            let dir = tempfile::tempdir().unwrap();
            let paths = setup(dir.path(), state);
            let is_cli = format!("{door:?}").starts_with("Cli");
            let (got, said) = if is_cli {
                through_cli(dir.path(), door)
            } else {
                through_app(dir.path(), &paths, door)
            };
            let want = expected(state, door);
            if got != want {
                failures.push(format!(
                    "{state:?} x {door:?}: got {got:?}, want {want:?}\n{said}"
                ));
                continue;
            }
            // What stands beside the plan is said where the plan is shown.
            if let (Outcome::Allowed, Some(text), Door::CliToday | Door::AppToday) =
                (got, standing_text(state), door)
                && !said.contains(&text)
            {
                failures.push(format!("{state:?} x {door:?}: `{text}` not said\n{said}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n---\n"));
}

/// The same lines go onto the printed plan of a profile that may have one.
#[test]
fn printed_plans_carry_the_standing_lines() {
    for state in [
        State::Advise,
        State::SeeClinicianDecision,
        State::BlockAssessedAfter,
    ] {
        let dir = tempfile::tempdir().unwrap();
        setup(dir.path(), state);
        let out = cli(dir.path(), &["plan"]);
        assert!(out.status.success());
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("PLEASE NOTE"), "{state:?}: {text}");
        // The same words the app and `rehab today` must say in that state; the printed plan
        // wraps them, so spaces and line breaks compare as one space.
        let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let want = words(&standing_text(state).unwrap());
        assert!(
            words(&text).contains(&want),
            "{state:?}: want `{want}` in: {text}"
        );
    }
}

/// Quit and open again after a "yes": the answer is on disk and the gate still stands.
#[test]
fn a_yes_given_in_the_app_is_on_disk_before_quitting() {
    let dir = tempfile::tempdir().unwrap();
    let paths = setup(dir.path(), State::RescreenAfterSharpPain);
    let catalog = std::sync::Arc::new(Catalog::builtin().unwrap());
    let block = catalog
        .red_flags
        .iter()
        .position(|f| f.level == FlagLevel::Block)
        .unwrap();
    let mut app = App::new(
        catalog.clone(),
        Keymap::default(),
        Theme::new(false, true),
        TODAY,
        "me".into(),
    );
    let mut disk = Disk::new(paths.clone(), catalog.clone());
    for action in disk.open_at_start("me", OpenProfile::open(&paths, "me")) {
        app.update(action);
    }
    // The sharp pain brought the questions back: read them all, "yes" to a block question.
    for row in 0..catalog.red_flags.len() {
        if row == block {
            press(&mut app, &mut disk, KeyCode::Char(' '));
        }
        press(&mut app, &mut disk, KeyCode::Down);
    }
    press(&mut app, &mut disk, KeyCode::Enter);
    assert!(!app.plan_allowed());
    // Quit without pressing anything else: a new session and the command line both see it.
    press(&mut app, &mut disk, KeyCode::Char('q'));
    let reopened = OpenProfile::open(&paths, "me").unwrap();
    assert_eq!(
        reopened
            .profile
            .red_flags
            .answers
            .get(catalog.red_flags[block].id.as_str()),
        Some(&true)
    );
    let out = cli(dir.path(), &["today"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("clinician"));
    let out = cli(dir.path(), &["done", "1"]);
    assert_eq!(out.status.code(), Some(1));
}
