//! The follow-up report: what a physiotherapist reads in two minutes before a visit, gathered
//! once so each format only lays it out. The weeks, their decisions and the standing lines are
//! `session::Standing`'s; this module only picks and counts what it shows.

use std::collections::BTreeMap;

use jiff::civil::Date;

use crate::catalog::{Catalog, FlagLevel, RunMode};
use crate::export::WeekHistory;
use crate::journal::{ItemStatus, JournalState, summarize_week};
use crate::profile::{Patient, Profile};
use crate::progress::{RUN_ENTRY_CRITERIA, phase_exit_criteria};
use crate::session::{DayCounts, Standing};

/// Everything the report shows. Text in it is raw (it may come from files); each renderer
/// cleans or escapes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The day the report was made.
    pub date: Date,
    pub profile: String,
    pub patient: Option<Patient>,
    /// The condition's name (its id when the library lacks it).
    pub condition: String,
    pub start: Date,
    /// The program week holding `date`, once started.
    pub week: Option<u32>,
    /// The lines that stand on Today (the gate first), most urgent first.
    pub standing: Vec<String>,
    /// Why the weeks could not be adapted from the journal, when they could not.
    pub problem: Option<String>,
    /// The weeks shown, oldest first.
    pub weeks: Vec<ReportWeek>,
    /// Adherence per exercise over the weeks shown, in the order they were first planned.
    pub exercises: Vec<ExerciseAdherence>,
    /// Pain by day over the weeks shown (the chart's data).
    pub pain: Vec<WeekHistory>,
    pub current: Option<CurrentPhase>,
    /// Every change to the plan in force and who made it.
    pub changes: Vec<String>,
    /// Every red-flag screening, oldest first.
    pub screenings: Vec<Screening>,
    /// Clinicians' assessments: date and name when given.
    pub assessments: Vec<(Date, Option<String>)>,
    /// The person's notes over the weeks shown.
    pub notes: Vec<(Date, String)>,
    /// Exit criteria not yet recorded as met.
    pub open_criteria: Vec<OpenCriteria>,
    /// Running recorded by a watch over the weeks shown (`rehab runs`'s figures), when any.
    pub running: Option<crate::session::RunningLoad>,
}

/// One week as planned, logged and decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportWeek {
    pub week: u32,
    pub monday: Date,
    pub phase: String,
    /// The engine's adherence, so it agrees with the decision's reason.
    pub adherence_pct: Option<u32>,
    /// The same figure with its count and whether the week still ran ("62% so far").
    pub adherence: crate::journal::Adherence,
    /// Counts over the days up to the report's date.
    pub counts: DayCounts,
    pub median_during: Option<u8>,
    pub max_during: Option<u8>,
    pub median_morning: Option<u8>,
    pub warning_days: u32,
    /// "week 3: held: adherence 62%, needs 80%" ("so far" while the week runs).
    pub decision: String,
    pub flags: Vec<String>,
}

/// One exercise over the weeks shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExerciseAdherence {
    pub id: String,
    pub name: String,
    pub planned: u32,
    pub done: u32,
    pub partly: u32,
    /// Skips by reason label.
    pub skipped: BTreeMap<&'static str, u32>,
}

impl ExerciseAdherence {
    pub fn skipped_total(&self) -> u32 {
        self.skipped.values().sum()
    }

    /// "2 (pain 1, time 1)", or "0".
    pub fn skipped_text(&self) -> String {
        if self.skipped.is_empty() {
            return "0".to_string();
        }
        let why: Vec<String> = self
            .skipped
            .iter()
            .map(|(reason, n)| format!("{reason} {n}"))
            .collect();
        format!("{} ({})", self.skipped_total(), why.join(", "))
    }
}

/// The phase in force and its doses this week.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrentPhase {
    /// 1-based.
    pub number: usize,
    pub name: String,
    /// Exercise name, dose in words, and what it stands in for and why (when it does).
    pub doses: Vec<(String, String, Option<String>)>,
}

