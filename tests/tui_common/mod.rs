//! Shared set-up for the TUI tests: a fixture library, a fixed date, a profile with a journal.

#![allow(dead_code, clippy::unwrap_used)]

use jiff::civil::{Date, date};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use rehab_planner::catalog::{Catalog, Equipment, SourceText};
use rehab_planner::journal::{PainReport, Record, SkipReason};
use rehab_planner::plan::{Day, Settings};
use rehab_planner::profile::Profile;
use rehab_planner::tui::action::Action;
use rehab_planner::tui::app::{App, Effect, Screen, View};
use rehab_planner::tui::keymap::Keymap;
use rehab_planner::tui::theme::Theme;
use rehab_planner::tui::ui;

/// Wednesday of the program's second week.
pub const TODAY: Date = date(2026, 11, 25);

/// The built-in library with the fixture laid over it; red flags and symptom questions are the
/// fixture's alone so the screens do not change when the built-in content grows.
pub fn catalog() -> Catalog {
    let text = include_str!("../fixtures/tui/library.ron");
    let loaded = Catalog::load(&[SourceText::new("tests/fixtures/tui/library.ron", text)])
        .expect("the built-in library loads");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let mut catalog = loaded.catalog;
    catalog.red_flags.retain(|f| f.id.starts_with("fx-"));
    catalog
        .symptom_questions
        .retain(|q| q.id.starts_with("fx-"));
    catalog
}

pub fn fresh_app(theme: Theme) -> App {
    fresh_app_keyed(theme, Keymap::default())
}

/// A fresh app whose keys are `keymap` (as a person's keys file makes them).
pub fn fresh_app_keyed(theme: Theme, keymap: Keymap) -> App {
    App::new(catalog(), keymap, theme, TODAY, "me".into())
}

pub fn settings() -> Settings {
    Settings {
        start: date(2026, 11, 16),
        days_per_week: 4,
        run_days: vec![Day::Tue, Day::Thu, Day::Sat],
        equipment: vec![Equipment::Band],
        minutes: 45,
        cross_training: Vec::new(),
        no_running: false,
        running_now: None,
    }
}

/// The fixture profile: every red-flag question answered "no" at this week's check (Monday).
pub fn profile() -> Profile {
    let mut p = Profile::new("me", "pfps", settings());
    p.red_flags.answered_on = Some(date(2026, 11, 23));
    for flag in &catalog().red_flags {
        p.red_flags.answers.insert(flag.id.to_string(), false);
    }
    p
}

/// Presses Enter on the red-flag questions until they are all read and the answers given.
pub fn read_all_flags(app: &mut App) -> Vec<Effect> {
    let n = app.context().catalog.red_flags.len();
    for _ in 0..n {
        let effects = press(app, key(KeyCode::Enter));
        if !matches!(app.screen(), Screen::RedFlags { .. }) {
            return effects;
        }
    }
    panic!(
        "still on the questions after {n} Enters: {:?}",
        app.screen()
    )
}

/// A week and a half of history: some done, one partial, one skipped, some pain.
pub fn records(app: &App) -> Vec<Record> {
    let mut out = Vec::new();
    for week in app.weeks_so_far() {
        for day in &week.days {
            if day.date >= TODAY {
                continue;
            }
            for (i, item) in day.items.iter().enumerate() {
                let record = match (day.date.day() + i as i8) % 5 {
                    0 => continue,
                    1 => Record::Skipped {
                        date: day.date,
                        item: item.exercise.clone(),
                        reason: SkipReason::Time,
                    },
                    2 => Record::Done {
                        date: day.date,
                        item: item.exercise.clone(),
                        sets: Some(1),
                    },
                    _ => Record::Done {
                        date: day.date,
                        item: item.exercise.clone(),
                        sets: None,
                    },
                };
                out.push(record);
            }
            if !day.items.is_empty() {
                out.push(Record::Pain {
                    date: day.date,
                    item: None,
                    report: PainReport {
                        during: Some((day.date.day() % 4) as u8),
                        morning: Some((day.date.day() % 3) as u8),
                        ..PainReport::default()
                    },
                });
            }
        }
    }
    out
}

