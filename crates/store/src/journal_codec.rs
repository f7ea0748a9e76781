//! The replayed journal as compact bytes, for the cache beside the journal (`cache.rs`): ten
//! years of days read back in a fraction of what parsing their lines costs. Bytes in and out;
//! `cache.rs` reads and writes the file. The format is private to this build; a reader that finds
//! anything unexpected answers `None`, and the caller replays the journal instead. Days are only
//! located here: each is decoded by [`decode_day`] when the rules first look at it.

use std::collections::BTreeMap;
use std::sync::Arc;

use jiff::civil::Date;

use rehab_domain::journal::{
    ActivityKind, ActivityLog, DayLog, Days, IdMap, ItemStatus, JournalState, Packed, PackedDay,
    Pain, SafetyEvent, SkipReason, Stored, day_hash,
};

/// The state as bytes. Item ids are written once each and then named by number; each day is
/// written with its length and hash, so a reader can leave it packed (see `Days`).
pub(crate) fn encode_state(state: &JournalState) -> Vec<u8> {
    // Days still packed keep their bytes, so the ids they name keep their numbers.
    let mut names: Vec<&str> = state.days.packed_names().iter().map(|n| &**n).collect();
    let mut ids: rustc_hash::FxHashMap<&str, u32> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (*n, i as u32))
        .collect();
    for (_, stored) in state.days.stored() {
        if let Stored::Day(day) = stored {
            for id in day.items.keys().chain(day.item_pain.keys()) {
                ids.entry(id).or_insert_with(|| {
                    names.push(id);
                    names.len() as u32 - 1
                });
            }
        }
    }
    let mut w = Writer(Vec::with_capacity(16 + state.days.len() * 48));
    w.count(names.len());
    for name in &names {
        w.text(name);
    }
    w.count(state.days.len());
    let mut body = Writer(Vec::new());
    for (date, stored) in state.days.stored() {
        w.date(date);
        let (bytes, hash) = match stored {
            Stored::Packed(bytes, hash) => (bytes, hash),
            Stored::Day(day) => {
                body.0.clear();
                body.day(day, &ids);
                (body.0.as_slice(), day_hash(day))
            }
        };
        w.count(bytes.len());
        w.0.extend_from_slice(&hash.to_le_bytes());
        w.0.extend_from_slice(bytes);
    }
    w.count(state.screenings.len());
    let mut before: Option<&Arc<BTreeMap<String, bool>>> = None;
    for (date, answers) in &state.screenings {
        w.date(*date);
        // 1: the same answers as the screening before (kept once, shared when read back).
        let same = before.is_some_and(|b| Arc::ptr_eq(b, answers) || b == answers);
        w.byte(u8::from(same));
        if !same {
            w.answers(answers);
        }
        before = Some(answers);
    }
    w.option(state.assessed, Writer::date);
    w.count(state.assessments.len());
    for date in &state.assessments {
        w.date(*date);
    }
    w.count(state.criteria_met.len());
    for (id, date) in &state.criteria_met {
        w.text(id);
        w.date(*date);
    }
    w.option(state.last_screened, Writer::place);
    w.option(state.last_assessment.as_ref(), |w, (at, date, by)| {
        w.place((*at, *date));
        w.option(by.as_deref(), Writer::text);
    });
    w.option(state.last_warning_sign, Writer::place);
    w.count(state.safety.len());
    for event in &state.safety {
        match event {
            SafetyEvent::Screened { at, date, raised } => {
                w.byte(0);
                w.place((*at, *date));
                w.count(raised.len());
                for id in raised {
                    w.text(id);
                }
            }
            SafetyEvent::Assessed { at, date, by } => {
                w.byte(1);
                w.place((*at, *date));
                w.option(by.as_deref(), Writer::text);
            }
            SafetyEvent::WarningSign { at, date } => {
                w.byte(2);
                w.place((*at, *date));
            }
        }
    }
    w.count(state.activities.len());
    for a in &state.activities {
        w.date(a.date);
        w.0.extend_from_slice(&a.start.as_second().to_le_bytes());
        w.byte(a.kind as u8);
        for n in [a.moving_s, a.distance_m, a.ascent_m, a.descent_m] {
            w.number(u64::from(n));
        }
        w.option(a.cadence, |w, c| w.number(u64::from(c)));
    }
    w.number(state.records as u64);
    w.0
}

/// The state back from [`encode_state`]'s bytes; `None` for anything else.
#[cfg(test)]
fn decode_state(bytes: &[u8]) -> Option<JournalState> {
    decode_state_in(bytes.to_vec(), 0)
}

