//! The one text field (issue 34): shell-line keys, a prefilled value replaced by typing, a
//! paste, a long value scrolled with its cursor in view; and lists whose cursor and scroll
//! agree. Screens at 80x24 through `TestBackend` + insta; the cursor is a reversed cell, which a
//! text snapshot cannot show, so each snapshot ends with the reversed runs of the field's line.

#![allow(clippy::unwrap_used)]

use crate::tui_common;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Modifier;
use ratatui::{Terminal, backend::TestBackend};
use rehab_planner::tui::action::Action;
use rehab_planner::tui::app::{App, Effect, Overlay, View};
use rehab_planner::tui::theme::Theme;
use rehab_planner::tui::ui;
use tui_common::*;

const THEME: Theme = Theme {
    color: true,
    ascii: false,
};

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, ch(c));
    }
}

/// The screen, then the reversed runs on the first line holding `label`, as
/// `reversed: "text" at column N` (the cursor, or a selected value with it).
fn draw_field(app: &App, label: &str) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| ui::render(f, app)).unwrap();
    let screen = terminal.backend().to_string();
    let buffer = terminal.backend().buffer();
    let row = screen
        .lines()
        .position(|l| l.contains(label))
        .unwrap_or_else(|| panic!("no {label:?} in\n{screen}"));
    let mut runs = Vec::new();
    let mut run: Option<(u16, String)> = None;
    for x in 0..80u16 {
        let cell = &buffer[(x, row as u16)];
        if cell.modifier.contains(Modifier::REVERSED) {
            run.get_or_insert((x, String::new()))
                .1
                .push_str(cell.symbol());
        } else if let Some(done) = run.take() {
            runs.push(done);
        }
    }
    runs.extend(run);
    let runs: Vec<String> = runs
        .iter()
        .map(|(x, text)| format!("reversed: {text:?} at column {x}"))
        .collect();
    format!("{screen}\n{}", runs.join("\n"))
}

/// The reversed runs alone (the last lines of [`draw_field`]).
fn reversed(drawn: &str) -> Vec<&str> {
    drawn
        .lines()
        .filter(|l| l.starts_with("reversed:"))
        .collect()
}

fn export_app() -> App {
    let mut app = busy_app(THEME);
    show(&mut app, View::Export);
    app
}

#[test]
fn the_suggested_export_path_is_selected_and_typing_replaces_it() {
    let mut app = export_app();
    press(&mut app, ch('e'));
    assert!(app.views().export.path.selected());
    assert_eq!(app.views().export.path, "rehab-plan-me-2026-11-25.html");
    let drawn = draw_field(&app, "Path:");
    insta::assert_snapshot!("export_path_selected", drawn);
    // All of it shows selected, the cursor cell after it.
    assert_eq!(
        reversed(&drawn),
        ["reversed: \"rehab-plan-me-2026-11-25.html \" at column 9"]
    );
    assert!(drawn.contains("Typing replaces this path"), "{drawn}");
    press(&mut app, ch('/'));
    type_text(&mut app, "tmp/p.md");
    assert_eq!(app.views().export.path, "/tmp/p.md");
    let drawn = draw_field(&app, "Path:");
    insta::assert_snapshot!("export_path_replaced", drawn);
    assert_eq!(reversed(&drawn), ["reversed: \" \" at column 18"]);
    press(&mut app, key(KeyCode::Enter));
    let effects = press(&mut app, key(KeyCode::Enter));
    assert!(
        matches!(effects.as_slice(), [Effect::Export { path, .. }] if path == "/tmp/p.md"),
        "{effects:?}"
    );
}

