//! Walks the weeks from week 1: builds each week from the state the log earned, classifies its
//! sessions, decides at the end of the week and derives the next week's state.

use jiff::ToSpan;

use super::ProgressError;
use super::advance::Advance;
use super::classify::{Cause, Colour, Kinds, Limits, Morning, SessionReview, classify, mornings};
use super::decide::{Before, Rule, Verdict, WeekNumbers, decide, numbers};
use super::log::{DayLog, Log};
use super::outcome::{Decision, Flag, WeekOutcome};
use super::runs::{RunCarry, RunStep, adjust_runs};
use crate::catalog::{Catalog, Condition, Kind, PainRules, RunMode};
use crate::plan::{Overrides, Settings, Slot, WeekPlan, WeekState, build_week};

/// Everything carried from one week to the next.
struct Carry {
    state: WeekState,
    last_verdict: Option<Verdict>,
    last_red: u32,
    mornings: Vec<Option<f32>>,
    first_pain: Option<f32>,
    runs: RunCarry,
}

/// The inputs every week reads.
struct Inputs<'a> {
    catalog: &'a Catalog,
    condition: &'a Condition,
    settings: &'a Settings,
    overrides: &'a Overrides,
    log: &'a Log,
    rules: &'a PainRules,
    /// Logged days in date order, each with its morning score against the baseline.
    days: Vec<(&'a DayLog, Option<Morning>)>,
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
    let rules = catalog
        .pain_rules
        .as_ref()
        .ok_or(ProgressError::NoPainRules)?;
    if condition.phases.is_empty() {
        return Err(crate::plan::PlanError::NoPhases(condition.id.clone()).into());
    }
    let mut days: Vec<&DayLog> = log.days.iter().collect();
    days.sort_by_key(|d| d.date);
    let scored = mornings(&days, rules);
    let inputs = Inputs {
        catalog,
        condition,
        settings,
        overrides,
        log,
        rules,
        days: days.into_iter().zip(scored).collect(),
    };
    let mut carry = Carry {
        state: first_state(condition, overrides),
        last_verdict: None,
        last_red: 0,
        mornings: Vec::new(),
        first_pain: None,
        runs: RunCarry::default(),
    };
    let mut out = Vec::with_capacity(up_to_week as usize);
    for _ in 0..up_to_week {
        out.push(inputs.week(&mut carry)?);
    }
    Ok(out)
}

impl Inputs<'_> {
    fn week(&self, carry: &mut Carry) -> Result<WeekOutcome, ProgressError> {
        let mut flags = Vec::new();
        let state = carry.state.clone();
        let mut plan = build_week(
            self.catalog,
            self.condition,
            self.settings,
            self.overrides,
            &state,
        )?;
        let last = self.condition.phases.len() - 1;
        let phase = &self.condition.phases[state.phase.min(last)];
        adjust_runs(
            &mut plan,
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
            settings: self.settings,
            log: self.log,
            sunday,
        };
        // The same-session rule first, so the week is judged as the person saw it.
        let first_look = self.judge(&plan, week_days, limits, &before);
        // Judged again only when easing changed the plan; otherwise the first look stands.
        let (sessions, nums, (verdict, rule, reason)) =
            if first_look.0.iter().any(|s| !s.painful_exercises.is_empty()) {
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
        };
        self.ceiling_override(&mut decision, &plan, week_days, &before, &sessions);
        self.item_overrides(&mut decision, &plan);
        if let Some(r) = sessions.iter().find(|r| {
            r.causes
                .iter()
                .any(|c| matches!(c, Cause::Sharp | Cause::Swelling))
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
        carry.mornings.push(nums.median_morning);
        if carry.first_pain.is_none() {
            carry.first_pain = nums.pain_level();
        }
        carry.state = next;
        plan.shrink_to_fit();
        Ok(WeekOutcome {
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
            .map(|(d, m)| classify(d, *m, limits, self.rules, &kinds))
            .collect();
        let logged: Vec<&DayLog> = week_days.iter().map(|(d, _)| *d).collect();
        let nums = numbers(plan, &logged, &sessions);
        let verdict = decide(&nums, &sessions, before, self.rules);
        (sessions, nums, verdict)
    }

    fn limits(&self) -> Limits {
        let ceilings = self.condition.ceilings;
        Limits {
            exercise: self.overrides.ceiling_exercise.unwrap_or(ceilings.exercise),
            running: self.overrides.ceiling_running.unwrap_or(ceilings.running),
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
