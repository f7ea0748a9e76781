//! The journal's records: one thing that happened on one day, as written on one line.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::catalog::limits::MAX_PAIN;

/// Why an item was skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum SkipReason {
    Pain,
    Time,
    Equipment,
    Other,
}

impl SkipReason {
    pub fn label(self) -> &'static str {
        match self {
            SkipReason::Pain => "pain",
            SkipReason::Time => "time",
            SkipReason::Equipment => "equipment",
            SkipReason::Other => "other",
        }
    }
}

/// Pain scores and warning signs. Every field is optional so a later record can add the morning
/// score to a day without repeating (or wiping) the score during.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PainReport {
    /// Worst pain during exercise or running, 0-10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub during: Option<u8>,
    /// Pain or stiffness on rising the next morning, 0-10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub morning: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub swelling: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limp: Option<bool>,
    /// The pain turned sharp or stabbing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sharp: Option<bool>,
}

impl PainReport {
    pub fn is_empty(&self) -> bool {
        self == &PainReport::default()
    }
}

/// What kind of activity a watch recorded: a run, or cross-training of that kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ActivityKind {
    Run,
    Cycle,
    Swim,
    Walk,
}

impl ActivityKind {
    /// Every kind, in the order lists show them.
    pub const ALL: [ActivityKind; 4] = [
        ActivityKind::Run,
        ActivityKind::Cycle,
        ActivityKind::Swim,
        ActivityKind::Walk,
    ];

    /// A lower-case word for it (`run`, `cycle`, ...).
    pub fn label(self) -> &'static str {
        match self {
            ActivityKind::Run => "run",
            ActivityKind::Cycle => "cycle",
            ActivityKind::Swim => "swim",
            ActivityKind::Walk => "walk",
        }
    }
}

/// The figures kept of an activity imported from a watch's file: a summary only, never the
/// track. `date` is the local date it started on (a run across midnight belongs to the day it
/// started).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActivityLog {
    pub date: Date,
    /// When it started (UTC); with the kind, what tells one activity from another.
    pub start: jiff::Timestamp,
    pub kind: ActivityKind,
    /// Seconds on the move: the watch's timer time (TCX, FIT), or for GPX the time moving
    /// between points.
    pub moving_s: u32,
    pub distance_m: u32,
    #[serde(default)]
    pub ascent_m: u32,
    #[serde(default)]
    pub descent_m: u32,
    /// Median step rate (steps a minute), when the file has it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cadence: Option<u16>,
}

/// The longest activity a record may hold: a week, in seconds.
pub const MAX_MOVING_S: u32 = 7 * 24 * 3600;
/// The longest distance a record may hold: 2,000 km.
pub const MAX_DISTANCE_M: u32 = 2_000_000;

impl ActivityLog {
    /// What tells two imports of one activity apart from two activities: the kind and the
    /// minute it started (a watch that writes the same run as GPX and FIT may differ by a
    /// second; no one starts two runs in one minute).
    pub fn key(&self) -> (i64, ActivityKind) {
        (self.start.as_second().div_euclid(60), self.kind)
    }

    /// Its figures in one line: `run 10.00 km in 58:20, +45/-40 m, 172 steps/min`.
    pub fn figures(&self) -> String {
        let mut text = format!(
            "{} {} in {}",
            self.kind.label(),
            km(self.distance_m),
            clock(self.moving_s)
        );
        if self.ascent_m > 0 || self.descent_m > 0 {
            text.push_str(&format!(", +{}/-{} m", self.ascent_m, self.descent_m));
        }
        if let Some(c) = self.cadence {
            text.push_str(&format!(", {c} steps/min"));
        }
        text
    }

    /// Values a record must not hold.
    pub fn validate(&self) -> Result<(), String> {
        if self.moving_s > MAX_MOVING_S {
            return Err(format!(
                "moving time {} s is more than a week",
                self.moving_s
            ));
        }
        if self.distance_m > MAX_DISTANCE_M {
            return Err(format!("distance {} m is too long", self.distance_m));
        }
        if self.ascent_m > 100_000 || self.descent_m > 100_000 {
            return Err("climb or descent is more than 100 km".to_string());
        }
        if let Some(c) = self.cadence
            && !(20..=400).contains(&c)
        {
            return Err(format!("step rate {c} is not 20-400 a minute"));
        }
        Ok(())
    }
}