#[test]
fn an_arrow_keeps_the_suggested_path_to_change_it() {
    for (keys, want) in [
        (&[key(KeyCode::Left)][..], "rehab-plan-me-2026-11-2X5.html"),
        (&[key(KeyCode::Home)][..], "Xrehab-plan-me-2026-11-25.html"),
        (&[ctrl('a')][..], "Xrehab-plan-me-2026-11-25.html"),
        (&[key(KeyCode::End)][..], "rehab-plan-me-2026-11-25.htmlX"),
        (&[ctrl('e')][..], "rehab-plan-me-2026-11-25.htmlX"),
        (&[key(KeyCode::Right)][..], "rehab-plan-me-2026-11-25.htmlX"),
        // Backspace on the selected value erases it, as in any text box.
        (&[key(KeyCode::Backspace)][..], "X"),
    ] {
        let mut app = export_app();
        press(&mut app, ch('e'));
        for k in keys {
            press(&mut app, *k);
        }
        // The Left case: six Lefts from the end puts the cursor before the 5.
        if keys == [key(KeyCode::Left)] {
            for _ in 0..5 {
                press(&mut app, key(KeyCode::Left));
            }
        }
        press(&mut app, ch('X'));
        assert_eq!(app.views().export.path, want, "after {keys:?}");
    }
}

#[test]
fn the_cursor_moves_left_and_a_character_goes_in_mid_text() {
    let mut app = export_app();
    press(&mut app, ch('e'));
    press(&mut app, ctrl('u'));
    type_text(&mut app, "plan.html");
    for _ in 0..5 {
        press(&mut app, key(KeyCode::Left));
    }
    type_text(&mut app, "-v2");
    assert_eq!(app.views().export.path, "plan-v2.html");
    let drawn = draw_field(&app, "Path:");
    insta::assert_snapshot!("export_path_mid_text", drawn);
    // The cursor is on the "." the insert stopped before.
    assert_eq!(reversed(&drawn), ["reversed: \".\" at column 16"]);
    // Delete takes the character under the cursor, Backspace the one before it.
    press(&mut app, key(KeyCode::Delete));
    press(&mut app, key(KeyCode::Backspace));
    assert_eq!(app.views().export.path, "plan-vhtml");
    // Ctrl-W takes the word before the cursor, Ctrl-U everything before it.
    press(&mut app, key(KeyCode::End));
    press(&mut app, key(KeyCode::Left));
    press(&mut app, key(KeyCode::Left));
    press(&mut app, ctrl('w'));
    assert_eq!(app.views().export.path, "ml");
    type_text(&mut app, "a b");
    press(&mut app, ctrl('u'));
    assert_eq!(app.views().export.path, "ml");
    assert_eq!(app.views().export.path.cursor(), 0);
}

#[test]
fn a_long_export_path_scrolls_with_the_cursor_at_its_end() {
    let mut app = export_app();
    press(&mut app, ch('e'));
    let long = "/home/someone/Documents/physio/exports/for-the-clinic/rehab-plan-2026-11-25.html";
    type_text(&mut app, long);
    let drawn = draw_field(&app, "Path:");
    insta::assert_snapshot!("export_path_long_end", drawn);
    let line = drawn.lines().find(|l| l.contains("Path:")).unwrap();
    assert!(line.contains("Path:   …"), "cut at the front: {line}");
    assert!(line.ends_with("rehab-plan-2026-11-25.html │\""), "{line}");
    assert_eq!(reversed(&drawn), ["reversed: \" \" at column 78"]);
    // Home shows the start, with the cursor on its first character and the end cut.
    press(&mut app, key(KeyCode::Home));
    let drawn = draw_field(&app, "Path:");
    let line = drawn.lines().find(|l| l.contains("Path:")).unwrap();
    assert!(line.contains("Path:   /home/someone/"), "{line}");
    assert!(line.ends_with("…│\""), "{line}");
    assert_eq!(reversed(&drawn), ["reversed: \"/\" at column 9"]);
}

