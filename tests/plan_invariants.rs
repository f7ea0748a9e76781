//! Every condition builds a 12-week program under a matrix of settings, and every promise the
//! builder makes holds in every week.

use jiff::civil::{Date, date};
use proptest::prelude::*;
use rehab_planner::catalog::{Catalog, Condition, Equipment, Frequency, Kind};
use rehab_planner::plan::{Day, Overrides, Program, Settings, Slot, build_program};

fn catalog() -> Catalog {
    Catalog::builtin().expect("the built-in library validates")
}

fn equipment_sets() -> Vec<Vec<Equipment>> {
    vec![
        vec![],
        vec![Equipment::Band, Equipment::Step],
        Equipment::ALL.to_vec(),
    ]
}

fn run_day_sets() -> Vec<Vec<Day>> {
    vec![
        vec![],
        vec![Day::Tue, Day::Thu, Day::Sat],
        vec![Day::Mon, Day::Tue, Day::Wed, Day::Thu],
        vec![Day::Sun, Day::Mon],
    ]
}

fn settings(
    start: Date,
    days: u8,
    run_days: Vec<Day>,
    equipment: Vec<Equipment>,
    minutes: u32,
) -> Settings {
    Settings {
        start,
        days_per_week: days,
        run_days,
        equipment,
        minutes,
        cross_training: vec!["swimming".into(), "cycling".into()],
    }
}

/// Checks every invariant of one program; returns the first broken one.
fn check(
    catalog: &Catalog,
    condition: &Condition,
    s: &Settings,
    program: &Program,
) -> Result<(), String> {
    if program.weeks.len() != 12 {
        return Err(format!("{} weeks, expected 12", program.weeks.len()));
    }
    let mut previous_run_minutes: Option<u32> = None;
    let mut heavy_days: Vec<(Date, String)> = Vec::new();
    for (w, week) in program.weeks.iter().enumerate() {
        let label = format!("{} week {}", condition.id, w + 1);
        if week.monday.weekday() != jiff::civil::Weekday::Monday || week.days.len() != 7 {
            return Err(format!("{label}: weeks must be seven days from a Monday"));
        }
        for (i, day) in week.days.iter().enumerate() {
            let expected = week
                .monday
                .checked_add(jiff::Span::new().days(i as i64))
                .expect("date");
            if day.date != expected {
                return Err(format!("{label}: day {i} is {} not {expected}", day.date));
            }
            if day.date < s.start && !day.is_rest() {
                return Err(format!(
                    "{label} {}: items before the start date {}",
                    day.date, s.start
                ));
            }
            if day.minutes() > s.minutes {
                return Err(format!(
                    "{label} {}: {} min planned, only {} available",
                    day.date,
                    day.minutes(),
                    s.minutes
                ));
            }
            let slots: Vec<Slot> = day.items.iter().map(|i| i.slot).collect();
            if !slots.is_sorted() {
                return Err(format!(
                    "{label} {}: items out of order {slots:?}",
                    day.date
                ));
            }
            let has_run = day.has_run();
            if has_run && !s.run_days.is_empty() && !s.run_days.contains(&Day::of(day.date)) {
                return Err(format!(
                    "{label} {}: a run on a day that is not a run day",
                    day.date
                ));
            }
            for item in &day.items {
                let e = catalog
                    .exercise(&item.exercise)
                    .ok_or(format!("{label}: unknown {}", item.exercise))?;
                if let Some(missing) = e.equipment.iter().find(|q| !s.equipment.contains(q)) {
                    return Err(format!(
                        "{label} {}: {} needs {} which is not at hand",
                        day.date,
                        e.id,
                        missing.label()
                    ));
                }
                if item.slot == Slot::CrossTraining && has_run {
                    return Err(format!("{label} {}: cross-training on a run day", day.date));
                }
                if matches!(e.kind, Kind::Strength | Kind::Eccentric)
                    && matches!(item.dose.frequency, Frequency::PerWeek(_))
                {
                    heavy_days.push((day.date, e.id.clone()));
                }
                for avoid in &condition.avoid_early {
                    if (week.state.phase as u32) + 1 < avoid.until_phase
                        && avoid.exercises.contains(&item.exercise)
                    {
                        return Err(format!(
                            "{label}: {} is on the avoid-early list until phase {}",
                            item.exercise, avoid.until_phase
                        ));
                    }
                }
            }
        }
        if let Some(prev) = previous_run_minutes
            && prev > 0
            && week.run_minutes > prev + prev / 10
        {
            return Err(format!(
                "{label}: running rose from {prev} to {} min (> 10%)",
                week.run_minutes
            ));
        }
        previous_run_minutes = Some(week.run_minutes);
    }
    for (date, id) in &heavy_days {
        let next = date.tomorrow().expect("date");
        if heavy_days
            .iter()
            .any(|(d, other)| *d == next && other == id)
        {
            return Err(format!(
                "{}: heavy work {id} on consecutive days {date} and {next}",
                condition.id
            ));
        }
    }
    Ok(())
}

#[test]
fn every_condition_builds_twelve_weeks_under_a_matrix_of_settings() {
    let catalog = catalog();
    let mut programs = 0;
    for condition in &catalog.conditions {
        for days in 3..=7u8 {
            for equipment in equipment_sets() {
                for run_days in run_day_sets() {
                    for minutes in [15, 30, 60] {
                        let s = settings(
                            date(2026, 11, 25),
                            days,
                            run_days.clone(),
                            equipment.clone(),
                            minutes,
                        );
                        let program =
                            build_program(&catalog, condition, &s, &Overrides::default(), 12)
                                .unwrap_or_else(|e| panic!("{} with {s:?}: {e}", condition.id));
                        if let Err(broken) = check(&catalog, condition, &s, &program) {
                            panic!("{broken}\nsettings: {s:?}");
                        }
                        programs += 1;
                    }
                }
            }
        }
    }
    assert_eq!(programs, catalog.conditions.len() * 5 * 3 * 4 * 3);
}

