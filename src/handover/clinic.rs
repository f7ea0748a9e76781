//! The clinician's overview: one row per profile in a data folder, those who need attention
//! first. Read-only: each row comes from `session::Standing`, as Today would show it.

use std::fmt::Write as _;

use jiff::ToSpan;
use jiff::civil::Date;

use crate::catalog::Catalog;
use crate::journal::JournalState;
use crate::profile::Profile;
use crate::progress::{Flag, Verdict, WeekOutcome};
use crate::session::{Gate, Standing};
use crate::text::clean;

/// Days without anything logged after which a profile counts as idle.
pub const IDLE_DAYS: i64 = 7;

/// Why a profile needs attention, most serious first.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Concern {
    /// The profile or its journal does not load.
    DoesNotLoad,
    /// No plan can be built: the condition or an exercise is not in the library, or the
    /// program is past its weeks. An empty plan is not a rest day.
    NoPlan,
    /// A "get care now" answer.
    Stop,
    /// A "see a clinician first" answer not yet lifted by an assessment.
    SeeClinicianFirst,
    /// Sharp pain, swelling or a limp logged since the last answers.
    Rescreen,
    /// The red-flag questions are not all answered.
    Unanswered,
    /// A new week began and its safety questions are not answered yet.
    WeeklyScreenDue,
    /// A weekly decision said "see a clinician".
    SeeClinicianDecision,
    /// Next-morning pain higher than the week before.
    RisingMorningPain,
    /// Nothing logged for [`IDLE_DAYS`] days.
    Idle,
}

impl Concern {
    pub fn label(&self) -> &'static str {
        match self {
            Concern::DoesNotLoad => "does not load (rehab doctor)",
            Concern::NoPlan => "no plan can be built (rehab today says why)",
            Concern::Stop => "get-care-now answer",
            Concern::SeeClinicianFirst => "see-a-clinician answer",
            Concern::Rescreen => "re-screen due",
            Concern::Unanswered => "red flags unanswered",
            Concern::WeeklyScreenDue => "weekly questions due",
            Concern::SeeClinicianDecision => "see-a-clinician decision",
            Concern::RisingMorningPain => "morning pain rising",
            Concern::Idle => "nothing logged 7+ days",
        }
    }
}

/// One profile in the overview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClinicRow {
    pub name: String,
    /// The condition's name (its id when the library lacks it); empty when it does not load.
    pub condition: String,
    /// The program week holding today.
    pub week: Option<u32>,
    /// 1-based phase and its name, this week.
    pub phase: Option<(usize, String)>,
    /// The latest week's one adherence figure: this week's so far once anything is due,
    /// else last week's final one.
    pub adherence: Option<(u32, crate::journal::Adherence)>,
    /// "rising", "falling", "steady" or "-": the week's pain level against the week before.
    pub pain_trend: &'static str,
    /// The last day anything was logged (a tick, pain, a note, red-flag answers).
    pub last_logged: Option<Date>,
    /// Most serious first.
    pub concerns: Vec<Concern>,
}

impl ClinicRow {
    /// The figure in whole percent, `None` when nothing was due.
    pub fn adherence_pct(&self) -> Option<u32> {
        self.adherence.and_then(|(_, a)| a.pct())
    }

    /// "62%", "62% so far", or "-" when nothing was due.
    pub fn adherence_text(&self) -> String {
        self.adherence
            .map_or_else(|| "-".to_string(), |(_, a)| a.short())
    }

    /// The last day anything was logged, or "never".
    pub fn last_logged_text(&self) -> String {
        self.last_logged
            .map_or_else(|| "never".to_string(), |d| d.to_string())
    }

    /// The row of a profile that does not load.
    pub fn broken(name: &str) -> ClinicRow {
        ClinicRow {
            name: name.to_string(),
            condition: String::new(),
            week: None,
            phase: None,
            adherence: None,
            pain_trend: "-",
            last_logged: None,
            concerns: vec![Concern::DoesNotLoad],
        }
    }

