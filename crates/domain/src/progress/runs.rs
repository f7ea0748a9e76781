//! Running: the walk-run levels (clinical basis §1.4), the weekly rise ceiling and fortnight
//! warning for continuous running (§1.3), and pauses.

use super::classify::SessionReview;
use super::decide::Verdict;
use super::log::Log;
use super::outcome::{Decision, Flag};
use crate::catalog::{Catalog, Condition, PainRules, Phase, RunMode, Work};
use crate::plan::{Overrides, PlanItem, Slot, WeekPlan, WeekState, item_minutes};
use serde::{Deserialize, Serialize};

/// Running carried from one week to the next.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RunCarry {
    /// Green or amber runs at the current walk-run level.
    pub passes: u32,
    pub red_runs_in_a_row: u32,
    pub paused_next: bool,
    pub pause_reason: Option<String>,
    /// Continuous running minutes for next week when it must not rise (hold, step back).
    pub target_weekly: Option<u32>,
    /// Monday of the latest week that said "see a clinician": running stays paused until an
    /// assessment is recorded on or after it.
    pub clinician_since: Option<jiff::civil::Date>,
    /// Steps easier for runs that have no walk-run level or weekly arithmetic to step down
    /// (runs as the pain allows): one more after a week with a red run, one fewer after a
    /// week whose runs were all green or amber.
    #[serde(default)]
    pub eased_steps: u32,
}

/// The shortest run a step down leads to, in minutes.
const SHORTEST_RUN_MIN: u32 = 10;

/// A run one step shorter (§1.2: the regress step for running): about a third off, in whole
/// 5-minute steps, never below [`SHORTEST_RUN_MIN`] (30 -> 20 -> 15 -> 10).
pub fn shorter_run(minutes: u32) -> u32 {
    let step = ((minutes / 3 + 2) / 5 * 5).max(5);
    minutes
        .saturating_sub(step)
        .max(SHORTEST_RUN_MIN.min(minutes))
}

/// Makes a run item one step easier: the walk-run level below, or a shorter run. False when it
/// is already as easy as it goes.
pub fn ease_run_item(item: &mut PlanItem, catalog: &Catalog) -> bool {
    match item.walk_run_level {
        Some(level) => {
            let Some(below) = catalog.walk_run_level(level.saturating_sub(1)) else {
                return false;
            };
            item.walk_run_level = Some(below.level);
            item.dose.work = Work::Minutes(below.total_min);
        }
        None => {
            let Work::Minutes(minutes) = item.dose.work else {
                return false;
            };
            let shorter = shorter_run(minutes);
            if shorter >= minutes {
                return false;
            }
            item.dose.work = Work::Minutes(shorter);
        }
    }
    item.minutes = item_minutes(&item.dose);
    true
}

/// §1.1's same-session rule for runs: after a red run, every later run of the week is one step
/// easier (one more step for each red run before it). Says so in `decision`.
pub fn ease_runs_after_red(
    plan: &mut WeekPlan,
    sessions: &[SessionReview],
    catalog: &Catalog,
    decision: &mut Decision,
) {
    let red_runs: Vec<jiff::civil::Date> = sessions
        .iter()
        .filter(|s| s.run_red)
        .map(|s| s.date)
        .collect();
    let mut eased_any = false;
    for red in &red_runs {
        for day in plan.days.iter_mut().filter(|d| d.date > *red) {
            for item in day.items.iter_mut().filter(|i| i.slot == Slot::Run) {
                if ease_run_item(item, catalog) {
                    item.reason = Some(format!("one step easier after a painful run on {red}"));
                    item.eased = true;
                    eased_any = true;
                }
            }
        }
    }
    if eased_any {
        // Only a week that counts its running minutes (continuous running) counts them again:
        // runs as the pain allows keep 0, so the weekly arithmetic never starts from them.
        if plan.run_minutes > 0 {
            plan.run_minutes = running_minutes(plan, catalog);
        }
        let dates: Vec<String> = red_runs.iter().map(ToString::to_string).collect();
        decision.within.push(format!(
            "runs after a painful run eased one step each time ({})",
            dates.join(", ")
        ));
    }
}

/// Minutes of running the week's run items hold (walk breaks not counted).
fn running_minutes(plan: &WeekPlan, catalog: &Catalog) -> u32 {
    plan.days
        .iter()
        .flat_map(|d| &d.items)
        .filter(|i| i.slot == Slot::Run)
        .map(
            |i| match i.walk_run_level.and_then(|l| catalog.walk_run_level(l)) {
                Some(level) => level.running_minutes(),
                None => i.dose.work.amount() * i.dose.sets.max(1),
            },
        )
        .sum()
}

/// Why running is paused until a clinician has seen the knee.
pub const UNTIL_ASSESSED: &str =
    "see a clinician before running again; running resumes once they record their assessment";

