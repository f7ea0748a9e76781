//! A profile's printed plan: its condition, settings, overrides and patient details, the weeks
//! asked for as the pain-monitored progression adapts them, the history its journal holds and
//! each finished week's decision. Pure: the profile and the replayed journal come in; the CLI
//! and the app's Export screen read them from disk.

use std::ops::RangeInclusive;

use jiff::ToSpan;
use jiff::civil::Date;

use super::history::history_from;
use super::model::{Decision, ExportInput, Patient, WeekDecision};
use crate::catalog::Catalog;
use crate::journal::{JournalState, summarize_week};
use crate::plan::PlanError;
use crate::profile::Profile;
use crate::progress::{ProgressError, Verdict, WeekOutcome, run_profile_on};

impl ExportInput {
    /// The printed plan of `profile` for `weeks`, dated `today`: each week as the progression
    /// adapts it from the journal (weeks after today hold until a logged week says otherwise),
    /// with the adherence and pain of every logged week and the decision of every finished one.
    pub fn for_profile(
        catalog: &Catalog,
        profile: &Profile,
        journal: &JournalState,
        weeks: RangeInclusive<u32>,
        today: Date,
    ) -> Result<ExportInput, ProgressError> {
        if *weeks.start() == 0 {
            return Err(PlanError::WeekZero.into());
        }
        let condition = catalog
            .condition(&profile.condition)
            .ok_or_else(|| ProgressError::UnknownCondition(profile.condition.clone()))?;
        // Judged on `today`, as every view judges a week still running.
        let outcomes = run_profile_on(catalog, profile, journal, *weeks.end(), Some(today))?;
        let summaries: Vec<_> = outcomes
            .iter()
            .filter(|o| o.plan.monday <= today)
            .map(|o| summarize_week(&o.plan, journal, today))
            .collect();
        // The engine's adherence, so a week's line agrees with its decision's reason.
        let adherence: Vec<(u32, Option<u32>)> = outcomes
            .iter()
            .map(|o| (o.week(), o.numbers.adherence_pct()))
            .collect();
        let decisions = outcomes
            .iter()
            .filter(|o| finished(o, today))
            .map(decision)
            .collect();
        // Weeks after this one are printed as planned if each goes well (the journal cannot
        // have decided them yet): the same ladder `rehab plan --condition` prints, marked so.
        let current = crate::plan::ProgramWeek::of(&profile.settings, today).or_first();
        let mut plans: Vec<crate::plan::WeekPlan> = Vec::new();
        for outcome in outcomes {
            let plan = match plans.last() {
                Some(previous) if outcome.plan.state.week > current => {
                    let state =
                        crate::plan::going_well(catalog, condition, &profile.overrides, previous);
                    crate::plan::build_week(
                        catalog,
                        condition,
                        &profile.settings,
                        &profile.overrides,
                        &state,
                    )?
                }
                _ => outcome.plan,
            };
            plans.push(plan);
        }
        let chosen = plans
            .into_iter()
            .filter(|w| weeks.contains(&w.state.week))
            .collect();
        let patient = profile
            .patient
            .clone()
            .map(|p| Patient {
                name: p.name,
                clinician: p.clinician,
                clinic: p.clinic,
                notes: p.notes,
            })
            .unwrap_or_default();
        let mut input = ExportInput::assemble(catalog, condition, chosen, today, patient);
        let run_exercise = condition
            .phases
            .iter()
            .find_map(|p| p.run.exercise.as_deref());
        if !profile.settings.runs(&profile.overrides, run_exercise) {
            input.without_running();
        }
        if let Some(ceiling) = profile.overrides.ceiling_exercise {
            input.ceilings.exercise = ceiling;
        }
        if let Some(ceiling) = profile.overrides.ceiling_running {
            input.ceilings.running = ceiling;
        }
        let mut history = history_from(&summaries);
        for week in &mut history {
            if let Some((_, pct)) = adherence.iter().find(|(w, _)| *w == week.week) {
                week.adherence_pct = *pct;
            }
        }
        if !history.is_empty() {
            input.history = Some(history);
        }
        input.decisions = decisions;
        for (week, guidance) in input.weeks.iter().zip(&mut input.guidance) {
            let before = week.state.week.saturating_sub(1);
            if week.state.week > current {
                guidance.shaped_by = Some(IF_IT_GOES_WELL.to_string());
            } else if let Some(d) = input.decisions.iter().find(|d| d.week == before) {
                guidance.shaped_by = Some(format!(
                    "after week {before}: {}: {}",
                    d.decision.label(),
                    d.reason
                ));
            }
        }
        Ok(input)
    }
}

/// What a printed week ahead says of itself.
pub const IF_IT_GOES_WELL: &str = "planned as if the weeks before go well; the doses are \
     reviewed each week from your pain and ticks, so the app may hold or ease them";

/// A week is decided once its Sunday is over.
fn finished(outcome: &WeekOutcome, today: Date) -> bool {
    outcome
        .plan
        .monday
        .checked_add(7.days())
        .is_ok_and(|next_monday| next_monday <= today)
}

fn decision(outcome: &WeekOutcome) -> WeekDecision {
    let d = &outcome.decision;
    let mut reason = d.reason.clone();
    for line in &d.overrides {
        reason.push_str("; ");
        reason.push_str(line);
    }
    WeekDecision {
        week: outcome.week(),
        decision: match d.verdict {
            Verdict::Progress => Decision::Progress,
            Verdict::Hold => Decision::Hold,
            Verdict::StepBack => Decision::StepBack,
            Verdict::SeeClinician => Decision::SeeClinician,
        },
        reason,
    }
}
