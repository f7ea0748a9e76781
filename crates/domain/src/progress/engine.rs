//! Walks the weeks from week 1: builds each week from the state the log earned, classifies its
//! sessions, decides at the end of the week and derives the next week's state.

use jiff::ToSpan;
use jiff::civil::Date;

use super::ProgressError;
use super::advance::Advance;
use serde::{Deserialize, Serialize};

use super::classify::{Baselines, Cause, Colour, Kinds, Limits, Morning, SessionReview, classify};
use super::decide::{Before, Rule, Verdict, WeekNumbers, decide, numbers};
use super::log::{DayLog, Log};
use super::outcome::PhaseRuns;
use super::outcome::{Decision, Flag, WeekOutcome};
use super::runs::{RunCarry, RunStep, adjust_runs, ease_runs_after_red};
use crate::catalog::{Catalog, Condition, Kind, PainRules, RunMode};
use crate::plan::{
    EarlierSettings, Overrides, Settings, Slot, WeekPlan, WeekState, build_week,
    build_week_unshown, settings_on,
};

/// Everything carried from one week to the next.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Carry {
    state: WeekState,
    last_verdict: Option<Verdict>,
    last_red: u32,
    /// Each week's median morning score, oldest first (the rules read the last two).
    mornings: Vec<Option<f32>>,
    first_pain: Option<f32>,
    runs: RunCarry,
    /// The continuous runs of the current phase done in full within the pain rule, with their
    /// minutes: what a phase's exit checks read, however far back the phase began.
    long_runs: PhaseRuns,
}

/// Where the progression stands at the start of a week: all that the weeks before it pass on,
/// so the weeks from there on can be worked out again without walking the years before.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Checkpoint {
    week: u32,
    carry: Carry,
    baselines: Baselines,
}

impl Checkpoint {
    /// The week it starts.
    pub fn week(&self) -> u32 {
        self.week
    }
}

/// The inputs every week reads.
struct Inputs<'a> {
    catalog: &'a Catalog,
    condition: &'a Condition,
    /// The current settings; a week is built from those in force on its Monday.
    settings: &'a Settings,
    earlier: &'a [EarlierSettings],
    overrides: &'a Overrides,
    log: &'a Log,
    rules: &'a PainRules,
    /// Logged days in date order, each with its morning score against the baseline.
    days: Vec<(&'a DayLog, Option<Morning>)>,
    today: Option<Date>,
}

/// The weeks 1..=up_to_week, each built from the log before it and decided from its own log.
pub fn run(
    catalog: &Catalog,
    condition: &Condition,
    settings: &Settings,
    overrides: &Overrides,
    log: &Log,
    up_to_week: u32,
) -> Result<Vec<WeekOutcome>, ProgressError> {
    let span = Span {
        from: None,
        up_to_week,
        keep: None,
        today: None,
        earlier: &[],
        show_from: None,
    };
    run_span(catalog, condition, settings, overrides, log, span).map(|(weeks, _)| weeks)
}

/// Which weeks [`run_span`] works out.
#[derive(Debug, Clone, Copy)]
pub struct Span<'a> {
    /// Start from here rather than week 1; the log's days before its Monday are not read.
    pub from: Option<&'a Checkpoint>,
    /// The last week.
    pub up_to_week: u32,
    /// Also say where the progression stands at the start of this week, when it is one of
    /// the weeks worked out.
    pub keep: Option<u32>,
    /// The day the weeks are judged on: a week still running then is judged on what was due
    /// so far. `None` judges every week whole.
    pub today: Option<Date>,
    /// The settings in force before each change (`Profile::earlier_settings`): each week is
    /// built from the settings in force on its Monday, so a change never rewrites a week before
    /// it (issue 27).
    pub earlier: &'a [EarlierSettings],
    /// The first week returned; the weeks before it are worked out only for what they pass on,
    /// and built without what only a week on screen says (the training day more a week that
    /// does not fit may offer). `None` returns every week.
    pub show_from: Option<u32>,
}

