//! The commands both front ends offer: each checks its input against the standing and returns
//! the records to write, or a refusal that says why and what to do. Nothing here writes.

use std::collections::BTreeMap;
use std::fmt;

use jiff::civil::Date;

use super::{Standing, day_before};
use crate::catalog::{Catalog, did_you_mean};
use crate::journal::{self, JournalState, PainReport, Record, SkipReason};
use crate::plan::{DayPlan, PlanItem, Slot};
use crate::profile::Profile;
use crate::text::clean;

/// What a command wrote, and what to say about it (one line each).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Written {
    pub records: Vec<Record>,
    pub said: Vec<String>,
}

impl Written {
    /// The records as the one change the store applies.
    pub fn change(&self) -> Change {
        Change::records(self.records.clone())
    }
}

/// One change to a profile, as the store applies it in one call (`OpenProfile::apply`): a new
/// profile to create, the parts of the profile to set, and the journal records to add. The
/// front ends build it from what the person typed or chose; neither writes a part of it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Change {
    /// A profile to create first (its folder holds the journal); the rest applies to it.
    pub creates: Option<Box<Profile>>,
    pub patch: crate::profile::Patch,
    pub records: Vec<Record>,
}

impl Change {
    /// A change that only adds records.
    pub fn records(records: Vec<Record>) -> Change {
        Change {
            records,
            ..Change::default()
        }
    }

    /// A change of the profile's own parts, with any records that go with it.
    pub fn patch(patch: crate::profile::Patch, records: Vec<Record>) -> Change {
        Change {
            patch,
            records,
            ..Change::default()
        }
    }

    /// Applies the patch, then what the profile follows of the records ([`Profile::follow`]),
    /// onto `profile` as it is when written: what the store does under its lock.
    pub fn apply_to(&self, profile: &mut Profile) -> Option<crate::profile::SettingsChange> {
        let settings_change = self.patch.apply(profile);
        self.records.iter().for_each(|r| profile.follow(r));
        settings_change
    }

    /// A new profile, with the records to add once it exists.
    pub fn create(profile: Profile, records: Vec<Record>) -> Change {
        Change {
            creates: Some(Box::new(profile)),
            records,
            ..Change::default()
        }
    }
}

/// Why a command did nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The red-flag gate holds the plan; the text says why and what to do.
    Gate(String),
    /// The date has not come yet.
    NotYet { date: Date, today: Date },
    /// The program has not started on that date.
    BeforeStart { date: Date, starts: Date },
    /// An item number past the day's list.
    NoSuchNumber { n: usize, date: Date, count: usize },
    /// An id neither planned that day nor in the library.
    UnknownItem { text: String, suggestion: String },
    /// A sets count out of range.
    Sets(String),
    /// Nothing ticked or skipped to take back.
    NothingToUndo { item: String, date: Date },
    /// Nothing was given to save.
    Empty(&'static str),
    /// Red-flag answers that do not answer every question.
    Unanswered(Vec<String>),
    /// A value a record cannot hold (an empty name, a control character ...).
    Invalid(String),
}

