//! Weekly running load from the journal's activities, and what `rehab runs`, the report and the
//! overview flag about it (clinical basis §1.3, §1.4):
//!
//! - a rise of more than 10% in a week's running time or distance over the week before, once
//!   running is continuous (the "10% rule" as a ceiling, not a target), allowing a minimum step
//!   of 1 km or 10 minutes at low volume;
//! - a rise of more than 30% across two weeks (this week and last against the two before), in
//!   any phase, with NIELSEN14's caveat: the evidence is weak and borderline;
//! - hilly or downhill runs in a phase that avoids hills (walk-run and pain-limited running),
//!   or in a week whose volume rose (never hills and volume in the same week);
//! - the median step rate against the person's own baseline, and 5-10% above it as the target
//!   where step-rate retraining applies (HEID11).

use jiff::ToSpan;
use jiff::civil::Date;

use crate::journal::{ActivityKind, ActivityLog};

/// How a week's plan has the person run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunPhase {
    /// No running planned.
    None,
    /// Walk-run, at this level (1-8).
    WalkRun(u32),
    /// Running only as the pain rules allow.
    PainLimited,
    /// Continuous running.
    Continuous,
}

impl RunPhase {
    /// Whether the phase keeps runs flat (clinical basis §1.4: no hills or speed until
    /// continuous running is tolerated).
    pub fn avoids_hills(self) -> bool {
        matches!(self, RunPhase::WalkRun(_) | RunPhase::PainLimited)
    }
}

/// One week's running, summed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WeekLoad {
    pub monday: Option<Date>,
    pub runs: u32,
    pub moving_s: u32,
    pub distance_m: u32,
    pub ascent_m: u32,
    pub descent_m: u32,
    /// Median of the runs' step rates, for the runs that have one.
    pub cadence: Option<u16>,
    /// Runs that were hilly or mostly downhill.
    pub hilly: u32,
}

/// A week as `rehab runs` shows it: its load, the four weeks before, and its flags.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekRow {
    pub load: WeekLoad,
    pub phase: RunPhase,
    /// The mean of the four weeks before (time, distance).
    pub before_s: u32,
    pub before_m: u32,
    /// Change from the week before, in percent of its distance (or time, when no distance).
    pub week_rise: Option<i64>,
    /// Change of this week and last over the two before, in percent of distance.
    pub fortnight_rise: Option<i64>,
    pub flags: Vec<String>,
}

/// The step rates: the person's own baseline, and the target when retraining applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepRate {
    pub baseline: u16,
    /// 5-10% above the baseline.
    pub target: Option<(u16, u16)>,
}

/// A week's rise allowed at any volume: 1 km or 10 minutes (clinical basis §1.3).
pub const MIN_STEP_M: u32 = 1000;
pub const MIN_STEP_S: u32 = 600;
/// Metres of climb plus descent per km that make a run hilly.
pub const HILLY_M_PER_KM: u32 = 20;
/// Metres of descent per km that, with much less climb, make a run downhill.
pub const DOWNHILL_M_PER_KM: u32 = 10;
/// The runs whose step rates make the baseline.
const BASELINE_RUNS: usize = 3;

/// NIELSEN14's caveat, said beside the two-week flag.
pub const NIELSEN14_CAVEAT: &str = "NIELSEN14: novices whose weekly distance rose more than 30% \
    over two weeks had more knee and tendon injuries (HR 1.59, 95% CI 0.96-2.66: borderline, \
    weak evidence); a warning, not a rule";

/// Whether a run climbed or descended enough to count as hilly (or downhill).
pub fn hilly(a: &ActivityLog) -> bool {
    let km = f64::from(a.distance_m.max(1)) / 1000.0;
    let per_km = |m: u32| f64::from(m) / km;
    per_km(a.ascent_m + a.descent_m) >= f64::from(HILLY_M_PER_KM)
        || (per_km(a.descent_m) >= f64::from(DOWNHILL_M_PER_KM) && a.descent_m > a.ascent_m * 2)
}

