//! What the engine reads from the journal: one entry per logged day, plus the milestones a person
//! or clinician records (a phase's exit criteria met, the return-to-run entry criteria met).
//!
//! The journal's own records are adapted to this shape, so the rules never depend on how the
//! journal stores things.

use std::sync::Arc;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// How much of a planned item was done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    Done,
    /// Started but not finished; counts half toward adherence.
    Partial,
    Skipped,
}

/// One item of a day's plan, as logged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemLog {
    /// The exercise id actually done (the one the plan showed).
    /// Shared with the journal's replayed state, which holds one copy of each id.
    pub exercise: Arc<str>,
    pub status: Status,
    /// Worst pain (0-10) during this exercise, when logged per exercise.
    #[serde(default)]
    pub pain: Option<u8>,
}

/// One logged day: what was done and how the knee answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DayLog {
    pub date: Date,
    #[serde(default)]
    pub items: Vec<ItemLog>,
    /// Worst pain (0-10) during the day's exercises.
    #[serde(default)]
    pub pain_during: Option<u8>,
    /// Worst pain (0-10) during the day's run or walk-run.
    #[serde(default)]
    pub run_pain: Option<u8>,
    /// Pain or stiffness (0-10) on rising the morning after this day.
    #[serde(default)]
    pub pain_next_morning: Option<u8>,
    #[serde(default)]
    pub swelling: bool,
    #[serde(default)]
    pub limp: bool,
    /// The pain became sharp or stabbing.
    #[serde(default)]
    pub sharp: bool,
    /// A red-flag question was answered "yes" on this day.
    #[serde(default)]
    pub red_flag: bool,
}

impl DayLog {
    /// An empty entry for a date.
    pub fn new(date: Date) -> Self {
        DayLog {
            date,
            items: Vec::new(),
            pain_during: None,
            run_pain: None,
            pain_next_morning: None,
            swelling: false,
            limp: false,
            sharp: false,
            red_flag: false,
        }
    }

    /// Whether anything was trained or any pain was scored: a day that counts as logged.
    pub fn is_logged(&self) -> bool {
        self.items.iter().any(|i| i.status != Status::Skipped)
            || self.pain_during.is_some()
            || self.run_pain.is_some()
            || self.pain_next_morning.is_some()
    }
}

/// A phase's exit criteria recorded as met.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhaseExit {
    /// 1-based phase number.
    pub phase: u32,
    pub date: Date,
}

/// Everything the engine reads: days in any order, and the recorded milestones.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Log {
    #[serde(default)]
    pub days: Vec<DayLog>,
    #[serde(default)]
    pub phase_exits: Vec<PhaseExit>,
    /// The day the return-to-run entry criteria were recorded as met.
    #[serde(default)]
    pub run_entry: Option<Date>,
    /// Days a clinician assessed the knee.
    #[serde(default)]
    pub assessed: Vec<Date>,
    /// Runs recorded by a watch (imported files): each run's date and moving seconds, in date
    /// order. What was actually run caps the next rise (see `runs::cap_to_actual`).
    #[serde(default)]
    pub ran: Vec<(Date, u32)>,
}

impl Log {
    /// Logged days from `from` to `to` inclusive, in date order.
    pub fn between(&self, from: Date, to: Date) -> Vec<&DayLog> {
        let mut days: Vec<&DayLog> = self
            .days
            .iter()
            .filter(|d| d.date >= from && d.date <= to)
            .collect();
        days.sort_by_key(|d| d.date);
        days
    }

    /// Whether phase `phase` (1-based) had its exit criteria recorded on or before `by`.
    pub fn phase_exit_met(&self, phase: u32, by: Date) -> bool {
        self.phase_exits
            .iter()
            .any(|e| e.phase == phase && e.date <= by)
    }

    /// Whether a clinician assessed the knee between `from` and `to` inclusive.
    pub fn assessed_between(&self, from: Date, to: Date) -> bool {
        self.assessed.iter().any(|d| *d >= from && *d <= to)
    }

    /// Minutes actually run from `from` to `to` inclusive by the watch's records; `None` when
    /// no run was imported for those days (then nothing is known beyond the ticks).
    pub fn ran_between(&self, from: Date, to: Date) -> Option<u32> {
        let start = self.ran.partition_point(|(d, _)| *d < from);
        let runs = &self.ran[start..];
        let seconds: Vec<u32> = runs
            .iter()
            .take_while(|(d, _)| *d <= to)
            .map(|(_, s)| *s)
            .collect();
        (!seconds.is_empty()).then(|| seconds.iter().sum::<u32>() / 60)
    }

    /// Whether the return-to-run entry criteria were recorded on or before `by`.
    pub fn run_entry_met(&self, by: Date) -> bool {
        self.run_entry.is_some_and(|d| d <= by)
    }
}
