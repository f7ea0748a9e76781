//! Where the person stands, as `session::Standing` says: the gate, the weeks, the lines that
//! stay on screen. The app computes none of it itself.

use super::App;
use crate::plan::{DayPlan, WeekPlan};
use crate::session::{DayCounts, Gate, Standing, Urgency};

impl App {
    /// Whether the plan may be shown and logged.
    pub fn plan_allowed(&self) -> bool {
        self.standing.as_ref().is_some_and(Standing::allows_plan)
    }

    /// The gate, once a profile is loaded.
    pub fn gate(&self) -> Option<&Gate> {
        self.standing.as_ref().map(|s| &s.gate)
    }

    /// The lasting banner: the most urgent standing line, and how many more there are.
    pub fn banner(&self) -> Option<(Urgency, String)> {
        let standing = self.standing.as_ref()?;
        // A closed gate's full text is on Today; above every view a short line is enough.
        if let Some(headline) = standing.gate.headline() {
            let urgency = standing.lines.first().map_or(Urgency::Hold, |l| l.urgency);
            return Some((urgency, headline.to_string()));
        }
        let lines = &standing.lines;
        let first = lines.iter().find(|l| l.urgency >= Urgency::Advise)?;
        let more = lines
            .iter()
            .filter(|l| l.urgency >= Urgency::Advise)
            .count()
            - 1;
        let text = match more {
            0 => first.text.clone(),
            n => format!("{} (+{n} more on Today)", first.text),
        };
        Some((first.urgency, text))
    }

    /// The week containing today, when the program has started.
    pub fn this_week(&self) -> Option<&WeekPlan> {
        self.weeks
            .last()
            .filter(|w| w.days.iter().any(|d| d.date == self.today))
    }

    /// Rebuilds where the person stands after the profile or the journal changed.
    pub fn rebuild(&mut self) {
        self.weeks.clear();
        self.decisions.clear();
        self.week_flags.clear();
        let Some(profile) = &self.profile else {
            self.standing = None;
            return;
        };
        let standing = Standing::compute(&self.catalog, profile, &self.journal, self.today);
        self.weeks = standing.plans.clone();
        self.decisions = standing.decision_lines();
        self.week_flags = standing
            .lines
            .iter()
            .filter(|l| l.urgency < Urgency::Advise)
            .map(|l| l.text.clone())
            .collect();
        self.standing = Some(standing);
    }

    /// Sharp pain, swelling or a limp was logged after the last answers (perhaps from another
    /// session), so the questions must be asked again.
    pub fn needs_rescreen(&self) -> bool {
        matches!(self.gate(), Some(Gate::Rescreen { .. }))
    }

    /// A day's counts, the same as `rehab today` gives.
    pub fn day_counts(&self, day: &DayPlan) -> DayCounts {
        DayCounts::of(day, self.journal.day(day.date))
    }
}
