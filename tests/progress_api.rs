//! The engine's public surface: determinism, the built-in library, the adapted week and the
//! lines the CLI, the TUI and printed plans show.

use crate::progress_support;

use progress_support::{catalog, load_scenario, play, settings};
use rehab_planner::catalog::Catalog;
use rehab_planner::plan::Overrides;
use rehab_planner::progress::{self, Log, Rule, Verdict};

#[test]
fn same_journal_gives_the_same_decisions_in_any_order() {
    let catalog = catalog();
    for name in ["steady_green.ron", "red_runs.ron", "two_red_sessions.ron"] {
        let scenario = load_scenario(name);
        let (log, first) = play(&catalog, &scenario);
        let condition = catalog.condition(&scenario.condition).expect("condition");
        let again = |log: &Log| {
            progress::run(
                &catalog,
                condition,
                &settings(),
                &scenario.overrides,
                log,
                scenario.weeks,
            )
            .expect("run")
        };
        assert_eq!(again(&log), first, "{name}: second run differs");
        let mut reversed = log.clone();
        reversed.days.reverse();
        assert_eq!(
            again(&reversed),
            first,
            "{name}: day order changed the result"
        );
    }
}

#[test]
fn every_builtin_condition_holds_without_logs_and_progresses_with_green_ones() {
    let catalog = Catalog::builtin().expect("built-in library");
    assert!(!catalog.conditions.is_empty());
    for condition in &catalog.conditions {
        let empty = progress::run(
            &catalog,
            condition,
            &settings(),
            &Overrides::default(),
            &Log::default(),
            4,
        )
        .expect("run");
        for week in &empty {
            assert_eq!(week.decision.verdict, Verdict::Hold, "{}", condition.id);
            assert_eq!(week.decision.rule, Rule::NoLogs, "{}", condition.id);
            assert_eq!(
                week.plan.state.phase, 0,
                "{}: no logs, no phase change",
                condition.id
            );
            assert_eq!(week.plan.state.week_in_phase, 1, "{}", condition.id);
        }
        let scenario = progress_support::Scenario {
            condition: condition.id.to_string(),
            overrides: Overrides::default(),
            weeks: 2,
            follow: vec![progress_support::Follow {
                weeks: (1, 2),
                pain: Some(1),
                run_pain: Some(1),
                morning: Some(1),
                done_days: None,
                skip: Vec::new(),
            }],
            events: Vec::new(),
            phase_exits: Vec::new(),
            run_entry_week: None,
            assessed_week: None,
            expect: Vec::new(),
        };
        let (_, green) = play(&catalog, &scenario);
        assert_eq!(
            green[0].decision.verdict,
            Verdict::Progress,
            "{}: {}",
            condition.id,
            green[0].decision_line()
        );
    }
}

#[test]
fn adapted_week_prints_the_decision_that_shaped_it() {
    let catalog = catalog();
    let scenario = load_scenario("one_red_exercise.ron");
    let (log, outcomes) = play(&catalog, &scenario);
    let condition = catalog.condition("tp-knee").expect("condition");
    let adapted = progress::adapted_week(
        &catalog,
        condition,
        &settings(),
        &Overrides::default(),
        &log,
        2,
    )
    .expect("week 2");
    assert_eq!(adapted.plan, outcomes[1].plan);
    assert_eq!(
        adapted.header_lines(),
        vec![
            "week 2, after week 1: held: 1 red session (2026-01-08: exercise pain 6, ceiling 3); progress needs none".to_string(),
            "  Test squat eased one step".to_string(),
        ]
    );
    let eased = adapted
        .plan
        .days
        .iter()
        .flat_map(|d| &d.items)
        .find(|i| i.exercise == "tp-squat-easy")
        .expect("eased squat in week 2");
    assert_eq!(eased.replaces.as_deref(), Some("tp-squat"));

    let first = progress::adapted_week(
        &catalog,
        condition,
        &settings(),
        &Overrides::default(),
        &log,
        1,
    )
    .expect("week 1");
    assert_eq!(first.because, None);
    assert_eq!(
        first.header_lines(),
        vec!["week 1: the starting plan".to_string()]
    );
    assert!(
        progress::adapted_week(
            &catalog,
            condition,
            &settings(),
            &Overrides::default(),
            &log,
            0
        )
        .is_err()
    );
}

#[test]
fn history_lines_name_the_week_and_the_rule() {
    let catalog = catalog();
    let (_, outcomes) = play(&catalog, &load_scenario("adherence.ron"));
    let on = |m, d| jiff::civil::date(2026, m, d);
    assert_eq!(
        progress::history_lines(&outcomes, on(1, 19)),
        vec![
            "week 1: held: adherence 50%, needs 80%".to_string(),
            "week 2: progressed: adherence 100%, no red sessions, median pain 1, morning pain 1"
                .to_string(),
        ]
    );
    // On the last Sunday of week 2 it is still running; week 3 has not begun.
    assert_eq!(
        progress::history_lines(&outcomes, on(1, 18)),
        vec![
            "week 1: held: adherence 50%, needs 80%".to_string(),
            "week 2 (so far, if it ended today): progressed: adherence 100%, no red sessions, median pain 1, morning pain 1"
                .to_string(),
        ]
    );
    assert_eq!(
        progress::history_lines(&outcomes, on(1, 7)),
        vec!["week 1 (so far, if it ended today): held: adherence 50%, needs 80%".to_string()]
    );
}

#[test]
fn week_of_counts_from_the_starting_monday() {
    let s = settings();
    let d = |m, day| jiff::civil::date(2026, m, day);
    use rehab_planner::plan::ProgramWeek;
    assert!(matches!(
        ProgramWeek::of(&s, d(1, 4)),
        ProgramWeek::BeforeStart { .. }
    ));
    assert_eq!(ProgramWeek::of(&s, d(1, 5)), ProgramWeek::Week(1));
    assert_eq!(ProgramWeek::of(&s, d(1, 11)), ProgramWeek::Week(1));
    assert_eq!(ProgramWeek::of(&s, d(1, 12)), ProgramWeek::Week(2));
    assert_eq!(ProgramWeek::of(&s, d(3, 2)), ProgramWeek::Week(9));
}

#[test]
fn a_library_without_pain_rules_is_an_error_not_a_panic() {
    let mut catalog = catalog();
    catalog.pain_rules = None;
    let condition = catalog.condition("tp-knee").expect("condition").clone();
    let err = progress::run(
        &catalog,
        &condition,
        &settings(),
        &Overrides::default(),
        &Log::default(),
        1,
    )
    .expect_err("no rules");
    assert!(err.to_string().contains("pain_rules"), "{err}");
}
