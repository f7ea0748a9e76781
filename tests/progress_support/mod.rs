//! Shared by the progression tests: the test library, and scenarios written as RON that follow
//! each week's adapted plan with a pain pattern and a few scripted events.

#![allow(dead_code)]

use std::path::PathBuf;

use jiff::ToSpan;
use jiff::civil::Date;
use rehab_planner::catalog::{Catalog, SourceText};
use rehab_planner::plan::{Day, Overrides, Settings, Slot, WeekPlan};
use rehab_planner::progress::{
    self, DayLog, ItemLog, Log, PhaseExit, Status, Verdict, WeekOutcome,
};
use serde::Deserialize;

pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/progress")
        .join(name)
}

/// The built-in library with the test condition laid over it.
pub fn catalog() -> Catalog {
    let path = fixture("library.ron");
    let text = std::fs::read_to_string(&path).expect("test library");
    let loaded = Catalog::load(&[SourceText::new(path.display().to_string(), text)])
        .expect("built-in library");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    loaded.catalog
}

pub fn settings() -> Settings {
    let mut s = Settings::new(jiff::civil::date(2026, 1, 5));
    s.minutes = 90;
    s
}

/// How the person does in a run of weeks: every planned item done (or the first `done_days`
/// training days only), with these scores.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Follow {
    pub weeks: (u32, u32),
    #[serde(default)]
    pub pain: Option<u8>,
    #[serde(default)]
    pub run_pain: Option<u8>,
    #[serde(default)]
    pub morning: Option<u8>,
    #[serde(default)]
    pub done_days: Option<usize>,
    /// Exercise ids never logged.
    #[serde(default)]
    pub skip: Vec<String>,
}

/// A scripted change to one day of one week (the day is created when nothing was planned).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub week: u32,
    pub day: Day,
    /// (exercise id, pain) for one item's own pain score.
    #[serde(default)]
    pub item_pain: Option<(String, u8)>,
    #[serde(default)]
    pub pain: Option<u8>,
    #[serde(default)]
    pub run_pain: Option<u8>,
    #[serde(default)]
    pub morning: Option<u8>,
    #[serde(default)]
    pub swelling: bool,
    #[serde(default)]
    pub limp: bool,
    #[serde(default)]
    pub sharp: bool,
    #[serde(default)]
    pub red_flag: bool,
}

/// What one week must show.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    pub week: u32,
    #[serde(default)]
    pub verdict: Option<Verdict>,
    /// The whole decision line ("week 3: held: ...").
    #[serde(default)]
    pub line: Option<String>,
    /// 1-based phase of this week's plan.
    #[serde(default)]
    pub phase: Option<usize>,
    #[serde(default)]
    pub level: Option<u32>,
    /// Exercise ids this week's plan must hold / must not hold.
    #[serde(default)]
    pub has: Vec<String>,
    #[serde(default)]
    pub lacks: Vec<String>,
    /// Text each of which some flag must contain.
    #[serde(default)]
    pub flags: Vec<String>,
    /// Text the decision's "next" lines must contain.
    #[serde(default)]
    pub next: Vec<String>,
    /// The decision's "next" lines, exactly.
    #[serde(default)]
    pub next_all: Option<Vec<String>>,
    #[serde(default)]
    pub no_flags: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub condition: String,
    #[serde(default)]
    pub overrides: Overrides,
    pub weeks: u32,
    pub follow: Vec<Follow>,
    #[serde(default)]
    pub events: Vec<Event>,
    /// (1-based phase, week whose Sunday records its exit criteria as met).
    #[serde(default)]
    pub phase_exits: Vec<(u32, u32)>,
    /// Week whose Sunday records the return-to-run entry criteria as met.
    #[serde(default)]
    pub run_entry_week: Option<u32>,
    /// Week whose Sunday records a clinician's assessment.
    #[serde(default)]
    pub assessed_week: Option<u32>,
    pub expect: Vec<Expect>,
}

