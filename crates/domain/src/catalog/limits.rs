//! The pain limits of one plan, and the library's words that name them.
//!
//! A number a person reads about pain lives in one field: a condition's `ceilings` (or a
//! clinician's override of them) and the library's `pain_rules`. Prose names it with a
//! placeholder, `{limit}` or `{running limit}`, and every view fills it from those fields, so a
//! handout can never carry two limits for one kind of work.

use super::model::{Ceilings, Condition, PainRules, Settles};

/// The top of the pain scale every score and ceiling is on (0-10).
pub const MAX_PAIN: u8 = 10;

/// The names prose may use, each with what it stands for (for `rehab check` and the README).
pub const PLACEHOLDERS: [(&str, &str); 11] = [
    (
        "{limit}",
        "the pain limit of the work the text is about (exercise, or running for a run)",
    ),
    ("{exercise limit}", "the condition's exercise pain limit"),
    ("{running limit}", "the condition's running pain limit"),
    (
        "{settles}",
        "when pain must have settled after the work the text is about",
    ),
    (
        "{running settles}",
        "when pain must have settled after a run",
    ),
    (
        "{progress median}",
        "the highest weekly median pain that still allows progress",
    ),
    ("{amber}", "pain above this makes a session amber"),
    ("{morning rise}", "a next-morning rise this big is red"),
    ("{baseline days}", "morning scores in the baseline"),
    (
        "{adherence}",
        "the share of sessions a week needs to progress",
    ),
    ("{weekly rise}", "the weekly running rise ceiling"),
];

/// The limits that apply to one person's plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PainLimits {
    pub exercise: u8,
    pub running: u8,
    pub running_settles: Settles,
    pub progress_median: u8,
}

impl PainLimits {
    /// A condition's limits, with a clinician's ceilings in their place when set.
    pub fn of(condition: &Condition, exercise: Option<u8>, running: Option<u8>) -> PainLimits {
        let own = PainLimits::from(condition.ceilings);
        PainLimits {
            exercise: exercise.unwrap_or(own.exercise),
            running: running.unwrap_or(own.running),
            ..own
        }
    }
}

impl From<Ceilings> for PainLimits {
    fn from(c: Ceilings) -> PainLimits {
        PainLimits {
            exercise: c.exercise,
            running: c.running,
            running_settles: c.running_settles,
            progress_median: c.progress_median,
        }
    }
}

/// What the placeholders are filled from: a plan's limits when there is one (else words that
/// point to it), and the library's pain rules.
#[derive(Debug, Clone, Copy)]
pub struct Fill<'a> {
    pub limits: Option<PainLimits>,
    pub rules: Option<&'a PainRules>,
}

impl<'a> Fill<'a> {
    /// For a plan of `condition` (none: words that point to the plan's limits), with a
    /// clinician's ceilings in place of the condition's where set.
    pub fn for_plan(
        catalog: &'a super::Catalog,
        condition: Option<&Condition>,
        exercise: Option<u8>,
        running: Option<u8>,
    ) -> Fill<'a> {
        Fill {
            limits: condition.map(|c| PainLimits::of(c, exercise, running)),
            rules: catalog.pain_rules.as_ref(),
        }
    }

    /// `text` with every placeholder filled; `run` says the text is about a run (so `{limit}`
    /// is the running limit and `{settles}` the running rule).
    pub fn text(&self, text: &str, run: bool) -> String {
        if !text.contains('{') {
            return text.to_string();
        }
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            let name = &rest[open..=open + close];
            match self.value(name, run) {
                Some(value) => out.push_str(&value),
                None => out.push_str(name),
            }
            rest = &rest[open + close + 1..];
        }
        out.push_str(rest);
        out
    }

    fn value(&self, name: &str, run: bool) -> Option<String> {
        let out_of_ten = |n: u8| format!("{n}/{MAX_PAIN}");
        let limits = self.limits;
        let rules = self.rules;
        let settles = |s: Settles| s.words().to_string();
        Some(match name {
            "{limit}" => match limits {
                Some(l) => out_of_ten(if run { l.running } else { l.exercise }),
                None if run => "your plan's running pain limit".into(),
                None => "your plan's exercise pain limit".into(),
            },
            "{exercise limit}" => limits.map_or("your plan's exercise pain limit".into(), |l| {
                out_of_ten(l.exercise)
            }),
            "{running limit}" => limits.map_or("your plan's running pain limit".into(), |l| {
                out_of_ten(l.running)
            }),
            "{settles}" if run => limits.map_or(Settles::ByNextMorning.words().into(), |l| {
                settles(l.running_settles)
            }),
            "{settles}" => Settles::ByNextMorning.words().into(),
            "{running settles}" => limits.map_or(Settles::ByNextMorning.words().into(), |l| {
                settles(l.running_settles)
            }),
            "{progress median}" => limits.map_or("your plan's limit".into(), |l| {
                out_of_ten(l.progress_median)
            }),
            "{amber}" => out_of_ten(rules?.amber_above),
            "{morning rise}" => rules?.morning_red_rise.to_string(),
            "{baseline days}" => rules?.baseline_days.to_string(),
            "{adherence}" => format!("{}%", rules?.progress_min_adherence_pct),
            "{weekly rise}" => format!("{}%", rules?.running_weekly_rise_pct),
            _ => return None,
        })
    }
}

