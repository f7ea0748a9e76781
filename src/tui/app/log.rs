//! What the journal says, in the shape the screens read: each item's mark on a day and a day's
//! progress. Read from the replayed [`JournalState`](crate::journal::JournalState), so only
//! records already on disk show.

use jiff::civil::Date;

use super::App;
use crate::journal::{ItemStatus, Pain, SkipReason};

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
}
