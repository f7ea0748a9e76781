//! The shipped library: for every condition, steady green weeks with each phase's exit criteria
//! recorded at the end of its typical length follow the calendar schedule exactly — the
//! pain-monitored program is on time when nothing hurts.

use crate::progress_support;

use progress_support::{Follow, Scenario, play};
use rehab_planner::catalog::{Catalog, RunMode};
use rehab_planner::plan::{Day, Overrides, Slot, scheduled_state};
use rehab_planner::progress::Verdict;

#[test]
fn steady_green_weeks_move_through_the_phases_on_time() {
    let catalog = Catalog::builtin().expect("built-in library");
    for condition in &catalog.conditions {
        let mut phase_exits = Vec::new();
        let mut end = 0;
        let mut run_entry_week = None;
        for (i, phase) in condition.phases.iter().enumerate() {
            if matches!(phase.run.mode, RunMode::WalkRun | RunMode::Continuous)
                && run_entry_week.is_none()
            {
                // Recorded on the Sunday before the walk-run (or continuous) phase starts.
                run_entry_week = Some(end);
            }
            end += phase.weeks;
            phase_exits.push((i as u32 + 1, end));
        }
        let weeks = end + 2;
        let scenario = Scenario {
            condition: condition.id.to_string(),
            overrides: Overrides::default(),
            weeks,
            follow: vec![Follow {
                weeks: (1, weeks),
                pain: Some(1),
                run_pain: Some(1),
                morning: Some(1),
                done_days: None,
                skip: Vec::new(),
            }],
            events: Vec::new(),
            phase_exits,
            run_entry_week,
            assessed_week: None,
            expect: Vec::new(),
        };
        let (_, outcomes) = play(&catalog, &scenario);
        let mut previous = None;
        for o in &outcomes {
            let week = o.week();
            if std::env::var_os("PROGRESS_DEBUG").is_some() {
                eprintln!("{} {:?}", o.decision_line(), o.numbers);
                for d in &o.plan.days {
                    let ids: Vec<String> = d
                        .items
                        .iter()
                        .map(|i| {
                            format!(
                                "{}x{}{}",
                                i.exercise,
                                i.sessions,
                                if i.optional { "?" } else { "" }
                            )
                        })
                        .collect();
                    eprintln!("   {} {}", d.date, ids.join(","));
                }
            }
            assert_eq!(
                o.decision.verdict,
                Verdict::Progress,
                "{} {}",
                condition.id,
                o.decision_line()
            );
            let scheduled = scheduled_state(condition, &Overrides::default(), week, previous);
            let got = &o.plan.state;
            assert_eq!(
                (got.phase, got.week_in_phase),
                (scheduled.phase, scheduled.week_in_phase),
                "{} week {week}",
                condition.id
            );
            assert_eq!(
                got.walk_run_level, scheduled.walk_run_level,
                "{} week {week}",
                condition.id
            );
            assert!(
                o.flags.is_empty(),
                "{} week {week}: {:?}",
                condition.id,
                o.flags
            );
            previous = Some(&o.plan);
        }
        assert_eq!(
            outcomes.last().map(|o| o.plan.state.phase),
            Some(condition.phases.len() - 1),
            "{} reaches its last phase",
            condition.id
        );
    }
}

#[test]
fn one_painful_exercise_is_eased_alone_in_every_condition() {
    let catalog = Catalog::builtin().expect("built-in library");
    let mut checked = 0;
    for condition in &catalog.conditions {
        let green = || Follow {
            weeks: (1, 2),
            pain: Some(1),
            run_pain: Some(1),
            morning: Some(1),
            done_days: None,
            skip: Vec::new(),
        };
        let mut scenario = Scenario {
            condition: condition.id.to_string(),
            overrides: Overrides::default(),
            weeks: 1,
            follow: vec![green()],
            events: Vec::new(),
            phase_exits: Vec::new(),
            run_entry_week: None,
            assessed_week: None,
            expect: Vec::new(),
        };
        let (_, first) = play(&catalog, &scenario);
        // The first prescribed main exercise of week 1 (not a stand-in) that has an easier
        // version, on its first day.
        let Some((day, painful)) = first[0].plan.days.iter().find_map(|d| {
            d.items
                .iter()
                .filter(|i| i.slot == Slot::Main && !i.optional && i.replaces.is_none())
                .find(|i| {
                    catalog
                        .exercise(&i.exercise)
                        .is_some_and(|e| e.regression.is_some())
                })
                .map(|i| (Day::of(d.date), i.exercise.clone()))
        }) else {
            continue;
        };
        scenario.weeks = 2;
        scenario.events = vec![progress_support::Event {
            week: 1,
            day,
            item_pain: Some((painful.clone(), 9)),
            pain: None,
            run_pain: None,
            morning: None,
            swelling: false,
            limp: false,
            sharp: false,
            red_flag: false,
        }];
        let (_, weeks) = play(&catalog, &scenario);
        assert_eq!(
            weeks[0].decision.verdict,
            Verdict::Hold,
            "{}",
            weeks[0].decision_line()
        );
        let easier = catalog
            .exercise(&painful)
            .and_then(|e| e.regression.clone())
            .expect("regression");
        let ids = |w: usize| -> Vec<String> {
            let mut ids: Vec<String> = weeks[w]
                .plan
                .days
                .iter()
                .flat_map(|d| &d.items)
                .map(|i| i.exercise.clone())
                .collect();
            ids.sort();
            ids.dedup();
            ids
        };
        let (before, after) = (ids(0), ids(1));
        assert!(
            !after.contains(&painful),
            "{}: {painful} still in week 2",
            condition.id
        );
        let swapped: Vec<String> = before
            .iter()
            .map(|id| {
                if *id == painful {
                    easier.to_string()
                } else {
                    id.to_string()
                }
            })
            .collect();
        let mut swapped = swapped;
        swapped.sort();
        swapped.dedup();
        // Everything else in the week stays as it was (an equipment stand-in for the easier
        // exercise is allowed to take its place).
        let others = |list: &[String]| -> Vec<String> {
            list.iter()
                .filter(|id| **id != easier && **id != painful)
                .cloned()
                .collect()
        };
        let others_after: Vec<String> = others(&after)
            .into_iter()
            .filter(|id| before.contains(id))
            .collect();
        assert_eq!(others(&swapped), others_after, "{}", condition.id);
        checked += 1;
    }
    assert!(
        checked >= 3,
        "only {checked} conditions had an exercise with an easier version"
    );
}
