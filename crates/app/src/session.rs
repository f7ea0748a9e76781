//! The rules both front ends share, once: where a profile stands on a day (the red-flag gate,
//! the pain-adapted weeks, the lines that must stay on screen) and the commands that change it.
//!
//! Pure, like the domain below it: a profile and its replayed journal come in, records and typed
//! refusals go out. The CLI and the app parse input, call these, write what comes back through
//! `store`, and show the result; neither decides any part of it again.
//!
//! ```text
//!  cli ─┐                          ┌─> screening, progress, plan
//!       ├─> session::Standing ─────┤
//!  tui ─┘   session::{tick, ...}   └─> journal::Record (written by store)
//! ```

mod activities;
mod commands;
mod gate;

use jiff::ToSpan;
use jiff::civil::Date;

pub use activities::{ImportCounts, RunningLoad, WeekChange, cross_training_id};
pub use commands::{
    Change, CriteriaRow, ExitPrompt, PainInput, PainSaid, Refusal, Written, answer_screen,
    export_profile, pain_text, record_assessment, resolve_item,
};
pub use gate::{Assessment, Gate, gate};

use crate::catalog::Catalog;
pub use crate::journal::DayCounts;
use crate::journal::JournalState;
pub use crate::plan::ProgramWeek;
use crate::plan::{self, DayPlan, PlanItem, WeekPlan, monday_of};
use crate::profile::Profile;
use crate::progress::{self, Flag, WeekOutcome};

/// How loud a standing line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Urgency {
    /// Worth knowing about this week.
    Info,
    /// Advice that goes with the plan.
    Advise,
    /// The plan is held, or a part of it, until something is done.
    Hold,
    /// Seek care now.
    Stop,
}

/// A line that stays on Today, in `rehab today` and on printed plans for as long as it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub urgency: Urgency,
    pub text: String,
}

/// Everything about a profile on a day that any screen, command or printout shows.
#[derive(Debug, Clone)]
pub struct Standing {
    pub today: Date,
    pub gate: Gate,
    /// The week holding `today`.
    pub week: ProgramWeek,
    /// Weeks 1 to the last one asked for, as the progression adapted them from the journal.
    pub outcomes: Vec<WeekOutcome>,
    /// The plans of those weeks (the calendar schedule's when the progression could not run).
    pub plans: Vec<WeekPlan>,
    /// Set when the progression could not run and the calendar schedule stands in (the reason).
    pub calendar_only: Option<String>,
    /// Set when no plan could be built at all.
    pub plan_error: Option<String>,
    /// Lines that stay on screen, most urgent first.
    pub lines: Vec<Line>,
    /// Whether the person runs at all: someone who does not run has no return-to-running
    /// checks to record.
    pub runs: bool,
    /// The profile's condition id, whose phases' exit checks are recorded.
    pub condition: String,
    /// The clinician's pain ceilings (exercise, running), to fill the checks' words as this
    /// person's plan reads them.
    pub ceilings: (Option<u8>, Option<u8>),
}

impl Standing {
    /// Where `profile` stands on `today`, with weeks up to the one holding `today`.
    pub fn compute(
        catalog: &Catalog,
        profile: &Profile,
        journal: &JournalState,
        today: Date,
    ) -> Standing {
        Standing::through(catalog, profile, journal, today, today)
    }

    /// As [`Standing::compute`], with the weeks built up to the one holding `through` (a date
    /// asked about, or the last week a printout shows).
    pub fn through(
        catalog: &Catalog,
        profile: &Profile,
        journal: &JournalState,
        today: Date,
        through: Date,
    ) -> Standing {
        let last = ProgramWeek::of(&profile.settings, through.max(today)).number();
        Standing::weeks(catalog, profile, journal, today, last.unwrap_or(0))
    }

    /// As [`Standing::compute`], with weeks 1 to `last_week` built.
    pub fn weeks(
        catalog: &Catalog,
        profile: &Profile,
        journal: &JournalState,
        today: Date,
        last_week: u32,
    ) -> Standing {
        let mut standing = Standing::empty(catalog, profile, journal, today);
        if last_week > 0 {
            standing.build(catalog, profile, journal, last_week);
        }
        standing.lines = standing.gather_lines();
        standing
    }

