//! The current state: the replay of the records, a later record winning.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::days::Days;

use jiff::civil::Date;

use super::idmap::IdMap;
use super::record::{ActivityLog, PainReport, Record, SkipReason};

/// Where one item stands on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemStatus {
    /// Done; `sets` when fewer than prescribed.
    Done {
        sets: Option<u32>,
    },
    Skipped(SkipReason),
}

/// Pain for a day (or one item of it), merged from its pain records.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Pain {
    pub during: Option<u8>,
    pub morning: Option<u8>,
    pub swelling: bool,
    pub limp: bool,
    pub sharp: bool,
}

impl Pain {
    /// A later score never hides a higher one (the day counts its worst); a sign given
    /// replaces the one held.
    pub fn merge(&mut self, report: &PainReport) {
        self.during = report.during.max(self.during);
        self.morning = report.morning.max(self.morning);
        self.swelling = report.swelling.unwrap_or(self.swelling);
        self.limp = report.limp.unwrap_or(self.limp);
        self.sharp = report.sharp.unwrap_or(self.sharp);
    }

    /// Swelling, a limp or sharp pain: the signs that re-open the red-flag questions.
    pub fn has_warning_sign(&self) -> bool {
        self.swelling || self.limp || self.sharp
    }
}

/// Everything logged for one date.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct DayLog {
    /// Item id -> its status; an undone item is absent.
    pub items: IdMap<ItemStatus>,
    /// Pain for the day's session as a whole.
    pub pain: Option<Pain>,
    /// Pain logged against one item (a run, one exercise).
    pub item_pain: IdMap<Pain>,
    pub notes: Vec<String>,
}

impl DayLog {
    pub fn status(&self, item: &str) -> Option<ItemStatus> {
        self.items.get(item).copied()
    }

    pub fn is_empty(&self) -> bool {
        self == &DayLog::default()
    }

    /// The worst next-morning score for the day's session, over the session and its items (a
    /// morning score saved against an item belongs to the day it follows, as the rules read it).
    pub fn worst_morning(&self) -> Option<u8> {
        self.pain
            .iter()
            .chain(self.item_pain.values())
            .filter_map(|p| p.morning)
            .max()
    }

    /// The day's pain as every view shows it: the worst of each score over the session and its
    /// items, and any sign given.
    pub fn day_pain(&self) -> Option<Pain> {
        let all = || self.pain.iter().chain(self.item_pain.values());
        all().next()?;
        Some(Pain {
            during: self.worst_during(),
            morning: self.worst_morning(),
            swelling: all().any(|p| p.swelling),
            limp: all().any(|p| p.limp),
            sharp: all().any(|p| p.sharp),
        })
    }

    /// Every score kept for the day: the session's first, then each item's by id.
    pub fn scores(&self) -> Vec<Score> {
        let mut out = Vec::new();
        let owners = self
            .pain
            .iter()
            .map(|p| (None, p))
            .chain(self.item_pain.iter().map(|(id, p)| (Some(id.clone()), p)));
        for (item, p) in owners {
            let kinds = [
                (ScoreKind::During, p.during),
                (ScoreKind::NextMorning, p.morning),
            ];
            for (kind, value) in kinds {
                if let Some(value) = value {
                    out.push(Score {
                        kind,
                        item: item.clone(),
                        value,
                    });
                }
            }
        }
        out
    }

    /// The worst pain during of the day, over the session and its items.
    pub fn worst_during(&self) -> Option<u8> {
        self.pain
            .iter()
            .chain(self.item_pain.values())
            .filter_map(|p| p.during)
            .max()
    }
}

/// Which score: pain during the session, or the next morning after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ScoreKind {
    During,
    NextMorning,
}

impl ScoreKind {
    /// The words every view uses for it.
    pub fn label(self) -> &'static str {
        match self {
            ScoreKind::During => "during",
            ScoreKind::NextMorning => "next morning",
        }
    }
}

/// One pain score, kept under the day whose session it describes.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Score {
    pub kind: ScoreKind,
    /// The item it was logged against; `None` for the session as a whole.
    pub item: Option<Arc<str>>,
    pub value: u8,
}

