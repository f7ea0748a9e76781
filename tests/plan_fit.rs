//! A week that fits the person (issue 27): every condition, for a runner and for someone who
//! does not run, at 30 and at 60 minutes, with cycling chosen at set-up.
//!
//! - a non-runner has no run item on any day, and a removed run is gone too;
//! - the chosen cross-training comes at least once in every week whose phase lists it;
//! - no day's exercises pass the minutes by more than the stated margin
//!   ([`rehab_planner::plan::OVERRUN_MARGIN_PCT`]) unless its core exercises alone need more
//!   (work that may move was moved first), and then the week says so for the person.

use jiff::civil::date;
use rehab_planner::catalog::{Catalog, Equipment};
use rehab_planner::plan::{
    DayPlan, Overrides, Settings, Slot, WeekPlan, build_program, program_start, within_margin,
};

const WEEKS: u32 = 20;

fn settings(minutes: u32, runner: bool) -> Settings {
    let mut s = Settings::new(program_start(date(2026, 3, 2)));
    s.minutes = minutes;
    s.equipment = vec![Equipment::Bike];
    s.cross_training = vec!["cycling".into()];
    s.no_running = !runner;
    s
}

/// The phase's core exercises: what no budget shortens (runs are sessions of their own).
fn core_minutes(day: &DayPlan) -> u32 {
    day.items
        .iter()
        .filter(|i| i.slot == Slot::Main && !i.optional)
        .map(|i| i.minutes * i.sessions.max(1))
        .sum()
}

/// The cross-training the week must hold: cycling, chosen at set-up, where the phase lists it.
fn expected_cross(catalog: &Catalog, condition: &str, week: &WeekPlan) -> Option<String> {
    let c = catalog.condition(condition).expect("condition");
    let phase = &c.phases[week.state.phase];
    phase
        .cross_training
        .iter()
        .any(|id| id == "cycling")
        .then(|| "cycling".to_string())
}

