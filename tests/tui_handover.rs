//! The app's part of handing a plan over: the Profiles view writes and imports prescription
//! files, the History view writes the follow-up report, and the Clinic view lists every profile
//! and opens one. The files are the command line's own (`handover`'s functions); the screens
//! fit 80x24.

#![allow(clippy::unwrap_used)]

use crate::tui_common;

use jiff::civil::date;
use ratatui::crossterm::event::KeyCode;
use rehab_planner::export::Format;
use rehab_planner::handover::{
    ClinicRow, Concern, Prescription, assemble_report, format_prescription, parse_prescription,
    render_report,
};
use rehab_planner::tui::action::Action;
use rehab_planner::tui::app::{App, Effect, FileKind, REPORT_WEEKS, View};
use rehab_planner::tui::theme::Theme;
use tui_common::*;

const UNICODE: Theme = Theme {
    color: true,
    ascii: false,
};

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, ch(c));
    }
}

fn rows() -> Vec<ClinicRow> {
    let row = |name: &str, week, concerns: Vec<Concern>, adherence: Option<u32>, last| ClinicRow {
        name: name.into(),
        id: name.into(),
        condition: "Runner's knee (kneecap pain)".into(),
        week,
        phase: week.map(|_| (1, "Settle and learn".to_string())),
        adherence: adherence.map(|p: u32| {
            let a = rehab_planner::journal::Adherence {
                halves: 2 * p,
                due: 100,
                so_far: false,
            };
            (1, a)
        }),
        pain_trend: if adherence.is_some() { "steady" } else { "-" },
        last_logged: last,
        concerns,
        running: None,
    };
    vec![
        row(
            "carol",
            Some(2),
            vec![Concern::SeeClinicianFirst, Concern::RisingMorningPain],
            Some(40),
            Some(date(2026, 11, 24)),
        ),
        row("bob", Some(2), vec![Concern::Idle], Some(0), None),
        row("me", Some(2), Vec::new(), Some(62), Some(TODAY)),
        row("zoe", None, Vec::new(), None, None),
    ]
}

/// The Clinic view, reached with Shift-Tab from Today, with the rows the disk read.
fn clinic(theme: Theme) -> App {
    let mut app = busy_app(theme);
    // The overview is a tab only where there is more than one profile.
    listed(&mut app, &["anna", "bob", "carol", "me", "zoe"]);
    press(&mut app, key(KeyCode::BackTab));
    let effects = press(&mut app, key(KeyCode::BackTab));
    assert_eq!(app.view(), View::Clinic);
    assert_eq!(effects, [Effect::ReadClinic { today: TODAY }]);
    app.update(Action::ClinicRows(rows()));
    app
}

#[test]
fn one_persons_app_has_no_clinic_tab() {
    let mut app = busy_app(UNICODE);
    listed(&mut app, &["me"]);
    assert!(
        !app.tabs().contains(&View::Clinic),
        "one profile: no overview"
    );
    listed(&mut app, &["anna", "me"]);
    assert!(
        app.tabs().contains(&View::Clinic),
        "two profiles: the overview"
    );
}

#[test]
fn the_clinic_view_lists_every_profile_and_opens_one() {
    let mut app = clinic(UNICODE);
    insta::assert_snapshot!("clinic", draw(&app, 80, 24));
    let ascii = draw(
        &clinic(Theme {
            color: false,
            ascii: true,
        }),
        80,
        24,
    );
    assert!(ascii.is_ascii(), "{ascii}");
    // Enter on another profile opens it (the loop loads it and shows its Today).
    assert_eq!(
        press(&mut app, key(KeyCode::Enter)),
        [Effect::SwitchProfile("carol".into())]
    );
    press(&mut app, ch('j'));
    press(&mut app, ch('j'));
    // On the open profile, Enter shows its Today at once.
    assert!(press(&mut app, key(KeyCode::Enter)).is_empty());
    assert_eq!(app.view(), View::Today);
    // Coming back reads the profiles again.
    press(&mut app, key(KeyCode::BackTab));
    assert_eq!(
        press(&mut app, key(KeyCode::BackTab)),
        [Effect::ReadClinic { today: TODAY }]
    );
}

