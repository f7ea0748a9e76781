//! The red-flag gate: the one place that says whether a profile may see and log plan items.
//!
//! Clinical basis §1.5: an answer that needs care or a clinician stands until a clinician lifts
//! it. The gate therefore reads every screening the journal holds, not only the latest answers:
//! a "get care" or "see a clinician first" answer holds the plan until an assessment dated on or
//! after it is recorded, whatever is answered later.

use jiff::ToSpan;
use jiff::civil::Date;

use super::{Line, Urgency};
use crate::catalog::{Catalog, FlagLevel, RedFlag};
use crate::journal::{JournalState, SafetyEvent};
use crate::plan::{ProgramWeek, monday_of};
use crate::profile::Profile;
use crate::screening;

/// A second warning sign within this many days of the first sends the person to a clinician.
pub const WARNING_SIGN_WINDOW_DAYS: i64 = 14;

/// How long "plan cleared after an assessment" stays on screen.
const CLEARED_SHOWN_DAYS: i64 = 14;

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
    /// A "get care now or today" answer with no assessment recorded on or after it.
    Stop {
        flags: Vec<RedFlag>,
        answered_on: Date,
    },
    /// A "see a clinician first" answer with no assessment recorded on or after it.
    Block {
        flags: Vec<RedFlag>,
        answered_on: Date,
        /// The latest assessment, when it came before the answers (so it does not count).
        earlier: Option<Assessment>,
    },
    /// Sharp pain, new swelling or a limp logged twice within 14 days, with no assessment since
    /// the second: see a clinician.
    Escalated { first: Date, second: Date },
    /// Sharp pain, new swelling or a limp was logged after the last answers: the plan pauses
    /// until the questions are answered again.
    Rescreen { logged_on: Date },
    /// A new week began and its safety questions have not been answered yet.
    WeeklyDue { last: Date },
    /// The plan goes on, with advice that stays on screen and the assessment that lifted a
    /// hold, while it is recent.
    Open {
        advice: Vec<RedFlag>,
        cleared_by: Option<Assessment>,
    },
}

/// An answer or event that holds the plan, and where it sits in the journal.
#[derive(Debug, Clone, Copy)]
struct Place {
    at: usize,
    date: Date,
}

