//! Where the person stands: the red-flag outcome, whether the plan may show, and the weeks
//! rebuilt from the journal by the pain-monitored progression.

use super::App;
use crate::catalog::FlagLevel;
use crate::plan::{self, WeekPlan};
use crate::progress;
use crate::screening::{self, Screening};

impl App {
    /// The red-flag outcome of the current profile.
    pub fn screening(&self) -> Option<Screening> {
        self.profile
            .as_ref()
            .map(|p| screening::assess(&self.catalog, &p.red_flags.answers))
    }

    /// Whether the plan may be shown: clear, advice only, or blocked and since assessed.
    pub fn plan_allowed(&self) -> bool {
        match (self.screening(), &self.profile) {
            (Some(s), Some(p)) => {
                screening::cleared_by_assessment(&s, p.red_flags.assessed_by_clinician.is_some())
            }
            _ => false,
        }
    }

    /// The lasting banner: advice flags, or a block/stop that holds the plan.
    pub fn banner(&self) -> Option<(FlagLevel, String)> {
        let s = self.screening()?;
        let level = s.level?;
        let text = s
            .flags
            .iter()
            .map(|f| f.message.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        Some((level, text))
    }

    /// The week containing today, when the program has started and may be shown.
    pub fn this_week(&self) -> Option<&WeekPlan> {
        self.weeks
            .last()
            .filter(|w| w.days.iter().any(|d| d.date == self.today))
    }

    /// Rebuilds the weeks after the profile or a past week's log changed: the pain-monitored
    /// progression when it can run, else the calendar schedule.
    pub fn rebuild(&mut self) {
        self.weeks.clear();
        self.decisions.clear();
        self.week_flags.clear();
        self.sharp_or_swollen = None;
        let Some(profile) = &self.profile else {
            return;
        };
        let Some(condition) = self.catalog.condition(&profile.condition) else {
            return;
        };
        let week = progress::week_of(&profile.settings, self.today);
        if week == 0 {
            return;
        }
        match progress::run_profile(&self.catalog, profile, &self.journal, week) {
            Ok(outcomes) => {
                let (past, current) = outcomes.split_at(outcomes.len().saturating_sub(1));
                self.decisions = past.iter().map(|o| o.decision_line()).collect();
                self.week_flags = current
                    .iter()
                    .flat_map(|o| o.flags.iter().map(|f| f.text()))
                    .collect();
                self.sharp_or_swollen = outcomes
                    .iter()
                    .flat_map(|o| &o.flags)
                    .filter_map(|f| match f {
                        progress::Flag::ReopenRedFlags(date) => Some(*date),
                        _ => None,
                    })
                    .max();
                self.weeks = outcomes.into_iter().map(|o| o.plan).collect();
            }
            Err(progress_error) => {
                match plan::build_program(
                    &self.catalog,
                    condition,
                    &profile.settings,
                    &profile.overrides,
                    week,
                ) {
                    Ok(program) => {
                        self.weeks = program.weeks;
                        self.week_flags = vec![format!("calendar schedule only: {progress_error}")];
                    }
                    Err(e) => self.fail(format!("cannot build the plan: {e}")),
                }
            }
        }
    }

    /// Sharp pain or swelling was logged after the red-flag questions were last answered
    /// (perhaps from another session), so they must be asked again.
    pub fn needs_rescreen(&self) -> bool {
        match (self.sharp_or_swollen, &self.profile) {
            (Some(logged), Some(p)) => p.red_flags.answered_on.is_none_or(|on| on < logged),
            _ => false,
        }
    }
}