pub fn load_scenario(name: &str) -> Scenario {
    let path = fixture(name);
    let text = std::fs::read_to_string(&path).expect("scenario file");
    ron::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn sunday_of_week(settings: &Settings, week: u32) -> Date {
    rehab_planner::plan::monday_of(settings.start)
        .checked_add(((i64::from(week) - 1) * 7 + 6).days())
        .expect("date")
}

/// Builds the log week by week, each week following the plan the log so far produced.
pub fn play(catalog: &Catalog, scenario: &Scenario) -> (Log, Vec<WeekOutcome>) {
    let condition = catalog.condition(&scenario.condition).expect("condition");
    let settings = settings();
    let mut log = Log {
        phase_exits: scenario
            .phase_exits
            .iter()
            .map(|&(phase, week)| PhaseExit {
                phase,
                date: sunday_of_week(&settings, week),
            })
            .collect(),
        run_entry: scenario
            .run_entry_week
            .map(|w| sunday_of_week(&settings, w)),
        assessed: scenario
            .assessed_week
            .map(|w| sunday_of_week(&settings, w))
            .into_iter()
            .collect(),
        ..Log::default()
    };
    for week in 1..=scenario.weeks {
        let adapted = progress::adapted_week(
            catalog,
            condition,
            &settings,
            &scenario.overrides,
            &log,
            week,
        )
        .expect("week");
        let mut days = follow_week(
            &adapted.plan,
            scenario
                .follow
                .iter()
                .find(|f| (f.weeks.0..=f.weeks.1).contains(&week)),
        );
        for event in scenario.events.iter().filter(|e| e.week == week) {
            apply(&mut days, &adapted.plan, event);
        }
        log.days.extend(days);
    }
    let outcomes = progress::run(
        catalog,
        condition,
        &settings,
        &scenario.overrides,
        &log,
        scenario.weeks,
    )
    .expect("run");
    (log, outcomes)
}

fn follow_week(plan: &WeekPlan, follow: Option<&Follow>) -> Vec<DayLog> {
    let Some(f) = follow else {
        return Vec::new();
    };
    let trained = plan.days.iter().filter(|d| !d.is_rest());
    trained
        .take(f.done_days.unwrap_or(7))
        .map(|d| {
            let mut log = DayLog::new(d.date);
            log.items = d
                .items
                .iter()
                .filter(|i| !f.skip.contains(&i.exercise))
                .map(|i| ItemLog {
                    exercise: i.exercise.as_str().into(),
                    status: Status::Done,
                    pain: None,
                })
                .collect();
            log.pain_during = f.pain;
            if d.has_run() {
                log.run_pain = f.run_pain;
            }
            log.pain_next_morning = f.morning;
            log
        })
        .collect()
}

fn apply(days: &mut Vec<DayLog>, plan: &WeekPlan, event: &Event) {
    let date = plan.days[event.day.index()].date;
    if !days.iter().any(|d| d.date == date) {
        days.push(DayLog::new(date));
    }
    let day = days.iter_mut().find(|d| d.date == date).expect("day");
    if let Some((id, pain)) = &event.item_pain {
        match day.items.iter_mut().find(|i| *i.exercise == **id) {
            Some(item) => item.pain = Some(*pain),
            None => day.items.push(ItemLog {
                exercise: id.as_str().into(),
                status: Status::Done,
                pain: Some(*pain),
            }),
        }
    }
    day.pain_during = event.pain.or(day.pain_during);
    day.run_pain = event.run_pain.or(day.run_pain);
    day.pain_next_morning = event.morning.or(day.pain_next_morning);
    day.swelling |= event.swelling;
    day.limp |= event.limp;
    day.sharp |= event.sharp;
    day.red_flag |= event.red_flag;
}

/// Checks every expectation; returns the failures in words.
pub fn check(outcomes: &[WeekOutcome], expect: &[Expect]) -> Vec<String> {
    let mut failures = Vec::new();
    for e in expect {
        let Some(o) = outcomes.get(e.week as usize - 1) else {
            failures.push(format!("week {}: not walked", e.week));
            continue;
        };
        let w = e.week;
        let mut fail = |what: String| failures.push(format!("week {w}: {what}"));
        if let Some(v) = e.verdict
            && o.decision.verdict != v
        {
            fail(format!(
                "verdict {:?}, expected {v:?} ({})",
                o.decision.verdict,
                o.decision_line()
            ));
        }
        if let Some(line) = &e.line
            && &o.decision_line() != line
        {
            fail(format!(
                "line\n  got:      {}\n  expected: {line}",
                o.decision_line()
            ));
        }
        if let Some(p) = e.phase
            && o.plan.state.phase + 1 != p
        {
            fail(format!("phase {}, expected {p}", o.plan.state.phase + 1));
        }
        if let Some(l) = e.level
            && o.plan.state.walk_run_level != Some(l)
        {
            fail(format!(
                "level {:?}, expected {l}",
                o.plan.state.walk_run_level
            ));
        }
        let ids: Vec<&str> = o
            .plan
            .days
            .iter()
            .flat_map(|d| &d.items)
            .map(|i| i.exercise.as_str())
            .collect();
        for id in &e.has {
            if !ids.contains(&id.as_str()) {
                fail(format!("plan lacks {id}: {ids:?}"));
            }
        }
        for id in &e.lacks {
            if ids.contains(&id.as_str()) {
                fail(format!("plan holds {id}"));
            }
        }
        let flags: Vec<String> = o.flags.iter().map(|f| f.text()).collect();
        for f in &e.flags {
            if !flags.iter().any(|t| t.contains(f.as_str())) {
                fail(format!("no flag with `{f}`: {flags:?}"));
            }
        }
        if e.no_flags && !flags.is_empty() {
            fail(format!("unexpected flags {flags:?}"));
        }
        if let Some(all) = &e.next_all
            && &o.decision.next != all
        {
            fail(format!(
                "next lines {:?}, expected {all:?}",
                o.decision.next
            ));
        }
        for n in &e.next {
            if !o.decision.next.iter().any(|t| t.contains(n.as_str())) {
                fail(format!("no next line with `{n}`: {:?}", o.decision.next));
            }
        }
    }
    failures
}

/// Plays a scenario file and fails with every unmet expectation and the weeks' lines.
pub fn run_scenario(name: &str) -> Vec<WeekOutcome> {
    let catalog = catalog();
    let scenario = load_scenario(name);
    let (_, outcomes) = play(&catalog, &scenario);
    let failures = check(&outcomes, &scenario.expect);
    let lines: Vec<String> = outcomes
        .iter()
        .map(|o| {
            format!(
                "{}  [phase {} wk {} level {:?} run {} next {:?} flags {:?}]",
                o.decision_line(),
                o.plan.state.phase + 1,
                o.plan.state.week_in_phase,
                o.plan.state.walk_run_level,
                o.plan.run_minutes,
                o.decision.next,
                o.flags.iter().map(|f| f.text()).collect::<Vec<_>>()
            )
        })
        .collect();
    if std::env::var_os("PROGRESS_DEBUG").is_some() {
        eprintln!("{name}:\n{}", lines.join("\n"));
        for o in &outcomes {
            let days: Vec<String> = o
                .plan
                .days
                .iter()
                .map(|d| {
                    let ids: Vec<&str> = d.items.iter().map(|i| i.exercise.as_str()).collect();
                    format!("{}:{}", Day::of(d.date).short(), ids.join(","))
                })
                .collect();
            eprintln!("  week {}: {}", o.week(), days.join(" | "));
        }
    }
    assert!(
        failures.is_empty(),
        "{name}:\n{}\n--- weeks ---\n{}",
        failures.join("\n"),
        lines.join("\n")
    );
    outcomes
}

pub fn run_items(plan: &WeekPlan) -> usize {
    plan.days
        .iter()
        .flat_map(|d| &d.items)
        .filter(|i| i.slot == Slot::Run)
        .count()
}
