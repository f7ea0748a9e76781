//! Properties over random journals: the engine never fails or panics, a week without logs never
//! progresses, phases move one at a time, running time never rises past the weekly ceiling, and
//! the same journal always gives the same weeks.

use crate::progress_support;

use jiff::ToSpan;
use progress_support::{catalog, settings};
use proptest::prelude::*;
use rehab_planner::plan::Overrides;
use rehab_planner::progress::{self, DayLog, ItemLog, Log, PhaseExit, Rule, Status, Verdict};

const WEEKS: u32 = 12;
const IDS: [&str; 7] = [
    "tp-squat",
    "tp-bridge",
    "tp-walk-run",
    "tp-run",
    "tp-roll",
    "tp-step",
    "tp-squat-easy",
];

/// Day offset, (item index, status index, pain) for each item, [during, run, morning] scores,
/// [swelling, limp, sharp, red flag].
type RandomDay = (
    u32,
    Vec<(usize, u8, Option<u8>)>,
    [Option<u8>; 3],
    [bool; 4],
);

fn day_log() -> impl Strategy<Value = RandomDay> {
    (
        0..WEEKS * 7,
        prop::collection::vec((0..IDS.len(), 0u8..3, prop::option::of(0u8..=10)), 0..5),
        [
            prop::option::of(0u8..=10),
            prop::option::of(0u8..=10),
            prop::option::of(0u8..=10),
        ],
        [
            prop::bool::weighted(0.05),
            prop::bool::weighted(0.05),
            prop::bool::weighted(0.05),
            prop::bool::weighted(0.02),
        ],
    )
}

fn journal() -> impl Strategy<Value = Log> {
    (
        prop::collection::vec(day_log(), 0..60),
        prop::collection::vec((1u32..=3, 0..WEEKS * 7), 0..4),
        prop::option::of(0..WEEKS * 7),
    )
        .prop_map(|(days, exits, entry)| {
            let start = settings().start;
            let date = |offset: u32| start.checked_add((offset as i64).days()).expect("date");
            Log {
                days: days
                    .into_iter()
                    .map(
                        |(
                            offset,
                            items,
                            [during, run, morning],
                            [swelling, limp, sharp, red_flag],
                        )| {
                            let mut d = DayLog::new(date(offset));
                            d.items = items
                                .into_iter()
                                .map(|(i, status, pain)| ItemLog {
                                    exercise: IDS[i].into(),
                                    status: [Status::Done, Status::Partial, Status::Skipped]
                                        [status as usize],
                                    pain,
                                })
                                .collect();
                            d.pain_during = during;
                            d.run_pain = run;
                            d.pain_next_morning = morning;
                            d.swelling = swelling;
                            d.limp = limp;
                            d.sharp = sharp;
                            d.red_flag = red_flag;
                            d
                        },
                    )
                    .collect(),
                phase_exits: exits
                    .into_iter()
                    .map(|(phase, offset)| PhaseExit {
                        phase,
                        date: date(offset),
                    })
                    .collect(),
                run_entry: entry.map(date),
                assessed: Vec::new(),
                ran: Vec::new(),
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn random_journals_keep_the_rules(log in journal()) {
        let catalog = catalog();
        let condition = catalog.condition("tp-knee").expect("condition");
        let overrides = Overrides::default();
        let weeks = progress::run(&catalog, condition, &settings(), &overrides, &log, WEEKS)
            .expect("run");
        prop_assert_eq!(weeks.len(), WEEKS as usize);
        let rise = catalog.pain_rules.as_ref().expect("rules").running_weekly_rise_pct;
        for pair in weeks.windows(2) {
            let (last, now) = (&pair[0], &pair[1]);
            if last.numbers.logged_days == 0 && last.decision.rule == Rule::NoLogs {
                prop_assert_ne!(last.decision.verdict, Verdict::Progress);
                prop_assert!(now.plan.state.phase == last.plan.state.phase);
            }
            prop_assert!(now.plan.state.phase <= last.plan.state.phase + 1);
            if last.decision.verdict != Verdict::Progress {
                prop_assert_eq!(now.plan.state.phase, last.plan.state.phase);
                prop_assert!(now.plan.state.week_in_phase <= last.plan.state.week_in_phase);
            }
            if last.plan.run_minutes > 0 {
                prop_assert!(now.plan.run_minutes * 100 <= last.plan.run_minutes * (100 + rise));
            }
            prop_assert!(!now.decision.reason.is_empty());
        }
        let again = progress::run(&catalog, condition, &settings(), &overrides, &log, WEEKS)
            .expect("run");
        prop_assert_eq!(again, weeks);
    }
}
