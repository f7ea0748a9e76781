//! The exercise figure in the terminal: the detail overlay at 80x24 in UTF-8 (braille on a
//! canvas) and in ASCII, and `rehab show` with and without it.

#![allow(clippy::unwrap_used)]

use assert_cmd::Command;
use jiff::civil::date;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rehab_planner::catalog::Catalog;
use rehab_planner::tui::app::{App, Overlay};
use rehab_planner::tui::keymap::Keymap;
use rehab_planner::tui::theme::Theme;
use rehab_planner::tui::ui;

fn detail(exercise: &str, ascii: bool) -> String {
    let catalog = Catalog::builtin().unwrap();
    let theme = Theme {
        color: false,
        ascii,
    };
    let app = App::new(
        catalog,
        Keymap::default(),
        theme,
        date(2026, 11, 25),
        "me".into(),
    )
    .with_overlay(Overlay::Detail {
        exercise: exercise.into(),
        scroll: 0,
        dose: None,
    });
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| ui::render(f, &app)).unwrap();
    terminal.backend().to_string()
}

#[test]
fn the_detail_draws_the_figure_above_the_steps() {
    insta::assert_snapshot!("detail_clamshell_utf8", detail("clamshell", false));
    insta::assert_snapshot!("detail_step_down_utf8", detail("step-down", false));
    insta::assert_snapshot!("detail_clamshell_ascii", detail("clamshell", true));
}

fn rehab() -> Command {
    let mut cmd = Command::cargo_bin("rehab").unwrap();
    let dir = std::env::temp_dir().join("rehab-figures-tui-test");
    cmd.env("REHAB_DATA_DIR", &dir)
        .env("REHAB_LIBRARY", dir.join("no-library"))
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_CTYPE");
    cmd
}

#[test]
fn show_prints_the_figure_unless_asked_not_to() {
    let with = rehab().args(["show", "glute-bridge"]).output().unwrap();
    assert!(with.status.success());
    let with = String::from_utf8(with.stdout).unwrap();
    assert!(with.contains("hips up"), "{with}");
    assert!(
        with.chars().any(|c| ('\u{2801}'..='\u{28ff}').contains(&c)),
        "{with}"
    );

    let without = rehab()
        .args(["show", "glute-bridge", "--no-figure"])
        .output()
        .unwrap();
    let without = String::from_utf8(without.stdout).unwrap();
    assert!(!without.contains("hips up"));
    assert!(
        !without
            .chars()
            .any(|c| ('\u{2801}'..='\u{28ff}').contains(&c))
    );

    let ascii = rehab()
        .args(["--ascii", "show", "glute-bridge"])
        .output()
        .unwrap();
    let ascii = String::from_utf8(ascii.stdout).unwrap();
    assert!(ascii.is_ascii(), "{ascii}");
    assert!(ascii.contains("hips up") && ascii.contains('O'));
}
