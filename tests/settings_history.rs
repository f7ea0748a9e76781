//! Days done are history (issue 27): a journal replayed against a profile whose settings change
//! part-way leaves every day before the change as it was: the same planned items, the same
//! ticks, the same per-day counts and the same per-week adherence, as the progression,
//! `journal::week_adherence` and `rehab history`'s summary give them.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use jiff::ToSpan;
use jiff::civil::{Date, date};
use proptest::prelude::*;
use rehab_planner::catalog::{Catalog, Equipment};
use rehab_planner::journal::{
    DayCounts, JournalState, Record, SkipReason, summarize_week, week_adherence,
};
use rehab_planner::plan::{Day, RunningNow, Settings};
use rehab_planner::profile::Profile;
use rehab_planner::session::Standing;

const START: Date = date(2026, 11, 2);
/// Days of journal: six weeks.
const SPAN: i64 = 42;

/// Exercises of the `pfps` plan (and a run), ticked at random.
const ITEMS: [&str; 8] = [
    "wall-sit-shallow",
    "quad-set",
    "single-leg-balance",
    "run-within-pain-rules",
    "clamshell",
    "glute-bridge",
    "straight-leg-raise",
    "side-lying-hip-abduction",
];

#[derive(Debug, Clone)]
enum Tick {
    Done(usize),
    Partial(usize),
    Skip(usize),
}

/// One kind of settings change, as `rehab profile set` and the app's form make them.
#[derive(Debug, Clone)]
enum Change {
    Minutes(u32),
    Days(u8),
    RunDays(u8),
    NoRunning,
    Equipment(u8),
    CrossTraining(usize),
    RunningNow(Option<(u8, u32)>),
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        (10u32..=240).prop_map(Change::Minutes),
        (3u8..=7).prop_map(Change::Days),
        (0u8..128).prop_map(Change::RunDays),
        Just(Change::NoRunning),
        (0u8..64).prop_map(Change::Equipment),
        (0usize..8).prop_map(Change::CrossTraining),
        proptest::option::of((1u8..=7, 5u32..=240)).prop_map(Change::RunningNow),
    ]
}

fn tick() -> impl Strategy<Value = Tick> {
    let item = 0..ITEMS.len();
    prop_oneof![
        6 => item.clone().prop_map(Tick::Done),
        1 => item.clone().prop_map(Tick::Partial),
        1 => item.prop_map(Tick::Skip),
    ]
}

fn apply(catalog: &Catalog, s: &mut Settings, change: &Change) {
    match change {
        Change::Minutes(m) => s.minutes = *m,
        Change::Days(d) => s.days_per_week = *d,
        Change::RunDays(mask) => {
            s.run_days = Day::ALL
                .into_iter()
                .enumerate()
                .filter(|(i, _)| mask & (1 << i) != 0)
                .map(|(_, d)| d)
                .collect();
            s.no_running = false;
        }
        Change::NoRunning => {
            s.no_running = true;
            s.running_now = None;
        }
        Change::Equipment(mask) => {
            s.equipment = Equipment::ALL
                .into_iter()
                .enumerate()
                .filter(|(i, _)| mask & (1 << i) != 0)
                .map(|(_, e)| e)
                .collect();
        }
        Change::CrossTraining(i) => {
            let options: Vec<String> = catalog
                .condition("pfps")
                .unwrap()
                .phases
                .iter()
                .flat_map(|p| p.cross_training.iter().map(|c| c.to_string()))
                .collect();
            s.cross_training = options.get(*i).cloned().into_iter().collect();
        }
        Change::RunningNow(now) => {
            s.running_now =
                Some(
                    now.map_or(RunningNow::NotNow, |(per_week, minutes)| RunningNow::Runs {
                        per_week,
                        minutes,
                    }),
                );
            s.no_running = false;
        }
    }
}

fn day(offset: i64) -> Date {
    START.checked_add(offset.days()).unwrap()
}

/// A screened profile and its journal: each week's questions answered on its Monday, so the
/// plan stands throughout, and the ticks.
fn build(catalog: &Catalog, ticks: &[(i64, Tick)]) -> (Profile, JournalState) {
    let mut profile = Profile::new("me", "pfps", Settings::new(START));
    let answers: BTreeMap<String, bool> = catalog
        .red_flags
        .iter()
        .map(|f| (f.id.to_string(), false))
        .collect();
    profile.red_flags.answers = answers.clone();
    profile.red_flags.answered_on = Some(START);
    let mut records: Vec<Record> = (0..SPAN / 7)
        .map(|w| Record::Screened {
            date: day(7 * w),
            answers: answers.clone(),
        })
        .collect();
    for (offset, t) in ticks {
        let date = day(*offset);
        records.push(match t {
            Tick::Done(i) => Record::Done {
                date,
                item: ITEMS[*i].into(),
                sets: None,
            },
            Tick::Partial(i) => Record::Done {
                date,
                item: ITEMS[*i].into(),
                sets: Some(1),
            },
            Tick::Skip(i) => Record::Skipped {
                date,
                item: ITEMS[*i].into(),
                reason: SkipReason::Time,
            },
        });
    }
    records.sort_by_key(Record::date);
    (profile, JournalState::replay(&records))
}