/// [`decode_state`] for the encoded state found from `from` on in `bytes`, which are kept
/// (not copied) for the days. The days are only located here (each must fit in the bytes);
/// each is decoded when first looked at.
pub(crate) fn decode_state_in(bytes: Vec<u8>, from: usize) -> Option<JournalState> {
    let mut r = Reader(bytes.get(from..)?);
    let mut state = JournalState::default();
    let names: Vec<Arc<str>> = (0..r.count()?)
        .map(|_| r.text().map(|t| state.intern(&t)))
        .collect::<Option<_>>()?;
    let days = r.count()?;
    let mut previous: Option<Date> = None;
    let mut index = Vec::with_capacity(days);
    for _ in 0..days {
        let date = r.date()?;
        if previous.is_some_and(|p| p >= date) {
            return None;
        }
        previous = Some(date);
        let len = r.count()?;
        // The day's hash, read back from here when needed (see `Days::packed_hash`).
        r.take(8)?;
        let start = bytes.len() - r.0.len();
        r.take(len)?;
        index.push((
            date,
            PackedDay {
                start: u32::try_from(start).ok()?,
                end: u32::try_from(start + len).ok()?,
            },
        ));
    }
    for _ in 0..r.count()? {
        let date = r.date()?;
        let answers = match (r.byte()?, state.screenings.last()) {
            (0, _) => Arc::new(r.answers()?),
            (1, Some((_, last))) => Arc::clone(last),
            _ => return None,
        };
        state.screenings.push((date, answers));
    }
    state.assessed = r.option(Reader::date)?;
    state.assessments = (0..r.count()?).map(|_| r.date()).collect::<Option<_>>()?;
    for _ in 0..r.count()? {
        let id = r.text()?;
        state.criteria_met.insert(id, r.date()?);
    }
    state.last_screened = r.option(Reader::place)?;
    state.last_assessment = r.option(|r| {
        let (at, date) = r.place()?;
        Some((at, date, r.option(Reader::text)?))
    })?;
    state.last_warning_sign = r.option(Reader::place)?;
    for _ in 0..r.count()? {
        let tag = r.byte()?;
        let (at, date) = r.place()?;
        state.safety.push(match tag {
            0 => SafetyEvent::Screened {
                at,
                date,
                raised: (0..r.count()?).map(|_| r.text()).collect::<Option<_>>()?,
            },
            1 => SafetyEvent::Assessed {
                at,
                date,
                by: r.option(Reader::text)?,
            },
            2 => SafetyEvent::WarningSign { at, date },
            _ => return None,
        });
    }
    for _ in 0..r.count()? {
        let date = r.date()?;
        let start = i64::from_le_bytes(r.take(8)?.try_into().ok()?);
        let kind = *ActivityKind::ALL.get(usize::from(r.byte()?))?;
        let mut n = || u32::try_from(r.number()?).ok();
        let (moving_s, distance_m, ascent_m, descent_m) = (n()?, n()?, n()?, n()?);
        let cadence = r.option(|r| u16::try_from(r.number()?).ok())?;
        state.activities.push(ActivityLog {
            date,
            start: jiff::Timestamp::from_second(start).ok()?,
            kind,
            moving_s,
            distance_m,
            ascent_m,
            descent_m,
            cadence,
        });
    }
    state.records = usize::try_from(r.number()?).ok()?;
    if !r.0.is_empty() {
        return None;
    }
    state.days = Days::from_packed(
        Packed {
            bytes,
            names,
            decode: decode_day,
        },
        index,
    );
    Some(state)
}

/// One day from the bytes [`encode_state`] wrote for it, its ids named by number in `names`.
fn decode_day(bytes: &[u8], names: &[Arc<str>]) -> Option<DayLog> {
    let mut r = Reader(bytes);
    let id = |r: &mut Reader| names.get(usize::try_from(r.number()?).ok()?).cloned();
    // Written in key order: each map is built in one pass, not an insert at a time.
    let items = (0..r.count()?)
        .map(|_| {
            let id = id(&mut r)?;
            let status = match r.byte()? {
                0 => ItemStatus::Done { sets: None },
                1 => ItemStatus::Done {
                    sets: Some(u32::try_from(r.number()?).ok()?),
                },
                n => ItemStatus::Skipped(skip_reason(n.checked_sub(2)?)?),
            };
            Some((id, status))
        })
        .collect::<Option<IdMap<_>>>()?;
    let pain = r.pain()?;
    let item_pain = (0..r.count()?)
        .map(|_| Some((id(&mut r)?, r.pain()??)))
        .collect::<Option<IdMap<_>>>()?;
    let notes = (0..r.count()?).map(|_| r.text()).collect::<Option<_>>()?;
    r.0.is_empty().then_some(DayLog {
        items,
        pain,
        item_pain,
        notes,
    })
}

fn skip_reason(n: u8) -> Option<SkipReason> {
    [
        SkipReason::Pain,
        SkipReason::Time,
        SkipReason::Equipment,
        SkipReason::Other,
    ]
    .get(usize::from(n))
    .copied()
}