    /// As [`Standing::through`], with the weeks worked out from `memo` (what the progression
    /// worked out before) when it still holds; from week 1 otherwise. `outcomes` and `plans`
    /// start at the memo's week, or without one at last week (the day asked about's when
    /// earlier), not week 1, so this is for a look at a day and this week, never for a history.
    /// Also returns a newer memo, when this look made one worth keeping.
    pub fn recent(
        catalog: &Catalog,
        profile: &Profile,
        journal: &JournalState,
        dates: (Date, Date),
        memo: &progress::Memo,
    ) -> (Standing, Option<progress::Memo>) {
        let (today, through) = dates;
        let Some((outcomes, newer)) = progress::recent(catalog, profile, journal, dates, memo)
        else {
            // The full path says why the progression cannot run, and what stands in for it.
            return (
                Standing::through(catalog, profile, journal, today, through),
                None,
            );
        };
        let mut standing = Standing::empty(catalog, profile, journal, today);
        standing.plans = outcomes.iter().map(|o| o.plan.clone()).collect();
        standing.outcomes = outcomes;
        standing.lines = standing.gather_lines();
        (standing, newer)
    }

    /// A week's one adherence figure on `today`: the engine's, which its decision names, or
    /// the same count from the journal when the progression did not run.
    pub fn week_adherence(
        &self,
        plan: &WeekPlan,
        journal: &JournalState,
    ) -> crate::journal::Adherence {
        self.outcomes
            .iter()
            .find(|o| o.plan.monday == plan.monday)
            .map_or_else(
                || crate::journal::week_adherence(plan, journal, self.today),
                |o| o.numbers.adherence(),
            )
    }

    /// Where `profile` stands with no weeks worked out yet.
    fn empty(
        catalog: &Catalog,
        profile: &Profile,
        journal: &JournalState,
        today: Date,
    ) -> Standing {
        Standing {
            today,
            gate: gate(catalog, profile, journal, today),
            week: ProgramWeek::of(&profile.settings, today),
            outcomes: Vec::new(),
            plans: Vec::new(),
            calendar_only: None,
            plan_error: None,
            lines: Vec::new(),
            runs: profile_runs(catalog, profile),
            condition: profile.condition.clone(),
            ceilings: (
                profile.overrides.ceiling_exercise,
                profile.overrides.ceiling_running,
            ),
        }
    }

    fn build(&mut self, catalog: &Catalog, profile: &Profile, journal: &JournalState, last: u32) {
        match progress::run_profile_on(catalog, profile, journal, last, Some(self.today)) {
            Ok(outcomes) => {
                self.plans = outcomes.iter().map(|o| o.plan.clone()).collect();
                self.outcomes = outcomes;
            }
            Err(progress_error) => {
                let Some(condition) = catalog.condition(&profile.condition) else {
                    self.plan_error = Some(progress_error.to_string());
                    return;
                };
                match calendar_weeks(catalog, condition, profile, last) {
                    Ok(weeks) => {
                        self.calendar_only = Some(progress_error.to_string());
                        self.plans = weeks;
                    }
                    Err(e) => self.plan_error = Some(e.to_string()),
                }
            }
        }
    }

    /// Whether plan items may be shown and logged.
    pub fn allows_plan(&self) -> bool {
        self.gate.allows_plan() && self.plan_error.is_none()
    }

    /// The outcome of the week holding today, when the program has started.
    pub fn current(&self) -> Option<&WeekOutcome> {
        let n = self.week.number()?;
        self.outcomes.iter().find(|o| o.week() == n)
    }

    /// The week plan holding `date`, whatever the gate says (for screens that explain a hold).
    pub fn week_holding(&self, date: Date) -> Option<&WeekPlan> {
        let monday = monday_of(date);
        self.plans.iter().find(|w| w.monday == monday)
    }

    /// The day's plan when the gate allows one; an empty day otherwise (a rest day, before the
    /// start, or while the plan is held).
    pub fn day(&self, date: Date) -> DayPlan {
        let items = self
            .allows_plan()
            .then(|| self.week_holding(date).and_then(|w| w.day(date)))
            .flatten()
            .map(|d| d.items.clone())
            .unwrap_or_default();
        DayPlan { date, items }
    }

