//! The countdown draws the exercise's figure and moves it between its key positions in time
//! with each rep, holds it still during a hold or a rest, and never moves it while paused: the
//! figure is a function of the countdown's state, which only a running countdown's ticks change.

#![allow(clippy::unwrap_used)]

use jiff::civil::date;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use rehab_planner::catalog::Catalog;
use rehab_planner::plan::StepKind;
use rehab_planner::tui::action::Action;
use rehab_planner::tui::app::{App, Overlay, TimerState};
use rehab_planner::tui::keymap::Keymap;
use rehab_planner::tui::theme::Theme;
use rehab_planner::tui::ui;

/// An app with the countdown of a built-in exercise open, as `t` opens it.
fn counting(exercise: &str, ascii: bool) -> App {
    let catalog = Catalog::builtin().unwrap();
    let dose = catalog.exercise(exercise).unwrap().dose.clone();
    let theme = Theme {
        color: false,
        ascii,
    };
    let today = date(2026, 11, 25);
    let app = App::new(catalog, Keymap::default(), theme, today, "me".into());
    let name = app.name_of(exercise);
    app.with_overlay(Overlay::Timer(TimerState::new(
        name,
        today,
        exercise.into(),
        &dose,
    )))
}

fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| ui::render(f, app)).unwrap();
    terminal.backend().to_string()
}

/// The rows of the screen that hold braille dots: the figure and nothing else.
fn figure(app: &App) -> String {
    screen(app)
        .lines()
        .map(|l| {
            l.chars()
                .filter(|c| ('\u{2801}'..='\u{28ff}').contains(c))
                .collect::<String>()
        })
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn timer(app: &App) -> &TimerState {
    match &app.overlay() {
        Some(Overlay::Timer(t)) => t,
        other => panic!("no countdown: {other:?}"),
    }
}

fn press(app: &mut App, code: KeyCode) {
    let event = KeyEvent::new(code, KeyModifiers::NONE);
    if let Some(action) = app.context().keymap.resolve(&event, app.typing()) {
        app.update(action);
    }
}

/// Ticks, as the loop sends them only while the countdown runs.
fn tick(app: &mut App) {
    if app.timer_running() {
        app.update(Action::TimerTick);
    }
}

#[test]
fn the_figure_moves_with_each_rep_and_only_while_the_countdown_runs() {
    let mut app = counting("clamshell", false);
    assert!(!figure(&app).is_empty(), "the countdown draws the figure");
    // Getting into position: the start position, still, second after second.
    let start = figure(&app);
    tick(&mut app);
    assert_eq!(timer(&app).step().unwrap().kind, StepKind::Ready);
    assert_eq!(figure(&app), start, "getting ready holds still");
    while timer(&app).step().unwrap().kind == StepKind::Ready {
        tick(&mut app);
    }
    assert!(matches!(
        timer(&app).step().unwrap().kind,
        StepKind::Reps(_)
    ));
    // A rep goes out to the end position and back to the start.
    let mut seen = vec![figure(&app)];
    for _ in 0..6 {
        tick(&mut app);
        seen.push(figure(&app));
    }
    let moves = seen.windows(2).filter(|w| w[0] != w[1]).count();
    assert!(moves >= 2, "the figure moves out and back with the reps");
    assert!(seen.contains(&start), "each rep comes back to the start");
    // Paused: no ticks come, and the keys that do come do not move it.
    press(&mut app, KeyCode::Char(' '));
    assert!(!app.timer_running());
    let paused = figure(&app);
    for _ in 0..5 {
        tick(&mut app);
        app.update(Action::TimerTick);
        press(&mut app, KeyCode::Char('?'));
        press(&mut app, KeyCode::Char('j'));
        assert_eq!(figure(&app), paused, "a paused countdown's figure stays");
    }
    // Going on, it moves again.
    press(&mut app, KeyCode::Char(' '));
    assert!(app.timer_running());
    let mut again = vec![figure(&app)];
    for _ in 0..4 {
        tick(&mut app);
        again.push(figure(&app));
    }
    assert!(again.windows(2).any(|w| w[0] != w[1]), "it moves on again");
}

#[test]
fn a_hold_and_a_rest_hold_still() {
    // The wall sit is a held set: the figure stays in its held position second after second.
    let mut app = counting("wall-sit", false);
    while timer(&app).step().unwrap().kind == StepKind::Ready {
        tick(&mut app);
    }
    assert_eq!(timer(&app).step().unwrap().kind, StepKind::Timed);
    let held = figure(&app);
    assert!(!held.is_empty());
    let at = timer(&app).at;
    while timer(&app).at == at {
        assert_eq!(figure(&app), held, "a hold holds still");
        tick(&mut app);
    }
    // Then the rest between sets: still too, in the start position.
    assert_eq!(timer(&app).step().unwrap().kind, StepKind::Rest);
    let rest = figure(&app);
    for _ in 0..5 {
        tick(&mut app);
        assert_eq!(figure(&app), rest, "a rest holds still");
    }
}

#[test]
fn the_countdown_with_its_figure_fits_80x24() {
    let mut app = counting("clamshell", false);
    for _ in 0..16 {
        tick(&mut app);
    }
    insta::assert_snapshot!("countdown_clamshell_utf8", screen(&app));
    let mut app = counting("clamshell", true);
    for _ in 0..16 {
        tick(&mut app);
    }
    let text = screen(&app);
    assert!(text.is_ascii(), "{text}");
    insta::assert_snapshot!("countdown_clamshell_ascii", text);
}
