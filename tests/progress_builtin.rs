//! The shipped library: for every condition, steady green weeks with each phase's exit criteria
//! recorded at the end of its typical length follow the calendar schedule exactly — the
//! pain-monitored program is on time when nothing hurts.

mod progress_support;

use progress_support::{Follow, Scenario, play};
use rehab_planner::catalog::{Catalog, RunMode};
use rehab_planner::plan::{Overrides, scheduled_state};
use rehab_planner::progress::Verdict;

#[test]
fn steady_green_weeks_move_through_the_phases_on_time() {
    let catalog = Catalog::builtin().expect("built-in library");
    for condition in &catalog.conditions {
        let mut phase_exits = Vec::new();
        let mut end = 0;
        let mut run_entry_week = None;
        for (i, phase) in condition.phases.iter().enumerate() {
            if phase.run.mode == RunMode::WalkRun && run_entry_week.is_none() {
                // Recorded on the Sunday before the walk-run phase starts.
                run_entry_week = Some(end);
            }
            end += phase.weeks;
            phase_exits.push((i as u32 + 1, end));
        }
        let weeks = end + 2;
        let scenario = Scenario {
            condition: condition.id.clone(),
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
