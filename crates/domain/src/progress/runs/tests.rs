//! The pause, entry gate and fortnight warning applied to a built week.

use jiff::civil::date;

use super::*;
use crate::plan::{DayPlan, PlanItem, WeekState};

fn rules() -> PainRules {
    ron::from_str(
        "(amber_above: 2, morning_red_rise: 2, baseline_days: 7, progress_min_adherence_pct: 80,
          regress_red_sessions: 2, running_weekly_rise_pct: 10, running_fortnight_warn_pct: 30,
          level_passes: 2, max_levels_per_week: 2, text: [], source: \"X\")",
    )
    .expect("rules")
}

fn phase(mode: &str) -> Phase {
    ron::from_str(&format!(
        "(name: \"P\", goal: \"G\", weeks: 2, exercises: [], cross_training: [],
          run: (mode: {mode}, text: \"\", exercise: Some(\"run\")), exit_criteria: [])"
    ))
    .expect("phase")
}

/// A week with a 20-minute run on Tuesday, Thursday and Saturday.
fn week(two_weeks_ago: u32) -> WeekPlan {
    let monday = date(2026, 1, 5);
    let run = PlanItem {
        exercise: "run".into(),
        slot: Slot::Run,
        dose: ron::from_str("(sets: 1, work: Minutes(20), frequency: PerWeek(3))").expect("dose"),
        minutes: 20,
        sessions: 1,
        replaces: None,
        reason: None,
        optional: false,
        walk_run_level: None,
        eased: false,
        origin: Default::default(),
    };
    let days = (0..7)
        .map(|i| DayPlan {
            date: monday.checked_add(jiff::Span::new().days(i)).expect("date"),
            items: if [1, 3, 5].contains(&i) {
                vec![run.clone()]
            } else {
                vec![]
            },
        })
        .collect();
    WeekPlan {
        state: WeekState {
            week: 3,
            run_minutes_two_weeks_ago: two_weeks_ago,
            ..WeekState::default()
        },
        monday,
        phase_name: "P".into(),
        days,
        run_minutes: 60,
        does_not_fit: None,
        ends_heavy: false,
        notes: vec![],
    }
}

/// A log whose return-to-run check was passed before the test weeks.
fn cleared_to_run() -> Log {
    Log {
        run_entry: Some(date(2026, 1, 1)),
        ..Log::default()
    }
}

#[test]
fn continuous_running_also_waits_for_the_return_to_run_check() {
    let mut plan = week(0);
    let mut flags = Vec::new();
    adjust_runs(
        &mut plan,
        &crate::catalog::Catalog::default(),
        &phase("Continuous"),
        &Log::default(),
        &RunCarry::default(),
        &rules(),
        &mut flags,
    );
    assert_eq!(flags, vec![Flag::AwaitingRunEntry]);
    assert!(plan.days.iter().all(|d| !d.has_run()));
}

#[test]
fn a_rise_over_thirty_percent_in_two_weeks_is_flagged() {
    // 60 minutes now: 46 two weeks ago is a 30.4% rise, 47 is 27.7%.
    for (two_ago, warned) in [(46, true), (47, false), (0, false)] {
        let mut plan = week(two_ago);
        let mut flags = Vec::new();
        let carry = RunCarry::default();
        adjust_runs(
            &mut plan,
            &crate::catalog::Catalog::default(),
            &phase("Continuous"),
            &cleared_to_run(),
            &carry,
            &rules(),
            &mut flags,
        );
        let got = flags
            .iter()
            .any(|f| matches!(f, Flag::FortnightRise { .. }));
        assert_eq!(got, warned, "two weeks ago {two_ago}: {flags:?}");
    }
}

#[test]
fn held_running_time_is_spread_over_the_runs() {
    let mut plan = week(0);
    let carry = RunCarry {
        target_weekly: Some(50),
        ..RunCarry::default()
    };
    adjust_runs(
        &mut plan,
        &crate::catalog::Catalog::default(),
        &phase("Continuous"),
        &cleared_to_run(),
        &carry,
        &rules(),
        &mut Vec::new(),
    );
    assert_eq!(plan.run_minutes, 48);
    assert!(
        plan.days
            .iter()
            .flat_map(|d| &d.items)
            .all(|i| i.dose.work == Work::Minutes(16))
    );
}

#[test]
fn walk_run_waits_for_its_entry_criteria_and_pauses_remove_runs() {
    let mut gated = week(0);
    let mut flags = Vec::new();
    adjust_runs(
        &mut gated,
        &crate::catalog::Catalog::default(),
        &phase("WalkRun"),
        &Log::default(),
        &RunCarry::default(),
        &rules(),
        &mut flags,
    );
    assert!(!gated.days.iter().any(|d| d.has_run()));
    assert_eq!(flags, vec![Flag::AwaitingRunEntry]);

    let log = Log {
        run_entry: Some(date(2026, 1, 5)),
        ..Log::default()
    };
    let mut open = week(0);
    adjust_runs(
        &mut open,
        &crate::catalog::Catalog::default(),
        &phase("WalkRun"),
        &log,
        &RunCarry::default(),
        &rules(),
        &mut Vec::new(),
    );
    assert!(open.days.iter().any(|d| d.has_run()));

    let mut paused = week(0);
    let carry = RunCarry {
        clinician_since: Some(date(2025, 12, 29)),
        ..RunCarry::default()
    };
    let mut flags = Vec::new();
    adjust_runs(
        &mut paused,
        &crate::catalog::Catalog::default(),
        &phase("Continuous"),
        &log,
        &carry,
        &rules(),
        &mut flags,
    );
    assert_eq!(
        (paused.run_minutes, paused.days.iter().any(|d| d.has_run())),
        (0, false)
    );
    assert_eq!(
        flags,
        vec![
            Flag::ClinicianDue(date(2025, 12, 29)),
            Flag::RunningPaused(UNTIL_ASSESSED.into())
        ]
    );
}

#[test]
fn the_next_week_is_planned_from_the_running_done() {
    // Last week prescribed 55 min; this week's plan (60 min) rises from it.
    let planned = |ran: Vec<(jiff::civil::Date, u32)>| {
        let mut plan = week(0);
        plan.state.previous_run_minutes = 55;
        let log = Log {
            ran,
            ..cleared_to_run()
        };
        cap_to_actual(&mut plan, &log, &rules());
        (plan.run_minutes, plan.notes.join(" "))
    };
    // No watch record: the plan as built.
    assert_eq!(planned(vec![]).0, 60);
    // 40 min actually run last week: at most 44 this week (spread over 3 runs: 14 each).
    let (minutes, note) = planned(vec![
        (date(2025, 12, 30), 20 * 60),
        (date(2026, 1, 1), 20 * 60),
    ]);
    assert_eq!(minutes, 42);
    assert!(note.contains("10% over the 40 min"), "{note}");
    // A run of this week does not count for last week.
    assert_eq!(planned(vec![(date(2026, 1, 5), 20 * 60)]).0, 60);
    // 70 min run against 55 prescribed: held at 55.
    let (minutes, note) = planned(vec![(date(2026, 1, 2), 70 * 60)]);
    assert_eq!(minutes, 54);
    assert!(note.contains("held"), "{note}");
    // Ran about what was prescribed: the rise stands.
    assert_eq!(planned(vec![(date(2026, 1, 2), 55 * 60)]).0, 60);
}