impl Refusal {
    /// Whether the input was at fault (exit 2) rather than the data or the gate (exit 1). A
    /// date outside the program (not come yet, or before the start) is about the data: exit 1
    /// for both, as for any day the profile has nothing for.
    pub fn is_usage(&self) -> bool {
        matches!(
            self,
            Refusal::NoSuchNumber { .. }
                | Refusal::Sets(_)
                | Refusal::Empty(_)
                | Refusal::Unanswered(_)
        )
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Gate(text) => f.write_str(text),
            Refusal::NotYet { date, today } => write!(
                f,
                "{date} has not come yet (today is {today}); pick a day up to today"
            ),
            Refusal::BeforeStart { date, starts } => write!(
                f,
                "the program starts on {starts}; {date} has no plan (change the start with \
                 `rehab profile set --start DATE`)"
            ),
            Refusal::NoSuchNumber { n, date, count } => write!(
                f,
                "there is no item {n} on {date}: it has {count} item(s); `rehab today --date \
                 {date}` lists them"
            ),
            Refusal::UnknownItem { text, suggestion } => write!(
                f,
                "unknown item `{}`.{suggestion} Use a number or an id from `rehab today`.",
                crate::text::excerpt(text)
            ),
            Refusal::Sets(text) | Refusal::Invalid(text) => f.write_str(text),
            Refusal::NothingToUndo { item, date } => write!(
                f,
                "{} is not ticked or skipped on {date}; nothing to undo",
                crate::text::excerpt(item)
            ),
            Refusal::Empty(text) => f.write_str(text),
            Refusal::Unanswered(ids) => write!(
                f,
                "every red-flag question needs an answer; not answered: {}",
                clean(&ids.join(", "))
            ),
        }
    }
}

/// An item as typed: its 1-based number on the day, or an exercise id (planned that day or
/// not; `None` for the planned item when it is not).
pub fn resolve_item<'a>(
    catalog: &Catalog,
    day: &'a DayPlan,
    text: &str,
) -> Result<(String, Option<&'a PlanItem>), Refusal> {
    let text = text.trim();
    if let Ok(n) = text.parse::<usize>() {
        return match day.items.get(n.wrapping_sub(1)) {
            Some(item) => Ok((item.exercise.clone(), Some(item))),
            None => Err(Refusal::NoSuchNumber {
                n,
                date: day.date,
                count: day.items.len(),
            }),
        };
    }
    if let Some(item) = day.items.iter().find(|i| i.exercise == text) {
        return Ok((item.exercise.clone(), Some(item)));
    }
    if catalog.exercise(text).is_some() {
        return Ok((text.to_string(), None));
    }
    let mut suggestion = did_you_mean(text, day.items.iter().map(|i| i.exercise.as_str()));
    if suggestion.is_empty() {
        suggestion = did_you_mean(text, catalog.exercises.iter().map(|e| e.id.as_str()));
    }
    Err(Refusal::UnknownItem {
        text: text.to_string(),
        suggestion,
    })
}

/// Pain as a person gives it: scores and signs, an optional day and item.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PainInput {
    pub during: Option<u8>,
    pub morning: Option<u8>,
    pub swelling: bool,
    pub limp: bool,
    pub sharp: bool,
    /// Everything goes to this day when given. Without it, pain during and the signs go to
    /// today's session and the next-morning score to yesterday's, the one it follows.
    pub date: Option<Date>,
    pub item: Option<String>,
}

impl PainInput {
    /// Something to save: a score or a sign.
    pub fn check(&self) -> Result<(), Refusal> {
        if self.during.is_none()
            && self.morning.is_none()
            && !(self.swelling || self.limp || self.sharp)
        {
            return Err(Refusal::Empty(
                "give a score (during, next morning) or a sign (swelling, limp, sharp pain)",
            ));
        }
        Ok(())
    }
}

/// What logging pain means beyond "saved".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PainSaid {
    /// The score, and the ceiling it went over.
    pub over_ceiling: Option<(u8, u8)>,
    /// A warning sign was logged: the plan pauses until the questions are answered again.
    pub rescreen: bool,
}

impl Standing {
    /// The gate's refusal, when it holds the plan.
    pub(super) fn check_gate(&self) -> Result<(), Refusal> {
        match self.gate.refusal() {
            Some(text) => Err(Refusal::Gate(text)),
            None => Ok(()),
        }
    }

    pub(super) fn check_date(&self, profile: &Profile, date: Date) -> Result<(), Refusal> {
        if date > self.today {
            return Err(Refusal::NotYet {
                date,
                today: self.today,
            });
        }
        if super::ProgramWeek::of(&profile.settings, date)
            .number()
            .is_none()
        {
            return Err(Refusal::BeforeStart {
                date,
                starts: profile.settings.start,
            });
        }
        Ok(())
    }

