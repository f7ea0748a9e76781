//! The app shows a watch's activities with their figures: on Today (the day's) and on History
//! (this week's and last week's running).

mod tui_common;

use jiff::civil::date;
use rehab_planner::journal::{ActivityKind, ActivityLog, Record};
use rehab_planner::tui::app::View;
use rehab_planner::tui::theme::Theme;
use tui_common::{TODAY, busy_app, draw, profile, records};

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
    let today = draw(&app, 140, 30);
    assert!(
        today.contains("watch: run 5.23 km in 31:00, +12/-10 m, 168 steps/min"),
        "{today}"
    );
    app.view = View::History;
    let history = draw(&app, 140, 30);
    assert!(
        history.contains(
            "Running (watch): this week 1 run(s) 31:00 5.23 km; last week 1 run(s) 25:00 4.10 km"
        ),
        "{history}"
    );
}
