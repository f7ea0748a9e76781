//! Every screen and overlay at 80x24 (the busiest also at 120x40), from a fixed date and the
//! fixture library, through `TestBackend` + insta. Read a changed snapshot before accepting it.

#![allow(clippy::unwrap_used)]

use crate::tui_common;

use ratatui::crossterm::event::KeyCode;
use ratatui::style::Color;
use ratatui::{Terminal, backend::TestBackend};
use rehab_planner::tui::app::{Screen, View};
use rehab_planner::tui::keymap::Keymap;
use rehab_planner::tui::theme::Theme;
use rehab_planner::tui::ui;
use tui_common::*;

const UNICODE: Theme = Theme {
    color: true,
    ascii: false,
};

fn onboarding(keys: &[KeyCode]) -> String {
    let mut app = fresh_app(UNICODE);
    for k in keys {
        press(&mut app, key(*k));
    }
    draw(&app, 80, 24)
}

#[test]
fn first_run_screens() {
    use KeyCode::*;
    insta::assert_snapshot!("welcome", onboarding(&[]));
    insta::assert_snapshot!("picker", onboarding(&[Enter]));
    insta::assert_snapshot!(
        "symptom_question",
        onboarding(&[Enter, Up, Down, Down, Down, Down, Down, Enter])
    );
    // Chosen by the person, a long answer wraps whole under its radio at 80 columns.
    insta::assert_snapshot!(
        "symptom_question_long_answer",
        onboarding(&[Enter, Down, Down, Down, Down, Down, Enter, Down, Down, Down])
    );
    insta::assert_snapshot!(
        "symptom_suggestions",
        onboarding(&[
            Enter, Down, Down, Down, Down, Down, Enter, Down, Down, Enter, Down, Enter
        ])
    );
    insta::assert_snapshot!("red_flags", onboarding(&[Enter, Enter, Down, Char(' ')]));
    // Every question is read (the cursor passes each) before the answers count.
    insta::assert_snapshot!(
        "flag_stop",
        onboarding(&[Enter, Enter, Char(' '), Down, Down, Down, Enter])
    );
    // A stop with a lesser flag beside it: both read as question, then advice.
    insta::assert_snapshot!(
        "flag_stop_and_block",
        onboarding(&[Enter, Enter, Char(' '), Down, Char(' '), Down, Down, Enter])
    );
    insta::assert_snapshot!(
        "flag_block",
        onboarding(&[Enter, Enter, Down, Char(' '), Down, Down, Enter])
    );
    insta::assert_snapshot!(
        "flag_advise",
        onboarding(&[Enter, Enter, Down, Down, Char(' '), Down, Enter])
    );
    insta::assert_snapshot!(
        "setup",
        onboarding(&[
            Enter,
            Enter,
            Enter,
            Enter,
            Enter,
            Enter,
            Down,
            Down,
            Right,
            Char(' ')
        ])
    );
}

/// The built-in library's fifteen questions at 80x24: the screen says where the person is and
/// that more questions follow, so none is answered unseen.
#[test]
fn builtin_red_flags_show_that_more_follow() {
    use rehab_planner::catalog::Catalog;
    use rehab_planner::tui::app::App;
    use rehab_planner::tui::keymap::Keymap;
    let mut app = App::new(
        Catalog::builtin().unwrap(),
        Keymap::default(),
        UNICODE,
        TODAY,
        "me".into(),
    );
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, key(KeyCode::Enter));
    let n = app.context().catalog.red_flags.len();
    let first = draw(&app, 80, 24);
    assert!(first.contains(&format!("1 of {n}")), "{first}");
    assert!(
        first.contains(&format!("{} more question(s) below", n - 1)),
        "{first}"
    );
    insta::assert_snapshot!("red_flags_builtin_first", first);
    // Enter walks to the next unread question; after the last, it says all are read.
    for _ in 1..n {
        press(&mut app, key(KeyCode::Enter));
    }
    let last = draw(&app, 80, 24);
    assert!(last.contains(&format!("All {n} read")), "{last}");
    insta::assert_snapshot!("red_flags_builtin_last", last);
}

#[test]
fn today_variants() {
    let app = busy_app(UNICODE);
    insta::assert_snapshot!("today", draw(&app, 80, 24));
    insta::assert_snapshot!("today_120x40", draw(&app, 120, 40));
    let ascii = busy_app(Theme {
        color: true,
        ascii: true,
    });
    let text = draw(&ascii, 80, 24);
    assert!(text.is_ascii(), "non-ASCII in the ASCII theme:\n{text}");
    insta::assert_snapshot!("today_ascii", text);
}