/// Everything a view shows of the days before `before`, on `today`: each day's items and their
/// ticks and counts, and each week's adherence by the engine, the journal's count and the
/// summary `rehab history` prints.
fn past(
    catalog: &Catalog,
    profile: &Profile,
    journal: &JournalState,
    today: Date,
    before: Date,
) -> Vec<String> {
    let standing = Standing::compute(catalog, profile, journal, today);
    assert!(standing.plan_error.is_none() && standing.calendar_only.is_none());
    let mut out = Vec::new();
    let mut date = START;
    while date < before {
        let plan = standing.day(date);
        let log = journal.day(date);
        let ticks: Vec<_> = plan
            .items
            .iter()
            .map(|i| log.and_then(|l| l.status(&i.exercise)))
            .collect();
        out.push(format!(
            "{date}: {:?} {ticks:?} {}",
            plan.items,
            DayCounts::of(&plan, log)
        ));
        date = date.tomorrow().unwrap();
    }
    for o in standing.outcomes.iter().filter(|o| o.plan.monday < before) {
        let summary = summarize_week(&o.plan, journal, today);
        out.push(format!(
            "week {}: engine {:?} standing {:?} journal {:?} history {:?} {} {:?}",
            o.week(),
            o.numbers.adherence(),
            standing.week_adherence(&o.plan, journal),
            week_adherence(&o.plan, journal, today),
            summary.adherence_pct,
            summary.done_halves,
            o.decision_line_on(today),
        ));
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    /// One to three changes on random days: after each, on the day it is made and on the
    /// journal's last day, every day before it reads as it did before it.
    #[test]
    fn a_settings_change_leaves_earlier_days_as_they_were(
        ticks in proptest::collection::vec((0i64..SPAN, tick()), 0..80),
        changes in proptest::collection::vec(
            (1i64..SPAN, proptest::collection::vec(change(), 1..3)),
            1..4,
        ),
    ) {
        let catalog = Catalog::builtin().unwrap();
        let (mut profile, journal) = build(&catalog, &ticks);
        let mut changes = changes;
        changes.sort_by_key(|(offset, _)| *offset);
        for (offset, kinds) in &changes {
            let on = day(*offset);
            let mut settings = profile.settings.clone();
            for kind in kinds {
                apply(&catalog, &mut settings, kind);
            }
            let before = profile.clone();
            let said = profile.change_settings(settings, on);
            // Said from when: never a day before the change.
            if let Some(from) = said.applies_from {
                prop_assert!(from >= on, "applies from {} though made on {}", from, on);
            }
            for today in [on, day(SPAN)] {
                prop_assert_eq!(
                    past(&catalog, &before, &journal, today, on),
                    past(&catalog, &profile, &journal, today, on),
                    "change {:?} on {}, seen on {}", kinds, on, today
                );
            }
        }
    }
}

/// The case, and proof the property can fail: minutes 30 to 45 on the Friday of week 3.
/// Set straight over the old settings, Monday's items change; through `change_settings` they do
/// not, and the change plans from the next Monday, as the command says.
#[test]
fn minutes_changed_on_a_friday_leave_monday_as_it_was() {
    let catalog = Catalog::builtin().unwrap();
    let monday = day(14);
    let friday = day(18);
    let ticks: Vec<(i64, Tick)> = (0..ITEMS.len()).map(|i| (14, Tick::Done(i))).collect();
    let (profile, journal) = build(&catalog, &ticks);
    let items = |p: &Profile| Standing::compute(&catalog, p, &journal, friday).day(monday);

    let mut overwritten = profile.clone();
    overwritten.settings.minutes = 45;
    assert_ne!(
        items(&profile),
        items(&overwritten),
        "the test could not fail"
    );

    let mut changed = profile.clone();
    let mut settings = changed.settings.clone();
    settings.minutes = 45;
    let said = changed.change_settings(settings, friday);
    assert_eq!(items(&profile), items(&changed));
    assert_eq!(said.applies_from, Some(day(21)));
    let text = said.applies_text(friday).unwrap();
    assert!(text.contains("Mon 23 Nov 2026"), "{text}");
    // From that Monday the new minutes plan the week.
    let next = Standing::compute(&catalog, &changed, &journal, day(21)).day(day(21));
    let fresh = Profile::new("me", "pfps", changed.settings.clone());
    let mut fresh = fresh;
    fresh.red_flags = changed.red_flags.clone();
    assert_eq!(
        next,
        Standing::compute(&catalog, &fresh, &journal, day(21)).day(day(21))
    );
}
