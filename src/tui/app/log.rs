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
        self.loaded.journal.status(date, item).map(|s| match s {
            ItemStatus::Done { sets } => Mark::Done(sets),
            ItemStatus::Skipped(reason) => Mark::Skipped(reason),
        })
    }

    /// The day's pain, the worst over the session and its items, if logged.
    pub fn pain_on(&self, date: Date) -> Option<Pain> {
        // Item scores count too: a score tagged to the run is the day's as much as any.
        self.loaded.journal.day(date).and_then(|d| d.day_pain())
    }

    /// The days from `from` to today as `rehab history` reads them (its week summaries), oldest
    /// first; days before the program's start belong to no week and are left out.
    pub fn days_summarized(&self, from: Date) -> Vec<crate::journal::DaySummary> {
        let weeks = self.weeks_so_far().iter();
        // Only the weeks that reach into the window are summarized.
        let weeks = weeks.filter(|w| w.days.last().is_some_and(|d| d.date >= from));
        weeks
            .flat_map(|w| {
                crate::journal::summarize_week(w, &self.loaded.journal, self.ctx.today).days
            })
            .filter(|d| d.date >= from)
            .collect()
    }
}