#[test]
fn no_colour_keeps_meaning_without_colour() {
    let app = busy_app(Theme {
        color: false,
        ascii: false,
    });
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| ui::render(f, &app)).unwrap();
    let buffer = terminal.backend().buffer();
    assert!(
        buffer
            .content
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset),
        "a colour was drawn under NO_COLOR"
    );
    insta::assert_snapshot!("today_no_color", terminal.backend());
    // The coloured theme does use colour, so the check above can fail.
    let mut coloured = Terminal::new(TestBackend::new(80, 24)).unwrap();
    coloured
        .draw(|f| ui::render(f, &busy_app(UNICODE)))
        .unwrap();
    assert!(
        coloured
            .backend()
            .buffer()
            .content
            .iter()
            .any(|c| c.fg != Color::Reset)
    );
}

fn view(v: View) -> rehab_planner::tui::app::App {
    let mut app = busy_app(UNICODE);
    show(&mut app, v);
    app
}

#[test]
fn main_views() {
    insta::assert_snapshot!("week", draw(&view(View::Week), 80, 24));
    insta::assert_snapshot!("week_120x40", draw(&view(View::Week), 120, 40));
    // A coming week, as it is planned now.
    let mut coming = view(View::Week);
    press(&mut coming, key(KeyCode::PageDown));
    insta::assert_snapshot!("week_coming", draw(&coming, 80, 24));
    // Before the start: week 1 as it will be.
    let mut before = fresh_app(UNICODE);
    let mut p = profile();
    p.settings.start = jiff::civil::date(2026, 11, 30);
    before.load(p, &[]);
    show(&mut before, View::Week);
    insta::assert_snapshot!("week_before_start", draw(&before, 80, 24));
    insta::assert_snapshot!("program", draw(&view(View::Program), 80, 24));
    insta::assert_snapshot!("history", draw(&view(View::History), 80, 24));
    insta::assert_snapshot!("history_120x40", draw(&view(View::History), 120, 40));
    // Searching by id keeps to the fixture's exercises, whatever the built-in library holds.
    let mut library = view(View::Library);
    search(&mut library, "fx-");
    insta::assert_snapshot!("library_search", draw(&library, 80, 24));
    insta::assert_snapshot!("profiles", draw(&view(View::Profiles), 80, 24));
    insta::assert_snapshot!("export", draw(&view(View::Export), 80, 24));
}

#[test]
fn overlays() {
    let mut app = busy_app(UNICODE);
    press(&mut app, ch('?'));
    insta::assert_snapshot!("help", draw(&app, 80, 24));

    let mut app = busy_app(UNICODE);
    press(&mut app, key(KeyCode::Enter));
    insta::assert_snapshot!("detail", draw(&app, 80, 24));

    let mut app = busy_app(UNICODE);
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Down));
    press(&mut app, ch('x'));
    insta::assert_snapshot!("skip", draw(&app, 80, 24));

    let mut app = busy_app(UNICODE);
    press(&mut app, ch('p'));
    press(&mut app, ch('3'));
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Down));
    press(&mut app, ch(' '));
    insta::assert_snapshot!("pain", draw(&app, 80, 24));

    let mut app = busy_app(UNICODE);
    press(&mut app, key(KeyCode::Down));
    press(&mut app, ch('t'));
    // Past getting into position, into the first set.
    for _ in 0..18 {
        app.update(rehab_planner::tui::action::Action::TimerTick);
    }
    insta::assert_snapshot!("timer", draw(&app, 80, 24));
}

#[test]
fn load_error_and_too_small() {
    let mut app = fresh_app(UNICODE);
    app.load_error(
        "/data/profiles/me/journal.ron".into(),
        "journal.ron:3:14: expected `(`".into(),
    );
    assert!(matches!(app.screen(), Screen::LoadError { .. }));
    insta::assert_snapshot!("load_error", draw(&app, 80, 24));
    insta::assert_snapshot!("too_small", draw(&busy_app(UNICODE), 60, 20));
}

#[test]
fn advice_banner_lasts_on_today() {
    let mut app = busy_app(UNICODE);
    let mut p = app.loaded().profile.clone().unwrap();
    p.red_flags.answers.insert("fx-night".into(), true);
    app.load(p, &[]);
    let text = draw(&app, 80, 24);
    assert!(text.contains("Advice"), "{text}");
    insta::assert_snapshot!("today_advice_banner", text);
}