/// The runs (not cross-training) of the week starting `monday`, summed.
pub fn week_load(activities: &[ActivityLog], monday: Date) -> WeekLoad {
    let sunday = monday.saturating_add(6.days());
    let runs: Vec<&ActivityLog> = activities
        .iter()
        .filter(|a| a.kind == ActivityKind::Run && (monday..=sunday).contains(&a.date))
        .collect();
    let mut cadences: Vec<u16> = runs.iter().filter_map(|a| a.cadence).collect();
    WeekLoad {
        monday: Some(monday),
        runs: runs.len() as u32,
        moving_s: runs.iter().map(|a| a.moving_s).sum(),
        distance_m: runs.iter().map(|a| a.distance_m).sum(),
        ascent_m: runs.iter().map(|a| a.ascent_m).sum(),
        descent_m: runs.iter().map(|a| a.descent_m).sum(),
        cadence: median(&mut cadences),
        hilly: runs.iter().filter(|a| hilly(a)).count() as u32,
    }
}

fn median(values: &mut [u16]) -> Option<u16> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let mid = values.len() / 2;
    Some(if values.len().is_multiple_of(2) {
        ((u32::from(values[mid - 1]) + u32::from(values[mid])) / 2) as u16
    } else {
        values[mid]
    })
}

/// Percent change from `before` to `now`; `None` when there was nothing before.
fn rise(now: u32, before: u32) -> Option<i64> {
    (before > 0).then(|| (i64::from(now) - i64::from(before)) * 100 / i64::from(before))
}

/// The step-rate baseline: the median of the first runs that have a step rate; the target
/// 5-10% above it when `retraining` applies.
pub fn step_rate(activities: &[ActivityLog], retraining: bool) -> Option<StepRate> {
    let mut first: Vec<u16> = activities
        .iter()
        .filter(|a| a.kind == ActivityKind::Run)
        .filter_map(|a| a.cadence)
        .take(BASELINE_RUNS)
        .collect();
    let baseline = median(&mut first)?;
    let up = |pct: u32| ((u32::from(baseline) * (100 + pct)).div_ceil(100)) as u16;
    Some(StepRate {
        baseline,
        target: retraining.then(|| (up(5), up(10))),
    })
}

/// The rows for `weeks` (Mondays with each week's phase, oldest first).
pub fn weeks(activities: &[ActivityLog], weeks: &[(Date, RunPhase)]) -> Vec<WeekRow> {
    weeks
        .iter()
        .map(|&(monday, phase)| {
            let back = |n: i64| week_load(activities, monday.saturating_sub((7 * n).days()));
            let now = week_load(activities, monday);
            let before: Vec<WeekLoad> = (1..=4).map(back).collect();
            row(now, phase, &before)
        })
        .collect()
}