    /// Ticks items on a day (in full, or `sets` of them).
    pub fn tick(
        &self,
        catalog: &Catalog,
        profile: &Profile,
        date: Date,
        items: &[String],
        sets: Option<u32>,
    ) -> Result<Written, Refusal> {
        self.check_gate()?;
        self.check_date(profile, date)?;
        let day = self.day(date);
        let mut written = Written::default();
        for text in items {
            let (id, item) = resolve_item(catalog, &day, text)?;
            let sets = match (sets, item) {
                (Some(0), _) => return Err(Refusal::Sets("sets must be at least 1".into())),
                (Some(n), Some(item)) if n > item.dose.sets => {
                    return Err(Refusal::Sets(format!(
                        "{id} has {} set(s) on {date}; sets take 1-{}",
                        item.dose.sets, item.dose.sets
                    )));
                }
                // All the sets is a full tick.
                (Some(n), Some(item)) if n == item.dose.sets => None,
                (Some(n), None) if n > journal::MAX_SETS => {
                    return Err(Refusal::Sets(format!("sets take 1-{}", journal::MAX_SETS)));
                }
                (sets, _) => sets,
            };
            if item.is_none() {
                written.said.push(format!(
                    "note: {id} is not planned on {date}; logged anyway"
                ));
            }
            written.said.push(format!(
                "done: {id} on {date}{}",
                sets.map(|n| format!(" ({n} sets)")).unwrap_or_default()
            ));
            written.records.push(Record::Done {
                date,
                item: id,
                sets,
            });
        }
        Ok(written)
    }

    /// Takes back a tick or a skip. Allowed whatever the gate says: taking back hands out
    /// nothing.
    pub fn untick(
        &self,
        catalog: &Catalog,
        journal: &JournalState,
        date: Date,
        text: &str,
    ) -> Result<Written, Refusal> {
        // Numbered as the plan numbers the day, held or not: a tick given before a hold can
        // still be taken back by the number it was given by.
        let day = self
            .week_holding(date)
            .and_then(|w| w.day(date))
            .cloned()
            .unwrap_or(DayPlan {
                date,
                items: Vec::new(),
            });
        let id = match resolve_item(catalog, &day, text) {
            Ok((id, _)) => id,
            // An id logged that day but no longer planned or in the library can still be undone.
            Err(_) if journal.status(date, text.trim()).is_some() => text.trim().to_string(),
            Err(e) => return Err(e),
        };
        if journal.status(date, &id).is_none() {
            return Err(Refusal::NothingToUndo { item: id, date });
        }
        Ok(Written {
            said: vec![format!("undone: {} on {date}", clean(&id))],
            records: vec![Record::Undone { date, item: id }],
        })
    }

    /// Skips an item, with the reason.
    pub fn skip(
        &self,
        catalog: &Catalog,
        profile: &Profile,
        date: Date,
        text: &str,
        reason: SkipReason,
    ) -> Result<Written, Refusal> {
        self.check_gate()?;
        self.check_date(profile, date)?;
        let day = self.day(date);
        let (id, _) = resolve_item(catalog, &day, text)?;
        Ok(Written {
            said: vec![format!("skipped: {id} on {date} ({})", reason.label())],
            records: vec![Record::Skipped {
                date,
                item: id,
                reason,
            }],
        })
    }