/// The gate for a profile on `today`: every screening and assessment in its journal, the
/// warning signs logged, its latest answers (the profile holds them) and the week.
pub fn gate(catalog: &Catalog, profile: &Profile, journal: &JournalState, today: Date) -> Gate {
    let answers = &profile.red_flags;
    let assessments: Vec<(Place, Assessment)> = events(journal, |e| match e {
        SafetyEvent::Assessed { date, by, .. } => Some(Assessment {
            date: *date,
            by: by.clone(),
        }),
        _ => None,
    });
    // The assessment that lifts something held at `place`: dated after it, or the same day and
    // written after it (ticking a box while answering "yes" is not a visit). The latest wins.
    let lifting = |place: Place| -> Option<&Assessment> {
        assessments
            .iter()
            .filter(|(p, _)| p.date > place.date || (p.date == place.date && p.at > place.at))
            .map(|(_, a)| a)
            .max_by_key(|a| a.date)
    };

    // Every "get care" or "see a clinician first" answer ever given, until lifted.
    let mut held: Vec<(&RedFlag, Place)> = Vec::new();
    for (place, raised) in screenings(journal, profile) {
        for id in raised {
            let Some(flag) = catalog.red_flag(id) else {
                continue;
            };
            if flag.level == FlagLevel::Advise || lifting(place).is_some() {
                continue;
            }
            match held.iter_mut().find(|(f, _)| f.id == flag.id) {
                // The latest time it was said: the assessment must come after that.
                Some(entry) => entry.1 = place,
                None => held.push((flag, place)),
            }
        }
    }
    if let Some(level) = held.iter().map(|(f, _)| f.level).max() {
        let answered_on = held.iter().map(|(_, p)| p.date).max().unwrap_or(today);
        let flags: Vec<RedFlag> = catalog
            .red_flags
            .iter()
            .filter(|f| held.iter().any(|(h, _)| h.id == f.id && h.level == level))
            .cloned()
            .collect();
        if level == FlagLevel::Stop {
            return Gate::Stop { flags, answered_on };
        }
        let earlier = assessments
            .iter()
            .map(|(_, a)| a)
            .max_by_key(|a| a.date)
            .cloned();
        return Gate::Block {
            flags,
            answered_on,
            earlier,
        };
    }

    // Two warning signs within 14 days, neither lifted by an assessment after the second.
    let signs: Vec<Place> = events(journal, |e| {
        matches!(e, SafetyEvent::WarningSign { .. }).then_some(())
    })
    .into_iter()
    .map(|(place, ())| place)
    .collect();
    let latest_lift = assessments
        .iter()
        .map(|(p, _)| *p)
        .max_by_key(|p| (p.date, p.at));
    let unlifted: Vec<Place> = signs
        .iter()
        .copied()
        .filter(|s| {
            latest_lift.is_none_or(|a| s.date > a.date || (s.date == a.date && s.at > a.at))
        })
        .collect();
    if let Some(second) = unlifted.iter().map(|p| p.date).max()
        && let Some(first) = unlifted
            .iter()
            .map(|p| p.date)
            .filter(|d| {
                *d < second
                    && *d
                        >= second
                            .checked_sub(WARNING_SIGN_WINDOW_DAYS.days())
                            .unwrap_or(*d)
            })
            .min()
    {
        return Gate::Escalated { first, second };
    }

    let unanswered: Vec<String> = catalog
        .red_flags
        .iter()
        .filter(|f| answers.answered_on.is_none() || !answers.answers.contains_key(f.id.as_str()))
        .map(|f| f.id.to_string())
        .collect();
    let Some(answered_on) = answers.answered_on.filter(|_| unanswered.is_empty()) else {
        return Gate::Unanswered { unanswered };
    };

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

    let last_screened = journal
        .last_screened
        .map(|(_, d)| d)
        .unwrap_or(answered_on)
        .max(answered_on);
    if weekly_screen_due(profile, last_screened, today) {
        return Gate::WeeklyDue {
            last: last_screened,
        };
    }

    // Advice stands until a clinician has seen the knee after it was given.
    let latest_place = Place {
        at: journal.last_screened.map_or(0, |(at, _)| at),
        date: last_screened,
    };
    let screen = screening::assess(catalog, &answers.answers);
    let advice: Vec<RedFlag> = if lifting(latest_place).is_some() {
        Vec::new()
    } else {
        screen
            .flags
            .iter()
            .chain(&screen.lesser)
            .filter(|f| f.level == FlagLevel::Advise)
            .cloned()
            .collect()
    };
    let cleared_by = assessments
        .iter()
        .map(|(_, a)| a)
        .filter(|a| {
            a.date <= today
                && today
                    .since(a.date)
                    .is_ok_and(|s| i64::from(s.get_days()) < CLEARED_SHOWN_DAYS)
        })
        .max_by_key(|a| a.date)
        .filter(|_| lifted_anything(catalog, journal))
        .cloned();
    Gate::Open { advice, cleared_by }
}

/// The journal's safety events that `pick` takes, each with its place.
fn events<'a, T>(
    journal: &'a JournalState,
    pick: impl Fn(&'a SafetyEvent) -> Option<T>,
) -> Vec<(Place, T)> {
    journal
        .safety
        .iter()
        .filter_map(|e| {
            let place = Place {
                at: e.at(),
                date: e.date(),
            };
            pick(e).map(|t| (place, t))
        })
        .collect()
}

/// Every screening's "yes" answers with its place: the journal's, or for an older profile
/// whose journal holds none, the profile's latest answers.
fn screenings<'a>(journal: &'a JournalState, profile: &'a Profile) -> Vec<(Place, Vec<&'a str>)> {
    let from_journal: Vec<(Place, Vec<&str>)> = events(journal, |e| match e {
        SafetyEvent::Screened { raised, .. } => Some(raised.iter().map(String::as_str).collect()),
        _ => None,
    });
    if !from_journal.is_empty() {
        return from_journal;
    }
    match profile.red_flags.answered_on {
        Some(date) => vec![(
            Place { at: 0, date },
            profile
                .red_flags
                .answers
                .iter()
                .filter(|(_, yes)| **yes)
                .map(|(id, _)| id.as_str())
                .collect(),
        )],
        None => Vec::new(),
    }
}

