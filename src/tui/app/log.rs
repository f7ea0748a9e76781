//! What the journal says, folded into the shape the screens read: each item's mark per day, and
//! each day's pain. Built only from records that are already on disk.

use std::collections::BTreeMap;

use jiff::civil::Date;

use crate::journal::{PainReport, Record, SkipReason};
use crate::plan::DayPlan;

/// The state of one item on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Done; `Some(n)` when only n sets were done.
    Done(Option<u32>),
    Skipped(SkipReason),
}

/// The replay of a journal.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Log {
    pub marks: BTreeMap<(Date, String), Mark>,
    pub pain: BTreeMap<Date, PainReport>,
}

impl Log {
    pub fn from_records<'a>(records: impl IntoIterator<Item = &'a Record>) -> Log {
        let mut log = Log::default();
        for r in records {
            log.apply(r);
        }
        log
    }

    /// Applies one record; a later record wins over an earlier one.
    pub fn apply(&mut self, record: &Record) {
        match record {
            Record::Done { date, item, sets } => {
                self.marks.insert((*date, item.clone()), Mark::Done(*sets));
            }
            Record::Undone { date, item } => {
                self.marks.remove(&(*date, item.clone()));
            }
            Record::Skipped { date, item, reason } => {
                self.marks
                    .insert((*date, item.clone()), Mark::Skipped(*reason));
            }
            Record::Pain { date, report, .. } => {
                let day = self.pain.entry(*date).or_default();
                merge_pain(day, report);
            }
            _ => {}
        }
    }

    pub fn mark(&self, date: Date, item: &str) -> Option<Mark> {
        self.marks.get(&(date, item.to_string())).copied()
    }

    /// (done, partly done, planned) for a day; optional comfort work does not count.
    pub fn day_progress(&self, day: &DayPlan) -> (usize, usize, usize) {
        let counted = day.items.iter().filter(|i| !i.optional);
        let mut done = 0;
        let mut partial = 0;
        let mut planned = 0;
        for item in counted {
            planned += 1;
            match self.mark(day.date, &item.exercise) {
                Some(Mark::Done(Some(n))) if n < item.dose.sets => partial += 1,
                Some(Mark::Done(_)) => done += 1,
                _ => {}
            }
        }
        (done, partial, planned)
    }
}

fn merge_pain(into: &mut PainReport, new: &PainReport) {
    if new.during.is_some() {
        into.during = new.during;
    }
    if new.morning.is_some() {
        into.morning = new.morning;
    }
    if new.swelling.is_some() {
        into.swelling = new.swelling;
    }
    if new.limp.is_some() {
        into.limp = new.limp;
    }
    if new.sharp.is_some() {
        into.sharp = new.sharp;
    }
}
