//! Importing a watch's activities: which are new, which are known, which are skipped and why,
//! and the ticks they give (a run ticks the day's run item, a ride, swim or walk the day's
//! cross-training of that kind). Returns the records to write in one go; nothing here reads a
//! file or writes one.

use std::collections::BTreeSet;

use jiff::civil::Date;
use jiff::tz::TimeZone;

use super::{Standing, Written};
use crate::journal::{ActivityKind, ActivityLog, ItemStatus, JournalState, Record};
use crate::plan::{PlanItem, Slot};
use crate::profile::Profile;
use crate::runs::FileRead;
use crate::runs::load::RunPhase;

/// What an import found, counted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportCounts {
    pub new: usize,
    pub known: usize,
    pub skipped: usize,
    /// Files refused whole (broken, cut short, not a watch file).
    pub refused: usize,
}

/// A run longer than prescribed by more than this share is "far longer" and says so.
const FAR_LONGER: f64 = 0.25;

/// The cross-training exercise an activity of this kind stands for.
pub fn cross_training_id(kind: ActivityKind) -> Option<&'static str> {
    match kind {
        ActivityKind::Run => None,
        ActivityKind::Cycle => Some("cycling"),
        ActivityKind::Swim => Some("swimming"),
        ActivityKind::Walk => Some("flat-walking"),
    }
}

/// The item on `date` that an activity of `kind` ticks, when the plan has one.
fn item_for(items: &[PlanItem], kind: ActivityKind) -> Option<&PlanItem> {
    match kind {
        ActivityKind::Run => items.iter().find(|i| i.slot == Slot::Run),
        other => {
            let id = cross_training_id(other)?;
            items.iter().find(|i| {
                i.slot == Slot::CrossTraining
                    && (i.exercise == id || i.replaces.as_deref() == Some(id))
            })
        }
    }
}

impl Standing {
    /// The records an import writes and what to say about it. `kind` counts activities whose
    /// file names no sport this app knows as that kind. Each file is taken whole or not at all.
    pub fn import_activities(
        &self,
        profile: &Profile,
        journal: &JournalState,
        files: &[FileRead],
        tz: &TimeZone,
        kind: Option<ActivityKind>,
    ) -> (Written, ImportCounts) {
        let mut written = Written::default();
        let mut counts = ImportCounts::default();
        let mut taken: Vec<ActivityLog> = Vec::new();
        let mut ticked: BTreeSet<(Date, String)> = BTreeSet::new();
        for file in files {
            let name = crate::text::clean(&file.name).into_owned();
            let activities = match &file.read {
                Ok(a) => a,
                Err(e) => {
                    counts.refused += 1;
                    written.said.push(format!("refused: {e}"));
                    continue;
                }
            };
            if activities.is_empty() {
                counts.skipped += 1;
                written
                    .said
                    .push(format!("skipped: {name}: no timed activity in it"));
            }
            for a in activities {
                let mut a = a.clone();
                if a.kind.is_none() {
                    a.kind = kind;
                }
                let Some(log) = a.log(tz) else {
                    counts.skipped += 1;
                    let sport = if a.sport.is_empty() {
                        "no sport named".to_string()
                    } else {
                        format!("sport `{}`", crate::text::excerpt(&a.sport))
                    };
                    written.said.push(format!(
                        "skipped: {name}: {} ({sport}): not a run, ride, swim or walk; \
                         `--kind` counts it as one",
                        a.start
                    ));
                    continue;
                };
                if let Err(why) = log.validate() {
                    counts.skipped += 1;
                    written
                        .said
                        .push(format!("skipped: {name}: {}: {why}", log.date));
                    continue;
                }
                if log.date > self.today {
                    counts.skipped += 1;
                    written.said.push(format!(
                        "skipped: {name}: dated {} (after today, {}): check the watch's clock \
                         or --tz",
                        log.date, self.today
                    ));
                    continue;
                }
                if journal.knows_activity(&log) || taken.iter().any(|t| t.key() == log.key()) {
                    counts.known += 1;
                    continue;
                }
                counts.new += 1;
                written
                    .said
                    .push(format!("new: {} {}", log.date, log.figures()));
                if let Some(tick) = self.tick_for(profile, journal, &log, &mut ticked) {
                    written.said.push(tick.0);
                    written.records.push(tick.1);
                }
                written.records.push(Record::Activity(log.clone()));
                taken.push(log);
            }
        }
        written.said.push(format!(
            "{} new, {} already known, {} skipped{}",
            counts.new,
            counts.known,
            counts.skipped,
            if counts.refused > 0 {
                format!(", {} file(s) refused", counts.refused)
            } else {
                String::new()
            }
        ));
        (written, counts)
    }

