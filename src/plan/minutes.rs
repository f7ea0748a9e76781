//! How long one session of a dose takes.

use crate::catalog::{Dose, Work};

/// Seconds one repetition takes when no tempo is given.
const DEFAULT_REP_SECONDS: u32 = 3;
/// Getting into position, once per side.
const SETUP_SECONDS: u32 = 15;

/// Minutes for one session of the dose, rounded up, at least 1.
pub fn item_minutes(dose: &Dose) -> u32 {
    if let Work::Minutes(m) = dose.work {
        return dose.sets * m;
    }
    let sides = if dose.per_side { 2 } else { 1 };
    let per_set = match dose.work {
        Work::Reps(n) => n * rep_seconds(dose.tempo.as_deref()),
        Work::Hold(s) | Work::Seconds(s) => s,
        Work::Minutes(m) => m * 60,
    };
    let rests = dose.rest_s * dose.sets.saturating_sub(1);
    let total = sides * (dose.sets * per_set + rests + SETUP_SECONDS);
    total.div_ceil(60).max(1)
}

/// Seconds per repetition from a tempo like "3-0-3"; words or nothing fall back to a default.
fn rep_seconds(tempo: Option<&str>) -> u32 {
    let Some(tempo) = tempo else {
        return DEFAULT_REP_SECONDS;
    };
    let parts: Option<Vec<u32>> = tempo.split('-').map(|p| p.trim().parse().ok()).collect();
    match parts {
        Some(parts) if !parts.is_empty() => parts.iter().sum::<u32>().max(1),
        _ => DEFAULT_REP_SECONDS,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Frequency;

    fn dose(sets: u32, work: Work, per_side: bool, tempo: Option<&str>, rest_s: u32) -> Dose {
        Dose {
            sets,
            work,
            per_side,
            tempo: tempo.map(str::to_string),
            rest_s,
            frequency: Frequency::PerWeek(3),
            load: None,
        }
    }

    #[test]
    fn reps_use_the_tempo_and_rests() {
        // 3 x 10 at 2-0-2 = 120 s work, 2 rests of 60 s, 15 s set-up, both sides: 2 x 255 s = 9 min.
        assert_eq!(
            item_minutes(&dose(3, Work::Reps(10), true, Some("2-0-2"), 60)),
            9
        );
        // Without a tempo, 3 s per rep: 3 x 15 x 3 = 135 + 15 = 150 s -> 3 min.
        assert_eq!(item_minutes(&dose(3, Work::Reps(15), false, None, 0)), 3);
    }

    #[test]
    fn holds_and_minutes() {
        // 5 x 45 s + 4 x 120 s rest + 15 s = 720 s = 12 min.
        assert_eq!(item_minutes(&dose(5, Work::Hold(45), false, None, 120)), 12);
        assert_eq!(
            item_minutes(&dose(1, Work::Minutes(25), false, None, 0)),
            25
        );
        assert_eq!(item_minutes(&dose(1, Work::Seconds(20), false, None, 0)), 1);
    }
}
