//! How a printed plan reads: grid rows, card doses and links, the red-flag box and dates in
//! words. Shared by every format so they all say the same thing.

use jiff::civil::Date;

use super::model::{ExportInput, GridRow, row_order};
use crate::catalog::{Dose, Exercise, FlagLevel};
use crate::plan::{Day, WeekPlan};

impl ExportInput {
    /// The exercise on card `n` (1-based).
    pub fn card(&self, n: usize) -> Option<&Exercise> {
        n.checked_sub(1).and_then(|i| self.exercises.get(i))
    }

    fn card_of(&self, id: &str) -> Option<usize> {
        self.exercises
            .iter()
            .position(|e| e.id == id)
            .map(|i| i + 1)
    }

    /// The name of an exercise id, or the id itself when it is not in the plan.
    pub fn name_of<'a>(&'a self, id: &'a str) -> &'a str {
        match self.exercises.iter().find(|e| e.id == id) {
            Some(e) => &e.name,
            None => self.other_names.get(id).map_or(id, String::as_str),
        }
    }

    /// The grid rows of one week, in session order.
    pub fn rows(&self, week: &WeekPlan) -> Vec<GridRow> {
        let mut rows = Vec::new();
        for id in row_order(week) {
            let Some(card) = self.card_of(&id) else {
                continue;
            };
            let items: Vec<(usize, &crate::plan::PlanItem)> = week
                .days
                .iter()
                .enumerate()
                .flat_map(|(d, day)| day.items.iter().map(move |i| (d, i)))
                .filter(|(_, i)| i.exercise == id)
                .collect();
            let Some((_, first)) = items.first() else {
                continue;
            };
            let mut days: [(u32, Option<String>); 7] = Default::default();
            for (d, item) in &items {
                let differs =
                    item.dose.work != first.dose.work || item.dose.sets != first.dose.sets;
                days[*d].0 += item.sessions.max(1);
                if differs {
                    days[*d].1 = Some(item.dose.sets_text());
                }
            }
            let stands_in = first.replaces.as_ref().map(|r| {
                let why = first.reason.clone().unwrap_or_default();
                (self.name_of(r).to_string(), why)
            });
            rows.push(GridRow {
                card,
                dose: first.dose.clone(),
                days,
                stands_in,
                optional: first.optional,
            });
        }
        rows
    }

    /// Phase and week in words: "Phase 1 of 3 (Settle), week 1" or "weeks 1-4".
    pub fn phase_and_week(&self) -> String {
        let phases = self.condition.phases.len();
        let (Some(first), Some(last)) = (self.weeks.first(), self.weeks.last()) else {
            return String::new();
        };
        let phase = if first.state.phase == last.state.phase {
            format!(
                "Phase {} of {phases} ({})",
                first.state.phase + 1,
                first.phase_name
            )
        } else {
            format!(
                "Phases {}-{} of {phases}",
                first.state.phase + 1,
                last.state.phase + 1
            )
        };
        let week = if first.state.week == last.state.week {
            format!("week {}", first.state.week)
        } else {
            format!("weeks {}-{}", first.state.week, last.state.week)
        };
        format!("{phase}, {week}")
    }

    /// The ceilings as a pain rule in plain words, always printed before the library's rules.
    pub fn ceiling_rule(&self) -> String {
        format!(
            "During exercises, pain up to {}/10 is fine; while running, up to {}/10 - \
             as long as it settles by the next morning.",
            self.ceilings.exercise, self.ceilings.running
        )
    }
}

/// "Mon 23 Nov".
pub fn day_label(date: Date) -> String {
    format!("{} {}", Day::of(date).short(), date.strftime("%-d %b"))
}

/// "23 Nov 2026".
pub fn long_date(date: Date) -> String {
    date.strftime("%-d %b %Y").to_string()
}