    /// Every week's decision line up to today ("so far" for the one not over yet).
    pub fn decision_lines(&self) -> Vec<String> {
        if self.calendar_only.is_some() {
            return Vec::new();
        }
        progress::history_lines(&self.outcomes, self.today)
    }

    /// The standing lines of the gate, then of this week's progression.
    fn gather_lines(&self) -> Vec<Line> {
        let mut lines = self.gate.lines();
        if let Some(reason) = &self.calendar_only {
            lines.push(Line {
                urgency: Urgency::Info,
                text: format!("calendar schedule only: {reason}"),
            });
        }
        if let Some(e) = &self.plan_error {
            lines.push(Line {
                urgency: Urgency::Hold,
                text: format!("cannot build the plan: {e}"),
            });
        }
        // Why today's items are lighter than the plan: the same-session rule after a red
        // session or a warning sign (§1.1, §1.5), said where the items are shown.
        let today = self.day(self.today);
        let mut eased: Vec<&str> = today
            .items
            .iter()
            .filter(|i| i.eased)
            .filter_map(|i| i.reason.as_deref())
            .collect();
        eased.sort_unstable();
        eased.dedup();
        for reason in eased {
            lines.push(Line {
                urgency: Urgency::Info,
                text: format!("Some of today's exercises are easier: {reason}."),
            });
        }
        if let Some(week) = self.current() {
            for flag in &week.flags {
                let urgency = match flag {
                    // The gate says this one, sooner and louder.
                    Flag::ReopenRedFlags(_) => continue,
                    Flag::ClinicianDue(_) | Flag::RunningPaused(_) => Urgency::Hold,
                    _ => Urgency::Info,
                };
                lines.push(Line {
                    urgency,
                    text: clinician_due_text(flag),
                });
            }
        }
        lines.sort_by_key(|l| std::cmp::Reverse(l.urgency));
        lines
    }
}

/// What moving a profile's start would do to days already over (issue 27), said before it is
/// done: the start is the program's, so moving it moves every week.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StartMove {
    /// Days before today that moving the start back brings into the program, with the items
    /// they would count as missed (planned, nothing logged); days with none are left out.
    pub missed: Vec<(Date, u32)>,
    /// Logged days that moving the start later leaves before it: their ticks stop counting.
    pub left_out: Vec<Date>,
}

impl StartMove {
    pub fn is_empty(&self) -> bool {
        self.missed.is_empty() && self.left_out.is_empty()
    }

    /// The consequence in plain lines, empty when there is none.
    pub fn lines(&self) -> Vec<String> {
        let day = |d: &Date| d.strftime("%a %-d %b").to_string();
        let mut lines = Vec::new();
        if !self.missed.is_empty() {
            let items: u32 = self.missed.iter().map(|(_, n)| n).sum();
            // A week's days one by one; months of them as a span.
            let days = match (self.missed.first(), self.missed.last()) {
                (Some((first, _)), Some((last, _))) if self.missed.len() > 7 => format!(
                    "{} from {} to {}",
                    crate::text::count(self.missed.len() as u32, "day", "days"),
                    day(first),
                    day(last)
                ),
                _ => self
                    .missed
                    .iter()
                    .map(|(d, n)| format!("{} ({n})", day(d)))
                    .collect::<Vec<_>>()
                    .join(", "),
            };
            lines.push(format!(
                "Moving the start back counts {} as missed: {days}.",
                crate::text::count(items, "item", "items"),
            ));
        }
        if !self.left_out.is_empty() {
            let days = match (self.left_out.first(), self.left_out.last()) {
                (Some(first), Some(last)) if self.left_out.len() > 7 => {
                    format!("from {} to {}", day(first), day(last))
                }
                _ => self.left_out.iter().map(day).collect::<Vec<_>>().join(", "),
            };
            lines.push(format!(
                "Moving the start later leaves {} before it, and their ticks stop counting: \
                 {days}.",
                crate::text::count(self.left_out.len() as u32, "logged day", "logged days"),
            ));
        }
        lines
    }
}