    /// Logs pain. Pain and warning signs are always taken (a person on hold must still be able
    /// to say the knee swelled); pain against one plan item needs the plan.
    pub fn log_pain(
        &self,
        catalog: &Catalog,
        profile: &Profile,
        input: &PainInput,
    ) -> Result<(Written, PainSaid), Refusal> {
        let sign = |on: bool| on.then_some(true);
        let during = PainReport {
            during: input.during,
            morning: None,
            swelling: sign(input.swelling),
            limp: sign(input.limp),
            sharp: sign(input.sharp),
        };
        let morning = PainReport {
            morning: input.morning,
            ..PainReport::default()
        };
        input.check()?;
        let session_date = input.date.unwrap_or(self.today);
        if session_date > self.today {
            return Err(Refusal::NotYet {
                date: session_date,
                today: self.today,
            });
        }
        let mut item_is_run = false;
        let item = match &input.item {
            Some(text) => {
                self.check_gate()?;
                self.check_date(profile, session_date)?;
                let day = self.day(session_date);
                let (id, planned) = resolve_item(catalog, &day, text)?;
                item_is_run = planned.is_some_and(|i| i.slot == Slot::Run);
                Some(id)
            }
            None => None,
        };
        let mut reports = Vec::new();
        match input.date {
            Some(date) => {
                let mut report = during;
                report.morning = input.morning;
                reports.push((date, report));
            }
            None => {
                if !during.is_empty() {
                    reports.push((session_date, during));
                }
                if !morning.is_empty() {
                    reports.push((day_before(self.today), morning));
                }
            }
        }
        let mut written = Written::default();
        for (date, report) in reports {
            // Said of what it was saved against, as history and the report show it.
            let whose = item
                .as_deref()
                .map_or("the session".to_string(), |id| clean(id).into_owned());
            written.said.push(format!(
                "pain logged for {whose} on {date}: {}",
                report_text(&report)
            ));
            written.records.push(Record::Pain {
                date,
                item: item.clone(),
                report,
            });
        }
        let mut said = PainSaid {
            rescreen: input.swelling || input.limp || input.sharp,
            ..PainSaid::default()
        };
        if let Some(score) = input.during {
            let ceiling = self.ceiling(catalog, profile, item_is_run);
            if score > ceiling {
                said.over_ceiling = Some((score, ceiling));
                written.said.push(format!(
                    "Pain {score} is over your ceiling of {ceiling} for {}: stop what hurts for \
                     today. This session counts as red, so the exercise that hurt is eased one \
                     step; two red sessions in a week step the whole plan back. If pain stays \
                     over {ceiling}, see a clinician.",
                    if item_is_run { "running" } else { "exercise" }
                ));
            }
        }
        if said.rescreen {
            written.said.push(
                "Sharp pain, swelling or a limp: the plan pauses until the red-flag questions \
                 are answered again (`rehab screen`, or in `rehab`)."
                    .into(),
            );
        }
        Ok((written, said))
    }

    /// The pain ceiling in force: the clinician's, else the condition's.
    pub fn ceiling(&self, catalog: &Catalog, profile: &Profile, running: bool) -> u8 {
        let library = catalog.condition(&profile.condition).map(|c| c.ceilings);
        let o = &profile.overrides;
        if running {
            o.ceiling_running
                .or(library.map(|c| c.running))
                .unwrap_or(2)
        } else {
            o.ceiling_exercise
                .or(library.map(|c| c.exercise))
                .unwrap_or(2)
        }
    }

    /// A note for a day. Allowed whatever the gate says.
    pub fn note(&self, date: Date, text: &str) -> Result<Written, Refusal> {
        if date > self.today {
            return Err(Refusal::NotYet {
                date,
                today: self.today,
            });
        }
        let record = Record::Note {
            date,
            text: text.to_string(),
        };
        record.validate_new().map_err(Refusal::Invalid)?;
        Ok(Written {
            said: vec![format!("note added to {date}")],
            records: vec![record],
        })
    }
}

