//! Days done are history (issue 27) in the app: the set-up form says from when a change plans
//! and what a moved start counts as missed, before Enter; the days before keep their items.

#![allow(clippy::unwrap_used)]

use crate::tui_common;

use jiff::civil::date;
use ratatui::crossterm::event::KeyCode;
use rehab_planner::tui::action::Action;
use rehab_planner::tui::app::{Effect, Screen};
use rehab_planner::tui::theme::Theme;
use tui_common::*;

const THEME: Theme = Theme {
    color: false,
    ascii: false,
};

#[test]
fn the_form_says_from_when_a_change_plans_and_the_days_before_keep_their_items() {
    let mut app = busy_app(THEME);
    let monday = date(2026, 11, 23);
    let before = app.loaded().standing.as_ref().unwrap().day(monday);
    assert!(!before.items.is_empty());
    app.update(Action::Edit);
    assert!(matches!(app.screen(), Screen::Setup(_)));
    // Nothing changed yet, nothing to say.
    assert!(!draw(&app, 100, 40).contains("apply from"));
    for _ in 0..4 {
        press(&mut app, key(KeyCode::Down));
    }
    press(&mut app, ch('l'));
    let screen = draw(&app, 100, 40);
    assert!(
        screen.contains("The new settings apply from Mon 30 Nov 2026, the next Monday"),
        "{screen}"
    );
    let effects = press_and_store(&mut app, key(KeyCode::Enter));
    assert!(matches!(&effects[0], Effect::Change(_)), "{effects:?}");
    let saved = app.loaded().profile.as_ref().expect("the profile is open");
    assert_eq!(saved.settings.minutes, 50);
    assert_eq!(saved.earlier_settings.len(), 1);
    assert_eq!(saved.earlier_settings[0].until, date(2026, 11, 30));
    assert_eq!(app.loaded().standing.as_ref().unwrap().day(monday), before);
}

#[test]
fn the_form_says_what_a_start_moved_back_counts_as_missed() {
    let mut app = busy_app(THEME);
    app.update(Action::Edit);
    press(&mut app, ch('h'));
    press(&mut app, ch('h'));
    let Screen::Setup(form) = &app.screen() else {
        panic!("{:?}", app.screen())
    };
    assert_eq!(form.settings.start, date(2026, 11, 2));
    let screen = draw(&app, 100, 40);
    assert!(screen.contains("Moving the start back counts"), "{screen}");
    assert!(screen.contains("as missed"), "{screen}");
    // Back to its own start, nothing is missed.
    press(&mut app, ch('l'));
    press(&mut app, ch('l'));
    assert!(!draw(&app, 100, 40).contains("as missed"));
}