/// The placeholders in a text that are not among [`PLACEHOLDERS`].
pub fn unknown_placeholders(text: &str) -> Vec<String> {
    let mut unknown = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            unknown.push(rest[open..].to_string());
            break;
        };
        let name = &rest[open..=open + close];
        if !PLACEHOLDERS.iter().any(|(p, _)| *p == name) {
            unknown.push(name.to_string());
        }
        rest = &rest[open + close + 1..];
    }
    unknown
}

/// What a text states in numbers that a structured field holds, if anything: a pain limit
/// ("3/10"), a sets-by-reps count ("3 x 15") or a frequency ("3 times a week", "twice a
/// day"). The reason names the field to use instead.
pub fn number_a_field_holds(text: &str) -> Option<&'static str> {
    let lower = text.to_ascii_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | ':' | '.'))
        .filter(|w| !w.is_empty())
        .collect();
    let number = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit() || c == '-');
    if words.iter().any(|w| {
        w.strip_suffix("/10")
            .is_some_and(|n| number(n) && !n.starts_with('-'))
    }) {
        return Some(
            "states a pain score: write {limit}, {exercise limit} or {running limit} (filled from \
             the condition's `ceilings`), or give an effort in the dose's `effort`",
        );
    }
    for pair in words.windows(3) {
        if number(pair[0]) && (pair[1] == "x" || pair[1] == "×") && number(pair[2]) {
            return Some("states sets and reps: the dose's `sets` and `work` hold them");
        }
    }
    for (i, w) in words.iter().enumerate() {
        let x_count = w.len() > 1 && w.ends_with('x') && number(&w[..w.len() - 1]);
        let times = matches!(*w, "once" | "twice")
            || (*w == "times" && i > 0 && (number(words[i - 1]) || is_count_word(words[i - 1])));
        if (x_count || times)
            && matches!(words.get(i + 1), Some(&"a") | Some(&"per"))
            && matches!(words.get(i + 2), Some(&"day") | Some(&"week"))
        {
            return Some("states how often: the dose's `frequency` holds it");
        }
    }
    None
}

fn is_count_word(w: &str) -> bool {
    matches!(
        w,
        "two" | "three" | "four" | "five" | "six" | "seven" | "several"
    )
}

impl super::model::Exercise {
    /// A copy with the placeholders of its words filled (`{limit}` as the running limit for a
    /// run).
    pub fn with_limits(&self, fill: &Fill) -> super::model::Exercise {
        use super::MapText;
        let mut e = self.clone();
        let run = e.kind == super::model::Kind::Run;
        e.map_text(&mut |t| {
            if t.contains('{') {
                *t = fill.text(t, run).into();
            }
        });
        e
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_fill_from_the_plan_or_point_to_it() {
        let limits = PainLimits {
            exercise: 5,
            running: 3,
            running_settles: Settles::WithinAnHour,
            progress_median: 3,
        };
        let with = Fill {
            limits: Some(limits),
            rules: None,
        };
        assert_eq!(
            with.text("Stop if pain passes {limit}.", false),
            "Stop if pain passes 5/10."
        );
        assert_eq!(
            with.text("Stop if pain passes {limit}; it settles {settles}.", true),
            "Stop if pain passes 3/10; it settles within about an hour."
        );
        let without = Fill {
            limits: None,
            rules: None,
        };
        assert_eq!(
            without.text("Stop if pain passes {limit}.", false),
            "Stop if pain passes your plan's exercise pain limit."
        );
        assert_eq!(with.text("{nothing} stays", false), "{nothing} stays");
        assert_eq!(unknown_placeholders("{limit} {nothing}"), ["{nothing}"]);
    }

    #[test]
    fn numbers_a_field_holds_are_found() {
        assert!(number_a_field_holds("Stop if pain passes 3/10.").is_some());
        assert!(number_a_field_holds("Once 5 x 45 s is easy").is_some());
        assert!(number_a_field_holds("do it 3x a week").is_some());
        assert!(number_a_field_holds("three times a week").is_some());
        assert!(number_a_field_holds("twice a day").is_some());
        assert_eq!(number_a_field_holds("Stop if pain passes {limit}."), None);
        assert_eq!(number_a_field_holds("a 20 cm step, 60 degrees"), None);
    }
}
