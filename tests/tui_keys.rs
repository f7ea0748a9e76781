//! Key handling with no terminal: key -> action -> state and effects.

#![allow(clippy::unwrap_used)]

use crate::tui_common;

use jiff::civil::date;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use rehab_planner::catalog::FlagLevel;
use rehab_planner::journal::{Record, SkipReason};
use rehab_planner::tui::action::Action;
use rehab_planner::tui::app::{Effect, ExportWeeks, Overlay, Screen, View};
use rehab_planner::tui::keymap::Keymap;
use rehab_planner::tui::theme::Theme;
use tui_common::*;

const THEME: Theme = Theme {
    color: true,
    ascii: false,
};

#[test]
fn enter_through_every_question_creates_a_profile_with_defaults() {
    let mut app = fresh_app(THEME);
    assert_eq!(*app.screen(), Screen::Welcome);
    for _ in 0..2 {
        assert!(press(&mut app, key(KeyCode::Enter)).is_empty());
    }
    assert!(read_all_flags(&mut app).is_empty());
    assert!(matches!(app.screen(), Screen::Setup(_)));
    let effects = press(&mut app, key(KeyCode::Enter));
    let [Effect::Change(change)] = effects.as_slice() else {
        panic!("one change should make the profile: {effects:?}");
    };
    let profile = change.creates.as_ref().expect("a new profile");
    assert_eq!(profile.name, "me");
    assert_eq!(profile.condition, "pfps");
    // Today is a Wednesday: the plan starts on the coming Monday, so week 1 is whole.
    assert_eq!(profile.settings.start, jiff::civil::date(2026, 11, 30));
    assert_eq!(profile.settings.days_per_week, 4);
    // The answers are the record's, which the store writes after the profile is made.
    assert!(profile.red_flags.answers.is_empty());
    let [Record::Screened { answers, .. }] = change.records.as_slice() else {
        panic!("the change should record the answers: {effects:?}");
    };
    assert!(!answers.is_empty() && answers.values().all(|yes| !yes));
    // The screen changes only once the store says the change is saved.
    let saved = stored(&app, change);
    app.update(Action::Changed(Box::new(saved), change.records.clone()));
    assert_eq!(
        app.loaded().profile.as_ref().unwrap().red_flags.answers,
        *answers
    );
    assert_eq!(*app.screen(), Screen::Main);
    assert_eq!(app.view(), View::Today);
    assert!(app.today_items().is_empty());
    let screen = draw(&app, 80, 24);
    assert!(
        screen.contains("Your plan starts on Monday 30 November 2026"),
        "{screen}"
    );
    // On its first Monday, week 1 has its training days.
    app.new_day(jiff::civil::date(2026, 11, 30));
    assert!(!app.today_items().is_empty());
}

#[test]
fn the_set_up_start_moves_a_week_at_a_time_from_a_monday() {
    let mut app = fresh_app(THEME);
    for _ in 0..2 {
        press(&mut app, key(KeyCode::Enter));
    }
    read_all_flags(&mut app);
    let Screen::Setup(form) = &app.screen() else {
        panic!("{:?}", app.screen())
    };
    assert_eq!(form.settings.start, jiff::civil::date(2026, 11, 30));
    press(&mut app, ch('l'));
    let Screen::Setup(form) = &app.screen() else {
        panic!("{:?}", app.screen())
    };
    assert_eq!(form.settings.start, jiff::civil::date(2026, 12, 7));
    for _ in 0..3 {
        press(&mut app, ch('h'));
    }
    let Screen::Setup(form) = &app.screen() else {
        panic!("{:?}", app.screen())
    };
    assert_eq!(form.settings.start, jiff::civil::date(2026, 11, 16));
    assert_eq!(form.settings.start.weekday(), jiff::civil::Weekday::Monday);
}

#[test]
fn the_set_up_form_asks_how_the_person_runs_now() {
    use rehab_planner::plan::RunningNow;
    let mut app = fresh_app(THEME);
    for _ in 0..2 {
        press(&mut app, key(KeyCode::Enter));
    }
    read_all_flags(&mut app);
    // Down to "Runs a week now", the row after cross-training.
    for _ in 0..6 {
        press(&mut app, key(KeyCode::Down));
    }
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("Runs a week now"), "{screen}");
    assert!(screen.contains("< not said >"), "{screen}");
    press(&mut app, ch('l'));
    let Screen::Setup(form) = &app.screen() else {
        panic!("{:?}", app.screen())
    };
    assert_eq!(form.settings.running_now, Some(RunningNow::NotNow));
    for _ in 0..3 {
        press(&mut app, ch('l'));
    }
    press(&mut app, key(KeyCode::Down));
    press(&mut app, ch('h'));
    press(&mut app, ch('h'));
    let effects = press(&mut app, key(KeyCode::Enter));
    let [Effect::Change(change)] = effects.as_slice() else {
        panic!("one change should make the profile: {effects:?}");
    };
    let profile = stored(&app, change);
    assert_eq!(
        profile.settings.running_now,
        Some(RunningNow::Runs {
            per_week: 3,
            minutes: 20
        })
    );
}

#[test]
fn ticking_partial_sets_skipping_and_unticking() {
    let mut app = busy_app(THEME);
    let items = app.today_items();
    // Move to the fourth item (not yet marked).
    for _ in 0..3 {
        press(&mut app, ch('j'));
    }
    let id = items[3].exercise.clone();
    let effects = press_and_store(&mut app, ch(' '));
    assert_eq!(
        effects,
        vec![Effect::Append(Record::Done {
            date: TODAY,
            item: id.clone(),
            sets: None
        })]
    );
    let effects = press_and_store(&mut app, ch(' '));
    assert_eq!(
        effects,
        vec![Effect::Append(Record::Undone {
            date: TODAY,
            item: id.clone()
        })]
    );
    let effects = press_and_store(&mut app, ch('2'));
    assert_eq!(
        effects,
        vec![Effect::Append(Record::Done {
            date: TODAY,
            item: id.clone(),
            sets: Some(2)
        })]
    );
    // A digit at or above the prescribed sets is a full tick.
    let effects = press_and_store(&mut app, ch('9'));
    assert_eq!(
        effects,
        vec![Effect::Append(Record::Done {
            date: TODAY,
            item: id.clone(),
            sets: None
        })]
    );
    assert!(press(&mut app, ch('x')).is_empty());
    assert!(matches!(app.overlay(), Some(Overlay::Skip { .. })));
    press(&mut app, ch('j'));
    let effects = press_and_store(&mut app, key(KeyCode::Enter));
    assert_eq!(
        effects,
        vec![Effect::Append(Record::Skipped {
            date: TODAY,
            item: id.clone(),
            reason: SkipReason::Time
        })]
    );
    assert!(app.overlay().is_none());
    assert_eq!(app.status().map(|s| s.error), Some(false));
}