#[test]
fn a_paste_goes_in_at_the_cursor_as_one_line_of_text() {
    let mut app = export_app();
    press(&mut app, ch('e'));
    press(&mut app, ctrl('u'));
    type_text(&mut app, "/tmp/.html");
    for _ in 0..5 {
        press(&mut app, key(KeyCode::Left));
    }
    // A terminal's paste: a line break and an escape sequence are not commands.
    app.update(Action::Paste("my\u{1b}[2J plan\n".into()));
    assert_eq!(app.views().export.path, "/tmp/my[2J plan.html");
    assert!(
        app.views().export.editing_path,
        "the line break did not press Enter"
    );
    let drawn = draw_field(&app, "Path:");
    insta::assert_snapshot!("export_path_pasted", drawn);
    assert_eq!(reversed(&drawn), ["reversed: \".\" at column 24"]);
    // A paste into a suggested path replaces it.
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ch('e'));
    app.update(Action::Paste("/srv/x.txt".into()));
    assert_eq!(app.views().export.path, "/srv/x.txt");
}

#[test]
fn a_paste_outside_a_field_does_nothing() {
    let mut app = export_app();
    let before = app.views().clone();
    app.update(Action::Paste("q".into()));
    assert_eq!(*app.views(), before);
    assert!(!app.typing());
}

#[test]
fn a_profile_name_takes_a_paste_without_its_spaces_and_says_so() {
    let mut app = busy_app(THEME);
    show(&mut app, View::Profiles);
    press(&mut app, ch('n'));
    app.update(Action::Paste("bob smith".into()));
    let name = app.views().profiles.new_name.as_ref().unwrap();
    assert_eq!(*name, "bobsmith");
    let shown = draw(&app, 80, 24);
    assert!(shown.contains("not a space"), "{shown}");
}

#[test]
fn every_field_has_the_same_keys() {
    // The library search.
    let mut app = busy_app(THEME);
    show(&mut app, View::Library);
    press(&mut app, ch('/'));
    type_text(&mut app, "wal sit");
    for _ in 0..4 {
        press(&mut app, key(KeyCode::Left));
    }
    press(&mut app, ch('l'));
    assert_eq!(app.views().library.query, "wall sit");
    press(&mut app, ctrl('e'));
    press(&mut app, ctrl('w'));
    assert_eq!(app.views().library.query, "wall ");
    // The patient details: each row its own field, the cursor at the end of a row moved to.
    let mut app = busy_app(THEME);
    show(&mut app, View::Profiles);
    press(&mut app, ch('e'));
    type_text(&mut app, "Ann Le");
    press(&mut app, key(KeyCode::Home));
    type_text(&mut app, "Dr ");
    let edit = app.views().profiles.patient.as_ref().unwrap();
    assert_eq!(edit.values[0], "Dr Ann Le");
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Up));
    press(&mut app, ch('e'));
    let edit = app.views().profiles.patient.as_ref().unwrap();
    assert_eq!(edit.values[0], "Dr Ann Lee");
    let drawn = draw_field(&app, "Patient name");
    assert_eq!(
        reversed(&drawn),
        [
            "reversed: \"Patient name           \" at column 1",
            "reversed: \" \" at column 34"
        ]
    );
}

#[test]
fn the_keymap_gives_the_field_keys_only_in_a_field() {
    let keymap = rehab_planner::tui::keymap::Keymap::default();
    for (event, want) in [
        (key(KeyCode::Left), Action::Left),
        (key(KeyCode::Right), Action::Right),
        (key(KeyCode::Home), Action::LineStart),
        (key(KeyCode::End), Action::LineEnd),
        (ctrl('a'), Action::LineStart),
        (ctrl('e'), Action::LineEnd),
        (key(KeyCode::Delete), Action::Delete),
        (ctrl('u'), Action::ClearLine),
        (ctrl('w'), Action::EraseWord),
        (ch('h'), Action::Input('h')),
    ] {
        assert_eq!(keymap.resolve(&event, true), Some(want), "{event:?}");
    }
    // Outside a field Home is the Week view's "this week" and h is Left, as remapped or not.
    assert_eq!(
        keymap.resolve(&key(KeyCode::Home), false),
        Some(Action::ThisWeek)
    );
    assert_eq!(keymap.resolve(&ch('h'), false), Some(Action::Left));
}

