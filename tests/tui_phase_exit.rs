//! Issue 27: when a phase's time is up and the week's decision is PROGRESS, Today asks its exit
//! checks one at a time; Space alone records one, Enter only opens its words.

#![allow(clippy::unwrap_used)]

use crate::tui_common;

use ratatui::crossterm::event::KeyCode;
use rehab_planner::journal::{PainReport, Record};
use rehab_planner::tui::app::{App, Effect, Overlay, View};
use rehab_planner::tui::theme::Theme;
use tui_common::*;

const UNICODE: Theme = Theme {
    color: true,
    ascii: false,
};

/// Every item of every day before today done, pain 1/10 during and the next morning: the
/// weeks progress, and week 2 (Settle's second and last) asks for its exit.
fn due_app(theme: Theme) -> App {
    let mut app = fresh_app(theme);
    app.load(profile(), &[]);
    let mut recs = Vec::new();
    for week in app.weeks_so_far() {
        for day in week.days.iter().filter(|d| d.date < TODAY) {
            for item in &day.items {
                recs.push(Record::Done {
                    date: day.date,
                    item: item.exercise.clone(),
                    sets: None,
                });
            }
            recs.push(Record::Pain {
                date: day.date,
                item: None,
                report: PainReport {
                    during: Some(1),
                    morning: Some(1),
                    ..PainReport::default()
                },
            });
        }
    }
    app.load(profile(), &recs);
    app
}

fn criteria(id: &str, met: bool) -> Effect {
    Effect::Append(Record::Criteria {
        date: TODAY,
        id: id.into(),
        met,
    })
}

#[test]
fn today_asks_the_exit_checks_when_the_phase_is_due() {
    let app = due_app(UNICODE);
    let prompt = app
        .exit_prompt()
        .expect("week 2 of a 2-week phase, progressing");
    assert_eq!(prompt.phase, 1);
    let ids: Vec<&str> = prompt.rows.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["phase-1-exit-1", "phase-1-exit-2"]);
    insta::assert_snapshot!("phase_exit_prompt", draw(&app, 80, 24));
    let ascii = due_app(Theme {
        color: false,
        ascii: true,
    });
    insta::assert_snapshot!("phase_exit_prompt_ascii", draw(&ascii, 80, 24));
}

#[test]
fn no_prompt_before_the_phase_has_had_its_time() {
    // Week 1 of Settle (2 weeks): nothing is asked yet.
    let today = jiff::civil::date(2026, 11, 18);
    let mut app = App::new(catalog(), Default::default(), UNICODE, today, "me".into());
    app.load(profile(), &[]);
    assert!(app.this_week().is_some());
    assert_eq!(app.exit_prompt(), None);
}

#[test]
fn moving_and_enter_record_nothing_on_todays_prompt_space_ticks_one_check() {
    let mut app = due_app(UNICODE);
    // Moving the cursor over the checks and back records nothing.
    for k in [KeyCode::Down, KeyCode::Up, KeyCode::Down, KeyCode::Up] {
        assert_eq!(press(&mut app, key(k)), Vec::new(), "{k:?}");
    }
    // Enter opens the check's words; Enter again closes them; nothing is recorded.
    assert_eq!(press(&mut app, key(KeyCode::Enter)), Vec::new());
    match &app.overlay() {
        Some(Overlay::Text { lines, .. }) => {
            assert_eq!(lines, &["Pain under 3/10 on stairs".to_string()])
        }
        other => panic!("Enter did not open the check: {other:?}"),
    }
    insta::assert_snapshot!("phase_exit_check_open", draw(&app, 80, 24));
    // Space on the open words records nothing either.
    assert_eq!(press(&mut app, ch(' ')), Vec::new());
    assert_eq!(press(&mut app, key(KeyCode::Enter)), Vec::new());
    assert_eq!(app.overlay(), None);
    assert!(!app.criteria_met("phase-1-exit-1"));
    // Space ticks the check under the cursor, and that one alone.
    let effects = press_and_store(&mut app, ch(' '));
    assert_eq!(effects, vec![criteria("phase-1-exit-1", true)]);
    assert!(!app.criteria_met("phase-1-exit"));
    // The last check met records the phase's exit, which the progression reads.
    press(&mut app, key(KeyCode::Down));
    let effects = press_and_store(&mut app, ch(' '));
    assert_eq!(
        effects,
        vec![
            criteria("phase-1-exit-2", true),
            criteria("phase-1-exit", true)
        ]
    );
    assert!(app.criteria_met("phase-1-exit"));
    // Asked and answered: the prompt goes, and the cursor is on the items again.
    assert_eq!(app.exit_prompt(), None);
    assert!(!app.on_exit_prompt());
}

