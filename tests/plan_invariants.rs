//! Every condition builds a 12-week program under a matrix of settings, and every promise the
//! builder makes holds in every week.

use jiff::civil::{Date, date};
use proptest::prelude::*;
use rehab_planner::catalog::{Catalog, Condition, Equipment, Frequency, Kind, RunMode};
use rehab_planner::plan::{
    Day, DayPlan, Overrides, PlanItem, Program, Settings, Slot, build_program, program_start,
    within_margin,
};

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
    // Starts are moved to their Monday wherever a person gives one (`plan::check_start`).
    Settings {
        start: program_start(start),
        days_per_week: days,
        run_days,
        equipment,
        minutes,
        cross_training: vec!["swimming".into(), "cycling".into()],
        no_running: false,
        running_now: None,
    }
}

/// Runs, walk-run sessions and the phase's core exercises: never removed for time.
fn must_stay(i: &PlanItem) -> bool {
    i.slot == Slot::Run || (i.slot == Slot::Main && !i.optional)
}

/// A day's exercises against the minutes set: runs and cross-training are sessions of their own.
fn day_minutes(day: &DayPlan) -> u32 {
    day.exercise_minutes()
}

/// Whether a day's list keeps its order: the exercises first (a warm-up opens a day without a
/// run), then the run session (warm-up, run, stretches after it), cross-training last.
fn in_session_order(day: &DayPlan) -> bool {
    let at = |slot: Slot| -> Vec<usize> {
        day.items
            .iter()
            .enumerate()
            .filter(|(_, i)| i.slot == slot)
            .map(|(n, _)| n)
            .collect()
    };
    let (warm, main, run) = (at(Slot::WarmUp), at(Slot::Main), at(Slot::Run));
    let (stretch, cross) = (at(Slot::Stretch), at(Slot::CrossTraining));
    let all_before = |a: &[usize], b: &[usize]| a.iter().all(|x| b.iter().all(|y| x < y));
    let cross_last = all_before(
        &[warm.clone(), main.clone(), run.clone(), stretch.clone()].concat(),
        &cross,
    );
    if run.is_empty() {
        cross_last && all_before(&warm, &main) && all_before(&main, &stretch)
    } else {
        cross_last
            && all_before(&main, &warm)
            && all_before(&warm, &run)
            && all_before(&run, &stretch)
    }
}

/// The runs and core items of every week: what no time budget may change. Work may move to a
/// lighter day of the same week to fit the minutes (issue 27), so each week is compared as a
/// whole, sorted.
fn core_of(program: &Program) -> Vec<Vec<(String, u32)>> {
    program
        .weeks
        .iter()
        .map(|w| {
            let mut items: Vec<(String, u32)> = w
                .days
                .iter()
                .flat_map(|d| &d.items)
                .filter(|i| must_stay(i))
                .map(|i| (i.exercise.clone(), i.sessions))
                .collect();
            items.sort();
            items
        })
        .collect()
}

