//! Per-session classification (clinical basis §1.1): green, amber or red from pain during against
//! the ceilings, next-morning pain against the person's own baseline, and the flags.

use serde::{Deserialize, Serialize};

use super::log::{DayLog, Status};
use crate::catalog::PainRules;

/// A session's colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Colour {
    Green,
    Amber,
    Red,
}

/// Why a session is amber or red, with the numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Cause {
    /// Pain during exercise above the exercise ceiling.
    ExercisePain {
        pain: u8,
        ceiling: u8,
    },
    /// Pain during the run above the running ceiling.
    RunPain {
        pain: u8,
        ceiling: u8,
    },
    /// Next-morning pain at least `rise` above the baseline.
    MorningRise {
        pain: u8,
        baseline: u8,
    },
    /// Next-morning pain above the baseline on two mornings running.
    MorningAboveTwice {
        pain: u8,
        baseline: u8,
    },
    Swelling,
    Limp,
    Sharp,
    RedFlag,
    /// Amber: pain during above the "safe" band.
    PainAboveSafe {
        pain: u8,
        safe: u8,
    },
    /// Amber: next-morning pain one above the baseline.
    MorningUpOne {
        pain: u8,
        baseline: u8,
    },
}

impl Cause {
    /// The cause in plain words.
    pub fn text(&self) -> String {
        match self {
            Cause::ExercisePain { pain, ceiling } => {
                format!("exercise pain {pain}, ceiling {ceiling}")
            }
            Cause::RunPain { pain, ceiling } => format!("run pain {pain}, ceiling {ceiling}"),
            Cause::MorningRise { pain, baseline } => {
                format!("morning pain {pain}, baseline {baseline}")
            }
            Cause::MorningAboveTwice { pain, baseline } => {
                format!("morning pain {pain} above baseline {baseline} two mornings running")
            }
            Cause::Swelling => "new swelling".into(),
            Cause::Limp => "limp".into(),
            Cause::Sharp => "sharp pain".into(),
            Cause::RedFlag => "red-flag answer".into(),
            Cause::PainAboveSafe { pain, safe } => format!("pain {pain}, above {safe}"),
            Cause::MorningUpOne { pain, baseline } => {
                format!("morning pain {pain}, baseline {baseline}")
            }
        }
    }
}

/// The ceilings in force for a week (the condition's, or a clinician's).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Limits {
    pub exercise: u8,
    pub running: u8,
}

/// The next-morning score of one session against the baseline before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Morning {
    pub pain: u8,
    pub baseline: u8,
    /// The previous scored morning was also above its baseline.
    pub previous_above: bool,
}

/// Baselines for every session's morning score, in the order given (sorted by date): the median
/// of the previous `baseline_days` scores, or the score itself when it is the first.
#[cfg(test)]
pub fn mornings(days: &[&DayLog], rules: &PainRules) -> Vec<Option<Morning>> {
    let mut baseline = Baselines::default();
    days.iter().map(|day| baseline.next(day, rules)).collect()
}

/// The morning scores read so far, as far as the next baseline needs them: the walk through the
/// days can stop at a week's Monday and go on from there later.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Baselines {
    /// The latest scores, oldest first (at most `baseline_days` are ever read).
    history: Vec<u8>,
    previous_above: bool,
}

impl Baselines {
    /// The next day's morning score against its baseline, and the day taken into the history.
    pub fn next(&mut self, day: &DayLog, rules: &PainRules) -> Option<Morning> {
        let pain = day.pain_next_morning?;
        let window = rules.baseline_days.max(1) as usize;
        let recent = &self.history[self.history.len().saturating_sub(window)..];
        let baseline = if recent.is_empty() {
            pain
        } else {
            median_floor(recent)
        };
        let morning = Morning {
            pain,
            baseline,
            previous_above: self.previous_above,
        };
        self.previous_above = pain > baseline;
        // Years of scores are never read again: only the window is kept.
        if self.history.len() >= 2 * window {
            self.history.drain(..self.history.len() - window);
        }
        self.history.push(pain);
        Some(morning)
    }
}

/// Median of whole scores; for an even count the lower middle, so the baseline never rounds up
/// in the person's favour.
fn median_floor(scores: &[u8]) -> u8 {
    let mut sorted = scores.to_vec();
    sorted.sort_unstable();
    sorted[(sorted.len() - 1) / 2]
}

/// One session's classification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionReview {
    pub date: jiff::civil::Date,
    pub colour: Colour,
    pub causes: Vec<Cause>,
    /// Exercises (as logged) whose own pain went over the ceiling; they are eased next week.
    pub painful_exercises: Vec<String>,
    /// The day's other main exercises, eased too because sharp pain, new swelling or a limp
    /// was logged that day (§1.5); none of them is to blame, so none is named as painful.
    #[serde(default)]
    pub eased_after_warning: Vec<String>,
    /// A run or walk-run was done in this session.
    pub ran: bool,
    /// The run is to blame for a red session (its pain, or a red on a run day).
    pub run_red: bool,
}

