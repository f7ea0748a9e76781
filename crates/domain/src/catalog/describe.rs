//! Doses and frequencies in plain words, shared by the CLI, the app and printed plans.

use super::model::{Dose, Frequency, Grade, Weight, Work};

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

impl Weight {
    /// "body weight", "a band", "12 kg", "your 10-rep max" (at `reps` reps).
    pub fn describe(self, reps: Option<u32>) -> String {
        match (self, reps) {
            (Weight::BodyWeight, _) => "body weight".into(),
            (Weight::Band, _) => "a band".into(),
            (Weight::Kg(kg), _) => format!("{kg} kg"),
            (Weight::RepMax, Some(n)) => format!("your {n}-rep max ({n}RM)"),
            (Weight::RepMax, None) => "a heavy weight".into(),
        }
    }
}

impl Dose {
    /// The set-and-work part: "3 x 10 reps per side", "1 x 25 min".
    pub fn sets_text(&self) -> String {
        let side = if self.per_side { " per side" } else { "" };
        format!("{} x {}{side}", self.sets, self.work.describe())
    }

    /// What the dose asks beyond its sets, each field once and in one order: "hold each 5 s",
    /// "tempo 2-0-2", "rest 60 s", "body weight", "knee bent up to 60 degrees", "10 cm step",
    /// "effort 5-6 out of 10", then its words.
    pub fn details(&self) -> Vec<String> {
        let mut parts = Vec::new();
        if let Some(s) = self.hold_each_s {
            parts.push(format!("hold each {s} s"));
        }
        if let Some(t) = &self.tempo {
            parts.push(format!("tempo {t}"));
        }
        if self.rest_s > 0 {
            parts.push(format!("rest {} s", self.rest_s));
        }
        if let Some(w) = self.weight {
            let reps = match self.work {
                Work::Reps(n) => Some(n),
                _ => None,
            };
            parts.push(w.describe(reps));
        }
        if let Some(b) = self.knee_bend {
            parts.push(format!("knee bent up to {b} degrees"));
        }
        if let Some(cm) = self.step_cm {
            parts.push(format!("{cm} cm step"));
        }
        match self.effort {
            Some((lo, hi)) if lo < hi => parts.push(format!("effort {lo}-{hi} out of 10")),
            Some((_, hi)) => parts.push(format!("effort {hi} out of 10")),
            None => {}
        }
        if let Some(how) = &self.how {
            parts.push(how.to_string());
        }
        parts
    }

    /// Everything but how often: the sets, then [`Dose::details`]. A printed week's grid shows
    /// this; its day columns say how often.
    pub fn describe_work(&self) -> String {
        std::iter::once(self.sets_text())
            .chain(self.details())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Everything: "3 x 10 reps per side, tempo 2-0-2, rest 60 s, a band, 3x a week".
    pub fn describe(&self) -> String {
        format!("{}, {}", self.describe_work(), self.frequency.describe())
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
        let mut d = Dose::new(3, Work::Reps(15), Frequency::Daily(2));
        d.per_side = true;
        d.tempo = Some("3-0-0".into());
        d.rest_s = 60;
        assert_eq!(
            d.describe(),
            "3 x 15 reps per side, tempo 3-0-0, rest 60 s, 2x a day"
        );
        assert_eq!(Frequency::PerWeek(3).describe(), "3x a week");
        d.weight = Some(Weight::RepMax);
        d.knee_bend = Some(60);
        assert_eq!(
            d.describe_work(),
            "3 x 15 reps per side, tempo 3-0-0, rest 60 s, your 15-rep max (15RM), \
             knee bent up to 60 degrees"
        );
    }

    #[test]
    fn older_load_words_are_read_into_the_fields() {
        let old = |load: &str| -> Dose {
            ron::from_str(&format!(
                "(sets: 4, work: Reps(10), frequency: PerWeek(3), load: Some({load:?}))"
            ))
            .expect("an older dose reads")
        };
        assert_eq!(old("15RM").weight, Some(Weight::RepMax));
        assert_eq!(old("5 kg backpack").weight, Some(Weight::Kg(5)));
        let held = old("hold each 10 s with the knees bent only 0-40 degrees");
        assert_eq!((held.hold_each_s, held.knee_bend), (Some(10), Some(40)));
        assert_eq!(held.how, None, "nothing left over");
        let run = old("no longer than your usual run; pain at most 2/10, settled within an hour");
        assert_eq!(run.how.as_deref(), Some("no longer than your usual run"));
        assert_eq!(old("10 cm step").step_cm, Some(10));
        // Written back, a dose has no `load` words.
        let text = ron::to_string(&held).expect("writes");
        assert!(!text.contains("load"), "{text}");
    }
}
