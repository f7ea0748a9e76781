//! What a day's items come to against its log: done, partly, skipped, planned, minutes left.
//! Every count of a day (Today, `rehab today`, History, `rehab history`, the clinic) is this one.

use std::fmt;

use super::replay::{DayLog, ItemStatus};
use crate::plan::DayPlan;

/// A day's counts, the same in the app and on the command line. Optional comfort work is not
/// counted: it never counts toward progress either.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DayCounts {
    /// Items done in full.
    pub done: usize,
    /// Items done with fewer sets than prescribed.
    pub partly: usize,
    pub skipped: usize,
    /// Items that count.
    pub planned: usize,
    /// Minutes of the items not done, partly done or skipped (optional ones too).
    pub minutes_left: u32,
}

impl DayCounts {
    pub fn of(day: &DayPlan, log: Option<&DayLog>) -> DayCounts {
        let mut counts = DayCounts::default();
        for item in &day.items {
            let status = log.and_then(|l| l.status(&item.exercise));
            if status.is_none() {
                counts.minutes_left += item.minutes * item.sessions.max(1);
            }
            if item.optional {
                continue;
            }
            counts.planned += 1;
            match status {
                Some(ItemStatus::Done { sets: Some(n) }) if n < item.dose.sets => {
                    counts.partly += 1
                }
                Some(ItemStatus::Done { .. }) => counts.done += 1,
                Some(ItemStatus::Skipped(_)) => counts.skipped += 1,
                None => {}
            }
        }
        counts
    }
}

impl fmt::Display for DayCounts {
    /// "1 of 3 done, 1 partly, 1 skipped, 12 min to go"
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} of {} done", self.done, self.planned)?;
        if self.partly > 0 {
            write!(f, ", {} partly", self.partly)?;
        }
        if self.skipped > 0 {
            write!(f, ", {} skipped", self.skipped)?;
        }
        write!(f, ", {} min to go", self.minutes_left)
    }
}