#[test]
fn profiles_writes_the_prescription_the_command_line_writes() {
    let mut app = busy_app(UNICODE);
    show(&mut app, View::Profiles);
    // The cursor starts on the open profile.
    assert_eq!(app.loaded().profiles[app.views().profiles.selected], "me");
    press(&mut app, ch('w'));
    assert!(app.typing());
    insta::assert_snapshot!("profiles_prescription_field", draw(&app, 80, 24));
    let effects = press(&mut app, key(KeyCode::Enter));
    let expected = format_prescription(&Prescription::of(
        app.loaded().profile.as_ref().unwrap(),
        &app.loaded().journal,
        TODAY,
    ));
    assert_eq!(
        effects,
        [Effect::WriteFile {
            kind: FileKind::Prescription,
            path: "me.rx.ron".into(),
            contents: expected,
        }]
    );
    // The field stays until the file is written, so a refused path can be corrected.
    assert!(app.views().profiles.file.is_some());
    app.update(Action::Written(
        FileKind::Prescription,
        "/tmp/me.rx.ron".into(),
    ));
    assert!(app.views().profiles.file.is_none());
    let status = app.status().unwrap();
    assert_eq!(status.text, "prescription written to /tmp/me.rx.ron");
    // Another profile under the cursor is not open: it says how to hand that one over.
    press(&mut app, ch('k'));
    assert_eq!(app.views().profiles.selected, 0);
    assert!(press(&mut app, ch('w')).is_empty());
    assert!(app.views().profiles.file.is_none());
    assert!(app.status().unwrap().text.contains("anna is not open"));
}

/// A prescription for `anna` as another clinician's machine would write it.
fn anna_file() -> String {
    let mut p = profile();
    p.name = "anna".into();
    p.patient = Some(rehab_planner::profile::Patient {
        name: Some("Anna Lee".into()),
        clinician: Some("B. Physio".into()),
        clinic: None,
        notes: None,
    });
    format_prescription(&Prescription::of(&p, &Default::default(), TODAY))
}

#[test]
fn profiles_imports_a_checked_prescription_after_showing_it() {
    let mut app = busy_app(UNICODE);
    show(&mut app, View::Profiles);
    press(&mut app, ch('i'));
    type_text(&mut app, "anna.rx.ron");
    assert_eq!(
        press(&mut app, key(KeyCode::Enter)),
        [Effect::ReadPrescription("anna.rx.ron".into())]
    );
    app.update(Action::PrescriptionRead("anna.rx.ron".into(), anna_file()));
    assert!(app.views().profiles.file.is_none());
    // anna exists here: Enter would replace her plan settings, and says so first.
    insta::assert_snapshot!("profiles_import_preview", draw(&app, 80, 24));
    // Another name: a new profile.
    for _ in 0..4 {
        press(&mut app, key(KeyCode::Backspace));
    }
    type_text(&mut app, "anna-2");
    let effects = press(&mut app, key(KeyCode::Enter));
    let [Effect::Import { imported, force }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert!(!force);
    assert_eq!(imported.profile.name, "anna-2");
    assert_eq!(imported.profile.red_flags, Default::default());
    app.update(Action::Imported {
        name: "anna-2".into(),
        replaced: false,
        assessment: false,
    });
    assert!(app.views().profiles.import.is_none());
    assert_eq!(app.loaded().profiles, ["anna", "anna-2", "me"]);
    assert_eq!(app.views().profiles.selected, 1);
    assert!(app.status().unwrap().text.starts_with("imported anna-2"));
}

#[test]
fn a_bad_prescription_shows_its_problems_and_imports_nothing() {
    let mut app = busy_app(UNICODE);
    show(&mut app, View::Profiles);
    press(&mut app, ch('i'));
    type_text(&mut app, "bad.rx.ron");
    press(&mut app, key(KeyCode::Enter));
    let bad = anna_file()
        .replace("\"pfps\"", "\"pfsp\"")
        .replace("days_per_week: 4", "days_per_week: 9");
    app.update(Action::PrescriptionRead("bad.rx.ron".into(), bad));
    insta::assert_snapshot!("profiles_import_problems", draw(&app, 80, 24));
    assert!(press(&mut app, key(KeyCode::Enter)).is_empty());
    assert!(app.status().unwrap().error);
    // Esc leaves it, nothing written.
    assert!(press(&mut app, key(KeyCode::Esc)).is_empty());
    assert!(app.views().profiles.import.is_none());
    // A file that is not a prescription at all says what it is not.
    press(&mut app, ch('i'));
    type_text(&mut app, "x");
    press(&mut app, key(KeyCode::Enter));
    app.update(Action::PrescriptionRead(
        "x".into(),
        "Profile(name: \"me\")\x1b[31m".into(),
    ));
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("profile file"), "{screen}");
    assert!(!screen.contains('\x1b'), "{screen}");
    assert!(parse_prescription("Profile(name: \"me\")", "x").is_err());
}

