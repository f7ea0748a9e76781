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
                origin: first.origin.clone(),
            });
        }
        rows
    }

    /// What the plan's first lines say: the lines that stand, then, said once, the weeks that
    /// do not fit the minutes set.
    pub fn notices(&self) -> Vec<String> {
        let mut lines = self.standing.clone();
        let late: Vec<&crate::plan::WeekPlan> = self
            .weeks
            .iter()
            .filter(|w| w.does_not_fit.is_some())
            .collect();
        let fit = crate::plan::WeekFit::merged(late.iter().filter_map(|w| w.does_not_fit.as_ref()));
        if let Some(fit) = fit {
            let numbers: Vec<u32> = late.iter().map(|w| w.state.week).collect();
            lines.push(if self.weeks.len() == 1 {
                fit.line()
            } else {
                match numbers.as_slice() {
                    [one] => fit.line_for(&format!("Week {one}"), false),
                    many => {
                        let named: Vec<String> = many.iter().map(u32::to_string).collect();
                        let subject = if many.windows(2).all(|w| w[1] == w[0] + 1) {
                            format!("Weeks {}-{}", many[0], many[many.len() - 1])
                        } else {
                            format!("Weeks {}", crate::text::join_and(&named))
                        };
                        fit.line_for(&subject, true)
                    }
                }
            });
        }
        lines
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
        let l = self.limits();
        if !self.runs {
            return format!(
                "During exercises, pain up to {}/10 is fine if it has settled {}.",
                l.exercise,
                crate::catalog::Settles::ByNextMorning.words()
            );
        }
        format!(
            "During exercises, pain up to {}/10 is fine if it has settled {}; while running, \
             up to {}/10 if it has settled {}.",
            l.exercise,
            crate::catalog::Settles::ByNextMorning.words(),
            l.running,
            l.running_settles.words()
        )
    }

    /// The plan's pain limits: the condition's, or a clinician's where set.
    pub fn limits(&self) -> crate::catalog::limits::PainLimits {
        self.ceilings.into()
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

    /// Card `n`'s dose in words, the same in every format: its one dose, or its first with
    /// the week it starts (the week grids give every week's dose).
    pub fn card_dose(&self, card: usize) -> String {
        match self.card_doses(card).as_slice() {
            [] => String::new(),
            [(_, only)] => only.describe(),
            [(w, first), ..] => format!(
                "from week {w}: {}; then as your week grids show",
                first.describe()
            ),
        }
    }

    /// Where card `n`'s dose comes from, in words, as its last printed week gives it.
    pub fn card_origin(&self, card: usize) -> String {
        self.weeks
            .iter()
            .rev()
            .find_map(|w| self.rows(w).into_iter().find(|r| r.card == card))
            .map(|r| r.origin)
            .or_else(|| {
                self.card(card)
                    .map(|e| crate::plan::ItemOrigin::Library(e.dose_origin.clone()))
            })
            .unwrap_or_default()
            .describe()
    }

    /// A card's "when it gets easy" and "when it hurts" advice: the linked exercise by name
    /// (with its card number when it is in the plan), else the words from the library.
    pub fn easier_harder(&self, e: &Exercise) -> (Option<String>, Option<String>) {
        let link =
            |id: &Option<crate::catalog::Text>, words: &Option<crate::catalog::Text>| match id {
                Some(id) => Some(match self.card_of(id) {
                    Some(n) => format!("move on to {} (card {n})", self.name_of(id)),
                    None => format!("move on to {}", self.name_of(id)),
                }),
                None => words.as_ref().map(ToString::to_string),
            };
        let easy = link(&e.progression, &e.when_easy);
        let hurts = match (&e.regression, &e.when_painful) {
            (Some(_), _) => {
                link(&e.regression, &None).map(|t| t.replacen("move on to", "go back to", 1))
            }
            (None, words) => words.as_ref().map(ToString::to_string),
        };
        (easy, hurts)
    }

    /// The source of a card in one line: "[KEY] Authors (year). Title. Published."
    pub fn source_line(&self, key: &str) -> String {
        match self.sources.iter().find(|s| s.key == key) {
            Some(s) => format!(
                "[{key}] {} ({}). {}. {}.",
                s.authors,
                year_of(s),
                s.title,
                s.published
            ),
            None => format!("[{key}]"),
        }
    }
}