#[test]
fn q_types_in_search_and_quits_elsewhere_ctrl_c_always_quits() {
    let mut app = busy_app(THEME);
    press(&mut app, key(KeyCode::Tab));
    assert_eq!(app.view(), View::Week);
    for _ in 0..5 {
        press(&mut app, key(KeyCode::BackTab));
    }
    assert_eq!(app.view(), View::Library);
    press(&mut app, ch('/'));
    assert!(app.typing());
    assert!(press(&mut app, ch('q')).is_empty());
    assert_eq!(app.views().library.query, "q");
    press(&mut app, key(KeyCode::Esc));
    assert!(!app.typing());
    press(&mut app, ch('/'));
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(press(&mut app, ctrl_c), vec![Effect::Quit]);

    let mut app = busy_app(THEME);
    assert_eq!(press(&mut app, ch('q')), vec![Effect::Quit]);
}

/// Welcome, the first condition, then the questions with the `yes` rows ticked.
fn first_run_answering(yes: &[usize]) -> rehab_planner::tui::app::App {
    let mut app = fresh_app(THEME);
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, key(KeyCode::Enter));
    let n = app.context().catalog.red_flags.len();
    for row in 0..n {
        if yes.contains(&row) {
            press(&mut app, ch(' '));
        }
        if row + 1 < n {
            press(&mut app, key(KeyCode::Down));
        }
    }
    press(&mut app, key(KeyCode::Enter));
    app
}

/// The safety questions asked again, with the answers of the profile: due again in a new week
/// when none was yes, or opened from Today's held plan (Enter) when one was (`yes`).
fn questions_asked_again(yes: &[usize]) -> rehab_planner::tui::app::App {
    let mut app = busy_app(THEME);
    let mut p = profile();
    if yes.is_empty() {
        // Last answered the week before: this week's check is due.
        p.red_flags.answered_on = Some(date(2026, 11, 16));
    }
    for &i in yes {
        let id = app.context().catalog.red_flags[i].id.to_string();
        p.red_flags.answers.insert(id, true);
    }
    let recs = records(&app);
    app.load(p, &recs);
    if !yes.is_empty() {
        assert!(!app.plan_allowed(), "a yes holds the plan");
        press(&mut app, key(KeyCode::Enter));
    }
    assert!(
        matches!(
            app.screen(),
            Screen::RedFlags {
                selected: 0,
                seen: 1,
                reopened: true,
                ..
            }
        ),
        "{:?}",
        app.screen()
    );
    app
}

#[test]
fn enter_on_the_first_screen_cannot_save_unseen_questions() {
    let mut app = questions_asked_again(&[]);
    let n = app.context().catalog.red_flags.len();
    assert!(n > 2, "the fixture needs several questions");
    // Each Enter shows the next unread question and saves nothing.
    for shown in 2..=n {
        assert!(press(&mut app, key(KeyCode::Enter)).is_empty());
        let Screen::RedFlags { selected, seen, .. } = &app.screen() else {
            panic!("{:?}", app.screen())
        };
        assert_eq!((*selected, *seen), (shown - 1, shown));
    }
    // All read: now Enter saves.
    let effects = press(&mut app, key(KeyCode::Enter));
    assert!(matches!(
        effects.first(),
        Some(Effect::Append(Record::Screened { .. }))
    ));
}

#[test]
fn y_and_n_answer_the_question_shown_and_show_the_next() {
    // The second question was answered yes.
    let mut app = questions_asked_again(&[1]);
    assert!(press(&mut app, ch('y')).is_empty());
    assert!(press(&mut app, ch('n')).is_empty());
    let Screen::RedFlags {
        selected,
        answers,
        seen,
        ..
    } = &app.screen()
    else {
        panic!("{:?}", app.screen())
    };
    assert_eq!((answers[0], answers[1]), (true, false));
    assert_eq!((*selected, *seen), (2, 3));
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("y yes, n no"), "{screen}");
}

#[test]
fn stop_builds_no_plan_and_block_needs_an_assessment() {
    // Stop: the first fixture flag. No profile, no set-up.
    let mut app = first_run_answering(&[0]);
    let Screen::FlagResult { screening, .. } = &app.screen() else {
        panic!("{:?}", app.screen());
    };
    assert_eq!(screening.level, Some(FlagLevel::Stop));
    assert!(press(&mut app, key(KeyCode::Enter)).is_empty());
    assert!(matches!(app.screen(), Screen::FlagResult { .. }));
    assert!(app.status().is_some_and(|s| s.error));

    // Block: no box to tick; Enter sets up the profile with the plan on hold.
    let mut app = first_run_answering(&[1]);
    assert!(matches!(app.screen(), Screen::FlagResult { .. }));
    assert!(press(&mut app, ch(' ')).is_empty());
    press(&mut app, key(KeyCode::Enter));
    assert!(matches!(app.screen(), Screen::Setup(_)));
    let effects = press_and_store(&mut app, key(KeyCode::Enter));
    assert!(matches!(effects[0], Effect::Change(_)), "{effects:?}");
    let p = app.loaded().profile.as_ref().unwrap();
    assert_eq!(p.red_flags.assessed_by_clinician, None);
    assert_eq!(p.red_flags.answers.get("fx-lock"), Some(&true));
    assert!(!app.plan_allowed());
}

