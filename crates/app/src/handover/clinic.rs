//! The clinician's overview: one row per profile in a data folder, those who need attention
//! first. Read-only: each row comes from `session::Standing`, as Today would show it.

use std::fmt::Write as _;

use jiff::ToSpan;
use jiff::civil::Date;

use crate::catalog::Catalog;
use crate::journal::JournalState;
use crate::profile::Profile;
use crate::progress::{Flag, Verdict, WeekOutcome};
use crate::session::{Gate, ProgramWeek, Standing};
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
    /// Running is paused this week (red runs, or until a clinician has seen the knee).
    RunningPaused,
    /// Last week's decision held the plan: this week repeats it.
    Held,
    /// Next-morning pain higher over the last 7 days than the 7 before.
    RisingMorningPain,
    /// This week's running from a watch is flagged (a rise over 10% or 30% in two weeks,
    /// hills in a phase that keeps runs flat): `rehab runs` says which.
    RunningLoad,
    /// Nothing logged for [`IDLE_DAYS`] days.
    Idle,
}

impl Concern {
    /// Short enough for an 80-column overview; `rehab report` says the rest.
    pub fn label(&self) -> &'static str {
        match self {
            Concern::DoesNotLoad => "does not load",
            Concern::NoPlan => "no plan",
            Concern::Stop => "get care now",
            Concern::SeeClinicianFirst => "see clinician first",
            Concern::Rescreen => "re-screen due",
            Concern::Unanswered => "red flags unanswered",
            Concern::WeeklyScreenDue => "week not screened",
            Concern::SeeClinicianDecision => "see clinician",
            Concern::RunningPaused => "running paused",
            Concern::Held => "plan held",
            Concern::RisingMorningPain => "morning pain rising",
            Concern::Idle => "nothing logged 7 days",
            Concern::RunningLoad => "running load flagged",
        }
    }
}