    /// The tick an activity gives the day's item of its kind, with what to say; `None` when
    /// the day has no such item, it is ticked already, or the plan is held.
    fn tick_for(
        &self,
        profile: &Profile,
        journal: &JournalState,
        log: &ActivityLog,
        ticked: &mut BTreeSet<(Date, String)>,
    ) -> Option<(String, Record)> {
        self.check_gate().ok()?;
        self.check_date(profile, log.date).ok()?;
        let day = self.day(log.date);
        let Some(item) = item_for(&day.items, log.kind) else {
            return self.extra_run(journal, log, ticked);
        };
        let already = matches!(
            journal.status(log.date, &item.exercise),
            Some(ItemStatus::Done { sets: None })
        );
        if already || !ticked.insert((log.date, item.exercise.clone())) {
            return None;
        }
        let actual = log.moving_s.div_ceil(60);
        let planned = item.minutes;
        let how = if planned > 0 && f64::from(actual) > f64::from(planned) * (1.0 + FAR_LONGER) {
            format!(
                "{actual} min, {} min longer than the {planned} prescribed (+{}%): counted as \
                 done; the next run is planned from what was run",
                actual - planned,
                (actual - planned) * 100 / planned
            )
        } else {
            format!("{actual} min of {planned} prescribed")
        };
        Some((
            format!("  ticks {} on {}: {how}", item.exercise, log.date),
            Record::Done {
                date: log.date,
                item: item.exercise.clone(),
                sets: None,
            },
        ))
    }

    /// A run on a day without a run item: extra running, logged as the week's run exercise so
    /// the progression counts it like any run. `None` when the week plans no running (the run
    /// is kept, and `rehab runs` shows it) or it is logged already.
    fn extra_run(
        &self,
        journal: &JournalState,
        log: &ActivityLog,
        ticked: &mut BTreeSet<(Date, String)>,
    ) -> Option<(String, Record)> {
        if log.kind != ActivityKind::Run {
            return None;
        }
        let week = self.week_holding(log.date)?;
        let exercise = week
            .days
            .iter()
            .flat_map(|d| &d.items)
            .find(|i| i.slot == Slot::Run)?
            .exercise
            .clone();
        if journal.status(log.date, &exercise).is_some()
            || !ticked.insert((log.date, exercise.clone()))
        {
            return None;
        }
        Some((
            format!(
                "  extra run on {}: {} min, not planned that day; logged as {exercise} and counted \
                 with the week's running",
                log.date,
                log.moving_s.div_ceil(60)
            ),
            Record::Done {
                date: log.date,
                item: exercise,
                sets: None,
            },
        ))
    }
}

/// The running load as `rehab runs`, the report and the overview show it.
#[derive(Debug, Clone, PartialEq)]
pub struct RunningLoad {
    /// The weeks asked for, oldest first.
    pub rows: Vec<crate::runs::load::WeekRow>,
    pub step_rate: Option<crate::runs::load::StepRate>,
    /// Whether step-rate retraining applies to this condition and the current week's phase.
    pub retraining: bool,
}

impl Standing {
    /// How a week's plan has the person run.
    pub fn run_phase(&self, monday: Date) -> RunPhase {
        let Some(week) = self.week_holding(monday) else {
            return RunPhase::None;
        };
        let runs: Vec<&PlanItem> = week
            .days
            .iter()
            .flat_map(|d| &d.items)
            .filter(|i| i.slot == Slot::Run)
            .collect();
        if let Some(level) = runs.iter().filter_map(|i| i.walk_run_level).max() {
            RunPhase::WalkRun(level)
        } else if week.run_minutes > 0 {
            RunPhase::Continuous
        } else if !runs.is_empty() {
            RunPhase::PainLimited
        } else {
            RunPhase::None
        }
    }