/// Whether any "get care" or "see a clinician" answer, or a second warning sign, was ever
/// raised: only then does "plan cleared after an assessment" say something true.
fn lifted_anything(catalog: &Catalog, journal: &JournalState) -> bool {
    let mut signs = 0;
    journal.safety.iter().any(|e| match e {
        SafetyEvent::Screened { raised, .. } => raised.iter().any(|id| {
            catalog
                .red_flag(id)
                .is_some_and(|f| f.level != FlagLevel::Advise)
        }),
        SafetyEvent::WarningSign { .. } => {
            signs += 1;
            signs >= 2
        }
        SafetyEvent::Assessed { .. } => false,
    })
}

/// The questions are asked again at the first open of each programme week after the first;
/// week 1 runs on the answers given at set-up.
pub fn weekly_screen_due(profile: &Profile, last_screened: Date, today: Date) -> bool {
    match ProgramWeek::of(&profile.settings, today).number() {
        Some(week) if week >= 2 => last_screened < monday_of(today),
        _ => false,
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
            Gate::Escalated { .. } => "escalated",
            Gate::Rescreen { .. } => "rescreen",
            Gate::WeeklyDue { .. } => "weekly",
            Gate::Open { .. } => "open",
        }
    }

    /// Whether only a clinician's assessment opens the gate (answering again never does).
    pub fn needs_clinician(&self) -> bool {
        matches!(
            self,
            Gate::Stop { .. } | Gate::Block { .. } | Gate::Escalated { .. }
        )
    }

    /// Whether answering the questions is what opens the gate.
    pub fn needs_answers(&self) -> bool {
        matches!(
            self,
            Gate::Unanswered { .. } | Gate::Rescreen { .. } | Gate::WeeklyDue { .. }
        )
    }

    /// One short line for a banner that sits above every view; `None` when the gate is open.
    pub fn headline(&self) -> Option<&'static str> {
        match self {
            Gate::Open { .. } => None,
            Gate::Unanswered { .. } => Some("No plan until the safety questions are answered."),
            Gate::Stop { .. } => Some("Get care first: no plan is shown. Today says what to do."),
            Gate::Block { .. } => {
                Some("See a clinician first: no plan until they record their assessment.")
            }
            Gate::Escalated { .. } => Some(
                "See a clinician: warning signs twice in 14 days. No plan until they record their assessment.",
            ),
            Gate::Rescreen { .. } => Some(
                "Plan paused after sharp pain, swelling or a limp: answer the safety questions again.",
            ),
            Gate::WeeklyDue { .. } => {
                Some("A new week: answer this week's safety questions to see the plan.")
            }
        }
    }

    /// Why there is no plan, and what to do, in one paragraph; `None` when the gate is open.
    pub fn refusal(&self) -> Option<String> {
        let said = match self {
            Gate::Open { .. } => return None,
            Gate::Unanswered { unanswered } => format!(
                "No plan yet: {} safety question(s) not answered for this profile. Answer them \
                 with `rehab screen` (or in `rehab`) first.",
                unanswered.len()
            ),
            Gate::Stop { flags, answered_on } => format!(
                "No plan: {} (answered on {answered_on}.) {RECORDS_IT}",
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
                    "No plan until a clinician has assessed the knee: {}{earlier} {RECORDS_IT}",
                    messages(flags)
                )
            }
            Gate::Escalated { first, second } => format!(
                "See a doctor or physiotherapist: sharp pain, new swelling or a limp was logged \
                 on {first} and again on {second}, within {WARNING_SIGN_WINDOW_DAYS} days. {RECORDS_IT}"
            ),
            Gate::Rescreen { logged_on } => format!(
                "Plan paused: sharp pain, new swelling or a limp was logged on {logged_on}. \
                 Answer the safety questions again (`rehab screen`, or in `rehab`) before \
                 the next session; if they are clear, that day's exercises come back one step \
                 easier."
            ),
            Gate::WeeklyDue { last } => format!(
                "This week's safety questions are due (last answered on {last}). Answer them \
                 with `rehab screen` (or in `rehab`) to see this week's plan."
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

/// What lifts a clinician's hold, in a patient's words.
const RECORDS_IT: &str = "Answering the questions again does not lift this: when a doctor or \
     physiotherapist has assessed the knee, they record the assessment in rehab, and the plan \
     comes back.";

fn messages(flags: &[RedFlag]) -> String {
    flags
        .iter()
        .map(|f| crate::text::clean(&f.message).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}