/// One red-flag screening.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Screening {
    pub date: Date,
    /// The questions answered "yes": question and what it means.
    pub yes: Vec<(String, &'static str)>,
}

/// A set of exit criteria not recorded as met.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenCriteria {
    /// "Phase 1 (Settle) exit" or "Return to running".
    pub title: String,
    pub criteria: Vec<String>,
}

/// Weeks the follow-up report covers when none are asked for (`rehab report`, the app's report).
pub const REPORT_WEEKS: u32 = 4;

/// Gathers the report for `profile` over the last `weeks` weeks up to `today`.
pub fn assemble_report(
    catalog: &Catalog,
    profile: &Profile,
    journal: &JournalState,
    today: Date,
    weeks: u32,
) -> Report {
    let standing = Standing::compute(catalog, profile, journal, today);
    let condition = catalog.condition(&profile.condition);
    let shown_from = standing
        .outcomes
        .len()
        .saturating_sub(weeks.max(1) as usize);
    let shown = &standing.outcomes[shown_from..];
    let mut report = Report {
        date: today,
        profile: profile.name.clone(),
        patient: profile.patient.clone().filter(|p| !p.is_empty()),
        condition: condition.map_or_else(|| profile.condition.clone(), |c| c.name.to_string()),
        start: profile.settings.start,
        week: standing.week.number(),
        standing: standing.lines.iter().map(|l| l.text.clone()).collect(),
        problem: standing
            .plan_error
            .clone()
            .or_else(|| standing.calendar_only.clone()),
        weeks: Vec::new(),
        exercises: Vec::new(),
        pain: Vec::new(),
        current: None,
        changes: Vec::new(),
        screenings: screenings(catalog, profile, journal),
        assessments: assessments(journal),
        notes: Vec::new(),
        open_criteria: Vec::new(),
        running: None,
    };
    let mut exercises: Vec<ExerciseAdherence> = Vec::new();
    let mut summaries = Vec::new();
    for outcome in shown {
        let plan = &outcome.plan;
        let summary = summarize_week(plan, journal, today);
        let mut counts = DayCounts::default();
        for day in plan.days.iter().filter(|d| d.date <= today) {
            let log = journal.day(day.date);
            let c = DayCounts::of(day, log);
            counts.done += c.done;
            counts.partly += c.partly;
            counts.skipped += c.skipped;
            counts.planned += c.planned;
            counts.minutes_left += c.minutes_left;
            for item in day.items.iter().filter(|i| !i.optional) {
                let at = match exercises.iter().position(|e| e.id == item.exercise) {
                    Some(at) => at,
                    None => {
                        exercises.push(ExerciseAdherence {
                            id: item.exercise.clone(),
                            name: crate::session::item_name(catalog, item).to_string(),
                            planned: 0,
                            done: 0,
                            partly: 0,
                            skipped: BTreeMap::new(),
                        });
                        exercises.len() - 1
                    }
                };
                let row = &mut exercises[at];
                row.planned += 1;
                match log.and_then(|l| l.status(&item.exercise)) {
                    Some(ItemStatus::Done { sets: Some(n) }) if n < item.dose.sets => {
                        row.partly += 1
                    }
                    Some(ItemStatus::Done { .. }) => row.done += 1,
                    Some(ItemStatus::Skipped(reason)) => {
                        *row.skipped.entry(reason.label()).or_default() += 1
                    }
                    None => {}
                }
            }
        }
        report.weeks.push(ReportWeek {
            week: outcome.week(),
            monday: plan.monday,
            phase: plan.phase_name.clone(),
            adherence_pct: outcome.numbers.adherence_pct(),
            adherence: outcome.numbers.adherence(),
            counts,
            median_during: summary.median_during,
            max_during: summary.max_during,
            median_morning: summary.median_morning,
            warning_days: summary.warning_days,
            decision: outcome.decision_line_on(today),
            flags: outcome.flags.iter().map(|f| f.text()).collect(),
        });
        // One line a week: a week's changes read as one decision.
        if outcome.is_complete(today) && !outcome.decision.next.is_empty() {
            report.changes.push(format!(
                "after week {}, by the weekly pain review: {}",
                outcome.week(),
                outcome.decision.next.join("; ")
            ));
        }
        summaries.push(summary);
    }
    report.exercises = exercises;
    report.pain = crate::export::history_from(&summaries);
    if let Some(first) = shown.first() {
        report.notes = journal
            .days
            .range(first.plan.monday..=today)
            .flat_map(|(date, day)| day.notes.iter().map(|n| (*date, n.clone())))
            .collect();
    }
    if let Some(outcome) = standing.current() {
        let plan = &outcome.plan;
        let mut doses: Vec<(String, String, Option<String>)> = Vec::new();
        let mut seen = Vec::new();
        for item in plan.days.iter().flat_map(|d| &d.items) {
            if item.optional || seen.contains(&&item.exercise) {
                continue;
            }
            seen.push(&item.exercise);
            let instead = item.replaces.as_ref().map(|old| {
                let old = catalog.exercise(old).map_or(old.as_str(), |e| &e.name);
                match &item.reason {
                    Some(why) => format!("in place of {old}: {why}"),
                    None => format!("in place of {old}"),
                }
            });
            doses.push((
                crate::session::item_name(catalog, item).to_string(),
                item.dose.describe(),
                instead,
            ));
        }
        report.current = Some(CurrentPhase {
            number: plan.state.phase + 1,
            name: plan.phase_name.clone(),
            doses,
        });
        if let Some(condition) = condition {
            let run_exercise = condition
                .phases
                .iter()
                .find_map(|p| p.run.exercise.as_deref());
            let runs = profile.settings.runs(&profile.overrides, run_exercise);
            report.open_criteria =
                open_criteria(catalog, condition, plan.state.phase, journal, runs)
                    .into_iter()
                    .map(|mut o| {
                        let fill = profile.pain_fill(catalog);
                        o.criteria = o.criteria.iter().map(|c| fill.text(c, false)).collect();
                        o
                    })
                    .collect();
        }
    }
    report
        .changes
        .splice(0..0, override_lines(catalog, profile));
    let running = standing.running_load(catalog, profile, journal, weeks.max(1));
    report.running = running.has_runs().then_some(running);
    report
}