/// The replayed journal.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JournalState {
    /// Date -> what was logged that day.
    pub days: Days,
    /// Every red-flag screening, oldest first. Answers the same as the screening before share
    /// one map: a weekly "nothing has changed" over years costs one.
    pub screenings: Vec<(Date, Arc<BTreeMap<String, bool>>)>,
    /// The latest clinician assessment.
    pub assessed: Option<Date>,
    /// Every clinician assessment, in journal order (the progression needs them all, so a later
    /// assessment never rewrites the weeks before it).
    pub assessments: Vec<Date>,
    /// Criteria id -> the date it was recorded as met (absent when not met, or withdrawn).
    pub criteria_met: BTreeMap<String, Date>,
    /// The latest screening's place in the journal (0-based record number) and date.
    pub last_screened: Option<(usize, Date)>,
    /// The latest assessment by journal order: its place, date and the clinician's name.
    pub last_assessment: Option<(usize, Date, Option<String>)>,
    /// The latest pain record with a warning sign (swelling, a limp, sharp pain): place, date.
    pub last_warning_sign: Option<(usize, Date)>,
    /// What the safety gate reads, in journal order: every screening's "yes" answers, every
    /// assessment and every warning sign, each with its place (the gate compares places when
    /// two fall on one date).
    pub safety: Vec<SafetyEvent>,
    /// Activities imported from a watch, by start time (each once: a second record of the same
    /// activity, as two imports racing could write, is ignored).
    pub activities: Vec<ActivityLog>,
    /// Records applied so far.
    pub records: usize,
    pub(super) ids: Ids,
}

/// A journal line that the safety gate reads.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum SafetyEvent {
    /// The red-flag questions answered; `raised`: the ids answered "yes".
    Screened {
        at: usize,
        date: Date,
        raised: Vec<String>,
    },
    /// A clinician's assessment, dated `date` (which may be before the line was written).
    Assessed {
        at: usize,
        date: Date,
        by: Option<String>,
    },
    /// Sharp pain, new swelling or a limp logged for `date`.
    WarningSign { at: usize, date: Date },
}

impl SafetyEvent {
    /// The record's place in the journal (0-based).
    pub fn at(&self) -> usize {
        match self {
            SafetyEvent::Screened { at, .. }
            | SafetyEvent::Assessed { at, .. }
            | SafetyEvent::WarningSign { at, .. } => *at,
        }
    }

    pub fn date(&self) -> Date {
        match self {
            SafetyEvent::Screened { date, .. }
            | SafetyEvent::Assessed { date, .. }
            | SafetyEvent::WarningSign { date, .. } => *date,
        }
    }
}

/// One shared copy of each item id: a year of journal names the same few exercises thousands
/// of times, and a copy each would be a thousand allocations at every start.
#[derive(Debug, Clone, Default)]
pub(super) struct Ids(rustc_hash::FxHashSet<Arc<str>>);

impl Ids {
    pub(super) fn get(&mut self, id: &str) -> Arc<str> {
        if let Some(shared) = self.0.get(id) {
            return Arc::clone(shared);
        }
        let shared: Arc<str> = Arc::from(id);
        self.0.insert(Arc::clone(&shared));
        shared
    }
}

/// A cache, not part of the state: two states with the same days are equal.
impl PartialEq for Ids {
    fn eq(&self, _: &Ids) -> bool {
        true
    }
}

impl Eq for Ids {}