/// The weeks of `span` (from its checkpoint's week, or week 1), the same as [`run`] gives for
/// them, and the checkpoint asked to be kept.
pub fn run_span(
    catalog: &Catalog,
    condition: &Condition,
    settings: &Settings,
    overrides: &Overrides,
    log: &Log,
    span: Span,
) -> Result<(Vec<WeekOutcome>, Option<Checkpoint>), ProgressError> {
    let rules = catalog
        .pain_rules
        .as_ref()
        .ok_or(ProgressError::NoPainRules)?;
    if condition.phases.is_empty() {
        return Err(crate::plan::PlanError::NoPhases(condition.id.to_string()).into());
    }
    // The replay's cost is bounded by the program, never by the date asked about.
    crate::plan::check_week(span.up_to_week)?;
    let (first_week, mut carry, mut baselines) = match span.from {
        Some(c) => (c.week, c.carry.clone(), c.baselines.clone()),
        None => (1, first_carry(condition, overrides), Baselines::default()),
    };
    let first_monday = settings.monday_of_week(first_week);
    let mut days: Vec<&DayLog> = log
        .days
        .iter()
        .filter(|d| span.from.is_none() || d.date >= first_monday)
        .collect();
    days.sort_by_key(|d| d.date);
    let keep = span
        .keep
        .filter(|k| (first_week..=span.up_to_week).contains(k));
    let keep_monday = keep.map(|k| settings.monday_of_week(k));
    // The baselines as they stand on the kept week's Monday, on the way through the days.
    let mut kept_baselines = None;
    let mut scored = Vec::with_capacity(days.len());
    for day in &days {
        if kept_baselines.is_none() && keep_monday.is_some_and(|m| day.date >= m) {
            kept_baselines = Some(baselines.clone());
        }
        scored.push(baselines.next(day, rules));
    }
    let mut kept_baselines = kept_baselines.unwrap_or(baselines);
    let inputs = Inputs {
        catalog,
        condition,
        settings,
        earlier: span.earlier,
        overrides,
        log,
        rules,
        days: days.into_iter().zip(scored).collect(),
        today: span.today,
    };
    let first_shown = span.show_from.unwrap_or(first_week).max(first_week);
    let mut out = Vec::with_capacity(span.up_to_week.saturating_sub(first_shown) as usize + 1);
    let mut kept = None;
    for week in first_week..=span.up_to_week {
        if Some(week) == keep {
            kept = Some(Checkpoint {
                week,
                carry: carry.clone(),
                baselines: std::mem::take(&mut kept_baselines),
            });
        }
        let shown = week >= first_shown;
        let outcome = inputs.week(&mut carry, shown)?;
        if shown {
            out.push(outcome);
        }
    }
    Ok((out, kept))
}

