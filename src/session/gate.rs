//! The red-flag gate: the one place that says whether a profile may see and log plan items.

use jiff::civil::Date;

use super::{Line, Urgency};
use crate::catalog::{Catalog, FlagLevel, RedFlag};
use crate::journal::JournalState;
use crate::profile::Profile;
use crate::screening;

/// A clinician's assessment as the journal holds it (and a prescription file carries it).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    pub date: Date,
    #[serde(default)]
    pub by: Option<String>,
}

impl Assessment {
    /// "a clinician (Dr K) on 2026-11-20"
    pub fn describe(&self) -> String {
        match &self.by {
            Some(name) => format!("{} on {}", crate::text::clean(name).into_owned(), self.date),
            None => format!("a clinician on {}", self.date),
        }
    }
}

/// Where a profile stands against its red-flag answers.
#[derive(Debug, Clone, PartialEq)]
pub enum Gate {
    /// Some questions were never answered (all of them for a new profile, or one the library
    /// added since): no plan until every one has been seen and answered.
    Unanswered { unanswered: Vec<String> },
    /// A "get care now or today" answer: no plan until the questions are answered again.
    Stop { flags: Vec<RedFlag> },
    /// A "see a clinician first" answer with no assessment recorded on or after it.
    Block {
        flags: Vec<RedFlag>,
        answered_on: Date,
        /// The latest assessment, when it came before the answers (so it does not count).
        earlier: Option<Assessment>,
    },
    /// Sharp pain, new swelling or a limp was logged after the last answers: the plan pauses
    /// until the questions are answered again.
    Rescreen { logged_on: Date },
    /// The plan goes on, with advice that stays on screen and the assessment that lifted a
    /// "see a clinician first" answer, if one did.
    Open {
        advice: Vec<RedFlag>,
        cleared_by: Option<Assessment>,
    },
}

/// The gate for a profile: its latest answers (the profile holds them), the journal's
/// assessments and the warning signs logged since.
pub fn gate(catalog: &Catalog, profile: &Profile, journal: &JournalState) -> Gate {
    let answers = &profile.red_flags;
    let unanswered: Vec<String> = catalog
        .red_flags
        .iter()
        .filter(|f| answers.answered_on.is_none() || !answers.answers.contains_key(f.id.as_str()))
        .map(|f| f.id.to_string())
        .collect();
    let Some(answered_on) = answers.answered_on.filter(|_| unanswered.is_empty()) else {
        return Gate::Unanswered { unanswered };
    };
    let screen = screening::assess(catalog, &answers.answers);
    let advise = |flags: &[RedFlag]| -> Vec<RedFlag> {
        flags
            .iter()
            .filter(|f| f.level == FlagLevel::Advise)
            .cloned()
            .collect()
    };
    let mut cleared_by = None;
    match screen.level {
        Some(FlagLevel::Stop) => {
            return Gate::Stop {
                flags: screen.flags,
            };
        }
        Some(FlagLevel::Block) => {
            let latest = latest_assessment(journal);
            match latest.filter(|a| counts_after(a, answered_on, journal)) {
                Some(assessment) => cleared_by = Some(assessment),
                None => {
                    return Gate::Block {
                        flags: screen.flags,
                        answered_on,
                        earlier: latest_assessment(journal),
                    };
                }
            }
        }
        _ => {}
    }
    if let Some((at, logged_on)) = journal.last_warning_sign {
        let after_answers = match journal.last_screened {
            Some((screened_at, _)) => at > screened_at,
            // Answers with no journal line (an older profile): compare the days.
            None => logged_on >= answered_on,
        };
        if after_answers {
            return Gate::Rescreen { logged_on };
        }
    }
    let mut advice = advise(&screen.flags);
    advice.extend(advise(&screen.lesser));
    Gate::Open { advice, cleared_by }
}

fn latest_assessment(journal: &JournalState) -> Option<Assessment> {
    journal
        .last_assessment
        .as_ref()
        .map(|(_, date, by)| Assessment {
            date: *date,
            by: by.clone(),
        })
}