impl JournalState {
    /// Replays records from nothing.
    pub fn replay<'a>(records: impl IntoIterator<Item = &'a Record>) -> Self {
        let mut state = JournalState::default();
        state.apply_all(records);
        state
    }

    pub fn apply_all<'a>(&mut self, records: impl IntoIterator<Item = &'a Record>) {
        for record in records {
            self.apply(record);
        }
    }

    /// Applies one record on top of the state.
    pub fn apply(&mut self, record: &Record) {
        let at = self.records;
        self.records += 1;
        match record {
            Record::Done { date, item, sets } => {
                let id = self.ids.get(item);
                self.day_mut(*date)
                    .items
                    .insert(id, ItemStatus::Done { sets: *sets });
            }
            Record::Skipped { date, item, reason } => {
                let id = self.ids.get(item);
                self.day_mut(*date)
                    .items
                    .insert(id, ItemStatus::Skipped(*reason));
            }
            Record::Undone { date, item } => {
                if let Some(day) = self.days.get_mut(date) {
                    day.items.remove(item.as_str());
                }
            }
            Record::Pain { date, item, report } => {
                if [report.swelling, report.limp, report.sharp].contains(&Some(true)) {
                    self.last_warning_sign = Some((at, *date));
                    self.safety
                        .push(SafetyEvent::WarningSign { at, date: *date });
                }
                let id = item.as_deref().map(|item| self.ids.get(item));
                let day = self.day_mut(*date);
                let pain = match id {
                    Some(id) => day.item_pain.get_or_default(id),
                    None => day.pain.get_or_insert_with(Pain::default),
                };
                pain.merge(report);
            }
            // A note written by an older rehab may hold control characters: shown cleaned, the
            // file itself is left as it is.
            Record::Note { date, text } => self
                .day_mut(*date)
                .notes
                .push(crate::text::clean_block(text).into_owned()),
            Record::Screened { date, answers } => {
                self.last_screened = Some((at, *date));
                let answers_shared = match self.screenings.last() {
                    Some((_, last)) if **last == *answers => Arc::clone(last),
                    _ => Arc::new(answers.clone()),
                };
                self.screenings.push((*date, answers_shared));
                self.safety.push(SafetyEvent::Screened {
                    at,
                    date: *date,
                    raised: answers
                        .iter()
                        .filter(|(_, yes)| **yes)
                        .map(|(id, _)| id.clone())
                        .collect(),
                });
            }
            Record::Assessed { date, by } => {
                // The latest by date; on the same date, the later line (it may follow answers).
                if self
                    .last_assessment
                    .as_ref()
                    .is_none_or(|(_, d, _)| date >= d)
                {
                    self.last_assessment = Some((at, *date, by.clone()));
                }
                self.assessed = Some(self.assessed.map_or(*date, |d| d.max(*date)));
                self.assessments.push(*date);
                self.safety.push(SafetyEvent::Assessed {
                    at,
                    date: *date,
                    by: by.clone(),
                });
            }
            Record::Criteria { date, id, met } => {
                if *met {
                    self.criteria_met.insert(id.clone(), *date);
                } else {
                    self.criteria_met.remove(id);
                }
            }
            Record::Activity(activity) => self.add_activity(activity),
        }
    }

    /// Keeps an activity in start order, unless it is known already. Imports come in nearly
    /// in order, so the place is found from the end.
    fn add_activity(&mut self, activity: &ActivityLog) {
        if self.knows_activity(activity) {
            return;
        }
        let at = self
            .activities
            .iter()
            .rposition(|a| a.start <= activity.start)
            .map_or(0, |i| i + 1);
        self.activities.insert(at, activity.clone());
    }

    /// Whether this activity (the same kind, started the same minute) is in the journal.
    pub fn knows_activity(&self, activity: &ActivityLog) -> bool {
        let key = activity.key();
        let minute = jiff::Timestamp::from_second(key.0 * 60).unwrap_or(activity.start);
        let from = self.activities.partition_point(|a| a.start < minute);
        self.activities[from..]
            .iter()
            .take_while(|a| a.key().0 == key.0)
            .any(|a| a.key() == key)
    }

    /// The activities that started on local dates in `range`.
    pub fn activities_in(&self, range: impl std::ops::RangeBounds<Date>) -> Vec<&ActivityLog> {
        self.activities
            .iter()
            .filter(|a| range.contains(&a.date))
            .collect()
    }

    /// The one shared copy of an item id (days name the same ids thousands of times).
    pub fn intern(&mut self, id: &str) -> Arc<str> {
        self.ids.get(id)
    }

    pub fn day(&self, date: Date) -> Option<&DayLog> {
        self.days.get(&date)
    }

    /// A hash of all that was logged for the days before `before`, and of the milestones
    /// whatever their dates (screenings, assessments, criteria): all that the weeks before that
    /// day were worked out from, so a saved result for them is known to be still good.
    pub fn digest_before(&self, before: Date) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = rustc_hash::FxHasher::default();
        self.days.hash_before(before, &mut h);
        self.screenings.hash(&mut h);
        self.assessments.hash(&mut h);
        self.criteria_met.hash(&mut h);
        self.activities
            .iter()
            .filter(|a| a.date < before)
            .for_each(|a| a.hash(&mut h));
        h.finish()
    }

    pub fn status(&self, date: Date, item: &str) -> Option<ItemStatus> {
        self.days.get(&date).and_then(|d| d.status(item))
    }

    fn day_mut(&mut self, date: Date) -> &mut DayLog {
        self.days.entry(date)
    }
}