#[test]
fn same_inputs_give_the_same_plan_byte_for_byte() {
    let catalog = catalog();
    for condition in &catalog.conditions {
        let s = settings(
            date(2026, 3, 4),
            5,
            vec![Day::Tue, Day::Sat],
            vec![Equipment::Band],
            40,
        );
        let a = build_program(&catalog, condition, &s, &Overrides::default(), 12).expect("plan");
        let b = build_program(&catalog, condition, &s, &Overrides::default(), 12).expect("plan");
        let text_a = ron::ser::to_string(&a).expect("serialise");
        let text_b = ron::ser::to_string(&b).expect("serialise");
        assert_eq!(
            text_a, text_b,
            "{} differs between two builds",
            condition.id
        );
    }
}

#[test]
fn rest_days_are_explicit_and_training_days_are_respected() {
    let catalog = catalog();
    let condition = catalog.condition("pfps").expect("pfps");
    let s = settings(date(2026, 11, 23), 3, vec![], vec![], 60);
    let program = build_program(&catalog, condition, &s, &Overrides::default(), 2).expect("plan");
    let week = &program.weeks[0];
    let training = week
        .days
        .iter()
        .filter(|d| {
            d.items
                .iter()
                .any(|i| !matches!(i.slot, Slot::Run | Slot::WarmUp))
        })
        .count();
    assert!(
        training <= 3,
        "3 training days asked, yet {training} days of exercise"
    );
    assert!(
        week.days.iter().any(|d| d.is_rest()),
        "no explicit rest day"
    );
}

#[test]
fn bad_settings_are_refused_with_a_reason() {
    let catalog = catalog();
    let condition = catalog.condition("itbs").expect("itbs");
    let mut s = settings(date(2026, 11, 23), 2, vec![], vec![], 30);
    let err = build_program(&catalog, condition, &s, &Overrides::default(), 1).expect_err("2 days");
    assert!(err.to_string().contains("3-7"), "{err}");
    s.days_per_week = 4;
    s.minutes = 5;
    let err =
        build_program(&catalog, condition, &s, &Overrides::default(), 1).expect_err("5 minutes");
    assert!(err.to_string().contains("10-240"), "{err}");
}

#[test]
fn overrides_win_over_the_schedule() {
    let catalog = catalog();
    let condition = catalog.condition("pfps").expect("pfps");
    let s = settings(date(2026, 11, 23), 5, vec![], Equipment::ALL.to_vec(), 90);
    let first = &condition.phases[0].exercises[0].exercise;
    let overrides = Overrides {
        pinned_phase: Some(1),
        removed: vec![first.clone()],
        ..Overrides::default()
    };
    let program = build_program(&catalog, condition, &s, &overrides, 12).expect("plan");
    for week in &program.weeks {
        assert_eq!(week.state.phase, 0, "pinned to phase 1");
        assert!(
            week.days
                .iter()
                .flat_map(|d| &d.items)
                .all(|i| &i.exercise != first),
            "{first} was removed"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn random_settings_keep_every_invariant(
        condition in 0usize..5,
        days in 3u8..=7,
        run_mask in 0u8..128,
        equipment_mask in 0u8..64,
        minutes in 10u32..=240,
        start_offset in 0i64..400,
    ) {
        let catalog = catalog();
        let condition = &catalog.conditions[condition % catalog.conditions.len()];
        let run_days: Vec<Day> = Day::ALL.into_iter().filter(|d| run_mask & (1 << d.index()) != 0).collect();
        let equipment: Vec<Equipment> = Equipment::ALL.into_iter().enumerate().filter(|(i, _)| equipment_mask & (1 << i) != 0).map(|(_, e)| e).collect();
        let start = date(2026, 1, 1).checked_add(jiff::Span::new().days(start_offset)).expect("date");
        let s = settings(start, days, run_days, equipment, minutes);
        let program = build_program(&catalog, condition, &s, &Overrides::default(), 12).expect("plan");
        if let Err(broken) = check(&catalog, condition, &s, &program) {
            prop_assert!(false, "{}\nsettings: {:?}", broken, s);
        }
    }
}

#[test]
fn a_conditions_exercise_list_holds_everything_its_plans_schedule() {
    let catalog = catalog();
    for condition in &catalog.conditions {
        let listed: Vec<&str> = catalog
            .exercises_for(condition)
            .iter()
            .map(|e| e.id.as_str())
            .collect();
        for equipment in equipment_sets() {
            let s = settings(
                date(2026, 11, 23),
                5,
                vec![Day::Tue, Day::Sat],
                equipment,
                60,
            );
            let program =
                build_program(&catalog, condition, &s, &Overrides::default(), 16).expect("plan");
            for item in program
                .weeks
                .iter()
                .flat_map(|w| &w.days)
                .flat_map(|d| &d.items)
            {
                assert!(
                    listed.contains(&item.exercise.as_str()),
                    "{}: `{}` is scheduled but not in `rehab exercises --condition {}`",
                    condition.id,
                    item.exercise,
                    condition.id
                );
            }
        }
    }
}