impl Inputs<'_> {
    /// The week `carry` stands at, and the carry for the next; built as shown when `shown`.
    fn week(&self, carry: &mut Carry, shown: bool) -> Result<WeekOutcome, ProgressError> {
        let mut flags = Vec::new();
        let state = carry.state.clone();
        let in_force = settings_on(
            self.settings,
            self.earlier,
            self.settings.monday_of_week(state.week),
        );
        let settings: &Settings = &in_force;
        let build = if shown {
            build_week
        } else {
            build_week_unshown
        };
        let mut plan = build(
            self.catalog,
            self.condition,
            settings,
            self.overrides,
            &state,
        )?;
        let last = self.condition.phases.len() - 1;
        let phase = &self.condition.phases[state.phase.min(last)];
        adjust_runs(
            &mut plan,
            self.catalog,
            phase,
            self.log,
            &carry.runs,
            self.rules,
            &mut flags,
        );

        let sunday = plan.monday.checked_add(6.days()).unwrap_or(plan.monday);
        // The days are in date order: the week's are one run, found by two binary searches
        // rather than a pass over every day logged since the start, for every week.
        let from = self.days.partition_point(|(d, _)| d.date < plan.monday);
        let to = self.days.partition_point(|(d, _)| d.date <= sunday);
        let week_days = &self.days[from..to.max(from)];
        let before = Before {
            week: state.week,
            last_verdict: carry.last_verdict,
            last_red: carry.last_red,
            morning_1: carry.mornings.last().copied().flatten(),
            morning_2: carry.mornings.iter().rev().nth(1).copied().flatten(),
            first_pain: carry.first_pain,
            review_week: self.condition.review_week,
            progress_median: self.condition.ceilings.progress_median,
        };
        let limits = self.limits();
        let advance = Advance {
            catalog: self.catalog,
            condition: self.condition,
            overrides: self.overrides,
            settings,
            log: self.log,
            sunday,
        };
        // The same-session rule first, so the week is judged as the person saw it.
        let first_look = self.judge(&plan, week_days, limits, &before);
        // Judged again only when easing changed the plan; otherwise the first look stands.
        let (sessions, nums, (verdict, rule, reason)) =
            if first_look.0.iter().any(|s| !s.to_ease().is_empty()) {
                advance.ease_within_week(&state, &mut plan, &first_look.0);
                self.judge(&plan, week_days, limits, &before)
            } else {
                first_look
            };
        let mut decision = Decision {
            verdict,
            rule,
            reason,
            overrides: Vec::new(),
            next: Vec::new(),
            within: Vec::new(),
        };
        ease_runs_after_red(&mut plan, &sessions, self.catalog, &mut decision);
        self.ceiling_override(&mut decision, &plan, week_days, &before, &sessions);
        self.item_overrides(&mut decision, &plan);
        // Each day with a warning sign, dated: the history keeps every one.
        for r in sessions.iter().filter(|r| {
            r.causes
                .iter()
                .any(|c| matches!(c, Cause::Sharp | Cause::Swelling | Cause::Limp))
        }) {
            flags.push(Flag::ReopenRedFlags(r.date));
        }

        let mut next = advance.next_state(&state, &plan, &sessions, &mut decision, &mut flags);
        next.heavy_sunday_before = plan.ends_heavy;
        next.carry_amounts(&plan);
        let runs = RunStep {
            catalog: self.catalog,
            condition: self.condition,
            overrides: self.overrides,
            rules: self.rules,
        };
        carry.runs = runs.next(
            &carry.runs,
            &state,
            &mut next,
            &plan,
            &sessions,
            &mut decision,
        );
        if carry.runs.paused_next
            && let Some(why) = &carry.runs.pause_reason
        {
            decision
                .next
                .push(format!("running paused next week: {why}"));
        }
        // A week without logs says nothing about the weeks around it.
        carry.last_verdict = (rule != Rule::NoLogs).then_some(verdict);
        carry.last_red = nums.red;
        // Only the last two weeks' are read: years of them are not kept.
        if carry.mornings.len() >= 2 {
            carry.mornings.remove(0);
        }
        carry.mornings.push(nums.median_morning);
        if carry.first_pain.is_none() {
            carry.first_pain = nums.pain_level();
        }
        carry
            .long_runs
            .add_week(&plan, &sessions, week_days, self.today);
        carry.state = next;
        plan.shrink_to_fit();
        Ok(WeekOutcome {
            // Only a week on screen says it: years of weeks walked through copy nothing.
            long_runs: if shown {
                carry.long_runs.clone()
            } else {
                PhaseRuns::default()
            },
            plan,
            sessions,
            numbers: nums,
            decision,
            flags,
        })
    }

    /// Classifies the week's sessions with `limits` and applies the weekly rule.
    fn judge(
        &self,
        plan: &WeekPlan,
        week_days: &[(&DayLog, Option<Morning>)],
        limits: Limits,
        before: &Before,
    ) -> (Vec<SessionReview>, WeekNumbers, (Verdict, Rule, String)) {
        let kinds = Kinds {
            runs: run_exercises(self.catalog, plan),
            main: plan
                .days
                .iter()
                .flat_map(|d| &d.items)
                .filter(|i| i.slot == Slot::Main && !i.optional)
                .map(|i| i.exercise.as_str())
                .collect(),
        };
        let sessions: Vec<SessionReview> = week_days
            .iter()
            .filter(|(d, _)| counts_as_session(d))
            .map(|(d, m)| {
                let mut review = classify(d, *m, limits, self.rules, &kinds);
                after_warning_sign(&mut review, plan, &kinds);
                review
            })
            .collect();
        let logged: Vec<&DayLog> = week_days.iter().map(|(d, _)| *d).collect();
        let nums = numbers(plan, &logged, &sessions, self.today);
        let verdict = decide(&nums, &sessions, before, self.rules);
        (sessions, nums, verdict)
    }

    fn limits(&self) -> Limits {
        let limits = crate::catalog::limits::PainLimits::of(
            self.condition,
            self.overrides.ceiling_exercise,
            self.overrides.ceiling_running,
        );
        Limits {
            exercise: limits.exercise,
            running: limits.running,
        }
    }

    /// Says so when a clinician's ceiling changed the week's red sessions or its verdict.
    fn ceiling_override(
        &self,
        decision: &mut Decision,
        plan: &WeekPlan,
        week_days: &[(&DayLog, Option<Morning>)],
        before: &Before,
        sessions: &[SessionReview],
    ) {
        let ceilings = self.condition.ceilings;
        let library = Limits {
            exercise: ceilings.exercise,
            running: ceilings.running,
        };
        let ours = self.limits();
        if ours == library {
            return;
        }
        let (theirs, _, (library_verdict, _, _)) = self.judge(plan, week_days, library, before);
        let reds = |s: &[SessionReview]| s.iter().filter(|r| r.colour == Colour::Red).count();
        if reds(sessions) == reds(&theirs) && library_verdict == decision.verdict {
            return;
        }
        let mut parts = Vec::new();
        if ours.exercise != library.exercise {
            parts.push(format!(
                "exercise ceiling {} (library {})",
                ours.exercise, library.exercise
            ));
        }
        if ours.running != library.running {
            parts.push(format!(
                "running ceiling {} (library {})",
                ours.running, library.running
            ));
        }
        decision.overrides.push(format!(
            "{} set by your clinician (with the library's: {})",
            parts.join(", "),
            library_verdict.label()
        ));
    }

    /// Says so when the week's plan holds a clinician's replacement, or a clinician's dose that
    /// the decision's dose step does not move.
    fn item_overrides(&self, decision: &mut Decision, plan: &WeekPlan) {
        let steps = matches!(decision.verdict, Verdict::Progress | Verdict::StepBack);
        for item in plan.days.iter().flat_map(|d| &d.items) {
            let mut texts = Vec::new();
            if let Some(original) = &item.replaces
                && self.overrides.replaced.get(original) == Some(&item.exercise)
            {
                texts.push(format!("{original} replaced by {}", item.exercise));
            }
            if steps && self.overrides.doses.contains_key(&item.exercise) {
                texts.push(format!("{} dose set by your clinician", item.exercise));
            }
            for text in texts {
                if !decision.overrides.contains(&text) {
                    decision.overrides.push(text);
                }
            }
        }
    }
}