struct Writer(Vec<u8>);

impl Writer {
    fn byte(&mut self, b: u8) {
        self.0.push(b);
    }

    /// LEB128: seven bits a byte, most numbers here take one.
    fn number(&mut self, mut n: u64) {
        while n >= 0x80 {
            self.0.push((n as u8) | 0x80);
            n >>= 7;
        }
        self.0.push(n as u8);
    }

    fn count(&mut self, n: usize) {
        self.number(n as u64);
    }

    fn text(&mut self, text: &str) {
        self.count(text.len());
        self.0.extend_from_slice(text.as_bytes());
    }

    fn date(&mut self, date: Date) {
        self.0.extend_from_slice(&date.year().to_le_bytes());
        self.0.push(date.month() as u8);
        self.0.push(date.day() as u8);
    }

    fn place(&mut self, (at, date): (usize, Date)) {
        self.count(at);
        self.date(date);
    }

    fn option<T>(&mut self, value: Option<T>, write: impl FnOnce(&mut Self, T)) {
        match value {
            Some(v) => {
                self.byte(1);
                write(self, v);
            }
            None => self.byte(0),
        }
    }

    fn pain(&mut self, pain: Option<&Pain>) {
        let Some(p) = pain else {
            self.byte(0);
            return;
        };
        let bits = 1
            | u8::from(p.during.is_some()) << 1
            | u8::from(p.morning.is_some()) << 2
            | u8::from(p.swelling) << 3
            | u8::from(p.limp) << 4
            | u8::from(p.sharp) << 5;
        self.byte(bits);
        self.0.extend(p.during);
        self.0.extend(p.morning);
    }

    fn day(&mut self, day: &DayLog, ids: &rustc_hash::FxHashMap<&str, u32>) {
        self.count(day.items.len());
        for (id, status) in &day.items {
            self.number(u64::from(ids[&**id]));
            match status {
                ItemStatus::Done { sets: None } => self.byte(0),
                ItemStatus::Done { sets: Some(n) } => {
                    self.byte(1);
                    self.number(u64::from(*n));
                }
                ItemStatus::Skipped(reason) => self.byte(2 + *reason as u8),
            }
        }
        self.pain(day.pain.as_ref());
        self.count(day.item_pain.len());
        for (id, pain) in &day.item_pain {
            self.number(u64::from(ids[&**id]));
            self.pain(Some(pain));
        }
        self.count(day.notes.len());
        for note in &day.notes {
            self.text(note);
        }
    }

    fn answers(&mut self, answers: &BTreeMap<String, bool>) {
        self.count(answers.len());
        for (question, yes) in answers {
            self.text(question);
            self.byte(u8::from(*yes));
        }
    }
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.0.len() < n {
            return None;
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(head)
    }

    fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(b)
    }

    fn number(&mut self) -> Option<u64> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }

    /// A count of things still to read: never more than the bytes left, so a damaged count
    /// cannot ask for a huge allocation.
    fn count(&mut self) -> Option<usize> {
        usize::try_from(self.number()?)
            .ok()
            .filter(|&n| n <= self.0.len())
    }

    fn text(&mut self) -> Option<String> {
        let n = self.count()?;
        String::from_utf8(self.take(n)?.to_vec()).ok()
    }

    fn date(&mut self) -> Option<Date> {
        let year = i16::from_le_bytes([self.byte()?, self.byte()?]);
        let month = i8::try_from(self.byte()?).ok()?;
        let day = i8::try_from(self.byte()?).ok()?;
        Date::new(year, month, day).ok()
    }

    fn place(&mut self) -> Option<(usize, Date)> {
        Some((usize::try_from(self.number()?).ok()?, self.date()?))
    }

    /// `Some(None)` for an absent value, `None` for bytes that make no sense.
    fn option<T>(&mut self, read: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        match self.byte()? {
            0 => Some(None),
            1 => read(self).map(Some),
            _ => None,
        }
    }

    fn pain(&mut self) -> Option<Option<Pain>> {
        let bits = self.byte()?;
        if bits == 0 {
            return Some(None);
        }
        if bits & 1 == 0 || bits >> 6 != 0 {
            return None;
        }
        let during = if bits & 2 != 0 {
            Some(self.byte()?)
        } else {
            None
        };
        let morning = if bits & 4 != 0 {
            Some(self.byte()?)
        } else {
            None
        };
        Some(Some(Pain {
            during,
            morning,
            swelling: bits & 8 != 0,
            limp: bits & 16 != 0,
            sharp: bits & 32 != 0,
        }))
    }

    fn answers(&mut self) -> Option<BTreeMap<String, bool>> {
        (0..self.count()?)
            .map(|_| {
                let question = self.text()?;
                let yes = match self.byte()? {
                    0 => false,
                    1 => true,
                    _ => return None,
                };
                Some((question, yes))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rehab_domain::journal::{PainReport, Record};

    #[test]
    fn weekly_answers_that_do_not_change_are_kept_once() {
        let d = |day| Date::constant(2026, 11, day);
        let no = BTreeMap::from([
            ("locked-knee".to_string(), false),
            ("giving-way".to_string(), false),
        ]);
        let mut yes = no.clone();
        yes.insert("giving-way".to_string(), true);
        let records: Vec<Record> = [(2, &no), (9, &no), (16, &yes), (23, &yes), (30, &no)]
            .into_iter()
            .map(|(day, answers)| Record::Screened {
                date: d(day),
                answers: answers.clone(),
            })
            .collect();
        let state = JournalState::replay(&records);
        let back = decode_state(&encode_state(&state)).expect("decodes");
        for s in [&state, &back] {
            let maps: Vec<&Arc<BTreeMap<String, bool>>> =
                s.screenings.iter().map(|(_, a)| a).collect();
            assert!(Arc::ptr_eq(maps[0], maps[1]) && Arc::ptr_eq(maps[2], maps[3]));
            assert!(!Arc::ptr_eq(maps[1], maps[2]) && !Arc::ptr_eq(maps[3], maps[4]));
            let answers: Vec<&BTreeMap<String, bool>> = maps.iter().map(|a| a.as_ref()).collect();
            assert_eq!(answers, [&no, &no, &yes, &yes, &no]);
        }
        assert_eq!(back.screenings, state.screenings);
    }

    #[test]
    fn a_state_comes_back_as_it_was() {
        let d = |day| Date::constant(2026, 11, day);
        let records = [
            Record::Done {
                date: d(2),
                item: "quad-set".into(),
                sets: Some(2),
            },
            Record::Skipped {
                date: d(2),
                item: "wall-sit".into(),
                reason: SkipReason::Equipment,
            },
            Record::Pain {
                date: d(9),
                item: Some("run".into()),
                report: PainReport {
                    during: Some(4),
                    sharp: Some(true),
                    ..PainReport::default()
                },
            },
            Record::Note {
                date: d(9),
                text: "stairs".into(),
            },
            Record::Screened {
                date: d(1),
                answers: [("night-pain".to_string(), false)].into(),
            },
            Record::Assessed {
                date: d(3),
                by: Some("Dr A".into()),
            },
            Record::Criteria {
                date: d(4),
                id: "hop".into(),
                met: true,
            },
            Record::Activity(ActivityLog {
                date: d(5),
                start: jiff::Timestamp::from_second(1_796_000_000).expect("in range"),
                kind: ActivityKind::Swim,
                moving_s: 1800,
                distance_m: 1500,
                ascent_m: 0,
                descent_m: 3,
                cadence: Some(170),
            }),
        ];
        let state = JournalState::replay(&records);
        let bytes = encode_state(&state);
        assert_eq!(decode_state(&bytes), Some(state));
        // Cut short or with a byte more, it is refused rather than half read.
        assert_eq!(decode_state(&bytes[..bytes.len() - 1]), None);
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(decode_state(&longer), None);
    }

    #[test]
    fn packed_days_change_hash_and_write_as_replayed_ones() {
        let d = |day| Date::constant(2026, 11, day);
        let done = |day, item: &str| Record::Done {
            date: d(day),
            item: item.into(),
            sets: None,
        };
        let first: Vec<Record> = (1..=20)
            .flat_map(|day| [done(day, "clamshell"), done(day, "quad-set")])
            .collect();
        let later = [
            // A late tick and an undo on days the cache holds packed, and a new day.
            done(5, "wall-sit"),
            Record::Undone {
                date: d(3),
                item: "quad-set".into(),
            },
            done(25, "clamshell"),
            Record::Note {
                date: d(7),
                text: "stairs".into(),
            },
        ];
        let replayed = JournalState::replay(first.iter().chain(&later));
        let mut packed =
            decode_state(&encode_state(&JournalState::replay(&first))).expect("decodes");
        let untouched_digest = packed.digest_before(d(3));
        packed.apply_all(&later);
        assert_eq!(packed, replayed);
        assert_eq!(untouched_digest, replayed.digest_before(d(3)));
        for day in 1..=26 {
            assert_eq!(packed.digest_before(d(day)), replayed.digest_before(d(day)));
        }
        assert_ne!(replayed.digest_before(d(4)), replayed.digest_before(d(3)));
        // Written again, some days still packed and some not, it reads back the same.
        let again = decode_state(&encode_state(&packed)).expect("decodes again");
        assert_eq!(again, replayed);
        assert_eq!(again.digest_before(d(26)), replayed.digest_before(d(26)));
        assert_eq!(again.day(d(5)).map(|day| day.items.len()), Some(3));
    }
}