impl SessionReview {
    /// Every exercise to ease after this session: the painful ones, then the rest of a day
    /// with a warning sign.
    pub fn to_ease(&self) -> Vec<&String> {
        self.painful_exercises
            .iter()
            .chain(&self.eased_after_warning)
            .collect()
    }
}

/// What a week's plan says about its exercises.
pub struct Kinds<'a> {
    /// Run and walk-run exercise ids.
    pub runs: Vec<&'a str>,
    /// Main exercises that count toward progress (no cross-training, comfort or warm-up work).
    pub main: Vec<&'a str>,
}

/// Classifies one logged day.
pub fn classify(
    day: &DayLog,
    morning: Option<Morning>,
    limits: Limits,
    rules: &PainRules,
    kinds: &Kinds,
) -> SessionReview {
    let run_ids = &kinds.runs;
    let mut red = Vec::new();
    let mut amber = Vec::new();
    let is_run = |id: &str| run_ids.contains(&id);
    let ran = day.run_pain.is_some()
        || day
            .items
            .iter()
            .any(|i| is_run(&i.exercise) && i.status != Status::Skipped);

    let exercise_pains = day
        .items
        .iter()
        .filter(|i| !is_run(&i.exercise))
        .filter_map(|i| i.pain);
    let worst_exercise = exercise_pains.chain(day.pain_during).max();
    if let Some(pain) = worst_exercise {
        if pain > limits.exercise {
            red.push(Cause::ExercisePain {
                pain,
                ceiling: limits.exercise,
            });
        } else if pain > rules.amber_above {
            amber.push(Cause::PainAboveSafe {
                pain,
                safe: rules.amber_above,
            });
        }
    }
    let run_pain = day
        .items
        .iter()
        .filter(|i| is_run(&i.exercise))
        .filter_map(|i| i.pain)
        .chain(day.run_pain)
        .max();
    let mut run_over = false;
    if let Some(pain) = run_pain {
        if pain > limits.running {
            run_over = true;
            red.push(Cause::RunPain {
                pain,
                ceiling: limits.running,
            });
        } else if pain > rules.amber_above {
            amber.push(Cause::PainAboveSafe {
                pain,
                safe: rules.amber_above,
            });
        }
    }
    if let Some(m) = morning {
        if m.pain >= m.baseline.saturating_add(rules.morning_red_rise) {
            red.push(Cause::MorningRise {
                pain: m.pain,
                baseline: m.baseline,
            });
        } else if m.pain > m.baseline && m.previous_above && m.baseline >= 1 {
            // §1.1 as the clinician read it: above a baseline of 0 twice (two mornings at 1/10)
            // is noise, not a red session; from a baseline of 1 up it counts.
            red.push(Cause::MorningAboveTwice {
                pain: m.pain,
                baseline: m.baseline,
            });
        } else if m.pain == m.baseline.saturating_add(1) {
            amber.push(Cause::MorningUpOne {
                pain: m.pain,
                baseline: m.baseline,
            });
        }
    }
    for (flag, cause) in [
        (day.swelling, Cause::Swelling),
        (day.limp, Cause::Limp),
        (day.sharp, Cause::Sharp),
        (day.red_flag, Cause::RedFlag),
    ] {
        if flag {
            red.push(cause);
        }
    }

    let painful_exercises = painful_exercises(day, limits, kinds);
    let colour = if !red.is_empty() {
        Colour::Red
    } else if !amber.is_empty() {
        Colour::Amber
    } else {
        Colour::Green
    };
    // A red that no exercise's own pain explains (morning, swelling, limp) on a run day is laid
    // on the run, the session's biggest load.
    let unexplained = colour == Colour::Red && painful_exercises.is_empty() && !run_over;
    SessionReview {
        date: day.date,
        colour,
        causes: if red.is_empty() { amber } else { red },
        painful_exercises,
        eased_after_warning: Vec::new(),
        ran,
        run_red: ran && (run_over || unexplained),
    }
}

/// The exercises to ease: those whose own pain went over the ceiling; when only the day's pain
/// was scored and it went over, every main exercise done that day (the log cannot say which).
fn painful_exercises(day: &DayLog, limits: Limits, kinds: &Kinds) -> Vec<String> {
    let done = || {
        day.items
            .iter()
            .filter(|i| !kinds.runs.contains(&&*i.exercise) && i.status != Status::Skipped)
    };
    let mut over: Vec<String> = done()
        .filter(|i| i.pain.is_some_and(|p| p > limits.exercise))
        .map(|i| i.exercise.to_string())
        .collect();
    let day_over = day.pain_during.is_some_and(|p| p > limits.exercise);
    if over.is_empty() && day_over && !done().any(|i| i.pain.is_some()) {
        over = done()
            .filter(|i| kinds.main.contains(&&*i.exercise))
            .map(|i| i.exercise.to_string())
            .collect();
    }
    over.sort();
    over.dedup();
    over
}

#[cfg(test)]
mod tests;