    /// The last `weeks` weeks of running up to today's week, with their flags. Needs the weeks
    /// built from week 1 (`Standing::compute`) to know each week's phase.
    pub fn running_load(
        &self,
        catalog: &crate::catalog::Catalog,
        profile: &Profile,
        journal: &JournalState,
        weeks: u32,
    ) -> RunningLoad {
        let this_monday = crate::plan::monday_of(self.today);
        let mondays: Vec<(Date, RunPhase)> = (0..i64::from(weeks))
            .rev()
            .map(|n| this_monday.saturating_sub(jiff::Span::new().days(7 * n)))
            .map(|m| (m, self.run_phase(m)))
            .collect();
        let cites_heid11 = catalog
            .condition(&profile.condition)
            .is_some_and(|c| c.sources.iter().any(|s| &**s == "HEID11"));
        let retraining = cites_heid11
            && match self.run_phase(this_monday) {
                RunPhase::WalkRun(level) => level >= 4,
                RunPhase::Continuous => true,
                _ => false,
            };
        RunningLoad {
            rows: crate::runs::load::weeks(&journal.activities, &mondays),
            step_rate: crate::runs::load::step_rate(&journal.activities, retraining),
            retraining,
        }
    }
}

/// A week's change in running from the week before, as every view says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeekChange {
    /// Percent of distance (or time) on the week before.
    Rise(i64),
    /// This week, still running, has run less so far: a fall says nothing yet.
    SoFar,
    /// Nothing to compare with.
    None,
}

impl RunningLoad {
    /// The change of row `n` (the last row is this week): one rule for `rehab runs`, the
    /// report and the overview.
    pub fn change(&self, n: usize) -> WeekChange {
        let this_week = n + 1 == self.rows.len();
        match self.rows.get(n).and_then(|r| r.week_rise) {
            Some(p) if !this_week || p > 0 => WeekChange::Rise(p),
            _ if this_week => WeekChange::SoFar,
            _ => WeekChange::None,
        }
    }

    /// Each week in one line with its flags, as the report and the overview say it (the same
    /// figures as `rehab runs`'s table).
    pub fn week_lines(&self) -> Vec<(String, Vec<String>)> {
        use crate::journal::{clock, km};
        self.rows
            .iter()
            .enumerate()
            .map(|(n, r)| {
                let w = &r.load;
                let mut line = format!(
                    "week of {}: {} run{}, {}, {} (4 weeks before: {}, {} a week)",
                    w.monday.map(|d| d.to_string()).unwrap_or_default(),
                    w.runs,
                    if w.runs == 1 { "" } else { "s" },
                    clock(w.moving_s),
                    km(w.distance_m),
                    clock(r.before_s),
                    km(r.before_m)
                );
                match self.change(n) {
                    WeekChange::Rise(p) => line.push_str(&format!(", {p:+}% on the week before")),
                    WeekChange::SoFar => line.push_str(", so far"),
                    WeekChange::None => {}
                }
                if let Some(c) = w.cadence {
                    line.push_str(&format!(", {c} steps/min"));
                }
                (line, r.flags.clone())
            })
            .collect()
    }

    /// The step rate against the baseline and target, in one line.
    pub fn step_line(&self) -> Option<String> {
        let s = self.step_rate?;
        let latest = self.rows.iter().rev().find_map(|r| r.load.cadence);
        let mut line = format!("step rate baseline {} steps/min", s.baseline);
        if let Some(c) = latest {
            line.push_str(&format!(", latest week {c}"));
        }
        if let Some((lo, hi)) = s.target {
            line.push_str(&format!(", target {lo}-{hi} (5-10% quicker; HEID11)"));
        }
        Some(line)
    }

    /// Whether any run is in the weeks shown.
    pub fn has_runs(&self) -> bool {
        self.rows.iter().any(|r| r.load.runs > 0)
    }
}