/// An assessment lifts a "see a clinician first" answer when it is dated after the answers, or
/// on the same day and written after them: ticking a box while answering "yes" is not a visit.
fn counts_after(assessment: &Assessment, answered_on: Date, journal: &JournalState) -> bool {
    if assessment.date != answered_on {
        return assessment.date > answered_on;
    }
    match (&journal.last_assessment, journal.last_screened) {
        (Some((assessed_at, _, _)), Some((screened_at, _))) => *assessed_at > screened_at,
        _ => true,
    }
}

impl Gate {
    /// Whether plan items may be shown and logged.
    pub fn allows_plan(&self) -> bool {
        matches!(self, Gate::Open { .. })
    }

    /// A short name, for tables and tests.
    pub fn kind(&self) -> &'static str {
        match self {
            Gate::Unanswered { .. } => "unanswered",
            Gate::Stop { .. } => "stop",
            Gate::Block { .. } => "block",
            Gate::Rescreen { .. } => "rescreen",
            Gate::Open { .. } => "open",
        }
    }

    /// One short line for a banner that sits above every view; `None` when the gate is open.
    pub fn headline(&self) -> Option<&'static str> {
        match self {
            Gate::Open { .. } => None,
            Gate::Unanswered { .. } => Some("No plan until the safety questions are answered."),
            Gate::Stop { .. } => Some("Get care first: no plan is shown. Today says what to do."),
            Gate::Block { .. } => {
                Some("See a clinician first: no plan until their assessment is recorded.")
            }
            Gate::Rescreen { .. } => Some(
                "Plan paused after sharp pain, swelling or a limp: answer the safety questions again.",
            ),
        }
    }

    /// Why there is no plan, and what to do, in one paragraph; `None` when the gate is open.
    pub fn refusal(&self) -> Option<String> {
        let said = match self {
            Gate::Open { .. } => return None,
            Gate::Unanswered { unanswered } => format!(
                "No plan yet: {} red-flag question(s) not answered for this profile. Answer \
                 them with `rehab screen` (or in `rehab`) first.",
                unanswered.len()
            ),
            Gate::Stop { flags } => format!(
                "No plan: {} When you have been seen and things have changed, answer the \
                 questions again with `rehab screen`.",
                messages(flags)
            ),
            Gate::Block {
                flags,
                answered_on,
                earlier,
            } => {
                let earlier = earlier
                    .as_ref()
                    .map(|a| {
                        format!(
                            " The assessment recorded ({}) came before these answers ({answered_on}) and does not lift them.",
                            a.describe()
                        )
                    })
                    .unwrap_or_default();
                format!(
                    "No plan until a clinician has assessed the knee: {}{earlier} After the \
                     assessment, record it with `rehab profile set --assessed-on DATE --assessed-by NAME` \
                     (or in the app's Profiles view).",
                    messages(flags)
                )
            }
            Gate::Rescreen { logged_on } => format!(
                "Plan paused: sharp pain, new swelling or a limp was logged on {logged_on}. \
                 Answer the red-flag questions again (`rehab screen`, or in `rehab`) before \
                 the next session."
            ),
        };
        Some(said)
    }

    /// The lines that stay on screen while this gate stands.
    pub fn lines(&self) -> Vec<Line> {
        let urgency = match self {
            Gate::Stop { .. } => Urgency::Stop,
            Gate::Open { .. } => Urgency::Advise,
            _ => Urgency::Hold,
        };
        if let Some(text) = self.refusal() {
            return vec![Line { urgency, text }];
        }
        let Gate::Open { advice, cleared_by } = self else {
            return Vec::new();
        };
        let mut lines: Vec<Line> = advice
            .iter()
            .map(|f| Line {
                urgency,
                text: crate::text::clean(&f.message).into_owned(),
            })
            .collect();
        if let Some(a) = cleared_by {
            lines.push(Line {
                urgency: Urgency::Info,
                text: format!(
                    "Plan cleared after an assessment by {}; see them again if anything changes.",
                    a.describe()
                ),
            });
        }
        lines
    }
}

fn messages(flags: &[RedFlag]) -> String {
    flags
        .iter()
        .map(|f| crate::text::clean(&f.message).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}
