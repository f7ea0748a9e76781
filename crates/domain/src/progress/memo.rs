//! What a profile's progression has already worked out, kept between looks so a look at today
//! does not walk years of weeks again. Every caller holds it whole and passes it back: only this
//! module reads what is inside, and it holds only while the library, the plan settings and the
//! journal before its week are what they were when it was made.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::engine::{Checkpoint, Span};
use super::{ProgressError, WeekOutcome, run_profile_span};
use crate::catalog::Catalog;
use crate::journal::JournalState;
use crate::plan::ProgramWeek;
use crate::profile::Profile;

/// The progression at the start of a recent week, with what it is good for. Empty until a look
/// made one.
#[derive(Debug, Clone, Default)]
pub struct Memo(Option<std::sync::Arc<Saved>>);

/// Two memos are the same when made at the same week from the same inputs (a checkpoint holds
/// measured pain, so it has no `Eq` of its own).
impl PartialEq for Memo {
    fn eq(&self, other: &Memo) -> bool {
        fn made(m: &Memo) -> Option<(u64, u32, &str)> {
            m.0.as_ref()
                .map(|s| (s.key, s.checkpoint.week(), s.version.as_str()))
        }
        made(self) == made(other)
    }
}

impl Eq for Memo {}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Saved {
    /// The program that made it: another version may carry weeks differently.
    version: String,
    /// The library, the profile's plan and the journal before the checkpoint's week.
    key: u64,
    checkpoint: Checkpoint,
}

impl Memo {
    /// Whether no look has made it yet (nothing to keep).
    pub fn is_empty(&self) -> bool {
        self.0.is_none()
    }

    /// The memo as text to keep beside the journal; `None` when empty.
    pub fn to_text(&self) -> Option<String> {
        self.0.as_ref().and_then(|s| ron::to_string(&**s).ok())
    }

    /// A memo read back. Text that does not read, or that another version wrote, is an empty
    /// memo: it is derived, and the weeks are simply worked out again.
    pub fn from_text(text: &str) -> Memo {
        Memo(
            ron::from_str::<Saved>(text)
                .ok()
                .filter(|s| s.version == env!("CARGO_PKG_VERSION"))
                .map(std::sync::Arc::new),
        )
    }
}

/// The weeks a look at `dates` (today, and the day asked about) needs, from `memo` when it still
/// holds. `None` when they must be worked out from week 1 (early in the programme, or the
/// progression cannot run: the caller's full path says why). Also returns a newer memo when this
/// look made one worth keeping. The weeks start at the memo's week, or without one at last week
/// (the day asked about's when earlier), not week 1: for a look at a day and this week, never for
/// a history.
pub fn recent(
    catalog: &Catalog,
    profile: &Profile,
    journal: &JournalState,
    dates: (Date, Date),
    memo: &Memo,
) -> Option<(Vec<WeekOutcome>, Option<Memo>)> {
    let plan = Look::of(catalog, profile, journal, dates, memo)?;
    let span = Span {
        from: plan.from,
        up_to_week: plan.last,
        keep: plan.keep,
        today: Some(dates.0),
        earlier: &profile.earlier_settings,
        show_from: Some(plan.show_from),
    };
    let result: Result<_, ProgressError> = run_profile_span(catalog, profile, journal, span);
    let (outcomes, kept) = result.ok()?;
    let newer = kept.map(|checkpoint| {
        Memo(Some(std::sync::Arc::new(Saved {
            version: env!("CARGO_PKG_VERSION").to_string(),
            key: key(catalog, profile, journal, checkpoint.week()),
            checkpoint,
        })))
    });
    Some((outcomes, newer))
}

/// What one look works out: from where, to which week, and whether to keep a new memo.
struct Look<'a> {
    from: Option<&'a Checkpoint>,
    last: u32,
    keep: Option<u32>,
    show_from: u32,
}

impl<'a> Look<'a> {
    fn of(
        catalog: &Catalog,
        profile: &Profile,
        journal: &JournalState,
        (today, through): (Date, Date),
        memo: &'a Memo,
    ) -> Option<Look<'a>> {
        let week_of = |date| ProgramWeek::of(&profile.settings, date).number();
        let last = week_of(through.max(today)).unwrap_or(0);
        // The earliest week a look may read: the day asked about, or the day before it (a
        // next-morning score belongs to the session before).
        let day_before = |d: Date| d.yesterday().unwrap_or(d);
        let earliest = week_of(day_before(through.min(today))).unwrap_or(0);
        if earliest < 2 {
            return None;
        }
        let from = memo
            .0
            .as_ref()
            .filter(|s| {
                let week = s.checkpoint.week();
                week <= earliest && s.key == key(catalog, profile, journal, week)
            })
            .map(|s| &s.checkpoint);
        // A memo at the start of last week: this week and last are worked out each time (a late
        // tick may still change last week's decision). Kept a month at a time.
        let want = week_of(today).unwrap_or(0).saturating_sub(1);
        let keep = (want >= 2 && want <= earliest && from.is_none_or(|c| c.week() + 4 <= want))
            .then_some(want);
        // The weeks shown start where a memo made now would: last week, or the earliest week
        // asked about when that is before it. The weeks before are walked through only.
        let show_from = from.map_or(earliest.min(want), Checkpoint::week);
        Some(Look {
            from,
            last,
            keep,
            show_from,
        })
    }
}

/// What a memo at the start of `week` was made from.
fn key(catalog: &Catalog, profile: &Profile, journal: &JournalState, week: u32) -> u64 {
    use std::hash::{Hash, Hasher};
    let monday = profile.settings.monday_of_week(week);
    let mut h = rustc_hash::FxHasher::default();
    catalog.fingerprint().hash(&mut h);
    profile.condition.hash(&mut h);
    profile.settings.hash(&mut h);
    profile.earlier_settings.hash(&mut h);
    profile.overrides.hash(&mut h);
    journal.digest_before(monday).hash(&mut h);
    h.finish()
}
