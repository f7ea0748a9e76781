//! Where the person stands, as `session::Standing` says: the gate, the weeks, the lines that
//! stay on screen. The app computes none of it itself.

use super::App;
use crate::plan::{DayPlan, WeekPlan};
use crate::session::{DayCounts, Gate, Standing, Urgency};

impl App {
    /// Whether the plan may be shown and logged.
    pub fn plan_allowed(&self) -> bool {
        self.loaded
            .standing
            .as_ref()
            .is_some_and(Standing::allows_plan)
    }

    /// The gate, once a profile is loaded.
    pub fn gate(&self) -> Option<&Gate> {
        self.loaded.standing.as_ref().map(|s| &s.gate)
    }

    /// The lasting banner: the most urgent standing line, and how many more there are.
    pub fn banner(&self) -> Option<(Urgency, String)> {
        let standing = self.loaded.standing.as_ref()?;
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

    /// The weeks worked out, in order: from week 1, or from the progression's memo's week, to
    /// the current one, and on to the one the Week view shows.
    pub fn plans(&self) -> &[WeekPlan] {
        self.loaded
            .standing
            .as_ref()
            .map_or(&[], |s| s.plans.as_slice())
    }

    /// A week's one adherence figure, as every view shows it.
    pub fn week_adherence(&self, plan: &WeekPlan) -> crate::journal::Adherence {
        self.loaded.standing.as_ref().map_or_else(
            || crate::journal::week_adherence(plan, &self.loaded.journal, self.ctx.today),
            |s| s.week_adherence(plan, &self.loaded.journal),
        )
    }

    /// The weeks worked out up to the current one (none before the start or without a plan).
    pub fn weeks_so_far(&self) -> &[WeekPlan] {
        let plans = self.plans();
        let n = plans
            .iter()
            .take_while(|w| w.monday <= self.ctx.today)
            .count();
        &plans[..n]
    }

    /// The week containing today, when the program has started.
    pub fn this_week(&self) -> Option<&WeekPlan> {
        self.weeks_so_far()
            .last()
            .filter(|w| w.days.iter().any(|d| d.date == self.ctx.today))
    }

    /// The programme week holding today; week 1 before the start.
    pub fn current_week(&self) -> u32 {
        self.loaded.profile.as_ref().map_or(1, |p| {
            crate::session::ProgramWeek::of(&p.settings, self.ctx.today).or_first()
        })
    }

    /// Each week's decision line so far, oldest first.
    pub fn decisions(&self) -> Vec<String> {
        self.loaded
            .standing
            .as_ref()
            .map(Standing::decision_lines)
            .unwrap_or_default()
    }

    /// Things to know about this week (running paused, awaiting criteria ...).
    pub fn week_flags(&self) -> Vec<&str> {
        self.loaded.standing.as_ref().map_or(Vec::new(), |s| {
            s.lines
                .iter()
                .filter(|l| l.urgency < Urgency::Advise)
                .map(|l| l.text.as_str())
                .collect()
        })
    }

    /// Rebuilds where the person stands after the profile, the journal or the week shown
    /// changed: through the current week, or the one the Week view shows when later. Every
    /// week from week 1 only when a view on screen shows the history (History, Program, a week
    /// before those built); otherwise from the progression's memo, so years of history do not
    /// slow the start.
    pub fn rebuild(&mut self) {
        let Some(profile) = &self.loaded.profile else {
            self.loaded.standing = None;
            return;
        };
        let last = self.current_week().max(self.views.week.week);
        if !self.shows_history() {
            let through = profile
                .settings
                .monday_of_week(last)
                .checked_add(jiff::ToSpan::days(6))
                .unwrap_or(self.ctx.today);
            let (standing, newer) = Standing::recent(
                &self.ctx.catalog,
                profile,
                &self.loaded.journal,
                (self.ctx.today, through.max(self.ctx.today)),
                &self.loaded.memo,
            );
            // Kept for the next rebuild; the loop hands it to the disk for the next start.
            if let Some(newer) = newer {
                self.loaded.memo = newer;
            }
            // Good when it reaches back to the week the Week view shows.
            let first = standing.plans.first().map_or(1, |w| w.state.week);
            if first <= self.views.week.week {
                self.loaded.standing = Some(standing);
                return;
            }
        }
        self.loaded.standing = Some(Standing::weeks(
            &self.ctx.catalog,
            profile,
            &self.loaded.journal,
            self.ctx.today,
            last,
        ));
    }

    /// Whether a view on screen reads the whole history (History's weeks, Program's
    /// decisions), or the Week view shows a week before those worked out.
    pub(super) fn needs_every_week(&self) -> bool {
        self.shows_history() || self.views.week.week < self.first_week_built().unwrap_or(1)
    }

    fn shows_history(&self) -> bool {
        matches!(self.screen, super::Screen::Main)
            && matches!(self.view, super::View::History | super::View::Program)
    }

    /// The first programme week the standing has worked out.
    pub fn first_week_built(&self) -> Option<u32> {
        self.plans().first().map(|w| w.state.week)
    }

    /// Sharp pain, swelling or a limp was logged after the last answers (perhaps from another
    /// session), or a new week began, so the questions must be asked again.
    pub fn needs_rescreen(&self) -> bool {
        matches!(
            self.gate(),
            Some(Gate::Rescreen { .. } | Gate::WeeklyDue { .. })
        )
    }

    /// A day's counts, the same as `rehab today` gives.
    pub fn day_counts(&self, day: &DayPlan) -> DayCounts {
        DayCounts::of(day, self.loaded.journal.day(day.date))
    }
}