impl ExportInput {
    /// The doses of card `n` across the weeks, one entry per change: (first week, dose).
    pub fn card_doses(&self, card: usize) -> Vec<(u32, Dose)> {
        let mut doses: Vec<(u32, Dose)> = Vec::new();
        for week in &self.weeks {
            if let Some(row) = self.rows(week).into_iter().find(|r| r.card == card)
                && doses.last().is_none_or(|(_, d)| *d != row.dose)
            {
                doses.push((week.state.week, row.dose));
            }
        }
        doses
    }

    /// A card's "when it gets easy" and "when it hurts" advice: the linked exercise by name
    /// (with its card number when it is in the plan), else the words from the library.
    pub fn easier_harder(&self, e: &Exercise) -> (Option<String>, Option<String>) {
        let link = |id: &Option<String>, words: &Option<String>| match id {
            Some(id) => Some(match self.card_of(id) {
                Some(n) => format!("move on to {} (card {n})", self.name_of(id)),
                None => format!("move on to {}", self.name_of(id)),
            }),
            None => words.clone(),
        };
        let easy = link(&e.progression, &e.when_easy);
        let hurts = match (&e.regression, &e.when_painful) {
            (Some(_), _) => {
                link(&e.regression, &None).map(|t| t.replacen("move on to", "go back to", 1))
            }
            (None, words) => words.clone(),
        };
        (easy, hurts)
    }

    /// The source of a card in one line: "[KEY] Authors (year). Title. Published."
    pub fn source_line(&self, key: &str) -> String {
        match self.sources.iter().find(|s| s.key == key) {
            Some(s) => format!(
                "[{key}] {} ({}). {}. {}.",
                s.authors, s.year, s.title, s.published
            ),
            None => format!("[{key}]"),
        }
    }
}

/// A dose for a grid row: the work, tempo, rest and load; the days columns say how often.
pub fn grid_dose(d: &Dose) -> String {
    let mut parts = vec![d.sets_text()];
    if let Some(t) = &d.tempo {
        parts.push(format!("tempo {t}"));
    }
    if d.rest_s > 0 {
        parts.push(format!("rest {} s", d.rest_s));
    }
    if let Some(load) = &d.load {
        parts.push(load.clone());
    }
    parts.join(", ")
}

/// Red flags of one level for the "stop and call" box: a heading, then each question with the
/// first sentence of its message (what to do), so the box stays short enough to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlagGroup<'a> {
    pub heading: &'static str,
    pub flags: Vec<(&'a str, &'a str)>,
}

impl ExportInput {
    /// The box's groups, most urgent first; empty groups are left out.
    pub fn flag_groups(&self) -> Vec<FlagGroup<'_>> {
        [
            (FlagLevel::Stop, "Stop and get care now or today if:"),
            (
                FlagLevel::Block,
                "Stop and see a doctor or physiotherapist before going on if:",
            ),
        ]
        .into_iter()
        .map(|(level, heading)| FlagGroup {
            heading,
            flags: self
                .red_flags
                .iter()
                .filter(|f| f.level == level)
                .map(|f| (f.question.as_str(), first_sentence(&f.message)))
                .collect(),
        })
        .filter(|g| !g.flags.is_empty())
        .collect()
    }
}

/// Up to the first full stop that ends a sentence (followed by a space and a capital).
pub fn first_sentence(text: &str) -> &str {
    let mut from = 0;
    while let Some(at) = text[from..].find(". ") {
        let end = from + at + 1;
        if text[end + 1..].starts_with(|c: char| c.is_uppercase()) {
            return &text[..end];
        }
        from = end;
    }
    text
}

#[cfg(test)]
mod tests {
    use super::first_sentence;

    #[test]
    fn first_sentence_stops_at_a_sentence_end() {
        let cases = [
            ("Get care today. It may be a clot.", "Get care today."),
            ("One sentence only.", "One sentence only."),
            ("Use 2.5 kg. then more", "Use 2.5 kg. then more"),
            (
                "See a doctor (e.g. a GP). Then rest.",
                "See a doctor (e.g. a GP).",
            ),
            ("", ""),
        ];
        for (text, want) in cases {
            assert_eq!(first_sentence(text), want, "{text}");
        }
    }
}
