//! A journal's days in date order. Days read back from the cache stay as their bytes until
//! something looks at one: a start after ten years of history decodes the few days it shows,
//! not three thousand of them.

use std::hash::{Hash, Hasher};
use std::ops::{Bound, RangeBounds};
use std::sync::{Arc, OnceLock};

use jiff::civil::Date;

use super::replay::DayLog;

/// Days as a cache holds them: their bytes, the item ids those bytes name by number, and the
/// cache's own reader of one day (the store's: its byte format is the store's business).
#[derive(Debug)]
pub struct Packed {
    pub bytes: Vec<u8>,
    pub names: Vec<Arc<str>>,
    pub decode: DecodeDay,
}

/// Reads one packed day from its bytes, its ids named by number in the names given.
pub type DecodeDay = fn(&[u8], &[Arc<str>]) -> Option<DayLog>;

/// Where one day's bytes are in [`Packed::bytes`]; its [`day_hash`] is the 8 bytes before them.
#[derive(Debug, Clone, Copy)]
pub struct PackedDay {
    pub start: u32,
    pub end: u32,
}

/// One date's day. Small on purpose: ten years of them are laid out at every start, and each
/// page of them costs a page fault before the first frame.
#[derive(Debug, Clone)]
struct Slot {
    date: Date,
    /// Set while the day is still as its cache wrote it.
    packed: Option<PackedDay>,
    /// The day itself: decoded on first look when packed, always set otherwise.
    day: OnceLock<Box<DayLog>>,
}

/// Date -> everything logged that day, in date order (as a `BTreeMap` would iterate them).
#[derive(Clone, Default)]
pub struct Days {
    slots: Vec<Slot>,
    packed: Option<Arc<Packed>>,
}

/// How a day is stored, for the cache's writer: its bytes as read, or the day.
pub enum Stored<'a> {
    Packed(&'a [u8], u64),
    Day(&'a DayLog),
}

/// A day's hash: the same for the same day, whether it was decoded from a cache or replayed.
pub fn day_hash(day: &DayLog) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    day.hash(&mut h);
    h.finish()
}

impl Days {
    /// Days from a cache: `index` in date order, each pointing into `packed`.
    pub fn from_packed(packed: Packed, index: Vec<(Date, PackedDay)>) -> Days {
        Days {
            slots: index
                .into_iter()
                .map(|(date, at)| Slot {
                    date,
                    packed: Some(at),
                    day: OnceLock::new(),
                })
                .collect(),
            packed: Some(Arc::new(packed)),
        }
    }

