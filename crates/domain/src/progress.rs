//! Pain-monitored progression: each week advances, holds, steps back or says "see a clinician"
//! from what was logged, and always says why (clinical basis §1).
//!
//! Pure: the log comes in as data, nothing is read from disk or the clock. The numbers live in the
//! library (`pain_rules`, each condition's `ceilings` and `review_week`), not here.
//!
//! ```text
//! week 1 state ─> build_week ─> classify sessions ─> weekly rule ─> next state ─> week 2 ...
//! ```
//!
//! Readings of the rules where the clinical basis leaves room:
//! - a session is one logged day; a day's pain is blamed on the exercise whose own score went
//!   over the ceiling, else (no per-exercise scores) on every main exercise done that day;
//! - one red session with no other trigger holds the week (progress needs none; stepping back
//!   needs two, or reds two weeks running);
//! - a phase moves on when the week progresses and its exit criteria are recorded by that Sunday
//!   (its typical length only raises a reminder); walk-run waits for the entry criteria recorded
//!   by the week's Monday; walk-run moves up one level a week at most, after `level_passes`
//!   green or amber runs at the level in a week that progresses;
//! - "no meaningful improvement" by the review week: the week's pain (the higher of the median
//!   during and the median morning) is above the "safe" band and has not fallen by
//!   `improvement_points` since the first logged week;
//! - "see a clinician" pauses running until an assessment is recorded.

mod advance;
mod classify;
mod decide;
mod engine;
mod from_journal;
mod log;
mod memo;
mod outcome;
mod runs;

pub use classify::{Cause, Colour, Limits, SessionReview};
pub use decide::{Rule, Verdict, WeekNumbers};
pub use engine::{Checkpoint, Span, run, run_span};
pub use from_journal::{
    RUN_ENTRY_CRITERIA, log_from_journal, log_from_journal_since, phase_check_criteria,
    phase_exit_criteria,
};
pub use log::{DayLog, ItemLog, Log, PhaseExit, Status};
pub use memo::{Memo, recent};
pub use outcome::{AdaptedWeek, Decision, Flag, PhaseRuns, WeekOutcome};

use jiff::civil::Date;

use crate::catalog::{Catalog, Condition};
use crate::journal::JournalState;
use crate::plan::{Overrides, PlanError, Settings, monday_of};
use crate::profile::Profile;

/// Why the progression cannot be worked out.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProgressError {
    #[error(transparent)]
    Plan(#[from] PlanError),
    #[error("the library has no `pain_rules`; the built-in screening.ron has them")]
    NoPainRules,
    #[error("the profile's condition `{0}` is not in the library")]
    UnknownCondition(String),
    #[error("{date} is before the program starts ({start})")]
    BeforeStart { date: Date, start: Date },
}

/// The plan for week `week` as the log before it shaped it, with the decision that did.
pub fn adapted_week(
    catalog: &Catalog,
    condition: &Condition,
    settings: &Settings,
    overrides: &Overrides,
    log: &Log,
    week: u32,
) -> Result<AdaptedWeek, ProgressError> {
    if week == 0 {
        return Err(PlanError::WeekZero.into());
    }
    let mut weeks = run(catalog, condition, settings, overrides, log, week)?;
    let this = weeks.pop().ok_or(PlanError::WeekZero)?;
    Ok(AdaptedWeek {
        plan: this.plan,
        because: weeks.pop().map(|w| w.decision),
        flags: this.flags,
    })
}

/// The weeks of a profile from its journal: [`run`] for the profile's condition, settings and
/// overrides, with the journal's replayed state as the log.
pub fn run_profile(
    catalog: &Catalog,
    profile: &Profile,
    journal: &JournalState,
    up_to_week: u32,
) -> Result<Vec<WeekOutcome>, ProgressError> {
    run_profile_on(catalog, profile, journal, up_to_week, None)
}

/// As [`run_profile`], with a week that runs on `today` judged on what was due so far.
pub fn run_profile_on(
    catalog: &Catalog,
    profile: &Profile,
    journal: &JournalState,
    up_to_week: u32,
    today: Option<Date>,
) -> Result<Vec<WeekOutcome>, ProgressError> {
    let span = Span {
        from: None,
        up_to_week,
        keep: None,
        today,
        earlier: &[],
        show_from: None,
    };
    run_profile_span(catalog, profile, journal, span).map(|(weeks, _)| weeks)
}