#[test]
fn down_past_the_last_check_reaches_the_items_and_up_comes_back() {
    let mut app = due_app(UNICODE);
    assert!(app.on_exit_prompt());
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Down));
    assert!(!app.on_exit_prompt());
    assert_eq!(app.views().today.selected, 0);
    // On the items, Space ticks the item, not a check.
    let effects = press(&mut app, ch(' '));
    assert!(
        matches!(effects.as_slice(), [Effect::Append(Record::Done { .. })]),
        "{effects:?}"
    );
    press(&mut app, key(KeyCode::Up));
    assert!(app.on_exit_prompt());
    assert_eq!(app.views().today.check, 1);
}

#[test]
fn enter_never_records_a_criterion_in_the_program_view() {
    let mut app = due_app(UNICODE);
    show(&mut app, View::Program);
    let rows = app.criteria_rows();
    assert!(rows.len() >= 3, "{rows:?}");
    for i in 0..rows.len() {
        assert_eq!(press(&mut app, key(KeyCode::Enter)), Vec::new(), "row {i}");
        assert!(
            matches!(app.overlay(), Some(Overlay::Text { .. })),
            "row {i}: {:?}",
            app.overlay()
        );
        assert_eq!(press(&mut app, key(KeyCode::Esc)), Vec::new(), "row {i}");
        assert_eq!(press(&mut app, key(KeyCode::Down)), Vec::new(), "row {i}");
    }
    assert!(app.criteria().iter().all(|r| !r.met));
    // Space records the row under the cursor.
    for _ in 0..rows.len() {
        press(&mut app, key(KeyCode::Up));
    }
    press(&mut app, key(KeyCode::Down));
    let effects = press_and_store(&mut app, ch(' '));
    assert_eq!(effects, vec![criteria("phase-1-exit-1", true)]);
}

#[test]
fn a_check_withdrawn_withdraws_the_phase_exit_from_an_older_journal() {
    // An older journal recorded the phase's exit as one id: each check reads as met.
    let mut app = due_app(UNICODE);
    app.update(rehab_planner::tui::action::Action::Recorded(
        Record::Criteria {
            date: TODAY,
            id: "phase-1-exit".into(),
            met: true,
        },
    ));
    show(&mut app, View::Program);
    let rows = app.criteria();
    assert!(rows.iter().take(3).all(|r| r.met), "{rows:?}");
    // Unticking check 1 keeps check 2 met in its own right, then withdraws the phase's exit.
    press(&mut app, key(KeyCode::Down));
    let effects = press_and_store(&mut app, ch(' '));
    assert_eq!(
        effects,
        vec![
            criteria("phase-1-exit-1", false),
            criteria("phase-1-exit-2", true),
            criteria("phase-1-exit", false),
        ]
    );
    let met: Vec<bool> = app.criteria().iter().take(3).map(|r| r.met).collect();
    assert_eq!(met, [false, false, true]);
    // And Today asks again, check 1 open, check 2 ticked.
    show(&mut app, View::Today);
    let prompt = app.exit_prompt().expect("asked again");
    let met: Vec<bool> = prompt.rows.iter().map(|r| r.met).collect();
    assert_eq!(met, [false, true]);
}

/// The fixture library with phase 2's exit check one the log can prove.
fn runs_catalog() -> rehab_planner::catalog::Catalog {
    use rehab_planner::catalog::{Catalog, SourceText};
    let text = include_str!("fixtures/tui/library.ron").replace(
        "Ten step-downs without pain",
        "Two runs of 20 minutes continuous within the pain rule",
    );
    let loaded = Catalog::load(&[SourceText::new("runs.ron", &text)]).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    loaded.catalog
}