#[test]
fn history_writes_the_report_rehab_report_writes() {
    let mut app = busy_app(UNICODE);
    show(&mut app, View::History);
    press(&mut app, ch('w'));
    assert!(app.typing());
    insta::assert_snapshot!("history_report_field", draw(&app, 80, 24));
    let effects = press(&mut app, key(KeyCode::Enter));
    let report = assemble_report(
        &app.context().catalog,
        app.loaded().profile.as_ref().unwrap(),
        &app.loaded().journal,
        TODAY,
        REPORT_WEEKS,
    );
    assert_eq!(
        effects,
        [Effect::WriteFile {
            kind: FileKind::Report,
            path: "rehab-report-me-2026-11-25.html".into(),
            contents: render_report(&report, Format::Html, false),
        }]
    );
    // A path ending .md writes Markdown. The suggested path is selected (typing would replace
    // it): End keeps it and puts the cursor at its end.
    press(&mut app, key(KeyCode::End));
    for _ in 0.."html".len() {
        press(&mut app, key(KeyCode::Backspace));
    }
    type_text(&mut app, "md");
    let effects = press(&mut app, key(KeyCode::Enter));
    let [Effect::WriteFile { contents, .. }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(*contents, render_report(&report, Format::Markdown, false));
    // Esc cancels; q quits again.
    press(&mut app, key(KeyCode::Esc));
    assert!(!app.typing());
    assert_eq!(press(&mut app, ch('q')), [Effect::Quit]);
}

/// Twenty patients with long names and conditions, as a physiotherapist's clinic has them; each
/// profile's id is not its name.
fn many_rows() -> Vec<ClinicRow> {
    let names = [
        "Alexandra Montgomery-Smythe of Little Snoring",
        "Bo",
        "Maria José García Fernández",
        "Christopher Wolstenholme",
    ];
    let conditions = [
        "Jumper's knee (tendon pain)",
        "IT band syndrome",
        "Runner's knee (kneecap pain)",
    ];
    (0..20)
        .map(|i| {
            let mut row = rows()[i % 4].clone();
            row.name = format!("{} {}", names[i % 4], i + 1);
            row.id = format!("p{}", i + 1);
            row.condition = conditions[i % 3].into();
            row.adherence = row.adherence.map(|(w, mut a)| {
                // One figure with its label whole: "100% so far" is the widest.
                a.so_far = i % 2 == 0;
                a.halves = if i == 0 { 200 } else { a.halves };
                (w, a)
            });
            row
        })
        .collect()
}

#[test]
fn the_clinic_view_keeps_names_and_conditions_whole_words_at_80_columns() {
    let mut app = clinic(UNICODE);
    let rows = many_rows();
    app.update(Action::ClinicRows(rows.clone()));
    let screen = draw(&app, 80, 24);
    // The table's lines: each starts with the pointer column, then patient (17) and condition
    // (16) with a space after each.
    let lines: Vec<Vec<char>> = screen
        .lines()
        .skip(3)
        .take(12)
        .map(|l| l.trim_matches('"').chars().skip(1).collect())
        .collect();
    let cell = |line: &[char], from: usize, n: usize| -> String {
        let s: String = line[from..from + n].iter().collect();
        s.trim().trim_end_matches('…').to_string()
    };
    // A row starts where a condition is shown; a name may go on to the next line.
    let mut shown_rows: Vec<(String, String, String)> = Vec::new();
    for line in &lines {
        let text: String = line.iter().collect();
        let (name, condition) = (cell(line, 2, 17), cell(line, 20, 16));
        match shown_rows.last_mut() {
            Some(last) if condition.is_empty() && !name.is_empty() => {
                last.0 = format!("{} {name}", last.0);
            }
            _ if !condition.is_empty() => shown_rows.push((name, condition, text)),
            _ => {}
        }
    }
    assert!(shown_rows.len() >= 6, "{screen}");
    for ((name, condition, text), row) in shown_rows.iter().zip(&rows) {
        for (shown, whole) in [(name, &row.name), (condition, &row.condition)] {
            let words: Vec<&str> = whole.split(' ').collect();
            // Every word shown is a whole word of the name, in order from the first.
            for (i, word) in shown.split(' ').enumerate() {
                assert_eq!(word, words[i], "cut in {text}\n{screen}");
            }
        }
        // Two words at least: patients who share a first name stay apart.
        assert!(
            name.split(' ').count() >= 2.min(row.name.split(' ').count()),
            "{screen}"
        );
        // The name, never the id.
        assert!(!text.contains(&format!(" {} ", row.id)), "{text}");
        // The figure keeps its label, and the flags their column.
        assert!(text.contains(&row.adherence_text()), "{text}");
    }
    // The selected row's name and condition are whole below the table.
    assert!(
        screen.contains(
            "Alexandra Montgomery-Smythe of Little Snoring 1: Jumper's knee (tendon pain)"
        ),
        "{screen}"
    );
    insta::assert_snapshot!("clinic_long_names", screen);
}

#[test]
fn the_clinic_view_says_a_watchs_running_under_the_selected_row() {
    let mut app = clinic(UNICODE);
    let mut rows = rows();
    let running =
        "week of 2026-11-30: 4 runs, 2:00:00, 20.03 km (4 weeks before: 0:00, 0.00 km a week)";
    for r in &mut rows {
        r.running = Some(running.to_string());
    }
    app.update(Action::ClinicRows(rows));
    let screen = draw(&app, 80, 24);
    // Wrapped at words within the frame, every figure whole.
    let text: String = screen
        .lines()
        .map(|l| l.trim_matches('"').trim_matches('│').trim())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains(&format!("running: {running}")), "{screen}");
}