/// Red-flag answers given today: every question in the library must have one.
pub fn answer_screen(
    catalog: &Catalog,
    answers: &BTreeMap<String, bool>,
    today: Date,
) -> Result<Written, Refusal> {
    let missing: Vec<String> = catalog
        .red_flags
        .iter()
        .filter(|f| !answers.contains_key(f.id.as_str()))
        .map(|f| f.id.to_string())
        .collect();
    if !missing.is_empty() {
        return Err(Refusal::Unanswered(missing));
    }
    let unknown: Vec<&str> = answers
        .keys()
        .filter(|id| catalog.red_flags.iter().all(|f| &f.id != *id))
        .map(String::as_str)
        .collect();
    if let Some(id) = unknown.first() {
        return Err(Refusal::Invalid(format!(
            "unknown red-flag question `{}`.{}",
            clean(id),
            did_you_mean(id, catalog.red_flags.iter().map(|f| f.id.as_str()))
        )));
    }
    Ok(Written {
        said: vec![format!("red-flag answers saved for {today}")],
        records: vec![Record::Screened {
            date: today,
            answers: answers.clone(),
        }],
    })
}

/// A clinician's assessment on `date` (today or before), by `by` when named.
pub fn record_assessment(today: Date, date: Date, by: Option<&str>) -> Result<Written, Refusal> {
    if date > today {
        return Err(Refusal::NotYet { date, today });
    }
    let by = by
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .map(String::from);
    // §1.5: what lifts a hold is a named clinician's assessment, never an anonymous tick.
    if by.is_none() {
        return Err(Refusal::Invalid(
            "an assessment is recorded with the clinician's name (Assessed by)".into(),
        ));
    }
    let record = Record::Assessed {
        date,
        by: by.clone(),
    };
    record.validate().map_err(Refusal::Invalid)?;
    Ok(Written {
        said: vec![format!(
            "assessment recorded: {}",
            super::Assessment { date, by }.describe()
        )],
        records: vec![record],
    })
}

fn report_text(r: &PainReport) -> String {
    let mut pain = journal::Pain::default();
    pain.merge(r);
    pain_text(&pain)
}

/// "during 3, next morning -, swelling"
pub fn pain_text(p: &journal::Pain) -> String {
    let score = |s: Option<u8>| s.map_or("-".to_string(), |n| n.to_string());
    let mut t = format!(
        "during {}, next morning {}",
        score(p.during),
        score(p.morning)
    );
    for (flag, name) in [
        (p.swelling, "swelling"),
        (p.limp, "limp"),
        (p.sharp, "sharp pain"),
    ] {
        if flag {
            t.push_str(", ");
            t.push_str(name);
        }
    }
    t
}

/// A profile's printable plan for `weeks`, with the lines that stand beside it; refused while
/// the gate holds the plan, so no printout hands out what the screens withhold.
pub fn export_profile(
    catalog: &Catalog,
    profile: &Profile,
    journal: &JournalState,
    weeks: std::ops::RangeInclusive<u32>,
    today: Date,
) -> Result<crate::export::ExportInput, Refusal> {
    let standing = Standing::weeks(catalog, profile, journal, today, *weeks.end());
    standing.check_gate()?;
    let mut input =
        crate::export::ExportInput::for_profile(catalog, profile, journal, weeks, today)
            .map_err(|e| Refusal::Invalid(e.to_string()))?;
    input.standing = standing.lines.iter().map(|l| l.text.clone()).collect();
    Ok(input)
}

/// A set of criteria the person or their clinician can record: its journal id and its label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriteriaRow {
    pub id: String,
    pub label: String,
    /// Recorded as met (the journal's latest word on it).
    pub met: bool,
    /// A few words naming it, to head its words in full.
    pub title: String,
    /// The words in full, a line each, for a reader who opens the row.
    pub detail: Vec<String>,
    /// What the journal shows for a check the log can prove (continuous runs within the pain
    /// rule): the dates, or how many of them so far. Said beside the check, never ticked for
    /// the person: the calendar alone proves nothing.
    pub log: Option<String>,
}

/// Today's question: the phase's time is up and the week's decision is PROGRESS, yet its exit
/// is not recorded. Its checks, to be ticked one at a time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExitPrompt {
    /// 1-based.
    pub phase: u32,
    pub name: String,
    /// The phase's exit checks (the whole phase's one row when the library lists none).
    pub rows: Vec<CriteriaRow>,
}