/// An app on `runs_catalog`, pinned to phase 2 (continuous running), cleared to run, with
/// every item done each day before today except `unticked` runs, pain 1/10 (7/10 on `red`).
fn runs_app(unticked: &[i8], red: &[i8]) -> App {
    let mut app = App::new(
        runs_catalog(),
        rehab_planner::tui::keymap::Keymap::default(),
        UNICODE,
        TODAY,
        "me".into(),
    );
    let mut p = profile();
    // Runs on Monday, Wednesday and Friday: the dates below are run days.
    p.settings.run_days = vec![
        rehab_planner::plan::Day::Mon,
        rehab_planner::plan::Day::Wed,
        rehab_planner::plan::Day::Fri,
    ];
    p.overrides.pinned_phase = Some(2);
    let mut recs = vec![Record::Criteria {
        date: jiff::civil::date(2026, 11, 16),
        id: "return-to-run".into(),
        met: true,
    }];
    app.load(p.clone(), &recs);
    for week in app.weeks_so_far() {
        for day in week.days.iter().filter(|d| d.date < TODAY) {
            for item in &day.items {
                if item.exercise == "fx-walk-run" && unticked.contains(&day.date.day()) {
                    continue;
                }
                recs.push(Record::Done {
                    date: day.date,
                    item: item.exercise.clone(),
                    sets: None,
                });
            }
            let pain = if red.contains(&day.date.day()) { 7 } else { 1 };
            recs.push(Record::Pain {
                date: day.date,
                item: None,
                report: PainReport {
                    during: Some(pain),
                    morning: Some(1),
                    ..PainReport::default()
                },
            });
        }
    }
    app.load(p, &recs);
    app
}

fn run_check_log(app: &App) -> Option<String> {
    let rows = app.criteria();
    let row = rows.iter().find(|r| r.id == "phase-2-exit-1").unwrap();
    assert!(
        !row.met,
        "the log is said, never ticked for the person: {row:?}"
    );
    row.log.clone()
}

#[test]
fn a_check_the_log_can_prove_says_the_dates_of_the_runs() {
    // Runs on Mon 16, Wed 18, Fri 20 and Mon 23 November, 25 min each: the 18th red, the 20th
    // not ticked, and the red week eases the 23rd's run below 20 min. One counts so far.
    let app = runs_app(&[20], &[18]);
    let monday = app
        .this_week()
        .unwrap()
        .day(jiff::civil::date(2026, 11, 23))
        .unwrap();
    let run = monday
        .items
        .iter()
        .find(|i| i.exercise == "fx-walk-run")
        .unwrap();
    assert!(
        matches!(run.dose.work, rehab_planner::catalog::Work::Minutes(m) if m < 20),
        "{run:?}"
    );
    let log = run_check_log(&app);
    assert_eq!(
        log.as_deref(),
        Some(
            "The log shows 1 of the 2 continuous runs of 20 min within the pain rule so far: 2026-11-16."
        )
    );
    // No red, the 18th not ticked: enough, with the dates (the words past the pain rule, such
    // as "no swelling the next day", stay the person's and clinician's to judge).
    let app = runs_app(&[18], &[]);
    let log = run_check_log(&app);
    assert_eq!(
        log.as_deref(),
        Some(
            "The log shows 3 continuous runs of 20 min within the pain rule (2 needed): 2026-11-16, 2026-11-20, 2026-11-23."
        )
    );
    // Checks in words the log cannot prove say nothing of it.
    assert!(
        app.criteria()
            .iter()
            .all(|r| r.id == "phase-2-exit-1" || r.log.is_none())
    );
}

#[test]
fn a_phases_runs_read_the_same_through_a_saved_progression_weeks_later() {
    use rehab_planner::session::Standing;
    // The runs of 16-23 November, read one, two and three weeks on: the phase began before
    // the weeks a saved progression works out again, and its runs still count.
    let app = runs_app(&[18], &[]);
    let catalog = runs_catalog();
    let profile = app.loaded().profile.clone().unwrap();
    let journal = app.loaded().journal.clone();
    let log = |s: &Standing| {
        s.criteria_rows(&catalog, &journal)
            .into_iter()
            .find(|r| r.id == "phase-2-exit-1")
            .and_then(|r| r.log)
    };
    let want = Some(
        "The log shows 3 continuous runs of 20 min within the pain rule (2 needed): 2026-11-16, 2026-11-20, 2026-11-23."
            .to_string(),
    );
    for later in [7, 14, 21] {
        let day = TODAY.checked_add(jiff::ToSpan::days(later)).unwrap();
        let full = Standing::compute(&catalog, &profile, &journal, day);
        assert_eq!(log(&full), want, "{day}, every week");
        let (first, saved) = Standing::recent(
            &catalog,
            &profile,
            &journal,
            (day, day),
            &Default::default(),
        );
        assert!(saved.is_some(), "{day}: a progression to save");
        assert_eq!(log(&first), want, "{day}, first look");
        let (again, _) = Standing::recent(
            &catalog,
            &profile,
            &journal,
            (day, day),
            &saved.expect("a memo"),
        );
        assert_eq!(log(&again), want, "{day}, through the saved progression");
    }
}