/// Applies pauses, the walk-run entry gate and held running time to a freshly built week.
pub fn adjust_runs(
    plan: &mut WeekPlan,
    catalog: &Catalog,
    phase: &Phase,
    log: &Log,
    carry: &RunCarry,
    rules: &PainRules,
    flags: &mut Vec<Flag>,
) {
    let has_runs = plan.days.iter().any(|d| d.has_run());
    let unassessed = carry
        .clinician_since
        .is_some_and(|since| !log.assessed_between(since, plan.monday));
    if let Some(since) = carry.clinician_since.filter(|_| unassessed) {
        flags.push(Flag::ClinicianDue(since));
    }
    if has_runs && (carry.paused_next || unassessed) {
        let why = match &carry.pause_reason {
            Some(why) if carry.paused_next => why.clone(),
            _ => UNTIL_ASSESSED.to_string(),
        };
        remove_runs(plan);
        plan.notes.push(format!("Running paused: {why}"));
        flags.push(Flag::RunningPaused(why));
    } else if has_runs
        && matches!(phase.run.mode, RunMode::WalkRun | RunMode::Continuous)
        && !log.run_entry_met(plan.monday)
    {
        // Walk-run levels and continuous running both wait for the return-to-run check.
        remove_runs(plan);
        flags.push(Flag::AwaitingRunEntry);
        plan.notes.push(Flag::AwaitingRunEntry.text());
    } else if let Some(target) = carry.target_weekly.filter(|_| plan.run_minutes > 0) {
        // Counted running (continuous, or runs from the person's usual run) holds or steps
        // back as last week's decision said.
        set_weekly_minutes(plan, target);
    } else if has_runs && phase.run.mode == RunMode::PainLimited && carry.eased_steps > 0 {
        let mut eased = false;
        for item in plan
            .days
            .iter_mut()
            .flat_map(|d| &mut d.items)
            .filter(|i| i.slot == Slot::Run)
        {
            let mut this_one = false;
            for _ in 0..carry.eased_steps {
                this_one |= ease_run_item(item, catalog);
            }
            if this_one {
                item.reason = Some("shorter after a painful run last week".into());
                item.eased = true;
            }
            eased |= this_one;
        }
        if eased {
            plan.notes
                .push("Runs shorter this week after a painful run last week.".into());
        }
    }
    cap_to_actual(plan, log, rules);
    let two_ago = plan.state.run_minutes_two_weeks_ago;
    let pct = rules.running_fortnight_warn_pct;
    // In u64: a library may hold any percentage.
    let rise = u64::from(plan.run_minutes) * 100;
    if plan.run_minutes > 0 && two_ago > 0 && rise > u64::from(two_ago) * (100 + u64::from(pct)) {
        flags.push(Flag::FortnightRise {
            from: two_ago,
            to: plan.run_minutes,
            pct,
        });
    }
}

/// Running planned from the running done (clinical basis §1.3), when a watch recorded last
/// week's runs: a week that ran more than prescribed is held (no rise on top of it), and no
/// week is planned more than the weekly rise (10%) over what was actually run. Only running
/// that counts its minutes; walk-run levels go by their own rules.
pub fn cap_to_actual(plan: &mut WeekPlan, log: &Log, rules: &PainRules) {
    let prescribed = plan.state.previous_run_minutes;
    if plan.run_minutes == 0 || prescribed == 0 {
        return;
    }
    let last_monday = plan.monday.saturating_sub(jiff::ToSpan::days(7));
    let last_sunday = plan.monday.saturating_sub(jiff::ToSpan::days(1));
    let Some(actual) = log.ran_between(last_monday, last_sunday) else {
        return;
    };
    let pct = rules.running_weekly_rise_pct.min(100);
    let (limit, why) = if actual > prescribed {
        (
            prescribed,
            format!(
                "Running held at {prescribed} min this week: last week ran {actual} min, more                  than the {prescribed} prescribed."
            ),
        )
    } else {
        let limit = (actual + actual * pct / 100).max(1);
        (
            limit,
            format!(
                "Running at most {limit} min this week: {pct}% over the {actual} min actually                  run last week."
            ),
        )
    };
    if plan.run_minutes > limit {
        set_weekly_minutes(plan, limit);
        plan.notes.push(why);
    }
}

fn remove_runs(plan: &mut WeekPlan) {
    for day in &mut plan.days {
        day.items.retain(|i| i.slot != Slot::Run);
    }
    plan.run_minutes = 0;
}

/// Spreads `weekly` minutes over the week's runs, whole minutes per run.
fn set_weekly_minutes(plan: &mut WeekPlan, weekly: u32) {
    let runs = plan.days.iter().filter(|d| d.has_run()).count() as u32;
    if runs == 0 {
        return;
    }
    let per_run = (weekly / runs).max(1);
    for item in plan.days.iter_mut().flat_map(|d| &mut d.items) {
        if item.slot == Slot::Run {
            item.dose.sets = 1;
            item.dose.work = Work::Minutes(per_run);
            item.minutes = item_minutes(&item.dose);
        }
    }
    plan.run_minutes = per_run * runs;
}