/// The clinician's overrides in plain words, each naming who made it.
fn override_lines(catalog: &Catalog, profile: &Profile) -> Vec<String> {
    let who = profile
        .patient
        .as_ref()
        .and_then(|p| p.clinician.clone())
        .map_or_else(|| "by the clinician".to_string(), |n| format!("by {n}"));
    let name = |id: &str| {
        catalog
            .exercise(id)
            .map_or_else(|| id.to_string(), |e| e.name.to_string())
    };
    let o = &profile.overrides;
    let mut lines = Vec::new();
    if let Some(n) = o.pinned_phase {
        lines.push(format!("phase pinned at {n}, {who}"));
    }
    if let Some(n) = o.pinned_walk_run_level {
        lines.push(format!("walk-run level pinned at {n}, {who}"));
    }
    for (id, dose) in &o.doses {
        // Who set this dose and when, as the change recorded it; else the profile's clinician.
        let by = match o.dose_set.get(id) {
            Some(set) => crate::plan::ItemOrigin::Clinician(Some(set.clone()))
                .describe()
                .replacen("dose set ", "", 1),
            None => who.clone(),
        };
        lines.push(format!(
            "dose of {} set to {}, {by}",
            name(id),
            dose.describe()
        ));
    }
    for id in &o.added {
        lines.push(format!("{} added, {who}", name(id)));
    }
    for id in &o.removed {
        lines.push(format!("{} removed, {who}", name(id)));
    }
    for (old, new) in &o.replaced {
        lines.push(format!("{} replaced by {}, {who}", name(old), name(new)));
    }
    if let Some(c) = o.ceiling_exercise {
        lines.push(format!("pain ceiling for exercise set to {c}, {who}"));
    }
    if let Some(c) = o.ceiling_running {
        lines.push(format!("pain ceiling for running set to {c}, {who}"));
    }
    lines
}

