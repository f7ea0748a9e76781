//! A week's adherence, counted once. The weekly rule (through the progression engine), Today,
//! History, `rehab history`, the report, the clinic overview and the exports all read the figure
//! this module counts, so no two of them can disagree about a week.
//!
//! While a week runs the figure is "so far": an item is due once its day is over, or once it is
//! logged (ticked, partly done or skipped) on or before today. After the week every planned item
//! is due and the figure is final.

use jiff::civil::Date;
use rustc_hash::FxHashMap;

use super::replay::{ItemStatus, JournalState};
use crate::plan::WeekPlan;

/// A week's adherence: items done (in halves: 2 in full, 1 with fewer sets) of items due.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Adherence {
    pub halves: u32,
    pub due: u32,
    /// The week was still running on the day counted: more items will fall due.
    pub so_far: bool,
}

impl Adherence {
    /// Whole percent by the one rounding every figure uses; `None` when nothing was due.
    pub fn pct(&self) -> Option<u32> {
        super::adherence_pct(self.halves, self.due)
    }

    /// "62%", "62% so far", "-" when nothing is due.
    pub fn short(&self) -> String {
        match (self.pct(), self.so_far) {
            (Some(p), true) => format!("{p}% so far"),
            (Some(p), false) => format!("{p}%"),
            (None, _) => "-".into(),
        }
    }

    /// "adherence 62%", "adherence so far 62%", "nothing due yet" / "nothing planned".
    pub fn text(&self) -> String {
        match (self.pct(), self.so_far) {
            (Some(p), true) => format!("adherence so far {p}%"),
            (Some(p), false) => format!("adherence {p}%"),
            (None, true) => "nothing due yet".into(),
            (None, false) => "nothing planned".into(),
        }
    }
}

/// The one count. `planned`: each day's non-optional exercise ids (repeats on a day are one);
/// `logged`: each day's logged exercise ids with their halves (0 for a skip; the first entry of
/// an id on a day counts); `today`: the day counted on, `None` to count the whole week.
///
/// Logged items count against the same exercise anywhere in the week (people swap days), never
/// beyond what is due; exercises not planned that week do not count.
pub fn tally<'a>(
    planned: impl IntoIterator<Item = (Date, &'a str)>,
    logged: impl IntoIterator<Item = (Date, &'a str, u32)>,
    today: Option<Date>,
) -> Adherence {
    #[derive(Default)]
    struct Ex {
        total: u32,
        before_today: u32,
        logged_days: u32,
        halves: u32,
    }
    // Sized for a week of a plan at once: grown one doubling at a time, rehashing costs more
    // than the count (the progression tallies every week of a year).
    let mut by_id: FxHashMap<&str, Ex> =
        FxHashMap::with_capacity_and_hasher(32, Default::default());
    let mut seen: rustc_hash::FxHashSet<(Date, &str)> =
        rustc_hash::FxHashSet::with_capacity_and_hasher(128, Default::default());
    let mut last_day: Option<Date> = None;
    for (date, id) in planned {
        last_day = last_day.max(Some(date));
        if !seen.insert((date, id)) {
            continue;
        }
        let e = by_id.entry(id).or_default();
        e.total += 1;
        e.before_today += u32::from(today.is_none_or(|t| date < t));
    }
    seen.clear();
    for (date, id, halves) in logged {
        if today.is_some_and(|t| date > t) || !seen.insert((date, id)) {
            continue;
        }
        if let Some(e) = by_id.get_mut(id) {
            e.logged_days += 1;
            e.halves += halves;
        }
    }
    let mut out = Adherence {
        so_far: today.is_some_and(|t| last_day.is_some_and(|l| l >= t)),
        ..Adherence::default()
    };
    for e in by_id.values() {
        let due = e.total.min(e.before_today.max(e.logged_days));
        out.due += due;
        out.halves += e.halves.min(2 * due);
    }
    out
}

/// Halves for an item as the journal holds it: 2 done in full, 1 with fewer sets, 0 skipped.
pub fn halves(status: ItemStatus) -> u32 {
    match status {
        ItemStatus::Done { sets: None } => 2,
        // The journal writes sets only when fewer than prescribed.
        ItemStatus::Done { sets: Some(_) } => 1,
        ItemStatus::Skipped(_) => 0,
    }
}

/// A week's adherence from the journal on `today` (for views with no progression to read, such
/// as a calendar-only plan); the engine's figure, when there is one, is the same count.
pub fn week_adherence(plan: &WeekPlan, journal: &JournalState, today: Date) -> Adherence {
    let planned = plan.days.iter().flat_map(|d| {
        d.items
            .iter()
            .filter(|i| !i.optional)
            .map(move |i| (d.date, i.exercise.as_str()))
    });
    let logged = plan.days.iter().flat_map(|d| {
        let log = journal.day(d.date);
        let ticks = log
            .into_iter()
            .flat_map(|l| l.items.iter().map(|(id, s)| (&**id, halves(*s))));
        // Pain logged against an item with no tick means it was at least started (as the
        // progression reads it).
        let started = log.into_iter().flat_map(|l| {
            l.item_pain
                .keys()
                .filter(|id| !l.items.contains_key(id))
                .map(|id| (&**id, 1))
        });
        ticks.chain(started).map(move |(id, h)| (d.date, id, h))
    });
    tally(planned, logged, Some(today))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const MON: Date = date(2026, 12, 7);

    fn day(n: i8) -> Date {
        MON.checked_add(jiff::Span::new().days(n))
            .expect("in range")
    }

    #[test]
    fn today_counts_only_once_ticked_or_over() {
        let planned = [(day(0), "a"), (day(1), "a"), (day(1), "b")];
        // Tuesday morning, nothing ticked today: only Monday's "a" is due.
        let a = tally(planned, [(day(0), "a", 2)], Some(day(1)));
        assert_eq!((a.halves, a.due, a.so_far), (2, 1, true));
        assert_eq!(a.text(), "adherence so far 100%");
        // Ticking "b" today makes it due.
        let a = tally(planned, [(day(0), "a", 2), (day(1), "b", 1)], Some(day(1)));
        assert_eq!((a.halves, a.due), (3, 2));
        // After the week, everything is due and the figure is final.
        let a = tally(planned, [(day(0), "a", 2)], Some(day(9)));
        assert_eq!((a.halves, a.due, a.so_far), (2, 3, false));
        assert_eq!(a.text(), "adherence 33%");
    }

    #[test]
    fn swapped_days_count_but_never_beyond_what_is_due() {
        let planned = [(day(0), "a"), (day(3), "a")];
        // "a" done twice on Monday: one tick a day, the second planned "a" falls due early.
        let a = tally(planned, [(day(0), "a", 2), (day(1), "a", 2)], Some(day(1)));
        assert_eq!((a.halves, a.due), (4, 2));
        // Unplanned exercises and repeats on a day do not count.
        let a = tally(
            planned,
            [(day(0), "z", 2), (day(0), "a", 0), (day(0), "a", 2)],
            None,
        );
        assert_eq!((a.halves, a.due), (0, 2));
        assert_eq!(tally(planned, [], Some(day(0))).text(), "nothing due yet");
    }
}