/// What the week's runs and decision mean for next week's level, minutes and pauses.
pub struct RunStep<'a> {
    pub catalog: &'a Catalog,
    pub condition: &'a Condition,
    pub overrides: &'a Overrides,
    pub rules: &'a PainRules,
}

impl RunStep<'_> {
    pub fn next(
        &self,
        carry: &RunCarry,
        this: &WeekState,
        next: &mut WeekState,
        plan: &WeekPlan,
        sessions: &[SessionReview],
        decision: &mut Decision,
    ) -> RunCarry {
        let mode = |phase: usize| self.condition.phases.get(phase).map(|p| p.run.mode);
        let walk_run_now = mode(this.phase) == Some(RunMode::WalkRun);
        let mut c = RunCarry {
            passes: carry.passes,
            red_runs_in_a_row: carry.red_runs_in_a_row,
            clinician_since: carry.clinician_since,
            eased_steps: carry.eased_steps,
            ..RunCarry::default()
        };
        let mut any_red = false;
        let mut two_in_a_row = false;
        for s in sessions.iter().filter(|s| s.ran) {
            if s.run_red {
                any_red = true;
                c.red_runs_in_a_row += 1;
                c.passes = 0;
                two_in_a_row |= c.red_runs_in_a_row >= 2;
            } else {
                c.red_runs_in_a_row = 0;
                c.passes += 1;
            }
        }
        let ran = sessions.iter().any(|s| s.ran);
        if any_red && mode(this.phase) == Some(RunMode::PainLimited) {
            c.eased_steps += 1;
            decision
                .next
                .push("next week's runs one step shorter".into());
        } else if ran && !any_red {
            c.eased_steps = c.eased_steps.saturating_sub(1);
        }
        let top = self.catalog.top_walk_run_level().max(1);
        let mut level = this.walk_run_level.unwrap_or(1);
        if two_in_a_row {
            c.paused_next = true;
            let restart = if walk_run_now {
                "walk-run level 1"
            } else {
                "the phase's starting running time"
            };
            c.pause_reason = Some(format!(
                "two red runs in a row; a week without running, then {restart}; check with a clinician"
            ));
            c.red_runs_in_a_row = 0;
            c.passes = 0;
            level = 1;
        } else if walk_run_now && (any_red || decision.verdict == Verdict::StepBack) {
            level = level.saturating_sub(1).max(1);
            c.passes = 0;
        } else if walk_run_now
            && sessions.iter().any(|s| s.ran)
            && decision.verdict == Verdict::Progress
            && c.passes >= self.rules.level_passes
            && level < top
        {
            level += 1;
            c.passes = 0;
        }
        if decision.verdict == Verdict::SeeClinician {
            c.clinician_since = Some(plan.monday);
            decision
                .next
                .push("running paused until a clinician has seen the knee".into());
        }

        next.walk_run_level = None;
        if mode(next.phase) == Some(RunMode::WalkRun) {
            if next.phase != this.phase {
                level = 1;
                c.passes = 0;
            } else if Some(level) != this.walk_run_level
                && self.overrides.pinned_walk_run_level.is_none()
            {
                decision.next.push(format!("walk-run level {level}"));
            }
            next.walk_run_level = Some(level);
            if let Some(pinned) = self.overrides.pinned_walk_run_level {
                if pinned != level {
                    decision.overrides.push(format!(
                        "walk-run level pinned to {pinned} by your clinician"
                    ));
                }
                next.walk_run_level = Some(pinned);
            }
        }

        // Running that counts its minutes rises only on a PROGRESS week (clinical basis 1.3);
        // a phase without running, or walk-run levels, starts afresh.
        let counted = |m: Option<RunMode>| {
            matches!(
                m,
                Some(RunMode::Continuous | RunMode::PainLimited | RunMode::WalkRun)
            )
        };
        if counted(mode(this.phase)) && counted(mode(next.phase)) && plan.run_minutes > 0 {
            let now = plan.run_minutes;
            c.target_weekly = match decision.verdict {
                _ if any_red || decision.verdict == Verdict::StepBack => {
                    let pct = self.rules.running_weekly_rise_pct.min(100);
                    let down = now - now * pct / 100;
                    decision
                        .next
                        .push(format!("running time down to {down} min a week"));
                    Some(down)
                }
                Verdict::Progress => None,
                Verdict::Hold | Verdict::SeeClinician | Verdict::StepBack => Some(now),
            };
        }
        next.previous_run_minutes = plan.run_minutes;
        next.run_minutes_two_weeks_ago = this.previous_run_minutes;
        c
    }
}

#[cfg(test)]
mod tests;