fn first_carry(condition: &Condition, overrides: &Overrides) -> Carry {
    Carry {
        state: first_state(condition, overrides),
        last_verdict: None,
        last_red: 0,
        mornings: Vec::new(),
        first_pain: None,
        runs: RunCarry::default(),
        long_runs: PhaseRuns::default(),
    }
}

fn first_state(condition: &Condition, overrides: &Overrides) -> WeekState {
    let last = condition.phases.len().saturating_sub(1);
    let phase = overrides
        .pinned_phase
        .map_or(0, |p| (p.max(1) as usize - 1).min(last));
    let walk_run = condition
        .phases
        .get(phase)
        .is_some_and(|p| p.run.mode == RunMode::WalkRun);
    WeekState {
        week: 1,
        phase,
        week_in_phase: 1,
        walk_run_level: walk_run.then(|| overrides.pinned_walk_run_level.unwrap_or(1)),
        ..WeekState::default()
    }
}

/// §1.5: after sharp pain, new swelling or a limp the plan resumes one step down for every item
/// of that day, not only the ones whose own pain was scored: each main exercise planned or done
/// that day is eased, and a run done that day counts as a red run.
fn after_warning_sign(review: &mut SessionReview, plan: &WeekPlan, kinds: &Kinds) {
    let warned = review
        .causes
        .iter()
        .any(|c| matches!(c, Cause::Sharp | Cause::Swelling | Cause::Limp));
    if !warned {
        return;
    }
    let planned = plan
        .day(review.date)
        .into_iter()
        .flat_map(|d| &d.items)
        .filter(|i| i.slot == Slot::Main && kinds.main.contains(&i.exercise.as_str()))
        .map(|i| i.exercise.clone());
    let mut others: Vec<String> = planned
        .filter(|id| !review.painful_exercises.contains(id))
        .collect();
    others.sort();
    others.dedup();
    review.eased_after_warning = others;
    review.run_red |= review.ran;
}