/// A check the log can prove, read from its words: `count` continuous runs of at least
/// `minutes` ("Three runs of 30 minutes continuous ...", "30 minutes of continuous running
/// ..."). Anything less plain is left to the person and their clinician.
fn runs_check(text: &str) -> Option<(u32, u32)> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if !words.contains(&"continuous") || !words.iter().any(|w| w.starts_with("run")) {
        return None;
    }
    let number = |w: &str| -> Option<u32> {
        const WORDS: [&str; 10] = [
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        ];
        w.parse()
            .ok()
            .or_else(|| WORDS.iter().position(|n| *n == w).map(|i| i as u32 + 1))
    };
    let minutes = words
        .windows(2)
        .find(|p| matches!(p[1], "minutes" | "minute" | "min"))
        .and_then(|p| p[0].parse::<u32>().ok())
        .filter(|m| *m > 0)?;
    let count = match words.iter().position(|w| *w == "runs") {
        // "runs" with no count before it says too little to prove.
        Some(at) => number(words.get(at.checked_sub(1)?)?)?,
        None => 1,
    };
    Some((count, minutes))
}

/// The phase and check (both 1-based) of a check's id, `phase-2-exit-1`.
fn check_of(id: &str) -> Option<(u32, usize)> {
    let (phase, check) = id.strip_prefix("phase-")?.split_once("-exit-")?;
    Some((phase.parse().ok()?, check.parse().ok()?))
}

/// The phase (1-based) of a whole phase's id, `phase-2-exit`.
fn phase_of(id: &str) -> Option<u32> {
    id.strip_prefix("phase-")?
        .strip_suffix("-exit")?
        .parse()
        .ok()
}

impl Standing {
    /// The phase (1-based) whose exit can be recorded now: this week's, or the last week's
    /// worked out.
    fn exit_phase(&self) -> Option<u32> {
        self.current()
            .map(|w| &w.plan)
            .or(self.plans.last())
            .map(|w| w.state.phase as u32 + 1)
    }

    /// The whole phase's row: met once every check is, or when recorded at once (an older
    /// journal, or a clinician's one record for all).
    fn phase_row(&self, catalog: &Catalog, journal: &JournalState, phase: u32) -> CriteriaRow {
        let id = crate::progress::phase_exit_criteria(phase);
        let checks = self.check_rows(catalog, journal, phase);
        CriteriaRow {
            met: journal.criteria_met.contains_key(&id),
            label: format!("The exit criteria of phase {phase} are met"),
            title: format!("Phase {phase}: exit criteria"),
            detail: match checks.is_empty() {
                true => vec![format!("Phase {phase} lists no exit checks.")],
                false => checks.into_iter().map(|c| c.label).collect(),
            },
            log: None,
            id,
        }
    }