#[test]
fn an_unassessed_block_hides_the_plan_until_a_later_assessment() {
    let mut app = busy_app(THEME);
    let mut p = app.loaded().profile.clone().unwrap();
    p.red_flags.answers.insert("fx-lock".into(), true);
    p.red_flags.answered_on = Some(TODAY);
    let screened = Record::Screened {
        date: TODAY,
        answers: p.red_flags.answers.clone(),
    };
    // An assessment dated before the answers does not count.
    let earlier = Record::Assessed {
        date: date(2026, 11, 10),
        by: None,
    };
    app.load(p, &[earlier, screened]);
    assert!(!app.plan_allowed());
    assert!(app.today_items().is_empty());
    assert!(press(&mut app, ch(' ')).is_empty());
    // Answering again changes nothing while the answer stands.
    press(&mut app, key(KeyCode::Enter));
    assert!(matches!(
        app.screen(),
        Screen::RedFlags { reopened: true, .. }
    ));
    let effects = press_and_store_all(&mut app, read_all_flags);
    assert!(matches!(
        effects.first(),
        Some(Effect::Append(Record::Screened { .. }))
    ));
    assert!(matches!(app.screen(), Screen::FlagResult { .. }));
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(*app.screen(), Screen::Main);
    assert!(!app.plan_allowed());
    // The clinician's assessment, recorded in Profiles, lifts it.
    for _ in 0..5 {
        press(&mut app, key(KeyCode::Tab));
    }
    assert_eq!(app.view(), View::Profiles);
    press(&mut app, ch('e'));
    for _ in 0..12 {
        press(&mut app, key(KeyCode::Down));
    }
    for c in TODAY.to_string().chars() {
        press(&mut app, ch(c));
    }
    press(&mut app, key(KeyCode::Down));
    for c in "Dr K".chars() {
        press(&mut app, ch(c));
    }
    let effects = press_and_store(&mut app, key(KeyCode::Enter));
    let [Effect::Change(change)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(
        change.records,
        [Record::Assessed {
            date: TODAY,
            by: Some("Dr K".into())
        }]
    );
    assert!(app.plan_allowed(), "{:?}", app.gate());
    assert!(!app.today_items().is_empty());
}

#[test]
fn logging_sharp_pain_pauses_the_plan_until_answered_and_a_ceiling_is_named() {
    let mut app = busy_app(THEME);
    press(&mut app, ch('p'));
    press(&mut app, ch('5'));
    for _ in 0..4 {
        press(&mut app, ch('j'));
    }
    press(&mut app, ch(' '));
    let effects = press_and_store(&mut app, key(KeyCode::Enter));
    assert_eq!(effects.len(), 1, "{effects:?}");
    let status = app.status().unwrap().text.clone();
    assert!(status.contains("over your ceiling of 3"), "{status}");
    assert!(!app.plan_allowed());
    assert!(app.today_items().is_empty());
    // Esc leaves the questions: the plan stays paused.
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(*app.screen(), Screen::Main);
    assert!(app.today_items().is_empty());
    press(&mut app, key(KeyCode::Enter));
    press_and_store_all(&mut app, read_all_flags);
    assert!(app.plan_allowed());
}

#[test]
fn sharp_pain_reopens_the_red_flags() {
    let mut app = busy_app(THEME);
    press(&mut app, ch('p'));
    press(&mut app, ch('4'));
    for _ in 0..4 {
        press(&mut app, ch('j'));
    }
    press(&mut app, ch(' '));
    let effects = press(&mut app, key(KeyCode::Enter));
    let [Effect::Append(Record::Pain { report, .. })] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(report.during, Some(4));
    assert_eq!(report.sharp, Some(true));
    assert!(matches!(
        app.screen(),
        Screen::RedFlags { reopened: true, .. }
    ));
    // Answering again records the answers (the store keeps the latest in the profile) and
    // returns to Today.
    let effects = read_all_flags(&mut app);
    assert!(matches!(
        effects.as_slice(),
        [Effect::Append(Record::Screened { .. })]
    ));
    assert_eq!(*app.screen(), Screen::Main);
}

#[test]
fn future_days_cannot_be_ticked_but_past_days_can() {
    let mut app = busy_app(THEME);
    press(&mut app, key(KeyCode::Tab));
    press(&mut app, ch('l'));
    assert!(press(&mut app, ch(' ')).is_empty());
    assert!(app.status().is_some_and(|s| s.error));
    press(&mut app, ch('h'));
    press(&mut app, ch('h'));
    let effects = press(&mut app, ch(' '));
    let [Effect::Append(r)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert!(r.date() < TODAY);
}

#[test]
fn keymap_overrides_are_partial_and_checked() {
    let map = Keymap::with_overrides(r#"{"Tick": ["enter"], "Quit": ["ctrl-q"]}"#).unwrap();
    assert_eq!(map.resolve(&key(KeyCode::Enter), false), Some(Action::Tick));
    // Enter moved to Tick, so Select lost it; other defaults stay.
    assert_eq!(map.resolve(&ch('j'), false), Some(Action::Down));
    assert_eq!(map.resolve(&ch('q'), false), None);
    let ctrl_q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL);
    assert_eq!(map.resolve(&ctrl_q, false), Some(Action::Quit));
    assert_eq!(map.key_for(&Action::Quit, true), "^q");
    let err = Keymap::with_overrides(r#"{"Jump": ["j"]}"#).unwrap_err();
    assert!(err.contains("unknown action `Jump`"), "{err}");
    assert!(err.starts_with("1:2: "), "the error says where: {err}");
    let err = Keymap::with_overrides("{\n  \"Tick\": [\"space\", \"hyper-x\"],\n}").unwrap_err();
    assert!(err.contains("hyper-x"), "{err}");
    assert!(err.starts_with("2:21: "), "the error says where: {err}");
    assert!(Keymap::with_overrides("{").is_err());
}

#[test]
fn function_and_alt_keys_are_keys_of_their_own() {
    // The bytes a terminal sends, through the app's own reader.
    let events = rehab_planner::tui::input::parse_keys(b"\x1bOP\x1b[15~\x1bj\x1bq");
    let keys: Vec<KeyEvent> = events
        .into_iter()
        .map(|e| match e {
            ratatui::crossterm::event::Event::Key(k) => k,
            other => panic!("{other:?}"),
        })
        .collect();
    let map = Keymap::default();
    // F1 is help, as `?` is; F5 is bound to nothing.
    assert_eq!(map.resolve(&keys[0], false), Some(Action::Help));
    assert_eq!(map.resolve(&keys[1], false), None);
    // Alt-j and Alt-q are not j (down) and q (quit), and type nothing in a field.
    for k in &keys[2..] {
        assert!(k.modifiers.contains(KeyModifiers::ALT), "{k:?}");
        assert_eq!(map.resolve(k, false), None);
        assert_eq!(map.resolve(k, true), None);
    }
    // Unbound, Alt-j is what a slow link makes of Esc then j: both keys, in order.
    let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(map.unbound_alt(&keys[2], false), Some([esc, ch('j')]));
    assert_eq!(map.unbound_alt(&ch('j'), false), None);
    assert_eq!(map.unbound_alt(&keys[0], false), None);
    // Both can be bound, and show as such in hints.
    let map = Keymap::with_overrides(r#"{"Quit": ["alt-q"], "Help": ["f2"]}"#).unwrap();
    assert_eq!(map.resolve(&keys[3], false), Some(Action::Quit));
    assert_eq!(map.key_for(&Action::Quit, true), "M-q");
    assert_eq!(map.key_for(&Action::Help, true), "F2");
    assert_eq!(map.resolve(&ch('q'), false), None);
    assert_eq!(map.unbound_alt(&keys[3], false), None);
    // F1 opens the help overlay in the app.
    let mut app = busy_app(THEME);
    press(&mut app, keys[0]);
    assert!(matches!(app.overlay(), Some(Overlay::Help)));
}

#[test]
fn help_lists_every_bindable_action_with_its_real_key() {
    // What the person sees: the help overlay drawn with a remapped key, not the keymap's own
    // list compared with itself.
    let keymap = Keymap::with_overrides(r#"{"Skip": ["s"], "NextWeek": ["v"]}"#).unwrap();
    let mut app = busy_app_keyed(THEME, keymap);
    press(&mut app, ch('?'));
    assert!(matches!(app.overlay(), Some(Overlay::Help)));
    let screen = draw(&app, 80, 24);
    let rows: Vec<(String, String)> = rehab_planner::tui::screens::overlays::help_sections(&app)
        .into_iter()
        .flat_map(|(_, rows)| rows)
        .collect();
    for action in Keymap::bindable() {
        let key = app.context().keymap.key_for(&action, false);
        assert!(!key.is_empty(), "{action:?} has no key");
        assert!(
            rows.iter()
                .any(|(keys, _)| keys.split(' ').any(|k| k == key)),
            "{action:?} ({key}) is missing from help: {rows:?}"
        );
    }
    // The remapped keys show, on screen, beside what they do; the old ones do not.
    let line_with = |what: &str| {
        screen
            .lines()
            .find(|l| l.contains(what))
            .unwrap_or_else(|| panic!("`{what}` not in help:\n{screen}"))
            .to_string()
    };
    assert!(
        line_with("skip with a reason").contains(" s  skip"),
        "{screen}"
    );
    assert!(
        line_with("week after").contains(" v  week after"),
        "{screen}"
    );
    assert!(!screen.contains(" x  skip"), "{screen}");
}

#[test]
fn library_search_filters_by_name_and_opens_detail() {
    let mut app = busy_app(THEME);
    show(&mut app, View::Library);
    press(&mut app, ch('/'));
    for c in "wall".chars() {
        press(&mut app, ch(c));
    }
    press(&mut app, key(KeyCode::Enter));
    let rows = app.library_rows();
    assert!(!rows.is_empty() && rows.iter().all(|e| e.name.to_lowercase().contains("wall")));
    press(&mut app, key(KeyCode::Enter));
    assert!(
        matches!(&app.overlay(), Some(Overlay::Detail { exercise, .. }) if exercise == &rows_first(&app))
    );
}

fn rows_first(app: &rehab_planner::tui::app::App) -> String {
    app.library_rows()[0].id.to_string()
}

#[test]
fn profiles_switch_create_and_edit_patient() {
    let mut app = busy_app(THEME);
    show(&mut app, View::Profiles);
    // The cursor starts on the open profile, the one whose details show; Enter there switches
    // to nothing.
    assert_eq!(app.loaded().profiles[app.views().profiles.selected], "me");
    assert!(press(&mut app, key(KeyCode::Enter)).is_empty());
    // anna is first in the list; on her row the details say how to open her profile, not
    // me's details beside her name.
    press(&mut app, key(KeyCode::Up));
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("opens anna"), "{screen}");
    assert!(!screen.contains("me: Runner's knee"), "{screen}");
    insta::assert_snapshot!("profiles_other_selected", screen);
    assert_eq!(
        press(&mut app, key(KeyCode::Enter)),
        vec![Effect::SwitchProfile("anna".into())]
    );
    press(&mut app, key(KeyCode::Down));
    press(&mut app, ch('e'));
    assert!(app.typing());
    for c in "Ann Lee".chars() {
        press(&mut app, ch(c));
    }
    let effects = press(&mut app, key(KeyCode::Enter));
    let [Effect::Change(change)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    let p = stored(&app, change);
    assert_eq!(
        p.patient.as_ref().and_then(|x| x.name.as_deref()),
        Some("Ann Lee")
    );
    // Overrides: a phase that does not exist is refused with the field named; 2 is kept.
    press(&mut app, ch('e'));
    for _ in 0..4 {
        press(&mut app, key(KeyCode::Down));
    }
    press(&mut app, ch('9'));
    assert!(press(&mut app, key(KeyCode::Enter)).is_empty());
    assert!(
        app.status()
            .is_some_and(|s| s.error && s.text.contains("Pinned phase"))
    );
    assert!(app.typing(), "the form stays open to fix it");
    press(&mut app, key(KeyCode::Backspace));
    press(&mut app, ch('2'));
    let effects = press(&mut app, key(KeyCode::Enter));
    let [Effect::Change(change)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    let p = stored(&app, change);
    assert_eq!(p.overrides.pinned_phase, Some(2));
    press(&mut app, ch('n'));
    // A space is refused with a message, not silently dropped ("bob smith" is not "bobsmith").
    for c in "bob smith".chars() {
        press(&mut app, ch(c));
        if c == ' ' {
            let status = app.status().unwrap();
            assert!(
                status.error && status.text.contains("not a space"),
                "{status:?}"
            );
            insta::assert_snapshot!("profile_name_space", draw(&app, 80, 24));
            break;
        }
    }
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.loaded().profile_name, "bob");
    assert!(matches!(app.screen(), Screen::Picker { .. }));
}

#[test]
fn export_asks_the_loop_to_write_the_chosen_format() {
    let mut app = busy_app(THEME);
    show(&mut app, View::Export);
    press(&mut app, ch('l'));
    let effects = press(&mut app, key(KeyCode::Enter));
    assert_eq!(
        effects,
        vec![Effect::Export {
            format: rehab_planner::export::Format::Markdown,
            path: "rehab-plan-me-2026-11-25.md".into(),
            // This week is the programme's second.
            weeks: 2..=2,
            sheet: false,
            today: TODAY,
            ascii: THEME.ascii,
            fix: "e edits the path".into(),
        }]
    );
    // Down chooses the next N weeks (4 until a digit says otherwise), then every week so far,
    // then the whole programme; Space picks the one-page sheet.
    press(&mut app, ch('j'));
    press(&mut app, ch('6'));
    press(&mut app, key(KeyCode::Char(' ')));
    let effects = press(&mut app, key(KeyCode::Enter));
    assert!(
        matches!(
            &effects[..],
            [Effect::Export {
                weeks,
                sheet: true,
                ..
            }] if *weeks == (2..=7)
        ),
        "{effects:?}"
    );
    for want in [
        ExportWeeks::SoFar,
        ExportWeeks::Programme,
        ExportWeeks::ThisWeek,
    ] {
        press(&mut app, ch('j'));
        assert_eq!(app.views().export.weeks, want);
    }
    press(&mut app, ch('k'));
    assert_eq!(app.views().export.weeks, ExportWeeks::Programme);
    app.update(Action::Exported("/tmp/x.md".into()));
    assert_eq!(app.views().export.exported.as_deref(), Some("/tmp/x.md"));
}

#[test]
fn program_records_criteria_and_decisions_come_from_the_log() {
    let mut app = busy_app(THEME);
    // The same lines `rehab history` prints: the finished week, then this one so far.
    let decisions = app.decisions();
    assert_eq!(decisions.len(), 2, "{decisions:?}");
    assert!(decisions[0].starts_with("week 1: "), "{decisions:?}");
    assert!(
        decisions[1].starts_with("week 2 (so far, if it ended today): "),
        "{decisions:?}"
    );
    show(&mut app, View::Program);
    let effects = press_and_store(&mut app, ch(' '));
    assert_eq!(
        effects,
        vec![Effect::Append(Record::Criteria {
            date: TODAY,
            id: "phase-1-exit".into(),
            met: true
        })]
    );
    assert!(app.criteria_met("phase-1-exit"));
    // Each of the phase's checks follows, then the return-to-running row, last.
    let ids: Vec<String> = app.criteria_rows().into_iter().map(|(id, _)| id).collect();
    assert_eq!(
        ids,
        [
            "phase-1-exit",
            "phase-1-exit-1",
            "phase-1-exit-2",
            "return-to-run"
        ]
    );
    for _ in 1..ids.len() {
        press(&mut app, ch('j'));
    }
    let effects = press(&mut app, ch(' '));
    assert_eq!(
        effects,
        vec![Effect::Append(Record::Criteria {
            date: TODAY,
            id: "return-to-run".into(),
            met: true
        })]
    );
}

#[test]
fn the_week_view_walks_back_into_last_week_to_backfill() {
    let mut app = busy_app(THEME);
    show(&mut app, View::Week);
    // Today is Wednesday: three steps left reach last Sunday.
    for _ in 0..3 {
        press(&mut app, ch('h'));
    }
    assert_eq!(app.views().week.week, 1);
    let sunday = app.shown_week().unwrap().days[6].clone();
    assert_eq!(sunday.date, jiff::civil::date(2026, 11, 22));
    let effects = press(&mut app, ch(' '));
    let [Effect::Append(r)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(r.date(), sunday.date);
    // The first week has no week before it.
    for _ in 0..10 {
        press(&mut app, ch('h'));
    }
    assert_eq!(app.views().week.week, 1);
    assert_eq!(app.views().week.day, 0);
    press(&mut app, ch('l'));
    for _ in 0..6 {
        press(&mut app, ch('l'));
    }
    assert_eq!(app.views().week.week, 2);
}

#[test]
fn the_week_view_browses_every_week_of_the_programme() {
    let mut app = busy_app(THEME);
    show(&mut app, View::Week);
    let last = app.last_week();
    assert!(last > 2, "the fixture programme runs past this week");
    // ] and PageDown go a week on; the coming weeks are built as they are planned now.
    press(&mut app, ch(']'));
    assert_eq!(app.views().week.week, 3);
    let week = app.shown_week().expect("week 3 is built").clone();
    assert_eq!(week.state.week, 3);
    assert_eq!(week.monday, jiff::civil::date(2026, 11, 30));
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("Week 3 of"), "{screen}");
    assert!(screen.contains("coming"), "{screen}");
    for _ in 0..last + 3 {
        press(&mut app, key(KeyCode::PageDown));
    }
    assert_eq!(app.views().week.week, last, "no week after the last");
    assert_eq!(app.shown_week().unwrap().state.week, last);
    // Right past Sunday of the last week stays there.
    for _ in 0..8 {
        press(&mut app, ch('l'));
    }
    assert_eq!((app.views().week.week, app.views().week.day), (last, 6));
    // [ and PageUp go back; Home comes back to this week and today.
    press(&mut app, ch('['));
    press(&mut app, key(KeyCode::PageUp));
    assert_eq!(app.views().week.week, last - 2);
    press(&mut app, key(KeyCode::Home));
    assert_eq!((app.views().week.week, app.views().week.day), (2, 2));
    for _ in 0..5 {
        press(&mut app, key(KeyCode::PageUp));
    }
    assert_eq!(app.views().week.week, 1, "no week before the first");
    // Today and its views still read this week, whatever week is browsed.
    assert_eq!(app.this_week().unwrap().state.week, 2);
    assert_eq!(app.weeks_so_far().len(), 2);
    // The keys are on the hint bar and in help.
    press(&mut app, ch(']'));
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("] week"), "{screen}");
    press(&mut app, ch('?'));
    let help = draw(&app, 80, 24);
    assert!(help.contains("week after"), "{help}");
    assert!(help.contains("week before"), "{help}");
}

#[test]
fn before_the_start_the_week_view_shows_week_one_as_it_will_be() {
    let mut app = fresh_app(THEME);
    let mut p = profile();
    p.settings.start = jiff::civil::date(2026, 11, 30);
    app.load(p, &[]);
    show(&mut app, View::Week);
    let week = app.shown_week().expect("week 1 is shown before the start");
    assert_eq!(week.state.week, 1);
    assert!(week.days.iter().any(|d| !d.items.is_empty()));
    let screen = draw(&app, 80, 24);
    assert!(!screen.contains("No plan this week yet"), "{screen}");
    assert!(screen.contains("Week 1 of"), "{screen}");
    assert!(screen.contains("starts"), "{screen}");
    // Today still says when it starts, with nothing to tick.
    assert!(app.today_items().is_empty());
    assert!(app.this_week().is_none());
    // Ticking a day that has not come is refused, not written.
    for _ in 0..app.views().week.day {
        press(&mut app, key(KeyCode::Left));
    }
    assert_eq!(app.views().week.day, 0);
    assert!(press(&mut app, ch(' ')).is_empty());
}

#[test]
fn library_search_lists_name_matches_before_kind_and_condition_matches() {
    let mut app = busy_app(THEME);
    show(&mut app, View::Library);
    search(&mut app, "band");
    let rows = app.library_rows();
    let named: Vec<bool> = rows
        .iter()
        .map(|e| e.name.to_lowercase().contains("band") || e.id.contains("band"))
        .collect();
    assert!(named.contains(&true) && named.contains(&false), "{named:?}");
    // Once a row matches only through its condition ("IT band syndrome"), no name match follows.
    let first_other = named.iter().position(|n| !n).unwrap();
    assert!(named[first_other..].iter().all(|n| !n), "{named:?}");
}

#[test]
fn sharp_pain_logged_elsewhere_asks_the_red_flags_again_on_opening() {
    let mut app = busy_app(THEME);
    let mut recs = records(&app);
    recs.push(Record::Pain {
        date: jiff::civil::date(2026, 11, 24),
        item: None,
        report: rehab_planner::journal::PainReport {
            during: Some(4),
            sharp: Some(true),
            ..Default::default()
        },
    });
    app.load(profile(), &recs);
    assert!(app.needs_rescreen());
    assert!(matches!(
        app.screen(),
        Screen::RedFlags { reopened: true, .. }
    ));
    // Answered today, the question is settled.
    let effects = press_and_store_all(&mut app, read_all_flags);
    let p = app.loaded().profile.clone().unwrap();
    assert_eq!(p.red_flags.answered_on, Some(TODAY));
    let Some(Effect::Append(screened)) = effects.first() else {
        panic!("{effects:?}")
    };
    recs.push(screened.clone());
    app.load(p, &recs);
    assert!(!app.needs_rescreen());
    assert_eq!(*app.screen(), Screen::Main);
}

#[test]
fn a_new_week_opens_on_the_questions_and_each_is_shown_before_they_are_saved() {
    let mut app = busy_app(THEME);
    let recs = records(&app);
    // Last answered in week 1; today is in week 2.
    let mut p = profile();
    p.red_flags.answered_on = Some(jiff::civil::date(2026, 11, 16));
    app.load(p, &recs);
    assert!(
        app.today_items().is_empty(),
        "no plan items before this week's check"
    );
    assert!(matches!(
        app.screen(),
        Screen::RedFlags { reopened: true, .. }
    ));
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("This week's check"), "{screen}");
    // Enter alone never saves unseen questions: it walks to each first.
    let n = app.context().catalog.red_flags.len();
    for _ in 0..n.saturating_sub(1) {
        assert!(press(&mut app, key(KeyCode::Enter)).is_empty());
    }
    let effects = press(&mut app, key(KeyCode::Enter));
    assert!(
        matches!(effects.first(), Some(Effect::Append(Record::Screened { date, .. })) if *date == TODAY),
        "{effects:?}"
    );
}

#[test]
fn pain_during_goes_to_today_and_the_morning_score_to_yesterday() {
    let mut app = busy_app(THEME);
    press(&mut app, ch('p'));
    // Nothing given: nothing saved, and the form stays.
    assert!(press(&mut app, key(KeyCode::Enter)).is_empty());
    assert!(matches!(app.overlay(), Some(Overlay::Pain(_))));
    press(&mut app, ch('3'));
    press(&mut app, ch('j'));
    press(&mut app, ch('2'));
    let effects = press(&mut app, key(KeyCode::Enter));
    let yesterday = jiff::civil::date(2026, 11, 24);
    let [
        Effect::Append(Record::Pain {
            date: d1,
            report: r1,
            ..
        }),
        Effect::Append(Record::Pain {
            date: d2,
            report: r2,
            ..
        }),
    ] = effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    assert_eq!(
        (*d1, r1.during, r1.morning, r1.sharp),
        (TODAY, Some(3), None, None)
    );
    assert_eq!((*d2, r2.during, r2.morning), (yesterday, None, Some(2)));
    assert!(app.overlay().is_none());
    assert!(
        matches!(app.screen(), Screen::Main),
        "no sign ticked, no red flags"
    );
}

#[test]
fn history_pages_back_through_the_months() {
    let mut app = busy_app(THEME);
    let mut p = profile();
    p.settings.start = jiff::civil::date(2026, 6, 1);
    app.load(p, &[]);
    show(&mut app, View::History);
    assert_eq!(app.months_of_program(), 6);
    let now = draw(&app, 80, 24);
    assert!(
        now.contains("November 2026") && !now.contains("June 2026"),
        "{now}"
    );
    // A month a step; two months show at 80 columns, each day with its number.
    for _ in 0..8 {
        press(&mut app, ch('h'));
    }
    assert_eq!(
        app.views().history.months_back,
        5,
        "no paging past the start"
    );
    let then = draw(&app, 80, 24);
    assert!(
        then.contains("June 2026") && !then.contains("July 2026"),
        "{then}"
    );
    assert!(then.contains("30"), "day numbers show: {then}");
    press(&mut app, ch('l'));
    let next = draw(&app, 80, 24);
    assert!(
        next.contains("June 2026") && next.contains("July 2026"),
        "{next}"
    );
    for _ in 0..8 {
        press(&mut app, ch('l'));
    }
    assert_eq!(app.views().history.months_back, 0);
}

#[test]
fn program_rows_then_scrolling() {
    let mut app = busy_app(THEME);
    show(&mut app, View::Program);
    let rows = app.criteria_rows().len();
    for _ in 0..rows + 2 {
        press(&mut app, ch('j'));
    }
    assert_eq!(app.views().program.row, rows - 1);
    assert_eq!(app.views().program.scroll, 3);
    // Up moves the cursor at once (and brings the page back to it), never the page alone.
    press(&mut app, ch('k'));
    assert_eq!(
        (app.views().program.scroll, app.views().program.row),
        (0, rows - 2)
    );
}

#[test]
fn going_back_from_an_outcome_lands_on_the_answer_to_change() {
    // Welcome, pick the first condition, then "yes" to the second question.
    let mut app = first_run_answering(&[1]);
    assert!(
        matches!(app.screen(), Screen::FlagResult { .. }),
        "{:?}",
        app.screen()
    );
    press(&mut app, key(KeyCode::Esc));
    let Screen::RedFlags {
        selected, answers, ..
    } = &app.screen()
    else {
        panic!("{:?}", app.screen());
    };
    assert_eq!(
        *selected, 1,
        "the cursor rests on the yes, so Space undoes it"
    );
    assert!(answers[1]);
    press(&mut app, ch(' '));
    let Screen::RedFlags { answers, .. } = &app.screen() else {
        panic!("{:?}", app.screen());
    };
    assert!(answers.iter().all(|yes| !yes));
}

#[test]
fn profiles_edit_added_removed_and_replaced_exercises_by_checked_id() {
    let mut app = busy_app(THEME);
    show(&mut app, View::Profiles);
    let ids: Vec<String> = app
        .context()
        .catalog
        .exercises
        .iter()
        .take(3)
        .map(|e| e.id.to_string())
        .collect();
    let type_text = |app: &mut rehab_planner::tui::app::App, text: &str| {
        for c in text.chars() {
            press(app, ch(c));
        }
    };
    press(&mut app, ch('e'));
    for _ in 0..9 {
        press(&mut app, key(KeyCode::Down));
    }
    // "Removed exercises": a typo is refused, naming the field and the closest id.
    let typo = &ids[0][..ids[0].len() - 1];
    type_text(&mut app, typo);
    assert!(press(&mut app, key(KeyCode::Enter)).is_empty());
    let status = app.status().expect("an error");
    assert!(status.error, "{status:?}");
    assert!(
        status.text.contains("Removed exercises: unknown exercise"),
        "{}",
        status.text
    );
    assert!(
        status.text.contains(&format!("Did you mean `{}`", ids[0])),
        "{}",
        status.text
    );
    for _ in 0..typo.len() {
        press(&mut app, key(KeyCode::Backspace));
    }
    type_text(&mut app, &ids[0]);
    // "Replaced (old=new)", then "Changed doses (id=3x15)".
    press(&mut app, key(KeyCode::Down));
    type_text(&mut app, &format!("{}={}", ids[1], ids[2]));
    press(&mut app, key(KeyCode::Down));
    type_text(&mut app, &format!("{}=2x7", ids[2]));
    let effects = press(&mut app, key(KeyCode::Enter));
    let [Effect::Change(change)] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    let p = stored(&app, change);
    assert_eq!(p.overrides.removed, vec![ids[0].clone()]);
    assert_eq!(p.overrides.replaced.get(&ids[1]), Some(&ids[2]));
    assert!(p.overrides.added.is_empty());
    let dose = p.overrides.doses.get(&ids[2]).expect("the dose change");
    assert_eq!((dose.sets, dose.work.amount()), (2, 7));
}

#[test]
fn past_midnight_today_turns_to_the_new_day_and_ticks_go_there() {
    let mut app = busy_app(THEME);
    let yesterday = app.today_items();
    let tomorrow = TODAY.tomorrow().unwrap();
    assert!(app.update(Action::NewDay(tomorrow)).is_empty());
    assert_eq!(app.context().today, tomorrow);
    let said = app.status().map(|s| s.text.clone()).unwrap_or_default();
    assert!(said.contains("new day"), "{said}");
    let today = app.today_items();
    // Nothing is ticked yet on the new day, whatever was ticked yesterday.
    let Some(first) = today.first() else {
        panic!("the fixture trains on {tomorrow}")
    };
    assert_eq!(app.mark(tomorrow, &first.exercise), None);
    let effects = press(&mut app, ch(' '));
    assert_eq!(
        effects,
        vec![Effect::Append(Record::Done {
            date: tomorrow,
            item: first.exercise.clone(),
            sets: None
        })]
    );
    // Yesterday's ticks stay on yesterday.
    assert!(app.mark(TODAY, &yesterday[0].exercise).is_some());
}

#[test]
fn a_text_field_keeps_enter_and_esc_whatever_the_keymap_and_its_hints_say_so() {
    // Enter and Esc remapped away: in a text field they still finish and cancel, the remapped
    // keys type text, and the hint bar names the keys that work there.
    let keymap = Keymap::with_overrides(r#"{"Select": ["o"], "Back": ["ctrl-x"]}"#).unwrap();
    let mut app = busy_app_keyed(THEME, keymap);
    show(&mut app, View::Library);
    press(&mut app, ch('/'));
    assert!(app.typing());
    let screen = draw(&app, 80, 24);
    let hints = screen.lines().last().unwrap_or_default();
    assert!(
        hints.contains("Enter done") && hints.contains("Esc cancel"),
        "{hints}"
    );
    press(&mut app, ch('o'));
    assert_eq!(app.views().library.query, "o");
    press(&mut app, key(KeyCode::Enter));
    assert!(!app.typing());
    assert_eq!(app.views().library.query, "o");
    press(&mut app, ch('/'));
    press(&mut app, key(KeyCode::Esc));
    assert!(!app.typing());
    assert_eq!(app.views().library.query, "", "Esc cancels the search");
}

#[test]
fn the_history_view_and_rehab_history_count_adherence_alike() {
    let app = busy_app(THEME);
    let mut history = app.clone();
    show(&mut history, View::History);
    let screen = draw(&history, 80, 24);
    for week in app.weeks_so_far() {
        let summary = rehab_planner::journal::summarize_week(week, &app.loaded().journal, TODAY);
        // The journal's count of the week is the engine's, which the screen shows.
        let want = format!("wk{} {:>3}", week.state.week, summary.adherence.short());
        assert!(screen.contains(&want), "{want} not in\n{screen}");
    }
}

/// The symptom helper, opened from the picker's last row ("Not sure?").
fn symptom_helper(catalog: rehab_planner::catalog::Catalog) -> rehab_planner::tui::app::App {
    let mut app =
        rehab_planner::tui::app::App::new(catalog, Keymap::default(), THEME, TODAY, "me".into());
    press(&mut app, key(KeyCode::Enter));
    for _ in 0..app.context().catalog.conditions.len() {
        press(&mut app, key(KeyCode::Down));
    }
    press(&mut app, key(KeyCode::Enter));
    app
}

#[test]
fn the_symptom_helper_chooses_nothing_for_the_person() {
    for catalog in [
        catalog(),
        rehab_planner::catalog::Catalog::builtin().unwrap(),
    ] {
        let mut app = symptom_helper(catalog);
        assert!(matches!(
            app.screen(),
            Screen::Symptoms {
                question: 0,
                selected: None,
                ..
            }
        ));
        assert!(!draw(&app, 80, 24).contains('●'), "nothing is chosen yet");
        // Enter alone never answers and never reaches a suggestion.
        for _ in 0..20 {
            press(&mut app, key(KeyCode::Enter));
            assert!(
                matches!(
                    &app.screen(),
                    Screen::Symptoms { question: 0, selected: None, answers } if answers.is_empty()
                ),
                "{:?}",
                app.screen()
            );
            let status = app.status().unwrap().text.clone();
            assert!(status.starts_with("choose one"), "{status}");
        }
        // A choice made, Enter goes on, and the next question again starts unchosen.
        press(&mut app, key(KeyCode::Down));
        press(&mut app, key(KeyCode::Enter));
        assert!(matches!(
            app.screen(),
            Screen::Symptoms {
                question: 1,
                selected: None,
                ..
            }
        ));
        // Esc back shows the answer given; a digit chooses by number.
        press(&mut app, key(KeyCode::Esc));
        assert!(matches!(
            app.screen(),
            Screen::Symptoms {
                question: 0,
                selected: Some(0),
                ..
            }
        ));
        press(&mut app, ch('2'));
        assert!(matches!(
            app.screen(),
            Screen::Symptoms {
                selected: Some(1),
                ..
            }
        ));
    }
}

#[test]
fn the_first_answers_do_not_favour_one_condition() {
    let catalog = rehab_planner::catalog::Catalog::builtin().unwrap();
    // Down then Enter on every question (the first answer each time) is not runner's knee.
    let mut app = symptom_helper(catalog.clone());
    for _ in 0..catalog.symptom_questions.len() {
        press(&mut app, key(KeyCode::Down));
        press(&mut app, key(KeyCode::Enter));
    }
    let Screen::Suggestions { ranked, .. } = &app.screen() else {
        panic!("{:?}", app.screen());
    };
    assert_ne!(ranked[0].condition, catalog.conditions[0].id.as_str());
    // No condition owns the first answer of most questions.
    let owners: Vec<Vec<&str>> = catalog
        .symptom_questions
        .iter()
        .map(|q| {
            catalog
                .conditions
                .iter()
                .filter(|c| {
                    c.symptoms
                        .iter()
                        .any(|s| s.question == q.id && s.answer == q.answers[0].id)
                })
                .map(|c| c.id.as_str())
                .collect()
        })
        .collect();
    for c in &catalog.conditions {
        let firsts = owners.iter().filter(|o| o.contains(&c.id.as_str())).count();
        assert!(
            firsts * 2 <= catalog.symptom_questions.len(),
            "{} owns {firsts} first answers: {owners:?}",
            c.id
        );
    }
}

#[test]
fn program_space_acts_on_the_highlighted_row_after_scrolling_past_the_end() {
    let mut app = busy_app(THEME);
    show(&mut app, View::Program);
    let rows = app.criteria_rows();
    assert!(rows.len() >= 2, "{rows:?}");
    // Past the end Down reads the page on; one Up then moves the cursor, never just the page.
    for _ in 0..rows.len() + 10 {
        press(&mut app, key(KeyCode::Down));
    }
    press(&mut app, key(KeyCode::Up));
    let want = rows.len() - 2;
    assert_eq!(app.views().program.row, want);
    assert_eq!(app.views().program.scroll, 0);
    // The highlighted row on screen is the one Space records.
    let screen = draw(&app, 80, 24);
    let pointed: Vec<&str> = screen.lines().filter(|l| l.contains('›')).collect();
    assert_eq!(pointed.len(), 1, "{screen}");
    let label: String = rows[want].1.chars().take(20).collect();
    assert!(
        pointed[0].contains(&label),
        "{} not in {screen}",
        rows[want].1
    );
    let effects = press(&mut app, ch(' '));
    let [Effect::Append(Record::Criteria { id, .. })] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(*id, rows[want].0);
}

#[test]
fn the_week_view_moves_down_the_days_as_they_are_listed() {
    let mut app = busy_app(THEME);
    show(&mut app, View::Week);
    press(&mut app, key(KeyCode::Home));
    let week = app.shown_week().unwrap().clone();
    let (start_week, start_day) = (app.views().week.week, app.views().week.day);
    // j walks the selected day's items, then on to the next day's first item.
    let n = week.days[start_day].items.len();
    for i in 1..n {
        press(&mut app, ch('j'));
        assert_eq!(
            (app.views().week.day, app.views().week.item),
            (start_day, i)
        );
    }
    press(&mut app, key(KeyCode::Down));
    assert_eq!(
        (
            app.views().week.week,
            app.views().week.day,
            app.views().week.item
        ),
        (start_week, start_day + 1, 0)
    );
    // k goes back: onto the last item of the day before.
    press(&mut app, ch('k'));
    assert_eq!(
        (app.views().week.day, app.views().week.item),
        (start_day, n.saturating_sub(1))
    );
    // Down through the rest of the week goes on to next Monday; Up from there to Sunday.
    for _ in 0..60 {
        if app.views().week.week != start_week {
            break;
        }
        press(&mut app, ch('j'));
    }
    assert_eq!(
        (app.views().week.week, app.views().week.day),
        (start_week + 1, 0)
    );
    press(&mut app, ch('k'));
    let sunday = app.shown_week().unwrap().days[6].items.len();
    assert_eq!(
        (
            app.views().week.week,
            app.views().week.day,
            app.views().week.item
        ),
        (start_week, 6, sunday.saturating_sub(1))
    );
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

#[test]
fn ctrl_u_clears_a_field_so_typing_writes_exactly_the_new_path() {
    let mut app = busy_app(THEME);
    show(&mut app, View::Export);
    press(&mut app, ch('e'));
    for c in "/home/me/exports/an-old-plan-written-last-month.html".chars() {
        press(&mut app, ch(c));
    }
    press(&mut app, key(KeyCode::Enter));
    // Back in the field later: Ctrl-U clears the old path, and what is typed is the path.
    press(&mut app, ch('e'));
    press(&mut app, ctrl('u'));
    assert_eq!(app.views().export.path, "");
    for c in "/tmp/new plan.html".chars() {
        press(&mut app, ch(c));
    }
    // Ctrl-W deletes the word before the cursor.
    press(&mut app, ctrl('w'));
    assert_eq!(app.views().export.path, "/tmp/new ");
    for c in "plan.html".chars() {
        press(&mut app, ch(c));
    }
    press(&mut app, key(KeyCode::Enter));
    let effects = press(&mut app, key(KeyCode::Enter));
    let [Effect::Export { path, .. }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(path, "/tmp/new plan.html");
    // The same keys in the other fields: a skip's "other" reason, the library search.
    show(&mut app, View::Library);
    press(&mut app, ch('/'));
    for c in "quad set".chars() {
        press(&mut app, ch(c));
    }
    press(&mut app, ctrl('w'));
    assert_eq!(app.views().library.query, "quad ");
    press(&mut app, ctrl('u'));
    assert_eq!(app.views().library.query, "");
}

#[test]
fn a_long_path_is_shown_in_its_field_with_the_cursor() {
    let mut app = busy_app(THEME);
    show(&mut app, View::Export);
    press(&mut app, ch('e'));
    let long = "/home/someone/Documents/physio/exports/rehab-plan-for-the-clinic-2026-11-25.html";
    for c in long.chars() {
        press(&mut app, ch(c));
    }
    let screen = draw(&app, 80, 24);
    let line = screen.lines().find(|l| l.contains("Path:")).unwrap();
    // The end, where typing goes, is on the label's line with the cursor (a reversed cell,
    // blank here) after it, cut at the front.
    assert!(
        line.contains(
            "Path:   …e/Documents/physio/exports/rehab-plan-for-the-clinic-2026-11-25.html │"
        ),
        "{screen}"
    );
    // Left, the whole path shows, wrapped under its label.
    press(&mut app, key(KeyCode::Enter));
    let screen = draw(&app, 80, 24);
    let joined: String = screen
        .lines()
        .skip_while(|l| !l.contains("Path:"))
        .take(2)
        .map(|l| {
            l.trim_matches(|c: char| c == '"' || c == '│' || c == ' ')
                .to_string()
        })
        .collect();
    assert!(
        joined.replace("Path:", "").replace(' ', "").contains(long),
        "{screen}"
    );
}