fn counts_as_session(day: &DayLog) -> bool {
    day.is_logged() || day.swelling || day.limp || day.sharp || day.red_flag
}

/// Every run exercise: the plan's, and any the library has (a run logged while running was
/// paused is still a run).
fn run_exercises<'a>(catalog: &'a Catalog, plan: &'a WeekPlan) -> Vec<&'a str> {
    let mut ids: Vec<&str> = plan
        .days
        .iter()
        .flat_map(|d| &d.items)
        .filter(|i| i.slot == Slot::Run)
        .map(|i| i.exercise.as_str())
        .chain(
            catalog
                .exercises
                .iter()
                .filter(|e| e.kind == Kind::Run)
                .map(|e| e.id.as_str()),
        )
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

impl PhaseRuns {
    /// Adds the week's planned continuous runs (not walk-runs) that were ticked in full, with a
    /// pain score logged that day and the session not red; a new phase starts anew.
    fn add_week(
        &mut self,
        plan: &WeekPlan,
        sessions: &[SessionReview],
        week_days: &[(&DayLog, Option<Morning>)],
        today: Option<Date>,
    ) {
        if self.phase != plan.state.phase {
            *self = PhaseRuns {
                phase: plan.state.phase,
                ..PhaseRuns::default()
            };
        }
        for day in plan
            .days
            .iter()
            .filter(|d| today.is_none_or(|t| d.date <= t))
        {
            let Some((logged, _)) = week_days.iter().find(|(l, _)| l.date == day.date) else {
                continue;
            };
            let scored = logged.pain_during.is_some()
                || logged.run_pain.is_some()
                || logged.pain_next_morning.is_some();
            let red = sessions
                .iter()
                .any(|r| r.date == day.date && r.colour == Colour::Red);
            let long_run = day.items.iter().find_map(|i| match i.dose.work {
                crate::catalog::Work::Minutes(m)
                    if i.slot == Slot::Run
                        && i.walk_run_level.is_none()
                        && logged.items.iter().any(|l| {
                            *l.exercise == *i.exercise
                                && l.status == super::log::Status::Done
                                && (scored || l.pain.is_some())
                        }) =>
                {
                    Some(m)
                }
                _ => None,
            });
            if let Some(minutes) = long_run
                && !red
            {
                self.add(day.date, minutes);
            }
        }
    }
}
