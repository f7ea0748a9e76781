//! The countdown follows the dose: each shape (reps, holds per rep, per side, sets with rest,
//! minutes) step by step, with the clock driven by the test, and the tick offered at the end.

#![allow(clippy::unwrap_used)]

use crate::tui_common;

use jiff::civil::Date;
use ratatui::crossterm::event::KeyCode;
use rehab_planner::catalog::{Dose, Frequency, Work};
use rehab_planner::journal::Record;
use rehab_planner::plan::item_minutes;
use rehab_planner::tui::action::Action;
use rehab_planner::tui::app::{Effect, Overlay, TimerState};
use rehab_planner::tui::theme::Theme;
use tui_common::*;

const THEME: Theme = Theme {
    color: true,
    ascii: false,
};

fn dose(sets: u32, work: Work, per_side: bool, rest_s: u32, hold_each_s: Option<u32>) -> Dose {
    let mut d = Dose::new(sets, work, Frequency::Daily(1));
    d.per_side = per_side;
    d.rest_s = rest_s;
    d.hold_each_s = hold_each_s;
    d
}

/// Runs a countdown to its end one second at a time: each step as "set/side: text" when it
/// starts, the seconds it took, and how many times the bell rang.
fn run(dose: &Dose) -> (Vec<String>, u32, usize) {
    let mut t = TimerState::new("X".into(), TODAY, "x".into(), dose);
    let mut seen = Vec::new();
    let mut at = usize::MAX;
    let (mut seconds, mut bells) = (0, 0);
    while !t.finished() {
        if t.at != at {
            at = t.at;
            let s = t.step().unwrap();
            let side = s.side.map_or(String::new(), |d| format!(" {}", d.label()));
            seen.push(format!("{}/{}{side}: {}", s.set, s.sets, s.text()));
        }
        bells += usize::from(t.tick());
        seconds += 1;
        assert!(seconds < 10_000, "the countdown never ends");
    }
    assert!(!t.running, "a finished countdown stops");
    assert!(!t.tick(), "and rings no more");
    (seen, seconds, bells)
}

#[test]
fn reps_are_a_set_at_a_time_with_rests_between() {
    let d = dose(3, Work::Reps(15), false, 45, None);
    let (steps, seconds, bells) = run(&d);
    assert_eq!(
        steps,
        [
            "1/3: get into position",
            "1/3: 15 reps",
            "1/3: rest 45 s",
            "2/3: 15 reps",
            "2/3: rest 45 s",
            "3/3: 15 reps",
        ]
    );
    assert_eq!(bells, steps.len(), "the bell rings as each step ends");
    // Today's estimate is the same seconds, rounded up to minutes.
    assert_eq!(item_minutes(&d), seconds.div_ceil(60));
}

#[test]
fn each_rep_held_is_counted_hold_by_hold() {
    let d = dose(1, Work::Reps(15), false, 0, Some(10));
    let (steps, seconds, _) = run(&d);
    assert_eq!(steps[1], "1/1: hold 1 of 15, 10 s");
    assert_eq!(steps[2], "1/1: let go");
    assert_eq!(steps[7], "1/1: hold 4 of 15, 10 s");
    assert_eq!(steps.last().unwrap(), "1/1: hold 15 of 15, 10 s");
    assert_eq!(seconds, 15 + 15 * 10 + 14 * 3);
    assert_eq!(item_minutes(&d), 4, "15 holds of 10 s are not 1 min");
}

#[test]
fn per_side_doses_name_each_side() {
    let d = dose(2, Work::Hold(30), true, 0, None);
    let (steps, seconds, _) = run(&d);
    assert_eq!(
        steps,
        [
            "1/2 left: get into position, left side",
            "1/2 left: hold 30 s",
            "2/2 left: hold 30 s",
            "1/2 right: get into position, right side",
            "1/2 right: hold 30 s",
            "2/2 right: hold 30 s",
        ]
    );
    assert_eq!(item_minutes(&d), seconds.div_ceil(60));
}

#[test]
fn minutes_are_one_long_step() {
    let d = dose(1, Work::Minutes(25), false, 0, None);
    let (steps, seconds, bells) = run(&d);
    assert_eq!(steps, ["1/1: go for 25 min"]);
    assert_eq!((seconds, bells), (25 * 60, 1));
    assert_eq!(item_minutes(&d), 25);
}