#[test]
fn ascii_theme_draws_only_ascii_on_every_view_and_overlay() {
    let ascii = Theme {
        color: false,
        ascii: true,
    };
    for v in View::ALL {
        let mut app = busy_app(ascii);
        show(&mut app, v);
        let text = draw(&app, 80, 24);
        assert!(text.is_ascii(), "{v:?} is not ASCII:\n{text}");
        let wide = draw(&app, 120, 40);
        assert!(wide.is_ascii(), "{v:?} at 120x40 is not ASCII:\n{wide}");
    }
    for keys in [&['?'][..], &['p'], &['t'], &['x']] {
        let mut app = busy_app(ascii);
        press(&mut app, key(KeyCode::Down));
        press(&mut app, key(KeyCode::Down));
        press(&mut app, key(KeyCode::Down));
        for c in keys {
            press(&mut app, ch(*c));
        }
        let text = draw(&app, 80, 24);
        assert!(text.is_ascii(), "overlay {keys:?} is not ASCII:\n{text}");
    }
    let mut app = fresh_app(ascii);
    for k in [KeyCode::Enter, KeyCode::Enter] {
        press(&mut app, key(k));
        let text = draw(&app, 80, 24);
        assert!(text.is_ascii(), "first run is not ASCII:\n{text}");
    }
}

#[test]
fn text_fields() {
    let mut app = busy_app(UNICODE);
    show(&mut app, View::Profiles);
    press(&mut app, ch('e'));
    for c in "Ann Lee".chars() {
        press(&mut app, ch(c));
    }
    press(&mut app, key(KeyCode::Down));
    insta::assert_snapshot!("profiles_edit", draw(&app, 80, 24));

    let mut app = busy_app(UNICODE);
    show(&mut app, View::Library);
    press(&mut app, ch('/'));
    for c in "fx-wa".chars() {
        press(&mut app, ch(c));
    }
    insta::assert_snapshot!("library_typing", draw(&app, 80, 24));
}

#[test]
fn a_long_week_note_wraps_on_today_instead_of_being_cut() {
    let app = busy_app(UNICODE).with_standing_lines(|lines| {
    lines.retain(|l| l.urgency >= rehab_planner::session::Urgency::Advise);
    for text in [
        "running paused",
        "see a clinician (since the week of 2026-11-09); record the assessment once they have seen the knee",
    ] {
        lines.insert(
            0,
            rehab_planner::session::Line {
                urgency: rehab_planner::session::Urgency::Info,
                text: text.into(),
            },
        );
    }
    });
    let text = draw(&app, 80, 24);
    let flat: String = text
        .lines()
        .map(|l| l.trim_matches(|c| c == '"' || c == '│' || c == ' '))
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        flat.contains("record the assessment once they have seen the knee (+1 more on Program)"),
        "{text}"
    );
    insta::assert_snapshot!("today_long_note", text);
}

#[test]
fn export_before_the_start_offers_week_1_and_the_weeks_from_it() {
    let mut app = fresh_app(UNICODE);
    let mut p = profile();
    p.settings.start = TODAY.checked_add(jiff::ToSpan::days(10)).unwrap();
    app.load(p, &[]);
    show(&mut app, View::Export);
    let text = draw(&app, 80, 24);
    assert!(text.contains("this week (week 1)"), "{text}");
    assert!(text.contains("the next 4 (weeks 1-4)"), "{text}");
}

#[test]
fn the_other_skip_reason_takes_a_few_words() {
    use rehab_planner::journal::{Record, SkipReason};
    use rehab_planner::tui::app::{Effect, Overlay};
    let mut app = busy_app(UNICODE);
    // The fourth item (Wall sit) is open today.
    for _ in 0..3 {
        press(&mut app, key(KeyCode::Down));
    }
    press(&mut app, ch('x'));
    for _ in 0..3 {
        press(&mut app, key(KeyCode::Down));
    }
    press(&mut app, key(KeyCode::Enter));
    assert!(app.typing(), "other asks for the reason");
    for c in "knee felt odd".chars() {
        press(&mut app, ch(c));
    }
    insta::assert_snapshot!("skip_other", draw(&app, 80, 24));
    let effects = press(&mut app, key(KeyCode::Enter));
    let [
        Effect::Append(Record::Skipped { reason, item, .. }),
        Effect::Append(Record::Note { text, .. }),
    ] = effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    assert_eq!(*reason, SkipReason::Other);
    assert_eq!(item, "fx-wall-sit");
    assert_eq!(text, "skipped Wall sit: knee felt odd");
    assert!(app.overlay().is_none());
    // Esc while typing goes back to the reasons, not out of the pop-up.
    press(&mut app, ch('x'));
    for _ in 0..3 {
        press(&mut app, key(KeyCode::Down));
    }
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, key(KeyCode::Esc));
    assert!(matches!(
        app.overlay(),
        Some(Overlay::Skip { other: None, .. })
    ));
}

