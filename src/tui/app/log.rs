//! What the journal says, in the shape the screens read: each item's mark on a day and a day's
//! progress. Read from the replayed [`JournalState`](crate::journal::JournalState), so only
//! records already on disk show.

use jiff::civil::Date;

use super::App;
use crate::journal::{ItemStatus, Pain, SkipReason};
use crate::plan::DayPlan;

/// The state of one item on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Done; `Some(n)` when only n sets were done.
    Done(Option<u32>),
    Skipped(SkipReason),
}

impl App {
    /// An item's mark on a day; `None` when nothing (or an untick) was logged.
    pub fn mark(&self, date: Date, item: &str) -> Option<Mark> {
        self.journal.status(date, item).map(|s| match s {
            ItemStatus::Done { sets } => Mark::Done(sets),
            ItemStatus::Skipped(reason) => Mark::Skipped(reason),
        })
    }

    /// The day's pain for the session as a whole, if logged.
    pub fn pain_on(&self, date: Date) -> Option<Pain> {
        self.journal.day(date).and_then(|d| d.pain)
    }

    /// (done, partly done, planned) for a day; optional comfort work does not count.
    pub fn day_progress(&self, day: &DayPlan) -> (usize, usize, usize) {
        let mut done = 0;
        let mut partial = 0;
        let mut planned = 0;
        for item in day.items.iter().filter(|i| !i.optional) {
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