/// Metres as kilometres with two decimals: `10.05 km`.
pub fn km(metres: u32) -> String {
    format!("{}.{:02} km", metres / 1000, (metres % 1000) / 10)
}

/// Seconds as `h:mm:ss`, or `m:ss` under an hour.
pub fn clock(seconds: u32) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// One journal line. The state of a day is the replay of its records; a later record wins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Record {
    /// An item done; `sets` when fewer than prescribed.
    Done {
        date: Date,
        item: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        sets: Option<u32>,
    },
    /// A tick taken back (done or skipped).
    Undone {
        date: Date,
        item: String,
    },
    Skipped {
        date: Date,
        item: String,
        reason: SkipReason,
    },
    /// Pain for the day's session, or for one item when `item` is given (a painful run).
    Pain {
        date: Date,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        item: Option<String>,
        report: PainReport,
    },
    Note {
        date: Date,
        text: String,
    },
    /// The red-flag questions answered (id -> yes), kept as history; the profile holds the latest.
    Screened {
        date: Date,
        answers: BTreeMap<String, bool>,
    },
    /// A clinician assessed the knee on this date (`by`: the clinician's name, when given).
    Assessed {
        date: Date,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        by: Option<String>,
    },
    /// A set of criteria (like `return-to-run` or a phase's exit criteria) recorded as met or not.
    Criteria {
        date: Date,
        id: String,
        met: bool,
    },
    /// A run or cross-training imported from a watch's file (a summary; no track).
    Activity(ActivityLog),
}

/// The longest item id, criteria id or red-flag id a record may hold.
pub const MAX_ID_LEN: usize = 100;
/// The longest note.
pub const MAX_NOTE_LEN: usize = 4000;
/// Sets done can never be more than this.
pub const MAX_SETS: u32 = 50;

impl Record {
    pub fn date(&self) -> Date {
        match self {
            Record::Done { date, .. }
            | Record::Undone { date, .. }
            | Record::Skipped { date, .. }
            | Record::Pain { date, .. }
            | Record::Note { date, .. }
            | Record::Screened { date, .. }
            | Record::Assessed { date, .. }
            | Record::Criteria { date, .. } => *date,
            Record::Activity(a) => a.date,
        }
    }

    /// The item the record is about, if any.
    pub fn item(&self) -> Option<&str> {
        match self {
            Record::Done { item, .. }
            | Record::Undone { item, .. }
            | Record::Skipped { item, .. } => Some(item),
            Record::Pain { item, .. } => item.as_deref(),
            _ => None,
        }
    }

    /// A short lower-case name for the kind of record (`done`, `pain`, ...).
    pub fn kind(&self) -> &'static str {
        match self {
            Record::Done { .. } => "done",
            Record::Undone { .. } => "undone",
            Record::Skipped { .. } => "skipped",
            Record::Pain { .. } => "pain",
            Record::Note { .. } => "note",
            Record::Screened { .. } => "screened",
            Record::Assessed { .. } => "assessed",
            Record::Criteria { .. } => "criteria",
            Record::Activity(_) => "activity",
        }
    }

    /// [`Record::validate`], plus what is checked only on the way in (so a journal an older
    /// rehab wrote keeps loading): a note holds no control or invisible formatting characters
    /// but line breaks and tabs. Checked before every write.
    pub fn validate_new(&self) -> Result<(), String> {
        self.validate()?;
        match self {
            Record::Note { text, .. } => crate::text::check_free_text("note", text, true),
            _ => Ok(()),
        }
    }

    /// Values the types allow but a record must not hold: pain above 10, zero sets, empty or
    /// oversized ids and notes. Checked before writing and when loading.
    pub fn validate(&self) -> Result<(), String> {
        if let Some(item) = self.item() {
            check_id("item", item)?;
        }
        match self {
            Record::Done { sets: Some(n), .. } if !(1..=MAX_SETS).contains(n) => {
                Err(format!("sets must be 1-{MAX_SETS}, not {n}"))
            }
            Record::Pain { report, .. } => check_pain(report),
            Record::Note { text, .. } if text.trim().is_empty() => {
                Err("a note needs some text".to_string())
            }
            Record::Note { text, .. } if text.len() > MAX_NOTE_LEN => Err(format!(
                "a note may hold at most {MAX_NOTE_LEN} bytes, not {}",
                text.len()
            )),
            Record::Screened { answers, .. } => answers
                .keys()
                .try_for_each(|id| check_id("red-flag id", id)),
            Record::Criteria { id, .. } => check_id("criteria id", id),
            Record::Assessed { by: Some(name), .. } => check_id("clinician's name", name),
            Record::Activity(a) => a.validate(),
            _ => Ok(()),
        }
    }
}