/// A dose for a grid row: everything but how often (the days columns say that).
pub fn grid_dose(d: &Dose) -> String {
    d.describe_work()
}

/// Red flags of one level for the "stop and call" box: a heading, then each flag as a statement
/// for the patient (from the library's `flag_statements`); a flag without one prints its
/// question and the first sentence of its message. Screening-only flags are left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlagGroup {
    pub heading: &'static str,
    pub flags: Vec<String>,
}

impl ExportInput {
    /// The box's groups, most urgent first; empty groups are left out.
    pub fn flag_groups(&self) -> Vec<FlagGroup> {
        [
            (FlagLevel::Stop, "Get care now or today:"),
            (
                FlagLevel::Block,
                "Stop the plan and see a doctor or physiotherapist first:",
            ),
        ]
        .into_iter()
        .map(|(level, heading)| FlagGroup {
            heading,
            flags: self
                .red_flags
                .iter()
                .filter(|f| f.level == level)
                .filter_map(|f| match self.flag_statements.get(f.id.as_str()) {
                    Some(Some(says)) => Some(says.clone()),
                    Some(None) => None,
                    None => Some(format!("{} {}", f.question, first_sentence(&f.message))),
                })
                .collect(),
        })
        .filter(|g| !g.flags.is_empty())
        .collect()
    }

    /// The clinician note: each planner note once, with the weeks it applies to, in the order
    /// first seen ("Weeks 1-3: ..."). Empty when the weeks have none.
    pub fn clinician_note(&self) -> Vec<String> {
        let mut notes: Vec<(&str, Vec<u32>)> = Vec::new();
        for (week, g) in self.weeks.iter().zip(&self.guidance) {
            // The phase's running text is printed for the patient in its own words.
            for note in super::shown_notes(g).filter(|n| !n.starts_with("Running: ")) {
                match notes.iter_mut().find(|(n, _)| *n == note.as_str()) {
                    Some((_, weeks)) => weeks.push(week.state.week),
                    None => notes.push((note, vec![week.state.week])),
                }
            }
        }
        let one_week = self.weeks.len() == 1;
        notes
            .into_iter()
            .map(|(note, weeks)| {
                if one_week {
                    note.to_string()
                } else {
                    format!("{}: {note}", week_list(&weeks))
                }
            })
            .collect()
    }

    /// The running advice of week `index`'s phase, on the first printed week of that phase;
    /// none for someone who does not run.
    pub fn phase_run_text(&self, index: usize) -> Option<&str> {
        if !self.runs {
            return None;
        }
        let week = self.weeks.get(index)?;
        let first = index == 0 || self.weeks[index - 1].state.phase != week.state.phase;
        let text = self
            .condition
            .phases
            .get(week.state.phase)?
            .run
            .text
            .as_str();
        (first && !text.is_empty()).then_some(text)
    }

    /// Whether the printed weeks include the first walk-run level, so the plan must say that
    /// walk-run waits for the return-to-running checks, not the calendar.
    pub fn starts_walk_run(&self) -> bool {
        self.guidance
            .iter()
            .any(|g| g.walk_run.as_ref().is_some_and(|l| l.level == 1))
    }
}

/// "Week 2", "Weeks 1-4", "Weeks 1, 3".
fn week_list(weeks: &[u32]) -> String {
    match weeks {
        [one] => format!("Week {one}"),
        [first, .., last] if weeks.windows(2).all(|w| w[1] == w[0] + 1) => {
            format!("Weeks {first}-{last}")
        }
        many => format!(
            "Weeks {}",
            many.iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// A source's year as printed: "2019", or "n.d., read 2026" for an undated page.
pub fn year_of(s: &crate::catalog::Source) -> String {
    match (s.year, &s.read_on) {
        (crate::catalog::Year::Undated, Some(read)) => format!("n.d., read {read}"),
        (year, _) => year.to_string(),
    }
}

/// Said before walk-run starts, whatever week the calendar shows.
pub const WALK_RUN_GATE: &str = "Start walk-run only once your physiotherapist has ticked every \
    return-to-running check, whatever week the calendar shows.";

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