/// One week's row from its load and the four weeks before it (the latest first).
pub fn row(now: WeekLoad, phase: RunPhase, before: &[WeekLoad]) -> WeekRow {
    let last = before.first().copied().unwrap_or_default();
    let n = before.len().max(1) as u32;
    let before_s = before.iter().map(|w| w.moving_s).sum::<u32>() / n;
    let before_m = before.iter().map(|w| w.distance_m).sum::<u32>() / n;
    let by_distance = now.distance_m > 0 || last.distance_m > 0;
    let week_rise = if by_distance {
        rise(now.distance_m, last.distance_m)
    } else {
        rise(now.moving_s, last.moving_s)
    };
    let two = |ws: &[WeekLoad]| ws.iter().map(|w| w.distance_m).sum::<u32>();
    let pair_before = before.get(1..3).map(two).unwrap_or(0);
    let fortnight_rise = rise(now.distance_m + last.distance_m, pair_before);
    let mut flags = Vec::new();
    let over_step = now.distance_m.saturating_sub(last.distance_m) > MIN_STEP_M
        || now.moving_s.saturating_sub(last.moving_s) > MIN_STEP_S;
    let rose = week_rise.is_some_and(|r| r > 10) && over_step;
    if rose && phase == RunPhase::Continuous {
        flags.push(format!(
            "up {}% on the week before: more than the 10% a week ceiling once running \
             continuously",
            week_rise.unwrap_or(0)
        ));
    }
    let fortnight_step =
        (now.distance_m + last.distance_m).saturating_sub(pair_before) > MIN_STEP_M;
    if let Some(r) = fortnight_rise
        && r > 30
        && fortnight_step
    {
        flags.push(format!(
            "up {r}% over two weeks (more than 30%). {NIELSEN14_CAVEAT}"
        ));
    }
    if now.hilly > 0 && phase.avoids_hills() {
        flags.push(format!(
            "{} hilly or downhill run(s) in a phase that keeps runs flat",
            now.hilly
        ));
    } else if now.hilly > 0 && rose {
        flags.push(format!(
            "{} hilly or downhill run(s) in a week whose volume rose: raise one at a time",
            now.hilly
        ));
    }
    WeekRow {
        load: now,
        phase,
        before_s,
        before_m,
        week_rise,
        fortnight_rise,
        flags,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(m: u32, s: u32) -> WeekLoad {
        WeekLoad {
            runs: 3,
            moving_s: s,
            distance_m: m,
            ..WeekLoad::default()
        }
    }

    #[test]
    fn a_rise_over_ten_percent_is_flagged_only_when_running_continuously() {
        let before = [load(20_000, 7200), load(20_000, 7200), load(20_000, 7200)];
        let up = load(23_000, 8100);
        let continuous = row(up, RunPhase::Continuous, &before);
        assert_eq!(continuous.week_rise, Some(15));
        assert!(continuous.flags.iter().any(|f| f.contains("10%")));
        let walk_run = row(up, RunPhase::WalkRun(6), &before);
        assert!(!walk_run.flags.iter().any(|f| f.contains("10% a week")));
        let ten = row(load(22_000, 7900), RunPhase::Continuous, &before);
        assert!(ten.flags.is_empty(), "{:?}", ten.flags);
    }

    #[test]
    fn low_volume_may_rise_by_the_minimum_step() {
        let before = [load(3_000, 1200), load(3_000, 1200), load(3_000, 1200)];
        let r = row(load(3_900, 1500), RunPhase::Continuous, &before);
        assert_eq!(r.week_rise, Some(30));
        assert!(r.flags.is_empty(), "{:?}", r.flags);
    }

    #[test]
    fn thirty_percent_over_two_weeks_carries_the_caveat() {
        // 20 + 20 km before, 24 + 28 km now: +30% would be 52 km; this is 52 -> exactly 30%.
        let before = [load(24_000, 0), load(20_000, 0), load(20_000, 0)];
        let r = row(load(29_000, 0), RunPhase::WalkRun(8), &before);
        assert_eq!(r.fortnight_rise, Some(32));
        assert!(r.flags.iter().any(|f| f.contains("NIELSEN14")));
        let r = row(load(28_000, 0), RunPhase::WalkRun(8), &before);
        assert!(r.flags.is_empty(), "{:?}", r.flags);
    }

    #[test]
    fn hills_are_flagged_in_phases_that_keep_runs_flat() {
        let mut run = ActivityLog {
            date: Date::constant(2026, 12, 7),
            start: jiff::Timestamp::from_second(1_796_600_000).expect("in range"),
            kind: ActivityKind::Run,
            moving_s: 3000,
            distance_m: 10_000,
            ascent_m: 40,
            descent_m: 40,
            cadence: Some(168),
        };
        assert!(!hilly(&run));
        run.descent_m = 120;
        assert!(hilly(&run));
        let monday = Date::constant(2026, 12, 7);
        let rows = weeks(&[run.clone()], &[(monday, RunPhase::WalkRun(5))]);
        assert!(rows[0].flags.iter().any(|f| f.contains("flat")));
        let rows = weeks(&[run], &[(monday, RunPhase::Continuous)]);
        assert!(rows[0].flags.is_empty());
    }

    #[test]
    fn the_step_rate_target_is_five_to_ten_percent_over_the_baseline() {
        let mk = |c| ActivityLog {
            date: Date::constant(2026, 12, 7),
            start: jiff::Timestamp::from_second(1_796_600_000).expect("in range"),
            kind: ActivityKind::Run,
            moving_s: 1,
            distance_m: 1,
            ascent_m: 0,
            descent_m: 0,
            cadence: c,
        };
        let runs = [
            mk(None),
            mk(Some(160)),
            mk(Some(164)),
            mk(Some(162)),
            mk(Some(180)),
        ];
        let s = step_rate(&runs, true).expect("a baseline");
        assert_eq!(s.baseline, 162);
        assert_eq!(s.target, Some((171, 179)));
        assert_eq!(step_rate(&runs, false).and_then(|s| s.target), None);
        assert_eq!(step_rate(&runs[..1], true), None);
    }
}