fn check_pain(report: &PainReport) -> Result<(), String> {
    if report.is_empty() {
        return Err("a pain record needs a score or a flag".to_string());
    }
    for (what, score) in [("during", report.during), ("morning", report.morning)] {
        if let Some(n) = score
            && n > MAX_PAIN
        {
            return Err(format!("pain {what} must be 0-{MAX_PAIN}, not {n}"));
        }
    }
    Ok(())
}

fn check_id(what: &str, id: &str) -> Result<(), String> {
    // Ids are nearly always ASCII: one byte pass answers "blank?" and "control?" together (this
    // runs for every record at every start), with the full checks only for other text. An ASCII
    // byte is `char::is_whitespace` exactly when it is 9-13 or a space.
    let ascii = id.is_ascii();
    let blank = if ascii {
        id.bytes().all(|b| matches!(b, 9..=13 | b' '))
    } else {
        id.trim().is_empty()
    };
    if blank {
        return Err(format!("the {what} is empty"));
    }
    if id.len() > MAX_ID_LEN {
        return Err(format!("the {what} is longer than {MAX_ID_LEN} bytes"));
    }
    let control = if ascii {
        id.bytes().any(|b| b.is_ascii_control())
    } else {
        id.chars().any(crate::text::is_unsafe)
    };
    if control {
        return Err(format!("the {what} holds control characters"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> Date {
        Date::constant(2026, 11, 23)
    }

    #[test]
    fn the_ascii_blank_test_agrees_with_trim() {
        for b in 0u8..128 {
            let id = String::from(char::from(b)).repeat(3);
            let said_empty = check_id("item", &id).is_err_and(|e| e.ends_with("is empty"));
            assert_eq!(said_empty, id.trim().is_empty(), "byte {b}");
        }
    }

    #[test]
    fn out_of_range_values_are_refused() {
        let cases = [
            Record::Done {
                date: day(),
                item: "x".into(),
                sets: Some(0),
            },
            Record::Done {
                date: day(),
                item: " ".into(),
                sets: None,
            },
            Record::Pain {
                date: day(),
                item: None,
                report: PainReport {
                    during: Some(11),
                    ..PainReport::default()
                },
            },
            Record::Pain {
                date: day(),
                item: None,
                report: PainReport::default(),
            },
            Record::Note {
                date: day(),
                text: "   ".into(),
            },
            Record::Skipped {
                date: day(),
                item: "a\u{1b}[2J".into(),
                reason: SkipReason::Time,
            },
        ];
        for record in cases {
            assert!(record.validate().is_err(), "{record:?} accepted");
        }
    }

    #[test]
    fn ordinary_records_are_valid() {
        let ok = [
            Record::Done {
                date: day(),
                item: "wall-sit".into(),
                sets: Some(2),
            },
            Record::Pain {
                date: day(),
                item: Some("run".into()),
                report: PainReport {
                    during: Some(10),
                    morning: Some(0),
                    ..PainReport::default()
                },
            },
            Record::Note {
                date: day(),
                text: "felt fine\nreally".into(),
            },
        ];
        for record in ok {
            assert_eq!(record.validate(), Ok(()), "{record:?}");
            assert_eq!(record.date(), day());
        }
    }
}