#[test]
fn names_with_wide_characters_fit_at_80x24() {
    let mut catalog = catalog();
    for e in &mut catalog.exercises {
        if e.id == "fx-clamshell" {
            e.name = "膝のためのクラムシェル運動、横向きで行う".into();
        }
        if e.id == "fx-quad-set" {
            e.name = "Quadriceps setting 🦵 with a rolled towel under the knee".into();
        }
    }
    let mut app = busy_app_from(catalog, UNICODE, Keymap::default());
    // The column (by cell, as the terminal counts) where each row's dose starts.
    let dose_columns = |app: &rehab_planner::tui::app::App| -> Vec<usize> {
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        terminal.draw(|f| ui::render(f, app)).unwrap();
        let buffer = terminal.backend().buffer();
        (0..24u16)
            .filter_map(|y| {
                let cells: Vec<&str> = (0..80u16).map(|x| buffer[(x, y)].symbol()).collect();
                (0..75).find(|&x| cells[x..x + 5].concat() == "3 x 1")
            })
            .collect()
    };
    let today = dose_columns(&app);
    assert!(today.len() >= 3, "{today:?}");
    assert!(
        today.iter().all(|c| *c == today[0]),
        "doses line up: {today:?}"
    );
    let mut views = vec![draw(&app, 80, 24)];
    show(&mut app, View::Week);
    let week = dose_columns(&app);
    assert!(
        week.len() >= 3 && week.iter().all(|c| *c == week[0]),
        "{week:?}"
    );
    views.push(draw(&app, 80, 24));
    insta::assert_snapshot!("today_wide_names", views[0]);
    insta::assert_snapshot!("week_wide_names", views[1]);
}

#[test]
fn a_long_banner_wraps_whole_under_its_label() {
    let app = busy_app(UNICODE).with_standing_lines(|lines| {
        lines.insert(
            0,
            rehab_planner::session::Line {
                urgency: rehab_planner::session::Urgency::Advise,
                text: "A clinician assessed the knee on 2026-11-24 (B. Physio): the plan goes on, and running may start again once the return-to-run entry criteria are recorded as met.".into(),
            },
        )
    });
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("recorded as met."), "{screen}");
    insta::assert_snapshot!("banner_long", screen);
}

#[test]
fn a_long_profile_name_is_cut_beside_the_tabs_not_hidden() {
    // The busy app opened again on a profile with a long name.
    let mut app = busy_app(UNICODE);
    let mut p = profile();
    p.name = "margaret-ellison-smith".into();
    let recs = records(&app);
    app.load(p, &recs);
    let screen = draw(&app, 80, 24);
    let tabs = screen.lines().next().unwrap_or_default();
    // The tabs take 66 columns; the name gets the rest but a space either side.
    assert!(tabs.contains(" margaret-el… "), "{tabs}");
    assert!(tabs.contains(" Export "), "{tabs}");
    let wide = draw(&app, 120, 24);
    assert!(
        wide.lines()
            .next()
            .unwrap_or_default()
            .contains("margaret-ellison-smith "),
        "{wide}"
    );
}

#[test]
fn a_list_longer_than_its_room_shows_a_scrollbar_that_follows_the_selection() {
    // The Library lists every built-in exercise: more than an 80x24 screen has rows for.
    let mut app = view(View::Library);
    let top = draw(&app, 80, 24);
    for _ in 1..app.library_rows().len() {
        press(&mut app, key(KeyCode::Down));
    }
    let bottom = draw(&app, 80, 24);
    let thumb_rows = |screen: &str| -> Vec<usize> {
        screen
            .lines()
            .enumerate()
            .filter(|(_, l)| l.trim_end_matches(['"', '│', ' ']).ends_with('█'))
            .map(|(i, _)| i)
            .collect()
    };
    let (a, b) = (thumb_rows(&top), thumb_rows(&bottom));
    assert!(
        !a.is_empty() && !b.is_empty(),
        "no scrollbar:\n{top}\n{bottom}"
    );
    assert!(b[0] > a[0], "the thumb did not move down:\n{top}\n{bottom}");
    let last = app
        .library_rows()
        .last()
        .map(|e| e.name.clone())
        .unwrap_or_default();
    assert!(bottom.contains(&format!("› {last}")), "{bottom}");
}

/// Someone who does not run reads the phases in their own words: no phase named for running
/// and no running line on the Program view.
#[test]
fn a_non_runner_program_has_no_running() {
    let mut app = fresh_app(UNICODE);
    let mut p = profile();
    p.settings.no_running = true;
    p.settings.run_days.clear();
    app.load(p, &[]);
    show(&mut app, View::Program);
    let screen = draw(&app, 80, 24);
    insta::assert_snapshot!("program_non_runner", screen);
    assert!(!screen.contains("Running:"), "{screen}");
    assert!(!screen.contains("Walk-run"), "{screen}");
}

/// Every view at 80x24, named by its tab: a view added to the list gets a snapshot to review
/// (under CI a missing one fails) without anyone remembering to write one.
#[test]
fn every_view_in_tab_order_at_80x24() {
    for v in View::ALL {
        let name = format!("every_view_{}", v.title().to_lowercase());
        insta::assert_snapshot!(name, draw(&view(v), 80, 24));
    }
}
