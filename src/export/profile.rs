//! A profile's printed plan: its condition, settings, overrides and patient details, the weeks
//! asked for, and the history its journal holds. Pure: the profile and the replayed journal come
//! in; the CLI and the app's Export screen read them from disk.

use std::ops::RangeInclusive;

use jiff::ToSpan;
use jiff::civil::Date;

use super::history::history_from;
use super::model::{ExportInput, Patient};
use crate::catalog::Catalog;
use crate::journal::{JournalState, WeekError, program_through, summarize_week, week_number};
use crate::plan::{PlanError, monday_of};
use crate::profile::Profile;

/// The week holding `today` (week 1 before the start): what a profile prints by default.
pub fn current_week(profile: &Profile, today: Date) -> u32 {
    week_number(profile.settings.start, today).unwrap_or(1)
}

impl ExportInput {
    /// The printed plan of `profile` for `weeks`, dated `today`, with the adherence and pain of
    /// every logged week up to today.
    pub fn for_profile(
        catalog: &Catalog,
        profile: &Profile,
        journal: &JournalState,
        weeks: RangeInclusive<u32>,
        today: Date,
    ) -> Result<ExportInput, WeekError> {
        if *weeks.start() == 0 {
            return Err(WeekError::Plan(PlanError::WeekZero));
        }
        let condition = catalog
            .condition(&profile.condition)
            .ok_or_else(|| WeekError::UnknownCondition(profile.condition.clone()))?;
        let last_monday = monday_of(profile.settings.start)
            .checked_add((i64::from(*weeks.end()) * 7 - 7).days())
            .map_err(|_| WeekError::Plan(PlanError::WeekZero))?;
        let program = program_through(catalog, profile, last_monday)?;
        let summaries: Vec<_> = program
            .weeks
            .iter()
            .filter(|w| w.monday <= today)
            .map(|w| summarize_week(w, journal, today))
            .collect();
        let chosen = program
            .weeks
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
        if let Some(ceiling) = profile.overrides.ceiling_exercise {
            input.ceilings.exercise = ceiling;
        }
        if let Some(ceiling) = profile.overrides.ceiling_running {
            input.ceilings.running = ceiling;
        }
        let history = history_from(&summaries);
        if !history.is_empty() {
            input.history = Some(history);
        }
        Ok(input)
    }
}