/// As [`run_profile`] for the weeks of `span`: from a checkpoint, the journal's days before its
/// week are not read. Each week is built from the profile's settings in force on its Monday
/// (`span.earlier` is the profile's, whatever the caller gave): every view of a profile gets its
/// weeks here, so a settings change rewrites the past in none of them.
pub fn run_profile_span(
    catalog: &Catalog,
    profile: &Profile,
    journal: &JournalState,
    span: Span,
) -> Result<(Vec<WeekOutcome>, Option<Checkpoint>), ProgressError> {
    let condition = catalog
        .condition(&profile.condition)
        .ok_or_else(|| ProgressError::UnknownCondition(profile.condition.clone()))?;
    let since = span.from.map(|c| profile.settings.monday_of_week(c.week()));
    let log = log_from_journal_since(journal, catalog, since);
    let span = Span {
        earlier: &profile.earlier_settings,
        ..span
    };
    run_span(
        catalog,
        condition,
        &profile.settings,
        &profile.overrides,
        &log,
        span,
    )
}

/// Weeks 1 up to the one holding `today`, adapted from the profile's journal: the drop-in for
/// `journal::program_through` (each outcome's `plan` is that week's plan). Empty before the start.
pub fn outcomes_through(
    catalog: &Catalog,
    profile: &Profile,
    journal: &JournalState,
    today: Date,
) -> Result<Vec<WeekOutcome>, ProgressError> {
    match crate::plan::ProgramWeek::of(&profile.settings, today) {
        crate::plan::ProgramWeek::Week(n) => {
            run_profile_on(catalog, profile, journal, n, Some(today))
        }
        crate::plan::ProgramWeek::BeforeStart { .. } => Ok(Vec::new()),
    }
}

/// The plan for week `week` of a profile, adapted from its journal, with the decision that
/// shaped it (`rehab plan --profile NAME --week N`).
pub fn adapted_week_for_profile(
    catalog: &Catalog,
    profile: &Profile,
    journal: &JournalState,
    week: u32,
) -> Result<AdaptedWeek, ProgressError> {
    if week == 0 {
        return Err(PlanError::WeekZero.into());
    }
    let mut weeks = run_profile(catalog, profile, journal, week)?;
    let this = weeks.pop().ok_or(PlanError::WeekZero)?;
    Ok(AdaptedWeek {
        plan: this.plan,
        because: weeks.pop().map(|w| w.decision),
        flags: this.flags,
    })
}

/// The pain-adapted week holding `date` for a profile: what `rehab today`, `done` and the app
/// show, so every view agrees with the printed plan and the weekly decisions.
pub fn week_for(
    catalog: &Catalog,
    profile: &Profile,
    journal: &JournalState,
    date: Date,
) -> Result<WeekOutcome, ProgressError> {
    let start = monday_of(profile.settings.start);
    outcomes_through(catalog, profile, journal, date)?
        .pop()
        .ok_or(ProgressError::BeforeStart { date, start })
}

/// The decision lines for `rehab history` and the Program view, one per week up to the one
/// holding `today` (marked "so far").
pub fn history_lines(weeks: &[WeekOutcome], today: Date) -> Vec<String> {
    weeks
        .iter()
        .filter(|w| w.plan.monday <= today)
        .map(|w| w.decision_line_on(today))
        .collect()
}

#[cfg(test)]
mod week_for_tests {
    use super::*;
    use crate::plan::Settings;

    #[test]
    fn the_week_holds_the_date_and_follows_the_profile() {
        let catalog = Catalog::builtin().expect("built-in library");
        let profile = Profile::new("me", "pfps", Settings::new(Date::constant(2026, 11, 2)));
        let journal = JournalState::default();
        let date = Date::constant(2026, 11, 19);
        let week = week_for(&catalog, &profile, &journal, date).expect("week");
        assert_eq!(week.plan.state.week, 3);
        assert!(week.plan.day(date).is_some());
        assert!(matches!(
            week_for(&catalog, &profile, &journal, Date::constant(2026, 11, 1)),
            Err(ProgressError::BeforeStart { .. })
        ));
        let unknown = Profile::new("me", "nope", profile.settings.clone());
        assert!(matches!(
            week_for(&catalog, &unknown, &journal, date),
            Err(ProgressError::UnknownCondition(_))
        ));
    }
}