/// Whether a program is the library's own (no clinician's overrides): set per build below.
fn program_is_the_librarys(program: &Program) -> bool {
    !program.condition.ends_with("+overrides")
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
            // Over the minutes only when the runs and core exercises alone need more, and
            // then the week says so once.
            if day_minutes(day) > s.minutes
                && let Some(extra) = day.items.iter().find(|i| {
                    // Cross-training is a session of its own; a run keeps its warm-up.
                    !must_stay(i)
                        && i.slot != Slot::CrossTraining
                        && !(day.has_run() && i.slot == Slot::WarmUp)
                })
            {
                return Err(format!(
                    "{label} {}: over {} min yet {} kept",
                    day.date, s.minutes, extra.exercise
                ));
            }
            if day_minutes(day) > within_margin(s.minutes)
                && !week
                    .does_not_fit
                    .as_ref()
                    .is_some_and(|f| f.days.iter().any(|(d, _)| *d == day.date))
            {
                return Err(format!(
                    "{label} {}: {} min over the minutes and not said",
                    day.date,
                    day_minutes(day)
                ));
            }
            if !in_session_order(day) {
                let slots: Vec<Slot> = day.items.iter().map(|i| i.slot).collect();
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
                // The bottom stair does as a step for the exercises that say so.
                let at_home = |q: &Equipment| e.bottom_stair && *q == Equipment::Step;
                if let Some(missing) = e
                    .equipment
                    .iter()
                    .find(|q| !s.equipment.contains(q) && !at_home(q))
                {
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
                    heavy_days.push((day.date, e.id.to_string()));
                }
                let phase = &condition.phases[week.state.phase.min(condition.phases.len() - 1)];
                // A higher seat sets a sit to stand's bend: its dose says how far.
                let bend = if e.seat_sets_bend {
                    item.dose.knee_bend
                } else {
                    e.knee_bend
                };
                if let (Some(bend), Some(max)) = (bend, phase.max_knee_bend)
                    && bend > max
                {
                    return Err(format!(
                        "{label}: {} bends the knee to {bend} degrees, past the phase's {max}",
                        e.id
                    ));
                }
                for avoid in &condition.avoid_early {
                    if (week.state.phase as u32) + 1 < avoid.until_phase
                        && avoid.exercises.iter().any(|x| *x == item.exercise)
                    {
                        return Err(format!(
                            "{label}: {} is on the avoid-early list until phase {}",
                            item.exercise, avoid.until_phase
                        ));
                    }
                }
            }
        }
        // Daily protocols are daily: every day of the week, unless a comfort item was left out
        // for time and the week says so.
        for item in week.days.iter().flat_map(|d| &d.items) {
            let name = catalog
                .exercise(&item.exercise)
                .map_or("", |e| e.name.as_str());
            let said_left_out = !must_stay(item)
                && week
                    .notes
                    .iter()
                    .any(|n| n.starts_with("Left out to fit") && n.contains(name));
            if matches!(item.dose.frequency, Frequency::Daily(_))
                && !said_left_out
                && let Some(missing) = week.days.iter().find(|d| {
                    d.date >= s.start && !d.items.iter().any(|i| i.exercise == item.exercise)
                })
            {
                return Err(format!(
                    "{label}: daily {} missing on {}",
                    item.exercise, missing.date
                ));
            }
        }
        // Runs in every phase that allows running, none where it does not.
        let phase = &condition.phases[week.state.phase.min(condition.phases.len() - 1)];
        let allows = phase.run.mode != RunMode::None && phase.run.exercise.is_some();
        let runs = week.days.iter().any(|d| d.has_run());
        if allows != runs {
            return Err(format!(
                "{label}: phase {} {} running but the week has {} runs",
                week.state.phase + 1,
                if allows { "allows" } else { "does not allow" },
                if runs { "" } else { "no" }
            ));
        }
        // One new energy-storage drill at a time, and never in the week walk-run starts or
        // moves up a level (clinical basis 5.3 and 7).
        let drills = |w: &rehab_planner::plan::WeekPlan| -> Vec<String> {
            let mut ids: Vec<String> = w
                .days
                .iter()
                .flat_map(|d| &d.items)
                .filter(|i| {
                    catalog
                        .exercise(&i.exercise)
                        .is_some_and(|e| e.kind == Kind::Plyometric)
                })
                .map(|i| i.exercise.clone())
                .collect();
            ids.sort();
            ids.dedup();
            ids
        };
        // (The library's rule: a clinician who adds drills chooses their own order.)
        if w > 0 && program_is_the_librarys(program) {
            let before = &program.weeks[w - 1];
            let new: Vec<String> = drills(week)
                .into_iter()
                .filter(|d| !drills(before).contains(d))
                .collect();
            if new.len() > 1 {
                return Err(format!(
                    "{label}: {} new hop drills at once: {new:?}",
                    new.len()
                ));
            }
            let level = |w: &rehab_planner::plan::WeekPlan| {
                w.days
                    .iter()
                    .flat_map(|d| &d.items)
                    .find_map(|i| i.walk_run_level)
            };
            if !new.is_empty() && level(week).is_some() && level(week) != level(before) {
                return Err(format!(
                    "{label}: a new hop drill and a walk-run step in the same week"
                ));
            }
        }
        // No phase is skipped.
        if w > 0 && week.state.phase > program.weeks[w - 1].state.phase + 1 {
            return Err(format!("{label}: a phase was skipped"));
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
                        // Fewer minutes never drop a run or a core exercise.
                        let roomy = Settings {
                            minutes: 240,
                            ..s.clone()
                        };
                        let full =
                            build_program(&catalog, condition, &roomy, &Overrides::default(), 12)
                                .expect("plan");
                        assert_eq!(
                            core_of(&program),
                            core_of(&full),
                            "{} lost core work at {minutes} min: {s:?}",
                            condition.id
                        );
                    }
                }
            }
        }
    }
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