fn level_text(level: Option<FlagLevel>) -> &'static str {
    match level {
        Some(FlagLevel::Stop) => "get care now",
        Some(FlagLevel::Block) => "see a clinician first",
        Some(FlagLevel::Advise) => "advice",
        None => "not in this library",
    }
}

/// Every screening from the journal; an older profile's answers without a journal line count
/// as one screening on the day they were given.
fn screenings(catalog: &Catalog, profile: &Profile, journal: &JournalState) -> Vec<Screening> {
    let one = |date: Date, answers: &BTreeMap<String, bool>| Screening {
        date,
        yes: answers
            .iter()
            .filter(|(_, yes)| **yes)
            .map(|(id, _)| {
                let flag = catalog.red_flag(id);
                (
                    flag.map_or_else(|| id.clone(), |f| f.question.to_string()),
                    level_text(flag.map(|f| f.level)),
                )
            })
            .collect(),
    };
    let mut list: Vec<Screening> = journal
        .screenings
        .iter()
        .map(|(date, answers)| one(*date, answers))
        .collect();
    if list.is_empty()
        && let Some(date) = profile.red_flags.answered_on
    {
        list.push(one(date, &profile.red_flags.answers));
    }
    list
}

fn assessments(journal: &JournalState) -> Vec<(Date, Option<String>)> {
    let named = journal
        .last_assessment
        .as_ref()
        .map(|(_, date, by)| (*date, by.clone()));
    let mut list: Vec<(Date, Option<String>)> = journal
        .assessments
        .iter()
        .map(|d| {
            let by = named
                .as_ref()
                .filter(|(date, _)| date == d)
                .and_then(|(_, by)| by.clone());
            (*d, by)
        })
        .collect();
    list.sort();
    list.dedup();
    list
}

/// The current phase's exit criteria, and the return-to-run ones when a phase ahead runs,
/// unless the journal records them as met.
fn open_criteria(
    catalog: &Catalog,
    condition: &crate::catalog::Condition,
    phase: usize,
    journal: &JournalState,
    runs: bool,
) -> Vec<OpenCriteria> {
    let mut open = Vec::new();
    if let Some(p) = condition.phases.get(phase)
        && !p.exit_criteria.is_empty()
        && !journal
            .criteria_met
            .contains_key(&phase_exit_criteria(phase as u32 + 1))
        && phase + 1 < condition.phases.len()
    {
        open.push(OpenCriteria {
            title: format!("Phase {} ({}) exit", phase + 1, p.name),
            criteria: p.exit_criteria.iter().map(ToString::to_string).collect(),
        });
    }
    let runs_ahead = condition.phases[phase.min(condition.phases.len())..]
        .iter()
        .any(|p| matches!(p.run.mode, RunMode::WalkRun | RunMode::Continuous));
    if runs && runs_ahead && !journal.criteria_met.contains_key(RUN_ENTRY_CRITERIA) {
        open.push(OpenCriteria {
            title: "Return to running".to_string(),
            criteria: run_checks(catalog, condition),
        });
    }
    open
}

/// The return-to-running checks as "test: pass" lines, shared ones first.
fn run_checks(catalog: &Catalog, condition: &crate::catalog::Condition) -> Vec<String> {
    let own = catalog
        .education(&condition.id)
        .map(|e| e.run_checks.clone())
        .unwrap_or_default();
    let lines: Vec<String> = catalog
        .return_to_run_checks
        .iter()
        .flat_map(|r| r.checks.iter())
        .chain(&own)
        .map(|c| format!("{}: {}", c.test, c.pass))
        .collect();
    if lines.is_empty() {
        vec!["the return-to-running checks, recorded as met".to_string()]
    } else {
        lines
    }
}
