//! A long history in the app: the start works the weeks out from the progression saved beside
//! the journal, and every view shows what a start from week 1 shows.

use crate::tui_common;

use jiff::civil::date;
use ratatui::crossterm::event::KeyCode;
use rehab_planner::journal::{JournalState, Record};
use rehab_planner::progress::Memo;
use rehab_planner::tui::action::Action;
use rehab_planner::tui::app::{App, View};
use rehab_planner::tui::theme::Theme;
use tui_common::*;

fn theme() -> Theme {
    Theme::new(false, true)
}

/// Forty weeks of ticks and pain scores from a start in early February.
fn long_app() -> (App, Vec<Record>) {
    app_from(date(2026, 2, 2))
}

/// Ticks and pain scores every day from `start` to today.
fn app_from(start: jiff::civil::Date) -> (App, Vec<Record>) {
    let mut p = profile();
    p.settings.start = start;
    // Answered at the start and at every week's check since; the latest is this week's.
    p.red_flags.answered_on = Some(date(2026, 11, 23));
    let mut app = fresh_app(theme());
    app.load(p.clone(), &[]);
    let mut records = vec![Record::Screened {
        date: p.settings.start,
        answers: p.red_flags.answers.clone(),
    }];
    let mut day = p.settings.start;
    while day < TODAY {
        if day > p.settings.start && day.weekday() == jiff::civil::Weekday::Monday {
            records.push(Record::Screened {
                date: day,
                answers: p.red_flags.answers.clone(),
            });
        }
        if let Some(plan) = app.loaded().standing.as_ref().map(|s| s.day(day)) {
            for item in plan.items.iter().step_by(2) {
                records.push(Record::Done {
                    date: day,
                    item: item.exercise.clone(),
                    sets: None,
                });
            }
        }
        records.push(Record::Pain {
            date: day,
            item: None,
            report: rehab_planner::journal::PainReport {
                during: Some(1),
                morning: Some(1),
                ..Default::default()
            },
        });
        day = day.tomorrow().expect("a later day");
    }
    let mut app = fresh_app(theme());
    app.load(p, &records);
    (app, records)
}

#[test]
fn a_saved_progression_starts_the_app_late_in_the_history_and_changes_nothing_on_screen() {
    let (mut full, records) = long_app();
    // Worked out from week 1, the app keeps the weeks from last week on (the weeks before are
    // walked through for what they pass on), and a memo of where the progression stood.
    let current = full.this_week().expect("a week").state.week;
    assert_eq!(full.first_week_built(), Some(current - 1));
    let mut quick = started_from_memo(&full, &records);
    let first = quick.first_week_built().unwrap_or(0);
    assert!(
        first > 20,
        "started from week {first}, not from the checkpoint"
    );
    assert_eq!(quick.today_items(), full.today_items());
    assert_eq!(quick.banner(), full.banner());
    assert_eq!(draw(&quick, 80, 24), draw(&full, 80, 24), "Today differs");

    // History and Program read every week: switching to them works the rest out.
    for view in [View::Week, View::Program, View::History] {
        while quick.view() != view {
            press(&mut quick, key(KeyCode::Tab));
        }
        while full.view() != view {
            press(&mut full, key(KeyCode::Tab));
        }
        assert_eq!(
            draw(&quick, 80, 24),
            draw(&full, 80, 24),
            "{view:?} differs"
        );
    }
    assert_eq!(quick.first_week_built(), Some(1));
}

#[test]
fn browsing_back_before_the_checkpoint_works_the_earlier_weeks_out() {
    let (mut full, records) = long_app();
    let mut quick = started_from_memo(&full, &records);
    let first = quick.first_week_built().unwrap_or(0);
    while quick.view() != View::Week {
        press(&mut quick, key(KeyCode::Tab));
    }
    // `[` goes a week back at a time, past the first week worked out.
    let back = quick.views().week.week - first + 1;
    for _ in 0..back {
        press(&mut quick, ch('['));
    }
    assert!(quick.views().week.week < first);
    let shown = quick.shown_week().map(|w| w.state.week);
    assert_eq!(
        shown,
        Some(quick.views().week.week),
        "the week shown was not worked out"
    );
    show(&mut full, View::Week);
    for _ in 0..back {
        press(&mut full, ch('['));
    }
    assert_eq!(full.views().week, quick.views().week);
    full.rebuild();
    assert_eq!(draw(&quick, 80, 24), draw(&full, 80, 24));
}

#[test]
fn three_digit_weeks_fit_the_history_view_at_80x24() {
    // Week 130 and on: the weekly adherence line keeps whole entries within the border.
    let (mut app, _) = app_from(date(2024, 5, 27));
    while app.view() != View::History {
        press(&mut app, key(KeyCode::Tab));
    }
    let screen = draw(&app, 80, 24);
    let line = screen
        .lines()
        .find(|l| l.contains("wk1"))
        .unwrap_or_else(|| panic!("no weekly adherence:\n{screen}"));
    let inside = line
        .trim_matches(|c| c == '"' || c == '|' || c == '│')
        .trim_end();
    // The running week's entry reads "wk131 67% so far"; the others end at their '%'.
    assert!(
        inside.ends_with('%') || inside.ends_with("% so far"),
        "an entry is cut: {line}"
    );
    assert!(inside.matches("wk1").count() >= 5, "{line}");
}

/// A second app loaded as the disk loads one, with the memo `full` made (as the store keeps it
/// beside the journal for the next start).
fn started_from_memo(full: &App, records: &[Record]) -> App {
    let memo = full.loaded().memo.clone();
    assert_ne!(
        memo,
        Memo::default(),
        "a first look makes a memo worth keeping"
    );
    let mut quick = fresh_app(theme());
    quick.update(Action::Loaded(
        Box::new(full.loaded().profile.clone().expect("loaded")),
        std::sync::Arc::new(JournalState::replay(records)),
        memo,
    ));
    quick
}

#[test]
fn the_apps_start_keeps_the_memo_beside_the_journal_and_the_next_start_reads_it() {
    use rehab_planner::store::OpenProfile;
    let (full, records) = long_app();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let paths = rehab_planner::paths::Paths::resolve(Some(dir.path().to_path_buf()), None);
    let mut open = OpenProfile::create(&paths, full.loaded().profile.clone().expect("loaded"))
        .expect("the profile is made");
    open.apply(&rehab_planner::session::Change::records(records))
        .expect("the journal is written");
    let memo_file = paths.profile_dir("me").join("progress.cache");
    assert!(!memo_file.exists());
    let start = || {
        let mut app = fresh_app(theme());
        let mut disk =
            rehab_planner::tui::disk::Disk::new(paths.clone(), app.context().catalog.clone());
        for action in disk.open_at_start("me", OpenProfile::open(&paths, "me")) {
            app.update(action);
        }
        // As the loop does once the first frame is up.
        disk.keep_memo(&app.loaded().memo);
        app
    };
    let first = start();
    assert!(memo_file.exists(), "the first start kept no memo");
    let kept = std::fs::metadata(&memo_file)
        .and_then(|m| m.modified())
        .ok();
    let second = start();
    // Still good: read, not made again, and the same screen as from week 1.
    assert_eq!(
        std::fs::metadata(&memo_file)
            .and_then(|m| m.modified())
            .ok(),
        kept
    );
    assert_eq!(second.loaded().memo, first.loaded().memo);
    assert_eq!(draw(&second, 80, 24), draw(&full, 80, 24));
}