fn open_quad_set(app: &mut rehab_planner::tui::app::App) {
    let row = app
        .today_items()
        .iter()
        .position(|i| i.exercise == "fx-quad-set")
        .expect("the quad set is on today's list");
    for _ in 0..row {
        press(app, ch('j'));
    }
    press(app, ch('t'));
}

fn timer(app: &rehab_planner::tui::app::App) -> &TimerState {
    match &app.overlay() {
        Some(Overlay::Timer(t)) => t,
        other => panic!("no countdown: {other:?}"),
    }
}

#[test]
fn the_quad_set_runs_each_side_and_each_set_and_ends_with_a_tick() {
    let mut app = busy_app(THEME);
    open_quad_set(&mut app);
    assert!(app.timer_running());
    // 3 x 10 s hold per side, 30 s rest: into position, then the first hold on the left.
    assert_eq!(timer(&app).left_s, 15);
    for _ in 0..15 {
        app.update(Action::TimerTick);
    }
    let step = *timer(&app).step().unwrap();
    assert_eq!((step.set, step.text()), (1, "hold 10 s".to_string()));
    assert_eq!(step.side.unwrap().label(), "left");
    let screen = draw(&app, 80, 24);
    assert!(
        screen.contains("set 1 of 3, left side - hold 10 s"),
        "{screen}"
    );
    // The hint bar names the countdown's own keys, not the list's.
    assert!(screen.contains("Space pause"), "{screen}");
    assert!(!screen.contains("Space tick"), "{screen}");
    // The bell rings as the hold ends, and not on the seconds before it.
    let bells: Vec<bool> = (0..10)
        .map(|_| app.update(Action::TimerTick) == vec![Effect::Bell])
        .collect();
    assert_eq!(bells.iter().filter(|b| **b).count(), 1);
    assert!(bells[9], "{bells:?}");
    assert_eq!(timer(&app).step().unwrap().text(), "rest 30 s");
    // Space pauses: ticks change nothing.
    press(&mut app, ch(' '));
    assert!(!app.timer_running(), "Space pauses");
    app.update(Action::TimerTick);
    assert_eq!(timer(&app).left_s, 30);
    press(&mut app, ch(' '));
    // Right skips ahead; Left starts a step again.
    press(&mut app, key(KeyCode::Right));
    assert_eq!(timer(&app).step().unwrap().set, 2);
    app.update(Action::TimerTick);
    press(&mut app, key(KeyCode::Left));
    assert_eq!(timer(&app).left_s, 10);
    // Enter does not tick before the end.
    assert!(press(&mut app, key(KeyCode::Enter)).is_empty());
    while !timer(&app).finished() {
        press(&mut app, key(KeyCode::Right));
    }
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("Finished: all 3 sets done."), "{screen}");
    assert!(screen.contains("Enter tick it"), "{screen}");
    let effects = press(&mut app, key(KeyCode::Enter));
    let [Effect::Append(Record::Done { item, sets, date })] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!((item.as_str(), *sets, *date), ("fx-quad-set", None, TODAY));
    assert!(app.overlay().is_none());
}

#[test]
fn a_digit_in_the_countdown_saves_the_sets_done() {
    let mut app = busy_app(THEME);
    open_quad_set(&mut app);
    let effects = press(&mut app, ch('2'));
    let [Effect::Append(Record::Done { sets, .. })] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(*sets, Some(2));
    assert!(app.overlay().is_none());
    // Esc closes without saving anything.
    open_quad_set(&mut app);
    assert!(press(&mut app, key(KeyCode::Esc)).is_empty());
    assert!(app.overlay().is_none());
}

#[test]
fn a_countdown_opened_on_another_day_ticks_that_day() {
    let mut app = busy_app(THEME);
    show(&mut app, rehab_planner::tui::app::View::Week);
    // Yesterday on the Week view.
    press(&mut app, key(KeyCode::Left));
    let day: Date = TODAY.yesterday().unwrap();
    press(&mut app, ch('t'));
    let t = timer(&app);
    assert_eq!(t.date, day);
    let item = t.item.clone();
    while !timer(&app).finished() {
        press(&mut app, key(KeyCode::Right));
    }
    let effects = press(&mut app, key(KeyCode::Enter));
    assert!(
        matches!(effects.as_slice(), [Effect::Append(Record::Done { date, item: i, .. })] if *date == day && *i == item),
        "{effects:?}"
    );
}
