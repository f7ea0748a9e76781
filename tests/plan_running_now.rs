//! A week that fits the person (issue 27): every condition, any start weekday, 3-7 days,
//! 15-90 minutes, any equipment, and how the person runs now (not running now, 2 x 20, 4 x 45,
//! does not run).
//!
//! - no day's exercises pass the minutes by more than the margin unless the week's first line
//!   says it cannot fit and names that day;
//! - someone who does not run has no run item, and no return-to-running check to record;
//! - the first run is never longer than the person's usual run (walk-run counts its running);
//! - the chosen cross-training comes at least as often as the phase's rule says.

use jiff::ToSpan;
use jiff::civil::date;
use proptest::prelude::*;
use rehab_planner::catalog::{Catalog, Equipment};
use rehab_planner::journal::JournalState;
use rehab_planner::plan::{
    Overrides, Program, RunningNow, Settings, Slot, build_program, within_margin,
};
use rehab_planner::profile::Profile;
use rehab_planner::session::Standing;

const WEEKS: u32 = 20;

/// How the person runs now: `None` is "does not run".
fn running_kinds() -> Vec<Option<RunningNow>> {
    vec![
        Some(RunningNow::NotNow),
        Some(RunningNow::Runs {
            per_week: 2,
            minutes: 20,
        }),
        Some(RunningNow::Runs {
            per_week: 4,
            minutes: 45,
        }),
        None,
    ]
}

fn settings(
    weekday: i64,
    days: u8,
    minutes: u32,
    now: Option<RunningNow>,
    cross: &str,
    equipment: &[Equipment],
) -> Settings {
    // 2026-03-02 is a Monday: the start falls on any weekday.
    let mut s = Settings::new(date(2026, 3, 2).checked_add(weekday.days()).expect("date"));
    s.days_per_week = days;
    s.minutes = minutes;
    s.equipment = equipment.to_vec();
    s.cross_training = vec![cross.to_string()];
    s.no_running = now.is_none();
    s.running_now = now;
    s
}

/// The running minutes of the program's first run: a walk-run session counts its running only.
fn first_run_minutes(catalog: &Catalog, program: &Program) -> Option<u32> {
    let item = program
        .weeks
        .iter()
        .flat_map(|w| &w.days)
        .flat_map(|d| &d.items)
        .find(|i| i.slot == Slot::Run)?;
    Some(
        match item.walk_run_level.and_then(|l| catalog.walk_run_level(l)) {
            Some(level) => level.running_minutes(),
            None => item.dose.work.amount() * item.dose.sets.max(1),
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn running_starts_where_the_person_is(
        condition in 0usize..5,
        weekday in 0i64..7,
        days in 3u8..=7,
        minutes in 15u32..=90,
        now in 0usize..4,
        cross in prop::sample::select(vec!["cycling", "flat-walking"]),
        equipment in prop::sample::subsequence(Equipment::ALL.to_vec(), 0..=6),
    ) {
        let catalog = Catalog::builtin().expect("catalog");
        let c = &catalog.conditions[condition % catalog.conditions.len()];
        let now = running_kinds()[now];
        let s = settings(weekday, days, minutes, now, cross, &equipment);
        let label = format!(
            "{} {:?} {days} days {minutes} min start +{weekday} {equipment:?}",
            c.id, now
        );
        let program = build_program(&catalog, c, &s, &Overrides::default(), WEEKS)
            .expect("builds");

        match now {
            None => {
                let run = program
                    .weeks
                    .iter()
                    .flat_map(|w| &w.days)
                    .flat_map(|d| &d.items)
                    .find(|i| i.slot == Slot::Run);
                prop_assert!(run.is_none(), "{label}: a run item for a non-runner: {run:?}");
                // No return-to-running check to record, in `rehab criteria` and the Program view.
                let profile = Profile::new("p", c.id.to_string(), s.clone());
                let today = s.start.checked_add(21.days()).expect("date");
                let standing =
                    Standing::compute(&catalog, &profile, &JournalState::default(), today);
                let rows = standing.criteria_rows(&catalog, &JournalState::default());
                prop_assert!(
                    rows.iter().all(|r| r.id != rehab_planner::progress::RUN_ENTRY_CRITERIA),
                    "{label}: a return-to-running check for a non-runner"
                );
            }
            Some(RunningNow::Runs { minutes: usual, .. }) => {
                if let Some(first) = first_run_minutes(&catalog, &program) {
                    prop_assert!(
                        first <= usual,
                        "{label}: the first run has {first} min of running, usual {usual}"
                    );
                }
            }
            Some(RunningNow::NotNow) => {
                // Someone not running now starts with the walk-run levels, never a run.
                let first = program
                    .weeks
                    .iter()
                    .flat_map(|w| &w.days)
                    .flat_map(|d| &d.items)
                    .find(|i| i.slot == Slot::Run);
                if let Some(first) = first {
                    prop_assert!(
                        first.walk_run_level.is_some(),
                        "{label}: the first run is not walk-run: {first:?}"
                    );
                }
            }
        }

        // No day's exercises past the minutes unless the week says so first and names the day.
        for week in &program.weeks {
            for day in &week.days {
                let need = day.exercise_minutes();
                let said = week
                    .does_not_fit
                    .as_ref()
                    .is_some_and(|f| f.days.iter().any(|(d, _)| *d == day.date));
                prop_assert!(
                    need <= within_margin(minutes) || said,
                    "{label}: {} needs {need} min and nothing says so",
                    day.date
                );
            }
        }

        // The chosen kind, as often as the phase's rule (at least once where the phase lists
        // it), in every full week, when the equipment allows it.
        let kind = catalog.exercise(cross).expect("cross-training exercise");
        let can = kind.equipment.iter().all(|e| equipment.contains(e));
        for week in program.weeks.iter().skip(1).filter(|_| can) {
            let phase = &c.phases[week.state.phase];
            if !phase.cross_training.iter().any(|id| id == cross) {
                continue;
            }
            let wanted = phase.cross_training_per_week.max(1);
            let got = week
                .days
                .iter()
                .flat_map(|d| &d.items)
                .filter(|i| i.slot == Slot::CrossTraining && i.exercise == cross)
                .count() as u32;
            prop_assert!(
                got >= wanted,
                "{label}: week {} has {got} x {cross}, the phase asks {wanted}",
                week.state.week
            );
        }
    }
}
