//! The app shows a watch's activities with their figures: on Today (the day's) and on History
//! (this week's and last week's running).

use crate::runs_support;
use crate::tui_common;

use jiff::civil::date;
use ratatui::crossterm::event::KeyCode;
use rehab_planner::journal::{ActivityKind, ActivityLog, Record};
use rehab_planner::tui::action::Action;
use rehab_planner::tui::app::View;
use rehab_planner::tui::app::{App, Effect};
use rehab_planner::tui::theme::Theme;
use runs_support::{Act, gpx};
use tui_common::{TODAY, busy_app, ch, draw, key, press, profile, records, show};

fn run(day: jiff::civil::Date, minutes: u32, metres: u32) -> Record {
    Record::Activity(ActivityLog {
        date: day,
        start: day
            .at(7, 0, 0, 0)
            .to_zoned(jiff::tz::TimeZone::UTC)
            .expect("a time")
            .timestamp(),
        kind: ActivityKind::Run,
        moving_s: minutes * 60,
        distance_m: metres,
        ascent_m: 12,
        descent_m: 10,
        cadence: Some(168),
    })
}

#[test]
fn today_and_history_show_the_watchs_runs() {
    let mut app = busy_app(Theme::new(false, true));
    let before = draw(&app, 140, 30);
    assert!(!before.contains("watch"), "{before}");
    let mut recs = records(&app);
    recs.push(run(TODAY, 31, 5230));
    recs.push(run(date(2026, 11, 19), 25, 4100));
    app.load(profile(), &recs);
    // At 80x24, as over ssh: every figure on screen, nothing cut.
    let today = draw(&app, 80, 24);
    assert!(
        today.contains("watch: run 5.23 km in 31:00, +12/-10 m, 168 steps/min"),
        "{today}"
    );
    show(&mut app, View::History);
    let history = draw(&app, 80, 24);
    assert!(
        history.contains("Watch runs: this week 1 (31:00, 5.23 km); last week 1 (25:00, 4.10 km)"),
        "{history}"
    );
}

#[test]
fn history_imports_a_watchs_file_typed_as_a_path() {
    let tmp = tempfile::tempdir().expect("tmp");
    let file = tmp.path().join("tuesday.gpx");
    // Tuesday 24 November has a run item in the fixture plan (run days Tue, Thu, Sat).
    std::fs::write(&file, gpx(&[Act::run("2026-11-24T07:00:00Z", 22)])).expect("w");
    let mut app = busy_app(Theme::new(false, true));
    show(&mut app, View::History);
    assert!(
        draw(&app, 100, 30).contains("i runs"),
        "{}",
        draw(&app, 100, 30)
    );
    press(&mut app, ch('i'));
    let path = file.display().to_string();
    for c in path.chars() {
        press(&mut app, ch(c));
    }
    let field = draw(&app, 100, 30);
    assert!(
        field.contains("Runs from a watch") && field.contains("never the GPS track"),
        "{field}"
    );
    let effects = press(&mut app, key(KeyCode::Enter));
    assert_eq!(effects, vec![Effect::ReadRuns(path.clone())]);
    // What the loop reads back for that effect.
    let files = rehab_planner::store::watch_files::read_watch_files(
        std::slice::from_ref(&file),
        &mut std::io::empty(),
    );
    let effects = app.update(Action::RunsRead(files, jiff::tz::TimeZone::UTC));
    // The whole import in one write: all of it lands, or none.
    let [Effect::AppendAll(records)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    let records: Vec<&Record> = records.iter().collect();
    assert!(
        records
            .iter()
            .any(|r| matches!(r, Record::Activity(a) if a.moving_s == 22 * 60)),
        "{records:?}"
    );
    // The fixture's running waits for its entry criteria: no run item to tick, the run kept.
    assert_eq!(records.len(), 1, "{records:?}");
    let status = app.status().map(|s| s.text.clone()).unwrap_or_default();
    assert!(status.contains("1 new, 0 already known"), "{status}");
    assert!(app.views().history.report.is_none());
    // Once the store says they are written, the app shows them, the summary still said.
    let written: Vec<Record> = records.into_iter().cloned().collect();
    app.update(Action::RecordedAll(written));
    assert_eq!(app.loaded().journal.activities.len(), 1);
    let said = app.status().map(|s| s.text.clone()).unwrap_or_default();
    assert_eq!(said, status);
    // A broken file keeps the field open and says where it broke; nothing to write.
    std::fs::write(&file, "<gpx><trk><trkseg><trkpt lat=\"1\"").expect("w");
    press(&mut app, ch('i'));
    for c in path.chars() {
        press(&mut app, ch(c));
    }
    press(&mut app, key(KeyCode::Enter));
    let files = rehab_planner::store::watch_files::read_watch_files(&[file], &mut std::io::empty());
    let effects = app.update(Action::RunsRead(files, jiff::tz::TimeZone::UTC));
    assert!(effects.is_empty(), "{effects:?}");
    let status = app.status().map(|s| s.text.clone()).unwrap_or_default();
    assert!(status.contains("tuesday.gpx: line 1"), "{status}");
    assert!(app.views().history.report.is_some());
}

#[test]
fn tab_completes_a_watch_files_path() {
    let tmp = tempfile::tempdir().expect("tmp");
    let watch = tmp.path().join("watch-exports");
    std::fs::create_dir_all(&watch).expect("mkdir");
    std::fs::write(watch.join("morning-run.gpx"), "x").expect("w");
    std::fs::write(watch.join("morning-ride.fit"), "x").expect("w");
    std::fs::write(watch.join("morning-notes.txt"), "x").expect("w");
    let mut app = busy_app(Theme::new(false, true));
    show(&mut app, View::History);
    press(&mut app, ch('i'));
    let typed = format!("{}/watch-e", tmp.path().display());
    for c in typed.chars() {
        press(&mut app, ch(c));
    }
    let effects = press(&mut app, key(KeyCode::Tab));
    assert_eq!(effects, vec![Effect::CompletePath(typed.clone())]);
    let step = |app: &mut App, typed: &str| {
        let completed = rehab_planner::store::watch_files::complete_path(typed);
        app.update(Action::PathCompleted(typed.to_string(), completed));
        app.views()
            .history
            .report
            .as_ref()
            .map(|f| f.path.text().to_string())
            .unwrap_or_default()
    };
    let folder = step(&mut app, &typed);
    assert_eq!(folder, format!("{}/watch-exports/", tmp.path().display()));
    for c in "m".chars() {
        press(&mut app, ch(c));
    }
    // Two watch files start "morning-r" (the .txt is not one): the common start only.
    let common = step(&mut app, &format!("{folder}m"));
    assert_eq!(common, format!("{folder}morning-r"));
    press(&mut app, ch('u'));
    assert_eq!(
        step(&mut app, &format!("{folder}morning-ru")),
        format!("{folder}morning-run.gpx")
    );
}