/// One profile in the overview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClinicRow {
    /// The patient's name when a clinician set one, else the profile id.
    pub name: String,
    /// The profile id (what `--profile` takes).
    pub id: String,
    /// The condition's name (its id when the library lacks it); empty when it does not load.
    pub condition: String,
    /// The program week holding today.
    pub week: Option<u32>,
    /// 1-based phase and its name, this week.
    pub phase: Option<(usize, String)>,
    /// The latest week's one adherence figure: this week's so far once anything is due,
    /// else last week's final one.
    pub adherence: Option<(u32, crate::journal::Adherence)>,
    /// "rising", "falling", "steady" or "no data": next-morning pain over the last 7 days
    /// against the 7 before; older scores never count.
    pub pain_trend: &'static str,
    /// The last day anything was logged (a tick, pain, a note, red-flag answers).
    pub last_logged: Option<Date>,
    /// Most serious first.
    pub concerns: Vec<Concern>,
    /// This week's running from a watch, as the report says it, when any was imported.
    pub running: Option<String>,
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
            id: name.to_string(),
            condition: String::new(),
            week: None,
            phase: None,
            adherence: None,
            pain_trend: "no data",
            last_logged: None,
            concerns: vec![Concern::DoesNotLoad],
            running: None,
        }
    }

    /// Where `profile` stands on `today`, as one row, every week worked out from week 1.
    pub fn of(
        catalog: &Catalog,
        profile: &Profile,
        journal: &JournalState,
        today: Date,
    ) -> ClinicRow {
        let standing = Standing::compute(catalog, profile, journal, today);
        ClinicRow::from_standing(catalog, profile, journal, today, &standing)
    }

    /// The same row as [`ClinicRow::of`], with the weeks worked out from `memo` when it still
    /// holds (see `Standing::recent`), and a newer memo when there is one: at clinic size,
    /// working out a year of weeks for every profile at every look would cost many times
    /// reading their files.
    pub fn recent(
        catalog: &Catalog,
        profile: &Profile,
        journal: &JournalState,
        today: Date,
        memo: &crate::progress::Memo,
    ) -> (ClinicRow, Option<crate::progress::Memo>) {
        // A row reads this week and last week's decision: asking about last Sunday makes the
        // weeks start at last week at the latest, whatever memo was kept.
        let through = ProgramWeek::of(&profile.settings, today)
            .number()
            .and_then(|n| profile.settings.monday_of_week(n).checked_sub(1.day()).ok())
            .unwrap_or(today);
        let (standing, newer) = Standing::recent(catalog, profile, journal, (today, through), memo);
        let row = ClinicRow::from_standing(catalog, profile, journal, today, &standing);
        (row, newer)
    }

    fn from_standing(
        catalog: &Catalog,
        profile: &Profile,
        journal: &JournalState,
        today: Date,
        standing: &Standing,
    ) -> ClinicRow {
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
        // Every flag below is the standing's: what Today and the report say for this week.
        let current = standing.current();
        let flags = current.map_or(&[][..], |w| w.flags.as_slice());
        let decided_see = flags.iter().any(|f| matches!(f, Flag::ClinicianDue(_)))
            || current.is_some_and(|w| w.decision.verdict == Verdict::SeeClinician)
            || last_week(standing).is_some_and(|w| w.decision.verdict == Verdict::SeeClinician);
        // The gate's "see a clinician first" already says it, louder.
        if decided_see && !concerns.contains(&Concern::SeeClinicianFirst) {
            concerns.push(Concern::SeeClinicianDecision);
        }
        if flags.iter().any(|f| matches!(f, Flag::RunningPaused(_))) {
            concerns.push(Concern::RunningPaused);
        }
        if last_week(standing).is_some_and(|w| w.decision.verdict == Verdict::Hold) {
            concerns.push(Concern::Held);
        }
        let outcomes = &standing.outcomes;
        let pain_trend = morning_trend(journal, today);
        if pain_trend == "rising" {
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
        // This week and last: the latest with runs is shown; this week's flags are a concern.
        let running = (!journal.activities.is_empty())
            .then(|| standing.running_load(catalog, profile, journal, 2))
            .filter(|l| l.has_runs());
        let lines = running.as_ref().map(|l| {
            l.rows
                .iter()
                .map(|r| r.load.runs > 0)
                .zip(l.week_lines())
                .collect::<Vec<_>>()
        });
        if lines
            .as_ref()
            .and_then(|ls| ls.last())
            .is_some_and(|(_, (_, flags))| !flags.is_empty())
        {
            concerns.push(Concern::RunningLoad);
        }
        let this_week = lines.and_then(|ls| {
            ls.into_iter()
                .rev()
                .find(|(ran, _)| *ran)
                .map(|(_, line)| line)
        });
        concerns.sort();
        let patient = profile.patient.as_ref().and_then(|p| p.name.clone());
        ClinicRow {
            name: patient.unwrap_or_else(|| profile.name.clone()),
            id: profile.name.clone(),
            condition: catalog
                .condition(&profile.condition)
                .map_or_else(|| profile.condition.clone(), |c| c.name.to_string()),
            week: standing.week.number(),
            phase: current.map(|w| (w.plan.state.phase + 1, w.plan.phase_name.clone())),
            adherence: adherence(outcomes),
            pain_trend,
            last_logged,
            concerns,
            running: this_week.map(|(line, _)| line),
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

/// The week before the one holding today: its decision shaped this week's plan.
fn last_week(standing: &Standing) -> Option<&WeekOutcome> {
    let n = standing.week.number()?;
    standing.outcomes.iter().find(|o| o.week() + 1 == n)
}

/// Next-morning pain over the last 7 days against the 7 before (each day's worst score, session
/// and items alike); "no data" unless both have a score, so nothing older than 14 days counts.
fn morning_trend(journal: &JournalState, today: Date) -> &'static str {
    let median = |from: i64, to: i64| {
        let mut scores: Vec<u8> = (from..=to)
            .filter_map(|n| today.checked_sub(n.days()).ok())
            .filter_map(|d| journal.day(d).and_then(|l| l.worst_morning()))
            .collect();
        scores.sort_unstable();
        scores.get(scores.len().saturating_sub(1) / 2).copied()
    };
    match (median(7, 13), median(0, 6)) {
        (Some(before), Some(now)) if now > before => "rising",
        (Some(before), Some(now)) if now < before => "falling",
        (Some(_), Some(_)) => "steady",
        _ => "no data",
    }
}

/// The overview as a table for the command line, fitted to `width` columns (80 at least).
/// Cells wrap at spaces, never inside a word. From 100 columns the phase and the flags are
/// columns; below, the phase is left out and the flags column holds their count, with the
/// flags themselves on a line under the row.
pub fn clinic_text(rows: &[ClinicRow], today: Date, width: usize) -> String {
    let mut t = String::new();
    if rows.is_empty() {
        t.push_str("No profiles in this data folder.\n");
        return t;
    }
    let n = rows.len();
    let profiles = if n == 1 { "profile" } else { "profiles" };
    let _ = writeln!(
        t,
        "{n} {profiles} on {today}, those needing attention first:"
    );
    let width = width.max(80);
    let wide = width >= 100;
    // (header, width, right-aligned); in a wide table the flags take what is left.
    let mut cols: Vec<(&str, usize, bool)> = vec![("patient", 20, false), ("condition", 16, false)];
    if wide {
        cols.push(("phase", 16, false));
    }
    cols.extend([
        ("wk", 3, true),
        ("adherence", 11, true),
        ("morning", 7, false),
        ("last log", 10, false),
    ]);
    let used: usize = cols.iter().map(|(_, w, _)| w + 1).sum();
    cols.push(("flags", if wide { width - used } else { 5 }, false));
    let header: Vec<Vec<String>> = cols.iter().map(|(h, _, _)| vec![h.to_string()]).collect();
    write_row(&mut t, &cols, &header);
    for r in rows {
        let mut cells = vec![
            clean(&r.name).into_owned(),
            clean(&r.condition).into_owned(),
        ];
        if wide {
            cells.push(r.phase.as_ref().map_or_else(
                || "-".to_string(),
                |(n, name)| format!("{n} {}", clean(name)),
            ));
        }
        // "-" before the start too: the flags say when a profile does not load.
        let week = r.week.map_or_else(|| "-".to_string(), |w| w.to_string());
        let flags: Vec<&str> = r.concerns.iter().map(Concern::label).collect();
        let flags = flags.join(", ");
        let flag_cell = match (r.concerns.len(), wide) {
            (0, _) => "ok".to_string(),
            (_, true) => flags.clone(),
            (n, false) => n.to_string(),
        };
        cells.extend([
            week,
            r.adherence_text(),
            r.pain_trend.to_string(),
            r.last_logged_text(),
            flag_cell,
        ]);
        let wrapped: Vec<Vec<String>> = cells
            .iter()
            .zip(&cols)
            .map(|(cell, (_, w, _))| wrap_cell(cell, *w))
            .collect();
        write_row(&mut t, &cols, &wrapped);
        if let Some(running) = &r.running {
            let options = textwrap::Options::new(width)
                .break_words(false)
                .initial_indent("  running: ")
                .subsequent_indent("    ");
            for line in textwrap::wrap(&clean(running), options) {
                let _ = writeln!(t, "{line}");
            }
        }
        if !wide && !r.concerns.is_empty() {
            let options = textwrap::Options::new(width)
                .break_words(false)
                .initial_indent("  ! ")
                .subsequent_indent("    ");
            for line in textwrap::wrap(&flags, options) {
                let _ = writeln!(t, "{line}");
            }
        }
    }
    t
}

/// A cell's lines at `width`, broken at spaces; a word longer than the column is left whole
/// (it pushes the line out rather than lose its end).
fn wrap_cell(text: &str, width: usize) -> Vec<String> {
    let options = textwrap::Options::new(width).break_words(false);
    textwrap::wrap(text, options)
        .into_iter()
        .map(|l| l.into_owned())
        .collect()
}

/// One row of cells, each a column of lines, written line by line.
fn write_row(t: &mut String, cols: &[(&str, usize, bool)], cells: &[Vec<String>]) {
    let height = cells.iter().map(Vec::len).max().unwrap_or(1);
    for i in 0..height {
        let mut line = String::new();
        for ((_, w, right), cell) in cols.iter().zip(cells) {
            let text = cell.get(i).map_or("", String::as_str);
            if *right {
                let _ = write!(line, "{text:>w$} ");
            } else {
                let _ = write!(line, "{text:<w$} ");
            }
        }
        let _ = writeln!(t, "{}", line.trim_end());
    }
}