    pub fn len(&self) -> usize {
        self.slots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    pub fn get(&self, date: &Date) -> Option<&DayLog> {
        let i = self.find(*date).ok()?;
        Some(self.day(&self.slots[i]))
    }

    /// The days whose dates are in `range`, in date order.
    pub fn range<R: RangeBounds<Date>>(
        &self,
        range: R,
    ) -> impl DoubleEndedIterator<Item = (&Date, &DayLog)> {
        let from = match range.start_bound() {
            Bound::Included(d) => self.slots.partition_point(|s| s.date < *d),
            Bound::Excluded(d) => self.slots.partition_point(|s| s.date <= *d),
            Bound::Unbounded => 0,
        };
        let to = match range.end_bound() {
            Bound::Included(d) => self.slots.partition_point(|s| s.date <= *d),
            Bound::Excluded(d) => self.slots.partition_point(|s| s.date < *d),
            Bound::Unbounded => self.slots.len(),
        };
        self.slots[from..to.max(from)]
            .iter()
            .map(|slot| (&slot.date, self.day(slot)))
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&Date, &DayLog)> {
        self.range(..)
    }

    pub fn values(&self) -> impl DoubleEndedIterator<Item = &DayLog> {
        self.iter().map(|(_, day)| day)
    }

    /// The day of `date`, to change: decoded first when it is still packed.
    pub(super) fn get_mut(&mut self, date: &Date) -> Option<&mut DayLog> {
        let i = self.find(*date).ok()?;
        Some(self.unpack(i))
    }

    /// The day of `date`, to change, made empty when there is none yet.
    pub(super) fn entry(&mut self, date: Date) -> &mut DayLog {
        // Records arrive in date order almost always: the newest day is the usual target.
        let i = match self.slots.last() {
            Some(last) if last.date == date => self.slots.len() - 1,
            _ => match self.find(date) {
                Ok(i) => i,
                Err(i) => {
                    let slot = Slot {
                        date,
                        packed: None,
                        day: OnceLock::from(Box::default()),
                    };
                    self.slots.insert(i, slot);
                    i
                }
            },
        };
        self.unpack(i)
    }

    /// Adds each day's date and hash for the days before `before` to `h`: a digest of them
    /// that costs no decoding for the days still packed.
    pub(super) fn hash_before(&self, before: Date, h: &mut impl Hasher) {
        let to = self.slots.partition_point(|s| s.date < before);
        for slot in &self.slots[..to] {
            let hash = match self.packed_hash(slot) {
                Some(hash) => hash,
                None => day_hash(self.day(slot)),
            };
            (slot.date, hash).hash(h);
        }
    }

    /// The ids the packed days name by number (the cache's writer keeps their numbers).
    pub fn packed_names(&self) -> &[Arc<str>] {
        self.packed.as_ref().map_or(&[], |p| &p.names)
    }

    /// Every day as it is stored, in date order.
    pub fn stored(&self) -> impl Iterator<Item = (Date, Stored<'_>)> {
        self.slots.iter().map(|slot| {
            let packed = self.packed.as_deref().zip(slot.packed);
            let bytes = packed.and_then(|(p, at)| p.bytes.get(at.start as usize..at.end as usize));
            let stored = match (bytes, self.packed_hash(slot)) {
                (Some(bytes), Some(hash)) => Stored::Packed(bytes, hash),
                _ => Stored::Day(self.day(slot)),
            };
            (slot.date, stored)
        })
    }

    fn find(&self, date: Date) -> Result<usize, usize> {
        self.slots.binary_search_by(|s| s.date.cmp(&date))
    }

    fn day<'a>(&'a self, slot: &'a Slot) -> &'a DayLog {
        slot.day
            .get_or_init(|| Box::new(decode(self.packed.as_deref(), slot.packed)))
    }

    /// A packed day's hash, as its cache wrote it just before its bytes.
    fn packed_hash(&self, slot: &Slot) -> Option<u64> {
        let (packed, at) = self.packed.as_deref().zip(slot.packed)?;
        let start = at.start as usize;
        let hash = packed.bytes.get(start.checked_sub(8)?..start)?;
        Some(u64::from_le_bytes(hash.try_into().ok()?))
    }

    /// Slot `i`'s day, decoded if need be and no longer packed (it is about to change).
    fn unpack(&mut self, i: usize) -> &mut DayLog {
        let packed = self.packed.as_deref();
        let slot = &mut self.slots[i];
        if slot.day.get().is_none() {
            let _ = slot.day.set(Box::new(decode(packed, slot.packed)));
        }
        slot.packed = None;
        slot.day
            .get_mut()
            .unwrap_or_else(|| unreachable!("the day was just set"))
    }
}

/// A packed day back as a day. The bytes passed the cache's checksum and were written by this
/// build's encoder (the store's), which the tests hold to its decoder, so they always decode; were they ever
/// not to, the day reads as empty rather than stopping the program.
fn decode(packed: Option<&Packed>, at: Option<PackedDay>) -> DayLog {
    let decoded = packed.zip(at).and_then(|(packed, at)| {
        let bytes = packed.bytes.get(at.start as usize..at.end as usize)?;
        (packed.decode)(bytes, &packed.names)
    });
    debug_assert!(decoded.is_some(), "a packed day that does not decode");
    decoded.unwrap_or_default()
}

impl PartialEq for Days {
    fn eq(&self, other: &Days) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Eq for Days {}

impl std::fmt::Debug for Days {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl FromIterator<(Date, DayLog)> for Days {
    /// As a `BTreeMap` collects: in date order, the last day of a repeated date kept.
    fn from_iter<I: IntoIterator<Item = (Date, DayLog)>>(iter: I) -> Self {
        let mut days = Days::default();
        for (date, day) in iter {
            *days.entry(date) = day;
        }
        days
    }
}