/// An app on Today with the fixture profile and its history, and two items ticked today.
pub fn busy_app(theme: Theme) -> App {
    busy_app_keyed(theme, Keymap::default())
}

/// [`busy_app`] with the keys of `keymap`.
pub fn busy_app_keyed(theme: Theme, keymap: Keymap) -> App {
    busy_app_from(catalog(), theme, keymap)
}

/// [`busy_app_keyed`] with the library `catalog`.
pub fn busy_app_from(catalog: Catalog, theme: Theme, keymap: Keymap) -> App {
    let mut app = App::new(catalog, keymap, theme, TODAY, "me".into());
    listed(&mut app, &["anna", "me"]);
    app.load(profile(), &[]);
    let mut recs = records(&app);
    let today: Vec<String> = app
        .today_items()
        .iter()
        .map(|i| i.exercise.clone())
        .collect();
    recs.push(Record::Done {
        date: TODAY,
        item: today[0].clone(),
        sets: None,
    });
    recs.push(Record::Done {
        date: TODAY,
        item: today[1].clone(),
        sets: Some(2),
    });
    recs.push(Record::Skipped {
        date: TODAY,
        item: today[2].clone(),
        reason: SkipReason::Equipment,
    });
    app.load(profile(), &recs);
    app
}

/// Tabs to `view` as a person does (Tab, and what it does on the way: a clinic read is
/// ignored); fails when `view` is not one of the tabs now.
pub fn show(app: &mut App, view: View) {
    for _ in View::ALL {
        if app.view() == view {
            return;
        }
        app.update(Action::NextView);
    }
    assert_eq!(app.view(), view, "not among the tabs: {:?}", app.tabs());
}

/// Searches the Library (shown) for `text`: `/`, the text, Enter.
pub fn search(app: &mut App, text: &str) {
    press(app, ch('/'));
    for c in text.chars() {
        press(app, ch(c));
    }
    press(app, key(KeyCode::Enter));
    assert_eq!(app.views().library.query.text(), text);
}

/// The profiles on disk, as the disk reports them to the app.
pub fn listed(app: &mut App, names: &[&str]) {
    app.update(Action::ProfilesListed(
        names.iter().map(|n| n.to_string()).collect(),
    ));
}

pub fn draw(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| ui::render(f, app)).unwrap();
    terminal.backend().to_string()
}

pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

pub fn ch(c: char) -> KeyEvent {
    key(KeyCode::Char(c))
}

/// Resolves a key as the loop does and updates the app; returns the effects.
pub fn press(app: &mut App, event: KeyEvent) -> Vec<Effect> {
    match app.context().keymap.resolve(&event, app.typing()) {
        Some(action) => app.update(action),
        None => Vec::new(),
    }
}

/// Presses a key and feeds every record and profile effect back as if the disk accepted it.
pub fn press_and_store(app: &mut App, event: KeyEvent) -> Vec<Effect> {
    press_and_store_all(app, |app| press(app, event))
}

/// Runs `keys` (which presses several keys) and stores every effect of its last key.
pub fn press_and_store_all(
    app: &mut App,
    keys: impl FnOnce(&mut App) -> Vec<Effect>,
) -> Vec<Effect> {
    let effects = keys(app);
    for e in &effects {
        match e {
            Effect::Append(r) => {
                app.update(rehab_planner::tui::action::Action::Recorded(r.clone()));
            }
            Effect::Change(change) => {
                let profile = stored(app, change);
                app.update(rehab_planner::tui::action::Action::Changed(
                    Box::new(profile),
                    change.records.clone(),
                ));
            }
            _ => {}
        }
    }
    effects
}

/// The profile a change leaves as the store writes it: the new one, or the app's, with the
/// change applied.
pub fn stored(
    app: &App,
    change: &rehab_planner::session::Change,
) -> rehab_planner::profile::Profile {
    let mut profile = change
        .creates
        .as_deref()
        .or(app.loaded().profile.as_ref())
        .cloned()
        .expect("a change to a profile that exists or is made");
    change.apply_to(&mut profile);
    profile
}

/// Whether the tests run as CI (`CI` set, and not "false" or "0"): there a test that would skip
/// for a missing tool fails instead, so CI never passes by checking nothing.
pub fn under_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}