/// Days a week counts the days with exercise sessions whatever the weekday of the start; runs
/// and cross-training are sessions of their own, stretches go after the runs, and daily
/// protocols come on top, every day.
#[test]
fn week_one_holds_the_chosen_training_days_from_any_start() {
    let catalog = catalog();
    for condition in &catalog.conditions {
        for offset in 0..7 {
            for days in 3..=7u8 {
                let start = date(2026, 11, 23)
                    .checked_add(jiff::Span::new().days(offset))
                    .expect("date");
                let s = settings(start, days, vec![Day::Tue, Day::Thu, Day::Sat], vec![], 60);
                let program =
                    build_program(&catalog, condition, &s, &Overrides::default(), 1).expect("plan");
                let week = &program.weeks[0];
                assert_eq!(
                    week.monday, s.start,
                    "{}: week 1 starts on the start",
                    condition.id
                );
                let training = week
                    .days
                    .iter()
                    .filter(|d| {
                        d.items.iter().any(|i| {
                            matches!(i.dose.frequency, Frequency::PerWeek(_))
                                && matches!(i.slot, Slot::Main | Slot::SoftTissue)
                        })
                    })
                    .count();
                assert!(
                    training <= usize::from(days),
                    "{} from {start}: {days} training days asked, yet {training}",
                    condition.id
                );
                assert!(
                    training >= usize::from(days).min(3),
                    "{} from {start}: {days} asked, only {training} days of training",
                    condition.id
                );
            }
        }
    }
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
        removed: vec![first.to_string()],
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

/// A clinician's added or replacing exercise never breaks the condition's avoid-early rules:
/// the plan keeps it out until the phase the rule allows, and says so.
#[test]
fn overrides_cannot_break_the_avoid_early_rules() {
    let catalog = catalog();
    for condition in &catalog.conditions {
        let avoided: Vec<String> = condition
            .avoid_early
            .iter()
            .flat_map(|a| a.exercises.iter().map(ToString::to_string))
            .collect();
        if avoided.is_empty() {
            continue;
        }
        let first = condition.phases[0].exercises[0].exercise.to_string();
        let overrides = Overrides {
            added: avoided.clone(),
            replaced: [(first, avoided[0].clone())].into_iter().collect(),
            ..Overrides::default()
        };
        let s = settings(
            date(2026, 11, 23),
            5,
            vec![Day::Tue, Day::Sat],
            Equipment::ALL.to_vec(),
            240,
        );
        let mut program = build_program(&catalog, condition, &s, &overrides, 12).expect("plan");
        program.condition.push_str("+overrides");
        if let Err(broken) = check(&catalog, condition, &s, &program) {
            panic!("{broken}");
        }
        assert!(
            program.weeks[0]
                .notes
                .iter()
                .any(|n| n.contains("left out until phase")),
            "{}: {:?}",
            condition.id,
            program.weeks[0].notes
        );
        assert!(
            !rehab_planner::plan::avoid_early_notes(&catalog, condition, &overrides).is_empty()
        );
    }
}

/// A new phase never starts an exercise on a lower dose than the last phase ended on, unless
/// the new phase's dose says why (a lower frequency, or a load named in words: a new stage).
#[test]
fn a_new_phase_never_drops_a_dose_without_a_reason() {
    let catalog = catalog();
    let mut drops = Vec::new();
    for condition in &catalog.conditions {
        let s = settings(
            date(2026, 11, 23),
            5,
            vec![Day::Tue, Day::Sat],
            Equipment::ALL.to_vec(),
            240,
        );
        let weeks: u32 = condition.phases.iter().map(|p| p.weeks).sum();
        let program =
            build_program(&catalog, condition, &s, &Overrides::default(), weeks).expect("plan");
        for pair in program.weeks.windows(2) {
            let (before, after) = (&pair[0], &pair[1]);
            if before.state.phase == after.state.phase {
                continue;
            }
            let doses =
                |w: &rehab_planner::plan::WeekPlan| -> Vec<(String, rehab_planner::catalog::Dose)> {
                    w.days
                        .iter()
                        .flat_map(|d| &d.items)
                        .map(|i| (i.exercise.clone(), i.dose.clone()))
                        .collect()
                };
            for (id, old) in doses(before) {
                let Some((_, new)) = doses(after).into_iter().find(|(i, _)| *i == id) else {
                    continue;
                };
                let volume = |d: &rehab_planner::catalog::Dose| d.sets * d.work.amount();
                let same_unit =
                    std::mem::discriminant(&old.work) == std::mem::discriminant(&new.work);
                if same_unit
                    && volume(&new) < volume(&old)
                    // A heavier load (a lower rep max, a higher step, a deeper bend) is no drop.
                    && new.weight == old.weight
                    && new.weight != Some(rehab_planner::catalog::Weight::RepMax)
                    && (new.step_cm, new.knee_bend) == (old.step_cm, old.knee_bend)
                    && new.frequency == old.frequency
                {
                    drops.push(format!(
                        "{} week {}: {id} drops from {} to {}",
                        condition.id,
                        after.state.week,
                        old.sets_text(),
                        new.sets_text()
                    ));
                }
            }
        }
    }
    drops.dedup();
    assert!(drops.is_empty(), "{}", drops.join("\n"));
}
