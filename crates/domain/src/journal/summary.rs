//! Per-week summaries for `rehab history` and the history screen: adherence, pain, each day's
//! ticks.

use jiff::civil::Date;

use super::replay::{ItemStatus, JournalState, Pain, ScoreKind};
use crate::plan::WeekPlan;

/// One day of a week as planned and as logged.
#[derive(Debug, Clone, PartialEq)]
pub struct DaySummary {
    pub date: Date,
    /// The day's items (exercise id) with what was logged for each.
    pub items: Vec<(String, Option<ItemStatus>)>,
    /// The day's session pain, merged.
    pub pain: Option<Pain>,
    /// The worst pain during over the session and its items.
    pub worst_during: Option<u8>,
    /// The worst next-morning score over the session and its items.
    pub worst_morning: Option<u8>,
    /// Every score kept for the day, with its kind and item.
    pub scores: Vec<super::Score>,
    pub notes: usize,
}

/// One week as planned and as logged.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekSummary {
    pub week: u32,
    pub monday: Date,
    pub phase_name: String,
    /// Items (not optional) planned on the days counted.
    pub planned: u32,
    /// Items done in full count 2, with fewer sets 1, as the weekly rule counts them.
    pub done_halves: u32,
    pub skipped: u32,
    /// The week's one adherence figure ([`super::adherence`]), "so far" while it runs.
    pub adherence: super::Adherence,
    /// `adherence.pct()`; `None` when nothing was due.
    pub adherence_pct: Option<u32>,
    /// Median of the days' worst pain during, and of the morning scores.
    pub median_during: Option<u8>,
    pub median_morning: Option<u8>,
    pub max_during: Option<u8>,
    /// Days with swelling, a limp or sharp pain.
    pub warning_days: u32,
    /// Any record at all for the week's days.
    pub logged: bool,
    pub days: Vec<DaySummary>,
}

/// Adherence in whole percent, rounded to the nearest (2 of 3 is 67%), from items done
/// (`halves`: 2 each in full, 1 with fewer sets) of `planned`. Every adherence figure (the weekly
/// rule, the app, `rehab history`, the clinic, the report) comes from here, so none disagrees
/// with another. `None` when nothing was planned.
pub fn adherence_pct(halves: u32, planned: u32) -> Option<u32> {
    (planned > 0).then(|| (halves * 100 + planned) / (planned * 2))
}

/// Summarizes a planned week against the journal, counting only days on or before `until`
/// (so the current week is judged on the days so far).
pub fn summarize_week(week: &WeekPlan, state: &JournalState, until: Date) -> WeekSummary {
    let mut summary = WeekSummary {
        week: week.state.week,
        monday: week.monday,
        phase_name: week.phase_name.clone(),
        planned: 0,
        done_halves: 0,
        skipped: 0,
        adherence: super::Adherence::default(),
        adherence_pct: None,
        median_during: None,
        median_morning: None,
        max_during: None,
        warning_days: 0,
        logged: false,
        days: Vec::with_capacity(7),
    };
    for day in week.days.iter().filter(|d| d.date <= until) {
        let log = state.day(day.date);
        summary.logged |= log.is_some_and(|l| !l.is_empty());
        let counts = super::DayCounts::of(day, log);
        summary.planned += counts.planned as u32;
        summary.done_halves += (2 * counts.done + counts.partly) as u32;
        summary.skipped += counts.skipped as u32;
        let items = day
            .items
            .iter()
            .map(|item| {
                let status = log.and_then(|l| l.status(&item.exercise));
                (item.exercise.clone(), status)
            })
            .collect();
        let pain = log.and_then(|l| l.pain);
        let worst_during = log.and_then(|l| l.worst_during());
        let worst_morning = log.and_then(|l| l.worst_morning());
        let warning = log.is_some_and(|l| {
            l.pain
                .iter()
                .chain(l.item_pain.values())
                .any(Pain::has_warning_sign)
        });
        summary.warning_days += u32::from(warning);
        summary.days.push(DaySummary {
            date: day.date,
            items,
            pain,
            worst_during,
            worst_morning,
            scores: log.map(|l| l.scores()).unwrap_or_default(),
            notes: log.map_or(0, |l| l.notes.len()),
        });
    }
    // The week's figure is the one count every view reads, not this loop's day counts.
    summary.adherence = super::week_adherence(week, state, until);
    summary.adherence_pct = summary.adherence.pct();
    let during = PainFigures::of(&summary.days, ScoreKind::During);
    summary.max_during = during.worst;
    summary.median_during = during.median;
    summary.median_morning = PainFigures::of(&summary.days, ScoreKind::NextMorning).median;
    summary
}

/// The figures every view gives for one kind of score over some days: `rehab history` and the
/// report over a week, the app's History over its chart's days.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PainFigures {
    /// The worst score of the latest day with one.
    pub latest: Option<u8>,
    /// The worst score of all.
    pub worst: Option<u8>,
    /// The lower median of the days' worst scores.
    pub median: Option<u8>,
}

impl PainFigures {
    /// Each day counts its worst score of the kind, session and items alike, as the weekly rule
    /// reads it; `days` oldest first.
    pub fn of(days: &[DaySummary], kind: ScoreKind) -> PainFigures {
        let mut worsts: Vec<u8> = days.iter().filter_map(|d| d.worst(kind)).collect();
        PainFigures {
            latest: worsts.last().copied(),
            worst: worsts.iter().copied().max(),
            median: median(&mut worsts),
        }
    }
}

impl DaySummary {
    /// The day's worst score of a kind, as its line in `rehab history` shows it.
    pub fn worst(&self, kind: ScoreKind) -> Option<u8> {
        match kind {
            ScoreKind::During => self.worst_during,
            ScoreKind::NextMorning => self.worst_morning,
        }
    }
}

/// The lower median, so a score always comes from the log.
fn median(values: &mut [u8]) -> Option<u8> {
    values.sort_unstable();
    values.get(values.len().saturating_sub(1) / 2).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_is_the_lower_middle_value() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [5]), Some(5));
        assert_eq!(median(&mut [7, 1, 3]), Some(3));
        assert_eq!(median(&mut [4, 2, 8, 6]), Some(4));
    }
}

#[cfg(test)]
mod adherence_tests {
    use super::adherence_pct;

    #[test]
    fn adherence_rounds_to_the_nearest_whole_percent() {
        // 2 of 3 items done in full.
        assert_eq!(adherence_pct(4, 3), Some(67));
        // 1 of 3 done with fewer sets: half an item.
        assert_eq!(adherence_pct(1, 3), Some(17));
        assert_eq!(adherence_pct(0, 5), Some(0));
        assert_eq!(adherence_pct(10, 5), Some(100));
        // 79.5% rounds up to 80: the figure shown is the figure the weekly rule compares.
        assert_eq!(adherence_pct(159, 100), Some(80));
        assert_eq!(adherence_pct(0, 0), None);
    }
}
