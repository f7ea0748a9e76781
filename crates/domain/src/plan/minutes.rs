//! How one session of a dose runs, step by step, and so how long it takes. The app's countdown
//! walks these steps and Today's estimate adds them up: one function for both.

use crate::catalog::{Dose, Work};

/// Seconds one repetition takes when no tempo is given.
const DEFAULT_REP_SECONDS: u32 = 3;
/// Getting into position, once per side.
pub const SETUP_SECONDS: u32 = 15;
/// Letting go between two holds of one set ("hold each 10 s").
pub const RELAX_SECONDS: u32 = 3;

/// A side of the body, for doses done per side (all sets on one side, then the other).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
}

impl Side {
    /// "left" or "right".
    pub fn label(self) -> &'static str {
        match self {
            Side::Left => "left",
            Side::Right => "right",
        }
    }
}

/// What the person does during one step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepKind {
    /// Getting into position (on a side, when the dose is per side).
    Ready,
    /// A set of repetitions the person counts; the seconds are the estimate at the tempo.
    Reps(u32),
    /// One repetition's hold: `rep` of `reps`.
    Hold { rep: u32, reps: u32 },
    /// A held or timed set (a wall sit, a stretch, a ride).
    Timed,
    /// Letting go between two holds.
    Relax,
    /// Rest between sets.
    Rest,
}

/// One step of a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub kind: StepKind,
    pub seconds: u32,
    /// The set this step belongs to (1-based), and how many there are.
    pub set: u32,
    pub sets: u32,
    pub side: Option<Side>,
}

impl Step {
    /// Whether this step is effort (the countdown shows it louder than a rest).
    pub fn is_work(&self) -> bool {
        matches!(
            self.kind,
            StepKind::Reps(_) | StepKind::Hold { .. } | StepKind::Timed
        )
    }

    /// What to do, in a few words: "hold 4 of 15, 10 s", "10 reps", "rest 60 s".
    pub fn text(&self) -> String {
        let side = self.side.map(Side::label);
        match self.kind {
            StepKind::Ready => match side {
                Some(s) => format!("get into position, {s} side"),
                None => "get into position".to_string(),
            },
            StepKind::Reps(n) => format!("{n} reps"),
            StepKind::Hold { rep, reps } => format!("hold {rep} of {reps}, {} s", self.seconds),
            StepKind::Timed if self.seconds >= 120 => format!("go for {} min", self.seconds / 60),
            StepKind::Timed => format!("hold {} s", self.seconds),
            StepKind::Relax => "let go".to_string(),
            StepKind::Rest => format!("rest {} s", self.seconds),
        }
    }
}

/// The steps of one session of the dose, in order: per side, getting into position, then each
/// set (each rep's hold when the dose holds each rep), with rests between sets.
pub fn dose_steps(dose: &Dose) -> Vec<Step> {
    let mut steps = Vec::new();
    each_step(dose, |step| steps.push(step));
    steps
}

/// Minutes for one session of the dose: its steps added up, rounded up, at least 1. The same
/// steps the countdown runs, counted without keeping them (the plan builder asks this for every
/// item of every week).
pub fn item_minutes(dose: &Dose) -> u32 {
    let mut total = 0u32;
    each_step(dose, |step| total = total.saturating_add(step.seconds));
    total.div_ceil(60).max(1)
}

/// Calls `visit` with each step of one session, in order.
fn each_step(dose: &Dose, mut visit: impl FnMut(Step)) {
    let sets = dose.sets.max(1);
    let sides: &[Option<Side>] = if dose.per_side {
        &[Some(Side::Left), Some(Side::Right)]
    } else {
        &[None]
    };
    let minutes = matches!(dose.work, Work::Minutes(_));
    // Read once: the words of the dose do not change between sets.
    let hold = rep_hold_seconds(dose);
    let rep_s = rep_seconds(dose.tempo.as_deref());
    for &side in sides {
        let step = |kind, seconds, set| Step {
            kind,
            seconds,
            set,
            sets,
            side,
        };
        // A ride or a walk needs no getting into position.
        if !minutes {
            visit(step(StepKind::Ready, SETUP_SECONDS, 1));
        }
        for set in 1..=sets {
            match (dose.work, hold) {
                (Work::Reps(n), Some(hold)) => {
                    for rep in 1..=n {
                        if rep > 1 {
                            visit(step(StepKind::Relax, RELAX_SECONDS, set));
                        }
                        visit(step(StepKind::Hold { rep, reps: n }, hold, set));
                    }
                }
                (Work::Reps(n), None) => visit(step(StepKind::Reps(n), n * rep_s, set)),
                (Work::Hold(s) | Work::Seconds(s), _) => visit(step(StepKind::Timed, s, set)),
                (Work::Minutes(m), _) => visit(step(StepKind::Timed, m * 60, set)),
            }
            if set < sets && dose.rest_s > 0 {
                visit(step(StepKind::Rest, dose.rest_s, set));
            }
        }
    }
}

/// Seconds each repetition is held ("hold each 10 s"), when the dose gives no tempo (a tempo
/// times its own pause).
pub fn rep_hold_seconds(dose: &Dose) -> Option<u32> {
    if !matches!(dose.work, Work::Reps(_)) || dose.tempo.is_some() {
        return None;
    }
    dose.hold_each_s.filter(|s| *s > 0)
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
        let mut d = Dose::new(sets, work, Frequency::PerWeek(3));
        d.per_side = per_side;
        d.tempo = tempo.map(Into::into);
        d.rest_s = rest_s;
        d
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

    #[test]
    fn each_rep_held_is_timed_rep_by_rep() {
        let mut d = dose(1, Work::Reps(15), false, None, 0);
        d.hold_each_s = Some(10);
        assert_eq!(rep_hold_seconds(&d), Some(10));
        let steps = dose_steps(&d);
        // Ready, then 15 holds with 14 let-gos between them.
        assert_eq!(steps.len(), 1 + 15 + 14);
        assert_eq!(steps[1].text(), "hold 1 of 15, 10 s");
        assert_eq!(steps[29].text(), "hold 15 of 15, 10 s");
        // 15 + 150 + 42 = 207 s: 4 min, not 1.
        assert_eq!(item_minutes(&d), 4);
        d.hold_each_s = Some(5);
        assert_eq!(rep_hold_seconds(&d), Some(5));
        d.tempo = Some("2-3-2".into());
        assert_eq!(rep_hold_seconds(&d), None, "a tempo times its own pause");
    }

    #[test]
    fn per_side_doses_name_each_side_and_rest_between_sets() {
        let steps = dose_steps(&dose(2, Work::Hold(30), true, None, 20));
        let texts: Vec<String> = steps
            .iter()
            .map(|s| format!("{} {}", s.set, s.text()))
            .collect();
        assert_eq!(
            texts,
            [
                "1 get into position, left side",
                "1 hold 30 s",
                "1 rest 20 s",
                "2 hold 30 s",
                "1 get into position, right side",
                "1 hold 30 s",
                "1 rest 20 s",
                "2 hold 30 s",
            ]
        );
        assert_eq!(steps[7].side, Some(Side::Right));
    }
}