/// The pointer's row on screen: the selected criteria row of the Program view.
fn selected_row(screen: &str) -> Option<&str> {
    screen.lines().find(|l| l.contains("│›"))
}

#[test]
fn the_program_cursor_stays_on_screen_past_the_end_and_back_up() {
    // The fixture, and the built-in library, whose longer texts make the page longer than
    // 80x24.
    let builtin = || {
        let catalog = rehab_planner::catalog::Catalog::builtin().unwrap();
        let mut app = App::new(
            catalog,
            rehab_planner::tui::keymap::Keymap::default(),
            THEME,
            TODAY,
            "me".into(),
        );
        let recs = records(&busy_app(THEME));
        app.load(profile(), &recs);
        app
    };
    let height = 24;
    for (fixture, mut app) in [(true, busy_app(THEME)), (false, builtin())] {
        show(&mut app, View::Program);
        let rows = app.criteria_rows();
        assert!(rows.len() >= 2, "{rows:?}");
        let shows = |app: &App, at: usize, step: &str| {
            let screen = draw(app, 80, height);
            let row = selected_row(&screen)
                .unwrap_or_else(|| panic!("{height} lines, {step}: no row\n{screen}"));
            assert!(
                row.contains(&rows[at].1[..20]),
                "{height} lines, {step}: {row}\n{screen}"
            );
        };
        // Every step down, the selected row is the one highlighted on screen.
        for i in 0..rows.len() + 30 {
            shows(&app, i.min(rows.len() - 1), &format!("step {i}"));
            press(&mut app, ch('j'));
        }
        let past_end = draw(&app, 80, height);
        // One Up moves the cursor, and it shows.
        press(&mut app, ch('k'));
        assert_eq!(app.views().program.row, rows.len() - 2);
        shows(&app, rows.len() - 2, "back up");
        if fixture {
            insta::assert_snapshot!("program_past_the_end", past_end);
            insta::assert_snapshot!("program_back_up", draw(&app, 80, 24));
        }
    }
}

#[test]
fn an_exercise_detail_scrolls_back_at_the_first_up() {
    let mut app = busy_app(THEME);
    // A main exercise: its detail is longer than the screen (the run day's warm-up is short).
    let at = app
        .today_items()
        .iter()
        .position(|i| i.slot != rehab_planner::plan::Slot::WarmUp)
        .expect("a main item");
    for _ in 0..at {
        press(&mut app, key(KeyCode::Down));
    }
    press(&mut app, key(KeyCode::Enter));
    assert!(matches!(app.overlay(), Some(Overlay::Detail { .. })));
    let top = draw(&app, 80, 24);
    for _ in 0..50 {
        press(&mut app, ch('j'));
        draw(&app, 80, 24);
    }
    let bottom = draw(&app, 80, 24);
    assert_ne!(top, bottom, "the detail is longer than 80x24");
    press(&mut app, ch('k'));
    assert_ne!(draw(&app, 80, 24), bottom, "Up scrolled back at once");
}

#[test]
fn symptom_questions_and_options_wrap_at_80_columns() {
    let catalog = rehab_planner::catalog::Catalog::builtin().unwrap();
    let mut app = App::new(
        catalog,
        rehab_planner::tui::keymap::Keymap::default(),
        THEME,
        TODAY,
        "me".into(),
    );
    press(&mut app, key(KeyCode::Enter));
    for _ in 0..app.context().catalog.conditions.len() {
        press(&mut app, key(KeyCode::Down));
    }
    press(&mut app, key(KeyCode::Enter));
    for q in app.context().catalog.symptom_questions.clone() {
        let screen = draw(&app, 80, 24);
        // Every word of the question and of each option is on screen (none cut at the edge).
        for text in std::iter::once(&q.text).chain(q.answers.iter().map(|a| &a.text)) {
            for word in text.split_whitespace() {
                assert!(screen.contains(word), "{word:?} of {text:?} cut:\n{screen}");
            }
        }
        press(&mut app, key(KeyCode::Down));
        press(&mut app, key(KeyCode::Enter));
    }
}
