//! Doses and frequencies in plain words, shared by the CLI, the app and printed plans.

use super::model::{Dose, Frequency, Grade, Work};

impl Work {
    /// "10 reps", "30 s hold", "20 min".
    pub fn describe(self) -> String {
        match self {
            Work::Reps(n) => format!("{n} reps"),
            Work::Hold(s) => format!("{s} s hold"),
            Work::Seconds(s) => format!("{s} s"),
            Work::Minutes(m) => format!("{m} min"),
        }
    }
}

impl Frequency {
    /// "3x a week", "daily", "2x a day".
    pub fn describe(self) -> String {
        match self {
            Frequency::PerWeek(7) => "every day".into(),
            Frequency::PerWeek(n) => format!("{n}x a week"),
            Frequency::Daily(1) => "daily".into(),
            Frequency::Daily(n) => format!("{n}x a day"),
        }
    }
}

impl Dose {
    /// The set-and-work part: "3 x 10 reps per side", "1 x 25 min".
    pub fn sets_text(&self) -> String {
        let side = if self.per_side { " per side" } else { "" };
        format!("{} x {}{side}", self.sets, self.work.describe())
    }

    /// Everything: "3 x 10 reps per side, tempo 2-0-2, rest 60 s, light band, 3x a week".
    pub fn describe(&self) -> String {
        let mut parts = vec![self.sets_text()];
        if let Some(t) = &self.tempo {
            parts.push(format!("tempo {t}"));
        }
        if self.rest_s > 0 {
            parts.push(format!("rest {} s", self.rest_s));
        }
        if let Some(load) = &self.load {
            parts.push(load.to_string());
        }
        parts.push(self.frequency.describe());
        parts.join(", ")
    }
}

impl Grade {
    pub fn describe(self) -> &'static str {
        match self {
            Grade::A => "A (guidelines, consensus or several trials)",
            Grade::B => "B (a single or small trial, or a case series)",
            Grade::C => "C (protocol convention, expert opinion or our default)",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dose_in_words() {
        let d = Dose {
            sets: 3,
            work: Work::Reps(15),
            per_side: true,
            tempo: Some("3-0-0".into()),
            rest_s: 60,
            frequency: Frequency::Daily(2),
            load: None,
        };
        assert_eq!(
            d.describe(),
            "3 x 15 reps per side, tempo 3-0-0, rest 60 s, 2x a day"
        );
        assert_eq!(Frequency::PerWeek(3).describe(), "3x a week");
    }
}