    /// Where `profile` stands on `today`, as one row.
    pub fn of(
        catalog: &Catalog,
        profile: &Profile,
        journal: &JournalState,
        today: Date,
    ) -> ClinicRow {
        let standing = Standing::compute(catalog, profile, journal, today);
        let mut concerns = Vec::new();
        if crate::session::unknown_reference(catalog, profile).is_some()
            || standing.plan_error.is_some()
        {
            concerns.push(Concern::NoPlan);
        }
        match &standing.gate {
            Gate::Stop { .. } => concerns.push(Concern::Stop),
            Gate::Block { .. } | Gate::Escalated { .. } => {
                concerns.push(Concern::SeeClinicianFirst)
            }
            Gate::Rescreen { .. } => concerns.push(Concern::Rescreen),
            Gate::WeeklyDue { .. } => concerns.push(Concern::WeeklyScreenDue),
            Gate::Unanswered { .. } => concerns.push(Concern::Unanswered),
            Gate::Open { .. } => {}
        }
        let current = standing.current();
        let decided_see = current.is_some_and(|w| {
            w.flags.iter().any(|f| matches!(f, Flag::ClinicianDue(_)))
                || w.decision.verdict == Verdict::SeeClinician
        });
        if decided_see {
            concerns.push(Concern::SeeClinicianDecision);
        }
        let outcomes = &standing.outcomes;
        let morning: Vec<f32> = outcomes
            .iter()
            .filter_map(|o| o.numbers.median_morning)
            .collect();
        if let [.., before, last] = morning.as_slice()
            && last > before
        {
            concerns.push(Concern::RisingMorningPain);
        }
        let last_logged = last_logged(journal, today);
        let started = standing.week.number().is_some();
        let idle_since = today.checked_sub(IDLE_DAYS.days()).unwrap_or(today);
        let idle = match last_logged {
            Some(d) => d <= idle_since,
            None => started && profile.settings.start <= idle_since,
        };
        if idle {
            concerns.push(Concern::Idle);
        }
        concerns.sort();
        ClinicRow {
            name: profile.name.clone(),
            condition: catalog
                .condition(&profile.condition)
                .map_or_else(|| profile.condition.clone(), |c| c.name.to_string()),
            week: standing.week.number(),
            phase: current.map(|w| (w.plan.state.phase + 1, w.plan.phase_name.clone())),
            adherence: adherence(outcomes),
            pain_trend: pain_trend(outcomes),
            last_logged,
            concerns,
        }
    }

    /// The sort key: rows with a concern first, the most serious concern first, then the
    /// most concerns, then the name.
    fn key(&self) -> (bool, Option<&Concern>, std::cmp::Reverse<usize>, &str) {
        (
            self.concerns.is_empty(),
            self.concerns.first(),
            std::cmp::Reverse(self.concerns.len()),
            &self.name,
        )
    }
}

/// Sorts rows so that who needs attention comes first; rows with no concern go last, by name.
pub fn clinic_rows(mut rows: Vec<ClinicRow>) -> Vec<ClinicRow> {
    rows.sort_by(|a, b| a.key().cmp(&b.key()));
    rows
}

fn last_logged(journal: &JournalState, today: Date) -> Option<Date> {
    let day = journal
        .days
        .iter()
        .rev()
        .find(|(d, log)| **d <= today && !log.is_empty())
        .map(|(d, _)| *d);
    let screened = journal.screenings.iter().map(|(d, _)| *d).max();
    day.max(screened)
}

/// The latest week with something due, and its figure (the engine's, as the report and
/// `rehab history` show it).
fn adherence(outcomes: &[WeekOutcome]) -> Option<(u32, crate::journal::Adherence)> {
    outcomes
        .iter()
        .rev()
        .take(2)
        .map(|o| (o.week(), o.numbers.adherence()))
        .find(|(_, a)| a.due > 0)
}

/// The last week's pain level (the higher of its medians) against the week before's, over the
/// weeks that have one.
fn pain_trend(outcomes: &[WeekOutcome]) -> &'static str {
    let levels: Vec<f32> = outcomes
        .iter()
        .filter_map(|o| o.numbers.pain_level())
        .collect();
    match levels.as_slice() {
        [.., before, last] if last > before => "rising",
        [.., before, last] if last < before => "falling",
        [.., _, _] => "steady",
        _ => "-",
    }
}

/// The overview as a table for the command line.
pub fn clinic_text(rows: &[ClinicRow], today: Date) -> String {
    let mut t = String::new();
    if rows.is_empty() {
        t.push_str("No profiles in this data folder.\n");
        return t;
    }
    let _ = writeln!(
        t,
        "{} profile(s) on {today}, those needing attention first:",
        rows.len()
    );
    let _ = writeln!(
        t,
        "{:<16} {:<22} {:<18} {:>10}  {:<7} {:<10}  flags",
        "profile", "condition", "week · phase", "adh.", "pain", "last log"
    );
    for r in rows {
        let cut = |s: &str, n: usize| -> String { clean(s).chars().take(n).collect() };
        let week = match (&r.week, &r.phase) {
            (Some(w), Some((n, name))) => format!("{w} · {n} {}", cut(name, 10)),
            (Some(w), None) => format!("{w}"),
            (None, _) if r.concerns.first() == Some(&Concern::DoesNotLoad) => "-".to_string(),
            (None, _) => "not started".to_string(),
        };
        let adherence = r.adherence_text();
        let last = r.last_logged_text();
        let flags: Vec<&str> = r.concerns.iter().map(Concern::label).collect();
        let flags = if flags.is_empty() {
            "ok".to_string()
        } else {
            flags.join(", ")
        };
        let line = format!(
            "{:<16} {:<22} {:<18} {:>10}  {:<7} {:<10}  {flags}",
            cut(&r.name, 16),
            cut(&r.condition, 22),
            week,
            adherence,
            r.pain_trend,
            last
        );
        let _ = writeln!(t, "{}", line.trim_end());
    }
    t
}