#[test]
fn every_condition_fits_runners_and_non_runners_at_30_and_60_minutes() {
    let catalog = Catalog::builtin().expect("catalog");
    let mut failures = Vec::new();
    for condition in &catalog.conditions {
        for runner in [true, false] {
            for minutes in [30, 60] {
                let s = settings(minutes, runner);
                let label = format!(
                    "{} {} {minutes} min",
                    condition.id,
                    if runner { "runner" } else { "non-runner" }
                );
                let program = build_program(&catalog, condition, &s, &Overrides::default(), WEEKS)
                    .expect("plan");
                for week in &program.weeks {
                    let w = week.state.week;
                    if !runner && let Some(day) = week.days.iter().find(|d| d.has_run()) {
                        failures.push(format!("{label} week {w}: a run on {}", day.date));
                    }
                    if let Some(want) = expected_cross(&catalog, &condition.id, week) {
                        let n = week
                            .days
                            .iter()
                            .flat_map(|d| &d.items)
                            .filter(|i| i.slot == Slot::CrossTraining && i.exercise == want)
                            .count();
                        if n == 0 {
                            failures.push(format!("{label} week {w}: no {want} in the week"));
                        }
                    }
                    for day in &week.days {
                        let total = day.exercise_minutes();
                        if total <= within_margin(minutes) {
                            continue;
                        }
                        if core_minutes(day) <= minutes {
                            failures.push(format!(
                                "{label} week {w} {}: {total} min although its core needs only {}",
                                day.date,
                                core_minutes(day)
                            ));
                        }
                        let said = week
                            .does_not_fit
                            .as_ref()
                            .is_some_and(|f| f.days.iter().any(|(d, _)| *d == day.date));
                        if !said {
                            failures.push(format!(
                                "{label} week {w} {}: {total} min and nothing said",
                                day.date
                            ));
                        }
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_non_runner_aerobic_work_takes_the_place_of_the_runs_in_knee_oa() {
    let catalog = Catalog::builtin().expect("catalog");
    let oa = catalog.condition("knee-oa").expect("knee-oa");
    let mut s = settings(30, false);
    s.equipment.clear();
    s.cross_training.clear();
    let program = build_program(&catalog, oa, &s, &Overrides::default(), 1).expect("plan");
    let week = &program.weeks[0];
    let aerobic = week
        .days
        .iter()
        .flat_map(|d| &d.items)
        .filter(|i| i.slot == Slot::CrossTraining)
        .count();
    // Knee OA's goal: aerobic exercise three to five times a week.
    assert!(aerobic >= 3, "{aerobic} aerobic sessions: {week:#?}");
    assert!(week.days.iter().all(|d| !d.has_run()));
}

#[test]
fn removing_the_run_removes_it_from_every_week() {
    let catalog = Catalog::builtin().expect("catalog");
    for condition in &catalog.conditions {
        let s = settings(60, true);
        let mut overrides = Overrides::default();
        for phase in &condition.phases {
            if let Some(run) = &phase.run.exercise {
                overrides.removed.push(run.to_string());
            }
        }
        let program = build_program(&catalog, condition, &s, &overrides, WEEKS).expect("plan");
        for week in &program.weeks {
            assert!(
                week.days.iter().all(|d| !d.has_run()),
                "{} week {}: a removed run stays",
                condition.id,
                week.state.week
            );
        }
    }
}

/// Warm-ups go with the runs: in a week with runs, exactly on the run days and before the run;
/// every weekly item's dose says how often the week holds it.
#[test]
fn warm_ups_go_with_the_runs_and_doses_say_how_often() {
    let catalog = Catalog::builtin().expect("catalog");
    let mut failures = Vec::new();
    for condition in &catalog.conditions {
        for minutes in [15, 30, 60, 90] {
            let s = settings(minutes, true);
            let program =
                build_program(&catalog, condition, &s, &Overrides::default(), WEEKS).expect("plan");
            for week in &program.weeks {
                let label = format!("{} {minutes} min week {}", condition.id, week.state.week);
                let runs = week.days.iter().any(|d| d.has_run());
                for day in &week.days {
                    let warm = day.items.iter().position(|i| i.slot == Slot::WarmUp);
                    let run = day.items.iter().position(|i| i.slot == Slot::Run);
                    match (runs, warm, run) {
                        (true, Some(_), None) => {
                            failures.push(format!("{label} {}: a warm-up with no run", day.date))
                        }
                        (true, Some(w), Some(r)) if w > r => {
                            failures.push(format!("{label} {}: warm-up after the run", day.date))
                        }
                        _ => {}
                    }
                    if run.is_some()
                        && warm.is_none()
                        && condition.phases[week.state.phase]
                            .exercises
                            .iter()
                            .any(|p| {
                                catalog
                                    .exercise(&p.exercise)
                                    .is_some_and(|e| e.kind == rehab_planner::catalog::Kind::WarmUp)
                            })
                    {
                        failures.push(format!("{label} {}: a run without its warm-up", day.date));
                    }
                }
                for item in week.days.iter().flat_map(|d| &d.items) {
                    if let rehab_planner::catalog::Frequency::PerWeek(k) = item.dose.frequency {
                        let n = week
                            .days
                            .iter()
                            .flat_map(|d| &d.items)
                            .filter(|i| i.exercise == item.exercise)
                            .count() as u32;
                        if k != n {
                            failures.push(format!(
                                "{label}: {} says {k}x a week, scheduled {n}",
                                item.exercise
                            ));
                        }
                    }
                }
            }
        }
    }
    failures.dedup();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The bottom stair is a step: without one, step-downs stay in every phase that prescribes
/// them, and their dose says where to do them; with a step, nothing is said.
#[test]
fn step_downs_use_the_bottom_stair_without_a_step() {
    let catalog = Catalog::builtin().expect("catalog");
    let mut checked = 0;
    for condition in &catalog.conditions {
        for with_step in [false, true] {
            let mut s = settings(60, true);
            s.equipment = if with_step {
                vec![Equipment::Step]
            } else {
                Vec::new()
            };
            let program =
                build_program(&catalog, condition, &s, &Overrides::default(), WEEKS).expect("plan");
            for week in &program.weeks {
                let phase = &condition.phases[week.state.phase];
                if !phase.exercises.iter().any(|p| p.exercise == "step-down") {
                    continue;
                }
                checked += 1;
                let label = format!("{} week {} step {with_step}", condition.id, week.state.week);
                let items: Vec<_> = week
                    .days
                    .iter()
                    .flat_map(|d| &d.items)
                    .filter(|i| i.exercise == "step-down")
                    .collect();
                assert!(!items.is_empty(), "{label}: no step-down: {:?}", week.notes);
                for i in items {
                    let how = i.dose.how.as_deref().unwrap_or("");
                    assert_eq!(how.contains("bottom stair"), !with_step, "{label}: {how}");
                }
                assert!(
                    !week.notes.iter().any(|n| n.contains("Step-down needs")),
                    "{label}: {:?}",
                    week.notes
                );
            }
        }
    }
    assert!(checked > 0);
}

/// Sit to stand takes the leg press's place without a gym, as the conditions say, bent no
/// further than the phase allows (a higher seat).
#[test]
fn sit_to_stand_stands_in_for_the_leg_press_within_the_bend_limit() {
    let catalog = Catalog::builtin().expect("catalog");
    let mut checked = 0;
    for condition in &catalog.conditions {
        let mut s = settings(60, true);
        s.equipment.clear();
        let program =
            build_program(&catalog, condition, &s, &Overrides::default(), WEEKS).expect("plan");
        for week in &program.weeks {
            let phase = &condition.phases[week.state.phase];
            if !phase.exercises.iter().any(|p| p.exercise == "leg-press") {
                continue;
            }
            checked += 1;
            let label = format!("{} week {}", condition.id, week.state.week);
            let stand_in: Vec<_> = week
                .days
                .iter()
                .flat_map(|d| &d.items)
                .filter(|i| i.replaces.as_deref() == Some("leg-press"))
                .collect();
            assert!(
                !stand_in.is_empty(),
                "{label}: the leg press has no stand-in"
            );
            for item in stand_in {
                assert_eq!(item.exercise, "sit-to-stand", "{label}");
                if let Some(max) = phase.max_knee_bend {
                    assert!(
                        item.dose.knee_bend.is_some_and(|b| b <= max),
                        "{label}: {:?} past {max} degrees",
                        item.dose.knee_bend
                    );
                }
            }
        }
    }
    assert!(checked > 0, "no phase prescribes the leg press");
}

/// One energy-storage drill starts at a time: no week brings in two hop or skip drills at once.
#[test]
fn one_energy_storage_drill_starts_at_a_time() {
    let catalog = Catalog::builtin().expect("catalog");
    let plyometric = |id: &str| {
        catalog
            .exercise(id)
            .is_some_and(|e| e.kind == rehab_planner::catalog::Kind::Plyometric)
    };
    let mut drills_seen = 0;
    for condition in &catalog.conditions {
        for minutes in [30, 60] {
            let s = settings(minutes, true);
            let program =
                build_program(&catalog, condition, &s, &Overrides::default(), 40).expect("plan");
            let mut seen: Vec<String> = Vec::new();
            for week in &program.weeks {
                let mut new: Vec<String> = week
                    .days
                    .iter()
                    .flat_map(|d| &d.items)
                    .map(|i| i.exercise.clone())
                    .filter(|id| plyometric(id) && !seen.contains(id))
                    .collect();
                new.sort();
                new.dedup();
                assert!(
                    new.len() <= 1,
                    "{} week {}: {new:?} start together",
                    condition.id,
                    week.state.week
                );
                drills_seen += new.len();
                seen.extend(new);
            }
        }
    }
    assert!(drills_seen > 0, "no drill in any plan");
}

/// "Add a training day" is offered exactly where one more day lowers what the week needs.
#[test]
fn a_training_day_is_offered_only_where_it_helps() {
    let catalog = Catalog::builtin().expect("catalog");
    let mut over = 0;
    for condition in &catalog.conditions {
        for (minutes, runner) in [15, 20, 30, 45]
            .into_iter()
            .flat_map(|m| [(m, true), (m, false)])
        {
            for days in 3..=6u8 {
                let mut s = settings(minutes, runner);
                s.days_per_week = days;
                let mut more = s.clone();
                more.days_per_week = days + 1;
                let weeks = |s: &Settings| {
                    build_program(&catalog, condition, s, &Overrides::default(), 12)
                        .expect("plan")
                        .weeks
                };
                for (week, next) in weeks(&s).iter().zip(weeks(&more).iter()) {
                    let Some(fit) = week.does_not_fit.as_ref() else {
                        continue;
                    };
                    over += 1;
                    let after = next.does_not_fit.as_ref().map_or(0, |f| f.need());
                    assert_eq!(
                        fit.with_a_day_more,
                        (after < fit.need()).then_some(after),
                        "{} {minutes} min {days} days week {}: needs {}, a day more {after}",
                        condition.id,
                        week.state.week,
                        fit.need()
                    );
                }
            }
        }
    }
    assert!(over > 0, "no week over the minutes: nothing was checked");
}