/// What changing `before`'s start to `after`'s would count as missed, or leave out, on the days
/// before `today` (the days still to come are not missed yet).
pub fn start_move(
    catalog: &Catalog,
    before: &Profile,
    after: &Profile,
    journal: &JournalState,
    today: Date,
) -> StartMove {
    let (old, new) = (before.settings.start, after.settings.start);
    let mut out = StartMove::default();
    if new < old {
        let standing = Standing::through(catalog, after, journal, today, old.min(today));
        let mut date = new;
        while date < old.min(today) {
            let counts = standing
                .week_holding(date)
                .and_then(|w| w.day(date))
                .map(|d| DayCounts::of(d, journal.day(date)));
            if let Some(c) = counts {
                let missed = c.planned - c.done - c.partly - c.skipped;
                if missed > 0 {
                    out.missed.push((date, missed as u32));
                }
            }
            date = date.tomorrow().unwrap_or(old);
        }
    } else if new > old {
        out.left_out = journal
            .days
            .range(old..new)
            .filter(|(_, log)| !log.is_empty())
            .map(|(d, _)| *d)
            .collect();
    }
    out
}

/// Weeks 1..=last on the calendar schedule (`plan::build_program`), each built from the
/// settings in force on its Monday, as the progression builds them.
fn calendar_weeks(
    catalog: &Catalog,
    condition: &crate::catalog::Condition,
    profile: &Profile,
    last: u32,
) -> Result<Vec<WeekPlan>, plan::PlanError> {
    plan::check_week(last)?;
    let mut weeks: Vec<WeekPlan> = Vec::with_capacity(last as usize);
    for week in 1..=last {
        let state = plan::scheduled_state(condition, &profile.overrides, week, weeks.last());
        let settings = profile.settings_on(profile.settings.monday_of_week(week));
        weeks.push(plan::build_week(
            catalog,
            condition,
            &settings,
            &profile.overrides,
            &state,
        )?);
    }
    Ok(weeks)
}

fn clinician_due_text(flag: &Flag) -> String {
    match flag {
        Flag::ClinicianDue(since) => format!(
            "See a clinician: the plan stepped back twice, or pain kept rising, up to the week of \
             {since}. Running is paused until a doctor or physiotherapist has assessed the knee \
             and records it in rehab."
        ),
        other => other.text(),
    }
}

/// An item's name for people: the library's, or its id when the library lacks it.
pub fn item_name<'a>(catalog: &'a Catalog, item: &'a PlanItem) -> &'a str {
    catalog
        .exercise(&item.exercise)
        .map_or(item.exercise.as_str(), |e| e.name.as_str())
}

/// What a profile names that the library lacks: its condition, or an exercise its clinician's
/// changes name. Without them no plan can be built, and an empty day must not pass for a rest
/// day, so every command that shows or logs a plan refuses, naming it and the closest match.
pub fn unknown_reference(catalog: &Catalog, profile: &Profile) -> Option<String> {
    let Some(condition) = catalog.condition(&profile.condition) else {
        return Some(format!(
            "the profile's condition `{}` is not in the library.{}",
            crate::text::excerpt(&profile.condition),
            crate::catalog::did_you_mean(
                &profile.condition,
                catalog.conditions.iter().map(|c| c.id.as_str())
            )
        ));
    };
    plan::override_problems(catalog, condition, &profile.overrides)
        .into_iter()
        .find(|p| {
            p.id.as_deref()
                .is_some_and(|id| catalog.exercise(id).is_none())
        })
        .map(|p| format!("the profile's `{}` names an {}", p.field, p.message))
}

/// The day before `date` (the session a next-morning score belongs to).
pub fn day_before(date: Date) -> Date {
    date.checked_sub(1.day()).unwrap_or(date)
}

#[cfg(test)]
mod tests;

/// Whether `profile` runs: not when it said it does not, nor when its run was removed.
fn profile_runs(catalog: &Catalog, profile: &Profile) -> bool {
    let run_exercise = catalog
        .condition(&profile.condition)
        .and_then(|c| c.phases.iter().find_map(|p| p.run.exercise.as_deref()));
    profile.settings.runs(&profile.overrides, run_exercise)
}