    /// What the journal shows for `count` continuous runs of `minutes` or more in `phase`
    /// (1-based): each planned continuous run that long, ticked in full, with a pain score
    /// logged that day and the session not red (within the pain rule).
    fn runs_proof(&self, phase: u32, count: u32, minutes: u32) -> String {
        // The progression carries the phase's runs from its first week, so a look from the memo
        // or at recent weeks reads the same count and the same latest dates.
        let (n, dates) = self
            .outcomes
            .iter()
            .rev()
            .find(|o| o.plan.state.phase as u32 + 1 == phase)
            .map(|o| o.long_runs.at_least(minutes))
            .unwrap_or_default();
        let latest = if n as usize > dates.len() {
            "latest "
        } else {
            ""
        };
        let dates = format!(
            "{latest}{}",
            dates
                .iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
        match n {
            0 => format!(
                "The log shows no continuous run of {minutes} min within the pain rule in this phase yet."
            ),
            n if n >= count => format!(
                "The log shows {n} continuous run{} of {minutes} min within the pain rule ({count} needed): {dates}.",
                if n == 1 { "" } else { "s" }
            ),
            n => format!(
                "The log shows {n} of the {count} continuous runs of {minutes} min within the pain rule so far: {dates}."
            ),
        }
    }

    /// Each exit check of `phase` (1-based): met when recorded, or when the whole phase is.
    fn check_rows(
        &self,
        catalog: &Catalog,
        journal: &JournalState,
        phase: u32,
    ) -> Vec<CriteriaRow> {
        let condition = catalog.condition(&self.condition);
        let Some(checks) = condition
            .and_then(|c| c.phases.get((phase as usize).checked_sub(1)?))
            .map(|p| &p.exit_criteria)
        else {
            return Vec::new();
        };
        let fill = crate::catalog::limits::Fill::for_plan(
            catalog,
            condition,
            self.ceilings.0,
            self.ceilings.1,
        );
        let whole = journal
            .criteria_met
            .contains_key(&crate::progress::phase_exit_criteria(phase));
        let n = checks.len();
        checks
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let id = crate::progress::phase_check_criteria(phase, i + 1);
                let text = clean(&fill.text(text, false)).into_owned();
                let log = runs_check(&text)
                    .map(|(count, minutes)| self.runs_proof(phase, count, minutes));
                let mut detail = vec![text.clone()];
                detail.extend(log.clone());
                CriteriaRow {
                    met: whole || journal.criteria_met.contains_key(&id),
                    label: format!("Phase {phase} check {} of {n}: {text}", i + 1),
                    title: format!("Phase {phase}, exit check {} of {n}", i + 1),
                    detail,
                    log,
                    id,
                }
            })
            .collect()
    }

    /// The criteria that can be recorded now: this phase's exit criteria as a whole, then each
    /// of its checks, then the return-to-running checks (when the library has them).
    pub fn criteria_rows(&self, catalog: &Catalog, journal: &JournalState) -> Vec<CriteriaRow> {
        let mut rows = Vec::new();
        if let Some(phase) = self.exit_phase() {
            rows.push(self.phase_row(catalog, journal, phase));
            rows.extend(self.check_rows(catalog, journal, phase));
        }
        if let Some(rtr) = catalog.return_to_run.as_ref().filter(|_| self.runs) {
            let id = crate::progress::RUN_ENTRY_CRITERIA.to_string();
            rows.push(CriteriaRow {
                met: journal.criteria_met.contains_key(&id),
                label: "The return-to-run entry criteria are met".to_string(),
                title: "Return to running: entry criteria (all needed)".to_string(),
                detail: rtr.criteria.iter().map(|c| clean(c).into_owned()).collect(),
                log: None,
                id,
            });
        }
        rows
    }

    /// Today's question, when it is due: this week's phase has had its time and the week's
    /// decision (last week's, or this one's so far) is PROGRESS, but its exit is not recorded.
    /// Nothing while the gate holds the plan: Today shows why instead.
    pub fn exit_prompt(&self, catalog: &Catalog, journal: &JournalState) -> Option<ExitPrompt> {
        if !self.allows_plan() {
            return None;
        }
        let week = self.current()?;
        let phase = week.plan.state.phase as u32 + 1;
        if journal
            .criteria_met
            .contains_key(&crate::progress::phase_exit_criteria(phase))
        {
            return None;
        }
        let awaiting = |o: &crate::progress::WeekOutcome| {
            o.plan.state.phase == week.plan.state.phase
                && o.flags
                    .contains(&crate::progress::Flag::AwaitingExit(phase))
        };
        let last_week = self.outcomes.iter().find(|o| o.week() + 1 == week.week());
        if !awaiting(week) && !last_week.is_some_and(awaiting) {
            return None;
        }
        let mut rows = self.check_rows(catalog, journal, phase);
        if rows.is_empty() {
            rows.push(self.phase_row(catalog, journal, phase));
        }
        Some(ExitPrompt {
            phase,
            name: clean(&week.plan.phase_name).into_owned(),
            rows,
        })
    }

    /// Records criteria as met or not met today. Allowed whatever the gate says: a clinician's
    /// check at a visit hands out nothing; the plan reads it only once the gate is open.
    ///
    /// A phase's exit and its checks stay in step: the last check met records the phase's exit
    /// (the one id the progression reads); a check withdrawn withdraws the phase's exit, the
    /// other checks staying as they were; the phase's exit withdrawn withdraws every check.
    pub fn record_criteria(
        &self,
        catalog: &Catalog,
        journal: &JournalState,
        id: &str,
        met: bool,
    ) -> Result<Written, Refusal> {
        let rows = self.criteria_rows(catalog, journal);
        let Some(row) = rows.iter().find(|r| r.id == id.trim()) else {
            return Err(Refusal::Invalid(format!(
                "`{}` cannot be recorded now.{} Recordable: {}",
                clean(id),
                did_you_mean(id, rows.iter().map(|r| r.id.as_str())),
                rows.iter()
                    .map(|r| r.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        };
        let record = |id: &str, met: bool| Record::Criteria {
            date: self.today,
            id: id.to_string(),
            met,
        };
        let mut written = Written {
            said: vec![format!(
                "{}: recorded as {} on {}",
                // A check's label ends with its words; its title names it.
                if check_of(&row.id).is_some() {
                    &row.title
                } else {
                    &row.label
                },
                if met { "met" } else { "not met" },
                self.today
            )],
            records: vec![record(&row.id, met)],
        };
        let own = |id: &str| journal.criteria_met.contains_key(id);
        if let Some((phase, _)) = check_of(&row.id) {
            let whole = crate::progress::phase_exit_criteria(phase);
            let others: Vec<&CriteriaRow> = rows
                .iter()
                .filter(|r| r.id != row.id && check_of(&r.id).is_some_and(|(p, _)| p == phase))
                .collect();
            if met && !own(&whole) && others.iter().all(|r| r.met) {
                written.records.push(record(&whole, true));
                written.said.push(format!(
                    "Every exit check of phase {phase} is met: its exit is recorded, and the phase moves on after a week that progresses"
                ));
            } else if !met && own(&whole) {
                // Met only through the phase's record: kept met in their own right.
                for r in others.iter().filter(|r| !own(&r.id)) {
                    written.records.push(record(&r.id, true));
                }
                written.records.push(record(&whole, false));
                written.said.push(format!(
                    "Phase {phase}'s exit is withdrawn: not every one of its checks is met"
                ));
            }
        } else if let Some(phase) = phase_of(&row.id).filter(|_| !met) {
            let checks = rows
                .iter()
                .filter(|r| check_of(&r.id).is_some_and(|(p, _)| p == phase) && own(&r.id));
            let mut any = false;
            for r in checks {
                written.records.push(record(&r.id, false));
                any = true;
            }
            if any {
                // The phase's own record last: the one a screen's message speaks of.
                written.records.rotate_left(1);
                written.said.push(format!(
                    "Each of phase {phase}'s exit checks is withdrawn too"
                ));
            }
        }
        Ok(written)
    }
}

#[cfg(test)]
mod runs_words {
    use super::runs_check;

    #[test]
    fn only_plain_words_about_continuous_runs_are_read_as_provable() {
        let cases = [
            (
                "Three runs of 30 minutes continuous with pain at or under 2/10.",
                Some((3, 30)),
            ),
            (
                "30 minutes of continuous running without outer-knee pain.",
                Some((1, 30)),
            ),
            // A walk is not a run, and a count left out is not guessed.
            ("a brisk 30-minute walk at 2/10 or less", None),
            ("Some runs of 30 minutes continuous", None),
            ("Walking and stairs are pain-free.", None),
            (
                "You pass the return-to-running checks: no swelling for a week, a brisk 30-minute walk at 2/10 or less.",
                None,
            ),
        ];
        for (text, want) in cases {
            assert_eq!(runs_check(text), want, "{text}");
        }
    }
}
